#!/usr/bin/env python3
"""Screenshots of built pages in Debian's chromium, desktop and phone width.

    python scripts/screenshot.py OUT_DIR index.html issues/2566/4.html ... [--no-js] [--full]

The work is in ita_site/devtools/screenshot.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.devtools.screenshot", project=False))
