"""Generated files that are not Markdown pages (open data, the feed, evidence files).

An asset builder is a function ``(Site, Options) -> list[Asset]``. The list of them, in the
order they are written, is ``ASSET_BUILDERS`` in ``ita_site.pages``; like pages, assets are
pure functions of the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .site import Site
from .templating import Options


@dataclass(frozen=True)
class Asset:
    path: str  # relative to the site root, e.g. "downloads/ita-2566.csv"
    content: bytes


AssetBuilder = Callable[[Site, Options], list[Asset]]
