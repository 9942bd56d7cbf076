"""scripts/new_agency.py starts another agency's site in one command: data/ keeps the shared
catalogs (indicators/, methodology/) and README.md, gets the new organization.yml, and loses
every file of the previous agency; refused without a change when the values are wrong, when
data/ has uncommitted work, or when any step fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_AGENCY, ROOT, build, git_in, project_copy, replace_in
from workflows import execute, load, run_steps

from ita_site.commands import new_agency
from ita_site.model.files import Organization

ARGS = ["--name", "เทศบาลตำบลหนองตัวอย่าง", "--short-name", "ทต.หนองตัวอย่าง", "--type", "เทศบาลตำบล",
        "--province", "สมมุติ", "--district", "เมืองสมมุติ", "--prepared-by", "สำนักปลัดเทศบาล"]
PREVIOUS = ["พิมาน", "นาแก", "นครพนม"]  # the default agency's names (the fixture's data)
SHARED = {f"indicators/{n:02d}.yml" for n in range(1, 11)} | {"methodology/ita-2564.yml", "methodology/ita-2566.yml", "README.md"}


@pytest.fixture
def project(tmp_path) -> Path:
    """A fork of the project, data/ the default agency's, everything committed."""
    return project_copy(tmp_path / "project", DEFAULT_AGENCY)


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "scripts/new_agency.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=120)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def unchanged(project: Path, before: dict[str, bytes]) -> None:
    """data/ is as it was, and nothing was left next to it."""
    assert files(project / "data") == before
    assert not list(project.glob(".new-agency-*"))


def test_starts_the_new_agency(project):
    before = files(project / "data")
    done = run(project, *ARGS)
    assert done.returncode == 0, done.stderr
    after = files(project / "data")
    assert set(after) == SHARED | {"organization.yml"}
    assert all(after[name] == before[name] for name in SHARED)  # kept as they were
    org = yaml.safe_load(after["organization.yml"])
    assert org == {"name": "เทศบาลตำบลหนองตัวอย่าง", "short_name": "ทต.หนองตัวอย่าง", "type": "เทศบาลตำบล",
                   "district": "เมืองสมมุติ", "province": "สมมุติ", "prepared_by": "สำนักปลัดเทศบาล"}
    Organization.model_validate(org)
    first = after["organization.yml"].decode().splitlines()[0]
    schema = (project / "data" / first.split("$schema=")[1]).resolve()
    assert schema == (project / "schemas/organization.schema.json").resolve()
    # nothing of the previous agency is left in the data: its years (and their hand-written
    # texts), action tables, recommendations, question catalogs
    for name, content in after.items():
        if name.endswith(".yml"):
            assert not [w for w in PREVIOUS if w in content.decode()], name
    assert "data/organization.yml" in done.stdout and "years/" in done.stdout and "scripts/build.sh" in done.stdout
    assert not list(project.glob(".new-agency-*"))
    status = git_in(project, "status", "--porcelain", "--", "data")
    assert " D data/years/2566.yml" in status and " M data/organization.yml" in status  # git has what was removed


def test_prepared_by_is_the_agency_unless_given(project):
    done = run(project, *ARGS[:-2])
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load((project / "data/organization.yml").read_text(encoding="utf-8"))["prepared_by"] == "เทศบาลตำบลหนองตัวอย่าง"


def test_the_project_builds_after_it(project, tmp_path):
    assert run(project, *ARGS).returncode == 0
    result = build(tmp_path / "site", None, cwd=project)
    assert result.returncode == 0, result.stderr
    assert "ทต.หนองตัวอย่าง" in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_refuses_uncommitted_changes_unless_forced(project):
    replace_in(project / "data/years/2566.yml", "  total: 95.07", "  total: 95.07  # แก้")
    before = files(project / "data")
    refused = run(project, *ARGS)
    assert refused.returncode == 1
    assert "ยังไม่ได้บันทึก" in refused.stderr and "not committed" in refused.stderr and "--force" in refused.stderr
    assert "ยังไม่ได้เปลี่ยนแปลงอะไร" in refused.stderr
    unchanged(project, before)
    (project / "data/years/2566.yml").write_bytes(before["years/2566.yml"])
    (project / "data/evidence").mkdir()
    (project / "data/evidence/new.pdf").write_bytes(b"%PDF-1.4\n")  # untracked counts too
    assert run(project, *ARGS).returncode == 1
    forced = run(project, *ARGS, "--force")
    assert forced.returncode == 0, forced.stderr
    assert set(files(project / "data")) == SHARED | {"organization.yml"}


def test_refuses_outside_git_unless_forced(tmp_path):
    project = project_copy(tmp_path / "project", DEFAULT_AGENCY)
    shutil.rmtree(project / ".git")
    before = files(project / "data")
    refused = run(project, *ARGS)
    assert refused.returncode == 1 and "git" in refused.stderr and "--force" in refused.stderr
    unchanged(project, before)
    assert run(project, *ARGS, "--force").returncode == 0


