"""JSON Schema of every kind of data file, generated from the pydantic models.

    python scripts/schema.py              # write schemas/<kind>.schema.json
    python scripts/schema.py --check      # exit 1 if schemas/ differs from the models
    python scripts/schema.py --annotate [DATA_DIR]
                                          # put "# yaml-language-server: $schema=..." at the
                                          # top of every data file (default data/)

Editors (VS Code with the YAML extension, github.dev) read the schema line or the
`yaml.schemas` setting in .vscode/settings.json and then check the file while typing and
show the Thai description of each key.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.kinds import annotate, stale_schemas, write_schemas
from . import project_root


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or project_root()
    schemas = root / "schemas"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that schemas/ is up to date")
    parser.add_argument("--annotate", nargs="?", const=root / "data", type=Path, metavar="DATA_DIR")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_schemas(schemas)
        if stale:
            print(f"schemas/ ไม่ตรงกับโมเดล (out of date): {', '.join(stale)} — รัน python scripts/schema.py", file=sys.stderr)
            return 1
        print("schemas/ ตรงกับโมเดล (up to date)")
        return 0
    if args.annotate is not None:
        data_dir = args.annotate.resolve()
        changed = [p for p in sorted(data_dir.rglob("*.yml")) if annotate(p, data_dir, schemas)]
        for p in changed:
            print(f"เพิ่มบรรทัด schema: {p.relative_to(data_dir.parent)}")
        return 0
    for path in write_schemas(schemas):
        print(f"เขียน {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
