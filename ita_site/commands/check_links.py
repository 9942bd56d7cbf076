"""Check every disclosed web link of the OIT items with lychee; write the report the site shows.

    python scripts/check_links.py [--data DIR] [--previous FILE] [--out DIR] [--timeout S]

Not part of the build (the build never touches the network): run by the publishing workflow
on a schedule, or by hand. Writes OUT/link-health.json (read by the next build through
``extra.ita.link_report`` / ITA_LINK_REPORT: the OIT pages then show the date of the check and
the broken links) and OUT/link-report.md, the Thai report (item, link, status, since when).
"Since when" is carried over from --previous, the link-health.json of the check before.
Exit 0 when the check ran (broken links are in the report; --strict: exit 1 when there are
any), 2 when it could not run (data with errors, no lychee, a bad previous report).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from .. import config, linkcheck
from ..errors import DataErrors
from ..linkhealth import read_report, to_json
from ..site import inspect
from . import project_root


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=root / "data", help="folder of the data (default data/)")
    parser.add_argument("--previous", type=Path, help="link-health.json of the previous check (for 'since when')")
    parser.add_argument("--out", type=Path, default=root / "link-health", help="folder for link-health.json and link-report.md")
    parser.add_argument("--timeout", type=int, default=20, help="seconds to wait for each link (default 20)")
    parser.add_argument("--retries", type=int, default=1, help="retries of a failed link (default 1)")
    parser.add_argument("--lychee", help="the lychee program (default: next to this Python, or on PATH)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a link does not work")
    args = parser.parse_args(argv)
    report = inspect(args.data)
    if report.errors:
        print(DataErrors(report.errors), file=sys.stderr)
        return 2
    site = report.site
    try:
        previous = read_report(args.previous) if args.previous and args.previous.is_file() else None
        lychee = linkcheck.find_lychee(args.lychee or config.lychee())
        urls = [t.url for t in linkcheck.targets(site)]
        results = linkcheck.run_lychee(urls, lychee, timeout=args.timeout, retries=args.retries)
        checker = linkcheck.version(lychee)
    except (ValueError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    health = linkcheck.merge(results, datetime.now(timezone.utc).replace(microsecond=0), checker, previous)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "link-health.json").write_text(json.dumps(to_json(health), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    text = linkcheck.thai_report(site, health)
    (args.out / "link-report.md").write_text(text, encoding="utf-8")
    broken = len(health.failed)
    print(f"ตรวจลิงก์ {len(health.links)} ลิงก์: ใช้ไม่ได้ {broken} ลิงก์ — รายงาน {args.out / 'link-report.md'}")
    return 1 if args.strict and broken else 0


if __name__ == "__main__":
    sys.exit(main())
