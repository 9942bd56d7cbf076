"""Fetch the form editor's pinned JavaScript (Decap CMS, js-yaml) into .tools/editor/.

    python -m ita_site.commands.install_editor [--optional]

Run by scripts/build.sh (``--optional``: without npm or without the registry the build goes
on and leaves admin/ out) and scripts/test.sh (required: the editor's tests drive it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..editor.bundle import BundleError, install
from . import project_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--optional", action="store_true", help="a failure is a notice, not an error")
    parser.add_argument("--root", type=Path, default=None, help="the project (default: the one of the current folder)")
    args = parser.parse_args(argv)
    try:
        for bundle, fetched in install(args.root or project_root()):
            if fetched:
                print(f"ติดตั้ง {bundle.package.name} {bundle.package.version} สำหรับหน้าแก้ไขข้อมูล (admin/) แล้ว")
    except BundleError as exc:
        print(f"ไม่ได้ติดตั้งหน้าแก้ไขข้อมูล (form editor not installed): {exc}", file=sys.stderr)
        return 0 if args.optional else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
