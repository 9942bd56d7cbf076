"""Render a Vega-Lite spec to SVG with vl-convert, once per distinct spec.

The cache is keyed by the SHA-256 of the spec's canonical JSON (and the vl-convert version),
so `mkdocs serve` re-renders only the charts whose data or look changed. Rendering does not
run JavaScript in the page: the SVG is inlined at build time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass
class CacheStats:
    renders: int = 0
    hits: int = 0


_cache: dict[str, str] = {}
_lock = threading.Lock()
stats = CacheStats()


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
    return hashlib.sha256(f"{version}\n{canonical}".encode("utf-8")).hexdigest()


def to_svg(spec: dict) -> str:
    """The SVG of a spec (from the cache when the same spec was rendered before)."""
    key = spec_key(spec)
    with _lock:
        if key in _cache:
            stats.hits += 1
            return _cache[key]
    svg = _tidy(_engine().vegalite_to_svg(spec))
    with _lock:
        _cache[key] = svg
        stats.renders += 1
    return svg


def clear_cache() -> None:
    with _lock:
        _cache.clear()
        stats.renders = stats.hits = 0


_ROOT = re.compile(r"^<svg ([^>]*)>")
# Vega gives its mark containers ARIA roles even with `config.aria: false`; inside an
# image (the page gives the <svg> role="img" and its name) they are noise to a screen reader
# and fail axe-core's svg-img-alt (a graphics role without a name).
_INNER_ARIA = re.compile(r'\s(?:role="graphics-[a-z]+"|aria-roledescription="[^"]*")')


def _tidy(svg: str) -> str:
    """Make the SVG fit for inlining: no fixed class, a viewBox to scale by, no XML header,
    no ARIA roles on the parts of the image."""
    svg = _INNER_ARIA.sub("", svg.strip())
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
