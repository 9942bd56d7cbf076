# Shared by scripts/build.sh and scripts/test.sh: make .venv and install the project into it
# (pip install -e ".[extras]": the ita_site package and its pinned dependencies from
# pyproject.toml), once per change of pyproject.toml or of the extras asked (a stamp holds
# their hash).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

# ensure_venv [EXTRA]: the package with the dependencies of the build, and of EXTRA (test)
ensure_venv() {
  local extra="${1:-}"
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  local target="."
  if [ -n "$extra" ]; then target=".[$extra]"; fi
  local stamp="$VENV/.installed${extra:+-$extra}"
  local want
  want="$( (cat "$ROOT/pyproject.toml"; echo "$extra") | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! (cd / && "$VENV/bin/python" -c "import ita_site" 2>/dev/null); then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$target")
    echo "$want" > "$stamp"
  fi
}
export NO_MKDOCS_2_WARNING=1

# The Node tools of the tests (Lighthouse), exactly as pinned in .tools/package-lock.json,
# installed once per change of that file (npm ci; a stamp holds its hash).
ensure_tools() {
  local dir="$ROOT/.tools"
  local stamp="$dir/node_modules/.installed-lock"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$stamp"
  fi
}
