"""Thai word segmentation for the search index (PyThaiNLP, engine newmm).

Thai is written without spaces between words. Pagefind finds words by their beginning, so a
word in the middle of a run of Thai ("ไม่มีการเรียกรับสินบน") is only found if the index knows
where it starts. We insert U+200B ZERO WIDTH SPACE between the words of every Thai run in the
copies of the pages that are indexed (never in the published pages).

The dictionary is ICU's Thai word list, shipped with PyThaiNLP: its words are short
("รับ|สินบน", "ร้อง|เรียน", "จัด|ซื้อ|จัด|จ้าง"), so a word standing inside a longer compound
can be found. newmm splits with it (maximal matching over Thai character clusters). The
words met are kept (:attr:`ThaiSegmenter.words`): the search box splits the reader's query
with exactly these words, so the query and the index agree on word boundaries.

Segmentation is cached by the SHA-256 of each Thai run, in a dict the caller holds (the build
object keeps one for the life of `mkdocs serve`, so it does not segment unchanged text again
on every rebuild), and between builds in
a file of the cache folder (``load_runs``, ``save_runs``: the runs of the last build, for the
PyThaiNLP version and engine in the file name), so a new `mkdocs build` segments only new
text and does not load PyThaiNLP's dictionary at all when there is none.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from importlib import metadata
from pathlib import Path
from typing import Iterable

from ..caching import write_atomic

ZWSP = "\u200b"
# A run of Thai letters, vowels, tone marks and Thai digits (the Thai block, U+0E00-U+0E7F).
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
ENGINE = "newmm"

@functools.cache
def _dictionary():
    """ICU's Thai word list as a PyThaiNLP trie (built once per process, ~1 s)."""
    from pythainlp.corpus.icu import thai_icu_words
    from pythainlp.util import Trie

    return Trie(thai_icu_words())


def run_key(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()


class ThaiSegmenter:
    """Split Thai runs into words; remember every word met (:attr:`words`)."""

    def __init__(self, cache: dict[str, tuple[str, ...]] | None = None):
        """`cache`: the segmented runs (key -> words) to use and fill, shared with later
        segmenters by whoever holds it (the build object keeps one for `mkdocs serve`);
        None: a new one, for this segmenter alone."""
        self._cache = {} if cache is None else cache
        self.words: set[str] = set()
        self.segmented = 0  # runs actually segmented by PyThaiNLP (cache misses)
        self.keys: set[str] = set()  # the runs met (their keys), for save_runs

    def tokens(self, run: str) -> tuple[str, ...]:
        """The words of one Thai run: "ไม่มีการเรียกรับสินบน" -> ไม่ มี การ เรียก รับ สินบน."""
        key = run_key(run)
        words = self._cache.get(key)
        if words is None:
            from pythainlp.tokenize import word_tokenize

            words = tuple(w for w in word_tokenize(run, custom_dict=_dictionary(), engine=ENGINE, keep_whitespace=False) if w)
            self._cache[key] = words
            self.segmented += 1
        self.words.update(words)
        self.keys.add(key)
        return words

    def segment(self, text: str) -> str:
        """`text` with U+200B between the words of each Thai run; everything else untouched."""
        return THAI_RUN.sub(lambda m: ZWSP.join(self.tokens(m.group(0))), text)


def runs_file(folder: Path) -> Path:
    """The file of segmented runs in the cache `folder`, named for what segments them."""
    try:
        version = metadata.version("pythainlp")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return Path(folder) / "search" / f"thai-runs-pythainlp-{version}-{ENGINE}.json"


def load_runs(folder: Path, cache: dict[str, tuple[str, ...]]) -> int:
    """Add the runs kept in `folder` by an earlier build to `cache`; how many.
    A missing or damaged file only means that the runs are segmented again."""
    try:
        kept = json.loads(runs_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(kept, dict):
        return 0
    added = 0
    for key, words in kept.items():
        if key in cache or not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
            continue
        cache[key] = tuple(words)
        added += 1
    return added


def save_runs(folder: Path, cache: dict[str, tuple[str, ...]], keys: Iterable[str]) -> None:
    """Keep the segmented runs of `keys` (those of this build, found in `cache`) in `folder`
    for the next build, written whole or not at all (builds may run side by side)."""
    runs = {k: list(cache[k]) for k in sorted(keys) if k in cache}
    write_atomic(runs_file(folder), json.dumps(runs, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
