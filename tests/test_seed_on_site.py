"""The seed report's numbers and codes appear on the right pages of the built site.

The site is the default agency's fixture (tests/fixtures/default_agency/data). The expectations
are written here from the source report (shared/seeds), not read from the data, so that a
transcription error in the data fails these tests.
"""

from __future__ import annotations

import re

import pytest

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# The comparison table of the report (lines 107-120), indicators 1-10 and the total.
SCORES = {
    2564: [95.60, 91.91, 95.47, 92.85, 93.16, 82.13, 69.82, 76.97, 95.00, 100.00],
    2565: [94.88, 90.74, 94.11, 90.59, 92.16, 91.13, 93.67, 91.43, 100.00, 100.00],
    2566: [94.85, 84.11, 90.51, 83.07, 83.11, 96.77, 96.95, 95.62, 100.00, 100.00],
}
TOTALS = {2564: 90.03, 2565: 95.37, 2566: 95.07}
NAMES = [
    "การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต",
    "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต",
]
# The seven issues (lines 130-202): question codes and their score(s) per issue.
ISSUES = {
    1: {"O14": ["100"], "I1": ["89.69"]},
    2: {"E5": ["95.36", "100"], "O18": ["100"]},
    3: {"E6": ["95.36", "100"], "E7": ["95.36"]},
    4: {"I20": ["70.87"], "I21": ["85.50"]},
    5: {"I7": ["72.06"], "O11": ["100"]},
    6: {"I15": ["84.44"], "O40": ["100"]},
    7: {"O32": ["100"], "O35": ["100"]},
}
RECOMMENDATION_CODES = ["EP1", "EP2", "EP3", "EP8", "EP10", "ES1", "ES3", "ES11", "ES12", "ES15"]
CITED = ["O7", "O8", "O9", "O11", "O12", "O13", "O14", "O15", "O17", "O18", "O23", "O24", "O25", "O28", "O36", "O38", "O39", "O41"]


def numbers(text: str) -> str:
    return text.translate(THAI)


def fmt(v) -> str:
    return f"{float(v):.2f}"


@pytest.mark.parametrize("year", sorted(SCORES))
def test_overview_of_each_year_shows_its_scores_and_total(site, year):
    page = "index.html" if year == max(SCORES) else f"years/{year}.html"
    text = numbers(site.text(page))
    names = list(NAMES)
    if year < 2566:  # the FY2564-2565 name of indicator 8
        names[7] = "การปรับปรุงระบบการทำงาน"
    for name, score in zip(names, SCORES[year]):
        assert name in text
        assert fmt(score) in text, (year, name, score)
    assert fmt(TOTALS[year]) in text


def test_overview_shows_rank_level_and_tool_scores(site):
    text = numbers(site.text("index.html"))
    assert "1,573" in text
    assert "ผ่านดี" in text
    for tool, value in {"IIT": "87.13", "EIT": "96.45", "OIT": "100.00"}.items():
        assert re.search(rf"{tool}\s+(ร้อยละ\s+)?{value}", text), tool


@pytest.mark.parametrize("number", range(1, 11))
def test_indicator_page_shows_its_score_every_year(site, number):
    soup = site.soup(f"indicators/{number}.html")
    assert NAMES[number - 1] in soup.h1.get_text()
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in soup.select("article table tr")]
    by_year = {r[0]: r[1] for r in rows if r and r[0].startswith("พ.ศ.")}
    for year, scores in SCORES.items():
        assert by_year[f"พ.ศ. {year}"] == fmt(scores[number - 1])


def test_comparison_page_has_every_score_and_total(site):
    soup = site.soup("comparison.html")
    table = soup.select_one("article table:not(figure table)")  # the page table, not a chart's
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]
    for i, name in enumerate(NAMES):
        row = next(r for r in rows if name in r[0])
        assert row[1:4] == [fmt(SCORES[y][i]) for y in (2564, 2565, 2566)]
    total = next(r for r in rows if "คะแนนรวม" in r[0])
    assert total[1:4] == [fmt(TOTALS[y]) for y in (2564, 2565, 2566)]


@pytest.mark.parametrize("issue", sorted(ISSUES))
def test_issue_page_has_its_question_rows_and_scores(site, issue):
    soup = site.soup(f"issues/2566/{issue}.html")
    rows = soup.select("table.ita-action-table tbody tr[id]")
    assert [r["id"] for r in rows] == list(ISSUES[issue])
    for row in rows:
        cells = row.find_all(["th", "td"])
        assert len(cells) == 7
        score_text = cells[1].get_text(" ", strip=True)
        for value in ISSUES[issue][row["id"]]:
            assert fmt(value) in score_text, (row["id"], value, score_text)


def test_issue_pages_have_fourteen_rows_in_all(site):
    total = sum(len(site.soup(f"issues/2566/{n}.html").select("table.ita-action-table tbody tr[id]")) for n in range(1, 8))
    assert total == 14


def test_action_rows_keep_lists_and_texts(site):
    soup = site.soup("issues/2566/4.html")
    row = soup.select_one("tr#I20")
    cells = row.find_all(["th", "td"])
    assert "ขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สินของราชการ" in cells[0].get_text()
    assert len(cells[2].find_all("li")) == 3  # practice
    assert cells[3].get_text(strip=True) == "กองคลัง"
    assert len(cells[4].find_all("li")) == 5  # steps
    assert "ตลอดปีงบประมาณ ๒๕๖๗" in cells[5].get_text()
    assert len(cells[6].find_all("li")) == 2  # constraints
    assert "<ul" not in cells[2].get_text()  # the seed's HTML markup is gone


def test_recommendations_page_has_every_code_and_citation(site):
    soup = site.soup("recommendations/2566.html")
    ids = {h["id"] for h in soup.select("article h3[id]")}
    assert {"IIT-1", "IIT-2", "IIT-3", "IIT-4", *RECOMMENDATION_CODES} <= ids
    links = {a.get_text(strip=True) for a in soup.select("article a[href*='questions/2566.html#'], article a[href*='oit/2566.html#']")}
    assert set(CITED) <= links
    text = numbers(site.text("recommendations/2566.html"))
    assert "85.07" not in text  # the seed's typo for the total
    assert "95.07" in text


def test_every_code_link_points_to_an_existing_anchor(site):
    soup = site.soup("questions/2566.html")
    anchors = {el["id"] for el in soup.select("[id]")}
    for code in [c for issue in ISSUES.values() for c in issue] + RECOMMENDATION_CODES + CITED:
        assert code in anchors, code


def test_organization_name_is_spelt_right_everywhere(site):
    for html in site.path.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for wrong in ("พินาม", "พินาน", "พิमान", "การใช้จ่ายเงิน", "คำร้อยละ", "ขอจำกัด"):
            assert wrong not in text, (html, wrong)
