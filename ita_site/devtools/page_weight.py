"""What a reader's phone downloads: bytes per page type on first load, and for one search.

    python scripts/page_weight.py [--site site] [--query ร้องเรียน]

Serves the built site on 127.0.0.1, opens each kind of page in Debian's chromium with an
empty cache at phone size, records every response the browser receives (HTML, CSS, JS,
fonts, images), gzips each body here (level 9) and adds them up. The search (what opening
the search box and typing one query downloads: Pagefind's runtime and wasm, the Thai word
list, index and result fragments) is measured separately, as it is not part of a first load.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..local_server import serve
from ..pdf import CHROMIUM_ARGS
from . import ROOT

BUDGET_KB = 250  # gzip, per page on first load (README "Thai search and fonts")
PAGE_TYPES = {
    "overview": "index.html",
    "indicator": "indicators/4.html",
    "issue table": "issues/2566/4.html",
    "recommendations": "recommendations/2566.html",
    "comparison": "comparison.html",
}
PHONE = {"width": 360, "height": 800}
SEARCH_QUERY = "ร้องเรียน"


@dataclass
class Resource:
    url: str
    raw: int
    gzip: int


@dataclass
class Load:
    resources: list[Resource] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def gzip(self) -> int:
        return sum(r.gzip for r in self.resources)

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)


def _collect(responses, load: Load) -> None:
    for response in responses:
        try:
            body = response.body()
        except Exception as exc:  # a response without a body (redirect, aborted)
            load.failed.append(f"{response.url}: {exc}")
            continue
        load.resources.append(Resource(response.url, len(body), len(gzip.compress(body, 9))))


def measure(browser, base: str, path: str, query: str | None = None) -> tuple[Load, Load | None]:
    """First load of `path` (empty cache); then, if `query`, what one search adds."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        responses: list = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        first = Load()
        _collect(responses, first)
        if query is None:
            return first, None
        responses.clear()
        page.click("label.ita-search-open")
        page.locator("input.md-search__input").press_sequentially(query)
        page.wait_for_function(
            "q => document.querySelector('[data-ita-search]').getAttribute('data-results-for') === q", arg=query
        )
        page.wait_for_load_state("networkidle")
        search = Load()
        _collect(responses, search)
        return first, search
    finally:
        context.close()


def short(url: str, base: str) -> str:
    parts = urlsplit(url)
    return url[len(base):] if url.startswith(base) else f"{parts.netloc}{parts.path}"


def report(site: Path, query: str = SEARCH_QUERY, verbose: bool = False) -> dict[str, Load]:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    results: dict[str, Load] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for kind, path in PAGE_TYPES.items():
                first, search = measure(browser, base, path, query if kind == "overview" else None)
                results[kind] = first
                if search is not None:
                    results["search"] = search
            browser.close()
    finally:
        server.shutdown()
    results["search"] = results.pop("search")  # last: not part of a page's first load
    print(f"{'page type':<16} {'page':<26} {'requests':>8} {'raw KB':>8} {'gzip KB':>8}")
    for kind, load in results.items():
        path = PAGE_TYPES.get(kind, f"(one search: {query})")
        print(f"{kind:<16} {path:<26} {len(load.resources):>8} {load.raw / 1024:>8.1f} {load.gzip / 1024:>8.1f}")
        if verbose:
            for r in sorted(load.resources, key=lambda r: -r.gzip):
                print(f"{'':<16}   {short(r.url, base):<50} {r.raw / 1024:>7.1f} {r.gzip / 1024:>7.1f}")
        for failed in load.failed:
            print(f"{'':<16}   no body: {failed}")
    print(f"budget: {BUDGET_KB} KB gzip per page on first load (the search is not part of it)")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--query", default=SEARCH_QUERY)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every resource")
    args = parser.parse_args()
    results = report(args.site, args.query, args.verbose)
    over = [k for k, load in results.items() if k != "search" and load.gzip > BUDGET_KB * 1024]
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
