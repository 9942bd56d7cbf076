"""Bad data stops the build with one clear message per problem: file, line, what, expected."""

from __future__ import annotations

import pytest
from conftest import build, replace_in

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
    from conftest import ROOT

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
    line = replace_in(data_copy / "organization.yml", "district: นาแก\n", "")
    msg = only(data_copy, "data/organization.yml:1:")
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
    path.write_text(path.read_text(encoding="utf-8") + f"x: {value}\n", encoding="utf-8")
    msg = only(data_copy, "data/organization.yml:7:")
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
    path.write_text(path.read_text(encoding="utf-8") + f"{key}: x\n", encoding="utf-8")
    msg = only(data_copy, "data/organization.yml:7:")
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
    path.write_text(path.read_text(encoding="utf-8") + "<<: {a: 1}\n", encoding="utf-8")
    assert "merge" in only(data_copy, "data/organization.yml:7:1:")


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
