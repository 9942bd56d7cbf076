"""Render a Vega-Lite spec to SVG with vl-convert, once per distinct spec.

The cache is keyed by the SHA-256 of the spec's canonical JSON, the vl-convert version and
the chart fonts, so `mkdocs serve` re-renders only the charts whose data or look changed.
Rendering does not run JavaScript in the page: the SVG is inlined at build time.

With a disk folder (``ChartRenderer(folder)``; the build gives ``extra.ita.cache_dir``, default
``.cache/ita``) what vl-convert returns is also kept in ``folder/charts/<key>.svg``, so a new
`mkdocs build` renders only the charts that changed since the last one: starting vl-convert
and rendering were a third of a build. An entry is vl-convert's own output for the spec,
version and fonts its name hashes (content-addressed), and ``_tidy`` is applied after
reading it, so no change of code or data can make it stale. Entries are written atomically
(builds may run side by side) and read back only when whole. Deleting the folder is always
safe.

Building a spec with Altair (and importing Altair) also costs: 0.5 s of a build whose charts
are all cached. So the disk also keeps, for each *recipe* (the ``kinds`` function and its
arguments, as ``figures`` calls it), the key of the spec it gave: ``charts/recipes/<key>``.
A recipe's key hashes its function, the repr of its arguments, the source of the modules
that build specs (``kinds.py``, ``theme.py``) and the Altair version, so any change to them
gives new keys; the SVG itself is then found by the spec's key as above.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

from ..caching import write_atomic

FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass
class CacheStats:
    renders: int = 0
    hits: int = 0  # from memory or disk
    disk_hits: int = 0


@functools.cache
def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(FONTS.glob("*.ttf")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _engine():
    """vl-convert with the chart font registered (text widths are measured with it): an
    import, done once per process; it holds nothing of a build."""
    import vl_convert

    vl_convert.register_font_directory(str(FONTS))
    return vl_convert


def spec_key(spec: dict) -> str:
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    engine = _engine()
    version = getattr(engine, "__version__", "")
    return hashlib.sha256(f"{version}\n{_fonts_digest()}\n{canonical}".encode("utf-8")).hexdigest()


# the modules whose code makes a spec from a recipe (see recipe_key)
SPEC_CODE = ("kinds.py", "theme.py")


@functools.cache
def _spec_code_digest() -> str:
    digest = hashlib.sha256()
    for name in SPEC_CODE:
        digest.update(name.encode("utf-8") + b"\0" + (Path(__file__).resolve().parent / name).read_bytes())
    try:
        digest.update(metadata.version("altair").encode("utf-8"))
    except metadata.PackageNotFoundError:
        digest.update(b"altair ?")
    return digest.hexdigest()


class ChartRenderer:
    """The SVGs of one build (or of the builds of one `mkdocs serve`): kept in memory, and in
    `disk`/charts when a cache folder is given; :attr:`stats` counts what this renderer did."""

    def __init__(self, disk: Path | str | None = None):
        self.disk = Path(disk) if disk else None  # the cache folder, or None: memory only
        self.stats = CacheStats()
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def to_svg(self, spec: dict) -> str:
        """The SVG of a spec (from the cache when the same spec was rendered before)."""
        key = spec_key(spec)
        svg = self._kept(key)
        if svg is not None:
            return svg
        raw = _engine().vegalite_to_svg(spec)
        svg = _tidy(raw)
        with self._lock:
            self._cache[key] = svg
            self.stats.renders += 1
        self._write(key, raw)
        return svg

    def recipe_key(self, recipe: functools.partial) -> str | None:
        """The key of a chart recipe (a kinds function with its arguments), or None when there
        is no cache on disk (then every spec is built, as the tests expect)."""
        if self.disk is None:
            return None
        fn: Callable = recipe.func
        text = f"{fn.__module__}.{fn.__qualname__}\n{recipe.args!r}\n{sorted(recipe.keywords.items())!r}"
        return hashlib.sha256(f"{_spec_code_digest()}\n{text}".encode("utf-8")).hexdigest()

    def svg_of_recipe(self, key: str) -> str | None:
        """The SVG of the spec a recipe gave in an earlier build (memory or disk), or None."""
        pointer = self.disk / "charts" / "recipes" / key if self.disk is not None else None
        try:
            spec = pointer.read_text(encoding="ascii").strip() if pointer else ""
        except (OSError, UnicodeDecodeError):
            return None
        if not re.fullmatch(r"[0-9a-f]{64}", spec):
            return None
        return self._kept(spec)

    def remember_recipe(self, key: str, spec: dict) -> None:
        """Note which spec a recipe gave (its SVG is in the cache by the spec's key)."""
        if self.disk is not None:
            _write_file(self.disk / "charts" / "recipes" / key, spec_key(spec))

    def clear(self) -> None:
        """Forget the SVGs kept in memory and the counts (the disk folder is left as it is)."""
        with self._lock:
            self._cache.clear()
            self.stats = CacheStats()

    def _kept(self, key: str) -> str | None:
        """The SVG of the spec `key` rendered before: from memory, else from the disk cache
        (read into memory); None when it was not."""
        with self._lock:
            if key in self._cache:
                self.stats.hits += 1
                return self._cache[key]
        raw = self._read(key)
        if raw is None:
            return None
        svg = _tidy(raw)
        with self._lock:
            self._cache[key] = svg
            self.stats.hits += 1
            self.stats.disk_hits += 1
        return svg

    def _entry(self, key: str) -> Path | None:
        return self.disk / "charts" / f"{key}.svg" if self.disk is not None else None

    def _read(self, key: str) -> str | None:
        path = self._entry(key)
        if path is None:
            return None
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return raw if raw.lstrip().startswith(("<svg ", "<?xml")) and raw.rstrip().endswith("</svg>") else None

    def _write(self, key: str, raw: str) -> None:
        path = self._entry(key)
        if path is not None:
            _write_file(path, raw)


def _write_file(path: Path, raw: str) -> None:
    write_atomic(path, raw.encode("utf-8"))  # whole or not at all, also with builds side by side


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
