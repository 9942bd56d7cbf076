"""Generated Thai prose agrees with the numbers; staff-written paragraphs override it."""

from __future__ import annotations

import re

import yaml
from conftest import DEFAULT_AGENCY, ROOT, build, replace_in

from ita_site import narrative
from ita_site.pages import Options, build_pages
from ita_site.site import load_site

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def page(site, path, options=Options()):
    return next(p for p in build_pages(site, options) if p.path == path).markdown


def section(markdown: str, heading: str) -> str:
    start = markdown.index(f"## {heading}")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end > 0 else None]


def test_strengths_of_2566_are_the_seven_above_90_in_score_order():
    site = load_site(DEFAULT_AGENCY)
    assert [r.number for r in narrative.strengths(site, site.years[2566])] == [9, 10, 7, 6, 8, 1, 3]


def test_weak_points_of_2566_are_indicators_2_5_4():
    site = load_site(DEFAULT_AGENCY)
    assert [r.number for r in narrative.weak_points(site, site.years[2566])] == [2, 5, 4]


def test_strengths_on_the_built_page(site):
    soup = site.soup("index.html")
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h3")]
    order = [int(re.search(r"ตัวชี้วัดที่ (\d+)", h.translate(THAI)).group(1)) for h in headings if "ตัวชี้วัดที่" in h]
    assert order[:7] == [9, 10, 7, 6, 8, 1, 3]
    text = site.text("index.html").translate(THAI)
    assert "จุดแข็ง (ตัวชี้วัดที่ได้คะแนนมากกว่าร้อยละ 90) จำนวน 7 ตัวชี้วัด" in text


def test_weak_points_text_names_scores_and_links_recommendations(site):
    soup = site.soup("index.html")
    weak = soup.find(lambda t: t.name == "h2" and "จุดที่ต้องพัฒนา" in t.get_text())
    block = []
    for el in weak.find_next_siblings():
        if el.name == "h2":
            break
        block.append(el)
    text = " ".join(e.get_text(" ") for e in block).translate(THAI)
    for n, score in ((2, "84.11"), (5, "83.11"), (4, "83.07")):
        assert f"ตัวชี้วัดที่ {n}" in text and score in text
    assert text.index("ตัวชี้วัดที่ 2") < text.index("ตัวชี้วัดที่ 5") < text.index("ตัวชี้วัดที่ 4")
    links = {a["href"] for e in block for a in e.find_all("a")}
    assert "recommendations/2566.html#IIT-1" in links
    assert "recommendations/2566.html#IIT-4" in links


def test_generated_results_paragraph_matches_the_numbers(data_copy):
    path = data_copy / "years/2566.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    del doc["narrative"]["results"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = load_site(data_copy)
    text = section(page(site, "index.md"), "ผลการประเมิน").translate(THAI)
    assert "ลำดับที่ 1,573" in text
    assert "ร้อยละ 95.07" in text and "ระดับ ผ่านดี" in text
    # every indicator with its score, from highest to lowest
    positions = []
    for r in narrative.ranked(site, site.years[2566]):
        name = f"ตัวชี้วัด{r.name}"
        assert name in text, name
        positions.append(text.index(name))
        assert f"{r.score:.2f}" in text
    assert positions == sorted(positions)
    assert "ได้คะแนนสูงสุดเท่ากับร้อยละ 100.00" in text
    assert "ได้คะแนนต่ำสุดเท่ากับร้อยละ 83.07" in text
    assert "IIT ร้อยละ 87.13 EIT ร้อยละ 96.45 และ OIT ร้อยละ 100.00" in text


def test_staff_paragraph_overrides_the_generated_one(data_copy):
    replace_in(
        data_copy / "years/2565.yml",
        "fiscal_year: 2565\n",
        "fiscal_year: 2565\nnarrative:\n  strengths: ย่อหน้าที่เจ้าหน้าที่เขียนเอง ได้ร้อยละ ๙๔.๘๘\n",
    )
    site = load_site(data_copy)
    text = section(page(site, "years/2565.md"), "จุดแข็ง")
    assert "ย่อหน้าที่เจ้าหน้าที่เขียนเอง" in text
    assert "จำนวน" not in text.split("###")[0]  # the generated sentence is gone


def test_override_quoting_a_wrong_figure_is_refused(data_copy):
    line = replace_in(
        data_copy / "years/2565.yml",
        "fiscal_year: 2565\n",
        "fiscal_year: 2565\nnarrative:\n  strengths: คะแนนรวมร้อยละ ๘๕.๐๗\n",
    )
    from ita_site.errors import DataErrors
    import pytest

    with pytest.raises(DataErrors) as exc:
        load_site(data_copy)
    assert any(e.file == "data/years/2565.yml" and e.line == line + 2 and "๘๕.๐๗" in e.problem for e in exc.value.errors)


def test_year_over_year_change_in_words_and_signs():
    site = load_site(DEFAULT_AGENCY)
    text = section(page(site, "index.md"), "เปรียบเทียบกับปีก่อน").translate(THAI)
    assert "คะแนนภาพรวมลดลง 0.30 คะแนน (จากร้อยละ 95.37 เป็นร้อยละ 95.07)" in text
    assert "ตัวชี้วัดที่คะแนนเพิ่มขึ้น 3 ตัวชี้วัด" in text and "คุณภาพการดำเนินงาน (+5.64)" in text
    assert "ตัวชี้วัดที่คะแนนลดลง 5 ตัวชี้วัด" in text and "การแก้ไขปัญหาการทุจริต (−9.05)" in text
    assert "ตัวชี้วัดที่คะแนนเท่าเดิม 2 ตัวชี้วัด" in text


def test_thai_digits_in_prose_can_be_switched_off():
    site = load_site(DEFAULT_AGENCY)
    thai = section(page(site, "index.md"), "จุดแข็ง")
    arabic = section(page(site, "index.md", Options(thai_digits=False)), "จุดแข็ง")
    assert "ร้อยละ ๑๐๐.๐๐" in thai
    assert "ร้อยละ 100.00" in arabic and "๑๐๐.๐๐" not in arabic


def test_the_overview_header_follows_thai_digits_throughout():
    """The line under the title names the fiscal year and its dates in one kind of digits."""
    site = load_site(DEFAULT_AGENCY)
    for options, other in ((Options(), "0123456789"), (Options(thai_digits=False), "๐๑๒๓๔๕๖๗๘๙")):
        header = next(line for line in page(site, "index.md", options).splitlines() if "ค.ศ." in line)
        assert "ปีงบประมาณ พ.ศ." in header and "ต.ค." in header
        assert not any(d in header for d in other), header


def test_thai_digits_option_in_mkdocs_yml(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("thai_digits: true", "thai_digits: false")
    (ROOT / "mkdocs.arabic.yml").write_text(config, encoding="utf-8")
    try:
        result = build(tmp_path / "site", DEFAULT_AGENCY, "--config-file", str(ROOT / "mkdocs.arabic.yml"))
    finally:
        (ROOT / "mkdocs.arabic.yml").unlink()
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "ได้คะแนนเท่ากับร้อยละ 100.00" in html


def test_levels_follow_each_years_methodology():
    site = load_site(DEFAULT_AGENCY)
    assert site.years[2566].computed.level == "ผ่านดี"  # IIT 87.13 < 95: not ผ่านดีเยี่ยม
    assert site.years[2565].computed.level == "AA"
    assert site.years[2564].computed.level == "A"
