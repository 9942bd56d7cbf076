"""The product's tests never read the project's `data/`.

`data/` is the agency's own content: a fork replaces it (`scripts/new_agency.py`), and the
publishing workflow must stay green for any valid data. So the product's tests build and read
the fixtures of `tests/fixtures/` only; `data/` is checked by validation, the strict build and
the site checks of `tests/agency/` (which hold for any valid data).

The test reads the source of every test module (`ast`) and reports each way of reaching the
project's `data/`:

- ``ROOT / "data"`` (or ``ROOT / "data/years/2566.yml"``, ``ROOT.joinpath("data")``);
- a relative path ``"data"`` or ``"data/..."`` opened or loaded (``Path("data")``,
  ``load_site("data")``, ...): relative to the working directory, which is the project;
- ``build(site_dir, None)`` without ``cwd=``, or a ``build()`` whose data dir is None
  unless told: MkDocs reads the project's ``data/``;
- a Python or MkDocs process started in the project (``cwd=ROOT`` or no ``cwd``) that names
  no data folder (an argument or ``ITA_DATA_DIR``): ``scripts/validate.py``,
  ``scripts/new_year.py``, ``mkdocs build`` and the commands read ``data/`` by default.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

TESTS = ROOT / "tests"
# The site checks read the agency's data on purpose (conftest.py: --data-dir).
NOT_PRODUCT = {TESTS / "agency"}
READERS = {"Path", "PurePath", "open", "load_site", "inspect", "read_data", "GitDates", "build_date", "copytree", "copy"}
PROCESS = {"run", "Popen", "check_output", "check_call", "call"}
NO_DATA_NEEDED = {"--help", "--check", "--version", "-h"}


def _is_root(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "ROOT"


def _data_path(node: ast.AST) -> bool:
    """A string constant naming the data folder or a path in it, relative ("data", "data/x")."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.split("/")[0] == "data"


