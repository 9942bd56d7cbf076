#!/usr/bin/env python3
"""Benchmarks of the build (issue 5): generation overhead, scale, live preview, stages.

    python benchmarks/run.py [--repeat 3] [--only overhead,scale,serve,stages,pdf] [--quick]

Prints Markdown tables (the README's "Benchmarks" section shows them). Every build is a
separate `mkdocs build --strict` process from this project; wall time, CPU time (user + system
of the build and of every process it waited for: git, Pagefind) and peak RSS come from
`os.wait4`. Each figure is the median of `--repeat` runs, interleaved, so a burst of load from
other work on the machine hits every variant alike. Nothing in the project is touched: builds
go to temporary folders, data is copied or generated there.

1. **overhead**: the full build of `data/` (the hook reads, checks and generates the pages)
   against plain MkDocs + Material with its own search plugin building the very same pages,
   written out by the package (``ita_site.engines.project``: pages with their titles and edit
   links, navigation, theme additions, CSS; no hook), and against plain Zensical (its own
   search) on the same written-out project, cold (without its cache) and warm; and the full
   build rendered by Zensical (`scripts/build.sh zensical`). Each ratio is the median of the
   ratios of interleaved pairs. `--before DIR` adds the full build of an earlier version
   (`git archive REV | tar -x -C DIR`) to the same run, and to the serve section.
2. **scale**: synthetic data (`benchmarks/synthetic.py`) of 3, 10 and 20 fiscal years, and
   3 years with 7 issues x 40 action rows a year; time per built page and peak memory, from
   an empty chart cache and from a warm one.
3. **serve**: `mkdocs serve` on a copy of `data/`; a score is edited in one YAML file and the
   page is fetched until it shows the new value (median over `--repeat` edits), against a
   `mkdocs build` of the same data.
4. **stages**: where the time of one build goes (`benchmarks/stages.py`, in-process): the
   full build from an empty and from a warm chart cache, and the plain MkDocs build.
5. **pdf**: the PDF of the full reports (``Build.print_pdfs``, Chromium) is printing, not generating:
   sections 1 to 4 build with ITA_PDF=false (the plain project has no such step); this one
   measures the full build of `data/` with the PDFs printed, from an empty cache and with the
   PDFs of the previous build in the cache, against the same build without PDFs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
PYTHON = sys.executable

from ita_site.devtools.synthetic import write_synthetic

_head = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
EPOCH = _head.stdout.strip() if _head.returncode == 0 and _head.stdout.strip().isdigit() else str(int(time.time()))


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build and the processes it waited for
    rss_mb: float  # peak resident set size (the largest process of the build)
    ok: bool
    output: str


# --before DIR: the same builds of an earlier version of the project (a `git archive` of it
# unpacked in DIR), its code put first on the import path; None: this checkout only
BEFORE: Path | None = None


def env_for(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a build: ours without ITA_* (no repository or site address), and
    SOURCE_DATE_EPOCH at the last commit (what hooks/ita.py pins itself), so that the plain
    project, which has no such hook, dates its sitemap alike."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITA_")}
    env.setdefault("SOURCE_DATE_EPOCH", EPOCH)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["ITA_PDF"] = "false"  # sections 1-4: no PDF (section 5 measures it)
    if data_dir is not None:
        env["ITA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def measure(args: list[str], env: dict[str, str], cwd: Path = ROOT, timeout: float = 900) -> Run:
    """Run one command to its end; its wall time, CPU time and peak RSS (os.wait4)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode == 0, text)


