#!/usr/bin/env bash
# Build the site from data/ into site/ (installs what it needs into .venv first).
# The full reports are printed to PDF when a Chromium is on the machine (extra.ita.pdf: auto);
# without one the build goes on and the pages link no PDF. The form editor at admin/ (Decap CMS,
# pinned) is fetched once into .tools/editor/ when npm is there; without it, no admin/.
#   scripts/build.sh          -> site/ (mkdocs build --strict)
#   scripts/build.sh serve    -> live preview on http://127.0.0.1:8000 (mkdocs serve)
#   scripts/build.sh zensical -> site/ built by Zensical instead of MkDocs (same pages, search, PDFs)
source "$(dirname "$0")/lib/venv.sh"
if [ "${1:-build}" = "zensical" ]; then
  shift
  ensure_venv zensical
  cd "$ROOT"
  "$VENV/bin/python" -m ita_site.commands.install_editor --optional
  "$VENV/bin/python" scripts/validate.py
  exec "$VENV/bin/python" -m ita_site.commands.build_zensical "$@"
fi
ensure_venv
cd "$ROOT"
# the form editor's pinned JavaScript (admin/): without npm or the registry the site is built without it
"$VENV/bin/python" -m ita_site.commands.install_editor --optional
if [ "${1:-build}" = "serve" ]; then
  shift
  exec "$VENV/bin/mkdocs" serve "$@"
fi
"$VENV/bin/python" scripts/validate.py
exec "$VENV/bin/mkdocs" build --strict "$@"
