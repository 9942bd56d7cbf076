"""The built site on 127.0.0.1 (a free port), in a thread: how the PDF printer, the
screenshot, page-weight and Lighthouse scripts and the browser tests load pages as on the web."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

# What a web host (GitHub Pages, any CDN) sends compressed: text, not fonts, images or wasm.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - no line per request
        pass


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
    """Serve `directory`; returns (server, base URL). Call ``server.shutdown()`` when done.
    `compress`: text files gzip-compressed, as a web host sends them."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