@pytest.mark.parametrize(
    "args, option",
    [
        (["--name", "   "], "--name"),
        (["--province", "ลำ\x07ปาง"], "--province"),
    ],
)
def test_refuses_a_value_the_model_refuses(project, args, option):
    given = list(ARGS)
    given[given.index(args[0]) + 1] = args[1]
    before = files(project / "data")
    refused = run(project, *given)
    assert refused.returncode == 1
    assert f"  {option}: " in refused.stderr and "ใช้ไม่ได้" in refused.stderr, refused.stderr
    unchanged(project, before)


def test_without_a_district_the_agency_is_placed_by_its_province(project, tmp_path):
    """Not every agency is in a district (a provincial office): without --district,
    organization.yml has no district and the site names only the province."""
    done = run(project, *[a for i, a in enumerate(ARGS) if ARGS[i - 1] != "--district" and a != "--district"])
    assert done.returncode == 0, done.stderr
    assert "district" not in yaml.safe_load((project / "data/organization.yml").read_text(encoding="utf-8"))
    result = build(tmp_path / "site", None, cwd=project)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "จังหวัดสมมุติ" in page and "อำเภอ" not in page and "None" not in page


def test_refuses_when_a_shared_catalog_is_broken(project):
    line = replace_in(project / "data/indicators/09.yml", "tool: OIT", "tool: OTI")
    git_in(project, "commit", "-qam", "broken catalog")
    before = files(project / "data")
    refused = run(project, *ARGS)
    assert refused.returncode == 1 and f"data/indicators/09.yml:{line}:" in refused.stderr
    unchanged(project, before)


def test_missing_catalog_is_said(project):
    shutil.rmtree(project / "data/methodology")
    git_in(project, "commit", "-qam", "no methodology")
    refused = run(project, *ARGS)
    assert refused.returncode == 1 and "methodology/" in refused.stderr


# --- never half done: a step that fails leaves data/ as it was -----------------------------

VALUES = dict(zip(["name", "short_name", "type", "province", "district", "prepared_by"], ARGS[1::2]))


def fail(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["copy", "write", "check", "rename"])
def test_a_failing_step_changes_nothing(project, monkeypatch, step):
    before = files(project / "data")
    if step == "copy":
        monkeypatch.setattr(new_agency.shutil, "copytree", fail)
    elif step == "write":
        monkeypatch.setattr(new_agency, "organization_text", fail)
    elif step == "check":
        monkeypatch.setattr(new_agency, "inspect", fail)
    else:  # the second rename (the new folder into place) fails: the first is undone
        real = new_agency.os.rename
        calls = []

        def rename(src, dst):
            calls.append(src)
            if len(calls) == 2:
                fail()
            real(src, dst)

        monkeypatch.setattr(new_agency.os, "rename", rename)
    with pytest.raises(OSError):
        new_agency.start(project / "data", VALUES, project / "schemas")
    unchanged(project, before)
    if step == "rename":
        assert len(calls) == 3  # data/ aside, the new one refused, data/ back


# --- the same from GitHub's web page: the manual workflow ---------------------------------

MANUAL = ROOT / ".github/workflows/new-agency.yml"


def test_the_manual_workflow_asks_what_the_command_asks():
    doc = load(MANUAL)
    assert list(doc["on"]) == ["workflow_dispatch"]
    inputs = doc["on"]["workflow_dispatch"]["inputs"]
    parser_options = {
        a.dest: a.required for a in new_agency.parser()._actions if a.option_strings and a.dest not in ("help", "data", "force")
    }
    assert {k: v["required"] for k, v in inputs.items()} == parser_options
    assert doc["permissions"] == {"contents": "read"}
    assert doc["jobs"]["start"]["permissions"] == {"contents": "write"}  # the only write: its commit
    assert "secrets." not in MANUAL.read_text(encoding="utf-8")


def test_the_manual_workflow_runs_the_command_and_commits(tmp_path):
    project = project_copy(tmp_path / "project", DEFAULT_AGENCY)
    remote = tmp_path / "remote.git"
    git_in(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git_in(project, "remote", "add", "origin", str(remote))
    git_in(project, "push", "-q", "-u", "origin", "main")
    answers = {
        "github.workflow": "Start a new agency",
        "inputs.name": 'เทศบาลตำบลหนองตัวอย่าง $(touch pwned) "; touch pwned2; "',  # a value is never a command
        "inputs.short_name": "ทต.หนองตัวอย่าง",
        "inputs.type": "เทศบาลตำบล",
        "inputs.province": "สมมุติ",
        "inputs.district": "เมืองสมมุติ",
        "inputs.prepared_by": "",  # left empty on the form
    }
    for step in run_steps(MANUAL, "start", answers):
        result, _ = execute(step, project, timeout=300)
        assert result.returncode == 0, f"{step.name}:\n{result.stdout}\n{result.stderr}"
    assert not list(project.rglob("pwned*"))
    pushed = git_in(remote, "show", "main:data/organization.yml")
    org = yaml.safe_load(pushed)
    assert org["name"] == answers["inputs.name"] and org["prepared_by"] == answers["inputs.name"]
    listed = git_in(remote, "ls-tree", "-r", "--name-only", "main", "data").split()
    assert {name.removeprefix("data/") for name in listed} == SHARED | {"organization.yml"}
    assert "scripts/new_agency.py" in git_in(remote, "log", "-1", "--format=%s", "main")
