"""Checks of a built site that hold for any valid data, shared by the product's tests (on the
fixtures) and the site checks of the agency's own data (tests/site/): pages wider than a phone's
screen, axe-core's serious and critical violations, searching as a reader does.

Each takes Playwright's `browser` (conftest) and the address the site is served at.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

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


def sideways(browser, base: str, pages: list[str], viewport: dict) -> dict[str, dict]:
    """The pages that are wider than the screen, with their widths."""
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    wider = {}
    try:
        page = context.new_page()
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready.then(() => true)")
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
        page = context.new_page()
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready.then(() => true)")
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


def site_path(url: str, base: str) -> str:
    assert url.startswith(base), url
    return url[len(base):].split("#")[0]
