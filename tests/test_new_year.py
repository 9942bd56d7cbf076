"""A new fiscal year in one command: scaffolded with blanks, reported as "to fill in", and the
site still builds (the year's page says "รอกรอกข้อมูล") until every blank is filled."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from conftest import DEFAULT_AGENCY, ROOT, BuiltSite, build, replace_in

from ita_site.errors import DataErrors
from ita_site.model.kinds import MODELINE
from ita_site.pages import build_pages
from ita_site.site import inspect, load_site

NEW_YEAR = [sys.executable, str(ROOT / "scripts/new_year.py")]
VALIDATE = [sys.executable, str(ROOT / "scripts/validate.py")]
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def scaffold(data_dir, year=2567) -> subprocess.CompletedProcess:
    return subprocess.run([*NEW_YEAR, str(year), "--data", str(data_dir)], capture_output=True, text=True)


@pytest.fixture
def new_year(data_copy):
    result = scaffold(data_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    return data_copy


def test_scaffold_writes_the_year_and_its_question_catalog(new_year):
    year = new_year / "years/2567.yml"
    text = year.read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    latest = load_site(DEFAULT_AGENCY).latest
    assert doc["fiscal_year"] == 2567
    assert doc["methodology"] == latest.methodology.id  # carried over
    assert [e["indicator"] for e in doc["scores"]] == latest.methodology.indicators
    assert [e["name"] for e in doc["scores"]] == [latest.entry(n).name for n in latest.methodology.indicators]
    assert all(e["score"] is None for e in doc["scores"]) and doc["stated"]["total"] is None
    assert text.count("score: null    # TODO กรอกคะแนน") == len(doc["scores"])
    assert "narrative" not in doc and "rank" not in doc  # texts are left to write (or generated)
    # the editor finds the schema from the copy, wherever it is
    first = text.splitlines()[0]
    assert first.startswith(MODELINE)
    assert (year.parent / first[len(MODELINE) :]).resolve() == (ROOT / "schemas/year.schema.json").resolve()
    questions = yaml.safe_load((new_year / "questions/2567.yml").read_text(encoding="utf-8"))
    before = yaml.safe_load((DEFAULT_AGENCY / "questions/2566.yml").read_text(encoding="utf-8"))
    assert questions["fiscal_year"] == 2567 and questions["questions"] == before["questions"]
    assert not (new_year / "actions/2567.yml").exists() and not (new_year / "recommendations/2567.yml").exists()


def test_scaffolded_year_validates_as_to_fill_in(new_year):
    report = inspect(new_year)
    assert report.errors == []
    year = new_year / "years/2567.yml"
    lines = [i for i, t in enumerate(year.read_text(encoding="utf-8").splitlines(), 1) if re.match(r"\s+(score|total): null", t)]
    assert [(t.file, t.line) for t in report.todo] == [("data/years/2567.yml", n) for n in lines]
    assert all("ยังไม่ได้กรอก" in str(t) for t in report.todo)
    result = subprocess.run([*VALIDATE, str(new_year)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"ยังไม่ได้กรอก {len(lines)} ช่อง" in result.stdout
    assert f"data/years/2567.yml:{lines[1]}:" in result.stdout  # the first indicator's score
    assert "Traceback" not in result.stdout + result.stderr
    assert subprocess.run([*VALIDATE, str(new_year), "--complete"], capture_output=True).returncode == 1


def test_scaffold_command_says_what_to_fill_in(data_copy):
    result = scaffold(data_copy)
    assert "data/years/2567.yml" in result.stdout and "data/questions/2567.yml" in result.stdout
    assert "ยังไม่ได้กรอก 11 ช่อง" in result.stdout and "ปี 2567 รอกรอกข้อมูล" in result.stdout


@pytest.fixture
def pending_site(new_year, tmp_path) -> tuple[BuiltSite, str]:
    replace_in(new_year / "years/2567.yml", "score: null", "score: 91.25")  # one filled in
    out = tmp_path / "site"
    result = build(out, new_year)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out), result.stderr


def test_site_of_a_year_being_filled_builds_with_a_notice(pending_site):
    site, log = pending_site
    assert "ปี 2567 ยังกรอกข้อมูลไม่ครบ (10 ช่อง)" in log
    text = site.text("years/2567.html").translate(ARABIC)
    assert "รอกรอกข้อมูล" in text and "กรอกแล้ว 1 จาก 10 ตัวชี้วัด" in text
    assert "91.25" not in site.html("years/2567.html")  # no half-typed figure is published
    assert "ปีงบประมาณ พ.ศ. 2566" in site.soup("index.html").h1.get_text()  # home: latest complete year
    nav = [a.get_text(" ", strip=True) for a in site.soup("index.html").select("nav.md-nav--primary a")]
    assert "พ.ศ. 2567 (รอกรอกข้อมูล)" in nav
    assert "2567" not in site.text("comparison.html")


def test_bad_data_in_the_year_being_filled_still_stops_the_build(new_year, tmp_path):
    line = replace_in(new_year / "years/2567.yml", "score: null", "score: 105")
    result = build(tmp_path / "site", new_year)
    assert result.returncode != 0
    assert f"data/years/2567.yml:{line}:" in result.stdout + result.stderr


def test_once_filled_the_new_year_is_the_home_page(new_year):
    year = new_year / "years/2567.yml"
    text = year.read_text(encoding="utf-8")
    scores = iter(f"{v:.2f}" for v in load_site(DEFAULT_AGENCY).years[2566].scores.values())
    text = re.sub(r"score: null", lambda m: f"score: {next(scores)}", text)
    text = text.replace("total: null", "total: 95.07")
    year.write_text(text, encoding="utf-8")
    site = load_site(new_year)
    assert site.pending == {} and site.latest.year == 2567
    home = next(p for p in build_pages(site) if p.path == "index.md")
    assert "2567" in home.title


def test_scaffold_refuses_what_it_should_not_do(data_copy):
    same = scaffold(data_copy, 2566)
    assert same.returncode == 1 and "ไม่ใหม่กว่า" in same.stderr
    older = scaffold(data_copy, 2560)
    assert older.returncode == 1 and "ไม่ใหม่กว่า" in older.stderr
    assert scaffold(data_copy, 2567).returncode == 0
    again = scaffold(data_copy, 2568)  # 2567 still being filled
    assert again.returncode == 1 and "2567" in again.stderr
    assert not (data_copy / "years/2568.yml").exists()


def test_scaffold_refuses_bad_data(data_copy):
    replace_in(data_copy / "organization.yml", "province:", "provinse:")
    result = scaffold(data_copy)
    assert result.returncode == 1 and "data/organization.yml:" in result.stderr
    assert not (data_copy / "years/2567.yml").exists()


def test_scaffold_works_for_another_agency(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/other_agency/data", data)
    assert scaffold(data, 2568).returncode == 0
    report = inspect(data)
    assert report.errors == [] and list(report.site.pending) == [2568]
    assert "เทศบาลตำบล" in (data / "years/2568.yml").read_text(encoding="utf-8")  # its own type in the rank hint


def test_a_blank_left_in_an_older_year_stops_the_build(new_year):
    replace_in(new_year / "years/2566.yml", "score: 84.11", "score: null")
    with pytest.raises(DataErrors) as exc:
        load_site(new_year)
    assert any(e.file == "data/years/2566.yml" and "ไม่ใช่ปีล่าสุด" in e.problem for e in exc.value.errors)
