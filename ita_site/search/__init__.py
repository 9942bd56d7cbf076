"""Site search for Thai text: segmentation at build time and the Pagefind index.

- ``segment``  split Thai runs into words (PyThaiNLP newmm over ICU's word list), cached
- ``index``    make segmented copies of the built pages and write the Pagefind bundle

Importable and testable without MkDocs; the build object (``Build.index_search``) runs it
after each build, whatever the engine.
"""

from .index import BUNDLE_DIR, WORDS_FILE, SearchIndexError, SearchIndexReport, build_search_index, index_copy
from .segment import ZWSP, ThaiSegmenter

__all__ = [
    "BUNDLE_DIR",
    "WORDS_FILE",
    "ZWSP",
    "SearchIndexError",
    "SearchIndexReport",
    "ThaiSegmenter",
    "build_search_index",
    "index_copy",
]