def _name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _assignments(tree: ast.Module) -> dict[str, list[ast.AST]]:
    """NAME = value assignments anywhere in the module (VALIDATE = [sys.executable, ...])."""
    found: dict[str, list[ast.AST]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found.setdefault(node.targets[0].id, []).append(node.value)
    return found


def _text(node: ast.AST, assigned: dict[str, list[ast.AST]]) -> str:
    """The source of `node`, with what the names in it are assigned spelt out (one level)."""
    source = ast.unparse(node)
    for name in {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} & assigned.keys():
        source += " " + " ".join(ast.unparse(value) for value in assigned[name])
    return source


def _elements(command: ast.AST, assigned: dict[str, list[ast.AST]]) -> list[ast.AST]:
    """The elements of a command list, a starred or named list spelt out ([*VALIDATE, x])."""
    if isinstance(command, ast.Name) and command.id in assigned:
        return _elements(assigned[command.id][-1], assigned)
    if not isinstance(command, (ast.List, ast.Tuple)):
        return [command]
    out = []
    for element in command.elts:
        if isinstance(element, ast.Starred):
            out += _elements(element.value, assigned)
        else:
            out.append(element)
    return out


def _runs_python_or_mkdocs(program: ast.AST) -> bool:
    """sys.executable, MKDOCS (conftest's path to mkdocs), "python3", "mkdocs": the project's
    commands read data/ by default; git, check-jsonschema, pdfinfo do not."""
    text = ast.unparse(program)
    return text in ("sys.executable", "MKDOCS") or (isinstance(program, ast.Constant) and str(program.value).startswith(("python", "mkdocs")))


def _names_a_folder(element: ast.AST, assigned: dict[str, list[ast.AST]]) -> bool:
    """An argument that gives the command a folder: str(path) of something not the project
    root, a variable that is not a string of code, "--data", or a name saying data/fixture."""
    text = ast.unparse(element)
    if "data" in text.lower() or "AGENCY" in text or "FIXTURE" in text:
        return True
    if isinstance(element, ast.Call) and _name(element.func) == "str" and element.args:
        inner = element.args[0]
        while isinstance(inner, ast.BinOp):
            inner = inner.left
        return isinstance(inner, ast.Name) and inner.id != "ROOT"
    if isinstance(element, ast.Name) and element.id != "ROOT":
        values = assigned.get(element.id, [])
        return not any(isinstance(v, ast.JoinedStr) or (isinstance(v, ast.Constant) and isinstance(v.value, str)) for v in values)
    return False


def reads_of_the_project_data(source: str, filename: str = "<test>") -> list[str]:
    """Each place in a test module's source that reads the project's data/, as "file:line: what"."""
    tree = ast.parse(source, filename)
    assigned = _assignments(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "build":
            args = node.args.args[-len(node.args.defaults):] if node.args.defaults else []
            for arg, default in zip(args, node.args.defaults):
                if arg.arg == "data_dir" and isinstance(default, ast.Constant) and default.value is None:
                    found.append((node.lineno, "build(): without a data dir, the project's data/ is built"))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and _is_root(node.left) and _data_path(node.right):
            found.append((node.lineno, f"{ast.unparse(node)}: the project's data/"))
        elif isinstance(node, ast.Call):
            name = _name(node.func)
            keywords = {k.arg: k.value for k in node.keywords}
            if name == "joinpath" and _is_root(getattr(node.func, "value", None)) and node.args and _data_path(node.args[0]):
                found.append((node.lineno, f"{ast.unparse(node)}: the project's data/"))
            elif name in READERS and node.args and _data_path(node.args[0]):
                found.append((node.lineno, f"{ast.unparse(node)}: a relative data/ is the project's"))
            elif name == "build" and "cwd" not in keywords and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value is None:
                found.append((node.lineno, f"{ast.unparse(node)}: builds the project's data/"))
            elif name in PROCESS and node.args:
                cwd = keywords.get("cwd")
                if cwd is not None and not _is_root(cwd):
                    continue  # started elsewhere (a copy of the project, a temporary folder)
                program, *arguments = _elements(node.args[0], assigned)
                if not _runs_python_or_mkdocs(program):
                    continue
                if any(isinstance(a, ast.Constant) and a.value in NO_DATA_NEEDED for a in arguments):
                    continue
                env = keywords.get("env")
                if env is not None and "ITA_DATA_DIR" in ast.unparse(env):
                    continue
                if not any(_names_a_folder(a, assigned) for a in arguments):
                    found.append((node.lineno, f"{ast.unparse(node.args[0])}: started in the project without a data folder"))
    return [f"{filename}:{line}: {what}" for line, what in sorted(found)]


def product_test_modules() -> list[Path]:
    return sorted(
        p for p in TESTS.rglob("*.py")
        if "fixtures" not in p.relative_to(TESTS).parts and not any(p.is_relative_to(d) for d in NOT_PRODUCT)
    )


def test_no_product_test_reads_the_project_data():
    modules = product_test_modules()
    assert TESTS / "conftest.py" in modules and TESTS / "test_seed_on_site.py" in modules
    found = [r for p in modules for r in reads_of_the_project_data(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    assert found == []


# --- the check itself: each way of reaching data/ that the tests used before is seen --------

SEEN = {
    "root": 'site = load_site(ROOT / "data")',
    "root file": 'text = (ROOT / "data/years/2566.yml").read_text()',
    "copy": 'shutil.copytree(ROOT / "data", target)',
    "joinpath": 'ROOT.joinpath("data", "years")',
    "relative": 'load_site("data")',
    "relative path": 'Path("data/organization.yml").read_text()',
    "default build": 'result = build(out, None, env={"ITA_PDF": "auto"})',
    "a build() reading data/ unless told": "def build(site_dir, data_dir=None, *extra):\n    pass",
    "validate with no folder": (
        "code = 'import runpy; runpy.run_module(\"ita_site.commands.validate\")'\n"
        "subprocess.run([sys.executable, '-c', code], cwd=ROOT)"
    ),
    "validate script": 'VALIDATE = [sys.executable, str(ROOT / "scripts/validate.py")]\nsubprocess.run(VALIDATE, capture_output=True)',
    "serve": 'subprocess.Popen([MKDOCS, "serve"], cwd=ROOT, env={**os.environ})',
    "build script": 'subprocess.run(["mkdocs", "build", "--strict"])',
}
NOT_SEEN = {
    "fixture": "site = load_site(DEFAULT_AGENCY)",
    "copy of a fixture": 'shutil.copytree(DEFAULT_AGENCY, tmp_path / "data")',
    "a folder named data elsewhere": 'GitDates(repo / "data")',
    "a build in a copy of the project": 'build(tmp_path / "site", None, cwd=project)',
    "a build of a fixture": "build(out, OTHER)",
    "a build() of the fixture unless told": "def build(site_dir, data_dir=DEFAULT_AGENCY, *extra):\n    pass",
    "validate a copy": 'VALIDATE = [sys.executable, str(ROOT / "scripts/validate.py")]\nsubprocess.run([*VALIDATE, str(data_copy)])',
    "help": 'subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), "--help"])',
    "serve a copy": 'subprocess.Popen([MKDOCS, "serve"], cwd=ROOT, env={"ITA_DATA_DIR": str(data_copy)})',
    "git": 'subprocess.run(["git", "log", "-1"], cwd=ROOT)',
    "another tool": 'CHECK = str(Path(sys.executable).parent / "check-jsonschema")\nsubprocess.run([CHECK, str(WORKFLOW)])',
    "validate a fixture given by name": 'VALIDATE = [sys.executable, "scripts/validate.py"]\nsubprocess.run([*VALIDATE, str(new_year), "--complete"])',
    "messages": 'assert m.startswith("data/years/2566.yml:3:")',
}


def test_the_check_sees_each_way_to_data():
    missed = [name for name, source in SEEN.items() if not reads_of_the_project_data(source)]
    assert missed == []
    wrong = {name: reads_of_the_project_data(source) for name, source in NOT_SEEN.items()}
    assert {k: v for k, v in wrong.items() if v} == {}
