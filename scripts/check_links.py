#!/usr/bin/env python3
"""Check every disclosed web link of the OIT items with lychee; write the report the site shows.

    python scripts/check_links.py [--data DIR] [--previous FILE] [--out DIR] [--timeout S]

Not part of the build. The work is in ita_site/commands/check_links.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.commands.check_links"))
