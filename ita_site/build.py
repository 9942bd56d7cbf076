"""One build of the site, as an object: what it was told, what it made, what it counted.

An engine adapter (``engines.mkdocs``, ``engines.zensical``) drives it:

1. ``Build(settings, caches, serving=...)``: the checked settings (``config.load``) and the
   caches that outlive one build (``Caches``: SVGs, Thai words, compiled templates; one per
   process, so the rebuilds of `mkdocs serve` reuse them);
2. ``generate()``: read and check the data (``DataErrors`` on bad data), decide the PDFs, build
   every page, asset and the navigation; the results stay on the object (``pages``, ``assets``,
   ``nav``, ``site``, ``build_date``, ``stats``);
3. the engine renders the pages to HTML;
4. ``print_pdfs(site_dir)`` and ``index_search(site_dir)`` on the built site.

Nothing is kept in a module: whatever a step needs it gets from this object.
"""

from __future__ import annotations

import time
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import paths
from .assets import Asset
from .caching import theme_template_cache
from .charts.figures import Tools
from .charts.render import CacheStats, ChartRenderer
from .build_messages import generated_collision
from .config import ConfigError, Settings
from .dates import build_date, build_timestamp
from .editor import editor_files
from .errors import DataErrors
from .pages import build_assets, build_pages, nav, site_texts
from .pages.base import Page
from .pages.guide import guide_nav
from .pdf import Decision, Job, PrintStats, decide
from .pdf import print_pdfs as _print_pdfs
from .provenance import GitDates, edit_url, repo_path
from .search import SearchIndexReport, build_search_index
from .site import Site, inspect
from .linkhealth import read_report
from .summary import build_notice, warning_lines
from .templating import Options, Templates
from .wording import labels




@dataclass
class Caches:
    """What one process keeps for all the builds it runs (the rebuilds of `mkdocs serve`):
    the chart renderer, the segmented Thai runs, the template environments by options. All
    of it is also on disk (``settings.cache_dir``) for the next process."""

    cache_dir: Path | None = None
    charts: ChartRenderer = field(init=False)
    thai_runs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    templates: dict[Options, Templates] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.charts = ChartRenderer(self.cache_dir)

    def templates_for(self, options: Options) -> Templates:
        if options not in self.templates:
            folder = self.cache_dir / "templates" if self.cache_dir else None
            self.templates[options] = Templates(options, folder)
        return self.templates[options]


@dataclass
class BuildStats:
    """What one build did: charts rendered or found in the cache, PDFs printed or copied, the
    search index, and the seconds of each step it timed."""

    charts: CacheStats = field(default_factory=CacheStats)
    pdf: PrintStats = field(default_factory=PrintStats)
    search: SearchIndexReport | None = None
    seconds: dict[str, float] = field(default_factory=dict)


