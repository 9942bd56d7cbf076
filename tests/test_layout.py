"""Phone layout in a real browser: on a 375 px screen no page scrolls sideways, and the action
tables of the seven issues are one card per question; on a desktop they are real tables whose
seven columns are all in sight.

Every built page of two sites is opened: the default agency's fixture, and the tracking fixture (progress
rows under each action, with timelines and evidence links, and a year being filled in).
"""

from __future__ import annotations

import pytest
from checks import DESKTOP, OVERFLOW, PHONE, sideways
from conftest import built_pages


def test_no_page_scrolls_sideways_on_a_phone(site, served, browser):
    pages = built_pages(site)
    assert "index.html" in pages and "issues/2566/4.html" in pages and len(pages) > 30
    assert sideways(browser, served, pages, PHONE) == {}


def test_no_page_of_the_tracking_site_scrolls_sideways_on_a_phone(tracking_site, tracking_served, browser):
    pages = built_pages(tracking_site)
    assert "plan/2566.html" in pages and "years/2566.html" in pages and "about/2567.html" in pages
    assert "ita-timeline" in tracking_site.html("issues/2566/4.html")  # progress rows are there
    assert sideways(browser, tracking_served, pages, PHONE) == {}


def test_no_page_of_the_oit_site_scrolls_sideways_on_a_phone(oit_site, oit_served, browser):
    """The OIT fixture: items with several links, dates, quarters, reasons, broken-link badges
    and the table of broken links."""
    pages = built_pages(oit_site)
    assert "oit/2567.html" in pages and "ita-broken-links" in oit_site.html("oit/2567.html")
    assert sideways(browser, oit_served, pages, PHONE) == {}


def test_the_check_sees_a_page_that_scrolls_sideways(served, browser):
    """The check itself: a wide element added to a page is found."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(served + "index.html")
        page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<p style=\"width:600px\">x</p>')")
        found = page.evaluate(OVERFLOW)
    finally:
        context.close()
    assert found["doc"][0] > found["doc"][1] and "600px" in found["widest"]


TABLE = """() => {
  const table = document.querySelector("table.ita-action-table");
  const box = table.parentElement.getBoundingClientRect();
  const visible = el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 20 && r.height > 5 && s.visibility !== "hidden" && r.left >= box.left - 1 && r.right <= box.right + 1
      && r.right <= document.documentElement.clientWidth;
  };
  const heads = [...table.querySelectorAll("thead th")];
  const body = table.querySelector("tbody");
  const cells = [...body.querySelectorAll("tr:first-child > td")];
  return {
    display: getComputedStyle(table).display,
    heads: heads.map(h => h.textContent.trim()),
    visibleHeads: heads.filter(visible).length,
    scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth,
    rowDisplay: getComputedStyle(body.querySelector("tr")).display,
    bodyDisplay: getComputedStyle(body).display,
    cellWidths: cells.map(c => Math.round(c.getBoundingClientRect().width)),
    labels: cells.map(c => getComputedStyle(c, "::before").content),
    boxWidth: Math.round(box.width),
  };
}"""


@pytest.mark.parametrize("which", ["default", "tracking"])
def test_action_table_is_a_table_on_desktop_and_cards_on_a_phone(which, request, browser):
    site = request.getfixturevalue("site" if which == "default" else "tracking_site")
    base = request.getfixturevalue("served" if which == "default" else "tracking_served")
    issues = [p for p in built_pages(site) if p.startswith("issues/")]
    assert len(issues) == 7
    desktop = browser.new_context(viewport=DESKTOP)
    phone = browser.new_context(viewport=PHONE)
    try:
        for path in issues:
            page = desktop.new_page()
            page.goto(base + path)
            wide = page.evaluate(TABLE)
            page.close()
            # a real table: seven column headers, every one in sight, nothing to scroll to
            assert wide["display"] == "table", path
            assert wide["rowDisplay"] == "table-row", path
            assert len(wide["heads"]) == 7 and wide["visibleHeads"] == 7, (path, wide)
            assert not wide["scrolls"], path

            page = phone.new_page()
            page.goto(base + path)
            narrow = page.evaluate(TABLE)
            page.close()
            # cards: one block per question, each field the width of the card, with its label
            assert narrow["display"] == "block" and narrow["bodyDisplay"] == "block", path
            assert narrow["visibleHeads"] == 0, path  # the header row is for screen readers only
            assert narrow["cellWidths"] and min(narrow["cellWidths"]) >= narrow["boxWidth"] - 40, (path, narrow)
            assert narrow["boxWidth"] >= 300
            assert [label.strip('"') for label in narrow["labels"]] == wide["heads"][1:], path
    finally:
        desktop.close()
        phone.close()
