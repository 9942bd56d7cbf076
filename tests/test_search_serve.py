"""`mkdocs serve` is searchable, and its index follows the data after a rebuild."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request

from checks import search, site_path
from conftest import MKDOCS, ROOT, replace_in


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_builds_the_index_and_rebuilds_it(data_copy, browser, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "ITA_DATA_DIR": str(data_copy)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    context = browser.new_context()
    try:
        words = lambda: json.loads(fetch(base + "pagefind/thai-words.json") or b"[]")  # noqa: E731
        wait_for(lambda: "สินบน" in words(), 120, "the first index of mkdocs serve")
        page = context.new_page()
        page.goto(base + "index.html")
        assert site_path(search(page, "สินบน")[0], base) == "indicators/6.html"
        # the preview prints no PDF (extra.ita.pdf: auto) and links none
        downloads = (fetch(base + "downloads.html") or b"").decode("utf-8")
        assert "ita-all-years.csv" in downloads and ".pdf" not in downloads
        assert fetch(base + "downloads/ita-report-2566.pdf") is None

        page.close()  # live reload would reload it under our feet

        # A new word in the data: the rebuild after the change indexes it.
        assert "กำนัล" not in words()
        replace_in(data_copy / "years" / "2566.yml", "ไม่มีการเรียกรับสินบน", "ไม่มีการเรียกรับสินบนหรือของกำนัล")
        wait_for(lambda: "กำนัล" in words(), 120, "the index after the rebuild")
        time.sleep(2)  # let mkdocs finish the rebuild ("Reloading browsers")
        page = context.new_page()
        page.goto(base + "index.html")
        assert site_path(search(page, "ของกำนัล")[0], base) == "indicators/6.html"
    finally:
        context.close()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    served = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Search index:" in served
    assert "not printed in the preview of mkdocs serve" in served
