"""Partial years, any number of years, ranks that read as Thai, other agencies' names, MkDocs'
messages in Thai (issue #11, part A). Everything here runs on fixtures, never on data/:

- tests/fixtures/partial_agency: an invented municipality; 2564 is the issue's partial year
  (total, level, two ranks, nothing else), 2565 has some indicator scores and a stated tool
  score, 2566 is complete;
- tests/fixtures/single_year: one complete year;
- tests/fixtures/empty_agency: what a new agency starts with (no year at all).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CHROMIUM, ROOT, BuiltSite, build, built_pages

from ita_site import paths
from ita_site.build_messages import ThaiMessages
from ita_site.errors import DataErrors
from ita_site.pages import Options, build_assets, build_pages, nav
from ita_site.site import inspect, load_site
from ita_site.wording import places

FIXTURES = ROOT / "tests/fixtures"
PARTIAL = FIXTURES / "partial_agency/data"
SINGLE = FIXTURES / "single_year/data"
EMPTY = FIXTURES / "empty_agency/data"
ALL = {"partial_agency": PARTIAL, "single_year": SINGLE, "empty_agency": EMPTY, "other_agency": FIXTURES / "other_agency/data"}
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
DECIMAL = re.compile(r"(?<![0-9.])[0-9]{1,3}\.[0-9]{2}(?![0-9])")
NOT_PUBLISHED = "หน่วยงานไม่ได้เผยแพร่คะแนนรายตัวชี้วัดของปีนี้"
# what a page of the partial year 2564 may show as a figure: the totals of the years (its
# own and, in the chart of every year's total, the others') and the pass mark
TOTALS_AND_PASS_MARK = {"86.12", "90.08", "94.36", "85.00"}
# the default agency's words: none may appear in another agency's site
DEFAULT_AGENCY = ["พิมาน", "นาแก", "นครพนม"]


def copy(src: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(src, target)
    return target


def with_year(tmp_path: Path, text: str, year: int = 2564) -> Path:
    """The partial fixture with years/<year>.yml replaced by `text`."""
    data = copy(PARTIAL, tmp_path)
    (data / "years" / f"{year}.yml").write_text(text, encoding="utf-8")
    return data


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def decimals(text: str) -> set[str]:
    return set(DECIMAL.findall(text.translate(ARABIC)))


# --- the data model: what a year may hold -------------------------------------------------


def test_the_issues_partial_year_validates_and_shows_what_it_has():
    report = inspect(PARTIAL)
    assert report.errors == [] and report.todo == []
    year = report.site.years[2564]
    r = year.result
    assert (r.total, r.total_stated, r.level, r.level_stated) == (86.12, True, "B", True)
    assert r.scores == {} and r.tools == {} and r.computed is None and r.unpublished == tuple(range(1, 11))
    assert [(k.position, k.of) for k in year.ranks] == [(40, 180), (3, None)]
    # B is not the level ita-2564 gives 86.12 (A): a warning, not an error; the stated level is shown
    (warning,) = report.warnings
    assert (warning.file, warning.line) == ("data/years/2564.yml", line_of(PARTIAL / "years/2564.yml", "level: B"))
    assert "'B'" in warning.problem and "'A'" in warning.problem and "คำเตือน" in str(warning)


YEAR = "fiscal_year: 2564\nmethodology: {m}\n"


@pytest.mark.parametrize(
    "body, methodology, expected",
    [
        # some indicator scores: the IIT mean is computed, the rest as stated, the level from the total
        ("stated: {total: 88.00}\nscores:\n" + "".join(f"  - {{indicator: {n}, score: {s}}}\n" for n, s in
         [(1, 90), (2, 80), (3, 85), (4, 95), (5, 75)]), "ita-2564",
         dict(tools={"IIT": 85.0}, stated_tools=set(), total=88.0, total_stated=True, level="A", level_stated=False)),
        # only stated tool scores (checked against the stated total), the level from the total
        ("stated: {total: 89.00, tools: {IIT: 90.00, EIT: 80.00, OIT: 95.00}}\n", "ita-2564",
         dict(tools={"IIT": 90.0, "EIT": 80.0, "OIT": 95.0}, stated_tools={"IIT", "EIT", "OIT"}, total=89.0, level="A")),
        # a total without a level: tiered levels (ita-2566) need every tool above 85: not told
        ("stated: {total: 90.00}\n", "ita-2566", dict(tools={}, total=90.0, level=None)),
        # ... below the first per-tool rule the total alone gives the level
        ("stated: {total: 80.00}\n", "ita-2566", dict(total=80.0, level="ต้องปรับปรุง", level_stated=False)),
        # ... and with every tool score stated, it is computed
        ("stated: {total: 96.00, tools: {IIT: 96.00, EIT: 96.00, OIT: 96.00}}\n", "ita-2566", dict(level="ผ่านดีเยี่ยม")),
        # a level without a total
        ("stated: {level: ผ่านดี}\n", "ita-2566", dict(total=None, total_stated=False, level="ผ่านดี", level_stated=True)),
        # one indicator score only
        ("scores:\n  - {indicator: 9, score: 100}\n", "ita-2566", dict(total=None, level=None, tools={}, unpublished=9)),
    ],
    ids=["some-scores", "stated-tools", "tiered-total-only", "tiered-low-total", "tiered-all-tools", "level-only", "one-score"],
)
def test_a_partial_year_computes_only_from_what_is_known(tmp_path, body, methodology, expected):
    data = with_year(tmp_path, YEAR.format(m=methodology) + body)
    report = inspect(data)
    assert report.errors == [], report.errors
    r = report.site.years[2564].result
    for key, value in expected.items():
        if key == "unpublished":
            assert len(r.unpublished) == value
        elif key == "stated_tools":
            assert set(r.stated_tools) == value
        else:
            assert getattr(r, key) == value, key
    assert r.computed is None


@pytest.mark.parametrize(
    "body, needle, words",
    [
        ("rank: {position: 3, group: district}\n", "fiscal_year", "ไม่มีตัวเลขผลการประเมินเลย"),
        ("stated: {tools: {EIT: 90.00}}\nscores:\n  - {indicator: 6, score: 80}\n  - {indicator: 7, score: 80}\n"
         "  - {indicator: 8, score: 80}\n", "EIT: 90.00", "คะแนน EIT ที่ระบุ 90.00 ไม่ตรงกับที่คำนวณ 80.00"),
        ("stated: {total: 70.00, tools: {IIT: 90.00, EIT: 80.00, OIT: 95.00}}\n", "total: 70.00", "คำนวณจากคะแนนรายเครื่องมือ 89.00"),
        ("stated: {level: AAA}\n", "level: AAA", "ไม่มีระดับ 'AAA'"),
        ("stated: {total: 80.00}\nrank: {position: 3}\n", "rank:", "ไม่ได้บอกว่าเป็นลำดับในกลุ่มใด"),
        ("stated: {total: 80.00}\nrank:\n  - {position: 300, of: 180, group: province}\n", "position: 300", "มากกว่าจำนวนทั้งหมด 180"),
    ],
    ids=["rank-only", "tool-score-checked", "total-checked-against-tools", "unknown-level", "rank-without-group", "position-above-of"],
)
def test_what_can_be_checked_is_checked_with_file_and_line(tmp_path, body, needle, words):
    data = with_year(tmp_path, YEAR.format(m="ita-2564") + body)
    with pytest.raises(DataErrors) as exc:
        load_site(data)
    (error,) = exc.value.errors
    assert (error.file, error.line) == ("data/years/2564.yml", line_of(data / "years/2564.yml", needle)), str(error)
    assert words in error.problem, str(error)


@pytest.mark.parametrize("rank", ["rank:\n  - {position: 40, amoung: x}\n", "rank: {position: 40, amoung: x}\n"], ids=["list", "mapping"])
def test_a_misspelt_key_in_a_rank_is_one_message_in_the_form_written(tmp_path, rank):
    data = with_year(tmp_path, YEAR.format(m="ita-2564") + "stated: {total: 86.12}\n" + rank)
    with pytest.raises(DataErrors) as exc:
        load_site(data)
    (error,) = exc.value.errors  # not also "rank should be a list" (or "a mapping")
    assert error.line == line_of(data / "years/2564.yml", "amoung") and error.suggestion == "among"


def test_null_is_still_to_fill_in_and_a_key_left_out_is_not_published(tmp_path):
    data = copy(PARTIAL, tmp_path)
    latest = data / "years/2566.yml"
    text = latest.read_text(encoding="utf-8")
    latest.write_text(text.replace("  - {indicator: 10, score: 96.00}\n", "").replace("total: 94.36", "total: null"), encoding="utf-8")
    report = inspect(data)
    assert report.errors == []
    assert [t.line for t in report.todo] == [line_of(latest, "total: null")]  # null: to fill in
    assert list(report.site.pending) == [2566] and max(report.site.years) == 2565  # home: the latest published year
    latest.write_text(text.replace("  - {indicator: 10, score: 96.00}\n", "").replace("  total: 94.36\n", ""), encoding="utf-8")
    report = inspect(data)
    assert report.errors == [] and report.todo == []  # left out: not published, not pending
    r = report.site.years[2566].result
    assert r.unpublished == (10,) and r.total is None and r.tools["IIT"] == 91.70 and "OIT" not in r.tools


# --- pages, built without MkDocs ------------------------------------------------------------


def markdown_pages(data: Path, **options) -> dict[str, str]:
    site = load_site(data)
    return {p.path: p.markdown for p in build_pages(site, Options(charts=False, **options))}


def test_ranks_read_as_thai_for_each_kind_of_group(tmp_path):
    pages = markdown_pages(PARTIAL)
    assert ("อยู่ในลำดับที่ ๔๐ จาก ๑๘๐ แห่ง ขององค์กรปกครองส่วนท้องถิ่นในจังหวัดตัวอย่าง "
            "และลำดับที่ ๓ ขององค์กรปกครองส่วนท้องถิ่นในอำเภอตัวอย่าง") in pages["years/2564.md"]
    assert "อยู่ในลำดับที่ ๑๒ จาก ๑๘๐ แห่ง ของหน่วยงานในจังหวัดตัวอย่าง โดยภาพรวม" in pages["years/2565.md"]  # group: province
    assert ("อยู่ในลำดับที่ ๒๕๐ จาก ๒,๔๖๙ แห่ง ของหน่วยงานประเภทเทศบาลตำบล ลำดับที่ ๕ จาก ๑๘๐ แห่ง ของหน่วยงานในจังหวัดตัวอย่าง "
            "และลำดับที่ ๑ ของหน่วยงานในอำเภอตัวอย่าง") in pages["index.md"]  # type (among = the agency's type), province, district
    assert "ของหน่วยงานประเภทองค์กรปกครอง" not in "".join(pages.values())
    arabic = markdown_pages(PARTIAL, thai_digits=False)
    assert "อยู่ในลำดับที่ 40 จาก 180 แห่ง ของ" in arabic["years/2564.md"]
    # the single-mapping form, as the default agency writes it, reads as before
    data = with_year(tmp_path, YEAR.format(m="ita-2564") + "stated: {total: 86.12, level: A}\nrank: {position: 1573, among: เทศบาลตำบล}\n")
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ อยู่ในลำดับที่ ๑,๕๗๓ ของหน่วยงานประเภทเทศบาลตำบล โดยภาพรวม" in markdown_pages(data)["years/2564.md"]


def test_a_year_without_scores_says_so_and_lists_no_weak_point():
    page = markdown_pages(PARTIAL)["years/2564.md"]
    assert page.count(NOT_PUBLISHED) >= 3  # results, indicator scores, strengths and weak points
    assert "ตัวชี้วัดที่ ๑ " not in page and "จุดที่ต้องพัฒนา (ตัวชี้วัด" not in page
    assert decimals(page) <= {"86.12", "85.00"}  # the total and the pass mark: nothing invented
    assert "ตามที่ ป.ป.ช. ประกาศ" in page


def test_some_scores_strengths_and_weak_points_from_the_published_ones_only():
    page = markdown_pages(PARTIAL)["years/2565.md"]
    assert "จากตัวชี้วัดที่หน่วยงานเผยแพร่คะแนน ๗ ตัว" in page
    weak = page.split("## จุดที่ต้องพัฒนา")[1]
    assert "จำนวน ๔ ตัวชี้วัด" in weak and "ไม่ได้เผยแพร่คะแนนของ" in weak and "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน" in weak
    assert "EIT ร้อยละ ๘๑.๔๐ (ตามที่ ป.ป.ช. ประกาศ)" in page  # the stated tool score, said to be stated
    assert "| [6. คุณภาพการดำเนินงาน](../indicators/6.md) | EIT | – |" in page


def links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_page_is_in_the_navigation_and_every_link_has_a_target(name):
    """What MkDocs' strict mode would refuse, checked for every fixture without MkDocs: a page
    outside the navigation (one year once built comparison.md without a menu entry) or a link
    to a page or file that is not built."""
    site = load_site(ALL[name])
    pages = build_pages(site, Options(charts=False))
    assets = {a.path for a in build_assets(site, Options())}
    listed: list[str] = []

    def walk(items):
        for item in items:
            ((_, target),) = item.items()
            walk(target) if isinstance(target, list) else listed.append(target)

    walk(nav(pages, site))
    assert sorted(listed) == sorted(p.path for p in pages)
    known = {p.path for p in pages} | assets | {paths.GUIDE}
    for page in pages:
        for link in links(page.markdown):
            if re.match(r"[a-z]+:", link) or link.startswith("#"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), link.partition("#")[0]))
            assert target in known, (page.path, link)


def test_one_year_has_no_comparison_and_no_year_has_a_welcome_page():
    single = markdown_pages(SINGLE)
    assert "comparison.md" not in single and "หน้าเปรียบเทียบรายปี" not in "".join(single.values())
    empty = markdown_pages(EMPTY)
    assert sorted(p for p in empty if not p.startswith("indicators/")) == ["index.md"]
    home = empty["index.md"]
    assert "ยังไม่มีผลการประเมินที่เผยแพร่" in home and "data/years/<พ.ศ.>.yml" in home
    assert "python scripts/new_year.py" in home and "(guide/index.md)" in home


# --- names of another agency -----------------------------------------------------------------


def test_another_agencys_names_are_warnings_with_their_line(tmp_path):
    data = copy(PARTIAL, tmp_path)
    year = data / "years/2566.yml"
    year.write_text(
        year.read_text(encoding="utf-8")
        + "narrative:\n  results_summary: >-\n    ผลของเทศบาลตำบลหนองบัวทองดีขึ้น เทศบาลตำบลหนองบัวทอง อำเภอตัวอย่าง จังหวัดตัวอย่าง\n"
        "    เหมือนองค์การบริหารส่วนตำบลพิมานได้คะแนน อำเภอนาแก จังหวัดนครพนม และ ทต.บ้านใหม่\n"
        "  conclusion:\n    - เสนอปลัด อบต. พิจารณา ทุกอำเภอในจังหวัดเดียวกัน และอบต.ทุกแห่ง\n",
        encoding="utf-8",
    )
    report = inspect(data)
    assert report.errors == []
    found = [(w.line, w.column, re.search(r"'([^']+)'", w.problem).group(1)) for w in report.warnings if w.file.endswith("2566.yml")]
    line = line_of(year, "เหมือนองค์การ")
    text = year.read_text(encoding="utf-8").splitlines()[line - 1]
    assert found == [
        (line, text.index("องค์การ") + 1, "องค์การบริหารส่วนตำบลพิมาน"),
        (line, text.index("อำเภอนาแก") + 1, "อำเภอนาแก"),
        (line, text.index("จังหวัดนครพนม") + 1, "จังหวัดนครพนม"),
        (line, text.index("ทต.") + 1, "ทต.บ้านใหม่"),
    ]  # own names, "อบต. พิจารณา", "ทุกอำเภอ", "อำเภอ...เดียวกัน" and "อบต.ทุกแห่ง" are not names
    assert all("คำเตือน (warning)" in str(w) for w in report.warnings)
    org = data / "organization.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("สำนักปลัดเทศบาล เทศบาลตำบลหนองบัวทอง", "สำนักปลัด อบต.พิมาน"), encoding="utf-8")
    assert any(w.file == "data/organization.yml" and w.line == line_of(org, "prepared_by") for w in inspect(data).warnings)


def test_the_previous_agencys_short_name_with_a_space_is_a_warning(tmp_path):
    """"อบต. พิมาน" (a space after the abbreviation) is one of the previous agency's known forms;
    "ปลัด อบต. พิจารณา" stays no name."""
    data = copy(PARTIAL, tmp_path)
    year = data / "years/2566.yml"
    year.write_text(year.read_text(encoding="utf-8") + "narrative:\n  results_summary: >-\n    ผลดีกว่า อบต. พิมาน และปลัด อบต. พิจารณาแล้ว\n", encoding="utf-8")
    named = [re.search(r"'([^']+)'", w.problem).group(1) for w in inspect(data).warnings if w.file.endswith("2566.yml")]
    assert named == ["อบต. พิมาน"]


def test_no_name_warning_on_an_agencys_own_text():
    for name in ("partial_agency", "single_year", "empty_agency", "other_agency"):
        assert not [w for w in inspect(ALL[name]).warnings if "ชื่อ" in w.problem or "กล่าวถึง" in w.problem], name
    assert len(places()["provinces"]) == len(set(places()["provinces"])) == 77


def test_warnings_are_printed_and_do_not_fail_validation():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/validate.py"), str(PARTIAL)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "คำเตือน 1 จุด" in result.stdout and "data/years/2564.yml:" in result.stdout
    assert "ข้อมูลถูกต้อง" in result.stdout


# --- new_year.py ------------------------------------------------------------------------------


def new_year(data: Path, year: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts/new_year.py"), str(year), "--data", str(data)], capture_output=True, text=True)


def test_new_year_writes_the_question_catalog_it_promises(tmp_path):
    """questions/<year>.yml is written even when the latest year has no catalog: from the latest
    year that has one, else empty with an example; a new agency gets its first year too."""
    data = copy(PARTIAL, tmp_path / "a")  # no year has a question catalog
    made = new_year(data, 2567)
    assert made.returncode == 0, made.stderr
    assert yaml.safe_load((data / "questions/2567.yml").read_text(encoding="utf-8")) == {"fiscal_year": 2567, "questions": []}
    assert "data/questions/2567.yml" in made.stdout and inspect(data).errors == []
    data = copy(PARTIAL, tmp_path / "b")
    catalog = {"fiscal_year": 2565, "questions": [{"code": "O11", "tool": "OIT", "indicator": 9}]}
    (data / "questions").mkdir()
    (data / "questions/2565.yml").write_text(yaml.safe_dump(catalog), encoding="utf-8")
    assert new_year(data, 2567).returncode == 0  # 2566, the latest year, has no catalog: 2565's is taken
    assert yaml.safe_load((data / "questions/2567.yml").read_text(encoding="utf-8"))["questions"] == catalog["questions"]
    data = copy(EMPTY, tmp_path / "c")
    made = new_year(data, 2567)
    assert made.returncode == 0, made.stderr
    written = yaml.safe_load((data / "years/2567.yml").read_text(encoding="utf-8"))
    assert written["methodology"] == "ita-2566" and (data / "questions/2567.yml").is_file()
    report = inspect(data)
    assert report.errors == [] and list(report.site.pending) == [2567] and not report.site.has_results


# --- MkDocs' messages in Thai --------------------------------------------------------------------


def test_mkdocs_warnings_are_translated_with_file_and_line(tmp_path):
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide/02-data.md").write_text("# ข้อมูล\n", encoding="utf-8")
    (docs / "guide/09-x.md").write_text("# x\n\nดู [ข้อมูล](02-dta.md) และ [หัวข้อ](02-data.md#nope)\n", encoding="utf-8")
    thai = ThaiMessages(docs)
    link = thai.translate(
        "Doc file 'guide/09-x.md' contains a link '02-dta.md', but the target 'guide/02-dta.md' is not found among documentation files."
    )
    assert link.startswith("docs/guide/09-x.md:3:") and "ไม่มีในเว็บไซต์" in link and "หมายถึง '02-data.md' หรือไม่?" in link
    anchor = thai.translate("Doc file 'guide/09-x.md' contains a link '02-data.md#nope', but the doc 'guide/02-data.md' does not contain an anchor '#nope'.")
    assert anchor.startswith("docs/guide/09-x.md:3:") and "#nope" in anchor
    omitted = thai.translate('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - stray.md\n  - b.md')
    assert omitted.splitlines()[0].startswith("docs/stray.md:1:1: หน้านี้ไม่อยู่ในเมนู") and "docs/guide/" in omitted
    assert thai.translate("Something else entirely") is None


def test_a_broken_link_in_the_guide_stops_the_build_with_a_thai_message(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "docs"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    guide = project / "docs/guide/03-edit.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nดู [ขั้นตอน](04-new-yaer.md)\n", encoding="utf-8")
    result = build(tmp_path / "site", SINGLE, cwd=project)
    assert result.returncode != 0
    line = len(guide.read_text(encoding="utf-8").splitlines())
    assert f"docs/guide/03-edit.md:{line}:" in result.stderr, result.stderr
    assert "ลิงก์ '04-new-yaer.md' ชี้ไปยังหน้าที่ไม่มีในเว็บไซต์" in result.stderr and "'04-new-year.md'" in result.stderr
    assert "but the target" not in result.stderr  # MkDocs' English is replaced


# --- the sites, built with MkDocs in strict mode --------------------------------------------------


@pytest.fixture(scope="module")
def partial_site(tmp_path_factory) -> tuple[BuiltSite, str]:
    out = tmp_path_factory.mktemp("partial-site")
    pdf = "true" if Path(CHROMIUM).exists() else "false"
    result = build(out, PARTIAL, env={"ITA_PDF": pdf})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out), result.stderr


def methodology_figures() -> set[str]:
    m = yaml.safe_load((PARTIAL / "methodology/ita-2564.yml").read_text(encoding="utf-8"))
    return {f"{m['pass_mark']:.2f}", f"{m['strength_threshold']:.2f}", *(f"{v['min_total']:.2f}" for v in m["levels"])}


def test_the_partial_year_shows_total_level_and_both_ranks(partial_site):
    site, log = partial_site
    assert "คำเตือน" in log and "data/years/2564.yml:" in log  # the level warning is in the build log
    page = site.text("years/2564.html")
    cards = [" ".join(c.get_text(" ").split()) for c in site.soup("years/2564.html").select(".ita-summary .ita-card")]
    assert cards[:4] == [
        "คะแนนรวม 86.12 ตามที่ ป.ป.ช. ประกาศ",
        "ระดับ B ตามที่ ป.ป.ช. ประกาศ",
        "อันดับในกลุ่มองค์กรปกครองส่วนท้องถิ่นในจังหวัดตัวอย่าง 40 จาก 180 แห่ง",
        "อันดับในกลุ่มองค์กรปกครองส่วนท้องถิ่นในอำเภอตัวอย่าง 3",
    ]
    assert len(cards) == 4  # no tool card: no tool score was published
    assert NOT_PUBLISHED in page and "๘๖.๑๒" in page
    assert decimals(page) <= TOTALS_AND_PASS_MARK  # no indicator or tool score, no 0.00
    assert not site.soup("years/2564.html").select("#chart-indicators, #chart-tools")  # no chart of what is not there


def test_no_score_of_the_partial_year_anywhere(partial_site):
    site, _ = partial_site
    for n in range(1, 11):  # each indicator page: the year is there, without a score
        row = next(tr for tr in site.soup(f"indicators/{n}.html").select("article table tr") if tr.select_one('td a[href$="2564.html"]'))
        assert [td.get_text(strip=True) for td in row.select("td")][1] == "–"
        chart = next(tr for tr in site.soup(f"indicators/{n}.html").select("figure table tr") if "2564" in tr.get_text())
        assert chart.select_one("td").get_text(strip=True) == "–"
    comparison = site.soup("comparison.html")
    table = next(t for t in comparison.select("article table") if not t.find_parent("figure"))
    assert "พ.ศ. 2564" in table.select_one("tr").get_text()
    column = [tr.select("td")[1].get_text(strip=True) for tr in table.select("tbody tr")]
    assert column[:10] == ["–"] * 10 and column[13] == "86.12*"  # no indicator or tool score; the total as stated
    all_years = list(csv.DictReader(io.StringIO((site.path / "downloads/ita-all-years.csv").read_text(encoding="utf-8-sig"))))
    assert all_years and not [r for r in all_years if r["fiscal_year"] == "2564"]
    assert not [p.name for p in (site.path / "downloads").glob("ita-2564-*") if "indicators" in p.name or "tools" in p.name]
    (totals,) = json.loads((site.path / "downloads/ita-2564-totals.json").read_text(encoding="utf-8"))["records"]
    assert totals["total"] is None and totals["stated_total"] == 86.12 and totals["level"] == "B" and totals["rank"] == 40
    ranks = json.loads((site.path / "downloads/ita-2564-ranks.json").read_text(encoding="utf-8"))["records"]
    assert [(r["position"], r["of"]) for r in ranks] == [(40, 180), (3, None)]
    partial_rows = [r for r in all_years if r["fiscal_year"] == "2565"]
    assert [r["score"] for r in partial_rows if r["indicator"] in ("6", "7", "8")] == ["", "", ""]  # empty, not 0


def test_a_missing_bar_keeps_its_place_and_says_so(partial_site):
    """2565's indicator chart: bars for the published scores, each on the row of its own
    indicator; the rows of 6, 7 and 8 have no bar and say "ไม่ได้เผยแพร่"."""
    from ita_site.charts import theme

    site, _ = partial_site
    svg = site.soup("years/2565.html").select_one("#chart-indicators svg")
    rows = {}
    for text in svg.select("text"):
        m = re.match(r"([0-9]+)\. ", text.get_text())
        if m:
            rows[float(re.search(r"translate\([^,]+,([^)]+)\)", text["transform"]).group(1))] = int(m.group(1))
    colours = {c.lower() for c in theme.TOOL_COLOURS.values()}
    bars = [float(re.match(r"M[-0-9.]+,([-0-9.]+)h", p["d"]).group(1)) for p in svg.select("path")
            if (p.get("fill") or "").lower() in colours and not p.get("transform")]
    on_row = [rows[max(y for y in rows if y < bar)] for bar in bars]
    assert [rows[y] for y in sorted(rows)] == list(range(1, 11))  # the indicators in order, top to bottom
    assert on_row == [1, 2, 3, 4, 5, 9, 10]
    assert [t.get_text() for t in svg.select("text")].count("ไม่ได้เผยแพร่") == 3


def search_fragments(site: BuiltSite) -> dict[str, str]:
    found = {}
    for f in (site.path / "pagefind/fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(f.read_bytes()).decode("utf-8")
        record = json.loads(raw[raw.index("{") :])
        found[record["url"]] = record["content"].replace("\u200b", "")
    return found


def test_the_search_index_has_the_partial_year_as_published(partial_site):
    site, _ = partial_site
    fragments = search_fragments(site)
    text = next(v for k, v in fragments.items() if k.endswith("/years/2564.html"))
    assert "86.12" in text and "องค์กรปกครองส่วนท้องถิ่นในจังหวัดตัวอย่าง" in text and NOT_PUBLISHED in text
    assert decimals(text) <= TOTALS_AND_PASS_MARK
    everything = " ".join(fragments.values())
    assert not [w for w in DEFAULT_AGENCY if w in everything]


def test_the_pdf_of_the_partial_year(partial_site):
    site, _ = partial_site
    pdf = site.path / paths.report_pdf(2564)
    if not pdf.exists():
        pytest.skip("no Chromium on this machine: no PDF")
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", text)
    assert "86.12" in squeezed and "องค์กรปกครองส่วนท้องถิ่นในอำเภอตัวอย่าง" in squeezed and "จาก180แห่ง" in squeezed
    assert re.sub(r"\s+", "", NOT_PUBLISHED) in squeezed
    results = text.split("หลักเกณฑ์การประเมิน")[0]  # the methodology's own thresholds come after
    assert decimals(results) <= TOTALS_AND_PASS_MARK
    assert decimals(text) <= TOTALS_AND_PASS_MARK | {"0.01"} | methodology_figures()
    assert not [w for w in DEFAULT_AGENCY if w in squeezed]


def test_no_word_of_the_default_agency_in_the_partial_site(partial_site):
    site, _ = partial_site
    for page in built_pages(site):
        text = site.html(page)
        assert not [w for w in DEFAULT_AGENCY if w in text], page


@pytest.mark.parametrize("name", ["single_year", "empty_agency"])
def test_one_year_and_no_year_build_in_strict_mode(tmp_path, name):
    result = build(tmp_path / "site", ALL[name])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = BuiltSite(tmp_path / "site")
    assert not (site.path / "comparison.html").exists()
    menu = " ".join(a.get_text(" ", strip=True) for a in site.soup("index.html").select("nav.md-nav--primary a"))
    assert "เปรียบเทียบรายปี" not in menu
    if name == "empty_agency":
        home = site.soup("index.html")
        assert "ยังไม่มีผลการประเมินที่เผยแพร่" in site.text("index.html")
        assert home.select_one('article a[href="guide/index.html"]') is not None
        assert not (site.path / "downloads.html").exists()


@pytest.fixture(scope="module")
def partial_served(partial_site) -> str:
    from ita_site.local_server import serve

    server, base = serve(partial_site[0].path)
    yield base
    server.shutdown()


def test_the_partial_site_on_a_phone_and_for_assistive_technology(partial_site, partial_served, browser):
    """Every page of the partial site at 375 px (no sideways scrolling) and axe-core (no serious
    violation) on the pages whose shape a partial year changes: the notes, the empty cells,
    the missing bars."""
    from test_accessibility import WIDTHS, audit
    from test_layout import PHONE, sideways

    site, _ = partial_site
    assert sideways(browser, partial_served, built_pages(site), PHONE) == {}
    shapes = ["years/2564.html", "years/2565.html", "index.html", "comparison.html", "indicators/6.html", "report/2564.html"]
    for width in WIDTHS.values():
        assert audit(browser, partial_served, shapes, "light", width) == {}
