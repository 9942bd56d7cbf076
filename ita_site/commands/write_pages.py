"""Write the generated Markdown pages to a folder, without MkDocs.

    python scripts/write_pages.py OUT_DIR [--data data] [--arabic-digits] [--no-charts]

The same page builders as the MkDocs hook; any Markdown engine can build OUT_DIR
(tables, attribute lists `{: #id }` and raw HTML blocks are used). A file `nav.yml` holds
the navigation in MkDocs' `nav` format.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..config import ConfigError, source_date_epoch
from ..dates import build_date
from ..errors import DataErrors
from ..pages import Options, build_pages, nav
from ..pages import build_assets
from ..provenance import GitDates
from ..site import load_site
from . import project_root


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=root / "data")
    parser.add_argument("--arabic-digits", action="store_true", help="Arabic digits in prose too")
    parser.add_argument("--no-charts", action="store_true", help="no charts (tables only)")
    args = parser.parse_args(argv)
    try:  # "today" of the pages (overdue actions): SOURCE_DATE_EPOCH, as the build takes it
        site = load_site(args.data, build_date(args.data, epoch=source_date_epoch()))
    except (DataErrors, ConfigError) as exc:
        print(exc, file=sys.stderr)
        return 1
    options = Options(thai_digits=not args.arabic_digits, charts=not args.no_charts)
    pages = build_pages(site, options, dates=GitDates(args.data))
    for page in pages:
        target = args.out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    assets = build_assets(site, options)
    for asset in assets:  # the open data files the pages link to
        target = args.out / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.content)
    (args.out / "nav.yml").write_text(
        yaml.safe_dump({"nav": nav(pages, site)}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    print(f"{len(pages)} pages and {len(assets)} data files written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
