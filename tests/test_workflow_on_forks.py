"""A fork whose data/ is valid publishes: the commands of the publishing workflow's build job
(.github/workflows/pages.yml, read from the file, so the test follows the workflow when it
changes) run green on a copy of the project whose data/ is each fixture agency's.

The copy is what a fork holds (conftest's `project_copy`): the files git tracks, data/
replaced by the fixture's, committed in a git repository of its own. Each `run:` step runs as GitHub runs it (`bash -e`), in the copy, with the
environment the workflow gives it (ITA_REPO_URL, ITA_SITE_URL: the expressions are given
a fork's values).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, BuiltSite, project_copy

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


def runner_environment() -> dict[str, str]:
    """This machine's environment without what would steer the commands: no ITA_* setting and
    nothing of the pytest (and xdist worker) running this test."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ITA_", "PYTEST_", "VIRTUAL_ENV"))}


def test_the_build_job_runs_the_readme_commands():
    assert [s["run"] for s in build_steps()] == ["scripts/build.sh", "scripts/test.sh site"]
    assert {"default_agency", "other_agency"} <= set(agencies())


@pytest.mark.parametrize("agency", agencies())
def test_the_workflow_is_green_for_the_fork(agency, tmp_path):
    fork = project_copy(tmp_path / "fork", FIXTURES / agency / "data")
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
