"""Checks of a built site that hold for any valid data, shared by the product's tests (on the
fixtures) and the site checks of the agency's own data (tests/agency/): pages wider than a phone's
screen, axe-core's serious and critical violations, searching as a reader does.

Each takes Playwright's `browser` (conftest) and the address the site is served at.
"""

from __future__ import annotations

import posixpath
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup, NavigableString

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = {"light": "default", "dark": "slate"}  # the reader's colour scheme -> Material's
BLOCKING = {"serious", "critical"}

# Widths of the page and of its body against the screen; the widest element that sticks out
# (to say what to fix when the check fails).
OVERFLOW = """() => {
  const doc = document.documentElement, body = document.body;
  let widest = null;
  if (doc.scrollWidth > doc.clientWidth || body.scrollWidth > body.clientWidth) {
    let right = doc.clientWidth;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 && r.width > 0) { right = r.right; widest = el.outerHTML.slice(0, 160); }
    }
  }
  return {doc: [doc.scrollWidth, doc.clientWidth], body: [body.scrollWidth, body.clientWidth], widest};
}"""


def each_page(context, base: str, pages: list[str]):
    """Open each page in one tab of `context`, loaded and its fonts in: (path, tab)."""
    tab = context.new_page()
    for path in pages:
        tab.goto(base + path)
        tab.wait_for_load_state("load")
        tab.evaluate("document.fonts.ready.then(() => true)")
        yield path, tab


def sideways(browser, base: str, pages: list[str], viewport: dict) -> dict[str, dict]:
    """The pages that are wider than the screen, with their widths."""
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    wider = {}
    try:
        for path, page in each_page(context, base, pages):
            found = page.evaluate(OVERFLOW)
            if found["doc"][0] > found["doc"][1] or found["body"][0] > found["body"][1]:
                wider[path] = found
    finally:
        context.close()
    return wider


# Two idle periods after load: the page's own idle-time work (ita-tables.js) has run.
IDLE = "new Promise(done => requestIdleCallback(() => requestIdleCallback(() => done(true))))"


def audit(browser, base: str, pages: list[str], scheme: str, viewport: dict) -> dict[str, list[str]]:
    """axe-core's serious and critical violations, by page (empty lists left out)."""
    axe = Axe()
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    found: dict[str, list[str]] = {}
    try:
        for path, page in each_page(context, base, pages):
            page.evaluate(IDLE)  # ita-tables.js marks wide tables when the browser is idle
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], path
            result = axe.run(page)
            bad = [
                f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary'][:200]}"
                for v in result.response["violations"]
                if v["impact"] in BLOCKING
            ]
            if bad:
                found[path] = bad
    finally:
        context.close()
    return found


def search(page, query: str, phone: bool = False) -> list[str]:
    """Open the search box as a reader does, type `query` key by key; the result links."""
    if phone:
        page.click("label.ita-search-open")  # the magnifier in the header
    else:
        page.click("input.md-search__input")  # the box in the header
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "q => document.querySelector('[data-ita-search]').getAttribute('data-results-for') === q",
        arg=query,
        timeout=15000,
    )
    return page.eval_on_selector_all(".md-search-result__list a.md-search-result__link", "links => links.map(a => a.href)")


