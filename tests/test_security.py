"""Text fields are text: HTML, script, links and markup typed into data/ show as typed, and
never execute, in the HTML of every page and in a real browser (Debian's chromium).

Every text value of a copy of the default agency's data gets a block-level prefix and, after a marker naming its
field, every payload below; the site is built with the real `mkdocs build --strict`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DEFAULT_AGENCY, build

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    '<a href="javascript:alert(4)">a4</a>',
    '{: onclick="alert(5)" }',
    "{{ 7*7 }}",
    "</title><script>alert(6)</script>",
    "&lt;/title&gt;&lt;script&gt;alert(7)&lt;/script&gt;",
    '" onmouseover="alert(8)" x="',
    "<javascript:alert(9)>",
    '![i](x" onerror="alert(10))',
    "<div markdown=\"1\">*raw* <b onclick=alert(11)>b</b></div>",
    "**bold** _em_ `code` | cell | ~~s~~",
    "[ref]: javascript:alert(12)",
    "{% raw %}{{ config }}{% endraw %}",
    "line\n\n[nl](javascript:alert(13))\n\n    indented\n- item\n\n<script>alert(14)</script>\n# h",
]
PAYLOAD = " ◆ ".join(PAYLOADS)
PREFIX = "# "  # a heading if a value could start a Markdown block
SKIP = {"id", "code", "tool", "question", "methodology", "indicator"}  # codes and references, not text
SAME_AS = {"level": "name", "names_by_year": "name"}  # values that must equal another field's value

# Every kind of text field a page shows, by the key it is written under (the marker).
SHOWN = [
    "name", "short_name", "district", "province", "prepared_by",  # organization, indicators, levels, tools
    "measures", "title", "analysis", "among",  # indicators, methodology/issue/section titles, years
    "preface", "rationale", "results", "results_summary", "analysis_intro", "strengths", "weak_points",
    "changes", "recommendations_intro", "conclusion",  # narrative paragraphs
    "text", "practice", "responsible", "steps", "period", "constraints", "intro",  # questions, actions, recommendations
]
PAGES = [
    "index.html", "years/2564.html", "years/2565.html", "indicators/1.html", "indicators/8.html",
    "issues/2566/1.html", "issues/2566/4.html", "recommendations/2566.html", "questions/2566.html",
    "about/2566.html", "comparison.html", "404.html",
]


def marked(key: str) -> str:
    return f"⟨{SAME_AS.get(key, key)}⟩ {PAYLOAD}"


def inject(value, key: str | None = None):
    """Every text value under `key` -> PREFIX + value + marker of its field + all payloads."""
    if isinstance(value, dict):
        return {
            k: v if k in SKIP else inject(v, "name" if key == "names_by_year" else str(k))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [inject(v, key) for v in value]
    if isinstance(value, str) and key is not None:
        return f"{PREFIX}{value} {marked(key)}"
    return value


def payload_data(target: Path) -> Path:
    shutil.copytree(DEFAULT_AGENCY, target)
    for path in target.rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = inject(data)
        if path.name == "2566.yml" and path.parent.name == "years":
            for key in ("strengths", "weak_points", "changes"):  # the seed has no such paragraphs
                data["narrative"][key] = f"{PREFIX}ย่อหน้า {marked(key)}"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("payload")
    data = payload_data(base / "data")
    out = base / "site"
    result = build(out, data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def visible(soup: BeautifulSoup) -> str:
    for tag in soup(["script", "style", "svg"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def shape(site: Path) -> set[tuple[str, str]]:
    """Every (tag, attribute) pair used anywhere in the site."""
    pairs = set()
    for path in html_files(site):
        for tag in BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").find_all(True):
            pairs.add((tag.name, ""))
            pairs.update((tag.name, attr) for attr in tag.attrs)
    return pairs


def test_every_text_field_kind_carries_the_payloads(payload_site):
    text = " ".join(visible(BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")) for p in html_files(payload_site))
    missing = [key for key in SHOWN if " ".join(marked(key).split()) not in text]
    assert not missing, f"payload not shown as text for: {missing}"


def test_payload_is_shown_as_typed_on_each_page(payload_site):
    for page in PAGES:
        text = visible(BeautifulSoup((payload_site / page).read_text(encoding="utf-8"), "lxml"))
        assert " ".join(PAYLOAD.split()) in text, page  # "{{ 7*7 }}" too: data is never a template


def test_no_script_event_handler_or_javascript_link_from_data(payload_site):
    for path in html_files(payload_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script"):
            assert "alert" not in (script.string or ""), (path, script)
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), (path, tag.name, attr)
                if attr in ("href", "src", "action", "formaction", "xlink:href", "data"):
                    squeezed = re.sub(r"[\s\x00-\x1f]", "", str(value)).lower()
                    assert not squeezed.startswith(("javascript:", "vbscript:", "data:text/html")), (path, tag.name, value)


def test_data_adds_no_element_or_attribute_the_site_does_not_use(payload_site, site):
    """No <img>, <b>, <div markdown>, attribute list {: onclick } or <title> break-out from data:
    the payload site uses exactly the tags and attributes of the clean site."""
    extra = shape(payload_site) - shape(site.path)
    assert not extra, sorted(extra)


def test_a_value_never_starts_a_markdown_block(payload_site):
    for page in PAGES:
        soup = BeautifulSoup((payload_site / page).read_text(encoding="utf-8"), "lxml")
        assert len(soup.select("article h1")) == 1, page  # "# " typed at the start of a value is text


def test_titles_are_escaped_once(payload_site):
    """<title>, the header and the navigation show the typed characters (not &amp;lt; or tags)."""
    html = (payload_site / "indicators/1.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "&lt;script&gt;alert(1)" in title
    soup = BeautifulSoup(html, "lxml")
    assert PAYLOADS[0] in soup.title.get_text()
    nav = visible(BeautifulSoup(str(soup.select_one("nav.md-nav--primary")), "lxml"))
    assert " ".join(marked("name").split()) in nav
    description = soup.select_one('meta[name="description"]')["content"]
    assert PAYLOADS[8] in description


def test_search_index_holds_the_payload_as_text(payload_site):
    """Pagefind stores each page's text (fragments, gzip JSON): the payload is indexed as the
    text a reader sees; the search box shows it with textContent (test below, in chromium)."""
    import gzip

    texts = [
        gzip.decompress(f.read_bytes()).decode("utf-8").replace("\u200b", "")
        for f in sorted((payload_site / "pagefind" / "fragment").glob("*.pf_fragment"))
    ]
    assert any("<img src=x onerror=alert(2)>" in t for t in texts)


# --- in a real browser ---------------------------------------------------------------


# `browser` is the session's Chromium (conftest.py): one Playwright session per test process.


@pytest.fixture(scope="module")
def served(payload_site):
    from ita_site.local_server import serve

    server, base = serve(payload_site)
    yield base
    server.shutdown()


def test_no_dialog_fires_and_the_payload_is_visible_in_chromium(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for target in PAGES:
        page.goto(served + target, wait_until="load")  # inline scripts and onerror= would have run
        page.wait_for_timeout(100)
        # mouse over every element, so that any handler would fire (and a real hover on the text)
        page.evaluate(
            """() => document.querySelectorAll('body *').forEach(el => ['mouseover', 'mouseenter', 'focus']
                 .forEach(type => el.dispatchEvent(new MouseEvent(type, {bubbles: true}))))"""
        )
        page.keyboard.press("Escape")  # focus events may have opened the search box
        page.hover("article h1", force=True)
        found = page.evaluate(
            """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                 .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
                 .map(a => el.tagName + ' ' + a.name))"""
        )
        assert not found, (target, found)
        text = " ".join(page.inner_text("body").split())
        assert " ".join(PAYLOAD.split()) in text, target
    assert not dialogs, dialogs
    assert not errors, errors
    context.close()


def test_no_dialog_fires_from_search_results(browser, served):
    """The search box renders Pagefind's excerpts: data must come out as text, never markup."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(served + "index.html")
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input", timeout=5000)
    page.locator("input.md-search__input").press_sequentially("onerror", delay=30)  # a word of the payloads
    page.wait_for_function(
        "q => document.querySelector('[data-ita-search]').getAttribute('data-results-for') === q",
        arg="onerror",
        timeout=15000,
    )
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = " ".join(page.inner_text(".md-search-result").split())
    assert PAYLOADS[1] in results  # shown as text
    page.hover(".md-search-result__item")
    assert not page.query_selector(".md-search-result img, .md-search-result script, .md-search-result [onclick]")
    assert not dialogs, dialogs
    context.close()
