"""Bad data stops the build with one clear message per problem: file, line, what, expected."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import DEFAULT_AGENCY, ROOT, build, replace_in

from ita_site.errors import DataErrors
from ita_site.site import load_site


def appended_line(path) -> int:
    """The line number a line appended to `path` will have."""
    return len(path.read_text(encoding="utf-8").splitlines()) + 1


def problems(data_dir) -> list[str]:
    with pytest.raises(DataErrors) as exc:
        load_site(data_dir)
    return [str(e) for e in exc.value.errors]


def only(data_dir, where: str) -> str:
    """The one problem reported, which must be located at `where` (file:line)."""
    found = problems(data_dir)
    assert len(found) == 1, found
    assert found[0].startswith(where), found[0]
    return found[0]


def test_default_data_is_valid():
    site = load_site(DEFAULT_AGENCY)
    assert sorted(site.years) == [2564, 2565, 2566]


def test_yaml_syntax_error(data_copy):
    line = replace_in(data_copy / "years/2565.yml", "scores:", "scores: [")
    msg = only(data_copy, "data/years/2565.yml:")
    assert "YAML" in msg


def test_tab_indentation_is_explained(data_copy):
    path = data_copy / "organization.yml"
    line = replace_in(path, "short_name:", "\tshort_name:")
    msg = only(data_copy, f"data/organization.yml:{line}:")
    assert "แท็บ" in msg


def test_duplicate_key_is_an_error_not_silently_dropped(data_copy):
    path = data_copy / "organization.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "province: เชียงใหม่\n", encoding="utf-8")
    last = len(path.read_text(encoding="utf-8").splitlines())
    msg = only(data_copy, f"data/organization.yml:{last}:")
    assert "province" in msg and "ซ้ำ" in msg


def test_missing_key(data_copy):
    replace_in(data_copy / "organization.yml", "province: นครพนม\n", "")
    # reported at the mapping that lacks it: here the top level, which starts at its first key
    first_key = replace_in(data_copy / "organization.yml", "name:", "name:")
    msg = only(data_copy, f"data/organization.yml:{first_key}:1:")
    assert "province" in msg


def test_unknown_key_suggests_the_right_one(data_copy):
    line = replace_in(data_copy / "organization.yml", "province:", "provinse:")
    msg = only(data_copy, f"data/organization.yml:{line}:1:")
    assert "provinse" in msg and "'province'" in msg


def test_score_as_text_is_refused(data_copy):
    line = replace_in(data_copy / "years/2565.yml", "score: 94.88", "score: สูง")
    msg = only(data_copy, f"data/years/2565.yml:{line}:")
    assert "score" in msg and "ตัวเลข" in msg


def test_score_in_thai_digits_is_accepted(data_copy):
    replace_in(data_copy / "years/2565.yml", "score: 94.88", "score: '๙๔.๘๘'")
    site = load_site(data_copy)
    assert site.years[2565].scores[1] == 94.88


def test_score_above_100(data_copy):
    line = replace_in(data_copy / "years/2564.yml", "score: 95.6", "score: 105.6")
    found = problems(data_copy)
    assert any(m.startswith(f"data/years/2564.yml:{line}:") and "0 ถึง 100" in m for m in found), found


def test_action_score_out_of_range(data_copy):
    line = replace_in(data_copy / "actions/2566.yml", "score: 70.87", "score: -3")
    msg = only(data_copy, f"data/actions/2566.yml:{line}:")
    assert "score" in msg


def test_stated_total_that_does_not_add_up_names_both_values(data_copy):
    line = replace_in(data_copy / "years/2566.yml", "total: 95.07", "total: 85.07")
    msg = only(data_copy, f"data/years/2566.yml:{line}:")
    assert "85.07" in msg and "95.07" in msg


def test_changed_indicator_score_breaks_the_stated_total(data_copy):
    replace_in(data_copy / "years/2566.yml", "score: 84.11", "score: 94.11")
    found = problems(data_copy)
    line = next(i for i, t in enumerate((data_copy / "years/2566.yml").read_text().splitlines(), 1) if "total:" in t)
    assert any(m.startswith(f"data/years/2566.yml:{line}:") and "95.07" in m and "95.67" in m for m in found), found
    # the hand-written results paragraph still quotes the old ๘๔.๑๑: reported too
    assert any("๘๔.๑๑" in m for m in found), found


def test_indicator_name_must_match_catalog(data_copy):
    line = replace_in(data_copy / "years/2566.yml", "name: การใช้อำนาจ", "name: การใช้จ่ายเงิน")
    msg = only(data_copy, f"data/years/2566.yml:{line}:")
    assert "การใช้อำนาจ" in msg


def test_unknown_question_code_in_action_table(data_copy):
    line = replace_in(data_copy / "actions/2566.yml", "question: I20", "question: I99")
    msg = only(data_copy, f"data/actions/2566.yml:{line}:")
    assert "I99" in msg and "questions/2566.yml" in msg


def test_malformed_question_code(data_copy):
    line = replace_in(data_copy / "actions/2566.yml", "question: I20", "question: 1๒๐")
    msg = only(data_copy, f"data/actions/2566.yml:{line}:")
    assert "I20" in msg or "รหัส" in msg or "รูปแบบ" in msg


def test_unknown_citation(data_copy):
    line = replace_in(data_copy / "recommendations/2566.yml", "(อ้างอิงจาก O28)", "(อ้างอิงจาก O99)")
    msg = only(data_copy, "data/recommendations/2566.yml:")
    assert "O99" in msg


def test_duplicate_question_code(data_copy):
    path = data_copy / "questions/2566.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - code: I1\n    tool: IIT\n    indicator: 1\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    msg = only(data_copy, f"data/questions/2566.yml:{line}:")
    assert "I1" in msg and "ซ้ำ" in msg


def test_unknown_indicator_in_recommendation(data_copy):
    line = replace_in(data_copy / "recommendations/2566.yml", "indicators: [2]", "indicators: [12]")
    found = problems(data_copy)
    assert any(m.startswith(f"data/recommendations/2566.yml:{line}:") and "12" in m for m in found), found


def test_year_missing_an_indicator_is_a_partial_year(data_copy):
    """An indicator left out was not published: not an error, and the stated total, which the
    other nine scores cannot confirm, is the official result (issue #11)."""
    path = data_copy / "years/2564.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - indicator: 10")
    path.write_text(text[:start], encoding="utf-8")
    year = load_site(data_copy).years[2564]
    assert year.result.unpublished == (10,) and 10 not in year.scores
    assert year.result.total == 90.03 and year.result.total_stated and year.computed is None


