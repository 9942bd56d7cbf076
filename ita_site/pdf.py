"""The full report of each year as a PDF (A4, page numbers), printed by Chromium at build time.

The page ``report/<year>.html`` (``pages.year_pages.ReportBuilder``) is opened in headless
Chromium through Playwright and printed with the site's print CSS (``docs/assets/ita.css``,
``@media print``) to ``downloads/ita-report-<year>.pdf``. Chromium shapes and breaks Thai
correctly and its PDFs give back the right text (copy, search, screen readers, ``pdftotext``);
WeasyPrint loses ำ (see the project's notes on Thai rendering).

Whether PDFs are made is ``extra.ita.pdf`` in mkdocs.yml (or ``ITA_PDF``):

- ``auto`` (default): when a Chromium is found (``find_chromium``) and Playwright is installed;
  otherwise the build goes on without PDFs and the pages link none;
- ``true``: a PDF or a failed build (with what to install);
- ``false``: never.

The decision (``decide``) is taken before the pages are written, so the pages link a PDF only
when one will be there. The same data gives the same bytes: the dates inside the PDF are the
build date (``dates.build_date``, not the clock), and links point to the published site
(``site_url``) instead of the local server that printed them.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterable, Mapping

from .caching import write_atomic
from .local_server import serve

MODES = ("auto", "true", "false")
# Where a Chromium is looked for, after $ITA_CHROMIUM: Debian's, other distributions', Google's
# (GitHub's ubuntu runners have google-chrome preinstalled).
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
# Page numbers in the footer. Chromium draws the footer apart from the page, with the fonts of
# the system, not the page's: digits only, which every system font has.
FOOTER = (
    '<div style="width:100%; font-size:9px; font-family: sans-serif; color:#444; text-align:center;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}


class PdfError(Exception):
    """The PDF was asked for (`extra.ita.pdf: true`) and cannot be made, or printing failed."""


@dataclass(frozen=True)
class Decision:
    build: bool
    chromium: str | None
    message: str  # one line for the build log


@dataclass(frozen=True)
class Job:
    """Print the page `html` of the built site to `pdf` (paths relative to the site folder)."""

    html: str
    pdf: str


def parse_mode(value: object) -> str:
    """`extra.ita.pdf` as one of MODES (YAML gives true/false as booleans, ITA_PDF gives text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value if value is not None else "auto").strip().lower()
    if text not in MODES:
        raise PdfError(f"extra.ita.pdf: '{value}' ใช้ไม่ได้ (unknown value) — ที่ถูกต้อง: auto, true หรือ false")
    return text


def _executable(name: str) -> str | None:
    if os.sep in name:
        return name if os.path.isfile(name) and os.access(name, os.X_OK) else None
    return shutil.which(name)


def find_chromium(environ: Mapping[str, str] | None = None) -> str | None:
    """The Chromium to print with: $ITA_CHROMIUM if set (a path or a command name; when it is
    set but not found, nothing else is tried), else the first of CANDIDATES that exists.
    `environ`: the variables ``config`` read (the library reads none itself)."""
    environ = {} if environ is None else environ
    chosen = (environ.get("ITA_CHROMIUM") or "").strip()
    if chosen:
        return _executable(chosen)
    for name in CANDIDATES:
        found = _executable(name)
        if found:
            return found
    return None


def playwright_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("playwright") is not None


