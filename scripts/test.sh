#!/usr/bin/env bash
# Run the whole test suite (installs Python packages into .venv and, if missing,
# Debian's chromium for the browser tests).
source "$(dirname "$0")/lib/venv.sh"
ensure_venv requirements-dev.txt
cd "$ROOT"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
exec "$VENV/bin/python" -m pytest "$@"
