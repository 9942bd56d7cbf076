"""Bad data stops the build with one clear message per problem: file, line, what, expected."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import ROOT, build, replace_in

from ita_site.errors import DataErrors
from ita_site.site import load_site


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
    site = load_site(ROOT / "data")
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
    replace_in(data_copy / "organization.yml", "district: นาแก\n", "")
    # reported at the mapping that lacks it: here the top level, which starts at its first key
    first_key = replace_in(data_copy / "organization.yml", "name:", "name:")
    msg = only(data_copy, f"data/organization.yml:{first_key}:1:")
    assert "district" in msg


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


def test_year_missing_an_indicator(data_copy):
    path = data_copy / "years/2564.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - indicator: 10")
    path.write_text(text[:start], encoding="utf-8")
    found = problems(data_copy)
    assert any(m.startswith("data/years/2564.yml:") and "10" in m for m in found), found


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


def test_build_fails_cleanly_and_keeps_the_previous_site(data_copy, tmp_path):
    out = tmp_path / "site"
    assert build(out, data_copy).returncode == 0
    before = (out / "index.html").read_bytes()
    line = replace_in(data_copy / "years/2566.yml", "total: 95.07", "total: 85.07")
    result = build(out, data_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"data/years/2566.yml:{line}:" in output
    assert (out / "index.html").read_bytes() == before


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


def test_a_site_needs_one_complete_year(data_copy):
    for year in (2564, 2565):
        (data_copy / f"years/{year}.yml").unlink()
    replace_in(data_copy / "years/2566.yml", "total: 95.07", "total: null")
    assert "ยังไม่มีปีงบประมาณที่กรอกข้อมูลครบ" in only(data_copy, "data/years/2566.yml:")


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


def test_checking_the_default_data_takes_well_under_a_second():
    from ita_site.site import inspect

    inspect(ROOT / "data")  # imports and caches warm
    start = time.perf_counter()
    inspect(ROOT / "data")
    assert time.perf_counter() - start < 0.5
