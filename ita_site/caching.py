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


def theme_template_cache(folder: Path | None):
    """A bytecode cache for the theme's Jinja templates (mkdocs-material's main.html, base.html
    and partials, with overrides/): MkDocs compiles every one of them on every build, which is
    a fifth of a warm build. Kept under `folder`/theme-<mkdocs>-<material>, apart from our own
    templates (another environment, other settings); Jinja checks each template's source
    before it uses what it kept. None when `folder` is None or cannot be written."""
    if folder is None:
        return None
    from importlib.metadata import PackageNotFoundError, version

    from jinja2 import FileSystemBytecodeCache

    try:
        versions = f"{version('mkdocs')}-{version('mkdocs-material')}"
    except PackageNotFoundError:
        versions = "unknown"
    target = Path(folder) / f"theme-{versions}"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a cache that cannot be written only costs time
    return FileSystemBytecodeCache(str(target))