def test_alias_is_refused(data_copy):
    path = data_copy / "organization.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: ", "type: &t ") + "x: *t\n", encoding="utf-8")
    assert any("alias" in m for m in problems(data_copy))


def test_empty_file(data_copy):
    (data_copy / "recommendations/2566.yml").write_text("", encoding="utf-8")
    only(data_copy, "data/recommendations/2566.yml:1:")


def test_not_utf8(data_copy):
    path = data_copy / "organization.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp874"))
    msg = only(data_copy, "data/organization.yml:")
    assert "UTF-8" in msg


def test_bom_is_accepted(data_copy):
    path = data_copy / "organization.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_site(data_copy).organization.short_name == "อบต.พิมาน"


def test_sara_am_written_as_two_characters_is_normalised(data_copy):
    replace_in(data_copy / "years/2566.yml", "name: การใช้อำนาจ", "name: การใช้อ\u0e4d\u0e32นาจ")
    assert load_site(data_copy).years[2566].entry(3).name == "การใช้อำนาจ"


def test_unknown_file_is_reported(data_copy):
    (data_copy / "years" / "notes.txt").write_text("x", encoding="utf-8")
    only(data_copy, "data/years/notes.txt:1:")


def test_every_problem_is_reported_at_once(data_copy):
    replace_in(data_copy / "organization.yml", "province:", "provinse:")
    replace_in(data_copy / "actions/2566.yml", "question: I20", "question: I99")
    replace_in(data_copy / "years/2564.yml", "score: 95.6", "score: 105.6")
    files = {m.split(":")[0] for m in problems(data_copy)}
    assert {"data/organization.yml", "data/actions/2566.yml", "data/years/2564.yml"} <= files


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """A site built from the default data: each test below starts from a copy of it."""
    out = tmp_path_factory.mktemp("good") / "site"
    result = build(out)
    assert result.returncode == 0, result.stderr
    return out


def _break_total(data):
    line = replace_in(data / "years/2566.yml", "total: 95.07", "total: 85.07")
    return f"data/years/2566.yml:{line}:"