def build(
    site_dir: Path, data_dir: Path | None = None, config: Path | None = None, cache: Path | None = None,
    before: bool = False, **env: str,
) -> Run:
    """One `mkdocs build --strict`; `cache`: the cache folder (default: a new, empty one);
    `before`: of the earlier version (--before); `env`: more environment variables (ITA_PDF=true)."""
    args = [MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    if config is not None:
        args += ["--config-file", str(config)]
    cache = cache or site_dir.parent / f"cache-empty-{uuid.uuid4().hex}"
    if before:
        assert BEFORE is not None
        env = {**env, "PYTHONPATH": str(BEFORE)}
    run = measure(args, env_for(data_dir, ITA_CACHE_DIR=str(cache), **env), cwd=BEFORE if before else ROOT)
    if run.ok and "WARNING" in run.output:
        return Run(run.wall, run.cpu, run.rss_mb, False, run.output)
    return run


@dataclass(frozen=True)
class Figures:
    wall: float
    cpu: float
    rss_mb: float
    runs: int
    failed: str = ""

    @staticmethod
    def of(runs: list[Run]) -> "Figures":
        good = [r for r in runs if r.ok]
        failed = next((r.output for r in runs if not r.ok), "")
        if not good:
            return Figures(float("nan"), float("nan"), float("nan"), 0, failed)
        return Figures(
            statistics.median(r.wall for r in good),
            statistics.median(r.cpu for r in good),
            max(r.rss_mb for r in good),
            len(good),
            failed,
        )


def failure(text: str) -> str:
    """The line that says why a build failed (for the table)."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in reversed(lines):
        if "Error" in line or "error" in line or "ERROR" in line:
            return line.strip()[:160]
    return (lines[-1] if lines else "no output")[:160]


def html_pages(site_dir: Path) -> int:
    return sum(1 for p in site_dir.rglob("*.html") if "pagefind" not in p.relative_to(site_dir).parts)


def differences(a: Path, b: Path) -> list[str]:
    """Files that are not byte for byte the same in two built sites."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    diff = sorted(files_a ^ files_b)
    diff += sorted(f for f in files_a & files_b if (a / f).read_bytes() != (b / f).read_bytes())
    return diff


# --- 1. generation overhead ------------------------------------------------------------


def written_project(data_dir: Path, work: Path, plugins: tuple[str, ...] = ("search",)) -> Path:
    """The pages of `data_dir` written out as a project without our hook, by the package itself
    (``ita_site.engines.project``, as the Zensical engine writes them): the same pages, titles,
    navigation, theme additions and CSS, with the engine's own search plugin (`plugins`).
    Returns its config file (a mkdocs.yml that MkDocs and Zensical both read). Written by a
    child process, so that this one stays small (a child's peak RSS counts its parent's)."""
    args = [PYTHON, __file__, "--write-project", str(data_dir), str(work), *plugins]
    done = subprocess.run(args, cwd=ROOT, env=env_for(), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"writing the project failed:\n{done.stdout}{done.stderr}")
    return work / "mkdocs.yml"


def _write_project(data_dir: Path, work: Path, plugins: tuple[str, ...]) -> None:
    from ita_site import config as ita_config
    from ita_site.build import Build
    from ita_site.engines.project import write_project

    environ = {"ITA_DATA_DIR": str(data_dir), "ITA_PDF": "false", "ITA_CACHE_DIR": str(work / "generation-cache"), "SOURCE_DATE_EPOCH": EPOCH}
    raw = ita_config.read_engine_config(ROOT / "mkdocs.yml", environ)
    build = Build(ita_config.load(raw["extra"]["ita"], ROOT, environ=environ))
    build.generate()
    write_project(build, work, ROOT / "mkdocs.yml", plugins=plugins)


def zensical(config: Path, site_dir: Path, cold: bool) -> Run:
    """`zensical build` of a written-out project into `site_dir`; `cold`: without Zensical's
    own cache (the project's .cache) of the previous build."""
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    shutil.rmtree(config.parent / "site", ignore_errors=True)
    run = measure([PYTHON, "-m", "zensical", "build", "--config-file", str(config)], env_for(), cwd=config.parent)
    shutil.rmtree(site_dir, ignore_errors=True)
    if run.ok:
        shutil.move(str(config.parent / "site"), str(site_dir))
    return run


def zensical_full(site_dir: Path, data_dir: Path, cache: Path | None = None) -> Run:
    """`scripts/build.sh zensical` without the validation: our build, rendered by Zensical."""
    cache = cache or site_dir.parent / f"cache-empty-{uuid.uuid4().hex}"
    args = [PYTHON, "-m", "ita_site.commands.build_zensical", "--site-dir", str(site_dir)]
    return measure(args, env_for(data_dir, ITA_CACHE_DIR=str(cache)))


def pair_ratio(a: list[Run], b: list[Run], field: str) -> float:
    """The median of the ratios of interleaved pairs (a[i] / b[i])."""
    return statistics.median(getattr(x, field) / getattr(y, field) for x, y in zip(a, b) if x.ok and y.ok)


def bench_overhead(repeat: int, tmp: Path) -> dict:
    data = ROOT / "data"
    plain = written_project(data, tmp / "plain-mkdocs")
    plain_z = written_project(data, tmp / "plain-zensical")
    warm_full, warm_z = tmp / "cache-full", tmp / "cache-full-z"
    build(tmp / "site-warm", data, cache=warm_full)  # fill the caches (not measured)
    zensical_full(tmp / "site-z-warm", data, cache=warm_z)
    zensical(plain_z, tmp / "site-plain-z", cold=False)
    keys = ("full-cold", "full-warm", "plain", "zensical-cold", "zensical-warm", "full-z-cold", "full-z-warm")
    if BEFORE is not None:
        keys += ("before-cold", "before-warm")
        build(tmp / "site-before-warm", data, cache=tmp / "cache-before", before=True)
    runs: dict[str, list[Run]] = {k: [] for k in keys}
    for i in range(repeat):
        if BEFORE is not None:
            runs["before-cold"].append(build(tmp / "site-before-cold", data, before=True))
            runs["before-warm"].append(build(tmp / "site-before-warm", data, cache=tmp / "cache-before", before=True))
        runs["full-cold"].append(build(tmp / "site-cold", data))
        runs["plain"].append(build(tmp / "site-plain", config=plain))
        runs["full-warm"].append(build(tmp / "site-warm", data, cache=warm_full))
        runs["zensical-cold"].append(zensical(plain_z, tmp / "site-plain-z", cold=True))
        runs["zensical-warm"].append(zensical(plain_z, tmp / "site-plain-z", cold=False))
        runs["full-z-cold"].append(zensical_full(tmp / "site-z-cold", data))
        runs["full-z-warm"].append(zensical_full(tmp / "site-z-warm", data, cache=warm_z))
    figures = {k: Figures.of(v) for k, v in runs.items()}
    for f in figures.values():
        if f.failed:
            raise SystemExit("build failed:\n" + f.failed)
    compared = [("before-cold", "plain"), ("before-warm", "plain")] if BEFORE is not None else []
    ratios = {
        (full, base): (pair_ratio(runs[full], runs[base], "wall"), pair_ratio(runs[full], runs[base], "cpu"))
        for full, base in compared + [
            ("full-cold", "plain"), ("full-warm", "plain"), ("full-cold", "zensical-cold"), ("full-warm", "zensical-warm"),
            ("full-z-cold", "zensical-cold"), ("full-z-warm", "zensical-warm"), ("zensical-warm", "plain"),
            ("before-cold", "zensical-cold"), ("before-warm", "zensical-warm"),
        ] if full in runs
    }  # fmt: skip
    listed = lambda site: sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)  # noqa: E731
    return {
        **figures,
        "ratios": ratios,
        "repeat": repeat,
        "pages": len(listed(tmp / "site-cold")),
        "same_pages": listed(tmp / "site-cold") == listed(tmp / "site-plain") == listed(tmp / "site-plain-z") == listed(tmp / "site-z-cold"),
        "differences": differences(tmp / "site-cold", tmp / "site-warm"),
    }


