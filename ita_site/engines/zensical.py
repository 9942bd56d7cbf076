"""Zensical adapter: the same build, rendered by Zensical instead of MkDocs.

Zensical (Material for MkDocs' successor, by the same authors) reads a mkdocs.yml but runs no
MkDocs hook, so what the hook gives MkDocs while it builds is written out first, into a
project folder of its own (``project.write_project``):

- ``docs/``: the hand-written pages (docs/) and every generated page and file of the build;
  each generated page gets front matter with its title (as the MkDocs adapter sets
  ``page.meta.title``) and ``ita_edit_url``, the YAML file its edit button opens;
- ``overrides/``: the project's theme additions (``overrides/``) with ``overrides-zensical/``
  laid over them: Zensical's search partial replaced by our Thai search box (the search plugin
  is turned on so that the header shows its button), the edit button fitted to Zensical's
  template, and the search box's styles, which Zensical's theme does not have;
- ``mkdocs.yml``: the project's own, `!ENV` resolved, with the navigation, site name and
  description, feed and edit address set as the hook sets them, and no hook;

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

from ..build import Build, Caches
from ..config import Settings
from .project import ProjectError, write_project

OVERLAY = "overrides-zensical"


class ZensicalError(RuntimeError):
    pass


def build_site(settings: Settings, out: Path, config_file: Path | None = None, log=print) -> Build:
    """Build the site with Zensical into `out` (replaced): pages, Zensical, PDFs, Thai search.
    Raises DataErrors, PdfError, SearchIndexError or ZensicalError."""
    config_file = config_file or settings.root / "mkdocs.yml"
    build = Build(settings, Caches(settings.cache_dir))
    log(build.pdf.message)
    build.generate()
    for line in (build.notice, build.chart_line(), build.editor_line):
        if line:
            log(line)
    kept = settings.cache_dir / "zensical" if settings.cache_dir else None
    with tempfile.TemporaryDirectory(prefix="ita-zensical-") as tmp:
        folder = kept or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            config = write_project(
                build, folder, config_file, overlay=OVERLAY, extra_css=("assets/ita-zensical.css",), plugins=("search",)
            )  # the search plugin on: the header shows its button and our box (overrides-zensical/partials/search.html)
        except ProjectError as exc:
            raise ZensicalError(str(exc)) from None
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
