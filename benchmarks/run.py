#!/usr/bin/env python3
"""Benchmarks of the build (issue 5): generation overhead, scale, live preview, stages.

    python benchmarks/run.py [--repeat 3] [--only overhead,scale,serve,stages] [--quick]

Prints Markdown tables (the README's "Benchmarks" section shows them). Every build is a
separate `mkdocs build --strict` process from this project; wall time, CPU time (user + system
of the build and of every process it waited for: git, Pagefind) and peak RSS come from
`os.wait4`. Each figure is the median of `--repeat` runs, interleaved, so a burst of load from
other work on the machine hits every variant alike. Nothing in the project is touched: builds
go to temporary folders, data is copied or generated there.

1. **overhead**: the full build of `data/` (the hooks read, check and generate the pages)
   against MkDocs building the very same pages written out as Markdown
   (`scripts/write_pages.py`) with the same theme, overrides, CSS and Markdown extensions and
   the search hook, but without the `ita` hook. Charts and search are in both: the plain
   project gets the SVGs already in its Markdown and runs the same Pagefind step, so both
   give the same site, which is checked file by file. The ratio is the cost of generating.
2. **scale**: synthetic data (`benchmarks/synthetic.py`) of 3, 10 and 20 fiscal years, and
   3 years with 7 issues x 40 action rows a year; time per built page and peak memory.
3. **serve**: `mkdocs serve` on a copy of `data/`; a score is edited in one YAML file and the
   page is fetched until it shows the new value (median over `--repeat` edits), against a
   plain `mkdocs build` of the same data.
4. **stages**: where the time of one build goes (`benchmarks/stages.py`, in-process).
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
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
PYTHON = sys.executable

from benchmarks.synthetic import write_synthetic  # noqa: E402


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build and the processes it waited for
    rss_mb: float  # peak resident set size (the largest process of the build)
    ok: bool
    output: str


def env_for(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a build: ours without ITA_* (no repository or site address)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ITA_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
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


def build(site_dir: Path, data_dir: Path | None = None, config: Path | None = None, **extra: str) -> Run:
    args = [MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    if config is not None:
        args += ["--config-file", str(config)]
    run = measure(args, env_for(data_dir, **extra))
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


def plain_project(data_dir: Path, work: Path) -> Path:
    """A MkDocs project of the generated Markdown: same theme, overrides, CSS, extensions
    and search hook as mkdocs.yml, no `ita` hook. Returns its config file."""
    from ita_site.pages.guide import guide_nav
    from ita_site.pages.render import labels
    from ita_site.site import load_site

    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    done = subprocess.run(
        [PYTHON, str(ROOT / "scripts" / "write_pages.py"), str(docs), "--data", str(data_dir)],
        cwd=ROOT, env=env_for(), capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"write_pages.py failed:\n{done.stdout}{done.stderr}")
    nav = yaml.safe_load((docs / "nav.yml").read_text(encoding="utf-8"))["nav"]
    (docs / "nav.yml").unlink()
    nav.append({labels()["nav"]["guide"]: guide_nav(docs)})
    org = load_site(data_dir).organization
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        # what hooks/ita.py sets from the data, written out
        "site_name": f"ผลการประเมิน ITA {org.short_name}",
        "site_description": f"ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ของ{org.name} จังหวัด{org.province}",
        "docs_dir": str(docs),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / "hooks" / "search.py")],
        "nav": nav,
    }
    if (docs / "feed.xml").exists():
        from ita_site.pages import paths

        config["extra"] = {"ita_feed": {"path": paths.FEED, "title": labels()["feed"]["title"].format(org=org.name)}}
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def bench_overhead(repeat: int, tmp: Path) -> dict:
    data = ROOT / "data"
    config = plain_project(data, tmp / "plain")
    full_runs, plain_runs = [], []
    for i in range(repeat):
        full_runs.append(build(tmp / "site-full", data))
        plain_runs.append(build(tmp / "site-plain", config=config))
    full, plain = Figures.of(full_runs), Figures.of(plain_runs)
    if full.failed or plain.failed:
        raise SystemExit("build failed:\n" + (full.failed or plain.failed))
    return {
        "full": full,
        "plain": plain,
        "pages": html_pages(tmp / "site-full"),
        "differences": differences(tmp / "site-full", tmp / "site-plain"),
    }


def report_overhead(r: dict) -> str:
    full, plain = r["full"], r["plain"]
    same = "identical, file by file" if not r["differences"] else f"{len(r['differences'])} files differ: {', '.join(r['differences'][:8])}"
    return "\n".join(
        [
            f"### 1. Generation overhead (data/, {r['pages']} pages; charts and search on both sides)",
            "",
            "| build | wall s | CPU s | peak RSS MB |",
            "|---|--:|--:|--:|",
            f"| full build (`ita` hook generates the pages from YAML) | {full.wall:.2f} | {full.cpu:.2f} | {full.rss_mb:.0f} |",
            f"| plain MkDocs of the same pages written as Markdown | {plain.wall:.2f} | {plain.cpu:.2f} | {plain.rss_mb:.0f} |",
            f"| **ratio** (target <= 1.2) | **{full.wall / plain.wall:.2f}** | **{full.cpu / plain.cpu:.2f}** | {full.rss_mb / plain.rss_mb:.2f} |",
            "",
            f"Output of the two builds: {same}.",
        ]
    )


# --- 2. scale ----------------------------------------------------------------------------

SCALES = [("3 years", 3, 3), ("10 years", 10, 3), ("20 years", 20, 3), ("3 years, 7 issues x 40 rows", 3, 40)]


def bench_scale(repeat: int, tmp: Path, scales=SCALES) -> list[dict]:
    cases = []
    for name, years, rows in scales:
        made = write_synthetic(tmp / f"data-{years}-{rows}", years, rows)
        cases.append({"name": name, "data": made.root, "rows": made.rows_per_year, "runs": [], "pages": 0})
    for i in range(repeat):
        for case in cases:
            site = tmp / f"site-{case['data'].name}"
            run = build(site, case["data"])
            case["runs"].append(run)
            if run.ok:
                case["pages"] = html_pages(site)
    for case in cases:
        case["figures"] = Figures.of(case["runs"])
    return cases


def report_scale(cases: list[dict]) -> str:
    lines = [
        "### 2. Scale (synthetic data, `benchmarks/synthetic.py`)",
        "",
        "| data | action rows a year | pages | wall s | CPU s | wall ms/page | CPU ms/page | peak RSS MB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    base = cases[0]
    for c in cases:
        f = c["figures"]
        if not f.runs:
            lines.append(f"| {c['name']} | {c['rows']} | – | failed: {failure(f.failed)} | | | | |")
            continue
        lines.append(
            f"| {c['name']} | {c['rows']} | {c['pages']} | {f.wall:.2f} | {f.cpu:.2f} | {1000 * f.wall / c['pages']:.0f} |"
            f" {1000 * f.cpu / c['pages']:.0f} | {f.rss_mb:.0f} |"
        )
    ratios = []
    for c in cases[1:]:
        f, b = c["figures"], base["figures"]
        if f.runs and b.runs:
            ratios.append(
                f"{c['name']}: {(f.wall / c['pages']) / (b.wall / base['pages']):.2f} (wall), "
                f"{(f.cpu / c['pages']) / (b.cpu / base['pages']):.2f} (CPU)"
            )
    lines += ["", f"Time per page against {base['name']} (target for 20 years: <= 1.3): " + "; ".join(ratios) + "."]
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


def bench_serve(repeat: int, tmp: Path) -> dict:
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data)
    year_file, indicator, score = editable_score(data)
    page = f"indicators/{indicator}.html"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(tmp / "serve.log", "w")
    started = time.perf_counter()
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env_for(data), stdout=log, stderr=subprocess.STDOUT
    )
    edits = []
    try:
        while f"{score:.2f}" not in (fetch(base + page) or ""):
            if server.poll() is not None or time.perf_counter() - started > 600:
                raise SystemExit("mkdocs serve did not start: see " + str(tmp / "serve.log"))
            time.sleep(0.2)
        first = time.perf_counter() - started
        time.sleep(1.0)  # let the watcher settle
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
    rebuilds = [build(tmp / "site-rebuild", data) for _ in range(repeat)]
    return {
        "first": first,
        "edit_wall": statistics.median(e[0] for e in edits),
        "edit_cpu": statistics.median(e[1] for e in edits),
        "serve_rss": rss,
        "rebuild": Figures.of(rebuilds),
        "file": year_file.relative_to(tmp).as_posix(),
        "page": page,
    }


def report_serve(r: dict) -> str:
    b = r["rebuild"]
    return "\n".join(
        [
            f"### 3. Live preview (`mkdocs serve`, copy of data/: a score in `{r['file']}`, page `{r['page']}`)",
            "",
            "| | wall s | CPU s | peak RSS MB |",
            "|---|--:|--:|--:|",
            f"| `mkdocs serve`: start until the page is served | {r['first']:.2f} | | |",
            f"| `mkdocs serve`: edit saved until the page shows the new value | {r['edit_wall']:.2f} | {r['edit_cpu']:.2f} | {r['serve_rss']:.0f} |",
            f"| plain rebuild (`mkdocs build`) of the same data | {b.wall:.2f} | {b.cpu:.2f} | {b.rss_mb:.0f} |",
            f"| **ratio** serve / rebuild | **{r['edit_wall'] / b.wall:.2f}** | **{r['edit_cpu'] / b.cpu:.2f}** | |",
            "",
            "The serve figure includes MkDocs' file watcher (it polls every 0.5 s, then waits 0.1 s) and the",
            "search index, which is rebuilt before MkDocs serves the new pages.",
        ]
    )


# --- 4. stages ---------------------------------------------------------------------------


def bench_stages(data: Path | None = None) -> dict:
    args = [PYTHON, str(ROOT / "benchmarks" / "stages.py"), "--json"]
    if data is not None:
        args += ["--data", str(data)]
    done = subprocess.run(args, cwd=ROOT, env=env_for(), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"stages.py failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report_stages(r: dict, title: str) -> str:
    from benchmarks.stages import table

    return f"### 4. Where the time goes ({title}, one in-process build)\n\n" + table(r)


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
    parser.add_argument("--only", default="overhead,scale,serve,stages", help="comma-separated sections")
    parser.add_argument("--quick", action="store_true", help="one run each, scale up to 10 years only")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    sections = set(args.only.split(","))
    print(f"Machine: {machine()}. Median of {repeat} run(s).\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if "overhead" in sections:
            print(report_overhead(bench_overhead(repeat, tmp / "overhead")) + "\n", flush=True)
        if "scale" in sections:
            scales = SCALES[:2] if args.quick else SCALES
            print(report_scale(bench_scale(repeat, tmp / "scale", scales)) + "\n", flush=True)
        if "serve" in sections:
            print(report_serve(bench_serve(max(repeat, 3), tmp / "serve")) + "\n", flush=True)
        if "stages" in sections:
            print(report_stages(bench_stages(), "data/") + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
