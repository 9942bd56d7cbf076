"""Hand-written pages under docs/ (the staff guide) in the navigation next to generated ones.

The guide is plain Markdown written by people (``docs/guide/*.md``), not generated. Its
pages appear in the order of their file names (``index.md`` first; number the others,
``01-fork.md``, to order them), each under the title of its first ``# `` heading.
"""

from __future__ import annotations

from pathlib import Path

GUIDE = "guide"


def _title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def guide_nav(docs_dir: Path, folder: str = GUIDE) -> list[dict[str, str]]:
    """MkDocs nav entries of the guide pages: [{title: "guide/01-fork.md"}, ...]."""
    base = Path(docs_dir) / folder
    files = sorted(base.glob("*.md"), key=lambda p: (p.name != "index.md", p.name))
    return [{_title(p): f"{folder}/{p.name}"} for p in files]
