"""The second engine: the site built with Zensical (`scripts/build.sh zensical`) against the
same data built with MkDocs, for the default data and every fixture agency that stands alone
(tests/fixtures/*/data): the same pages, the same numbers on each, links that resolve, the
same open data and feed, edit buttons to the same data files, and a search that finds the
same pages for the same Thai words (typed into the header's box in Chromium)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from checks import citizens_pages
from conftest import DEFAULT_AGENCY, FIXTURES, ROOT, build

pytest.importorskip("zensical", reason='Zensical is an extra: pip install -e ".[zensical]"')

DATA_SETS = sorted(FIXTURES.glob("*/data"))  # every fixture agency (never the project's data/)
REPO = "https://github.com/example-org/ita-site"
NUMBER = re.compile(r"[0-9๐-๙][0-9๐-๙.,]*")
ENGINE_FILES = re.compile(r"^(assets/(javascripts|stylesheets|images)/|pagefind/|search\.json$|sitemap\.xml)")


def zensical_build(site_dir: Path, data_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("ITA_")}
    env = {**base, "ITA_PDF": "false", "ITA_DATA_DIR": str(data_dir), **env}
    return subprocess.run(
        [sys.executable, "-m", "ita_site.commands.build_zensical", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


@pytest.fixture(scope="module", params=DATA_SETS, ids=lambda p: p.parent.name)
def data_set(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def pair(data_set, tmp_path_factory) -> tuple[Path, Path]:
    """(MkDocs' site, Zensical's site) of one data folder, with edit links on."""
    tmp = tmp_path_factory.mktemp("engines")
    env = {"ITA_REPO_URL": REPO, "ITA_CACHE_DIR": str(tmp / "cache")}
    mk = build(tmp / "mkdocs", data_set, env=env)
    assert mk.returncode == 0, mk.stderr
    zen = zensical_build(tmp / "zensical", data_set, env)
    assert zen.returncode == 0, zen.stdout + zen.stderr
    return tmp / "mkdocs", tmp / "zensical"


def pages(site: Path) -> list[str]:
    return [p for p in citizens_pages(site) if not ENGINE_FILES.match(p)]


def article(site: Path, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = soup.find("article")
    assert found is not None, page
    for permalink in found.select("a.headerlink"):
        permalink.decompose()
    return found


def numbers(text: str) -> list[str]:
    """The numbers of a text, without the comma or full stop after them (a highlighter may put
    "40," in one span or "40" and "," in two: the text read is the same)."""
    return [n.rstrip(".,") for n in NUMBER.findall(text)]


def test_the_same_pages(pair):
    mkdocs, zensical = pair
    assert pages(zensical) == pages(mkdocs)
    guide = sorted(p.relative_to(ROOT / "docs").with_suffix(".html").as_posix() for p in (ROOT / "docs" / "guide").glob("*.md"))
    assert {"index.html", *guide} <= set(pages(mkdocs))  # the home page (results or welcome) and the staff guide


def test_each_page_has_the_same_title_numbers_tables_and_charts(pair):
    mkdocs, zensical = pair
    differ = []
    for page in pages(mkdocs):
        if page == "404.html":
            continue
        a, b = article(mkdocs, page), article(zensical, page)
        for what, get in (
            ("h1", lambda s: s.find("h1").get_text(" ", strip=True) if s.find("h1") else None),
            ("numbers", lambda s: numbers(" ".join(t for t in s.find_all(string=True) if t.parent.name not in ("script", "style")))),
            ("tables", lambda s: [[c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])] for row in s.find_all("tr")]),
            ("charts", lambda s: [str(svg) for svg in s.find_all("svg", attrs={"role": "img"})]),
            ("headings", lambda s: [(h.name, h.get("id")) for h in s.find_all(re.compile(r"^h[1-6]$"))]),
        ):
            if get(a) != get(b):
                differ.append(f"{page}: {what}")
        title_a = BeautifulSoup((mkdocs / page).read_text(encoding="utf-8"), "html.parser").title.get_text()
        title_b = BeautifulSoup((zensical / page).read_text(encoding="utf-8"), "html.parser").title.get_text()
        if title_a != title_b:
            differ.append(f"{page}: <title> {title_a!r} != {title_b!r}")
    assert not differ, differ


def test_the_same_open_data_feed_and_files(pair):
    mkdocs, zensical = pair
    ours = lambda site: sorted(  # noqa: E731 - the files the build generates, not the engine's
        p.relative_to(site).as_posix() for p in site.rglob("*")
        if p.is_file() and p.suffix != ".html" and not ENGINE_FILES.match(p.relative_to(site).as_posix())
    )  # fmt: skip
    files = ours(mkdocs)
    assert [f for f in files if f not in ours(zensical)] == []
    for name in files:
        if name.startswith(("downloads/", "evidence/")) or name == "feed.xml":
            assert (mkdocs / name).read_bytes() == (zensical / name).read_bytes(), name


def test_every_link_resolves_in_the_zensical_site(pair):
    _, site = pair
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue
            if parts.path.startswith("/"):  # the 404 page links from the site's root
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (site / page).parent / unquote(parts.path) if parts.path else site / page
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.resolve().is_file():
                broken.append(f"{page} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {t["id"] for t in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find_all(id=True)}
                if parts.fragment not in ids[target]:
                    broken.append(f"{page} -> {href} (no #{parts.fragment})")
    assert not broken, broken[:20]


def test_edit_buttons_open_the_same_data_files(pair):
    mkdocs, zensical = pair
    edits = lambda site, page: [a["href"] for a in BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select('a[rel="edit"]')]  # noqa: E731
    for page in pages(mkdocs):
        assert edits(zensical, page) == edits(mkdocs, page), page
    assert any(h.endswith(".yml") and h.startswith(f"{REPO}/edit/main/") for h in edits(zensical, "indicators/1.html"))
    assert edits(zensical, "guide/index.html") == [f"{REPO}/edit/main/docs/guide/index.md"]


def test_the_search_index_has_the_same_pages_and_thai_words(pair):
    mkdocs, zensical = pair
    words = lambda site: json.loads((site / "pagefind" / "thai-words.json").read_text(encoding="utf-8"))  # noqa: E731
    assert words(zensical) == words(mkdocs) and len(words(mkdocs)) > 100
    entry = lambda site: json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]  # noqa: E731
    assert {k: v["page_count"] for k, v in entry(zensical).items()} == {k: v["page_count"] for k, v in entry(mkdocs).items()}


def test_a_reader_finds_the_same_pages_for_the_same_thai_words(pair, data_set, browser):
    from test_search_browser import DESKTOP, EXPECTED, search, site_path

    from ita_site.local_server import serve

    if data_set != DEFAULT_AGENCY:
        pytest.skip("the expected pages are those of the default agency")
    found: dict[str, list[list[str]]] = {}
    for site in pair:
        server, base = serve(site)
        context = browser.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(base + "index.html")
            if not page.is_visible("input.md-search__input"):  # Zensical: the magnifier opens the box
                page.click('label[for="__search"]')
            for query in EXPECTED:
                found.setdefault(query, []).append([site_path(u, base) for u in search(page, query)])
            assert not errors, errors
        finally:
            context.close()
            server.shutdown()
    for query, (by_mkdocs, by_zensical) in found.items():
        assert by_zensical == by_mkdocs, query
        assert by_zensical[0] in EXPECTED[query], (query, by_zensical)


def test_overrides_fit_the_installed_zensical():
    """Zensical's header shows the search button and includes partials/search.html when the
    search plugin is on: that partial is ours (the Thai search box); the edit button is
    Zensical's but for the lines marked ITA."""
    import zensical

    theirs_dir = Path(zensical.__file__).parent / "templates" / "partials"
    body = lambda text: re.sub(r"^\{#-.*?-#\}\n", "", text, count=1, flags=re.S)  # noqa: E731
    header = (theirs_dir / "header.html").read_text(encoding="utf-8")
    assert re.search(r'\{% if "search" in config.plugins %\}.*\{% include "partials/search.html" %\}', header, re.S)
    ours = (ROOT / "overrides-zensical" / "partials" / "search.html").read_text(encoding="utf-8")
    assert '{% include "partials/ita-search.html" %}' in ours
    ours = (ROOT / "overrides-zensical" / "partials" / "actions.html").read_text(encoding="utf-8")
    theirs = (theirs_dir / "actions.html").read_text(encoding="utf-8")
    ours = re.sub(r"\{#- ITA -#\}.*?\{#- /ITA -#\}\n", "", body(ours), flags=re.S)
    assert ours.replace("edit_url", "page.edit_url") == body(theirs)
