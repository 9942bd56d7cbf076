#!/usr/bin/env python3
"""Start the site of another agency: data/ keeps the shared catalogs, gets a new organization.yml.

    python scripts/new_agency.py --name NAME --short-name SHORT --type TYPE --province PROVINCE
                                 [--district DISTRICT] [--prepared-by UNIT] [--force]

The work is in ita_site/commands/new_agency.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.commands.new_agency"))
