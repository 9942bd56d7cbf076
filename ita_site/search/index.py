"""Build the site's search index with Pagefind (extended build) from segmented page copies.

``build_search_index(site_dir)`` reads every built page, makes a copy of its article with
U+200B between Thai words (:mod:`.segment`) in a temporary folder, runs Pagefind's binary (the
one the ``pagefind[extended]`` package ships) over the copies and writes the bundle into
``site_dir/pagefind/``. The published pages are never modified: copying text from the site
gives clean Thai.

The binary is run as a command (``pagefind_extended --site COPIES --output-path OUT``), not
through Pagefind's Python API: the API returns the whole bundle as one message through a pipe
read with a 2 MiB limit, which a site of some 150 pages exceeds (the build then hung until its
timeout), and it answers one message per 0.1 s. The command writes the same files, byte for
byte, with no size limit.

Next to Pagefind's files it writes ``thai-words.json``, the Thai words of the index: the
search box splits the reader's query with them (see ``overrides/assets/javascripts``), and
the copy of ``pagefind.js`` served by the site does not split Thai queries again with the
browser's own word breaker, whose boundaries differ from the index's (ร้องเรียน -> ร้อง|เรียน
in Chromium), which made words inside sentences unfindable.

Nothing here needs MkDocs; ``Build.index_search`` calls it after every build (also under
`mkdocs serve`).
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from ..caching import write_atomic
from .segment import ThaiSegmenter, load_runs, save_runs

BUNDLE_DIR = "pagefind"
WORDS_FILE = "thai-words.json"
LANGUAGE = "th"
SKIPPED_PAGES = {"404.html"}

# Pagefind's files the site needs: the search runtime, its worker, the wasm, the index.
# (Pagefind's ready-made UI bundles and playground are not copied: the site has its own box.)
_KEPT = re.compile(
    r"^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind"
    r"|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)/[\w.-]+)$"
)
_RUNTIME = ("pagefind.js", "pagefind-worker.js")
# Pagefind >= 1.5 splits zh/ja/th queries with the browser's Intl.Segmenter. Our query is
# already split with the index's own words, so this is switched off in the served copy.
_QUERY_SEGMENTATION = re.compile(r"needsWordSegmentation=\(lang\)=>\{.*?\};")
_NO_QUERY_SEGMENTATION = "needsWordSegmentation=(lang)=>false;"

# Elements of the article that are not its text: heading permalinks (¶), inline charts,
# scripts. Removed from the indexed copy only.
_NOT_TEXT = (
    ".//svg | .//script | .//style | .//template | .//noscript"
    " | .//a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
)


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class SearchIndexReport:
    pages: int
    thai_words: int
    bundle_bytes: int
    segmented_runs: int  # Thai runs segmented by PyThaiNLP in this build (the rest were cached)


def pages_to_index(site_dir: Path, exclude: tuple[str, ...] = ()) -> list[Path]:
    """Every built page except the 404 page, files inside the search bundle itself, and pages
    under the `exclude` folders (e.g. "guide/": the staff guide is not what citizens search)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir)
        if rel.parts[0] == BUNDLE_DIR or rel.as_posix() in SKIPPED_PAGES:
            continue
        if any(rel.as_posix().startswith(prefix) for prefix in exclude):
            continue
        pages.append(path)
    return pages


def index_copy(html: str, segmenter: ThaiSegmenter | None, *, outside: bool = True) -> str | None:
    """The HTML Pagefind indexes for one page: its article only, Thai words separated.

    Returns None for a page without an article. With ``segmenter=None`` the text is left as
    it is (used to show what search does without segmentation). With ``outside=False`` the
    rest of the body (header, navigation, footer: not indexed anyway) is left out of the copy,
    which gives the same index from much smaller copies: every page holds the whole
    navigation, so a site of 260 pages made 45 MB of copies, 7 MB without it.
    """
    doc = lxml.html.document_fromstring(html)
    articles = doc.xpath("//article")
    if not articles:
        return None
    article = articles[0]
    for element in article.xpath(_NOT_TEXT):
        element.drop_tree()  # keeps the text that follows the element
    article.set("data-pagefind-body", "")
    if segmenter is not None:
        for element in article.iter():
            if isinstance(element.tag, str) and element.text:
                element.text = segmenter.segment(element.text)
            if element is not article and element.tail:
                element.tail = segmenter.segment(element.tail)
    body = doc.find("body")
    if not outside and body is not None:
        # a new page of copies (moving the article out of its tree made lxml keep every
        # detached tree: 1 MB a page)
        shell = lxml.html.Element("html", dict(doc.attrib))
        head = doc.find("head")
        if head is not None:
            shell.append(copy.deepcopy(head))
        shell.append(lxml.html.Element("body", dict(body.attrib)))
        shell[-1].append(copy.deepcopy(article))
        shell[-1][0].tail = None
        doc = shell
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!doctype html>")


def without_query_segmentation(runtime: str, name: str) -> str:
    patched, count = _QUERY_SEGMENTATION.subn(_NO_QUERY_SEGMENTATION, runtime, count=1)
    if count != 1:
        raise SearchIndexError(
            f"{name}: Pagefind's query segmentation (needsWordSegmentation) was not found; "
            "the pinned pagefind version changed? See ita_site/search/index.py"
        )
    return patched


