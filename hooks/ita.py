"""MkDocs hook: the ITA pages, generated from `data/` on every build (a thin adapter).

All logic lives in the importable ``ita_site`` package; this file only connects it to
MkDocs' events: load and check the data, register the generated pages and navigation,
point each page's edit link at the YAML file it is built from, and watch `data/` while serving.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ita_site.errors import DataErrors  # noqa: E402
from ita_site.pages import Options, Page, build_pages, nav, site_texts  # noqa: E402
from ita_site.pages.assets import Asset, build_assets  # noqa: E402
from ita_site.reproducible import build_timestamp  # noqa: E402
from ita_site.site import load_site  # noqa: E402

_pages: dict[str, Page] = {}
_assets: list[Asset] = []


def _options(config: MkDocsConfig) -> Options:
    ita = config.extra.get("ita", {}) or {}
    return Options(
        thai_digits=bool(ita.get("thai_digits", True)),
        repo_url=config.repo_url or None,
        edit_branch=str(ita.get("edit_branch", "main")),
    )


def data_dir(config: MkDocsConfig) -> Path:
    """`extra.ita.data_dir` (default `data`), or the ITA_DATA_DIR environment variable."""
    ita = config.extra.get("ita", {}) or {}
    chosen = os.environ.get("ITA_DATA_DIR") or ita.get("data_dir", "data")
    return (Path(config.config_file_path).parent / chosen).resolve()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check `data/` before anything is written: bad data stops the build here."""
    try:  # dates in the output (sitemap) come from the last commit: two builds are identical
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(build_timestamp(ROOT)))
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    try:
        site = load_site(data_dir(config))
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    pages = build_pages(site, _options(config))
    _pages.clear()
    _pages.update({p.path: p for p in pages})
    _assets[:] = build_assets(site, _options(config))
    config.nav = nav(pages, site)
    for key, value in site_texts(site).items():
        config[key] = value
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages.values():
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(f"docs/{page.path} ชนกับหน้าที่สร้างจากข้อมูล: ลบหรือเปลี่ยนชื่อไฟล์ใน docs/")
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
        page.edit_url = (
            f"{options.repo_url.rstrip('/')}/edit/{options.edit_branch}/{generated.sources[0]}"
            if options.repo_url
            else None
        )
    return context


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when a data file, a template or the core changes."""
    server.watch(str(data_dir(config)))
    server.watch(str(ROOT / "ita_site"))
    return server
