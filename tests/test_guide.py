"""The staff guide (docs/guide/, hand-written Thai) is in the site, and what it shows is true:
its example messages are the validator's own, its files and commands exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_AGENCY, ROOT, BuiltSite, git_in, project_copy, replace_in
from workflows import runner_environment

from ita_site.inputs.loader import EVIDENCE_FOLDER
from ita_site.templating import labels
from ita_site.site import inspect

GUIDE = ROOT / "docs/guide"


def guide_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(GUIDE.glob("*.md")))


def test_guide_is_in_the_navigation_under_its_section(site):
    soup = site.soup("index.html")
    section = next(
        li for li in soup.select("nav.md-nav--primary > ul > li")
        if li.find("label") and labels()["nav"]["guide"] in li.find("label").get_text()
    )
    links = [a["href"] for a in section.select("a[href]")]
    files = sorted(GUIDE.glob("*.md"), key=lambda p: (p.name != "index.md", p.name))
    assert [h.split("/")[-1] for h in links] == [p.name.replace(".md", ".html") for p in files]
    for page in files:
        title = next(line[2:] for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
        assert site.soup(f"guide/{page.name.replace('.md', '.html')}").h1.get_text(strip=True).startswith(title)


def test_guide_covers_what_a_clerk_needs():
    text = guide_text()
    for topic in ("Fork", "scripts/new_year.py", "scripts/validate.py", "GitHub Pages", "data/years/", "ที่ถูกต้อง"):
        assert topic in text, topic


def example_lines() -> list[str]:
    """Lines of the guide's code blocks that are validator messages (start with data/...:N:N:)."""
    found = []
    for line in guide_text().splitlines():
        line = line.strip()
        if re.match(r"data/[^ :]+\.yml:[0-9]+:[0-9]+: ", line):
            found.append(line)
    return found


def test_example_messages_in_the_guide_are_what_the_validator_prints(data_copy):
    examples = example_lines()
    assert len(examples) >= 4
    # the mistakes the guide shows, made on a copy of the data
    replace_in(data_copy / "organization.yml", "province:", "provinse:")
    replace_in(data_copy / "indicators/09.yml", "tool: OIT", "tool: OTI")
    replace_in(data_copy / "years/2566.yml", "  total: 95.07", "  total: 88,50")
    replace_in(data_copy / "years/2565.yml", "  - indicator: 3\n", "  - indicator: 3\n\tscore: 1\n")
    printed = {str(e) for e in inspect(data_copy).errors}
    fresh = data_copy.parent / "fresh"
    import shutil

    shutil.copytree(DEFAULT_AGENCY, fresh / "data")
    made = subprocess.run([sys.executable, str(ROOT / "scripts/new_year.py"), "2567", "--data", str(fresh / "data")],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    printed |= {str(t) for t in inspect(fresh / "data").todo}
    for example in examples:
        assert example in printed, example


def test_files_and_commands_named_in_the_guide_exist():
    text = guide_text()
    made_by_new_year = {"data/years/2567.yml", "data/questions/2567.yml"}
    written_by_the_fork_guide = {text for kind, text, _ in guide_blocks() if kind == "file"}
    for path in set(re.findall(r"data/[A-Za-z0-9_./-]+\.yml", text)) - made_by_new_year - written_by_the_fork_guide:
        assert (DEFAULT_AGENCY.parent / path).is_file(), path
    made_by_the_first_upload = {f"data/{EVIDENCE_FOLDER}/"}  # the form editor's evidence files
    for folder in set(re.findall(r"`(data/[a-z]+/)`", text)) - made_by_the_first_upload:
        assert (DEFAULT_AGENCY.parent / folder).is_dir(), folder
    for script in set(re.findall(r"scripts/[a-z_]+\.(?:py|sh)", text)):
        assert (ROOT / script).is_file(), script
    assert (ROOT / ".github/workflows/pages.yml").is_file() and ".github/workflows/pages.yml" in text
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert f"**{workflow['name']}**" in text  # the workflow's name, as the guide tells to look for it
    helps = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), "--help"], capture_output=True, text=True)
    assert "--complete" in helps.stdout and "--complete" in text


@pytest.mark.parametrize("page", sorted(p.name for p in GUIDE.glob("*.md")))
def test_guide_is_plain_thai_markdown_not_generated(page):
    text = (GUIDE / page).read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert re.search(r"[\u0e00-\u0e7f]", text)


