"""Thai search in a real browser: type into the header's search box, read the first result.

The expected pages were chosen by reading the generated pages:

- ทรัพย์สิน: indicator 4 "การใช้ทรัพย์สินของราชการ" and issue 4 "กระบวนการกำกับดูแลการใช้
  ทรัพย์สินของราชการ" are about it (either is right);
- จัดซื้อจัดจ้าง: issue 5 "...การใช้งบประมาณและการจัดซื้อจัดจ้าง", the only title with it;
- ร้องเรียน: indicator 7 (communication), both its texts are about complaint channels
  ("ร้องเรียนการทุจริตของเจ้าหน้าที่", EP10 "ช่องทางการร้องเรียน");
- งบประมาณ: indicator 2 "การใช้งบประมาณ";
- สินบน: indicator 6, whose strength text says "ไม่มีการเรียกรับสินบน" (only it and the
  overview mention bribes; the overview quotes indicator 6);
- คู่มือ: issue 1, whose action is writing the work manual (O14 "คู่มือหรือมาตรฐานการ
  ปฏิบัติงาน", nine mentions on a short page).

Every one of these words stands inside a run of Thai text on its pages. Without the Thai
segmentation of the index (ITA_SEARCH_SEGMENT=0) half of them fail:
test_without_segmentation_the_same_searches_fail builds that site and checks it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import DESKTOP, PHONE, search, search_box, site_path
from conftest import ROOT, build

EXPECTED = {
    "ทรัพย์สิน": {"indicators/4.html", "issues/2566/4.html"},
    "จัดซื้อจัดจ้าง": {"issues/2566/5.html"},
    "ร้องเรียน": {"indicators/7.html"},
    "งบประมาณ": {"indicators/2.html"},
    "สินบน": {"indicators/6.html"},
    "คู่มือ": {"issues/2566/1.html"},
}


@pytest.fixture(scope="module")
def desktop(browser, served):
    with search_box(browser, served) as page:
        yield page


@pytest.mark.parametrize("query", list(EXPECTED))
def test_first_result_is_the_right_page(desktop, served, query):
    links = search(desktop, query)
    assert links, f"nothing found for {query}"
    assert site_path(links[0], served) in EXPECTED[query], [site_path(u, served) for u in links]


def test_results_show_clean_titles_and_marked_words(desktop):
    search(desktop, "ร้องเรียน")
    first = desktop.locator(".md-search-result__item").first
    title = first.locator("h1").inner_text()
    assert title == "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"
    excerpt = first.locator("p").inner_html()
    assert "\u200b" not in title + excerpt
    assert "<mark>" in excerpt
    assert set(first.locator("p *").evaluate_all("nodes => nodes.map(n => n.tagName)")) == {"MARK"}
    assert "พบ 4 เอกสารที่ตรงกัน" == desktop.inner_text(".md-search-result__meta")


def test_unfinished_word_and_word_not_on_the_site(desktop, served):
    links = search(desktop, "ร้องเรีย")  # still typing
    assert site_path(links[0], served) == "indicators/7.html"
    assert search(desktop, "ไดโนเสาร์") == []
    assert desktop.inner_text(".md-search-result__meta") == "ไม่พบเอกสารที่ตรงกัน"


def test_on_a_phone_from_a_nested_page(browser, served):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + "issues/2566/4.html")
    assert not page.is_checked("#__search")  # the box is behind the magnifier
    links = search(page, "สินบน", phone=True)
    assert page.is_checked("#__search")
    assert site_path(links[0], served) == "indicators/6.html"
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(served + "indicators/6.html")
    assert "คุณภาพการดำเนินงาน" in page.inner_text("article h1")
    context.close()


def test_under_a_project_sub_path(browser, site, tmp_path):
    """GitHub Pages serves a fork at https://ORG.github.io/REPO/: results must keep /REPO/."""
    from ita_site.local_server import serve

    root = tmp_path / "host"
    root.mkdir()
    (root / "ita-repo").symlink_to(site.path, target_is_directory=True)
    server, base = serve(root)
    try:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(base + "ita-repo/issues/2566/4.html")
        links = search(page, "งบประมาณ")
        assert links and all(link.startswith(base + "ita-repo/") for link in links), links
        assert site_path(links[0], base + "ita-repo/") == "indicators/2.html"
        context.close()
    finally:
        server.shutdown()


def test_staff_guide_is_not_in_the_citizens_search(desktop):
    links = search(desktop, "คู่มือ")
    assert links and not any("/guide/" in link for link in links), links


def test_enter_opens_the_first_result(desktop, served):
    search(desktop, "คู่มือ")
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(served + "issues/2566/1.html")
    desktop.goto(served + "index.html")


def test_without_javascript_no_search_box_is_offered(browser, served):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "index.html")
    assert not page.locator("label.ita-search-open").is_visible()
    assert not page.locator("input.md-search__input").is_visible()
    context.close()


def test_published_pages_keep_clean_thai(site):
    """The segmentation is only in the indexed copies: copying text from a page gives clean Thai."""
    pages = [p for p in site.path.rglob("*.html") if "pagefind" not in p.relative_to(site.path).parts]
    assert len(pages) > 20
    for path in pages:
        assert "\u200b" not in path.read_text(encoding="utf-8"), path
    assert "ไม่มีการเรียกรับสินบน" in site.text("indicators/6.html")


def test_material_search_is_replaced(site):
    html = site.html("index.html")
    assert 'data-md-component="search"' not in html  # Material's (lunr) search box
    assert "data-ita-search" in html and "ita-search.js" in html
    assert not (site.path / "search" / "search_index.json").exists()


def test_header_override_differs_from_material_only_in_the_search_block():
    import material

    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    body = lambda text: re.sub(r"^\{#-.*?-#\}\n", "", text, count=1, flags=re.S)  # noqa: E731
    ours = re.sub(r"\s*\{#- ITA:.*?\{#- /ITA -#\}", "<SEARCH>", body(ours), flags=re.S)
    theirs = re.sub(r'\s*\{% if "material/search" in config.plugins %\}.*?\{% endif %\}\s*\{% endif %\}', "<SEARCH>", body(theirs), flags=re.S)
    assert ours == theirs


def test_without_segmentation_the_same_searches_fail(tmp_path, browser):
    """The tests above fail when the index is built without Thai segmentation."""
    from ita_site.local_server import serve

    result = build(tmp_path / "site", env={"ITA_SEARCH_SEGMENT": "0"})
    assert result.returncode == 0, result.stderr
    assert "Thai segmentation OFF" in result.stderr
    server, base = serve(tmp_path / "site")
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(base + "index.html")
        wrong = {}
        for query, expected in EXPECTED.items():
            links = search(page, query)
            first = site_path(links[0], base) if links else None
            if first not in expected:
                wrong[query] = first
    finally:
        context.close()
        server.shutdown()
    assert {"ร้องเรียน", "งบประมาณ", "สินบน"} <= set(wrong), wrong
