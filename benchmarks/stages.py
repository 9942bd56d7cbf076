#!/usr/bin/env python3
"""Where the time of one build goes: an in-process `mkdocs build` with a stopwatch on each stage.

    python benchmarks/stages.py [--data DIR] [--config FILE] [--cache-dir DIR] [--json] [--cprofile OUT.prof]

Runs `mkdocs build --strict` of this project (or of `--config`) in this (fresh) interpreter,
into a temporary folder, with a wrapper around the function that does each stage (YAML reading, validation,
git dates, page templates, charts, MkDocs' Markdown and theme, search), and prints the wall and
CPU time of each stage. Times are exclusive: a stage called inside another (the vl-convert
rendering inside a chart) is counted once, in the inner stage. The CPU of Pagefind's own binary
(a child process) is counted in its stage. `--cprofile` also writes a cProfile of the build
(CPU-time clock) for a closer look (`python -m pstats OUT.prof`).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (stage, what is wrapped) in the order of a build; "module:function" or "module:Class.method"
STAGES = [
    ("loading mkdocs.yml and the hooks (imports: ita_site, pydantic ...)", ["mkdocs.config:load_config"]),
    ("data: YAML reading (line numbers)", ["ita_site.inputs.loader:read_yaml"]),
    ("data: validation (pydantic models, cross-file rules; the models are built at import, in the first line)", ["ita_site.inputs.loader:parse", "ita_site.site:check", "ita_site.site:assemble"]),
    ("git: build date and last-changed dates", ["ita_site.git:run"]),
    ("pages: builders and Jinja templates", ["ita_site.pages.base:Builder.build"]),
    ("charts: Altair (import, specs), titles and tables", [f"ita_site.charts.figures:{k}" for k in ("indicators", "tools", "totals", "trend", "comparison")]),
    ("charts: vl-convert rendering to SVG", ["ita_site.charts.render:ChartRenderer.to_svg", "ita_site.charts.figures:to_svg"]),
    ("MkDocs: Markdown to HTML", ["markdown.core:Markdown.convert"]),
    ("MkDocs: theme templates (Material)", ["mkdocs.commands.build:_build_page", "mkdocs.commands.build:_build_theme_template"]),
    ("search: page copies (lxml)", ["ita_site.search.index:index_copy"]),
    ("search: Thai word segmentation (PyThaiNLP)", ["ita_site.search.segment:ThaiSegmenter.tokens"]),
    # (_run: before the binary was run as a command, through Pagefind's Python API)
    ("search: Pagefind index", ["ita_site.search.index:_pagefind_bundle", "ita_site.search.index:_run"]),
]
# stages whose work is mostly in a child process (its CPU is counted in the stage)
CHILD_PROCESSES = {"ita_site.search.index:_pagefind_bundle", "ita_site.search.index:_run", "ita_site.git:run"}
OTHER = "other (MkDocs: files, navigation, static files; hooks' glue)"


class Stopwatch:
    """Exclusive wall and CPU time per stage; nested stages are subtracted from their callers."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list[float]] = []

    def wrap(self, stage: str, fn, children_cpu: bool = False):
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            w0, c0 = time.perf_counter(), time.process_time()
            k0 = _children_cpu() if children_cpu else 0.0
            self._stack.append([0.0, 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                inner_wall, inner_cpu = self._stack.pop()
                wall = time.perf_counter() - w0
                cpu = time.process_time() - c0 + ((_children_cpu() - k0) if children_cpu else 0.0)
                self.wall[stage] += wall - inner_wall
                self.cpu[stage] += cpu - inner_cpu
                self.calls[stage] += 1
                if self._stack:
                    self._stack[-1][0] += wall
                    self._stack[-1][1] += cpu

        return timed


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _install(watch: Stopwatch) -> None:
    """Wrap the stage functions of the modules the build has loaded (after load_config: the
    hooks are imported; a module the build does not use is not imported here either)."""
    for stage, targets in STAGES:
        for target in targets:
            module_name, _, attr = target.partition(":")
            module = sys.modules.get(module_name)
            if module is None or target.startswith("mkdocs.config:"):  # load_config: timed by the caller
                continue
            owner, _, name = attr.rpartition(".")
            holder = getattr(module, owner) if owner else module
            if not hasattr(holder, name):
                continue  # another version of the code (benchmarks of older commits)
            timed = watch.wrap(stage, getattr(holder, name), children_cpu=target in CHILD_PROCESSES)
            setattr(holder, name, timed)


def measure(
    data_dir: Path | None, profile_out: Path | None = None, config_file: Path | None = None, cache_dir: Path | None = None
) -> dict:
    """Build once in this process; the stopwatch's figures and the totals."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if data_dir is not None:
        os.environ["ITA_DATA_DIR"] = str(Path(data_dir).resolve())
    if cache_dir is not None:
        os.environ["ITA_CACHE_DIR"] = str(Path(cache_dir).resolve())
    watch = Stopwatch()
    profiler = cProfile.Profile(time.process_time) if profile_out else None
    w0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    if profiler:
        profiler.enable()
    # imports of the hooks (ita_site, altair, pydantic ...) count as loading the config, as in `mkdocs build`
    import mkdocs.commands.build as mkbuild
    from mkdocs.config import load_config

    stage = STAGES[0][0]
    with tempfile.TemporaryDirectory(prefix="ita-stages-") as tmp:
        lw, lc = time.perf_counter(), time.process_time()
        config = load_config(config_file=str(config_file or ROOT / "mkdocs.yml"), site_dir=tmp, strict=True)
        watch.wall[stage] += time.perf_counter() - lw
        watch.cpu[stage] += time.process_time() - lc
        _install(watch)
        config.plugins.on_startup(command="build", dirty=False)
        mkbuild.build(config)
        pages = sum(1 for p in Path(tmp).rglob("*.html") if "pagefind" not in p.parts)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile_out))
    wall = time.perf_counter() - w0
    cpu = time.process_time() - c0 + _children_cpu() - k0
    stages = [(name, watch.wall[name], watch.cpu[name]) for name, _ in STAGES]
    stages.append((OTHER, wall - sum(s[1] for s in stages), cpu - sum(s[2] for s in stages)))
    return {
        "wall": wall,
        "cpu": cpu,
        "pages": pages,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stages": [{"stage": n, "wall": w, "cpu": c} for n, w, c in stages],
    }


def table(result: dict) -> str:
    lines = ["| stage | wall s | CPU s | share of CPU |", "|---|--:|--:|--:|"]
    for s in result["stages"]:
        lines.append(f"| {s['stage']} | {s['wall']:.2f} | {s['cpu']:.2f} | {100 * s['cpu'] / result['cpu']:.0f}% |")
    lines.append(f"| **whole build** ({result['pages']} pages) | **{result['wall']:.2f}** | **{result['cpu']:.2f}** | 100% |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="data folder (default: extra.ita.data_dir of mkdocs.yml, data/)")
    parser.add_argument("--config", type=Path, help="MkDocs config file (default: mkdocs.yml of this project)")
    parser.add_argument("--cache-dir", type=Path, help="chart cache folder (ITA_CACHE_DIR; default .cache/ita)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cprofile", type=Path, help="also write a cProfile (CPU clock) of the build here")
    args = parser.parse_args(argv)
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    result = measure(args.data, args.cprofile, args.config, args.cache_dir)
    print(json.dumps(result) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
