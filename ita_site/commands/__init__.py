"""The staff's and developers' commands (``scripts/*.py`` call these ``main`` functions).

Each command works on a project: the folder with ``mkdocs.yml``, ``data/`` and ``schemas/``.
A script passes its own checkout; ``python -m ita_site.commands.X`` (the pre-commit hooks)
uses the current folder or the nearest folder above it that holds ``mkdocs.yml``.
"""

from __future__ import annotations

from pathlib import Path


def project_root(start: Path | None = None) -> Path:
    """The nearest folder from `start` (default: the current folder) upwards that holds
    ``mkdocs.yml``; `start` itself when there is none."""
    here = (start or Path.cwd()).resolve()
    return next((p for p in (here, *here.parents) if (p / "mkdocs.yml").is_file()), here)
