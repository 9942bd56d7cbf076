"""One timestamp for everything a build writes, so that two builds of a commit are identical.

MkDocs dates the sitemap (``<lastmod>``, the gzip header of ``sitemap.xml.gz``) with the
build date unless ``SOURCE_DATE_EPOCH`` is set (https://reproducible-builds.org/specs/source-date-epoch/).
``build_timestamp()`` gives that value: the variable if set, else the time of the last git
commit. Anything else that writes a date (open-data files, feeds) should use it too.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from . import git

ROOT = Path(__file__).resolve().parent.parent


def build_timestamp(root: Path | str | None = None) -> int:
    """Seconds since 1970 (UTC) standing for this build: ``SOURCE_DATE_EPOCH``, else the commit
    time of HEAD of the git repository at `root` (default: this project), else now.

    Raises ValueError when ``SOURCE_DATE_EPOCH`` is set but is not a whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is not None and value.strip():
        if not value.strip().isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH ต้องเป็นจำนวนวินาที (whole seconds), ได้ {value!r}")
        return int(value)
    stamp = git.last_commit_time(root or ROOT)  # None: no git, or not a repository (a tarball)
    return int(time.time()) if stamp is None else stamp


_PINNED: str | None = None  # the SOURCE_DATE_EPOCH that pin_source_date_epoch() set itself


def pin_source_date_epoch(root: Path | str | None = None) -> dict[str, str]:
    """Set ``SOURCE_DATE_EPOCH`` to ``build_timestamp()`` unless the user set it, so that MkDocs
    dates the sitemap reproducibly; return the environment as the user gave it (without a value
    this function set on an earlier rebuild of `mkdocs serve`), for decisions that must see the
    user's own setting, such as the build date of a preview (``dates.build_date``).

    Raises ValueError when the user's ``SOURCE_DATE_EPOCH`` is not a whole number."""
    global _PINNED
    user = dict(os.environ)
    if _PINNED is not None and user.get("SOURCE_DATE_EPOCH") == _PINNED:
        del user["SOURCE_DATE_EPOCH"]
    if "SOURCE_DATE_EPOCH" in user:
        build_timestamp(root)  # only validates the user's value
    else:
        os.environ.pop("SOURCE_DATE_EPOCH", None)  # ours from an earlier rebuild: take it anew
        _PINNED = str(build_timestamp(root))
        os.environ["SOURCE_DATE_EPOCH"] = _PINNED
    return user
