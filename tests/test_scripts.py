"""The scripts are the user's commands and stay thin: the work is in the package, and a
script run by a Python without the package runs again with the project's .venv."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPTS = sorted(p for p in (ROOT / "scripts").glob("*.py") if not p.name.startswith("_"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_script_only_calls_the_package(script):
    tree = ast.parse(script.read_text(encoding="utf-8"))
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert not functions, f"{script.name}: move the logic into ita_site/commands or ita_site/devtools"


def test_a_script_run_by_another_python_uses_the_projects_venv(tmp_path):
    """`python3 scripts/validate.py` with a Python that lacks ita_site (the system's) works:
    the script runs again with .venv's Python (made by scripts/build.sh)."""
    base = getattr(sys, "_base_executable", sys.executable)
    probe = subprocess.run([base, "-c", "import ita_site"], capture_output=True, cwd=tmp_path)
    if probe.returncode == 0:
        pytest.skip("the base Python has ita_site too")
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip("the tests do not run in the project's .venv")
    result = subprocess.run([base, str(ROOT / "scripts" / "validate.py"), "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--complete" in result.stdout
