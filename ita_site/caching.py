"""Where the build keeps what it may reuse in the next build (rendered charts, Thai words, PDFs).

Everything kept there is content-addressed (named by the hash of what produced it), so it
never goes stale and deleting the folder is always safe: the next build makes it again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

DEFAULT = ".cache/ita"


def cache_dir(ita: Mapping[str, Any], project_root: Path, environ: Mapping[str, str] | None = None) -> Path | None:
    """The ITA_CACHE_DIR environment variable, else `extra.ita.cache_dir` of mkdocs.yml
    (`ita`; default `.cache/ita`), relative to the project root; None when set to false or
    empty (keep nothing between builds)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("ITA_CACHE_DIR", ita.get("cache_dir", DEFAULT))
    return (Path(project_root) / chosen).resolve() if chosen else None