def _pagefind_bundle(copies_dir: Path, out_dir: Path, timeout: float) -> dict[str, bytes]:
    """Run Pagefind over `copies_dir`; every file of the bundle it writes into `out_dir`."""
    from pagefind.service import get_executable  # the binary of pagefind[extended]

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("Pagefind's binary was not found: pip install 'pagefind[extended]'")
    args = [
        str(binary), "--site", str(copies_dir), "--output-path", str(out_dir),
        "--force-language", LANGUAGE, "--keep-index-url", "--quiet",
    ]  # fmt: skip
    # run from an empty folder, without PAGEFIND_* settings: no pagefind.yml or variable of
    # the caller's changes the index
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    work = out_dir.parent
    try:
        done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"Pagefind did not finish in {timeout:.0f} s") from None
    except OSError as exc:
        raise SearchIndexError(f"Pagefind could not be run: {exc}") from None
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")
    return {p.relative_to(out_dir).as_posix(): p.read_bytes() for p in sorted(out_dir.rglob("*")) if p.is_file()}


REPORT = ".report.json"  # in a kept index: its SearchIndexReport (not written to the site)


def _index_key(site_dir: Path, built: dict[Path, bytes], segment: bool) -> str:
    """The hash of everything the bundle is made of: the indexed pages (path and bytes), whether
    Thai is segmented, Pagefind's and PyThaiNLP's versions, and this package's search code."""
    from importlib import metadata

    digest = hashlib.sha256()
    for package in ("pagefind", "pythainlp"):
        try:
            digest.update(f"{package} {metadata.version(package)}\n".encode("utf-8"))
        except metadata.PackageNotFoundError:
            digest.update(f"{package} ?\n".encode("utf-8"))
    digest.update(f"{LANGUAGE} segment={segment}\n".encode("utf-8"))
    for code in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(code.read_bytes())
    for path, html in built.items():
        digest.update(f"\0{path.relative_to(site_dir).as_posix()}\0".encode("utf-8") + html)
    return digest.hexdigest()


def _read_bundle(path: Path) -> dict[str, bytes] | None:
    """The bundle made for the same pages in an earlier build (kept by their hash, so never
    stale), or None when there is none or it cannot be read."""
    try:
        with zipfile.ZipFile(path) as z:
            return {name: z.read(name) for name in z.namelist()}
    except (OSError, zipfile.BadZipFile, KeyError):
        return None


def _write_bundle(path: Path, files: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for name in sorted(files):
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), files[name])
    write_atomic(path, buffer.getvalue())  # whole or not at all


def build_search_index(
    site_dir: Path,
    *,
    segment: bool = True,
    exclude: tuple[str, ...] = (),
    timeout: float = 120.0,
    cache_dir: Path | None = None,
    runs: dict[str, tuple[str, ...]] | None = None,
) -> SearchIndexReport:
    """Index the built site in `site_dir` and write `site_dir/pagefind/` (replacing it).
    `cache_dir`: where the segmented Thai runs, and the finished bundle by the hash of the pages
    it indexed (with the versions and code that make it), are kept between builds (None: not
    kept): a build whose pages did not change neither segments nor runs Pagefind;
    `runs`: the segmented runs already known (the build object's, kept across the rebuilds
    of `mkdocs serve`; filled here), None: none."""
    site_dir = Path(site_dir).resolve()
    built = {path: path.read_bytes() for path in pages_to_index(site_dir, exclude)}
    kept_index = cache_dir / "search" / f"index-{_index_key(site_dir, built, segment)}.zip" if cache_dir is not None else None
    stored = _read_bundle(kept_index) if kept_index is not None else None
    if stored is not None and REPORT in stored:
        report = json.loads(stored.pop(REPORT))
        _install(site_dir, stored)
        return SearchIndexReport(**report, segmented_runs=0)
    runs = {} if runs is None else runs
    segmenter = ThaiSegmenter(runs) if segment else None
    if segmenter is not None and cache_dir is not None:
        load_runs(cache_dir, runs)
    with tempfile.TemporaryDirectory(prefix="ita-search-") as tmp:
        copies_dir = Path(tmp) / "copies"
        pages = 0
        for path, html in built.items():
            copy = index_copy(html.decode("utf-8"), segmenter, outside=False)  # MkDocs writes UTF-8
            if copy is None:
                continue
            target = copies_dir / path.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
            pages += 1
        if not pages:
            raise SearchIndexError(f"no page with an <article> to index in {site_dir}")
        files = _pagefind_bundle(copies_dir, Path(tmp) / "bundle", timeout)
    if segmenter is not None and cache_dir is not None:
        save_runs(cache_dir, runs, segmenter.keys)

    kept = {name: content for name, content in files.items() if _KEPT.match(name)}
    for name in (*_RUNTIME, "pagefind-entry.json"):
        if name not in kept:
            raise SearchIndexError(f"Pagefind returned no {name}")
    for name in _RUNTIME:
        kept[name] = without_query_segmentation(kept[name].decode("utf-8"), name).encode("utf-8")
    words = sorted(segmenter.words) if segmenter is not None else []
    kept[WORDS_FILE] = json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    _install(site_dir, kept)
    report = {"pages": pages, "thai_words": len(words), "bundle_bytes": sum(len(c) for c in kept.values())}
    if kept_index is not None:
        _write_bundle(kept_index, {**kept, REPORT: json.dumps(report).encode("utf-8")})
    return SearchIndexReport(**report, segmented_runs=segmenter.segmented if segmenter is not None else 0)


def _install(site_dir: Path, kept: dict[str, bytes]) -> None:
    """Write the bundle into site_dir/pagefind/ whole (a folder beside it, then renamed)."""
    target = site_dir / BUNDLE_DIR
    staging = Path(tempfile.mkdtemp(prefix=f".{BUNDLE_DIR}-", dir=site_dir))
    staging.chmod(0o755)  # mkdtemp makes it private; the web server must read it
    try:
        for name, content in kept.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
