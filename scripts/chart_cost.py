#!/usr/bin/env python3
"""Measure what the charts cost: one full build with charts and one without, in the same run.

    python scripts/chart_cost.py

The work is in ita_site/devtools/chart_cost.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.devtools.chart_cost", project=False))