def _break_syntax(data):
    line = replace_in(data / "actions/2566.yml", "period: ตลอดปีงบประมาณ ๒๕๖๗", "period: [ตลอดปีงบประมาณ ๒๕๖๗")
    return "data/actions/2566.yml:"


def _break_permission(data):
    from conftest import make_unreadable

    make_unreadable(data / "recommendations/2566.yml")
    return "data/recommendations/2566.yml:1:1:"


@pytest.mark.parametrize("breakage", [_break_total, _break_syntax, _break_permission], ids=["total", "yaml-syntax", "unreadable"])
def test_build_fails_cleanly_and_keeps_the_previous_site(data_copy, tmp_path, good_site, breakage):
    import shutil

    out = tmp_path / "site"
    shutil.copytree(good_site, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    where = breakage(data_copy)
    try:
        result = build(out, data_copy, unprivileged=True)
    finally:
        for p in data_copy.rglob("*"):
            p.chmod(0o755 if p.is_dir() else 0o644)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert where in output, output
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # not one file of the previous site changed, added or removed


def test_levels_must_cover_every_total(data_copy):
    path = data_copy / "methodology/ita-2566.yml"
    text = path.read_text(encoding="utf-8")
    last = [i for i, t in enumerate(text.splitlines(), 1) if "min_total: 0" in t][-1]
    path.write_text(text.replace("min_total: 0\n", "min_total: 50\n").replace("min_total: 0}", "min_total: 50}"), encoding="utf-8")
    found = problems(data_copy)
    assert any(m.startswith("data/methodology/ita-2566.yml:") and "ระดับสุดท้าย" in m for m in found), found


# --- every other kind of problem: one case each, located to its file and line ----------------


def line_of(path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert text in content, f"{text!r} not in {path}"
    return content[: content.index(text)].count("\n") + 1


def error_at(data_dir, file: str, line: int):
    """The problems reported at `file`:`line` (DataError objects, errors only)."""
    with pytest.raises(DataErrors) as exc:
        load_site(data_dir)
    found = [e for e in exc.value.errors if e.file == f"data/{file}" and e.line == line]
    assert found, [str(e) for e in exc.value.errors]
    return found


# (file, text to replace, replacement, words the message must hold, did-you-mean expected);
# the problem is reported on the first line of the replacement, or on the line above it for
# a citation inside a paragraph (reported at the paragraph's key: "(up)")
EDITS = [
    ("indicators/09.yml", "tool: OIT", "tool: OTI", ["OTI", "IIT, EIT, OIT"], "OIT"),
    ("questions/2566.yml", "tool: EIT Public", "tool: eit public", ["eit public"], "EIT Public"),
    ("actions/2566.yml", "question: I20", "question: I2O", ["I2O", "รูปแบบ"], "I20"),
    ("actions/2566.yml", "question: I21", "question: i21", ["i21"], "I21"),
    ("recommendations/2566.yml", "(อ้างอิงจาก O28)", "(up)(อ้างอิงจาก O288)", ["O288", "questions/2566.yml"], "O28"),
    ("years/2565.yml", "methodology: ita-2564", "methodology: ita-2464", ["ita-2464", "unknown methodology"], "ita-2564"),
    ("years/2566.yml", "- indicator: 10", "- indicator: 11", ["11", "ไม่อยู่ในหลักเกณฑ์"], "10"),
    ("years/2566.yml", "- indicator: 2\n", "- indicator: 1\n", ["ตัวชี้วัดที่ 1 ซ้ำ"], "2"),
    ("years/2566.yml", "  total: 95.07", "  total: 95,07", ["95,07", "ตัวเลข"], "95.07"),
    ("years/2566.yml", "    score: 84.11", "    scroe: 84.11", ["scroe", "unknown key"], "score"),
    ("years/2566.yml", "fiscal_year: 2566", "fiscal_year: 2567", ["2567", "ชื่อไฟล์"], None),
    ("years/2566.yml", "level: ผ่านดี", "level: ผ่านดีเยี่ยม", ["ผ่านดีเยี่ยม", "'ผ่านดี'"], None),
    ("years/2566.yml", "(อ้างอิงจาก O13)", "(up)(อ้างอิงจาก O99)", ["O99"], None),
    ("indicators/03.yml", "number: 3", "number: 4", ["ชื่อไฟล์", "03.yml"], None),
    ("methodology/ita-2564.yml", "id: ita-2564", "id: ita-2565", ["ita-2565", "id: ita-2564"], None),
    ("organization.yml", "type: ", "type: !thai ", ["แท็ก", "!thai"], None),
    ("organization.yml", "short_name: อบต.พิมาน", "short_name: ''", ["short_name", "ว่างเปล่า"], None),
    ("questions/2566.yml", "tool: IIT", "tool: OIT", ["I1", "OIT"], None),  # the first code, I1
    ("questions/2566.yml", "    indicator: 1\n", "    indicator: 11\n", ["11", "unknown indicator"], None),
    ("actions/2566.yml", "  - number: 2\n", "  - number: 1\n", ["ประเด็นที่ 1 ซ้ำ"], None),
    ("actions/2566.yml", "question: I21", "question: I20", ["I20", "มีแถวซ้ำ"], None),
    ("actions/2566.yml", "question: E5\n", "question: E5\n        score: 95.36\n", ["score หรือ scores"], None),
    ("actions/2566.yml", "        score: 89.69", "        scores: {EIT Public: 89.69}", ["I1", "EIT"], None),
    ("recommendations/2566.yml", "id: IIT-2", "id: IIT-1", ["IIT-1", "ซ้ำ"], None),
    ("recommendations/2566.yml", "id: EP1\n", "id: EP99\n", ["EP99"], None),
]


@pytest.mark.parametrize("file, old, new, words, hint", EDITS, ids=[f"{e[0]}:{e[2].strip()[:24]}" for e in EDITS])
def test_each_kind_of_problem_names_file_line_and_fix(data_copy, file, old, new, words, hint):
    path = data_copy / file
    up = new.startswith("(up)")
    new = new.removeprefix("(up)")
    line = replace_in(path, old, new) - up
    found = error_at(data_copy, file, line)
    text = " | ".join(str(e) for e in found)
    for word in words:
        assert word in text, text
    if hint is not None:
        assert hint in [e.suggestion for e in found], text
        assert f"หมายถึง '{hint}' หรือไม่?" in text


def test_a_slip_is_one_mistake_one_message(data_copy):
    """100 typed for 10: "did you mean 10", and not also "10 is missing"."""
    replace_in(data_copy / "years/2566.yml", "- indicator: 10", "- indicator: 100")
    found = problems(data_copy)
    assert len(found) == 1, found


def test_a_broken_file_is_not_reported_again_by_what_refers_to_it(data_copy):
    replace_in(data_copy / "indicators/09.yml", "tool: OIT", "tool: OTI")
    replace_in(data_copy / "questions/2566.yml", "fiscal_year: 2566", "fiscal_year: [2566]")
    found = problems(data_copy)
    assert [m.split(":")[0] for m in found] == ["data/indicators/09.yml", "data/questions/2566.yml"], found


def test_weights_that_do_not_add_up(data_copy):
    path = data_copy / "methodology/ita-2566.yml"
    replace_in(path, "weight: 0.3\n", "weight: 0.35\n")
    found = error_at(data_copy, "methodology/ita-2566.yml", line_of(path, "  - code: IIT"))
    assert "1.05" in str(found[0])


def test_duplicate_tool_in_methodology(data_copy):
    path = data_copy / "methodology/ita-2566.yml"
    line = replace_in(path, "{code: EIT,", "{code: IIT,")
    found = error_at(data_copy, "methodology/ita-2566.yml", line)
    assert any("IIT ซ้ำ" in e.problem for e in found), found


def test_stated_tool_score_that_does_not_add_up(data_copy):
    path = data_copy / "years/2566.yml"
    replace_in(path, "  level: ผ่านดี\n", "  level: ผ่านดี\n  tools: {IIT: 80.00, OTI: 100}\n")
    found = problems(data_copy)
    line = line_of(path, "tools: {IIT")
    assert any(m.startswith(f"data/years/2566.yml:{line}:") and "OTI" in m and "'OIT'" in m for m in found), found


def test_stated_tool_figure_is_checked(data_copy):
    path = data_copy / "years/2566.yml"
    replace_in(path, "  level: ผ่านดี\n", "  level: ผ่านดี\n  tools: {IIT: 80.00}\n")
    found = error_at(data_copy, "years/2566.yml", line_of(path, "tools: {IIT"))
    assert "80.00" in str(found[0]) and "87.13" in str(found[0])


def test_file_name_that_is_not_a_year(data_copy):
    (data_copy / "years/2566.yml").rename(data_copy / "years/final.yml")
    found = problems(data_copy)
    assert any(m.startswith("data/years/final.yml:1:1:") and "พ.ศ." in m for m in found), found


def test_table_of_a_year_without_results(data_copy):
    path = data_copy / "recommendations/2563.yml"
    text = (data_copy / "recommendations/2566.yml").read_text(encoding="utf-8").replace("fiscal_year: 2566", "fiscal_year: 2563")
    path.write_text(text, encoding="utf-8")
    found = error_at(data_copy, "recommendations/2563.yml", line_of(path, "fiscal_year: 2563"))
    assert "years/2563.yml" in str(found[0])


def test_missing_organization_file(data_copy):
    (data_copy / "organization.yml").unlink()
    only(data_copy, "data/organization.yml:1:1:")


# --- gaps found by probing: each is a DataError with file:line:col, never an exception ---


def line_of(path, text: str) -> int:
    return next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in t)


@pytest.mark.parametrize(
    "value",
    ["[" * 3000 + "]" * 3000, "{a: " * 1500 + "1" + "}" * 1500],  # beyond Python's recursion limit
    ids=["lists", "mappings"],
)
def test_deeply_nested_value_is_an_error_not_a_recursion_error(data_copy, value):
    path = data_copy / "organization.yml"
    line = appended_line(path)
    path.write_text(path.read_text(encoding="utf-8") + f"x: {value}\n", encoding="utf-8")
    msg = only(data_copy, f"data/organization.yml:{line}:")
    assert "ลึกเกิน" in msg and "nested" in msg


def test_deeply_nested_block_structure(data_copy):
    path = data_copy / "organization.yml"
    deep = "".join("  " * i + "a:\n" for i in range(40)) + "  " * 40 + "b: 1\n"
    path.write_text(path.read_text(encoding="utf-8") + deep, encoding="utf-8")
    assert "ลึกเกิน" in only(data_copy, "data/organization.yml:")


def test_a_folder_where_a_file_is_expected(data_copy):
    (data_copy / "years/2565.yml").unlink()
    (data_copy / "years/2565.yml").mkdir()
    assert "โฟลเดอร์" in only(data_copy, "data/years/2565.yml:1:1:")


def test_organization_yml_as_a_folder_is_not_reported_as_missing(data_copy):
    (data_copy / "organization.yml").unlink()
    (data_copy / "organization.yml").mkdir()
    msg = only(data_copy, "data/organization.yml:1:1:")
    assert "โฟลเดอร์" in msg and "ไม่พบ" not in msg


@pytest.mark.parametrize("text,kind", [("- a\n- b\n", "รายการ"), ("hello\n", "ข้อความ"), ("~\n", "ค่าว่าง")])
def test_top_level_must_be_a_mapping(data_copy, text, kind):
    (data_copy / "organization.yml").write_text(text, encoding="utf-8")
    msg = only(data_copy, "data/organization.yml:1:1:")
    assert kind in msg and "key: value" in msg


@pytest.mark.parametrize("key", ["1", "null", "~", "true", "1.5", "? [a, b]\n"])
def test_key_that_is_not_text(data_copy, key):
    path = data_copy / "organization.yml"
    line = appended_line(path)
    path.write_text(path.read_text(encoding="utf-8") + f"{key}: x\n", encoding="utf-8")
    msg = only(data_copy, f"data/organization.yml:{line}:")
    assert "key" in msg and "Keys should be strings" not in msg


def test_year_key_of_names_by_year_must_be_a_number(data_copy):
    path = data_copy / "indicators/08.yml"
    line = replace_in(path, "names_by_year:", "names_by_year:\n  abc: x") + 1
    found = problems(data_copy)  # (and indicator 8 is then unknown to the files that use it)
    assert any(m.startswith(f"data/indicators/08.yml:{line}:3:") and "'abc'" in m and "จำนวนเต็ม" in m for m in found), found


def test_extremely_long_line(data_copy):
    line = replace_in(data_copy / "organization.yml", "district: นาแก", "district: " + "ก" * 20_000)
    msg = only(data_copy, f"data/organization.yml:{line}:")
    assert "ยาวเกินไป" in msg


def test_file_too_big(data_copy):
    path = data_copy / "recommendations/2566.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    assert "ใหญ่เกินไป" in only(data_copy, "data/recommendations/2566.yml:1:1:")


def test_too_many_values(data_copy):
    path = data_copy / "questions/2566.yml"
    many = "".join(f"  - code: O{i}\n    tool: OIT\n    indicator: 9\n" for i in range(1000, 8000))
    path.write_text(path.read_text(encoding="utf-8") + many, encoding="utf-8")
    assert "มากเกินไป" in only(data_copy, "data/questions/2566.yml:")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u2028", "\u202e"])
def test_invisible_control_character_in_the_file(data_copy, char):
    line = replace_in(data_copy / "organization.yml", "district: นาแก", f"district: นา{char}แก")
    msg = only(data_copy, f"data/organization.yml:{line}:13:")
    assert f"U+{ord(char):04X}" in msg


@pytest.mark.parametrize("escape", ["\\x07", "\\r", "\\0", "\\u202E", "\\e"])
def test_control_character_written_as_an_escape(data_copy, escape):
    line = replace_in(data_copy / "organization.yml", "district: นาแก", f'district: "นา{escape}แก"')
    msg = only(data_copy, f"data/organization.yml:{line}:11:")
    assert "control character" in msg


def test_windows_line_ends_and_zero_width_space_are_fine(data_copy):
    path = data_copy / "organization.yml"
    text = path.read_text(encoding="utf-8").replace("district: นาแก", "district: นา\u200bแก")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert load_site(data_copy).organization.district == "นา\u200bแก"


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.INF", "1e400"])
def test_nan_and_infinity_are_not_scores(data_copy, value):
    line = replace_in(data_copy / "years/2565.yml", "score: 94.88", f"score: {value}")
    msg = only(data_copy, f"data/years/2565.yml:{line}:")
    assert "NaN/infinity" in msg


def test_nan_weight(data_copy):
    line = replace_in(data_copy / "methodology/ita-2566.yml", "weight: 0.3", "weight: .nan")
    found = problems(data_copy)
    assert any(m.startswith(f"data/methodology/ita-2566.yml:{line}:") and "NaN" in m for m in found), found


@pytest.mark.parametrize("where,old,new", [
    ("years/2565.yml", "score: 94.88", "score: true"),
    ("indicators/01.yml", "number: 1", "number: false"),
    ("years/2565.yml", "fiscal_year: 2565", "fiscal_year: TRUE"),
])
def test_boolean_is_not_a_number(data_copy, where, old, new):
    line = replace_in(data_copy / where, old, new)
    found = problems(data_copy)
    assert any(m.startswith(f"data/{where}:{line}:") and "true/false" in m for m in found), found


def test_yaml_1_1_surprises_are_plain_values(data_copy):
    """PyYAML's YAML 1.1 reads 01573 as octal 891, 10:30 as 630 and yes as true; the core
    schema reads what staff mean."""
    replace_in(data_copy / "years/2566.yml", "position: 1573", "position: 01573")
    replace_in(data_copy / "organization.yml", "district: นาแก", "district: yes")
    replace_in(data_copy / "actions/2566.yml", "period: ตลอดปีงบประมาณ ๒๕๖๗", "period: 10:30")
    replace_in(data_copy / "recommendations/2566.yml", "title: ", "title: 2566-10-01 ")
    site = load_site(data_copy)
    assert site.years[2566].file.rank.position == 1573
    assert site.organization.district == "yes"
    assert "10:30" in [r.period for i in site.years[2566].actions.issues for r in i.rows]


@pytest.mark.parametrize("value,what", [
    ("0x5e", "ตัวเลข"),   # hexadecimal: text, so a wrong type for a score
    ("1:30", "ตัวเลข"),   # sexagesimal
    ("1" + "0" * 5000, "ยาวเกินไป"),  # beyond Python's int() limit
])
def test_numbers_staff_do_not_mean(data_copy, value, what):
    line = replace_in(data_copy / "years/2565.yml", "score: 94.88", f"score: {value}")
    assert what in only(data_copy, f"data/years/2565.yml:{line}:")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo x']", "!!python/name:os.system", "!!binary aGk=", "!foo bar", "!!set {a: null}", "!!timestamp 2001-12-14"])
def test_yaml_tags_are_refused(data_copy, tag):
    path = data_copy / "organization.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("district: นาแก", f"district: {tag}"), encoding="utf-8")
    line = line_of(path, "district:")
    msg = only(data_copy, f"data/organization.yml:{line}:11:")
    assert "แท็ก" in msg


def test_billion_laughs_is_refused_quickly(data_copy):
    import time

    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (data_copy / "organization.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    msg = only(data_copy, "data/organization.yml:2:")
    assert "alias" in msg and time.monotonic() - start < 2


def test_merge_key_is_refused(data_copy):
    path = data_copy / "organization.yml"
    path.write_text(path.read_text(encoding="utf-8") + "<<: {x: 1}\n", encoding="utf-8")
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert "'<<'" in only(data_copy, f"data/organization.yml:{last}:")


def test_top_level_must_be_keys_and_values(data_copy):
    (data_copy / "organization.yml").write_text("- name\n- province\n", encoding="utf-8")
    assert "key: value" in only(data_copy, "data/organization.yml:1:")


def test_file_too_large(data_copy):
    (data_copy / "organization.yml").write_text("# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    assert "ใหญ่เกินไป" in only(data_copy, "data/organization.yml:1:1:")


def test_symlink_out_of_data(data_copy, tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("name: x\n", encoding="utf-8")
    (data_copy / "years" / "2560.yml").symlink_to(outside)
    assert "symlink" in only(data_copy, "data/years/2560.yml:1:1:")


def test_yaml_syntax_error_is_located_and_explained(data_copy):
    line = replace_in(data_copy / "organization.yml", "district: นาแก", "district: นาแก: ตำบล")
    msg = only(data_copy, f"data/organization.yml:{line}:")
    assert "เครื่องหมายคำพูด" in msg and "mapping values are not allowed here" in msg


# --- blanks to fill in (the year being filled) ----------------------------------------------


def test_blank_in_the_latest_year_is_to_fill_in_not_an_error(data_copy):
    from ita_site.site import inspect

    path = data_copy / "years/2566.yml"
    line = replace_in(path, "score: 84.11", "score: null")
    report = inspect(data_copy)
    assert report.errors == []
    assert [(t.file, t.line) for t in report.todo] == [("data/years/2566.yml", line)]
    assert "ยังไม่ได้กรอก" in str(report.todo[0]) and "ตัวชี้วัดที่ 2" in str(report.todo[0])
    assert sorted(report.site.years) == [2564, 2565] and list(report.site.pending) == [2566]


def test_blank_in_a_published_year_is_an_error(data_copy):
    line = replace_in(data_copy / "years/2565.yml", "score: 94.88", "score:")
    msg = only(data_copy, f"data/years/2565.yml:{line}:")
    assert "ไม่ใช่ปีล่าสุด" in msg


def test_a_site_with_only_a_year_to_fill_in_is_valid(data_copy):
    """No published year is no error (issue #11): the home page says what to fill in."""
    for year in (2564, 2565):
        (data_copy / f"years/{year}.yml").unlink()
    replace_in(data_copy / "years/2566.yml", "total: 95.07", "total: null")
    site = load_site(data_copy)
    assert not site.has_results and list(site.pending) == [2566]


# --- the command ---------------------------------------------------------------------------

VALIDATE = [sys.executable, str(ROOT / "scripts/validate.py")]


def test_validate_command_exit_codes_and_output(data_copy):
    ok = subprocess.run([*VALIDATE, str(data_copy)], capture_output=True, text=True)
    assert ok.returncode == 0 and "ข้อมูลถูกต้อง" in ok.stdout
    replace_in(data_copy / "organization.yml", "province:", "provinse:")
    line = replace_in(data_copy / "years/2566.yml", "score: 84.11", "score: null")
    bad = subprocess.run([*VALIDATE, str(data_copy)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "data/organization.yml:" in bad.stderr and "'province'" in bad.stderr
    assert f"data/years/2566.yml:{line}:" in bad.stdout and "ยังไม่ได้กรอก" in bad.stdout  # listed too
    assert "Traceback" not in bad.stderr


def test_validate_command_to_fill_in_passes_unless_complete_is_asked(data_copy):
    replace_in(data_copy / "years/2566.yml", "score: 84.11", "score: null")
    filling = subprocess.run([*VALIDATE, str(data_copy)], capture_output=True, text=True)
    assert filling.returncode == 0, filling.stderr
    assert "ยังไม่ได้กรอก 1 ช่อง" in filling.stdout and "รอกรอกข้อมูล" in filling.stdout
    complete = subprocess.run([*VALIDATE, str(data_copy), "--complete"], capture_output=True, text=True)
    assert complete.returncode == 1




@pytest.mark.parametrize("edit,english", [
    (("district: นาแก", 'district: "นาแก'), "found unexpected end of stream"),
    (("district: นาแก", "district: นา: แก"), "mapping values are not allowed"),
    (("district: นาแก", "district: [นาแก"), "expected ',' or ']'"),
    (("district: นาแก", "district: นาแก\n---\nx: 1"), "found another document"),
])
def test_syntax_errors_are_explained_in_thai(data_copy, edit, english):
    path = data_copy / "organization.yml"
    replace_in(path, *edit)
    msg = only(data_copy, "data/organization.yml:")
    assert english in msg  # the English original, to search for
    thai = msg.split("YAML ผิดรูปแบบ: ")[1]
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in thai.split("(")[0]), msg
    line = int(msg.split(":")[1])
    assert 1 <= line <= len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name,hint", [
    ("years/2565.yaml", "2565.yml"),
    ("years/2565.YML", "2565.yml"),
    ("Organization.yml", "organization.yml"),
])
def test_wrong_extension_or_case_says_the_right_name(data_copy, name, hint):
    source = data_copy / ("organization.yml" if name == "Organization.yml" else "years/2565.yml")
    source.rename(data_copy / name)
    found = problems(data_copy)
    assert any(m.startswith(f"data/{name}:1:1:") and f"'{hint}'" in m for m in found), found


def test_folder_name_in_the_wrong_case(data_copy):
    (data_copy / "questions").rename(data_copy / "Questions")
    found = problems(data_copy)
    assert any(m.startswith("data/Questions/2566.yml:1:1:") and "'questions'" in m for m in found), found


def test_christian_era_year_file_name(data_copy):
    (data_copy / "years/2565.yml").rename(data_copy / "years/2022.yml")
    found = problems(data_copy)
    assert any(m.startswith("data/years/2022.yml:1:1:") and "2565.yml" in m for m in found), found


def test_per_year_file_of_a_year_without_results(data_copy):
    path = data_copy / "questions/2567.yml"
    path.write_text((data_copy / "questions/2566.yml").read_text(encoding="utf-8").replace("2566", "2567"), encoding="utf-8")
    msg = only(data_copy, "data/questions/2567.yml:")
    assert "years/2567.yml" in msg and "{year}" not in msg


def test_symlink_out_of_data_is_not_read(data_copy, tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text("root: x:0:0:secret-content\n", encoding="utf-8")
    (data_copy / "organization.yml").unlink()
    (data_copy / "organization.yml").symlink_to(secret)
    found = problems(data_copy)
    assert any(m.startswith("data/organization.yml:1:1:") and "symlink" in m for m in found), found
    assert not any("secret-content" in m or "'root'" in m for m in found), found


def test_broken_symlink(data_copy):
    (data_copy / "years/2563.yml").symlink_to(data_copy / "years/nothing.yml")
    assert "symlink" in only(data_copy, "data/years/2563.yml:1:1:")


def test_named_pipe_does_not_hang_the_build(data_copy):
    import os

    os.mkfifo(data_copy / "years/2563.yml")
    assert "ไม่ใช่ไฟล์ธรรมดา" in only(data_copy, "data/years/2563.yml:1:1:")


def test_unreadable_file(data_copy):
    from conftest import make_unreadable, validate

    path = data_copy / "years/2565.yml"
    make_unreadable(path)
    try:
        result = validate(data_copy, unprivileged=True)
    finally:
        path.chmod(0o644)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/years/2565.yml:1:1:" in result.stderr and "permission denied" in result.stderr


def test_unreadable_folder(data_copy):
    from conftest import make_unreadable, validate

    folder = data_copy / "questions"
    make_unreadable(folder)
    try:
        result = validate(data_copy, unprivileged=True)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/questions:1:1:" in result.stderr and "permission denied" in result.stderr


def test_problems_of_one_file_are_capped(data_copy):
    path = data_copy / "questions/2566.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("indicator: ", "indicator: x").replace("tool: OIT", "tool: oit"), encoding="utf-8")
    assert text.count("indicator: ") + text.count("tool: OIT") > 51
    found = problems(data_copy)
    mine = [m for m in found if m.startswith("data/questions/2566.yml:")]
    assert len(mine) == 51 and any("อีก" in m for m in mine), len(mine)
