#!/usr/bin/env bash
# Run the whole test suite. Installs what the tests need when it is missing: the Python
# packages into .venv, Debian's chromium (browser tests, the PDF) and poppler-utils
# (pdftotext, pdftoppm: reading the PDF back), and Lighthouse (npm, pinned in
# .tools/package-lock.json) into .tools/node_modules.
source "$(dirname "$0")/lib/venv.sh"
ensure_venv test,zensical   # the engine comparison (tests/test_zensical.py) needs the second engine
cd "$ROOT"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
ensure_tools
if [ $# -gt 0 ]; then
  exec "$VENV/bin/python" -m pytest "$@"
fi
# The whole suite, then Lighthouse alone: its performance score counts the main-thread work
# it sees in wall-clock time, which the other test worker would inflate.
status=0
"$VENV/bin/python" -m pytest -m "not lighthouse" || status=$?
"$VENV/bin/python" -m pytest -m lighthouse -n 0 -rA || status=$?
exit $status
