"""Bad progress data (data/progress/<year>.yml) stops the build with file, line and a fix."""

from __future__ import annotations

import pytest
from conftest import AS_OF, AS_OF_EPOCH, build, replace_in

from ita_site.errors import DataErrors
from ita_site.site import load_site

PROGRESS = "progress/2566.yml"
WHERE = "data/progress/2566.yml"


def problems(data_dir, as_of=AS_OF) -> list[str]:
    with pytest.raises(DataErrors) as exc:
        load_site(data_dir, build_date=as_of)
    return [str(e) for e in exc.value.errors]


def only(data_dir, where: str, as_of=AS_OF) -> str:
    found = problems(data_dir, as_of)
    assert len(found) == 1, found
    assert found[0].startswith(where), found[0]
    return found[0]


def test_fixture_is_valid(tracking_data):
    site = load_site(tracking_data, build_date=AS_OF)
    progress = site.years[2566].progress
    assert progress.plan_year == 2567
    assert len(progress.actions) == 5
    assert site.years[2566].sources["progress"] == WHERE


def test_unknown_status(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "status: in_progress", "status: finished")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "finished" in msg
    # the message lists what may be written, with the Thai meaning of each
    assert "done (ดำเนินการแล้วเสร็จ)" in msg and "cancelled (ยกเลิก)" in msg


def test_update_before_the_fiscal_year(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "date: 2023-11-15", "date: 2023-09-15")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "2023-09-15" in msg and "ปีงบประมาณ 2567" in msg
    assert "2023-10-01" in msg and "2024-09-30" in msg


def test_update_after_the_fiscal_year(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "date: 2024-04-02", "date: 2024-10-02")
    msg = only(tracking_data, f"{WHERE}:{line}:", as_of=AS_OF.replace(year=2025))
    assert "2024-10-02" in msg and "ปีงบประมาณ 2567" in msg


def test_update_in_the_future(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "date: 2024-04-02", "date: 2024-05-02")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "2024-05-02" in msg and "2024-05-01" in msg  # the update and the build date


def test_the_same_update_is_fine_once_the_build_date_has_come(tracking_data):
    replace_in(tracking_data / PROGRESS, "date: 2024-04-02", "date: 2024-05-02")
    load_site(tracking_data, build_date=AS_OF.replace(day=2))


def test_done_without_any_update(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "status: not_started", "status: done")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "O14" in msg and "updates" in msg


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "ftp://example.org/a.pdf", "www.example.org/a", "https://", "https://exa mple.org/"],
)
def test_malformed_link(tracking_data, link):
    line = replace_in(tracking_data / PROGRESS, "https://example.org/ita/manual-draft", link)
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "http" in msg


def test_evidence_file_that_does_not_exist(tracking_data):
    (tracking_data / "evidence/2567/i20-draft.pdf").unlink()
    line = replace_in(tracking_data / PROGRESS, "evidence/2567/i20-draft.pdf", "evidence/2567/i20-draft.pdf")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "data/evidence/2567/i20-draft.pdf" in msg and "ไม่พบ" in msg


@pytest.mark.parametrize("path", ["../organization.yml", "evidence/../years/2566.yml", "years/2566.yml", "/etc/passwd"])
def test_evidence_outside_the_evidence_folder(tracking_data, path):
    line = replace_in(tracking_data / PROGRESS, "- evidence/2567/i21-notice.png", f"- {path}")
    found = problems(tracking_data)
    assert any(m.startswith(f"{WHERE}:{line}:") and "data/evidence/" in m for m in found), found


def test_evidence_written_from_the_project_root_is_accepted(tracking_data):
    replace_in(tracking_data / PROGRESS, "- evidence/2567/i21-notice.png", "- data/evidence/2567/i21-notice.png")
    load_site(tracking_data, build_date=AS_OF)


