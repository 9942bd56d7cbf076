"""Shared fixtures: build the real site with MkDocs, read its HTML, copy data/ to break it,
serve it on 127.0.0.1 and open it in Debian's chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
CHROMIUM = "/usr/bin/chromium"


def build(
    site_dir: Path, data_dir: Path | None = None, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` from the repository root, into `site_dir`, from `data_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if data_dir is not None:
        env["ITA_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [MKDOCS, "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


class BuiltSite:
    def __init__(self, path: Path):
        self.path = path

    def html(self, page: str) -> str:
        return (self.path / page).read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(page), "lxml")

    def text(self, page: str) -> str:
        """The visible text of the page's article (no navigation, no search index)."""
        article = self.soup(page).select_one("article")
        return " ".join(article.get_text(" ").split())


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    result = build(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a data file; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site on http://127.0.0.1:<port>/ (as a reader's browser gets it)."""
    from screenshot import serve

    server, base = serve(site.path)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright, offline-minded (no background traffic)."""
    from playwright.sync_api import sync_playwright
    from screenshot import CHROMIUM_ARGS

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
