#!/usr/bin/env python3
"""What a reader's phone downloads: bytes per page type on first load, and for one search.

    python scripts/page_weight.py [--site site] [--query ร้องเรียน] [-v]

The work is in ita_site/devtools/page_weight.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.devtools.page_weight", project=False))
