"""Generated files that are not Markdown pages (open data, feeds, ...): the Asset registry.

An asset builder is a function ``(Site, Options) -> list[Asset]``; add it to
``ASSET_BUILDERS``. The MkDocs hook writes every asset into the site; scripts can write them
to a folder. Like pages, assets are pure functions of the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..site import Site
from .render import Options


@dataclass(frozen=True)
class Asset:
    path: str  # relative to the site root, e.g. "downloads/ita-2566.csv"
    content: bytes


AssetBuilder = Callable[[Site, Options], list[Asset]]
ASSET_BUILDERS: list[AssetBuilder] = []


def build_assets(site: Site, options: Options | None = None) -> list[Asset]:
    options = options or Options()
    return [asset for builder in ASSET_BUILDERS for asset in builder(site, options)]
