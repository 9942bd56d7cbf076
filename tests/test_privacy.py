"""No third party learns who reads the site: every request of every page goes to the site.

Each built page is opened in chromium and every request the browser makes is recorded
(no web-font service, no CDN, no analytics, no repository facts from Material); one page
also runs a search. Only 127.0.0.1 (the test server) may be asked.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from checks import search
from conftest import built_pages

LOCAL = {"127.0.0.1"}
LOCAL_SCHEMES = {"data", "blob", "about"}


def test_every_page_asks_only_the_site(site, served, browser):
    pages = built_pages(site)
    assert "index.html" in pages and "indicators/6.html" in pages and len(pages) > 20
    context = browser.new_context()
    requests: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        current = {"page": ""}
        page.on("request", lambda request: requests.setdefault(current["page"], []).append(request.url))
        for path in pages:
            current["page"] = path
            page.goto(served + path)
            page.wait_for_load_state("networkidle")
        current["page"] = "index.html + search"
        page.goto(served + "index.html")
        assert search(page, "ร้องเรียน")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert set(pages) <= set(requests)
    assert any("pagefind/" in url for url in requests["index.html + search"])
    elsewhere = {
        path: sorted({url for url in urls if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname not in LOCAL})
        for path, urls in requests.items()
    }
    elsewhere = {path: urls for path, urls in elsewhere.items() if urls}
    print(f"{sum(map(len, requests.values()))} requests from {len(requests)} page loads, {len(elsewhere)} to other hosts")
    assert elsewhere == {}


EXTERNAL_ATTR = re.compile(r"""<(?:script|link|img|iframe|source|audio|video|embed)\b[^>]*\b(?:src|href|srcset)=["']?(?:https?:)?//""", re.I)
EXTERNAL_CSS = re.compile(r"""(?:url\(\s*["']?|@import\s+["']?)(?:https?:)?//""", re.I)


def test_no_external_resource_is_referenced(site):
    """The same from the files: no resource URL to another host in HTML, CSS or JS."""
    for path in site.path.rglob("*"):
        if path.suffix == ".html":
            assert not EXTERNAL_ATTR.search(path.read_text(encoding="utf-8")), path
        elif path.suffix == ".css":
            assert not EXTERNAL_CSS.search(path.read_text(encoding="utf-8")), path
    html = site.html("index.html")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert 'class="md-source"' not in html  # no repository facts fetched from GitHub
