"""Accessibility in a real browser: axe-core (axe-playwright-python) on every built page, light
and dark mode, phone and desktop width: no serious or critical violation. And what axe does not
check by itself: the page is in Thai, headings go down one level at a time, every table has
header cells, every link has words that say where it goes.

Dark mode is the reader's system setting (prefers-color-scheme: dark), which Material's palette
follows; the test checks that the page did switch to Material's "slate" scheme.
"""

from __future__ import annotations

import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from checks import BLOCKING, DESKTOP, PHONE, SCHEMES, Pages, audit
from conftest import built_pages

WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def styled_pages(site) -> list[str]:
    """The home page and the pages that together show every element style (parsed once for the
    three combinations that use them)."""
    return sorted({"index.html", *Pages(site.path).every_style_once()})


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_serious_violation(site, served, browser, styled_pages, scheme, width):
    """Every page in light mode at phone width (what most readers see); in the other schemes
    and widths, the home page and the few pages that show every element style of the site at
    least once (a colour or width fault is a fault of a style, whichever data it shows)."""
    pages = every = built_pages(site)
    assert len(every) > 30
    if (scheme, width) != ("light", "phone"):
        pages = styled_pages
        assert 8 <= len(pages) < len(every) and "issues/2566/1.html" in pages, pages
    assert audit(browser, served, pages, scheme, WIDTHS[width]) == {}


def test_the_pages_with_every_style_show_a_style_that_only_one_page_has(site, tmp_path):
    """The subset above is computed, not listed: a style that only one page shows brings that
    page in."""
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy, ignore=shutil.ignore_patterns("pagefind", "admin", "assets", "*.pdf", "*.svg"))
    before = Pages(copy).every_style_once()
    lonely = next(p for p in built_pages(site) if p not in before and p != "index.html")
    html = (copy / lonely).read_text(encoding="utf-8").replace("</article>", '<p class="ita-only-here">ข้อความ</p></article>', 1)
    (copy / lonely).write_text(html, encoding="utf-8")
    assert lonely in Pages(copy).every_style_once()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_serious_violation_with_progress_rows(tracking_site, tracking_served, browser, scheme):
    """The tracking site: status badges, timelines, evidence links, counts (phone width; the
    desktop width of these pages is checked on the default site, same templates)."""
    pages = [p for p in built_pages(tracking_site) if p.split("/")[0] in {"issues", "plan", "indicators", "index.html", "years"}]
    assert "plan/2566.html" in pages and "ita-timeline" in tracking_site.html("issues/2566/4.html")
    assert audit(browser, tracking_served, pages, scheme, WIDTHS["phone"]) == {}
    assert audit(browser, tracking_served, ["plan/2566.html", "issues/2566/4.html"], scheme, WIDTHS["desktop"]) == {}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_serious_violation_on_the_oit_pages(oit_site, oit_served, browser, scheme, width):
    """The OIT fixture's pages: state badges, links with dates and quarters, broken-link badges
    and table, counts (the default site's OIT page is in the test above)."""
    pages = [p for p in built_pages(oit_site) if p.startswith("oit/")] + ["indicators/9.html"]
    assert "oit/2567.html" in pages and "ita-broken-links" in oit_site.html("oit/2567.html")
    assert audit(browser, oit_served, pages, scheme, WIDTHS[width]) == {}


def test_axe_would_see_a_violation(served, browser):
    """The audit itself: a low-contrast paragraph and a link without words are reported."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(served + "index.html")
        page.evaluate(
            """document.querySelector('article').insertAdjacentHTML('beforeend',
            '<p style="color:#ddd;background:#fff">ข้อความจาง</p><a href="index.html"></a>')"""
        )
        ids = {v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING}
    finally:
        context.close()
    assert {"color-contrast", "link-name"} <= ids


# --- what axe does not check by itself, read from the built HTML ---------------------------

GENERIC_LINK_WORDS = {"ที่นี่", "คลิก", "คลิกที่นี่", "ลิงก์", "อ่านต่อ", "เพิ่มเติม", "here", "click here", "link", "more"}


@pytest.mark.parametrize("which", ["site", "tracking_site", "oit_site"])
def test_language_headings_tables_and_links(which, request):
    built = request.getfixturevalue(which)
    problems = []
    for path in built_pages(built):
        soup = built.soup(path)
        if soup.html.get("lang") != "th":
            problems.append(f"{path}: lang={soup.html.get('lang')!r}")
        article = soup.select_one("article")
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{path}: one h1 first, got {levels[:5]}")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{path}: h{before} then h{after}")
        for table in article.find_all("table"):
            if not table.find("th"):
                problems.append(f"{path}: a table without header cells")
        for a in article.find_all("a", href=True):
            words = " ".join(a.get_text(" ").split()) or a.get("aria-label", "") or a.get("title", "")
            if "headerlink" in (a.get("class") or []):
                continue
            if not words or words.lower() in GENERIC_LINK_WORDS:
                problems.append(f"{path}: link {a['href']} says {words!r}")
    assert problems == []