def report_overhead(r: dict) -> str:
    names = {
        "full-cold": "full build (MkDocs + hook), empty caches (a first build, CI)",
        "full-warm": "full build (MkDocs + hook), caches of the previous build",
        "plain": "plain MkDocs + Material (its own search) on the written-out pages",
        "zensical-cold": "plain Zensical (its own search) on the same pages, without its cache",
        "zensical-warm": "plain Zensical on the same pages, its cache of the previous build",
        "full-z-cold": "full build rendered by Zensical (`scripts/build.sh zensical`), empty caches",
        "full-z-warm": "full build rendered by Zensical, caches of the previous build",
        "before-cold": "BEFORE (--before): full build (MkDocs + hooks), empty caches",
        "before-warm": "BEFORE (--before): full build, caches of the previous build",
    }
    lines = [
        f"### 1. Generation overhead (data/, {r['pages']} pages, PDFs off; median of {r['repeat']} interleaved runs)",
        "",
        "| build | wall s | CPU s | peak RSS MB |",
        "|---|--:|--:|--:|",
    ]
    for key, label in names.items():
        if key not in r:
            continue
        f = r[key]
        lines.append(f"| {label} | {f.wall:.2f} | {f.cpu:.2f} | {f.rss_mb:.0f} |")
    lines += ["", "| ratio (median of the interleaved pairs) | wall | CPU | goal |", "|---|--:|--:|--:|"]
    goals = {("full-cold", "plain"): "<= 1.6", ("full-warm", "plain"): "<= 1.1", ("before-cold", "plain"): "(before)", ("before-warm", "plain"): "(before)"}
    for (full, base), (wall, cpu) in r["ratios"].items():
        lines.append(f"| {full} / {base} | **{wall:.2f}** | {cpu:.2f} | {goals.get((full, base), '')} |")
    same = "the same HTML pages" if r["same_pages"] else "NOT the same pages"
    differ = "identical file by file" if not r["differences"] else f"{len(r['differences'])} files differ"
    lines += ["", f"Every variant built {same}; the full build from empty and from warm caches: {differ}."]
    return "\n".join(lines)


