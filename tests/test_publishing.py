"""Publishing: the GitHub Pages workflow, the pre-commit hooks, and a site that works under
a project sub-path (https://ORG.github.io/REPO/) with edit links to the data files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DEFAULT_AGENCY, ROOT, build

WORKFLOW = ROOT / ".github/workflows/pages.yml"
PRECOMMIT = ROOT / ".pre-commit-config.yaml"
CHECK_JSONSCHEMA = str(Path(sys.executable).parent / "check-jsonschema")
OFFICIAL = {
    "actions/checkout", "actions/setup-python", "actions/cache", "actions/configure-pages",
    "actions/upload-pages-artifact", "actions/deploy-pages",
}


def workflow() -> dict:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    return doc


def steps(doc: dict) -> list[dict]:
    return [s for job in doc["jobs"].values() for s in job.get("steps", [])]


def pins(*groups: str) -> dict[str, str]:
    """name -> pinned version of pyproject.toml's dependencies ("runtime") or an extra ("test")."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for group in groups:
        deps = project["dependencies"] if group == "runtime" else project["optional-dependencies"][group]
        for dep in deps:
            name, version = dep.split("==")
            found[re.sub(r"\[.*\]", "", name).lower()] = version
    return found


def test_every_dependency_is_pinned():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    assert deps and all(re.fullmatch(r"[A-Za-z0-9_.\-]+(\[[a-z,]+\])?==[0-9][^\s]*", d) for d in deps), deps


# --- the workflow -------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / ".github/workflows").glob("*.yml")), ids=lambda p: p.name)
def test_workflow_is_valid_for_github(path):
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", str(broken)], capture_output=True, text=True
    )
    assert result.returncode != 0


def test_least_privilege():
    doc = workflow()
    assert doc["permissions"] == {"contents": "read"}
    deploy = doc["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in doc["jobs"].items():
        if name == "deploy":
            continue
        assert "write" not in (job.get("permissions") or {}).values(), name
        assert job.get("permissions", {}).get("id-token") is None, name


def test_no_secrets_and_only_official_actions():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "secrets." not in text
    used = {s["uses"].split("@")[0] for s in steps(workflow()) if "uses" in s}
    assert used == OFFICIAL
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):  # the manual new-agency one too
        assert "secrets." not in path.read_text(encoding="utf-8"), path.name
        for s in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in s:
                assert s["uses"].split("@")[0] in OFFICIAL, (path.name, s["uses"])
                assert re.fullmatch(r"v[0-9]+", s["uses"].split("@")[1]), s["uses"]


