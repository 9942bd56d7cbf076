#!/usr/bin/env bash
# Run the tests. Installs what they need when it is missing: the Python packages into .venv,
# Debian's chromium (browser tests, the PDF) and poppler-utils (pdftotext, pdftoppm: reading
# the PDF back), Lighthouse and decap-server (npm, pinned in .tools/package-lock.json) into
# .tools/node_modules, and the form editor's pinned JavaScript into .tools/editor/.
#   scripts/test.sh              -> the whole suite: the product's tests (on tests/fixtures/),
#                                   the site checks of data/, then Lighthouse alone
#   scripts/test.sh site [ARGS]  -> only the site checks of the agency's data (tests/agency/: every
#                                   page built, links, no raw syntax, Thai search, 375 px, axe);
#                                   what the publishing workflow runs. --data-dir DIR checks another folder
#   scripts/test.sh ARGS         -> pytest ARGS
source "$(dirname "$0")/lib/venv.sh"
site_only=false
if [ "${1:-}" = "site" ]; then site_only=true; shift; fi
if $site_only; then
  ensure_venv test
else
  ensure_venv test,zensical   # the engine comparison (tests/test_zensical.py) needs the second engine
fi
cd "$ROOT"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ! $site_only; then
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if $site_only; then
  exec "$VENV/bin/python" -m pytest tests/agency "$@"
fi
ensure_tools
"$VENV/bin/python" -m ita_site.commands.install_editor   # the form editor (admin/), driven by tests/test_editor.py
if [ $# -gt 0 ]; then
  exec "$VENV/bin/python" -m pytest "$@"
fi
# The whole suite, then Lighthouse alone: its performance score counts the main-thread work
# it sees in wall-clock time, which the other test worker would inflate.
status=0
"$VENV/bin/python" -m pytest -m "not lighthouse" || status=$?
"$VENV/bin/python" -m pytest -m lighthouse -n 0 -rA || status=$?
exit $status
