"""A fork whose data/ is valid publishes: the commands of the publishing workflow's build job
(.github/workflows/pages.yml, read from the file, so the test follows the workflow when it
changes) run green on a copy of the project whose data/ is each fixture agency's.

The copy is what a fork holds: the files git tracks (as they are in the working tree), data/
replaced by the fixture's, committed in a git repository of its own (the build reads its
dates from git). Each `run:` step runs as GitHub runs it (`bash -e`), in the copy, with the
environment the workflow gives it (ITA_REPO_URL, ITA_SITE_URL: the expressions are given
a fork's values). What the copy shares with this project, to save minutes: the packages of
`.venv` (the same pinned versions; a runner installs them from pip's cache; see `shared_venv`)
and `.cache/` (content-addressed, never stale; the workflow restores it from an earlier run too).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, BuiltSite

WORKFLOW = ROOT / ".github/workflows/pages.yml"
# The fork's answers to the workflow's expressions; an expression not listed fails the test
# (a new one must be given a value here).
FORK = {
    "github.server_url": "https://github.com",
    "github.repository": "example-org/ita-fork",
    "steps.pages.outputs.base_url": "https://example-org.github.io/ita-fork",
}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def agencies() -> list[str]:
    """Every fixture that is a complete data folder (tests/fixtures/*/data/organization.yml)."""
    return sorted(p.parent.parent.name for p in FIXTURES.glob("*/data/organization.yml"))


def build_steps() -> list[dict]:
    """The `run:` steps of the build job, in order: name, command, environment."""
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = doc["jobs"]["build"]
    found = []
    for step in job["steps"]:
        if "run" not in step:
            continue
        assert "if" not in step and "shell" not in step and "working-directory" not in step, (
            f"{step.get('name')}: this test runs every run: step in bash -e at the root; teach it the new key"
        )
        env = {**doc.get("env", {}), **job.get("env", {}), **step.get("env", {})}
        found.append({"name": step.get("name", step["run"]), "run": step["run"], "env": {k: evaluate(str(v)) for k, v in env.items()}})
    return found


def evaluate(value: str) -> str:
    def answer(match: re.Match) -> str:
        assert match.group(1) in FORK, f"the workflow uses ${{{{ {match.group(1)} }}}}: give a fork's value in FORK"
        return FORK[match.group(1)]

    return EXPRESSION.sub(answer, value)


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def fork_of(agency: str, target: Path) -> Path:
    """The project's tracked files, with data/ replaced by the fixture agency's, committed."""
    for name in tracked_files():
        if name.startswith("data/"):
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(FIXTURES / agency / "data", target / "data")
    shared_venv(target / ".venv")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", f"fork with the data of {agency}"]):
        subprocess.run(["git", *args], cwd=target, env=env, check=True, capture_output=True)
    return target


def shared_venv(venv: Path) -> None:
    """The copy's .venv: this project's packages (each entry of .venv linked), with stamps of
    its own saying they are installed (scripts/lib/venv.sh), so the copy's scripts never run
    pip: an install from the copy would point the shared editable install at the copy."""
    venv.mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if not entry.name.startswith(".installed"):
            (venv / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    for extra in ("", "test"):  # the stamp: sha256 of pyproject.toml and the extra's name, as venv.sh writes it
        stamp = venv / (".installed" + (f"-{extra}" if extra else ""))
        stamp.write_text(hashlib.sha256(pyproject + extra.encode() + b"\n").hexdigest() + "\n", encoding="utf-8")


def runner_environment() -> dict[str, str]:
    """This machine's environment without what would steer the commands: no ITA_* setting and
    nothing of the pytest (and xdist worker) running this test."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ITA_", "PYTEST_", "VIRTUAL_ENV"))}


def test_the_build_job_runs_the_readme_commands():
    assert [s["run"] for s in build_steps()] == ["scripts/build.sh", "scripts/test.sh site"]
    assert {"default_agency", "other_agency"} <= set(agencies())


@pytest.mark.parametrize("agency", agencies())
def test_the_workflow_is_green_for_the_fork(agency, tmp_path):
    fork = fork_of(agency, tmp_path / "fork")
    timings = []
    for step in build_steps():
        started = time.monotonic()
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=fork,
            env={**runner_environment(), **step["env"]},
            capture_output=True,
            text=True,
            timeout=1200,
        )
        timings.append(f"{step['name']}: {time.monotonic() - started:.0f} s")
        assert result.returncode == 0, f"{step['name']} failed for {agency}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    print(f"{agency}: " + "; ".join(timings))
    # the site built is the fork's: its name, its addresses
    site = BuiltSite(fork / "site")
    org = yaml.safe_load((fork / "data/organization.yml").read_text(encoding="utf-8"))
    assert org["short_name"] in site.soup("index.html").title.get_text()
    assert f'{FORK["github.server_url"]}/{FORK["github.repository"]}' in site.html("index.html")
