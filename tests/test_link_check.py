"""The link check of the disclosed OIT links (scripts/check_links.py, lychee), offline: every
link of the OIT fixture points at a local server that answers 200, 404, 500, a redirect loop
and a timeout, and the report must say which work, which do not, and since when."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT

TIMEOUT = 2  # seconds lychee waits for a link; /slow answers later than that
PATHS = {  # the fixture's links (https://www.ban-mai.example/...) -> what the server does
    "structure-2566": 200,
    "structure": 200,
    "news": 200,
    "news-q2": 200,
    "procurement-missing": 404,
    "broken": 500,
    "loop": "loop",
    "slow": "slow",
}


class Answers(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self):  # noqa: N802
        what = PATHS.get(self.path.strip("/"), 404)
        if what == "slow":
            time.sleep(TIMEOUT + 2)
            what = 200
        if what == "loop":
            self.send_response(302)
            self.send_header("Location", self.path)
        else:
            self.send_response(what)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def data(oit_data, server) -> Path:
    for file in (oit_data / "disclosures").glob("*.yml"):
        file.write_text(file.read_text(encoding="utf-8").replace("https://www.ban-mai.example/", server), encoding="utf-8")
    return oit_data


def check(data: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_links.py"), "--data", str(data), "--out", str(out),
         "--timeout", str(TIMEOUT), "--retries", "0", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_check_reports_each_broken_link_of_the_local_server(data, server, tmp_path):
    out = tmp_path / "out"
    result = check(data, out)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "link-health.json").read_text(encoding="utf-8"))
    found = {link["url"].removeprefix(server): (link["ok"], link["status"]) for link in report["links"]}
    assert found == {
        "structure-2566": (True, "200"),
        "structure": (True, "200"),
        "news": (True, "200"),
        "news-q2": (True, "200"),
        "procurement-missing": (False, "404"),
        "broken": (False, "500"),
        "loop": (False, "redirects"),
        "slow": (False, "timeout"),
    }
    assert "ใช้ไม่ได้ 4 ลิงก์" in result.stdout
    since = {link["url"].removeprefix(server): link["failing_since"] for link in report["links"]}
    assert since["structure"] is None and since["broken"] == report["checked_at"]  # failing since this check
    text = (out / "link-report.md").read_text(encoding="utf-8")
    failed = text.split("## ทุกลิงก์")[0]
    for url, words, code in (
        ("procurement-missing", "ไม่พบหน้า (404)", "O20"),
        ("broken", "เซิร์ฟเวอร์ผิดพลาด (500)", "O37"),
        ("loop", "ส่งต่อไม่รู้จบ (redirect loop)", "O37"),
        ("slow", "ไม่ตอบภายในเวลาที่กำหนด (timeout)", "O37"),
    ):
        (row,) = [line for line in failed.splitlines() if f"{server}{url} |" in line]
        assert words in row and f"| {code} " in row, row
    assert f"{server}structure |" not in failed  # a link that works is not among the broken


def test_since_when_comes_from_the_previous_report(data, server, tmp_path):
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps({
        "format": "ita-link-health/1", "checked_at": "2024-04-01T02:00:00+00:00", "checker": "lychee",
        "links": [
            {"url": server + "procurement-missing", "ok": False, "status": "404", "text": "", "failing_since": "2024-03-01T02:00:00+00:00"},
            {"url": server + "broken", "ok": True, "status": "200", "text": "", "failing_since": None},
            {"url": server + "structure", "ok": False, "status": "500", "text": "", "failing_since": "2024-02-01T02:00:00+00:00"},
        ],
    }), encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    result = check(data, out, "--previous", str(previous), "--strict")
    assert result.returncode == 1, result.stderr  # --strict: broken links fail the command
    report = json.loads((out / "link-health.json").read_text(encoding="utf-8"))
    since = {link["url"].removeprefix(server): link["failing_since"] for link in report["links"]}
    assert since["procurement-missing"] == "2024-03-01T02:00:00+00:00"  # still broken: since the first failure
    assert since["broken"] == report["checked_at"]  # worked last time: broken since now
    assert since["structure"] is None  # works again
    assert "1 มีนาคม 2567" in (out / "link-report.md").read_text(encoding="utf-8")


def test_the_check_refuses_data_with_errors(data, tmp_path):
    (data / "disclosures/2567.yml").write_text("fiscal_year: 2567\nitems:\n  - code: O99\n", encoding="utf-8")
    result = check(data, tmp_path / "out")
    assert result.returncode == 2 and "O99" in result.stderr and not (tmp_path / "out").exists()
