"""MkDocs hook: the Thai search index, built after every build (a thin adapter).

The work is in ``ita_site.search``. Running in ``on_post_build`` means `mkdocs serve`
is searchable too: its temporary site gets a fresh index after each rebuild.
Set ITA_SEARCH_SEGMENT=0 to index the text without Thai word segmentation (only to see
what the segmentation is for: Thai words inside sentences are then not found).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ita_site.caching import cache_dir
from ita_site.search import SearchIndexError, build_search_index

log = logging.getLogger("mkdocs.hooks.search")


def on_post_build(config: MkDocsConfig) -> None:
    segment = os.environ.get("ITA_SEARCH_SEGMENT", "1") != "0"
    try:
        ita = config.extra.get("ita", {}) or {}
        exclude = tuple(ita.get("search_exclude", ()))
        cache = cache_dir(ita, Path(config.config_file_path).parent)  # Thai words kept between builds
        report = build_search_index(Path(config.site_dir), segment=segment, exclude=exclude, cache_dir=cache)
    except SearchIndexError as exc:
        raise PluginError(f"search index: {exc}") from None
    log.info(
        "Search index: %d pages, %d Thai words, %.0f KB%s",
        report.pages,
        report.thai_words,
        report.bundle_bytes / 1024,
        "" if segment else " (Thai segmentation OFF)",
    )