# --- the fork guide, followed as written -------------------------------------------------------

FORK_GUIDE = GUIDE / "01-fork.md"
BLOCK = re.compile(r"^```(bash|yaml)\n(.*?)^```", re.M | re.S)
DEFAULT_WORDS = ["พิมาน", "นาแก", "นครพนม", "95.07", "1,573"]  # the default agency's (the copy's data before)


def guide_blocks() -> list[tuple[str, str]]:
    """The fork guide's code blocks in order: ("bash", commands) to run as written, ("file",
    path, content) for a YAML block whose first line names the file it is (# data/...)."""
    found = []
    for kind, body in BLOCK.findall(FORK_GUIDE.read_text(encoding="utf-8")):
        first = body.split("\n", 1)[0]
        if kind == "yaml" and re.fullmatch(r"# data/\S+\.yml", first):
            found.append(("file", first[2:], body))
        elif kind == "bash":
            found.append(("bash", body, ""))
    return found


def follow(project: Path, blocks) -> None:
    """Do what the blocks say in `project`: run the commands (bash -e, as a clerk types them), write the files."""
    for kind, text, content in blocks:
        if kind == "file":
            (project / text).parent.mkdir(parents=True, exist_ok=True)
            (project / text).write_text(content, encoding="utf-8")
            continue
        result = subprocess.run(["bash", "-e", "-c", text], cwd=project, env=runner_environment(),
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, f"{text}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


def fork_clone(tmp_path) -> Path:
    """A clone of a fork: the project with the default agency's data, and its GitHub (origin)."""
    project = project_copy(tmp_path / "clone", DEFAULT_AGENCY)
    git_in(tmp_path, "init", "-q", "--bare", "-b", "main", str(tmp_path / "github.git"))
    git_in(project, "remote", "add", "origin", str(tmp_path / "github.git"))
    git_in(project, "push", "-q", "-u", "origin", "main")
    return project


def test_the_fork_guide_has_its_steps():
    blocks = guide_blocks()
    commands = [text for kind, text, _ in blocks if kind == "bash"]
    assert any("scripts/new_agency.py" in c for c in commands)
    assert [text for kind, text, _ in blocks if kind == "file"] == ["data/years/2564.yml"]
    assert any("scripts/build.sh" in c for c in commands) and any("git push" in c for c in commands)
    text = FORK_GUIDE.read_text(encoding="utf-8")
    assert "ลบไฟล์ผลการประเมินของหน่วยงานเดิม" not in text  # the old step 5 (delete by hand, keep a year)
    for workflow in (".github/workflows/pages.yml", ".github/workflows/new-agency.yml"):
        name = yaml.safe_load((ROOT / workflow).read_text(encoding="utf-8"))["name"]
        assert f"**{name}**" in guide_text(), name  # as the guide tells to look for it


def test_the_fork_guide_starts_the_agency_as_written(tmp_path):
    """Its commands up to the year file (the first build, then new_agency), as written."""
    project = fork_clone(tmp_path)
    blocks = guide_blocks()
    upto = next(i for i, (kind, text, _) in enumerate(blocks) if kind == "bash" and "new_agency.py" in text)
    follow(project, blocks[: upto + 1])
    org = yaml.safe_load((project / "data/organization.yml").read_text(encoding="utf-8"))
    command = blocks[upto][1]
    assert f'"{org["name"]}"' in command and f'"{org["short_name"]}"' in command and f'"{org["province"]}"' in command
    kept = {p.relative_to(project / "data").parts[0] for p in (project / "data").iterdir()}
    assert kept == {"organization.yml", "indicators", "methodology", "README.md"}


def test_following_the_fork_guide_publishes_the_agency(tmp_path):
    """Every block, in order: the first build, new_agency, the year file, the build, the commit
    and push; the site is the new agency's, with what it has and nothing of the agency before."""
    project = fork_clone(tmp_path)
    follow(project, guide_blocks())
    site = BuiltSite(project / "site")
    org = yaml.safe_load((project / "data/organization.yml").read_text(encoding="utf-8"))
    home = site.text("index.html").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    assert org["name"] in home and "86.12" in home and "40" in home and "180" in home
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in (project / "site").rglob("*") if p.suffix in {".html", ".json", ".csv", ".xml"}]
    assert not [w for w in DEFAULT_WORDS if any(w in t for t in texts)]
    assert "data/years/2564.yml" in git_in(project, "ls-tree", "-r", "--name-only", "origin/main", "data")
