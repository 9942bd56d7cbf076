"""Where a page's data comes from: the edit link of its YAML file, and when it last changed.

- ``edit_url``: the GitHub "edit" address of a data file, from the repository address and
  branch (configured, never written in code).
- ``GitDates``: the date of the last commit that touched a page's source files, read from
  git history (``git log``), so that a build is reproducible: the same commit gives the same
  dates, whatever the clock says. Without git or without history (a tarball, a shallow
  clone of one commit is still history) the date is None and the page shows none.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Iterable

from . import git


def repo_path(shown: str, data_dir: Path, project_root: Path) -> str | None:
    """A source as shown on pages ("data/years/2566.yml": relative to the data folder's
    parent) -> its path relative to the project root, or None if it lies outside."""
    file = Path(data_dir).parent / shown
    try:
        return file.resolve().relative_to(Path(project_root).resolve()).as_posix()
    except ValueError:
        return None


def edit_url(repo_url: str | None, branch: str, path: str | None) -> str | None:
    """https://github.com/ORG/REPO/edit/main/data/years/2566.yml (None without a repository)."""
    if not repo_url or not path:
        return None
    return f"{repo_url.rstrip('/')}/edit/{branch}/{path}"


def edit_uri(branch: str, docs_dir: Path, project_root: Path) -> str:
    """MkDocs' `edit_uri` for the hand-written pages of docs/: "edit/main/docs/"."""
    docs = Path(docs_dir).resolve().relative_to(Path(project_root).resolve()).as_posix()
    return f"edit/{branch}/{docs}/"


class GitDates:
    """When the data files under `data_dir` last changed, by git history.

    One ``git log`` over the folder is read once; ``last_changed(sources)`` is then the date
    of the most recent commit touching any of them (as ``git log -1 -- sources`` gives).
    """

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir).resolve()
        self._first: dict[str, tuple[int, datetime]] | None = None
        self._top: Path | None = None

    def _load(self) -> dict[str, tuple[int, datetime]]:
        if self._first is not None:
            return self._first
        self._first = {}
        if not self.data_dir.is_dir():
            return self._first
        top = git.run(self.data_dir, "rev-parse", "--show-toplevel")
        if not top:
            return self._first
        self._top = Path(top.strip()).resolve()
        log = git.run(self.data_dir, "log", "--format=@%cI", "--name-only", "--", ".")
        if not log:
            return self._first
        index, when = -1, None
        for line in log.splitlines():
            if line.startswith("@"):
                index += 1
                when = datetime.fromisoformat(line[1:])
            elif line and when is not None:
                self._first.setdefault(line, (index, when))
        return self._first

    def of(self, shown: str) -> tuple[int, datetime] | None:
        first = self._load()
        if self._top is None:
            return None
        try:
            rel = (self.data_dir.parent / shown).resolve().relative_to(self._top).as_posix()
        except ValueError:
            return None
        return first.get(rel)

    def last_changed(self, sources: Iterable[str]) -> datetime | None:
        found = [x for x in (self.of(s) for s in sources) if x is not None]
        return min(found, key=lambda x: x[0])[1] if found else None

    __call__ = last_changed
