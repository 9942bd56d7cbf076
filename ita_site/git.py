"""The one way the build asks git something: the dates a site shows and is built "as of"
(``dates.build_date``, ``dates.build_timestamp``, ``provenance.GitDates``).

A machine without git, or data outside a repository (a tarball), is not an error: every
question then has no answer (None) and the caller falls back to the clock."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run(folder: Path | str, *args: str) -> str | None:
    """``git <args>`` in `folder`: its standard output (UTF-8, file names unquoted), or None when
    git is missing, fails, or `folder` is not in a repository."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def last_commit_time(folder: Path | str) -> int | None:
    """Seconds since 1970 of the last commit of the repository that holds `folder`."""
    out = (run(folder, "log", "-1", "--format=%ct") or "").strip()
    return int(out) if out.isdigit() else None


def has_changes(folder: Path | str) -> bool | None:
    """Whether files under `folder` differ from the last commit (or are untracked); None
    when git cannot tell."""
    out = run(folder, "status", "--porcelain", "--", ".")
    return None if out is None else out != ""
