#!/usr/bin/env python3
"""JSON Schema of every kind of data file, generated from the pydantic models.

    python scripts/schema.py [--check | --annotate [DATA_DIR]]

The work is in ita_site/commands/schema.py.
"""

import _project

if __name__ == "__main__":
    raise SystemExit(_project.run("ita_site.commands.schema"))
