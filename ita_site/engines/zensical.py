"""Zensical adapter: the same build, rendered by Zensical instead of MkDocs.

Zensical (Material for MkDocs' successor, by the same authors) reads a mkdocs.yml but runs no
MkDocs hook, so what the hook gives MkDocs while it builds is written out first, into a
project folder of its own (``stage``):

- ``docs/``: the hand-written pages (docs/) and every generated page and file of the build;
  each generated page gets front matter with its title (as the MkDocs adapter sets
  ``page.meta.title``) and ``ita_edit_url``, the YAML file its edit button opens;
- ``overrides/``: the project's theme additions (``overrides/``) with ``overrides-zensical/``
  laid over them (the header's Thai search box and the edit button fitted to Zensical's
  templates, and the search box's styles, which Zensical's theme does not have);
- ``mkdocs.yml``: the project's own, `!ENV` resolved, with the navigation, site name and
  description, feed and edit address set as the hook sets them, and no hook.

Then ``zensical build`` renders it (a separate process), the site is moved to the output
folder, and the build object prints the PDFs and writes the Thai search index, as after a
MkDocs build. The stage is kept in the cache folder (``<cache_dir>/zensical``), so that
Zensical's own cache makes the next build faster; without a cache folder it is temporary.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from ..build import Build, Caches
from ..config import Settings, read_engine_config
from ..provenance import edit_uri

ENGINE_KEYS_DROPPED = ("hooks", "validation", "strict", "INHERIT")  # MkDocs' own, or done here
OVERLAY = "overrides-zensical"


class ZensicalError(RuntimeError):
    pass


def front_matter(markdown: str, meta: dict[str, Any]) -> str:
    """`markdown` with `meta` added to its front matter (a page's own keys, e.g. hide: toc, kept)."""
    own: dict[str, Any] = {}
    if markdown.startswith("---\n"):
        head, markdown = markdown[4:].split("\n---\n", 1)
        own = yaml.safe_load(head) or {}
    text = yaml.safe_dump({**own, **meta}, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{text}---\n{markdown}"


def engine_config(build: Build, config_file: Path) -> dict[str, Any]:
    """The project's mkdocs.yml for Zensical, with what the MkDocs adapter sets at run time."""
    settings = build.settings
    config = read_engine_config(config_file, settings.environ)
    for key in ENGINE_KEYS_DROPPED:
        config.pop(key, None)
    config.update(build.site_texts())
    config.update(docs_dir="docs", site_dir="site", nav=build.nav, plugins=[])
    config["theme"] = {**config.get("theme", {}), "custom_dir": "overrides"}
    config["extra_css"] = [*config.get("extra_css", []), "assets/ita-zensical.css"]
    extra = dict(config.get("extra") or {})
    feed = build.feed()
    if feed:
        extra["ita_feed"] = feed
    config["extra"] = extra
    if settings.repo_url:
        config["repo_url"] = settings.repo_url
        config["edit_uri"] = edit_uri(settings.edit_branch, settings.docs_dir, settings.root)
    if settings.site_url:
        config["site_url"] = settings.site_url
    return config


def stage(build: Build, folder: Path, config_file: Path) -> Path:
    """Write the project Zensical builds into `folder`; returns its config file."""
    settings = build.settings
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(settings.docs_dir, docs)
    for page in build.pages:
        target = docs / page.path
        if target.exists():
            raise ZensicalError(f"docs/{page.path} ชนกับหน้าที่สร้างจากข้อมูล: ลบหรือเปลี่ยนชื่อไฟล์ใน docs/")
        target.parent.mkdir(parents=True, exist_ok=True)
        meta: dict[str, Any] = {"title": page.html_title}
        link = build.edit_link(page)
        if link:
            meta["ita_edit_url"] = link
        target.write_text(front_matter(page.markdown, meta), encoding="utf-8")
    for asset in build.assets:
        target = docs / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.content)
    theme = folder / "overrides"
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(settings.root / "overrides", theme)
    shutil.copytree(settings.root / OVERLAY, theme, dirs_exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(engine_config(build, config_file), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def build_site(settings: Settings, out: Path, config_file: Path | None = None, log=print) -> Build:
    """Build the site with Zensical into `out` (replaced): pages, Zensical, PDFs, Thai search.
    Raises DataErrors, PdfError, SearchIndexError or ZensicalError."""
    config_file = config_file or settings.root / "mkdocs.yml"
    build = Build(settings, Caches(settings.cache_dir))
    log(build.pdf.message)
    build.generate()
    for line in (build.notice, build.chart_line()):
        if line:
            log(line)
    kept = settings.cache_dir / "zensical" if settings.cache_dir else None
    with tempfile.TemporaryDirectory(prefix="ita-zensical-") as tmp:
        folder = kept or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        config = stage(build, folder, config_file)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--config-file", str(config)],
            cwd=folder, capture_output=True, text=True, check=False,
        )  # fmt: skip
        build.stats.seconds["engine"] = time.perf_counter() - started
        if done.returncode != 0:
            raise ZensicalError(f"zensical build failed:\n{done.stdout}{done.stderr}")
        out = Path(out)
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(folder / "site"), str(out))
    (out / "search.json").unlink(missing_ok=True)  # Zensical's own index: the site searches with Pagefind
    written = build.print_pdfs(out)
    if written:
        log(build.pdf_line(written))
    build.index_search(out)
    log(build.search_line())
    return build
