"""Lighthouse scores of built pages, phone settings (Lighthouse's default "mobile" preset:
a mid-range phone, slow 4G, 4x slower CPU, all simulated), in Debian's chromium.

    python scripts/lighthouse.py [--site site] [index.html indicators/2.html ...]

Lighthouse is npm `lighthouse` pinned in .tools/package.json (scripts/test.sh runs `npm ci`
there). The site is served on 127.0.0.1 with text files gzip-compressed, as GitHub Pages
serves them: without compression the home page alone is ~300 KB more to download and the
performance score drops from ~100 to ~80. Prints one line per page; --json writes the reports.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..local_server import serve
from . import ROOT

TOOLS = ROOT / ".tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
PAGES = ["index.html", "indicators/2.html"]
CATEGORIES = ("performance", "accessibility")
CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
# Lighthouse warns "The tested device appears to have a slower CPU than Lighthouse expects"
# at or below this benchmark index (core/gather/driver/environment.js): a busy machine.
SLOW_MACHINE = 1000
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")


@dataclass
class Result:
    page: str
    scores: dict[str, int]  # category -> 0..100
    metrics: dict[str, str]  # metric -> Lighthouse's display value
    failed_audits: list[str]  # accessibility audits that did not pass
    report: dict

    @property
    def benchmark(self) -> float:
        """Lighthouse's measure of the machine's speed during the run; at or below
        SLOW_MACHINE Lighthouse itself warns that the performance score is not reliable."""
        return float(self.report.get("environment", {}).get("benchmarkIndex") or 0)

    def line(self) -> str:
        scores = " ".join(f"{k}={v}" for k, v in self.scores.items())
        metrics = ", ".join(f"{k.split('-')[0] if k != 'total-blocking-time' else 'TBT'}:{v}" for k, v in self.metrics.items())
        failed = f" failed: {', '.join(self.failed_audits)}" if self.failed_audits else ""
        return f"{self.page}: {scores} ({metrics}; machine benchmark {self.benchmark:.0f}){failed}"


def chromium() -> str:
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise FileNotFoundError("no chromium: install Debian's chromium (scripts/test.sh does)")


def _priority() -> list[str]:
    """Lighthouse scores the main-thread work it sees, in wall-clock time: other work on the
    machine (the other test worker, a build) makes the page look slower than it is. As root
    (CI, scripts/test.sh), Lighthouse and its Chromium run at a higher CPU priority (nice -10)."""
    return ["nice", "-n", "-10"] if os.geteuid() == 0 and shutil.which("nice") else []


def run(url: str, page: str, out_dir: Path) -> Result:
    """One Lighthouse run of `url` (mobile preset), its scores and what failed."""
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(f"{LIGHTHOUSE} missing: run `npm ci --prefix .tools` (scripts/test.sh does)")
    report_path = out_dir / (page.replace("/", "_") + ".json")
    env = {**os.environ, "CHROME_PATH": chromium()}
    command = [
        *_priority(),
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    if done.returncode != 0 or not report_path.exists():
        raise RuntimeError(f"lighthouse failed on {url} ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    scores = {k: round(report["categories"][k]["score"] * 100) for k in CATEGORIES}
    metrics = {k: report["audits"][k].get("displayValue", "") for k in METRICS}
    failed = [
        ref["id"]
        for ref in report["categories"]["accessibility"]["auditRefs"]
        if report["audits"][ref["id"]].get("score") is not None and report["audits"][ref["id"]]["score"] < 1
    ]
    return Result(page, scores, metrics, failed, report)


def measure(site: Path, pages: list[str], out_dir: Path) -> list[Result]:
    server, base = serve(site, compress=True)
    try:
        return [run(base + page, page, out_dir) for page in pages]
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="*", default=PAGES)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--json", type=Path, help="keep the Lighthouse reports (JSON) in this folder")
    args = parser.parse_args()
    out = args.json or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    out.mkdir(parents=True, exist_ok=True)
    for result in measure(args.site, args.pages, out):
        print(result.line())


if __name__ == "__main__":
    main()
