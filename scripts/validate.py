#!/usr/bin/env python3
"""Check every file in data/ and print every problem at once (file:line:column, what, expected).

    python scripts/validate.py [data-dir] [--complete]

The work is in ita_site/commands/validate.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.commands.validate"))
