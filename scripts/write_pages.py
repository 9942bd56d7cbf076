#!/usr/bin/env python3
"""Write the generated Markdown pages to a folder, without MkDocs.

    python scripts/write_pages.py OUT_DIR [--data data] [--arabic-digits] [--no-charts]

The work is in ita_site/commands/write_pages.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.commands.write_pages"))
