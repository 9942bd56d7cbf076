"""Progress of the action plans: build date, overdue at a fixed date, counts, open-data rows,
the pages (issue, action plan, indicator) and the Atom feed, from the tracking fixture."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date

import pytest
import yaml
from conftest import AS_OF, DEFAULT_AGENCY, TRACKING

from ita_site import tracking
from ita_site.dates import build_date, fiscal_year_end, fiscal_year_of, fiscal_year_start
from ita_site.pages import Options
from ita_site.pages import build_assets
from ita_site.feed import atom_feed
from ita_site.site import load_site

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ATOM = "{http://www.w3.org/2005/Atom}"
NONE = "ยังไม่มีการรายงานความคืบหน้า"


@pytest.fixture
def fixture_site(tracking_data):
    return load_site(tracking_data, build_date=AS_OF)


# --- dates ------------------------------------------------------------------------------


def test_fiscal_year_2567_runs_from_october_2023_to_september_2024():
    assert fiscal_year_start(2567) == date(2023, 10, 1)
    assert fiscal_year_end(2567) == date(2024, 9, 30)
    assert fiscal_year_of(date(2023, 10, 1)) == 2567
    assert fiscal_year_of(date(2023, 9, 30)) == 2566
    assert fiscal_year_of(date(2024, 9, 30)) == 2567


def test_build_date_from_source_date_epoch_in_the_given_zone(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1714500000"}  # 2024-04-30 18:00 UTC = 2024-05-01 01:00 in Bangkok
    assert build_date(tmp_path, epoch=int(env["SOURCE_DATE_EPOCH"])) == date(2024, 4, 30)
    assert build_date(tmp_path, "Asia/Bangkok", epoch=int(env["SOURCE_DATE_EPOCH"])) == date(2024, 5, 1)


def _git(folder, *args, when="2024-03-15T12:00:00+00:00"):
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(folder), "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_build_date_is_the_last_commit_unless_the_data_has_uncommitted_changes(tmp_path):
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "a.yml").write_text("a: 1\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x")
    today = date(2030, 1, 1)
    assert build_date(repo / "data", today=today) == date(2024, 3, 15)
    (repo / "data" / "a.yml").write_text("a: 2\n", encoding="utf-8")  # a preview of uncommitted work
    assert build_date(repo / "data", today=today) == today
    # SOURCE_DATE_EPOCH always wins
    assert build_date(repo / "data", epoch=0, today=today) == date(1970, 1, 1)


def test_build_date_without_git_is_today(tmp_path):
    assert build_date(tmp_path, today=date(2031, 2, 3)) == date(2031, 2, 3)


def test_site_carries_the_build_date_it_was_given(fixture_site):
    assert fixture_site.build_date == AS_OF


# --- overdue, counts -------------------------------------------------------------------


def overdue_codes(site, on):
    return [a.row.question for a in tracking.plan(site, 2566, on=on).overdue]


def test_overdue_at_the_build_date(fixture_site):
    # I20 ended 31 Mar, E5 ended 30 Apr: both still in progress on 1 May; longest overdue first
    assert overdue_codes(fixture_site, AS_OF) == ["I20", "E5"]
    assert tracking.plan(fixture_site, 2566).overdue == tracking.plan(fixture_site, 2566, on=AS_OF).overdue


@pytest.mark.parametrize(
    "on, expected",
    [
        (date(2024, 3, 31), []),  # the last day of the period is not overdue yet
        (date(2024, 4, 1), ["I20"]),
        (date(2024, 4, 30), ["I20"]),
        (date(2024, 5, 1), ["I20", "E5"]),
        # after the fiscal year: O14 (not started) too; I21 done and I7 cancelled never are;
        # the nine rows without tracking are never overdue (their period is not a date)
        (date(2024, 10, 1), ["I20", "E5", "O14"]),
    ],
)
def test_overdue_at_fixed_dates(fixture_site, on, expected):
    assert overdue_codes(fixture_site, on) == expected


def test_is_overdue_rules():
    end = date(2024, 3, 31)
    after = date(2024, 4, 1)
    assert tracking.is_overdue("in_progress", end, after)
    assert tracking.is_overdue("not_started", end, after)
    assert not tracking.is_overdue("done", end, after)
    assert not tracking.is_overdue("cancelled", end, after)
    assert not tracking.is_overdue("none", end, after)
    assert not tracking.is_overdue("in_progress", end, end)


def test_period_defaults_to_the_whole_plan_year(fixture_site):
    i21 = tracking.plan(fixture_site, 2566).action("I21")
    assert (i21.start, i21.end) == (date(2023, 10, 1), date(2024, 9, 30))


def test_counts_by_status_issue_and_unit(fixture_site):
    p = tracking.plan(fixture_site, 2566)
    assert p.counts.by_status == {"not_started": 1, "in_progress": 2, "done": 1, "cancelled": 1, "none": 9}
    by_issue = {issue.number: c.by_status for issue, c in p.by_issue}
    assert by_issue[4] == {"not_started": 0, "in_progress": 1, "done": 1, "cancelled": 0, "none": 0}
    assert by_issue[7]["none"] == 2
    by_unit = dict(p.by_unit)
    # กองคลัง is responsible for O14, O18, I20, I21, I7 (an action counts in every unit it names)
    assert by_unit["กองคลัง"].total == 5
    assert by_unit["กองคลัง"].by_status == {"not_started": 1, "in_progress": 1, "done": 1, "cancelled": 1, "none": 1}


def test_updates_are_in_date_order_with_evidence(fixture_site):
    i20 = tracking.plan(fixture_site, 2566).action("I20")
    assert [u.date for u in i20.updates] == [date(2023, 11, 15), date(2024, 2, 10)]
    assert [(e.kind, e.target) for e in i20.updates[0].evidence] == [
        ("link", "https://example.org/ita/manual-draft"),
        ("file", "evidence/2567/i20-draft.pdf"),
    ]


def test_default_data_has_no_progress_and_invents_none():
    site = load_site(DEFAULT_AGENCY)
    p = tracking.plan(site, 2566)
    assert p.plan_year is None
    assert {a.status for a in p.actions} == {"none"}
    assert p.overdue == []
    assert tracking.progress_records(site) == []
    assert tracking.feed_items(site) == []


# --- open data ------------------------------------------------------------------------


def test_progress_records_one_row_per_tracked_action_and_per_update(fixture_site):
    rows = tracking.progress_records(fixture_site)
    actions = [r for r in rows if r["record"] == "action"]
    updates = [r for r in rows if r["record"] == "update"]
    assert len(actions) == 5 and len(updates) == 5
    assert len({tuple(r) for r in rows}) == 1  # the same keys in every row
    i20 = next(r for r in actions if r["question"] == "I20")
    assert i20 | {"issue_title": None} == i20 | {
        "fiscal_year": 2566, "plan_year": 2567, "issue": 4, "issue_title": None, "indicator": 4,
        "responsible": "กองคลัง", "status": "in_progress", "status_label": "กำลังดำเนินการ",
        "start": "2023-10-01", "end": "2024-03-31", "overdue": True, "as_of": "2024-05-01",
        "updates": 2, "update_number": None, "date": "2024-02-10", "text": None, "evidence": None,
    }
    first = next(r for r in updates if r["question"] == "I20" and r["update_number"] == 1)
    assert first["date"] == "2023-11-15"
    assert first["evidence"] == "https://example.org/ita/manual-draft evidence/2567/i20-draft.pdf"
    assert "จัดทำร่างคู่มือ" in first["text"]


def test_progress_records_fit_csv_and_json(fixture_site):
    rows = tracking.progress_records(fixture_site)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == len(rows)
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows


# --- the feed -------------------------------------------------------------------------


def entries(xml_bytes: bytes) -> list[ET.Element]:
    root = ET.fromstring(xml_bytes)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_feed_has_one_entry_per_update_newest_first(fixture_site):
    feed = atom_feed(fixture_site, Options())
    found = entries(feed)
    assert len(found) == 5
    stamps = [e.findtext(f"{ATOM}updated") for e in found]
    assert stamps == sorted(stamps, reverse=True)
    assert stamps[0] == "2024-04-02T00:00:00Z"
    assert ET.fromstring(feed).findtext(f"{ATOM}updated") == "2024-04-02T00:00:00Z"  # from the data
    assert len({e.findtext(f"{ATOM}id") for e in found}) == 5


def test_feed_is_deterministic_and_does_not_depend_on_the_build_date(tracking_data):
    a = atom_feed(load_site(tracking_data, build_date=AS_OF), Options())
    b = atom_feed(load_site(tracking_data, build_date=date(2024, 9, 1)), Options())
    assert a == b


def test_feed_links_are_relative_without_site_url(fixture_site):
    root = ET.fromstring(atom_feed(fixture_site, Options()))
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert "issues/2566/4.html#I20" in hrefs
    assert "evidence/2567/i20-draft.pdf" in hrefs
    assert all(h.startswith("https://example.org/ita/manual-draft") or "://" not in h for h in hrefs)
    assert not any(link.get("rel") == "self" for link in root.iter(f"{ATOM}link"))


def test_feed_links_are_absolute_with_site_url(fixture_site):
    root = ET.fromstring(atom_feed(fixture_site, Options(site_url="https://ita.example.go.th/site/")))
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert all(h.startswith("https://") for h in hrefs), hrefs
    assert "https://ita.example.go.th/site/issues/2566/4.html#I20" in hrefs
    assert "https://ita.example.go.th/site/evidence/2567/i20-draft.pdf" in hrefs
    self_link = [link for link in root.iter(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_link] == ["https://ita.example.go.th/site/feed.xml"]


def test_feed_keeps_typed_text_as_text(fixture_site):
    found = entries(atom_feed(fixture_site, Options()))
    texts = [e.findtext(f"{ATOM}content") for e in found]
    assert any("<script>alert(1)</script> **ตัวหนา**" in t for t in texts)
    assert all(e.find(f"{ATOM}content").get("type") == "text" for e in found)


def test_evidence_files_are_published_as_they_are(fixture_site):
    assets = {a.path: a.content for a in build_assets(fixture_site, Options())}
    assert assets["evidence/2567/i20-draft.pdf"] == (TRACKING / "evidence/2567/i20-draft.pdf").read_bytes()
    assert "evidence/2567/i21-notice.png" in assets
    assert "feed.xml" in assets


# --- built pages ----------------------------------------------------------------------


def progress_cell(soup, code):
    row = soup.select_one(f"tr#{code}")
    progress = row.find_next_sibling("tr")
    assert "ita-progress-row" in progress["class"]
    return progress


def test_issue_page_shows_status_and_timeline(tracking_site):
    soup = tracking_site.soup("issues/2566/4.html")
    i20 = progress_cell(soup, "I20")
    assert i20.select_one(".ita-status--in-progress").get_text(strip=True) == "กำลังดำเนินการ"
    assert i20.select_one(".ita-status--overdue") is not None
    times = [t["datetime"] for t in i20.select("ol.ita-timeline time")]
    assert times == ["2024-02-10", "2023-11-15"]  # newest first
    links = {a.get_text(strip=True): a["href"] for a in i20.select(".ita-evidence a")}
    assert links["example.org"] == "https://example.org/ita/manual-draft"
    assert links["i20-draft.pdf"] == "../../evidence/2567/i20-draft.pdf"
    assert (tracking_site.path / "issues/2566" / links["i20-draft.pdf"]).is_file()
    i21 = progress_cell(soup, "I21")
    assert i21.select_one(".ita-status--done").get_text(strip=True) == "ดำเนินการแล้วเสร็จ"
    assert i21.select_one(".ita-status--overdue") is None


def test_issue_page_escapes_typed_text(tracking_site):
    soup = tracking_site.soup("issues/2566/4.html")
    text = progress_cell(soup, "I20").get_text(" ")
    assert "<script>alert(1)</script>" in text and "**ตัวหนา**" in text
    assert not [s for s in soup.select("article script")]
    assert progress_cell(soup, "I20").find("strong") is None


def test_untracked_action_says_no_progress_reported(tracking_site):
    soup = tracking_site.soup("issues/2566/1.html")
    assert progress_cell(soup, "I1").get_text(" ", strip=True).endswith(NONE)
    assert progress_cell(soup, "I1").select_one("ol") is None


def test_default_site_shows_no_progress_on_every_action(site):
    for n in range(1, 8):
        soup = site.soup(f"issues/2566/{n}.html")
        for row in soup.select("tr.ita-progress-row"):
            assert row.select_one(".ita-status--none").get_text(strip=True) == NONE
            assert row.select_one("ol.ita-timeline") is None
    text = site.text("plan/2566.html")
    assert NONE in text
    # nothing tracked: the page does not claim that nothing is overdue
    assert "ไม่มีรายการที่เลยกำหนด" not in text
    assert "ยังบอกไม่ได้ว่ามีข้อใดเลยกำหนด" in text
    cards = site.soup("plan/2566.html").select(".ita-summary .ita-card__value")
    assert cards[-1].get_text(strip=True) == "–"


def test_plan_page_summary_and_overdue(tracking_site):
    soup = tracking_site.soup("plan/2566.html")
    cards = {
        c.select_one(".ita-card__label").get_text(strip=True): c.select_one(".ita-card__value").get_text(strip=True)
        for c in soup.select(".ita-summary .ita-card")
    }
    assert cards == {
        "ทั้งหมด": "14", "ยังไม่เริ่ม": "1", "กำลังดำเนินการ": "2", "ดำเนินการแล้วเสร็จ": "1", "ยกเลิก": "1",
        NONE: "9", "เลยกำหนด": "2",
    }
    overdue = soup.select_one("#overdue").find_next("ul", class_="ita-plan-list")
    items = overdue.select("li.ita-plan-item")
    assert [li["data-question"] for li in items] == ["I20", "E5"]
    assert "31 วัน" in items[0].get_text(" ")  # 31 Mar -> 1 May
    assert "ข้อมูล ณ วันที่ 1 พ.ค. 2567" in tracking_site.text("plan/2566.html").translate(THAI)


def count_rows(table):
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    return {
        tr.th.get_text(" ", strip=True): dict(zip(heads[1:], [td.get_text(strip=True) for td in tr.select("td")]))
        for tr in table.select("tbody tr")
    }


def test_plan_page_counts_by_issue_and_unit(tracking_site):
    tables = tracking_site.soup("plan/2566.html").select("table.ita-count-table")
    by_issue, by_unit = count_rows(tables[0]), count_rows(tables[1])
    issue4 = next(v for k, v in by_issue.items() if k.startswith("4."))
    assert issue4 == {"ทั้งหมด": "2", "ยังไม่เริ่ม": "0", "กำลังดำเนินการ": "1", "ดำเนินการแล้วเสร็จ": "1", "ยกเลิก": "0", NONE: "0"}
    assert by_unit["กองคลัง"]["ทั้งหมด"] == "5"
    assert by_unit["สำนักปลัด"]["ทั้งหมด"] == "12"


def test_plan_page_lists_every_action_with_a_link_to_its_row(tracking_site):
    soup = tracking_site.soup("plan/2566.html")
    listed = soup.select_one("#all").find_all_next("li", class_="ita-plan-item")
    assert len(listed) == 14
    statuses = {li["data-question"]: li["data-status"] for li in listed}
    assert statuses["I7"] == "cancelled" and statuses["I1"] == "none"
    href = listed[0].select_one("a.ita-code")["href"]
    assert href == "../issues/2566/1.html#O14"


def test_plan_page_is_in_the_navigation_and_links_the_feed(tracking_site):
    soup = tracking_site.soup("index.html")
    assert soup.select_one("nav a[href$='plan/2566.html']") is not None
    plan = tracking_site.soup("plan/2566.html")
    assert plan.select_one("article a[href='../feed.xml']") is not None


@pytest.mark.parametrize("page", ["index.html", "issues/2566/4.html", "plan/2566.html"])
def test_pages_announce_the_feed(tracking_site, page):
    link = tracking_site.soup(page).select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert link is not None
    target = (tracking_site.path / page).parent / link["href"]
    assert target.resolve() == (tracking_site.path / "feed.xml").resolve()


def test_built_feed_is_valid_atom_with_one_entry_per_update(tracking_site):
    raw = (tracking_site.path / "feed.xml").read_bytes()
    assert len(entries(raw)) == 5
    from lxml import etree

    assert etree.fromstring(raw).tag == f"{ATOM}feed"


def test_default_site_feed_is_valid_and_empty(site):
    raw = (site.path / "feed.xml").read_bytes()
    assert entries(raw) == []


def test_indicator_page_shows_actions_and_the_change_after_them(tracking_site):
    soup = tracking_site.soup("indicators/4.html")
    rows = {
        tr.find("td").get_text(strip=True): tr.find_all("td")[-1].get_text(" ", strip=True)
        for tr in soup.select("article table tr")
        if tr.find("td") and tr.find("td").get_text(strip=True) in {"I20", "I21"}
    }
    assert rows["I20"].startswith("กำลังดำเนินการ เลยกำหนด")
    assert rows["I21"].startswith("ดำเนินการแล้วเสร็จ")
    text = tracking_site.text("indicators/4.html").translate(THAI)
    assert re.search(r"83\.07 ในปี 2566 และ 88\.00 ในปี 2567 \(\+4\.93", text), text


def test_indicator_without_a_later_year_shows_no_change(site):
    text = site.text("indicators/4.html")
    assert "ผลการประเมินหลังดำเนินการตามแผน" not in text
    assert NONE in text


def test_progress_is_in_the_open_data(tracking_site):
    """downloads/ita-2566-progress.{csv,json}: one row per tracked action and per update,
    counted independently from the progress YAML of the fixture."""
    raw = yaml.safe_load((TRACKING / "progress" / "2566.yml").read_text(encoding="utf-8"))
    actions = raw["actions"]
    n_updates = sum(len(a.get("updates") or []) for a in actions)
    body = json.loads((tracking_site.path / "downloads/ita-2566-progress.json").read_text(encoding="utf-8"))
    kinds = [r["record"] for r in body["records"]]
    assert kinds.count("action") == len(actions)
    assert kinds.count("update") == n_updates
    texts = {r["text"] for r in body["records"] if r["record"] == "update"}
    assert texts == {u["text"].strip() for a in actions for u in a.get("updates") or []}
    raw_csv = (tracking_site.path / "downloads/ita-2566-progress.csv").read_bytes()
    assert raw_csv.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    assert len(rows) == len(actions) + n_updates
    assert "ita-2566-progress.csv" in tracking_site.html("downloads.html")


def test_default_site_publishes_no_progress_file(site):
    assert not (site.path / "downloads/ita-2566-progress.csv").exists()
