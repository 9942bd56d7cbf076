"""Build the published site with Zensical instead of MkDocs (same pages, search, open data,
feed and PDFs).

    scripts/build.sh zensical [--site-dir site] [--config-file mkdocs.yml]

The settings are mkdocs.yml's `extra.ita` and the same environment variables as a MkDocs
build (ITA_DATA_DIR, ITA_PDF, ...). Exit code 1 on bad data or settings, with the same Thai
messages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import config
from ..errors import DataErrors
from ..pdf import PdfError
from ..search import SearchIndexError
from . import project_root


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    from ..engines.zensical import ZensicalError, build_site

    root = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", "-f", type=Path, default=root / "mkdocs.yml")
    parser.add_argument("--site-dir", "-d", type=Path, default=None, help="default: site_dir of mkdocs.yml")
    args = parser.parse_args(argv)
    file = args.config_file.resolve()
    try:
        raw = config.read_engine_config(file)
        settings = config.load(
            (raw.get("extra") or {}).get("ita"), file.parent, docs_dir=raw.get("docs_dir", "docs"),
            site_url=raw.get("site_url"), repo_url=raw.get("repo_url"), config_file=file,
        )  # fmt: skip
        out = args.site_dir or file.parent / raw.get("site_dir", "site")
        build = build_site(settings, out, file, log=lambda line: print(f"INFO    -  ita: {line}", file=sys.stderr))
    except (config.ConfigError, DataErrors, PdfError, SearchIndexError, ZensicalError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{len(build.pages)} pages built with Zensical into {out} ({build.stats.seconds.get('engine', 0):.1f} s in zensical build)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