def decide(mode: object, environ: Mapping[str, str] | None = None, serving: bool = False) -> Decision:
    """Whether this build prints the PDFs, with which Chromium, and the line to log.
    `serving`: the build is a preview of `mkdocs serve`, where `auto` prints nothing (each edit
    would wait for Chromium to print the report again; the published build prints it).
    Raises PdfError when `mode` is true and they cannot be printed."""
    mode = parse_mode(mode)
    environ = {} if environ is None else environ
    if mode == "false":
        return Decision(False, None, "PDF of the full reports: off (extra.ita.pdf: false)")
    if mode == "auto" and serving:
        return Decision(False, None, "PDF of the full reports: not printed in the preview of mkdocs serve (ITA_PDF=true prints them)")
    chromium = find_chromium(environ)
    if chromium and playwright_installed():
        return Decision(True, chromium, f"PDF of the full reports: printed with {chromium}")
    if environ.get("ITA_CHROMIUM"):
        why = f"ITA_CHROMIUM={environ['ITA_CHROMIUM']} is not an executable"
    elif not chromium:
        why = f"no Chromium found (ITA_CHROMIUM, {', '.join(CANDIDATES)})"
    else:
        why = "the Python package playwright is not installed (pyproject.toml)"
    if mode == "true":
        raise PdfError(
            f"extra.ita.pdf is true but {why}: install Debian's chromium (apt-get install chromium) "
            "or Google Chrome, or set ITA_CHROMIUM to its path; or set extra.ita.pdf to auto"
        )
    return Decision(False, None, f"PDF of the full reports not built: {why}; the pages link no PDF (extra.ita.pdf: auto)")


# Before printing: a link to another page of the site points to the published site
# (site_url) or, without one, is left as plain text; a link within the page stays (it is a
# link inside the PDF), and links to other hosts stay as they are.
_LINKS = """([base, siteUrl]) => {
  for (const a of document.querySelectorAll("a[href]")) {
    const url = new URL(a.getAttribute("href"), location.href);
    if (url.origin !== location.origin) continue;
    if (url.pathname === location.pathname && url.hash) { a.setAttribute("href", url.hash); continue; }
    const path = url.href.slice(base.length);
    if (siteUrl) a.setAttribute("href", siteUrl + path);
    else a.removeAttribute("href");
  }
  return document.fonts.ready.then(() => document.querySelectorAll("a[href]").length);
}"""


def print_pdfs(
    site_dir: Path,
    jobs: Iterable[Job],
    chromium: str,
    site_url: str | None = None,
    created: date | None = None,
    cache: Path | None = None,
    stats: PrintStats | None = None,
) -> list[Path]:
    """Print each job's page of the built site `site_dir` to its PDF; returns the files written.
    `created`: the date written in the PDF (the build date), so that the same data gives the
    same bytes. `cache`: a folder of PDFs printed before, named by the hash of everything the
    printed bytes depend on (see `print_key`); a job found there is copied, not printed (a
    rebuild under `mkdocs serve` after an edit that does not change the report, every build
    after the first one).

    The printing runs in a thread of its own: Playwright's sync API refuses to start in a
    thread where an asyncio loop runs (a caller's async code, or another Playwright session
    such as a test's browser), and a fresh thread has none.
    `stats`: counts of printed and copied PDFs, added to (the build's statistics)."""
    stats = PrintStats() if stats is None else stats
    site_dir = Path(site_dir)
    jobs = list(jobs)
    if cache:
        shared = _shared_inputs(site_dir, chromium, site_url, created)  # read once for every job
        keys = {job: print_key(site_dir, job, shared) for job in jobs}
    written: list[Path] = []
    to_print = []
    for job in jobs:
        kept = cache / f"{keys[job]}.pdf" if cache else None
        if kept is not None and kept.is_file():
            target = site_dir / job.pdf
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(kept, target)
            written.append(target)
            stats.kept += 1
        else:
            to_print.append(job)
    if to_print:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ita-pdf") as pool:
            printed = pool.submit(_print_pdfs, site_dir, to_print, chromium, site_url, created).result()
        for job, target in zip(to_print, printed):
            if cache:  # whole or not at all: a build stopped halfway leaves no torn PDF
                write_atomic(cache / f"{keys[job]}.pdf", target.read_bytes())
        written += printed
        stats.printed += len(printed)
    return written


@dataclass
class PrintStats:
    printed: int = 0
    kept: int = 0  # copied from the cache



# What a printed PDF depends on besides its page: the files of the site the page loads (CSS,
# fonts, images) are all under these folders of the built site.
PRINT_INPUTS = ("assets",)


