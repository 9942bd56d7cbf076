"""Check every file in data/ and print every problem at once (file:line:column, what, expected).

    python scripts/validate.py [data-dir] [--complete]

Exit code 0 when the data is valid, 1 otherwise. Values left blank (null) in the fiscal year
being filled are listed as "ยังไม่ได้กรอก" (to fill in) but are not errors, unless
--complete is given. Warnings ("คำเตือน", e.g. another agency's name in the prose) are
listed and do not change the exit code. The build runs the same checks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import ConfigError, source_date_epoch
from ..dates import build_date
from ..errors import DataErrors
from ..site import inspect
from ..summary import ok_line, todo_lines, warning_lines
from . import project_root


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=root / "data", help="folder of the data (default data/)")
    parser.add_argument("--complete", action="store_true", help="values still to fill in are errors too")
    args = parser.parse_args(argv)
    try:  # "today" of the checks: SOURCE_DATE_EPOCH, as the build takes it
        day = build_date(args.data, epoch=source_date_epoch())
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 1
    report = inspect(args.data, day)
    if report.errors:
        print(DataErrors(report.errors), file=sys.stderr)
    for line in todo_lines(report):
        print(line)
    for line in warning_lines(report):
        print(line)
    if report.errors or (args.complete and report.todo):
        return 1
    print(ok_line(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
