"""Screenshots of built pages in Debian's chromium, desktop and phone width.

    python scripts/screenshot.py OUT_DIR index.html issues/2566/4.html ... [--no-js]

Serves site/ on a local port, opens each page at 1280 px and 375 px, writes PNGs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from ..local_server import serve
from ..pdf import CHROMIUM_ARGS  # one set of flags for every Chromium we start
from . import ROOT


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-js", action="store_true")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width, height, name in ((1280, 900, "desktop"), (375, 812, "phone")):
            ctx = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=not args.no_js,
                                      device_scale_factor=1)
            page = ctx.new_page()
            for target in args.pages:
                page.goto(base + target)
                page.wait_for_load_state("networkidle")
                file = args.out / f"{target.replace('/', '_').replace('.html', '')}-{name}.png"
                page.screenshot(path=str(file), full_page=args.full)
                print(file)
            ctx.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
