"""Render a Vega-Lite spec to SVG with vl-convert, once per distinct spec.

The cache is keyed by the SHA-256 of the spec's canonical JSON, the vl-convert version and
the chart fonts, so `mkdocs serve` re-renders only the charts whose data or look changed.
Rendering does not run JavaScript in the page: the SVG is inlined at build time.

With ``use_disk_cache(folder)`` (the hook does it: ``extra.ita.cache_dir``, default
``.cache/ita``) what vl-convert returns is also kept in ``folder/charts/<key>.svg``, so a new
`mkdocs build` renders only the charts that changed since the last one: starting vl-convert
and rendering were a third of a build. An entry is vl-convert's own output for the spec,
version and fonts its name hashes (content-addressed), and ``_tidy`` is applied after
reading it, so no change of code or data can make it stale. Entries are written atomically
(builds may run side by side) and read back only when whole. Deleting the folder is always
safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass
class CacheStats:
    renders: int = 0
    hits: int = 0  # from memory or disk
    disk_hits: int = 0


_cache: dict[str, str] = {}
_lock = threading.Lock()
stats = CacheStats()
_disk: Path | None = None  # folder of cached SVGs, or None: memory only


def use_disk_cache(folder: Path | str | None) -> None:
    """Keep the SVGs in `folder` (created when first written) as well; None: memory only."""
    global _disk
    _disk = Path(folder) if folder else None


@functools.cache
def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _engine():
    """vl-convert with the chart font registered (text widths are measured with it)."""
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def spec_key(spec: dict) -> str:
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    engine = _engine()
    version = getattr(engine, "__version__", "")
    return hashlib.sha256(f"{version}\n{_fonts_digest()}\n{canonical}".encode("utf-8")).hexdigest()


def to_svg(spec: dict) -> str:
    """The SVG of a spec (from the cache when the same spec was rendered before)."""
    key = spec_key(spec)
    with _lock:
        if key in _cache:
            stats.hits += 1
            return _cache[key]
    raw = _read(key)
    if raw is not None:
        svg = _tidy(raw)
        with _lock:
            _cache[key] = svg
            stats.hits += 1
            stats.disk_hits += 1
        return svg
    raw = _engine().vegalite_to_svg(spec)
    svg = _tidy(raw)
    with _lock:
        _cache[key] = svg
        stats.renders += 1
    _write(key, raw)
    return svg


def _entry(key: str) -> Path | None:
    return _disk / "charts" / f"{key}.svg" if _disk is not None else None


def _read(key: str) -> str | None:
    path = _entry(key)
    if path is None:
        return None
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return raw if raw.lstrip().startswith(("<svg ", "<?xml")) and raw.rstrip().endswith("</svg>") else None


def _write(key: str, raw: str) -> None:
    path = _entry(key)
    if path is None:
        return
    try:  # a cache that cannot be written only costs time
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".svg", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(raw)
        os.replace(tmp, path)  # whole or not at all, also with builds side by side
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def clear_cache() -> None:
    """Forget the SVGs kept in memory (the disk folder, if any, is left as it is)."""
    with _lock:
        _cache.clear()
        stats.renders = stats.hits = stats.disk_hits = 0


_ROOT = re.compile(r"^<svg ([^>]*)>")


def _tidy(svg: str) -> str:
    """Make the SVG fit for inlining: no fixed class, a viewBox to scale by, no XML header."""
    svg = svg.strip()
    if svg.startswith("<?xml"):
        svg = svg[svg.index("?>") + 2 :].lstrip()
    m = _ROOT.match(svg)
    if not m:
        raise ValueError("vl-convert returned no <svg> root")
    attrs = re.sub(r'\s*class="marks"', "", m.group(1))
    return f"<svg {attrs}>" + svg[m.end() :]


def sized(svg: str) -> tuple[int, int]:
    """Width and height of a rendered SVG (from its root element)."""
    m = _ROOT.match(svg)
    assert m
    w = re.search(r'\bwidth="([0-9.]+)"', m.group(1))
    h = re.search(r'\bheight="([0-9.]+)"', m.group(1))
    return int(float(w.group(1))), int(float(h.group(1)))
