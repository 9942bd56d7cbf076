"""The package's shape: one installed package, layers that only point down, no import cycle.

``LAYERS`` is the architecture (README "How it works"): a module may import modules of its
own layer or of a lower one, never of a higher one. The imports are read from the source
(``ast``), lazy imports inside functions included, so a cycle hidden in a function body is
found too. Each unit is also imported alone in a fresh interpreter.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "ita_site"

# low -> high; a unit is a top-level module or sub-package of ita_site
LAYERS: list[set[str]] = [
    {"errors", "wording", "paths", "git", "caching", "local_server", "citations", "evidence", "linkhealth"},
    {"model", "dates", "provenance"},
    {"inputs", "scoring"},
    {"rules", "config"},
    {"site"},
    {"narrative", "tracking", "summary", "scaffold", "disclosure", "build_messages"},
    {"templating"},
    {"assets", "charts", "opendata", "feed", "editor"},
    {"pages"},
    {"search", "pdf", "linkcheck"},
    {"build"},
    {"engines"},
    {"commands", "devtools"},
]


def units(package: Path = PACKAGE) -> dict[str, Path]:
    found = {}
    for path in sorted(package.iterdir()):
        if path.suffix == ".py" and path.stem != "__init__":
            found[path.stem] = path
        elif path.is_dir() and (path / "__init__.py").is_file():
            found[path.name] = path
    return found


def imports_of(module: Path, package_parts: list[str]) -> set[str]:
    """The units of ita_site that `module` imports (at any depth of its code)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - (node.level - 1)]
            else:
                base = []
            target = base + (node.module.split(".") if node.module else [])
            names = [".".join(target)] + [".".join(target + [a.name]) for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "ita_site" and len(parts) > 1:
                found.add(parts[1])
    return found


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """unit -> the other units it imports."""
    edges: dict[str, set[str]] = {}
    for unit, path in units(package).items():
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        deps: set[str] = set()
        for f in files:
            rel = f.relative_to(package.parent).with_suffix("").parts
            package_parts = list(rel[:-1])  # the package the module is in (for relative imports)
            deps |= imports_of(f, package_parts)
        edges[unit] = deps - {unit}
    return edges


def layer_of(unit: str, layers: list[set[str]] = LAYERS) -> int:
    return next(i for i, layer in enumerate(layers) if unit in layer)


def upward(edges: dict[str, set[str]], layers: list[set[str]] = LAYERS) -> list[str]:
    return [
        f"{unit} (layer {layer_of(unit, layers)}) imports {dep} (layer {layer_of(dep, layers)})"
        for unit, deps in sorted(edges.items())
        for dep in sorted(deps)
        if layer_of(dep, layers) > layer_of(unit, layers)
    ]


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(unit: str, path: list[str]) -> list[str] | None:
        seen[unit] = 1
        for dep in sorted(edges.get(unit, ())):
            if seen.get(dep) == 1:
                return path + [unit, dep]
            if dep not in seen and (cycle := visit(dep, path + [unit])):
                return cycle
        seen[unit] = 2
        return None

    for unit in sorted(edges):
        if unit not in seen and (cycle := visit(unit, [])):
            return cycle
    return None


def test_every_unit_has_a_layer():
    missing = sorted(u for u in units() if not any(u in layer for layer in LAYERS))
    assert not missing, f"add these to LAYERS (and README's diagram): {missing}"
    gone = sorted(u for layer in LAYERS for u in layer if u not in units())
    assert not gone, f"LAYERS names units that do not exist: {gone}"


def test_layers_only_point_down():
    assert not upward(graph())


def test_no_import_cycle():
    cycle = find_cycle(graph())
    assert cycle is None, " -> ".join(cycle)


def test_the_checks_see_a_cycle_and_an_upward_import(tmp_path):
    """A control: a made-up package whose low module imports a high one, lazily, in a
    function, and relatively; the reader finds the cycle and the upward import."""
    pkg = tmp_path / "ita_site"
    (pkg / "high").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "low.py").write_text("def f():\n    from .high.part import g\n")
    (pkg / "high" / "__init__.py").write_text("")
    (pkg / "high" / "part.py").write_text("from ..low import f\nimport ita_site.low\n")
    edges = graph(pkg)
    assert edges == {"low": {"high"}, "high": {"low"}}
    assert find_cycle(edges) in (["high", "low", "high"], ["low", "high", "low"])
    assert upward(edges, [{"low"}, {"high"}]) == ["low (layer 0) imports high (layer 1)"]


@pytest.mark.parametrize("unit", sorted(units()))
def test_each_unit_imports_alone(unit):
    result = subprocess.run([sys.executable, "-c", f"import ita_site.{unit}"], cwd="/", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_package_is_installed_and_imports_from_any_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", "import ita_site, pathlib; print(pathlib.Path(ita_site.__file__).parent)"],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == PACKAGE


def test_no_sys_path_edits():
    offenders = []
    for folder in ("ita_site", "hooks", "scripts", "tests", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == Path(__file__):
                continue
            if "sys.path" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


def test_the_readme_shows_the_same_layers():
    """README "How it works" lists the layers as a table; it must be this one."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| (`.*`) \|$", text, flags=re.M)
    shown = [set(re.findall(r"`([a-z_]+)`", units)) for _, units in sorted(rows, key=lambda r: int(r[0]))]
    assert shown == LAYERS
