#!/usr/bin/env python3
"""Screenshots of built pages in Debian's chromium, desktop and phone width.

    python scripts/screenshot.py OUT_DIR index.html issues/2566/4.html ... [--no-js]

Serves site/ on a local port, opens each page at 1280 px and 375 px, writes PNGs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - no line per request
        pass


# What a web host (GitHub Pages, any CDN) sends compressed: text, not fonts, images or wasm.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt"}


class _GzipHandler(_QuietHandler):
    """Sends text files gzip-compressed to a client that accepts it, as a web host does
    (Lighthouse measures a page as downloaded; http.server alone never compresses)."""

    def do_GET(self):  # noqa: N802 - http.server's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; returns (server, base URL).
    `compress`: text files gzip-compressed, as a web host sends them."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


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
