"""Measure what the charts cost: one full build with charts and one without, in the same run,
and the size of every inline chart SVG (raw and gzip).

    python scripts/chart_cost.py

Builds into temporary folders (site/ is not touched); the build without charts uses
`extra.ita.charts: false` through a temporary config that inherits mkdocs.yml. Both start
with an empty chart cache (ITA_CACHE_DIR in the temporary folder), so every chart is rendered:
the cost of a first build (a later build reads unchanged charts from `.cache/ita`).
"""

from __future__ import annotations

import gzip
import os
import resource
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import ROOT

MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def build(site_dir: Path, config: Path | None) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one `mkdocs build` (empty chart cache)."""
    args = [MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    if config is not None:
        args += ["-f", str(config)]
    cache = site_dir.parent / f"cache-{site_dir.name}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ITA_DATA_DIR": str(ROOT / "data"), "ITA_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        off = tmp_path / "mkdocs-no-charts.yml"
        off.write_text(
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\ntheme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
            f"hooks:\n  - {ROOT / 'hooks' / 'ita.py'}\n"
            "extra:\n  ita:\n    charts: false\n",
            encoding="utf-8",
        )
        without = build(tmp_path / "without", off)
        with_charts = build(tmp_path / "with", None)
        print("                            wall     CPU")
        print(f"full build without charts: {without[0]:5.2f} s {without[1]:5.2f} s")
        print(f"full build with charts:    {with_charts[0]:5.2f} s {with_charts[1]:5.2f} s")
        print(f"cost of the charts:        {with_charts[0] - without[0]:5.2f} s {with_charts[1] - without[1]:5.2f} s")
        print("\nchart SVGs (inline):")
        total = total_gz = 0
        for page in sorted((tmp_path / "with").rglob("*.html")):
            html = page.read_text(encoding="utf-8")
            for m in re.finditer(r'<figure class="ita-chart" id="([^"]+)">.*?(<svg .*?</svg>)', html, re.S):
                raw = m.group(2).encode("utf-8")
                gz = len(gzip.compress(raw, 9, mtime=0))
                total += len(raw)
                total_gz += gz
                print(f"  {page.relative_to(tmp_path / 'with')}#{m.group(1)}: {len(raw) / 1024:5.1f} KB ({gz / 1024:4.1f} KB gzip)")
        print(f"  all: {total / 1024:.1f} KB ({total_gz / 1024:.1f} KB gzip)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
