"""Running a GitHub Actions job's `run:` steps on this machine, as a runner would: each in
`bash -e` at the root of a project copy, with the environment the workflow gives it. The
`${{ ... }}` expressions and the steps' `if:` conditions are answered from a table the test
gives (one it does not answer fails the test: a new one must be given a value; a condition
runs its step when answered "true")."""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass(frozen=True)
class Step:
    name: str
    run: str
    env: dict[str, str]


def load(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    return doc


def run_steps(path: Path, job: str, answers: dict[str, str]) -> list[Step]:
    """The `run:` steps of `job`, in order, their environment's expressions answered."""
    doc = load(path)
    spec = doc["jobs"][job]

    def answer(value: str) -> str:
        def one(match: re.Match) -> str:
            assert match.group(1) in answers, f"{path.name} uses ${{{{ {match.group(1)} }}}}: give the test a value for it"
            return answers[match.group(1)]

        return EXPRESSION.sub(one, value)

    found = []
    for step in spec["steps"]:
        if "run" not in step:
            continue
        if "if" in step:  # a condition is answered like an expression: "true" runs the step
            condition = str(step["if"])
            assert condition in answers, f"{step.get('name')}: if: {condition}: give the test a value for it"
            if answers[condition] != "true":
                continue
        assert "shell" not in step and "working-directory" not in step, (
            f"{step.get('name')}: run: steps are run in bash -e at the root; teach tests/workflows.py the new key"
        )
        assert not EXPRESSION.search(step["run"]), f"{step.get('name')}: an expression inside run: (pass it through env:)"
        env = {**doc.get("env", {}), **spec.get("env", {}), **step.get("env", {})}
        found.append(Step(step.get("name", step["run"]), step["run"], {k: answer(str(v)) for k, v in env.items()}))
    return found


def runner_environment() -> dict[str, str]:
    """This machine's environment without what would steer the commands: no ITA_* setting and
    nothing of the pytest (and xdist worker) running the test."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ITA_", "PYTEST_", "VIRTUAL_ENV"))}


def execute(step: Step, cwd: Path, timeout: float = 1200) -> tuple[subprocess.CompletedProcess, float]:
    """Run one step as GitHub's runner does (`bash -e`); its result and its seconds."""
    started = time.monotonic()
    result = subprocess.run(["bash", "-e", "-c", step.run], cwd=cwd, env={**runner_environment(), **step.env},
                            capture_output=True, text=True, timeout=timeout)
    return result, time.monotonic() - started
