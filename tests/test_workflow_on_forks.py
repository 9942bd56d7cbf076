"""A fork whose data/ is valid publishes: the commands of the publishing workflow's build job
(.github/workflows/pages.yml, read from the file, so the test follows the workflow when it
changes) run green on a copy of the project whose data/ is each fixture agency's.

The copy is what a fork holds (conftest's `project_copy`): the files git tracks, data/
replaced by the fixture's, committed in a git repository of its own. Each `run:` step runs as
GitHub runs it (`bash -e`, tests/workflows.py), in the copy, with the environment the workflow
gives it (ITA_REPO_URL, ITA_SITE_URL: the expressions are given a fork's values).
"""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES, ROOT, BuiltSite, project_copy
from workflows import execute, run_steps

WORKFLOW = ROOT / ".github/workflows/pages.yml"
# A fork's answers to the workflow's expressions.
FORK = {
    "github.server_url": "https://github.com",
    "github.repository": "example-org/ita-fork",
    "steps.pages.outputs.base_url": "https://example-org.github.io/ita-fork",
    "vars.ITA_EDITOR_AUTH_URL": "",
    # a push to main: no link check (schedule and manual runs), no earlier link report
    "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'": "false",
    "hashFiles('link-health/link-health.json') != '' && 'link-health/link-health.json' || ''": "",
}


def agencies() -> list[str]:
    """Every fixture that is a complete data folder (tests/fixtures/*/data/organization.yml)."""
    return sorted(p.parent.parent.name for p in FIXTURES.glob("*/data/organization.yml"))


def test_the_build_job_runs_the_readme_commands():
    assert [s.run for s in run_steps(WORKFLOW, "build", FORK)] == ["scripts/build.sh", "scripts/test.sh site"]
    assert {"default_agency", "other_agency"} <= set(agencies())


@pytest.mark.parametrize("agency", agencies())
def test_the_workflow_is_green_for_the_fork(agency, tmp_path):
    fork = project_copy(tmp_path / "fork", FIXTURES / agency / "data")
    timings = []
    for step in run_steps(WORKFLOW, "build", FORK):
        result, seconds = execute(step, fork)
        timings.append(f"{step.name}: {seconds:.0f} s")
        assert result.returncode == 0, f"{step.name} failed for {agency}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    print(f"{agency}: " + "; ".join(timings))
    # the site built is the fork's: its name, its addresses
    site = BuiltSite(fork / "site")
    org = yaml.safe_load((fork / "data/organization.yml").read_text(encoding="utf-8"))
    assert org["short_name"] in site.soup("index.html").title.get_text()
    assert f'{FORK["github.server_url"]}/{FORK["github.repository"]}' in site.html("index.html")
