"""Page weight on a phone: each kind of page transfers at most 250 KB (gzip) on first load.

Measured as scripts/page_weight.py does: an empty cache, every response the browser gets,
each body gzipped here. The search is measured apart: it is downloaded only when a reader
opens the search box, never with a page.
"""

from __future__ import annotations

import pytest
from ita_site.devtools.page_weight import BUDGET_KB, PAGE_TYPES, SEARCH_QUERY, measure


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_first_load_within_budget(browser, served, kind):
    load, _ = measure(browser, served, PAGE_TYPES[kind])
    urls = [r.url for r in load.resources]
    print(f"{kind}: {len(urls)} requests, {load.gzip / 1024:.1f} KB gzip ({load.raw / 1024:.1f} KB raw)")
    assert not load.failed
    # The measurement sees the whole page: its HTML, Material's CSS and JS, the Thai font.
    assert served + PAGE_TYPES[kind] in urls
    assert any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls)
    assert any(u.endswith("sarabun-thai-400-normal.woff2") for u in urls)
    assert not any("/pagefind/" in u for u in urls)  # the search is not part of a page
    assert load.gzip <= BUDGET_KB * 1024, f"{kind}: {load.gzip / 1024:.1f} KB gzip > {BUDGET_KB} KB"


def test_one_search_is_reported_apart(browser, served):
    page, search = measure(browser, served, PAGE_TYPES["overview"], SEARCH_QUERY)
    urls = [r.url for r in search.resources]
    print(f"search '{SEARCH_QUERY}': {len(urls)} requests, {search.gzip / 1024:.1f} KB gzip")
    assert any(u.endswith("pagefind/pagefind.js") for u in urls)
    assert any(u.endswith("pagefind/thai-words.json") for u in urls)
    assert any("/fragment/" in u for u in urls)
    # A guard against shipping more than the search needs (e.g. Pagefind's UI bundles):
    # one search costs no more than a page.
    assert search.gzip <= BUDGET_KB * 1024
