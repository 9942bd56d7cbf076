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
