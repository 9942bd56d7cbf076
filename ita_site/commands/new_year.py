"""Start a new fiscal year: data/years/<year>.yml with blanks to fill in, from the latest year.

    python scripts/new_year.py 2567 [--data data]

Writes years/<year>.yml (methodology and indicator names of the latest year, every score
and the total as `null  # TODO`) and questions/<year>.yml (the latest question catalog, or
an empty one). Then lists what is still to fill in. Until every blank is filled, the site
shows the year as "รอกรอกข้อมูล" and the home page stays on the latest published year. A
figure the agency does not have is deleted, not left null (see data/README.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..scaffold import ScaffoldError, new_year
from ..site import inspect
from ..summary import ok_line, todo_lines
from . import project_root

NEXT = "ขั้นต่อไป: เปิดไฟล์ที่สร้าง แทน null ด้วยคะแนนจากรายงานของ ป.ป.ช. แล้วรัน python scripts/validate.py"


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("year", type=int, help="ปีงบประมาณ พ.ศ. เช่น 2567")
    parser.add_argument("--data", type=Path, default=root / "data", help="folder of the data (default data/)")
    args = parser.parse_args(argv)
    try:
        made = new_year(args.data, args.year, root / "schemas")
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    origin = f"จากปี {made.base}" if made.base else f"(ปีแรก หลักเกณฑ์ {made.methodology})"
    print(f"สร้างปี {made.year} {origin} แล้ว:")
    for path in made.written:
        print(f"  {path.resolve().relative_to(args.data.resolve().parent)}")
    report = inspect(args.data)
    for line in todo_lines(report):
        print(line)
    if report.site is not None:
        print(ok_line(report))
    print(NEXT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