class Build:
    """One build (see the module's text). `serving`: a preview of `mkdocs serve` (no PDF with
    `pdf: auto`)."""

    def __init__(self, settings: Settings, caches: Caches | None = None, *, serving: bool = False):
        self.settings = settings
        self.caches = caches if caches is not None else Caches(settings.cache_dir)
        self.serving = serving
        self.stats = BuildStats()
        self.wording = labels()
        self.pdf: Decision = decide(settings.pdf, self._chromium_env(), serving=serving)  # PdfError
        self.options = Options.of(settings, pdf=self.pdf.build)
        self.build_date: date | None = None
        self.site: Site | None = None
        self.notice: str | None = None  # one line for the log: a year still being filled in
        self.warnings: list[str] = []  # lines for the log: what validation warns about (the build goes on)
        self.pages: list[Page] = []
        self._by_src: dict[str, Page] = {}
        self.assets: list[Asset] = []
        self.editor_line = ""  # what the log says of the form editor (admin/)
        self.nav: list = []

    def _chromium_env(self) -> dict[str, str]:
        return {"ITA_CHROMIUM": self.settings.chromium} if self.settings.chromium else {}

    @property
    def timestamp(self) -> int:
        """The time this build writes where an engine writes one (MkDocs' sitemap)."""
        return build_timestamp(self.settings.root, self.settings.source_date_epoch)

    @property
    def tools(self) -> Tools:
        return Tools(self.caches.templates_for(self.options), self.caches.charts)

    def generate(self) -> None:
        """Read and check the data, then build every page, asset and the navigation.
        Raises DataErrors (every error) before anything is written."""
        started = time.perf_counter()
        folder = self.settings.data_dir
        self.build_date = build_date(folder, self.settings.timezone, epoch=self.settings.source_date_epoch)
        report = inspect(folder, self.build_date)
        if report.errors:
            raise DataErrors(report.errors)
        assert report.site is not None
        self.site = report.site
        if self.settings.link_report is not None:  # the last check of the disclosed links (scripts/check_links.py)
            try:
                self.site = dataclasses.replace(self.site, link_health=read_report(self.settings.link_report))
            except ValueError as exc:
                raise ConfigError(str(exc)) from None
        self.notice = build_notice(report)
        self.warnings = warning_lines(report)
        self.stats.seconds["data"] = time.perf_counter() - started
        started = time.perf_counter()
        self.caches.charts.stats = self.stats.charts  # this build's counts
        self.pages = build_pages(self.site, self.options, dates=GitDates(folder), tools=self.tools)
        self._by_src = {p.path: p for p in self.pages}
        self.assets = build_assets(self.site, self.options)
        editor = editor_files(self.site, self.settings, self.wording)  # admin/: apart from the citizens' pages
        self.assets += editor.assets
        self.editor_line = editor.line
        self.nav = nav(self.pages, self.site, guide=guide_nav(self.settings.docs_dir))
        self.stats.seconds["pages"] = time.perf_counter() - started

    # --- what an engine asks -----------------------------------------------------------

    @property
    def docs_shown(self) -> str:
        """docs_dir as messages show it: relative to the project (``docs``)."""
        try:
            return self.settings.docs_dir.relative_to(self.settings.root).as_posix()
        except ValueError:
            return str(self.settings.docs_dir)

    def collision(self, path: str) -> str:
        """The message when a hand-written file of docs/ has the path of a generated page:
        the build stops (every engine)."""
        return generated_collision(self.docs_shown, path)

    def page(self, src_uri: str) -> Page | None:
        """The generated page of a source path ("indicators/1.md"), None for docs/ pages."""
        return self._by_src.get(src_uri)

    def site_texts(self) -> dict[str, str]:
        """`site_name` and `site_description` (HTML text)."""
        assert self.site is not None
        return site_texts(self.site)

    def feed(self) -> dict[str, str] | None:
        """The Atom feed's path and title for the theme's <link rel="alternate">, or None."""
        if self.site is None or not any(a.path == paths.FEED for a in self.assets):
            return None
        return {"path": paths.FEED, "title": self.wording["feed"]["title"].format(org=self.site.organization.name)}

    def edit_link(self, page: Page) -> str | None:
        """Where the edit button of a generated page leads: its first data file on GitHub."""
        source = repo_path(page.sources[0], self.settings.data_dir, self.settings.root)
        return edit_url(self.options.repo_url, self.options.edit_branch, source)

    def theme_bytecode(self):
        """A bytecode cache for the engine's theme templates (None without a cache folder)."""
        return theme_template_cache(self.settings.cache_dir)

    # --- after the engine wrote the site -------------------------------------------------

    def pdf_jobs(self) -> list[Job]:
        return [Job(built_page(p.path), paths.report_pdf(p.year)) for p in self.pages if p.section.kind == "report"]

    def print_pdfs(self, site_dir: Path) -> list[Path]:
        """Print (or copy from the cache) the full report of each year, when this build makes
        PDFs; raises pdf.PdfError."""
        if not self.pdf.build or not self.pdf_jobs():
            return []
        started = time.perf_counter()
        cache = self.settings.cache_dir / "pdf" if self.settings.cache_dir else None
        written = _print_pdfs(
            Path(site_dir), self.pdf_jobs(), self.pdf.chromium, self.settings.site_url, self.build_date,
            cache=cache, stats=self.stats.pdf,
        )  # fmt: skip
        self.stats.seconds["pdf"] = time.perf_counter() - started
        return written

    def index_search(self, site_dir: Path) -> SearchIndexReport:
        """The Pagefind bundle of segmented Thai in `site_dir`/pagefind; raises SearchIndexError."""
        started = time.perf_counter()
        self.stats.search = build_search_index(
            Path(site_dir),
            segment=self.settings.search_segment,
            exclude=self.settings.search_exclude,
            cache_dir=self.settings.cache_dir,
            runs=self.caches.thai_runs,
        )
        self.stats.seconds["search"] = time.perf_counter() - started
        return self.stats.search

    # --- the build log ----------------------------------------------------------------------

    def chart_line(self) -> str | None:
        c = self.stats.charts
        if not (c.renders or c.hits):
            return None
        return f"{c.renders} chart(s) rendered to SVG, {c.hits} unchanged (from the cache)"

    def pdf_line(self, written: list[Path]) -> str:
        return "PDF of the full reports: %s (%d printed, %d unchanged from the cache; %.1f s)" % (
            ", ".join(p.name for p in written), self.stats.pdf.printed, self.stats.pdf.kept, self.stats.seconds.get("pdf", 0.0),
        )  # fmt: skip

    def search_line(self) -> str:
        r = self.stats.search
        assert r is not None
        return "Search index: %d pages, %d Thai words, %.0f KB%s" % (
            r.pages, r.thai_words, r.bundle_bytes / 1024, "" if self.settings.search_segment else " (Thai segmentation OFF)",
        )  # fmt: skip


def built_page(source: str) -> str:
    """The built page of a Markdown source (plain .html files): report/2566.md -> report/2566.html."""
    return source[: -len(".md")] + ".html"
