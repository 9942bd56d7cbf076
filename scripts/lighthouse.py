#!/usr/bin/env python3
"""Lighthouse scores of built pages (phone preset) in Debian's chromium.

    python scripts/lighthouse.py [--site site] [index.html indicators/2.html ...]

The work is in ita_site/devtools/lighthouse.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.devtools.lighthouse", project=False))