# --- 2. scale ----------------------------------------------------------------------------

SCALES = [("3 years", 3, 3), ("10 years", 10, 3), ("20 years", 20, 3), ("3 years, 7 issues x 40 rows", 3, 40)]


def bench_scale(repeat: int, tmp: Path, scales=SCALES) -> list[dict]:
    cases = []
    for name, years, rows in scales:
        made = write_synthetic(tmp / f"data-{years}-{rows}", years, rows)
        case = {"name": name, "data": made.root, "rows": made.rows_per_year, "cold": [], "warm": [], "pages": 0}
        case["cache"] = tmp / f"cache-{made.root.name}"
        build(tmp / f"site-{made.root.name}", made.root, cache=case["cache"])  # fill the cache (not measured)
        cases.append(case)
    for i in range(repeat):
        for case in cases:
            site = tmp / f"site-{case['data'].name}"
            run = build(site, case["data"])  # empty cache
            case["cold"].append(run)
            if run.ok:
                case["pages"] = html_pages(site)
                case["warm"].append(build(site, case["data"], cache=case["cache"]))
    for case in cases:
        case["figures"] = Figures.of(case["cold"])
        case["warm_figures"] = Figures.of(case["warm"])
    return cases


def report_scale(cases: list[dict]) -> str:
    lines = [
        "### 2. Scale (synthetic data, `benchmarks/synthetic.py`)",
        "",
        "| data | action rows a year | pages | wall s | CPU s | wall ms/page | CPU ms/page | per page vs 3 years (CPU) | CPU ms/page, warm cache | per page vs 3 years, warm | peak RSS MB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    base = cases[0]
    b, bw = base["figures"], base["warm_figures"]
    for c in cases:
        f, w = c["figures"], c["warm_figures"]
        if not f.runs:
            lines.append(f"| {c['name']} | {c['rows']} | – | failed: {failure(f.failed)} | | | | | | | |")
            continue
        per, per_w = f.cpu / c["pages"], (w.cpu / c["pages"] if w.runs else float("nan"))
        ratio = per / (b.cpu / base["pages"]) if b.runs else float("nan")
        ratio_w = per_w / (bw.cpu / base["pages"]) if bw.runs else float("nan")
        lines.append(
            f"| {c['name']} | {c['rows']} | {c['pages']} | {f.wall:.2f} | {f.cpu:.2f} | {1000 * f.wall / c['pages']:.0f} |"
            f" {1000 * per:.0f} | {ratio:.2f} | {1000 * per_w:.0f} | {ratio_w:.2f} | {f.rss_mb:.0f} |"
        )
    lines += [
        "",
        "Empty chart cache unless said (every chart rendered); peak RSS of the largest process of the build.",
        "Target: 20 years within 1.3 x the time per page of 3 years.",
    ]
    return "\n".join(lines)


# --- 3. live preview ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


SCORE_LINE = re.compile(r"^(\s*score:\s*)([0-9.]+)\s*$", re.M)


def editable_score(data: Path) -> tuple[Path, int, float]:
    """A score to edit: indicator 1 of the earliest year (it has no hand-written prose that
    quotes its figures, so a changed score stays valid), the file and the score."""
    year_file = sorted((data / "years").glob("*.yml"))[0]
    doc = yaml.safe_load(year_file.read_text(encoding="utf-8"))
    entry = doc["scores"][0]
    return year_file, entry["indicator"], float(entry["score"])


def set_score(year_file: Path, value: float) -> None:
    text = year_file.read_text(encoding="utf-8")
    year_file.write_text(SCORE_LINE.sub(lambda m: f"{m.group(1)}{value:.2f}", text, count=1), encoding="utf-8")


def cpu_of(pid: int) -> float:
    """CPU seconds of a running process and its reaped children, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(x) for x in fields[11:15]) / ticks  # utime stime cutime cstime


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_serve(repeat: int, tmp: Path, before: bool = False) -> dict:
    """`before`: of the earlier version (--before)."""
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data)
    year_file, indicator, score = editable_score(data)
    page = f"indicators/{indicator}.html"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(tmp / "serve.log", "w")
    started = time.perf_counter()
    cache = tmp / "cache"  # empty when serve starts; the rebuilds below find it filled
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=BEFORE if before else ROOT, stdout=log, stderr=subprocess.STDOUT,
        env=env_for(data, ITA_CACHE_DIR=str(cache), **({"PYTHONPATH": str(BEFORE)} if before else {})),
    )  # fmt: skip
    edits = []
    try:
        while f"{score:.2f}" not in (fetch(base + page) or ""):
            if server.poll() is not None or time.perf_counter() - started > 600:
                raise SystemExit("mkdocs serve did not start: see " + str(tmp / "serve.log"))
            time.sleep(0.2)
        first = time.perf_counter() - started
        time.sleep(1.0)  # let the watcher settle
        idle0, t_idle = cpu_of(server.pid), time.perf_counter()
        time.sleep(5.0)
        idle = (cpu_of(server.pid) - idle0) / (time.perf_counter() - t_idle)
        value = score
        for i in range(repeat):
            value = round(value + 0.01, 2)
            new = f"{value:.2f}"
            assert new not in (fetch(base + page) or ""), new
            cpu0 = cpu_of(server.pid)
            t0 = time.perf_counter()
            set_score(year_file, value)
            while new not in (fetch(base + page) or ""):
                if time.perf_counter() - t0 > 600 or server.poll() is not None:
                    raise SystemExit("the edit never showed: see " + str(tmp / "serve.log"))
                time.sleep(0.05)
            seen = time.perf_counter() - t0
            time.sleep(1.0)  # the rest of the rebuild (if any) and the watcher
            edits.append((seen, cpu_of(server.pid) - cpu0))
        rss = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    # the same edits, each followed by `mkdocs build`: from an empty cache, and from the cache
    # as it was before the edit (the changed charts are rendered, the rest read)
    cold, warm = [], []
    for i in range(repeat):
        value = round(value + 0.01, 2)
        set_score(year_file, value)
        warm.append(build(tmp / "site-rebuild", data, cache=cache, before=before))
        cold.append(build(tmp / "site-rebuild", data, before=before))
        assert f"{value:.2f}" in (tmp / "site-rebuild" / page).read_text(encoding="utf-8")
    return {
        "first": first,
        "idle_cpu": idle,
        "edit_wall": statistics.median(e[0] for e in edits),
        "edit_cpu": statistics.median(e[1] for e in edits),
        "serve_rss": rss,
        "rebuild": Figures.of(warm),
        "rebuild_cold": Figures.of(cold),
        "file": year_file.relative_to(tmp).as_posix(),
        "page": page,
    }


def report_serve(r: dict, label: str = "") -> str:
    b, c = r["rebuild"], r["rebuild_cold"]
    return "\n".join(
        [
            f"### 3. {label}Live preview (`mkdocs serve`, copy of data/: a score in `{r['file']}`, page `{r['page']}`)",
            "",
            "| | wall s | CPU s | peak RSS MB |",
            "|---|--:|--:|--:|",
            f"| `mkdocs serve`: start until the page is served | {r['first']:.2f} | | |",
            f"| `mkdocs serve`: edit saved until the page shows the new value | {r['edit_wall']:.2f} | {r['edit_cpu']:.2f} | {r['serve_rss']:.0f} |",
            f"| the same edit, then `mkdocs build` with the caches of the previous build | {b.wall:.2f} | {b.cpu:.2f} | {b.rss_mb:.0f} |",
            f"| the same edit, then `mkdocs build` with empty caches | {c.wall:.2f} | {c.cpu:.2f} | {c.rss_mb:.0f} |",
            f"| **ratio** serve / build with caches | **{r['edit_wall'] / b.wall:.2f}** | **{r['edit_cpu'] / b.cpu:.2f}** | |",
            f"| **ratio** serve / build with empty caches | **{r['edit_wall'] / c.wall:.2f}** | **{r['edit_cpu'] / c.cpu:.2f}** | |",
            "",
            "The serve figures include MkDocs' file watcher (it polls every 0.5 s, then waits 0.1 s; its polling",
            f"costs {r['idle_cpu']:.2f} s CPU a second while idle, counted in the serve CPU) and the search index, which is",
            "rebuilt before MkDocs serves the new pages. Each edit changes 5 charts (indicator, tools, totals, trend, comparison).",
        ]
    )


# --- 4. stages ---------------------------------------------------------------------------


def stages(*extra: str, cache: Path) -> dict:
    args = [PYTHON, str(ROOT / "benchmarks" / "stages.py"), "--json", "--cache-dir", str(cache), *extra]
    done = subprocess.run(args, cwd=ROOT, env=env_for(), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"stages.py failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_stages(tmp: Path, plain_config: Path | None) -> dict:
    data = ROOT / "data"
    plain_config = plain_config or written_project(data, tmp / "plain")
    full, plain = tmp / "cache-full", tmp / "cache-plain"
    return {
        "full, empty caches": stages("--data", str(data), cache=full),  # fills the cache
        "full, warm caches": stages("--data", str(data), cache=full),
        "plain, empty caches": stages("--config", str(plain_config), cache=plain),
        "plain, warm caches": stages("--config", str(plain_config), cache=plain),
    }


def report_stages(r: dict) -> str:
    names = list(r)
    first = r[names[0]]
    lines = [
        f"### 4. Where the time goes (data/, {first['pages']} pages; CPU s of one in-process build each, `benchmarks/stages.py`)",
        "",
        "| stage | " + " | ".join(names) + " |",
        "|---|" + "--:|" * len(names),
    ]
    for i, stage in enumerate(first["stages"]):
        lines.append(f"| {stage['stage']} | " + " | ".join(f"{r[n]['stages'][i]['cpu']:.2f}" for n in names) + " |")
    lines.append("| **whole build, CPU** | " + " | ".join(f"**{r[n]['cpu']:.2f}**" for n in names) + " |")
    lines.append("| whole build, wall | " + " | ".join(f"{r[n]['wall']:.2f}" for n in names) + " |")
    lines += ["", "Exclusive times (a stage inside another counts once); Pagefind's and git's CPU include their processes.",
              "Not in these figures: starting Python and importing MkDocs (about 0.4 s CPU, the same for every build)."]  # fmt: skip
    return "\n".join(lines)


# --- 5. PDF ------------------------------------------------------------------------------


def bench_pdf(repeat: int, tmp: Path) -> dict:
    data = ROOT / "data"
    warm = tmp / "cache-warm"
    build(tmp / "site-warm", data, cache=warm, ITA_PDF="true")  # fill the cache (not measured)
    runs: dict[str, list[Run]] = {"cold": [], "warm": [], "off": []}
    for i in range(repeat):
        runs["cold"].append(build(tmp / "site-cold", data, ITA_PDF="true"))
        runs["warm"].append(build(tmp / "site-warm", data, cache=warm, ITA_PDF="true"))
        runs["off"].append(build(tmp / "site-off", data, cache=warm))
    figures = {k: Figures.of(v) for k, v in runs.items()}
    for f in figures.values():
        if f.failed:
            raise SystemExit("build failed:\n" + f.failed)
    return {**figures, "pdfs": len(list((tmp / "site-cold" / "downloads").glob("*.pdf")))}


def report_pdf(r: dict) -> str:
    off = r["off"]
    lines = [
        f"### 5. PDF of the full reports (data/, {r['pdfs']} PDFs printed by Chromium)",
        "",
        "| build of data/ | wall s | CPU s | peak RSS MB | CPU vs no PDF, warm caches |",
        "|---|--:|--:|--:|--:|",
    ]
    for label, key in (
        ("PDFs printed, empty caches (a first build, CI)", "cold"),
        ("PDFs from the previous build's cache (page and assets unchanged)", "warm"),
        ("no PDF (ITA_PDF=false), warm caches", "off"),
    ):
        f = r[key]
        lines.append(f"| {label} | {f.wall:.2f} | {f.cpu:.2f} | {f.rss_mb:.0f} | {f.cpu / off.cpu:.2f} |")
    lines += ["", "CPU includes Chromium's processes when the build waited for them (os.wait4 of the build's process tree)."]
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    load = os.getloadavg()
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"load average at the start {load[0]:.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build (median); default 3")
    parser.add_argument("--only", default="overhead,scale,serve,stages,pdf", help="comma-separated sections")
    parser.add_argument("--quick", action="store_true", help="one run each, scale up to 10 years only")
    parser.add_argument("--write-project", nargs="+", metavar="DATA OUT [PLUGIN]", help=argparse.SUPPRESS)
    parser.add_argument("--before", type=Path, help="also build an earlier version unpacked here (git archive REV | tar -x -C DIR)")
    args = parser.parse_args(argv)
    global BEFORE
    BEFORE = args.before.resolve() if args.before else None
    if args.write_project:  # a child of written_project()
        data_dir, out, *plugins = args.write_project
        _write_project(Path(data_dir), Path(out), tuple(plugins))
        return 0
    repeat = 1 if args.quick else args.repeat
    sections = set(args.only.split(","))
    print(f"Machine: {machine()}. Median of {repeat} run(s).\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp_name:
        tmp = Path(tmp_name)
        plain_config = None
        if "overhead" in sections:
            result = bench_overhead(repeat, tmp / "overhead")
            plain_config = tmp / "overhead" / "plain-mkdocs" / "mkdocs.yml"
            print(report_overhead(result) + "\n", flush=True)
        if "scale" in sections:
            scales = SCALES[:2] if args.quick else SCALES
            print(report_scale(bench_scale(repeat, tmp / "scale", scales)) + "\n", flush=True)
        if "serve" in sections:
            print(report_serve(bench_serve(max(repeat, 3), tmp / "serve")) + "\n", flush=True)
            if BEFORE is not None:
                print(report_serve(bench_serve(max(repeat, 3), tmp / "serve-before", before=True), "BEFORE: ") + "\n", flush=True)
        if "stages" in sections:
            print(report_stages(bench_stages(tmp / "stages", plain_config)) + "\n", flush=True)
        if "pdf" in sections:
            print(report_pdf(bench_pdf(repeat, tmp / "pdf")) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
