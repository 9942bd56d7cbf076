"""Where the build keeps what it may reuse in the next build (rendered charts, Thai words, PDFs).

Everything kept there is content-addressed (named by the hash of what produced it), so it
never goes stale and deleting the folder is always safe: the next build makes it again.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a temporary file in the same folder, then
    renamed), so that builds side by side, or one stopped halfway, never leave a torn entry.
    A cache that cannot be written only costs time: errors are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def bytecode_cache(folder: Path | str | None):
    """Jinja's bytecode cache in `folder` (compiled templates, checked against each template's
    source before use); None when `folder` is None or cannot be written."""
    if not folder:
        return None
    from jinja2 import FileSystemBytecodeCache

    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a cache that cannot be written only costs time
    return FileSystemBytecodeCache(str(folder))


def theme_template_cache(folder: Path | None):
    """A bytecode cache for the theme's Jinja templates (mkdocs-material's main.html, base.html
    and partials, with overrides/): MkDocs compiles every one of them on every build, which is
    a fifth of a warm build. Kept under `folder`/theme-<mkdocs>-<material>, apart from our own
    templates (another environment, other settings). None when `folder` is None or cannot be
    written."""
    if folder is None:
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        versions = f"{version('mkdocs')}-{version('mkdocs-material')}"
    except PackageNotFoundError:
        versions = "unknown"
    return bytecode_cache(Path(folder) / f"theme-{versions}")
