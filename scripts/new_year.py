#!/usr/bin/env python3
"""Start a new fiscal year: data/years/<year>.yml and questions/<year>.yml with blanks to fill in.

    python scripts/new_year.py 2567 [--data data]

The work is in ita_site/commands/new_year.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.commands.new_year"))