def test_evidence_file_that_no_update_uses(tracking_data):
    (tracking_data / "evidence/2567/spare.pdf").write_bytes(b"%PDF-1.4\n")
    only(tracking_data, "data/evidence/2567/spare.pdf:1:")


def test_evidence_file_of_a_type_a_browser_would_run(tracking_data):
    (tracking_data / "evidence/2567/page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    msg = only(tracking_data, "data/evidence/2567/page.html:1:")
    assert ".html" in msg


def test_unknown_issue(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "issue: 5", "issue: 9")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "9" in msg and "data/actions/2566.yml" in msg


def test_unknown_question(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "question: I20", "question: I99")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "I99" in msg and "I20" in msg  # the codes of issue 4 are suggested


def test_question_of_another_issue_names_the_right_issue(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "issue: 2\n    question: E5", "issue: 3\n    question: E5") + 1
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "issue: 2" in msg


def test_malformed_question_code(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "question: I20", "question: i-20")
    only(tracking_data, f"{WHERE}:{line}:")


def test_same_action_tracked_twice(tracking_data):
    path = tracking_data / PROGRESS
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - issue: 4\n    question: I21\n    status: in_progress\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "I21" in msg


def test_buddhist_era_year_in_a_date_suggests_the_gregorian_one(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "date: 2023-11-15", "date: 2566-11-15")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "2023-11-15" in msg and "พ.ศ." in msg


@pytest.mark.parametrize("written", ["15/11/2566", "'15 พ.ย. 2566'", "2024-02-30", "2024-13-01"])
def test_date_that_is_not_a_date(tracking_data, written):
    line = replace_in(tracking_data / PROGRESS, "date: 2023-11-15", f"date: {written}")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "วันที่" in msg


def test_date_in_thai_digits_is_accepted(tracking_data):
    replace_in(tracking_data / PROGRESS, "date: 2023-11-15", "date: '๒๐๒๓-๑๑-๑๕'")
    site = load_site(tracking_data, build_date=AS_OF)
    assert str(site.years[2566].progress.actions[0].updates[0].date) == "2023-11-15"


def test_planned_end_before_start(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "end: 2024-04-30", "end: 2023-11-30")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "2023-11-30" in msg and "2023-12-01" in msg


def test_planned_period_outside_the_fiscal_year(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "end: 2024-09-30", "end: 2024-12-31")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "2024-12-31" in msg


def test_plan_year_that_does_not_follow_the_assessment(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "plan_year: 2567", "plan_year: 2570")
    found = problems(tracking_data)
    assert any(m.startswith(f"{WHERE}:{line}:") and "2570" in m for m in found), found


def test_progress_for_a_year_without_action_table(tracking_data):
    path = tracking_data / "progress/2565.yml"
    path.write_text("fiscal_year: 2565\nplan_year: 2566\nactions: []\n", encoding="utf-8")
    msg = only(tracking_data, "data/progress/2565.yml:1:")
    assert "actions/2565.yml" in msg


def test_unknown_key_in_an_update_suggests_the_right_one(tracking_data):
    line = replace_in(tracking_data / PROGRESS, "evidence:\n          - https", "evidense:\n          - https")
    msg = only(tracking_data, f"{WHERE}:{line}:")
    assert "'evidence'" in msg


def test_every_progress_problem_is_reported_at_once(tracking_data):
    replace_in(tracking_data / PROGRESS, "status: in_progress", "status: finished")
    replace_in(tracking_data / PROGRESS, "date: 2024-04-02", "date: 2024-05-02")
    replace_in(tracking_data / PROGRESS, "issue: 5", "issue: 9")
    assert len(problems(tracking_data)) == 3


def test_build_stops_at_a_progress_problem(tracking_data, tmp_path):
    line = replace_in(tracking_data / PROGRESS, "status: in_progress", "status: finished")
    result = build(tmp_path / "site", tracking_data, env={"SOURCE_DATE_EPOCH": AS_OF_EPOCH})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"{WHERE}:{line}:" in output
