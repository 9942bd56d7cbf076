"""MkDocs hook: the full report of each year printed to PDF by Chromium (a thin adapter).

The work is in ``ita_site.pdf``. ``on_config`` decides, before the pages are written, whether
PDFs are made (``extra.ita.pdf``: auto | true | false, or ITA_PDF), so that the pages link a PDF
only when there will be one (hooks/ita.py reads ``extra.ita_pdf``); ``on_post_build`` prints
``report/<year>.html`` to ``downloads/ita-report-<year>.pdf``, or copies the PDF printed
before from the cache folder (``extra.ita.cache_dir``) when nothing it depends on changed.
Listed before hooks/ita.py.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ita_site.caching import cache_dir
from ita_site.pdf import Job, PdfError, decide, print_pdfs, stats

log = logging.getLogger("mkdocs.hooks.pdf")


_command: str | None = None  # "build", "serve" or "gh-deploy" (on_startup)


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    ita = config.extra.get("ita", {}) or {}
    try:
        decision = decide(os.environ.get("ITA_PDF") or ita.get("pdf", "auto"), serving=_command == "serve")
    except PdfError as exc:
        raise PluginError(str(exc)) from None
    log.info(decision.message)  # INFO, not a warning: `mkdocs build --strict` passes without Chromium
    kept = cache_dir(ita, Path(config.config_file_path).parent.resolve())  # PDFs printed before, by content hash
    config.extra["ita_pdf"] = (
        {"chromium": decision.chromium, "jobs": [], "cache": kept / "pdf" if kept else None} if decision.build else None
    )
    return config


def on_post_build(config: MkDocsConfig) -> None:
    plan = config.extra.get("ita_pdf")
    if not plan or not plan["jobs"]:
        return
    started = time.perf_counter()
    before = stats.printed, stats.kept
    jobs = [Job(html, pdf) for html, pdf in plan["jobs"]]
    try:
        written = print_pdfs(
            Path(config.site_dir), jobs, plan["chromium"], config.site_url or None, plan.get("date"), cache=plan.get("cache")
        )
    except PdfError as exc:
        raise PluginError(f"PDF: {exc}") from None
    printed, kept = stats.printed - before[0], stats.kept - before[1]
    log.info(
        "PDF of the full reports: %s (%d printed, %d unchanged from the cache; %.1f s)",
        ", ".join(p.name for p in written), printed, kept, time.perf_counter() - started,
    )