def _shared_inputs(site_dir: Path, chromium: str, site_url: str | None, created: date | None) -> bytes:
    """The hash of what every printed PDF depends on besides its page: the site's assets
    (CSS, fonts, images), the Chromium (path, size, time of the file), the link target, the
    date written, and this module's code (its print settings and normalisation)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("code", Path(__file__).read_bytes())
    add("settings", f"{site_url or ''}|{_pdf_date(created)}".encode())
    found = shutil.which(chromium) if os.sep not in chromium else chromium
    info = os.stat(found) if found else None
    add("chromium", f"{chromium}|{info.st_size if info else ''}|{info.st_mtime_ns if info else ''}".encode())
    for folder in PRINT_INPUTS:
        for file in sorted((site_dir / folder).rglob("*")):
            if file.is_file():
                add(file.relative_to(site_dir).as_posix(), file.read_bytes())
    return digest.digest()


def print_key(site_dir: Path, job: Job, shared: bytes) -> str:
    """The hash of everything the printed bytes of `job` depend on: its page and the inputs
    every job shares (`_shared_inputs`)."""
    page = job.html.encode() + b"\0" + (site_dir / job.html).read_bytes()
    return hashlib.sha256(shared + f"\0page\0{len(page)}\0".encode() + page).hexdigest()


def _print_pdfs(site_dir: Path, jobs: list[Job], chromium: str, site_url: str | None, created: date | None) -> list[Path]:
    """Print `jobs` (not empty) with one Chromium; returns the files written, in order."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    stamp = _pdf_date(created)
    server, base = serve(site_dir)
    written: list[Path] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                # The page's scripts are not needed on paper (they wrap tables for scrolling,
                # run the search box); without them the printed page is the same on every run.
                page = browser.new_page(java_script_enabled=False)
                for job in jobs:
                    if not (site_dir / job.html).is_file():
                        raise PdfError(f"{job.html}: no such page in {site_dir}")
                    page.goto(base + job.html, wait_until="load")
                    page.emulate_media(media="print")
                    page.evaluate(_LINKS, [base, site_url or ""])
                    data = page.pdf(
                        format="A4",
                        print_background=True,
                        display_header_footer=True,
                        header_template="<div></div>",
                        footer_template=FOOTER,
                        margin=MARGIN,
                        tagged=True,  # a structure tree: headings, tables and reading order for screen readers
                        outline=True,  # bookmarks from the headings
                    )
                    target = site_dir / job.pdf
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(normalise(data, stamp))
                    written.append(target)
            finally:
                browser.close()
    except PlaywrightError as exc:
        raise PdfError(f"Chromium ({chromium}) could not print the report: {exc}") from None
    finally:
        server.shutdown()
        server.server_close()
    return written


def _pdf_date(day: date | None) -> str:
    """A PDF date string, 00:00 UTC of `day` (default: 1 January 1980, as zip tools do)."""
    moment = datetime.combine(day or date(1980, 1, 1), time(0), tzinfo=timezone.utc)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+\-Z][0-9']*\)")
_NODE_IDS = re.compile(rb"\(node(\d{8})\)")


def normalise(data: bytes, stamp: str) -> bytes:
    """The same PDF for the same page, byte for byte. Chromium writes two things that change
    from run to run: the clock's time as creation and modification dates (replaced by `stamp`),
    and in the structure tree of a tagged PDF the browser's internal ids of DOM nodes
    ("node00003910", which depend on how many nodes the browser made before): renumbered
    1, 2, 3 ... in their own order, so that the tree of ids stays sorted.
    Every replacement has the length of what it replaces: the cross-reference table of the
    PDF counts bytes."""

    def date(m: re.Match) -> bytes:
        new = b"/" + m.group(1) + b" (" + stamp.encode("ascii") + b")"
        return new if len(new) == len(m.group(0)) else m.group(0)

    data = _DATES.sub(date, data)
    ranks = {old: i for i, old in enumerate(sorted(set(_NODE_IDS.findall(data))), start=1)}
    return _NODE_IDS.sub(lambda m: b"(node%08d)" % ranks[m.group(1)], data)