def test_pull_requests_are_checked_and_main_is_deployed():
    doc = workflow()
    assert "pull_request" in doc["on"]
    assert doc["on"]["push"]["branches"] == ["main"]
    steps = doc["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and "if" not in s]
    # the README's commands: build.sh validates (scripts/validate.py) then builds --strict;
    # then the site checks of data/ (tests/agency/), not the product's tests: a fork's valid data
    # publishes whatever the machine (tests/test_workflow_on_forks.py runs these commands)
    assert runs == ["scripts/build.sh", "scripts/test.sh site"]
    # the only conditional run: the link check, on the weekly schedule and manual runs
    (check,) = [s for s in steps if "run" in s and "if" in s]
    assert "scripts/check_links.py" in check["run"] and "schedule" in check["if"] and "workflow_dispatch" in check["if"]
    test_sh = (ROOT / "scripts/test.sh").read_text(encoding="utf-8")
    assert 'pytest tests/agency "$@"' in test_sh
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").strip().endswith("exec scripts/test.sh")  # developers: everything
    build_sh = (ROOT / "scripts/build.sh").read_text(encoding="utf-8")
    assert "scripts/validate.py" in build_sh and "build --strict" in build_sh
    deploy = doc["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    upload = next(s for s in doc["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site" and upload["if"] == deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"


def test_concurrency_group_and_full_history():
    doc = workflow()
    assert doc["concurrency"]["group"]
    checkout = next(s for s in steps(doc) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # dates of pages come from git history
    setup = next(s for s in steps(doc) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"


def test_the_build_cache_is_kept_between_runs():
    """.cache/ita (extra.ita.cache_dir) restored before the build: content-addressed, so the
    newest cache of any earlier run is safe to use."""
    doc = workflow()
    names = [s.get("uses", s.get("run", "")) for s in doc["jobs"]["build"]["steps"]]
    cache = next(s for s in doc["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert names.index(cache["uses"]) < names.index("scripts/build.sh")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert cache["with"]["path"] == config["extra"]["ita"]["cache_dir"]
    assert "github.sha" in cache["with"]["key"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])


def test_addresses_come_from_the_repository_not_from_the_file():
    step = next(s for s in workflow()["jobs"]["build"]["steps"] if s.get("run") == "scripts/build.sh")
    assert step["env"]["ITA_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "steps.pages.outputs.base_url" in step["env"]["ITA_SITE_URL"]
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url: !ENV ITA_REPO_URL" in config and "site_url: !ENV ITA_SITE_URL" in config


# --- pre-commit ---------------------------------------------------------------------------


def test_pre_commit_config_runs_the_validator_and_checks_the_workflow():
    config = yaml.safe_load(PRECOMMIT.read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    entries = {h["id"]: h for h in local["hooks"]}
    assert entries["ita-validate"]["entry"] == "python -m ita_site.commands.validate"
    for hook in local["hooks"]:
        module = hook["entry"].split()[2]  # python -m MODULE: run from the checkout, nothing installed
        assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), module
        assert hook["pass_filenames"] is False
        assert re.search(hook["files"], "data/years/2566.yml") or re.search(hook["files"], "schemas/year.schema.json")
        # the hook's own environment has the pinned versions of the build
        wanted = pins("runtime")
        for dep in hook["additional_dependencies"]:
            name, version = dep.split("==")
            assert wanted[name.lower()] == version, dep
    jsonschema = next(r for r in config["repos"] if "check-jsonschema" in r["repo"])
    assert jsonschema["rev"] == pins("test")["check-jsonschema"]
    assert [h["id"] for h in jsonschema["hooks"]] == ["check-github-workflows"]


@pytest.mark.parametrize("module", ["ita_site.commands.validate", "ita_site.commands.schema"])
def test_pre_commit_commands_need_only_pydantic_and_pyyaml(module):
    """The hooks install pydantic and pyyaml only and run `python -m` from the checkout: the
    commands must not import the site builder."""
    blocked = ["jinja2", "markupsafe", "mkdocs", "markdown", "bs4", "altair", "playwright"]
    code = (
        "import sys, runpy\n"
        f"for name in {blocked!r}: sys.modules[name] = None\n"
        f"sys.argv = [{module!r}] + sys.argv[1:]\n"
        f"runpy.run_module({module!r}, run_name='__main__', alter_sys=True)\n"
    )
    arguments = ["--check"] if module.endswith("schema") else [str(DEFAULT_AGENCY)]  # never the project's data/
    result = subprocess.run([sys.executable, "-c", code, *arguments], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the site as published: a sub-path, edit links ----------------------------------------

REPO = "https://github.com/example-org/ita-site"
SITE_URL = "https://example-org.github.io/ita-site/"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site built as the workflow builds it (ITA_REPO_URL and ITA_SITE_URL set)."""
    out = tmp_path_factory.mktemp("published")
    result = build(out, env={"ITA_REPO_URL": REPO, "ITA_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


ABSOLUTE = re.compile(r"""(?:href|src)\s*=\s*["']?/(?!/)""")


def test_no_absolute_internal_links_in_any_page(published):
    """Under https://ORG.github.io/REPO/ a link "/x" would leave the site: every link is relative.
    The one exception is 404.html, which GitHub Pages serves at any depth: its links carry the
    sub-path from site_url (set by the workflow)."""
    pages = sorted(published.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html" and page.parent == published:
            for link in re.findall(r"""(?:href|src)=["'](/[^"']*)""", html):
                assert link.startswith("/ita-site/"), link
            continue
        assert not ABSOLUTE.search(html), (page, ABSOLUTE.search(html))


def test_no_absolute_links_in_the_default_build_either(site):
    for page in site.path.rglob("*.html"):
        if page.name != "404.html":
            assert not ABSOLUTE.search(page.read_text(encoding="utf-8")), page


def edit_link(html: str) -> str | None:
    a = BeautifulSoup(html, "lxml").select_one("a.md-content__button[href*='/edit/']")
    return a["href"] if a else None


def test_every_generated_page_edits_the_yaml_it_is_built_from(published):
    from ita_site.pages import build_pages
    from ita_site.site import load_site

    pages = build_pages(load_site(DEFAULT_AGENCY))
    assert pages
    folder = DEFAULT_AGENCY.relative_to(ROOT).as_posix()  # the data folder, from the project root
    for page in pages:
        html = (published / page.path.replace(".md", ".html")).read_text(encoding="utf-8")
        link = edit_link(html)
        assert page.sources[0].startswith("data/")  # as shown: from the data folder's parent
        source = f"{folder}/{page.sources[0].removeprefix('data/')}"
        assert link == f"{REPO}/edit/main/{source}", (page.path, link)
        assert re.fullmatch(rf"{REPO}/edit/main/{folder}/.+\.yml", link)
        assert (ROOT / source).is_file()


def test_guide_pages_edit_their_markdown(published):
    guide = sorted((ROOT / "docs/guide").glob("*.md"))
    assert guide
    for md in guide:
        html = (published / "guide" / md.name.replace(".md", ".html")).read_text(encoding="utf-8")
        assert edit_link(html) == f"{REPO}/edit/main/docs/guide/{md.name}"


def test_without_a_repository_there_is_no_edit_link(site):
    assert edit_link(site.html("index.html")) is None
    assert edit_link(site.html("guide/index.html")) is None
