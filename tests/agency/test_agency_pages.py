"""Site checks of the agency's own data (`--data-dir`, default `data/`), read from the built
HTML. They hold for any valid data, whatever the agency and however many years it has; the
publishing workflow runs them (`scripts/test.sh site`) after `scripts/build.sh`.

- every page the data implies is built, every results file is shown as a page's source, every
  evidence file is published;
- every link and #anchor between pages resolves;
- no template or Markdown syntax and no escaped HTML is shown as text.

The checks are in tests/checks.py, where tests/test_site_checks.py shows that each one sees
what it looks for.
"""

from __future__ import annotations

import pytest
from checks import Pages, broken_links, missing_pages, raw_text, typed_text, unpublished_evidence, unshown_results

from ita_site.site import load_site


@pytest.fixture(scope="module")
def pages(agency_site) -> Pages:
    return Pages(agency_site.path)


@pytest.fixture(scope="module")
def model(agency_data):
    return load_site(agency_data)


def test_every_page_the_data_implies_is_built(pages, model):
    assert missing_pages(pages, model) == []


def test_every_results_file_is_the_source_of_a_page(pages, agency_data, model):
    assert unshown_results(pages, agency_data, model) == []


def test_every_evidence_file_is_published(pages, agency_data):
    assert unpublished_evidence(pages, agency_data) == []


def test_every_link_and_anchor_resolves(pages):
    assert "index.html" in pages.names
    assert broken_links(pages) == []


def test_no_template_or_markdown_syntax_is_shown(pages, agency_data):
    assert raw_text(pages, typed_text(agency_data)) == []
