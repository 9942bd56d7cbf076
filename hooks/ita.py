"""MkDocs hook: the ITA pages, generated from `data/` on every build (a thin adapter).

All logic lives in the importable ``ita_site`` package; this file only connects it to
MkDocs' events: load and check the data, register the generated pages, assets and navigation
(with the hand-written guide in docs/guide/), point each page's edit link at the YAML file
it is built from, and watch `data/` while serving.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

import ita_site
from ita_site import paths
from ita_site.assets import Asset
from ita_site.build_messages import generated_collision, install as thai_build_messages
from ita_site.caching import cache_dir, theme_template_cache
from ita_site.charts import render as charts_render
from ita_site.dates import build_date
from ita_site.errors import DataErrors
from ita_site.linkhealth import read_report
from ita_site.pages import Options, Page, build_assets, build_pages, nav, site_texts
from ita_site.pages.guide import guide_nav
from ita_site.provenance import GitDates, edit_uri, edit_url, repo_path
from ita_site.reproducible import pin_source_date_epoch
from ita_site.site import inspect
from ita_site.summary import build_notice, warning_lines
from ita_site.templating import labels, use_template_cache

log = get_plugin_logger("ita")
_pages: dict[str, Page] = {}
_assets: list[Asset] = []


def _options(config: MkDocsConfig) -> Options:
    ita = config.extra.get("ita", {}) or {}
    licence = ita.get("data_licence") or {}
    return Options(
        thai_digits=bool(ita.get("thai_digits", True)),
        repo_url=config.repo_url or None,
        edit_branch=str(ita.get("edit_branch") or "main"),
        site_url=config.site_url or None,
        charts=bool(ita.get("charts", True)),
        data_licence=str(licence.get("name", Options.data_licence)),
        data_licence_url=str(licence.get("url", Options.data_licence_url)),
        pdf=bool(config.extra.get("ita_pdf")),  # decided by hooks/pdf.py (extra.ita.pdf)
    )


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent.resolve()


def data_dir(config: MkDocsConfig) -> Path:
    """`extra.ita.data_dir` (default `data`), or the ITA_DATA_DIR environment variable."""
    ita = config.extra.get("ita", {}) or {}
    chosen = os.environ.get("ITA_DATA_DIR") or ita.get("data_dir", "data")
    return (project_root(config) / chosen).resolve()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check `data/` before anything is written: bad data stops the build here."""
    ita = config.extra.get("ita", {}) or {}
    thai_build_messages(config.docs_dir, _shown(Path(config.docs_dir), project_root(config)))  # MkDocs' warnings in Thai
    cache = cache_dir(ita, project_root(config))  # charts and compiled templates kept between builds
    charts_render.use_disk_cache(cache)
    use_template_cache(cache / "templates" if cache else None)
    folder = data_dir(config)
    try:  # dates in the output (sitemap) come from the last commit: two builds are identical
        environ = pin_source_date_epoch(project_root(config))
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    report = inspect(folder, build_date(folder, ita.get("timezone"), environ=environ))
    if report.errors:
        raise PluginError(str(DataErrors(report.errors)))
    notice = build_notice(report)
    if notice:
        log.info(notice)
    for line in warning_lines(report):  # INFO: a warning does not fail `mkdocs build --strict`
        log.info(line)
    site = report.site
    link_report = ita.get("link_report")  # the last check of the disclosed links (scripts/check_links.py)
    if link_report:
        try:
            site = dataclasses.replace(site, link_health=read_report(project_root(config) / str(link_report)))
        except ValueError as exc:
            raise PluginError(str(exc)) from None
    options = _options(config)
    before = charts_render.stats.renders, charts_render.stats.hits
    pages = build_pages(site, options, dates=GitDates(folder))
    rendered, cached = charts_render.stats.renders - before[0], charts_render.stats.hits - before[1]
    if rendered or cached:
        log.info(f"{rendered} chart(s) rendered to SVG, {cached} unchanged (from the cache)")
    _pages.clear()
    _pages.update({p.path: p for p in pages})
    _assets[:] = build_assets(site, options)
    config.nav = nav(pages, site, guide=guide_nav(Path(config.docs_dir)))
    if config.repo_url:  # hand-written pages (docs/) open on the same branch as the data files
        config.edit_uri = edit_uri(options.edit_branch, Path(config.docs_dir), project_root(config))
    if any(a.path == paths.FEED for a in _assets):  # <link rel="alternate"> in overrides/main.html
        feed_title = labels()["feed"]["title"].format(org=site.organization.name)
        config.extra["ita_feed"] = {"path": paths.FEED, "title": feed_title}
    else:
        config.extra.pop("ita_feed", None)
    pdf = config.extra.get("ita_pdf")
    if pdf is not None:  # hooks/pdf.py prints these pages after the build
        pdf["jobs"] = [(_built(p.path), paths.report_pdf(p.year)) for p in pages if p.section == "report"]
        pdf["date"] = site.build_date
    for key, value in site_texts(site).items():
        config[key] = value
    return config


def _shown(docs_dir: Path, root: Path) -> str:
    """docs_dir as messages show it: relative to the project (``docs``)."""
    try:
        return docs_dir.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(docs_dir)


def _built(source: str) -> str:
    """The built page of a Markdown source (use_directory_urls: false): report/2566.html."""
    return source[: -len(".md")] + ".html"


def on_env(env, config: MkDocsConfig, files: Files):
    """The theme's templates compiled once, kept in the cache folder (not on every build)."""
    ita = config.extra.get("ita", {}) or {}
    bytecode = theme_template_cache(cache_dir(ita, project_root(config)))
    if bytecode is not None:
        env.bytecode_cache = bytecode
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages.values():
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(generated_collision(_shown(Path(config.docs_dir), project_root(config)), page.path))
        files.append(File.generated(config, page.path, content=page.markdown))
    for asset in _assets:
        files.append(File.generated(config, asset.path, content=asset.content))
    return files


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    """The browser's <title> from the page's own title, escaped (the theme prints it as HTML)."""
    generated = _pages.get(page.file.src_uri)
    if generated is not None:
        page.meta["title"] = generated.html_title
    return markdown


def on_page_context(context, page: MkPage, config: MkDocsConfig, nav):
    """The edit button opens the YAML file the page is built from, not generated Markdown."""
    generated = _pages.get(page.file.src_uri)
    if generated is not None:
        options = _options(config)
        source = repo_path(generated.sources[0], data_dir(config), project_root(config))
        page.edit_url = edit_url(options.repo_url, options.edit_branch, source)
    return context


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when a data file, a template or the core changes."""
    server.watch(str(data_dir(config)))
    server.watch(str(Path(ita_site.__file__).parent))
    return server
