"""Two builds of the same commit are byte-identical; dates come from the last commit."""

from __future__ import annotations

import os
import datetime
import gzip
import struct
import subprocess

import pytest
from conftest import ROOT, build

from ita_site.config import ConfigError, source_date_epoch
from ita_site.dates import build_timestamp


def test_two_builds_are_byte_identical(site, tmp_path):
    """`site` is one build (session fixture); this is a second one, in another folder and
    another process (another hash seed)."""
    second = tmp_path / "site"
    result = build(second, env={"ITA_PDF": "auto"})  # as the `site` fixture: with the PDF reports
    assert result.returncode == 0, result.stderr
    first_files = sorted(p.relative_to(site.path) for p in site.path.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    differ = [str(f) for f in first_files if (site.path / f).read_bytes() != (second / f).read_bytes()]
    assert not differ, differ


def test_sitemap_gzip_is_dated_by_the_last_commit_not_the_clock(site):
    """MkDocs writes the build *date* (midnight UTC) into the gzip header and <lastmod>."""
    raw = (site.path / "sitemap.xml.gz").read_bytes()
    mtime = struct.unpack("<I", raw[4:8])[0]
    day = datetime.datetime.fromtimestamp(build_timestamp(ROOT), datetime.timezone.utc).date()
    assert mtime == int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp())
    assert gzip.decompress(raw) == (site.path / "sitemap.xml").read_bytes()


def test_build_timestamp_is_the_last_commit_time(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    if commit.returncode != 0:
        pytest.skip("not a git checkout")
    assert build_timestamp(ROOT) == int(commit.stdout)


def test_build_timestamp_of_an_old_commit(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {"GIT_AUTHOR_DATE": "2020-02-03T04:05:06Z", "GIT_COMMITTER_DATE": "2020-02-03T04:05:06Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    (tmp_path / "a").write_text("a")
    subprocess.run(["git", "-C", str(tmp_path), "add", "a"], check=True, env=env)
    subprocess.run(["git", "-C", str(tmp_path), "commit", "-q", "-m", "a"], check=True, env=env)
    assert build_timestamp(tmp_path) == 1580702706


def test_source_date_epoch_wins_and_must_be_a_number(tmp_path):
    assert build_timestamp(tmp_path, source_date_epoch({"SOURCE_DATE_EPOCH": "1234567890"})) == 1234567890
    assert source_date_epoch({}) is None
    with pytest.raises(ConfigError):
        source_date_epoch({"SOURCE_DATE_EPOCH": "yesterday"})


def test_outside_git_the_clock_is_used(monkeypatch, tmp_path):
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert abs(build_timestamp(tmp_path) - time.time()) < 5


def test_the_pin_is_for_one_build_and_the_users_setting_comes_back(monkeypatch, tmp_path):
    """MkDocs dates the sitemap from SOURCE_DATE_EPOCH only: the MkDocs adapter sets it for one
    build and puts the user's own setting back after it (also after a failed build), so the
    next rebuild of `mkdocs serve` still sees that the user did not set it."""
    from ita_site.engines.mkdocs import MkDocsEngine

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    engine = MkDocsEngine()
    engine._pin_epoch(1700000000)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
    engine.on_build_error(RuntimeError("x"))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")  # the user's own value comes back
    engine._pin_epoch(1714521600)
    engine._unpin_epoch()
    assert os.environ["SOURCE_DATE_EPOCH"] == "1714521600"