@contextmanager
def search_box(browser, base: str, viewport: dict = DESKTOP):
    """The home page in a fresh browser tab, to search in; no script error on it meanwhile."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "index.html")
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


def site_path(url: str, base: str) -> str:
    assert url.startswith(base), url
    return url[len(base):].split("#")[0]


# --- read from the built HTML ---------------------------------------------------------------

# Text that a reader should never see: template syntax, Markdown that was not rendered, HTML
# escaped twice. A marker that the agency's data itself holds is shown as typed (text fields are
# plain text), so it is not reported (see `raw_text`).
RAW_MARKERS = ("{{", "}}", "{%", "%}", "{#", "#}", "](", "**", "__", "{:", "&lt;", "&gt;", "&amp;", "&quot;", "&#", "<p>", "<br", "<ul", "<li", "<div", "<span", "<a ", "</")
LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
HIDDEN = {"script", "style", "noscript", "template"}


# folders of a built site that are not citizens' pages: the search index, the staff's form editor
NOT_PAGES = ("pagefind", "admin")


def citizens_pages(site_path: Path) -> list[str]:
    """The HTML pages a citizen reads (not Pagefind's files, not the form editor), relative paths."""
    site_path = Path(site_path)
    return sorted(p.relative_to(site_path).as_posix() for p in site_path.rglob("*.html") if p.relative_to(site_path).parts[0] not in NOT_PAGES)


class Pages:
    """The HTML pages a citizen reads (see `citizens_pages`), each read and parsed once."""

    def __init__(self, site_path: Path):
        self.path = Path(site_path)
        self.names = citizens_pages(self.path)
        self._soups: dict[str, BeautifulSoup] = {}
        self._ids: dict[str, set[str]] = {}

    def soup(self, name: str) -> BeautifulSoup:
        if name not in self._soups:
            self._soups[name] = BeautifulSoup((self.path / name).read_text(encoding="utf-8"), "lxml")
        return self._soups[name]

    def ids(self, name: str) -> set[str]:
        """The ids (and <a name>s) of a page: the targets of #fragments."""
        if name not in self._ids:
            soup = self.soup(name)
            self._ids[name] = {e["id"] for e in soup.find_all(id=True)} | {e["name"] for e in soup.find_all("a", attrs={"name": True})}
        return self._ids[name]

    def styles(self, name: str) -> set[str]:
        """What decides how the page's elements look: each element's tag, each tag.class, and
        the colours given in attributes (the charts' SVG)."""
        found = set()
        for e in self.soup(name).body.find_all(True):
            found.add(e.name)
            found.update(f"{e.name}.{c}" for c in e.get("class", []))
            found.update(f"{e.name}[{a}={e[a]}]" for a in ("fill", "stroke") if e.has_attr(a))
        return found

    def every_style_once(self) -> list[str]:
        """A few pages that, together, show every element style of the site at least once (the
        page with the most styles not yet seen, until none is left): for the checks that depend
        on how an element looks, not on which data it shows (contrast in the other colour
        scheme or width)."""
        left = {name: self.styles(name) for name in self.names}
        chosen: list[str] = []
        unseen = set().union(*left.values())
        while unseen:
            best = max(sorted(left), key=lambda name: len(left[name] & unseen))
            chosen.append(best)
            unseen -= left.pop(best)
        return sorted(chosen)

    def text(self, name: str) -> str:
        """What a reader sees (and a screen reader reads): the title, then the body's text,
        without scripts, styles and comments."""
        soup = self.soup(name)
        title = soup.title.get_text() if soup.title else ""
        body = [s for s in soup.body.find_all(string=True) if type(s) is NavigableString and s.parent.name not in HIDDEN] if soup.body else []
        return " ".join((title + " " + " ".join(body)).split())


def broken_links(pages: Pages) -> list[str]:
    """Every link of every page (a, link, img, script ...) to this site that leads nowhere: no
    such file, or no element with the id of its #fragment. Links to other hosts are not
    followed; 404.html is left out (GitHub serves it at any depth: its links are absolute)."""
    broken = []
    for page in pages.names:
        if page == "404.html":
            continue
        for tag, attr in LINKING.items():
            for element in pages.soup(page).find_all(tag, attrs={attr: True}):
                link = element[attr]
                url = urlsplit(link)
                if url.scheme or url.netloc:
                    continue  # another host (or mailto:, data:): not this site's
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(url.path))) if url.path else page
                if target.startswith("..") or not (pages.path / target).exists():
                    broken.append(f"{page}: <{tag} {attr}={link!r}>: no file {target}")
                    continue
                if (pages.path / target).is_dir():
                    target = posixpath.join(target, "index.html")
                    if not (pages.path / target).is_file():
                        broken.append(f"{page}: <{tag} {attr}={link!r}>: a folder without index.html")
                        continue
                fragment = unquote(url.fragment)
                if fragment and target.endswith(".html") and fragment not in pages.ids(target):
                    broken.append(f"{page}: <{tag} {attr}={link!r}>: no id {fragment!r} in {target}")
    return broken


def raw_text(pages: Pages, data_text: str) -> list[str]:
    """Pages that show template or Markdown syntax or escaped HTML as text, with the marker and
    the text around it. `data_text` is the text of the data files: a marker it holds is what
    the agency typed, shown as typed, and is not reported."""
    markers = [m for m in RAW_MARKERS if m not in data_text]
    found = []
    for page in pages.names:
        text = pages.text(page)
        for marker in markers:
            at = text.find(marker)
            if at >= 0:
                found.append(f"{page}: {marker!r} shown as text: …{' '.join(text[max(0, at - 40) : at + 40].split())}…")
    return found


# The files of the agency's own results: each must be the source of a page. (The shared
# catalogs, indicators/ and methodology/, are sources of pages too when there is a year.)
RESULTS = ("years", "questions", "actions", "recommendations", "progress")


def missing_pages(pages: Pages, model) -> list[str]:
    """The pages the generator makes from the data (`model`: ``load_site(data)``) that were not built."""
    from ita_site.pages import build_pages

    made = [p.path.removesuffix(".md") + ".html" for p in build_pages(model)]
    assert "index.html" in made
    return [name for name in made if not (pages.path / name).is_file()]


def unshown_results(pages: Pages, data_dir: Path, model) -> list[str]:
    """The results files (and organization.yml) that no page names as its source. A year still
    being filled in (``null`` blanks) has one page without figures: its files are left out."""
    shown = sources_shown(pages)
    files = ["data/organization.yml"] + sorted(
        f"data/{p.relative_to(data_dir).as_posix()}" for folder in RESULTS for p in (data_dir / folder).glob("*.yml")
        if not (p.stem.isdigit() and int(p.stem) in model.pending)
    )
    return [f for f in files if f not in shown]


def unpublished_evidence(pages: Pages, data_dir: Path) -> list[str]:
    """Evidence files of the data (data/evidence/...) that are not in the site at the same path."""
    folder = data_dir / "evidence"
    files = [p.relative_to(data_dir).as_posix() for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return [f for f in files if not (pages.path / f).is_file()]


def typed_text(data_dir: Path) -> str:
    """Everything typed in the data files (for `raw_text`: what the agency typed is shown as typed)."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(data_dir.rglob("*.yml")))


def sources_shown(pages: Pages) -> set[str]:
    """The data files the pages say they are built from ("ข้อมูลของหน้านี้มาจากไฟล์ data/...")."""
    shown = set()
    for page in pages.names:
        for code in pages.soup(page).select("article small code"):
            text = code.get_text(strip=True)
            if text.startswith("data/") and text.endswith(".yml"):
                shown.add(text)
    return shown
