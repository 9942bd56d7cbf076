"""The staff guide (docs/guide/, hand-written Thai) is in the site, and what it shows is true:
its example messages are the validator's own, its files and commands exist."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import DEFAULT_AGENCY, ROOT, replace_in

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
    for path in set(re.findall(r"data/[A-Za-z0-9_./-]+\.yml", text)) - made_by_new_year:
        assert (DEFAULT_AGENCY.parent / path).is_file(), path
    for folder in set(re.findall(r"`(data/[a-z]+/)`", text)):
        assert (DEFAULT_AGENCY.parent / folder).is_dir(), folder
    for script in set(re.findall(r"scripts/[a-z_]+\.(?:py|sh)", text)):
        assert (ROOT / script).is_file(), script
    assert (ROOT / ".github/workflows/pages.yml").is_file() and ".github/workflows/pages.yml" in text
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert f"**{workflow['name']}**" in text  # the workflow's name, as the guide tells to look for it
    helps = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), "--help"], capture_output=True, text=True)
    assert "--complete" in helps.stdout and "--complete" in text


@pytest.mark.parametrize("page", sorted(p.name for p in GUIDE.glob("*.md")))
def test_guide_is_plain_thai_markdown_not_generated(page):
    text = (GUIDE / page).read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert re.search(r"[\u0e00-\u0e7f]", text)
