"""The OIT page of each year (การเปิดเผยข้อมูลสาธารณะ): the year's OIT items with the agency's
disclosures, checked, counted, linked from the rest of the site, in open data and the feed.

Built from the OIT fixture (tests/fixtures/oit over tests/fixtures/other_agency/data), and
from the default agency's fixture for ``test_default_data_oit_page_lists_the_reports_items``
(the report's items, not yet disclosed); never from data/.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest
from conftest import AS_OF_EPOCH, DEFAULT_AGENCY, ROOT, BuiltSite, build, replace_in, validate

from ita_site.linkhealth import LinkHealth, LinkStatus, to_json

PAGE = "oit/2567.html"
ATOM = "{http://www.w3.org/2005/Atom}"


def item(site: BuiltSite, code: str, page: str = PAGE):
    """The heading of an item and the block that follows it (its state, links, year before)."""
    soup = site.soup(page)
    heading = soup.find(id=code)
    assert heading is not None and heading.name == "h4", code
    return heading, heading.find_next_sibling("div", class_="ita-oit-item")


def test_each_item_shows_its_state_links_and_dates(oit_site):
    _, o1 = item(oit_site, "O1")
    assert o1.select_one(".ita-status").get_text() == "เปิดเผยแล้ว"
    assert "แผนผังการแบ่งส่วนงานภายในของหน่วยงาน" in o1.get_text()  # what the item asks for
    (a,) = o1.select("ul.ita-oit-links a")
    assert a["href"] == "https://www.ban-mai.example/structure" and a.get_text() == "แผนผังโครงสร้างเทศบาล ปี 2567"
    assert o1.select_one("time")["datetime"] == "2023-11-02"
    _, o6 = item(oit_site, "O6")
    assert [li.select_one(".ita-oit-links__when").get_text() for li in o6.select("ul.ita-oit-links li")] == ["ไตรมาส 1", "ไตรมาส 2"]
    _, o20 = item(oit_site, "O20")  # a file of data/evidence/ is published and linked relatively
    hrefs = [a["href"] for a in o20.select("ul.ita-oit-links a")]
    assert hrefs[0] == "../evidence/2567/o20-procurement.pdf" and (oit_site.path / "evidence/2567/o20-procurement.pdf").is_file()
    _, o21 = item(oit_site, "O21")
    assert o21.select_one(".ita-status").get_text() == "ไม่เกี่ยวข้องกับหน่วยงาน"
    assert "เหตุผล: เทศบาลไม่มีแผนการจัดหาพัสดุแยกต่างหาก" in o21.get_text()
    for code in ("O2", "O30"):  # in the catalog, not in the disclosures: not yet disclosed, no link
        _, block = item(oit_site, code)
        assert block.select_one(".ita-status").get_text() == "ยังไม่เปิดเผย" and not block.select("a[href^=http]")


def test_items_are_grouped_as_the_catalog_says_and_counted(oit_site):
    soup = oit_site.soup(PAGE)
    article = soup.select_one("article")
    order = [(h.name, h.get_text(" ", strip=True).rstrip("¶").strip()) for h in article.select("h2, h3, h4")]
    names = [text for _, text in order]
    assert names.index("ข้อมูลพื้นฐาน") < names.index("O1 โครงสร้างหน่วยงาน") < names.index("O6 ข่าวประชาสัมพันธ์")
    assert names.index("การบริหารเงินงบประมาณ") < names.index("O20 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี")
    assert names.index("รายการที่แคตตาล็อกยังไม่ระบุกลุ่ม") < names.index("O30 รายการที่ยังไม่จัดกลุ่ม")
    table = article.select_one("table.ita-count-table")
    rows = {tr.th.get_text(strip=True): [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")}
    # columns: all, disclosed, not yet, not applicable
    assert rows["9. ข้อมูลพื้นฐาน"] == ["3", "2", "1", "0"]
    assert rows["9. การบริหารเงินงบประมาณ"] == ["2", "1", "0", "1"]
    assert rows["10. รายการที่แคตตาล็อกยังไม่ระบุกลุ่ม"] == ["1", "0", "1", "0"]
    assert rows["รวมทุกรายการ"] == ["7", "4", "2", "1"]
    assert "เปิดเผยแล้ว ๔ รายการ ยังไม่เปิดเผย ๒ รายการ และไม่เกี่ยวข้องกับหน่วยงาน ๑ รายการ" in oit_site.text(PAGE)


def test_the_item_of_the_same_title_the_year_before_is_linked(oit_site):
    _, o6 = item(oit_site, "O6")
    (prev,) = [a for a in o6.select("a") if "2566" in a["href"]]
    assert prev["href"] == "2566.html#O7"  # same title, another code the year before
    _, o2 = item(oit_site, "O2")
    assert not [a for a in o2.select("a") if "2566" in a.get("href", "")]  # no item of that title in 2566
    heading, _ = item(oit_site, "O7", "oit/2566.html")
    assert heading.get_text(strip=True).startswith("O7 ข่าวประชาสัมพันธ์")


def test_the_page_is_linked_from_indicators_overview_navigation_codes_and_citations(oit_site):
    nav = oit_site.soup("index.html").select_one("nav.md-nav--primary")
    assert "การเปิดเผยข้อมูล (OIT) พ.ศ. 2567" in nav.get_text(" ")
    for number in (9, 10):
        hrefs = [a["href"] for a in oit_site.soup(f"indicators/{number}.html").select("article a")]
        assert f"../oit/2567.html#indicator-{number}" in hrefs, number
    assert "indicator-9" in [el.get("id") for el in oit_site.soup(PAGE).select("h2")]
    assert "oit/2567.html" in [a["href"] for a in oit_site.soup("index.html").select("article a")]
    # a citation "(อ้างอิงจาก O6)" in a recommendation, and the O-code of an action table
    recs = [a["href"] for a in oit_site.soup("recommendations/2567.html").select("article p a")]
    assert "../oit/2567.html#O6" in recs and "../oit/2567.html#O20" in recs
    issue_links = [a["href"] for page in oit_site.path.glob("issues/2567/*.html") for a in oit_site.soup(page.relative_to(oit_site.path).as_posix()).select("a.ita-code")]
    assert "../../oit/2567.html#O20" in issue_links
    # other codes keep linking to the question codes
    assert any(h.startswith("../../questions/2567.html#I") or h.startswith("../../questions/2567.html#E") for h in issue_links)
    assert "../oit/2567.html#O37" in [a["href"] for a in oit_site.soup("questions/2567.html").select("article a")]


def test_open_data_has_one_row_per_link_and_one_per_item_without(oit_site):
    text = (oit_site.path / "downloads/ita-2567-oit.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    by_code: dict[str, list[dict]] = {}
    for row in rows:
        by_code.setdefault(row["code"], []).append(row)
    assert [len(by_code[c]) for c in ("O1", "O2", "O6", "O20", "O21", "O30", "O37")] == [1, 1, 2, 2, 1, 1, 3]
    assert by_code["O6"][1]["quarter"] == "2" and by_code["O1"][0]["date"] == "2023-11-02"
    assert by_code["O2"][0]["state"] == "not_yet" and by_code["O2"][0]["link"] == ""
    assert by_code["O21"][0]["not_applicable_reason"].startswith("เทศบาลไม่มีแผน")
    doc = json.loads((oit_site.path / "downloads/ita-2567-oit.json").read_text(encoding="utf-8"))
    assert len(doc["records"]) == len(rows) and doc["records"][0]["group"] == "ข้อมูลพื้นฐาน"
    assert "ita-2567-oit.csv" in oit_site.html("downloads.html")


def test_the_feed_announces_each_dated_disclosure_on_its_date(oit_site):
    feed = ET.fromstring((oit_site.path / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    dated = [(e.find(f"{ATOM}updated").text[:10], e.find(f"{ATOM}category").get("term")) for e in entries]
    # the dated links of the fixture, newest first; links with only a quarter have no day
    assert dated == [("2024-03-01", "O37"), ("2024-02-05", "O20"), ("2024-01-15", "O20"), ("2023-11-02", "O1"), ("2022-11-20", "O1")]
    first = entries[0]
    assert first.find(f"{ATOM}link[@rel='alternate']").get("href") == "oit/2567.html#O37"
    assert "รายงานการดำเนินการตามมาตรการ" in first.find(f"{ATOM}title").text


def test_search_finds_an_item_title(browser, oit_served):
    from test_search_browser import DESKTOP, search

    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(oit_served + "index.html")
    links = search(page, "แผนการจัดหาพัสดุ")
    assert links and links[0].split("#")[0] == oit_served + PAGE


def test_without_javascript_every_item_and_link_is_there(browser, oit_served):
    page = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False).new_page()
    page.goto(oit_served + PAGE)
    assert page.locator("h4#O37").is_visible()
    assert page.locator("ul.ita-oit-links a").count() == 8  # O1, two of O6, two of O20, three of O37


def test_the_last_link_check_is_shown_with_the_broken_links(oit_data, tmp_path):
    checked = datetime(2024, 4, 29, 2, 0, tzinfo=timezone.utc)
    since = datetime(2024, 4, 1, 2, 0, tzinfo=timezone.utc)
    report = LinkHealth(checked, "lychee 0.24.2", {
        "https://www.ban-mai.example/structure": LinkStatus("https://www.ban-mai.example/structure", True, "200", "200 OK"),
        "https://www.ban-mai.example/procurement-missing": LinkStatus(
            "https://www.ban-mai.example/procurement-missing", False, "404", "Rejected status code: 404 Not Found", since),
    })  # fmt: skip
    file = tmp_path / "link-health.json"
    file.write_text(json.dumps(to_json(report)), encoding="utf-8")
    out = tmp_path / "site"
    result = build(out, oit_data, env={"SOURCE_DATE_EPOCH": AS_OF_EPOCH, "ITA_LINK_REPORT": str(file)})
    assert result.returncode == 0, result.stderr
    site = BuiltSite(out)
    text = site.text(PAGE)
    assert "ตรวจลิงก์ล่าสุดเมื่อ 29 เมษายน 2567" in text and "ใช้ไม่ได้ ๑ ลิงก์" in text
    (row,) = site.soup(PAGE).select("table.ita-broken-links tbody tr")
    assert row.th.a["href"] == "#O20" and "ไม่พบหน้า (404)" in row.get_text() and "1 เมษายน 2567" in row.get_text()
    _, o20 = item(site, "O20")
    assert o20.select_one(".ita-status--overdue").get_text() == "ลิงก์ใช้ไม่ได้: ไม่พบหน้า (404)"
    _, o1 = item(site, "O1")
    assert not o1.select(".ita-status--overdue")
    # a report that is not one stops the build with a Thai message naming the file
    file.write_text("{}", encoding="utf-8")
    bad = build(tmp_path / "bad", oit_data, env={"SOURCE_DATE_EPOCH": AS_OF_EPOCH, "ITA_LINK_REPORT": str(file)})
    assert bad.returncode != 0 and "รายงานผลการตรวจลิงก์" in bad.stderr and str(file) in bad.stderr


BREAKS = [
    # (file, old, new, message): each a mistake a clerk makes, reported at its line in Thai
    ("disclosures/2567.yml", "  - code: O6\n", "  - code: O66\n", "รหัส O66 ไม่มีในรายการ OIT ของปี 2567"),
    ("disclosures/2567.yml", "  - code: O6\n", "  - code: O1\n", "รายการ O1 มีสองครั้ง (duplicate)"),
    ("disclosures/2567.yml", "  - code: O6\n", "  - code: I3\n", "รหัส I3 ไม่มีในรายการ OIT ของปี 2567"),
    ("disclosures/2567.yml", "link: https://www.ban-mai.example/news\n", "link: ftp://www.ban-mai.example/news\n", "ใช้ไม่ได้ (only http/https links)"),
    ("disclosures/2567.yml", "link: evidence/2567/o20-procurement.pdf", "link: evidence/2567/missing.pdf", "ไม่พบไฟล์ data/evidence/2567/missing.pdf"),
    ("disclosures/2567.yml", "link: https://www.ban-mai.example/news-q2\n", "link: https://www.ban-mai.example/news\n", "ซ้ำในรายการ O6 (duplicate link)"),
    ("disclosures/2567.yml", "  - code: O21\n", "  - code: O21\n    links: [{link: 'https://www.ban-mai.example/x', label: x}]\n", "มีทั้งลิงก์และ not_applicable"),
    ("disclosures/2567.yml", "date: 2023-11-02", "date: 2566-11-02", "เป็นปี พ.ศ."),
    ("disclosures/2567.yml", "quarter: 1\n      - link: https://www.ban-mai.example/news-q2", "quarter: 5\n      - link: https://www.ban-mai.example/news-q2", "quarter"),
    ("questions/2567.yml", "    group: ข้อมูลพื้นฐาน\n    asks:", "    group: ข้อมูลพื้นฐาณ\n    asks:", "ไม่มีกลุ่ม 'ข้อมูลพื้นฐาณ' ของตัวชี้วัดที่ 9"),
    ("questions/2567.yml", "  - {indicator: 10, name:", "  - {indicator: 2, name:", "ตัวชี้วัดที่ 2 ไม่ใช่ตัวชี้วัดของ OIT"),
]


@pytest.mark.parametrize("file, old, new, message", BREAKS, ids=[f"{b[0].split('/')[0]}-{i}" for i, b in enumerate(BREAKS)])
def test_mistakes_in_disclosures_are_reported_in_thai_at_their_line(oit_data, file, old, new, message):
    line = replace_in(oit_data / file, old, new)
    result = validate(oit_data)
    assert result.returncode == 1, result.stdout
    found = [l for l in result.stderr.splitlines() if message in l]
    assert found, result.stderr
    m = re.search(r"data/(\S+):(\d+):\d+: ", found[0])
    assert m and m.group(1) == file, found[0]
    assert abs(int(m.group(2)) - line) <= 3, (found[0], line)  # the value's line, near the change


def test_an_item_without_a_disclosure_and_an_unused_evidence_file(oit_data):
    """Leaving an item out is not an error; a file in data/evidence/ no one links is."""
    replace_in(oit_data / "disclosures/2567.yml", "  - code: O1\n", "  - code: O2\n    links: []\n  - code: O1\n")
    assert validate(oit_data).returncode == 0
    (oit_data / "evidence/2567/unused.pdf").write_bytes(b"%PDF-1.4\n")
    result = validate(oit_data)
    assert result.returncode == 1 and "evidence/2567/unused.pdf:1:1" in result.stderr


def test_default_data_oit_page_lists_the_reports_items(tmp_path):
    """The default agency's (fixture) FY2566 OIT page lists every O code of its
    catalog (the codes its report cites), with the titles the report gives, grouped by
    indicator, each not yet disclosed and without an invented link; the report's citations
    and action-table codes link to it."""
    import yaml

    out = tmp_path / "site"
    result = build(out)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(out)
    catalog = yaml.safe_load((DEFAULT_AGENCY / "questions/2566.yml").read_text(encoding="utf-8"))
    oit = [q for q in catalog["questions"] if q["code"].startswith("O")]
    assert {"O11", "O14", "O18", "O32", "O35", "O39", "O40", "O41"} <= {q["code"] for q in oit}
    for q in oit:
        heading, block = item(site, q["code"], "oit/2566.html")
        assert heading.get_text(" ", strip=True).startswith(f"{q['code']} {q.get('text', 'ชื่อรายการยังไม่ได้ระบุ')}")
        assert block.select_one(".ita-status").get_text() == "ยังไม่เปิดเผย"
        assert not block.select("ul.ita-oit-links")
        section = heading.find_previous("h2").get("id")
        assert section == f"indicator-{q['indicator']}", q["code"]
    hrefs = [a["href"] for a in site.soup("recommendations/2566.html").select("article p a")]
    assert "../oit/2566.html#O11" in hrefs and "../oit/2566.html#O39" in hrefs and "../oit/2566.html#O41" in hrefs
    codes = {a["href"] for p in out.glob("issues/2566/*.html") for a in site.soup(p.relative_to(out).as_posix()).select("a.ita-code")}
    assert {"../../oit/2566.html#O14", "../../oit/2566.html#O11", "../../oit/2566.html#O40"} <= codes


def test_a_year_being_filled_in_has_its_oit_page(oit_data):
    """Items are disclosed during the year, before its results: a year whose results are still
    blank (new_year.py) gets its OIT page, in the navigation and linked from its own page."""
    from ita_site.pages import build_pages, nav
    from ita_site.scaffold import new_year
    from ita_site.site import load_site
    from ita_site.templating import Options

    new_year(oit_data, 2568, ROOT / "schemas")
    (oit_data / "disclosures/2568.yml").write_text(
        "fiscal_year: 2568\nitems:\n  - code: O1\n    links:\n"
        "      - link: https://www.ban-mai.example/structure-2568\n        label: แผนผังโครงสร้างเทศบาล ปี 2568\n        date: 2024-11-01\n",
        encoding="utf-8",
    )
    site = load_site(oit_data)
    assert 2568 in site.pending and 2568 not in site.years
    pages = {p.path: p for p in build_pages(site, Options(charts=False))}
    page = pages["oit/2568.md"].markdown
    assert "https://www.ban-mai.example/structure-2568" in page and "แผนผังโครงสร้างเทศบาล ปี 2568" in page
    assert "O37" in page  # the catalog carried over by new_year: every item, not yet disclosed
    from ita_site.pages.navigation import Section

    pending = next(p for p in pages.values() if p.section == Section("pending"))
    assert "(../oit/2568.md)" in pending.markdown or "(oit/2568.md)" in pending.markdown
    assert "oit/2568.md" in json.dumps(nav(list(pages.values()), site))
