"""MkDocs adapter: MkDocs' events as thin calls into one :class:`~ita_site.build.Build`.

``hooks/ita.py`` (the only hook in mkdocs.yml) binds each event to one ``MkDocsEngine``;
MkDocs loads a hook once per command, so that object lives as long as `mkdocs build` or
`mkdocs serve` and keeps the caches (``build.Caches``) across the rebuilds of a preview.
Every event gets what it needs from the current build, never from ``config.extra``, so the
order of events is MkDocs' own and nothing else:

- ``on_startup``  whether this is a preview (`mkdocs serve`: no PDF with `pdf: auto`)
- ``on_config``   settings checked (``config.load``), data read and checked, pages, assets and
                  navigation built: bad data stops the build here, before `site/` is touched
- ``on_env``      the theme's templates compiled once, kept in the cache folder
- ``on_files``    the generated pages and files
- ``on_page_markdown`` / ``on_page_context``  each page's <title> and edit link
- ``on_post_build``   the PDFs, then the Thai search index
- ``on_serve``    `mkdocs serve` also watches `data/` and the package
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from .. import config as ita_config
from ..build import Build, Caches
from ..build_messages import install as thai_build_messages
from ..errors import DataErrors
from ..pdf import PdfError
from ..provenance import edit_uri
from ..search import SearchIndexError

log = get_plugin_logger("ita")
EPOCH = "SOURCE_DATE_EPOCH"


def settings_of(config: MkDocsConfig) -> ita_config.Settings:
    """The checked settings of a loaded mkdocs.yml (ConfigError on a wrong value)."""
    return ita_config.load(
        config.extra.get("ita"),
        Path(config.config_file_path).parent,
        docs_dir=config.docs_dir,
        site_url=config.site_url,
        repo_url=config.repo_url,
        config_file=Path(config.config_file_path),
    )


class MkDocsEngine:
    def __init__(self) -> None:
        self.serving = False
        self.caches: Caches | None = None
        self.build: Build | None = None
        self._epoch: tuple[str | None] | None = None  # the user's SOURCE_DATE_EPOCH while pinned

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            settings = settings_of(config)
            if self.caches is None or self.caches.cache_dir != settings.cache_dir:
                self.caches = Caches(settings.cache_dir)
            build = self.build = Build(settings, self.caches, serving=self.serving)
        except (ita_config.ConfigError, PdfError) as exc:
            raise PluginError(str(exc)) from None
        thai_build_messages(settings.docs_dir, build.docs_shown)  # MkDocs' warnings about docs/ in Thai, with file:line
        log.info(build.pdf.message)  # INFO, not a warning: `mkdocs build --strict` passes without Chromium
        try:
            build.generate()
        except (DataErrors, ita_config.ConfigError) as exc:
            raise PluginError(str(exc)) from None
        for line in (build.notice, *build.warnings, build.chart_line(), build.editor_line):  # INFO: a warning does not fail --strict
            if line:
                log.info(line)
        self._pin_epoch(build.timestamp)
        config.nav = build.nav
        if config.repo_url:  # hand-written pages (docs/) open on the same branch as the data files
            config.edit_uri = edit_uri(settings.edit_branch, settings.docs_dir, settings.root)
        feed = build.feed()  # <link rel="alternate"> in overrides/main.html
        if feed:
            config.extra["ita_feed"] = feed
        else:
            config.extra.pop("ita_feed", None)
        for key, value in build.site_texts().items():
            config[key] = value
        return config

    def _pin_epoch(self, stamp: int) -> None:
        """MkDocs dates the sitemap from SOURCE_DATE_EPOCH only: set it for this build (the
        user's own value, else the last commit's time), put back in on_post_build."""
        if self._epoch is None:
            self._epoch = (os.environ.get(EPOCH),)
        os.environ[EPOCH] = str(stamp)

    def _unpin_epoch(self) -> None:
        if self._epoch is None:
            return
        (user,) = self._epoch
        self._epoch = None
        if user is None:
            os.environ.pop(EPOCH, None)
        else:
            os.environ[EPOCH] = user

    def on_env(self, env, config: MkDocsConfig, files: Files):
        bytecode = self.build.theme_bytecode() if self.build else None
        if bytecode is not None:
            env.bytecode_cache = bytecode
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.build is not None
        for page in self.build.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(self.build.collision(page.path))
            files.append(File.generated(config, page.path, content=page.markdown))
        for asset in self.build.assets:
            files.append(File.generated(config, asset.path, content=asset.content))
        return files

    def on_page_markdown(self, markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        """The browser's <title> from the page's own title, escaped (the theme prints it as HTML)."""
        generated = self.build.page(page.file.src_uri) if self.build else None
        if generated is not None:
            page.meta["title"] = generated.html_title
        return markdown

    def on_page_context(self, context, page: MkPage, config: MkDocsConfig, nav):
        """The edit button opens the YAML file the page is built from, not generated Markdown."""
        generated = self.build.page(page.file.src_uri) if self.build else None
        if generated is not None:
            page.edit_url = self.build.edit_link(generated)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The PDFs of the full reports, then the Thai search index (also under `mkdocs serve`:
        its temporary site gets a fresh index after each rebuild)."""
        self._unpin_epoch()
        build = self.build
        assert build is not None
        site_dir = Path(config.site_dir)
        try:
            written = build.print_pdfs(site_dir)
        except PdfError as exc:
            raise PluginError(f"PDF: {exc}") from None
        if written:
            log.info(build.pdf_line(written))
        try:
            build.index_search(site_dir)
        except SearchIndexError as exc:
            raise PluginError(f"search index: {exc}") from None
        log.info(build.search_line())

    def on_build_error(self, error: Exception) -> None:
        self._unpin_epoch()

    def on_serve(self, server, config: MkDocsConfig, builder):
        """`mkdocs serve` rebuilds when a data file, a template or the package changes."""
        import ita_site

        if self.build is not None:
            server.watch(str(self.build.settings.data_dir))
        server.watch(str(Path(ita_site.__file__).parent))
        return server
