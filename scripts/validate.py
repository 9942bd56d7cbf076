#!/usr/bin/env python3
"""Check every file in data/ and print every problem (file:line:column, what, expected).

    python scripts/validate.py [data-dir]

Exit code 0 when the data is valid, 1 otherwise. The build runs the same checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita_site.errors import DataErrors  # noqa: E402
from ita_site.site import load_site  # noqa: E402


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else ROOT / "data"
    try:
        site = load_site(data)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    years = ", ".join(str(y) for y in site.years)
    print(f"ข้อมูลถูกต้อง (data OK): {site.organization.name}, ปีงบประมาณ {years}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
