"""The form editor's walkthrough, in a real Chromium, offline, against a local repository.

A copy of a data folder is committed in its own git repository; the site is built from it
(``mkdocs build``, with the editor pointed at a decap-server on a free port); decap-server
(Decap's local backend, pinned in ``.tools/package.json``) serves that repository; the site
is served on 127.0.0.1. Then, as a clerk: open ``admin/``, log in (locally: one button), open
the progress report of a year, add an update with a file, publish.

``tests/test_editor.py`` runs these steps and checks the files; the screenshots of the staff
guide (``docs/guide/img/editor-*.png``) come from the same steps:

    python -m ita_site.devtools.editor_walkthrough --data DIR --year 2566 --question I20 \\
        --date 2024-04-20 --text "..." --evidence FILE --epoch 1714521600 --out docs/guide/img
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..local_server import serve

ROOT = Path(__file__).resolve().parents[2]
DECAP_SERVER = ROOT / ".tools" / "node_modules" / ".bin" / "decap-server"
LOGIN = "เข้าสู่ระบบ"  # Decap's Thai locale: the button of the login page
PUBLISH = "เผยแพร่"  # the publish menu of an entry
PUBLISH_NOW = "เผยแพร่ตอนนี้"
CHOOSE_FILE = "เลือกไฟล์"
CHOOSE_SELECTED = "เลือกข้อมูลที่ถูกเลือก"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git_repository(data: Path, repo: Path) -> Path:
    """`repo`/data: a copy of `data`, committed (the clerk's clone of the agency's repository)."""
    repo.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, repo / "data")
    env = {**os.environ, "GIT_AUTHOR_NAME": "ita", "GIT_AUTHOR_EMAIL": "ita@example.org",
           "GIT_COMMITTER_NAME": "ita", "GIT_COMMITTER_EMAIL": "ita@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "data"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    return repo


def build_site(data: Path, site: Path, backend_port: int, epoch: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITA_")}
    env.update(
        NO_MKDOCS_2_WARNING="1",
        ITA_PDF="false",
        ITA_DATA_DIR=str(data),
        ITA_EDITOR_LOCAL_BACKEND=f"http://localhost:{backend_port}/api/v1",
    )
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@contextmanager
def decap_server(repo: Path, port: int) -> Iterator[subprocess.Popen]:
    """decap-server (file system mode: a save writes the files) on `port`, serving `repo`."""
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "MODE": "fs", "LOG_LEVEL": "warn"}
    proc = subprocess.Popen([str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None:
                raise RuntimeError(f"decap-server stopped: {proc.stdout.read().decode() if proc.stdout else ''}")
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@dataclass
class Clerk:
    """One person at the editor: a Playwright page, where the site is, and where shots go."""

    page: object  # playwright.sync_api.Page
    base: str  # the site's address, ending in /
    shots: Path | None = None
    count: int = 0

    def shot(self, name: str, full: bool = False) -> None:
        if self.shots is None:
            return
        self.count += 1
        self.shots.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.shots / f"editor-{self.count}-{name}.png"), full_page=full)

    def log_in(self) -> None:
        self.page.goto(self.base + "admin/")
        button = self.page.get_by_role("button", name=LOGIN)
        button.wait_for()
        self.shot("login")
        button.click()
        self.page.get_by_role("link", name="ความคืบหน้า").first.wait_for()
        self.shot("collections")

    def open(self, collection: str, slug: str) -> None:
        self.page.goto(f"{self.base}admin/#/collections/{collection}/entries/{slug}")
        self.page.reload()  # a new address after the hash only: the page of that entry, not the last one
        self.page.locator("label[for^=fiscal_year-field]").first.wait_for()

    def list_item(self, summary: str, within=None):
        """The item of a list whose collapsed title is `summary` ("4 · I20")."""
        scope = within if within is not None else self.page
        return scope.locator("[class*=SortableListItem]").filter(has=self.page.get_by_text(summary, exact=True)).first

    def expand(self, item) -> None:
        item.locator("button").first.click()

    def add_update(self, issue: int, question: str, day: str, text: str, evidence: Path | None) -> None:
        """In the open progress report: a new update of the action (issue, question)."""
        item = self.list_item(f"{issue} · {question}")
        self.expand(item)
        item.get_by_role("button", name="เพิ่ม รายงานความคืบหน้า").click()
        item.get_by_label("วันที่รายงาน").last.fill(day)
        item.get_by_label("สิ่งที่ทำแล้ว").last.fill(text)
        if evidence is not None:
            item.get_by_role("button", name="เพิ่ม หลักฐาน").last.click()
            item.get_by_label("วันที่รายงาน").last.scroll_into_view_if_needed()
            self.shot("update")
            item.get_by_role("button", name=CHOOSE_FILE).last.click()
            self.page.locator("input[type=file]").last.set_input_files(str(evidence))
            self.page.get_by_text(evidence.name, exact=True).first.wait_for()
            self.shot("upload")
            self.page.get_by_role("button", name=CHOOSE_SELECTED).click()
        item.get_by_label("สิ่งที่ทำแล้ว").last.scroll_into_view_if_needed()
        self.shot("filled")

    def publish(self) -> None:
        self.page.get_by_role("button", name=PUBLISH).first.click()
        self.page.get_by_role("menuitem", name=PUBLISH_NOW).click()

    def published(self) -> None:
        """Wait until the entry is saved (Decap's notice)."""
        self.page.get_by_text("เผยแพร่แล้ว").first.wait_for()
        self.shot("published")

    def refused_score(self, year: str, value: str) -> list[str]:
        """In the year's results: the first indicator's score set to `value`, publish: the
        messages under the fields (nothing is written when there is one)."""
        self.open("year", year)
        item = self.page.locator("input[id^=score-field]").first.locator(
            "xpath=ancestor::div[contains(@class, 'SortableListItem')][1]"
        )
        self.expand(item)
        field = item.locator("input[id^=score-field]")
        field.fill(value)
        self.publish()
        errors = self.field_errors()
        field.scroll_into_view_if_needed()
        self.shot("refused")
        return errors

    def field_errors(self) -> list[str]:
        """The messages under the fields, as written (not as the theme shows them)."""
        errors = self.page.locator("ul[class*=ControlErrorsList] li")
        errors.first.wait_for()
        return [t.strip() for t in errors.all_text_contents()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the form editor's walkthrough (staff guide)")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--year", required=True)
    parser.add_argument("--issue", type=int, required=True)
    parser.add_argument("--question", required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--text", required=True)
    parser.add_argument("--evidence", type=Path, required=True)
    parser.add_argument("--epoch", default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        repo = git_repository(args.data, Path(tmp) / "repo")
        port = free_port()
        built = build_site(repo / "data", Path(tmp) / "site", port, args.epoch)
        if built.returncode:
            print(built.stderr)
            return 1
        server, base = serve(Path(tmp) / "site")
        try:
            with decap_server(repo, port), sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium") or None)
                page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="th-TH")
                clerk = Clerk(page, base, args.out)
                clerk.log_in()
                clerk.open("progress", args.year)
                clerk.add_update(args.issue, args.question, args.date, args.text, args.evidence)
                clerk.publish()
                clerk.published()
                clerk.refused_score(args.year, "120")
                browser.close()
        finally:
            server.shutdown()
    print(f"{clerk.count} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
