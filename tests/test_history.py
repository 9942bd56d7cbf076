"""Each page shows when its data last changed, from git history (reproducible: not the clock),
in Thai with the Buddhist-era year; without git or history it shows nothing and still builds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime, timezone

import pytest
from conftest import DEFAULT_AGENCY, ROOT, BuiltSite, build

from ita_site.pages import build_pages
from ita_site.templating import labels
from ita_site.dates import thai_date
from ita_site.provenance import GitDates
from ita_site.site import load_site

MONTHS = labels()["months_full"]
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def test_thai_date_is_buddhist_era_with_the_month_name():
    assert thai_date(date(2026, 11, 30), MONTHS) == "30 พฤศจิกายน 2569"
    assert thai_date(date(2025, 1, 5), MONTHS) == "5 มกราคม 2568"


def test_thai_date_is_the_day_in_thailand():
    # 20:00 UTC on 30 November is 03:00 on 1 December in Bangkok (UTC+7)
    assert thai_date(datetime(2026, 11, 30, 20, 0, tzinfo=timezone.utc), MONTHS) == "1 ธันวาคม 2569"
    assert thai_date(datetime.fromisoformat("2026-11-30T09:50:03+00:00"), MONTHS) == "30 พฤศจิกายน 2569"


def git(repo, *args, when: str | None = None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """A copy of the default agency's data in its own git history: all of it on 15 Jan 2025, then one change to
    years/2566.yml on 2 Mar 2025."""
    root = tmp_path / "repo"
    shutil.copytree(DEFAULT_AGENCY, root / "data")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "data", when="2025-01-15T10:00:00+07:00")
    path = root / "data/years/2566.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# แก้ไข\n", encoding="utf-8")
    git(root, "commit", "-qam", "edit 2566", when="2025-03-02T10:00:00+07:00")
    return root


def footer(markdown: str) -> str | None:
    m = re.search(r"ปรับปรุงข้อมูลล่าสุด ([^<]+)<", markdown)
    return m.group(1) if m else None


@needs_git
def test_date_of_a_page_is_its_sources_last_commit(repo):
    dates = GitDates(repo / "data")
    assert dates(("data/years/2565.yml",)).date() == date(2025, 1, 15)
    assert dates(("data/years/2565.yml", "data/years/2566.yml")).date() == date(2025, 3, 2)
    assert dates(("data/nowhere.yml",)) is None
    pages = {p.path: p for p in build_pages(load_site(repo / "data"), dates=dates)}
    assert footer(pages["index.md"].markdown) == "2 มีนาคม 2568"  # built from years/2566.yml
    assert footer(pages["years/2565.md"].markdown) == "15 มกราคม 2568"
    assert footer(pages["comparison.md"].markdown) == "2 มีนาคม 2568"  # every year file


@needs_git
def test_dates_are_reproducible_not_the_clock(repo):
    first = [p.markdown for p in build_pages(load_site(repo / "data"), dates=GitDates(repo / "data"))]
    os.utime(repo / "data/years/2565.yml")  # touching a file changes nothing: git decides
    again = [p.markdown for p in build_pages(load_site(repo / "data"), dates=GitDates(repo / "data"))]
    assert first == again
    assert str(date.today().year + 543) not in "".join(footer(m) or "" for m in first)


@needs_git
def test_uncommitted_file_has_no_date(repo):
    (repo / "data/years/2566.yml").rename(repo / "data/years/2566.moved")
    shutil.copy(repo / "data/years/2566.moved", repo / "data/years/2567.yml")
    (repo / "data/years/2566.moved").unlink()
    text = (repo / "data/years/2567.yml").read_text(encoding="utf-8")
    (repo / "data/years/2567.yml").write_text(text.replace("fiscal_year: 2566", "fiscal_year: 2567"), encoding="utf-8")
    dates = GitDates(repo / "data")
    assert dates(("data/years/2567.yml",)) is None


def test_no_history_no_date(tmp_path):
    shutil.copytree(DEFAULT_AGENCY, tmp_path / "data")  # not a git repository
    assert GitDates(tmp_path / "data")(("data/years/2566.yml",)) is None


def test_no_git_no_date(monkeypatch):
    monkeypatch.setenv("PATH", "")  # git cannot be found
    assert GitDates(DEFAULT_AGENCY)(("data/years/2566.yml",)) is None


@needs_git
def test_built_pages_show_the_date_git_gives(site):
    """The date on the page is `git log -1 --format=%cI -- <its source files>`."""
    sources = [str(DEFAULT_AGENCY / "years/2566.yml"), str(DEFAULT_AGENCY / "organization.yml")]
    out = subprocess.run(["git", "log", "-1", "--format=%cI", "--", *sources], cwd=ROOT, capture_output=True, text=True)
    if not out.stdout.strip():
        pytest.skip("the data files are not committed in this checkout")
    expected = thai_date(datetime.fromisoformat(out.stdout.strip()), MONTHS)
    assert f"ปรับปรุงข้อมูลล่าสุด {expected}" in site.text("index.html")
    sources_line = site.soup("index.html").select("article small")[-1].get_text()
    assert "data/years/2566.yml" in sources_line


def test_a_copy_without_git_history_builds_without_dates(tmp_path):
    """A tarball of the project: no .git, the build succeeds and shows no date."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "hooks", "ita_site", "docs", "schemas", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, project / name)
    shutil.copytree(DEFAULT_AGENCY, project / "data")
    result = build(tmp_path / "site", None, cwd=project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    built = BuiltSite(tmp_path / "site")
    assert "ปรับปรุงข้อมูลล่าสุด" not in built.html("index.html")
    assert "ข้อมูลของหน้านี้มาจากไฟล์" in built.text("index.html")
