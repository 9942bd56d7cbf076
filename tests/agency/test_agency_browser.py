"""Site checks of the agency's own data (`--data-dir`, default `data/`) in a real browser
(Debian's chromium): the Thai search finds the agency's own words, no page scrolls sideways
on a 375 px phone, and axe-core finds no serious or critical violation on any page.

The checks are the product tests' own (tests/checks.py), run here on the agency's site. The
product tests already audit every scheme and width on the fixtures; the data can only change
the content, so one pass per page is made here: the phone width, light scheme.
"""

from __future__ import annotations

import pytest
from checks import PHONE, Pages, audit, search, search_box, sideways, site_path

from ita_site.site import load_site


@pytest.fixture(scope="module")
def agency(agency_data):
    return load_site(agency_data)


@pytest.fixture(scope="module")
def searching(browser, agency_served):
    with search_box(browser, agency_served) as page:
        yield page


def test_search_finds_the_agencys_name(agency, searching, agency_served):
    found = [site_path(u, agency_served) for u in search(searching, agency.organization.name)]
    assert "index.html" in found, found


def test_search_finds_each_indicator_by_its_name(agency, agency_site, searching, agency_served):
    """The catalog's names (data/indicators/): each finds its indicator's page."""
    wrong = {}
    for number, indicator in sorted(agency.indicators.items()):
        page = f"indicators/{number}.html"
        if not (agency_site.path / page).is_file():
            continue
        found = [site_path(u, agency_served) for u in search(searching, indicator.name)]
        if page not in found:
            wrong[indicator.name] = found
    assert wrong == {}


def test_no_page_scrolls_sideways_on_a_phone(agency_site, agency_served, browser):
    pages = Pages(agency_site.path).names
    assert "index.html" in pages
    assert sideways(browser, agency_served, pages, PHONE) == {}


def test_axe_finds_no_serious_violation(agency_site, agency_served, browser):
    pages = Pages(agency_site.path).names
    assert audit(browser, agency_served, pages, "light", PHONE) == {}
