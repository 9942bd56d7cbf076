"""Nothing is lost: every score, question, list item and recommendation in the data
(the default agency's fixture) is on the site.

The data side is counted from the YAML files themselves (plain ``yaml.safe_load``, not the
project's loader), the site side from the built HTML. Each check is a function
``(data, site) -> list[Count]`` in ``CHECKS``; a new output (e.g. the open-data downloads)
adds its own check to the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml
from conftest import DEFAULT_AGENCY, BuiltSite

LIST_FIELDS = ["practice", "responsible", "steps", "constraints"]  # in the order of the table's columns
LIST_COLUMN = {"practice": 2, "responsible": 3, "steps": 4, "constraints": 6}


@dataclass(frozen=True)
class Count:
    what: str
    in_data: int
    on_site: int


class Data:
    """The YAML files of a data folder, read plainly."""

    def __init__(self, root: Path):
        self.root = root

    def files(self, folder: str) -> dict[int, dict]:
        return {int(p.stem): yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((self.root / folder).glob("*.yml"))}

    @property
    def years(self) -> dict[int, dict]:
        return self.files("years")

    @property
    def latest(self) -> int:
        return max(self.years)


def overview_page(data: Data, year: int) -> str:
    return "index.html" if year == data.latest else f"years/{year}.html"


def table_after(soup, heading: str):
    h2 = next(h for h in soup.select("article h2") if h.get_text(" ", strip=True).startswith(heading))
    return next(t for t in h2.find_all_next("table") if t.find_parent("figure") is None)  # not a chart's table


def indicator_scores_on_overviews(data: Data, site: BuiltSite) -> list[Count]:
    """Each year's overview lists every indicator score of the year, with its value."""
    out = []
    for year, y in data.years.items():
        rows = table_after(site.soup(overview_page(data, year)), "คะแนนรายตัวชี้วัด").select("tbody tr")
        shown = {(r.find("td").get_text(" ", strip=True).split(".")[0], r.find_all("td")[2].get_text(strip=True).rstrip(" ✓")) for r in rows}
        wanted = {(str(s["indicator"]), f"{float(s['score']):.2f}") for s in y["scores"]}
        out.append(Count(f"คะแนนตัวชี้วัด ปี {year} (overview)", len(wanted), len(wanted & shown)))
    return out


def indicator_scores_on_indicator_pages(data: Data, site: BuiltSite) -> list[Count]:
    """Each indicator's page has one row per year that scored it."""
    wanted = sum(len(y["scores"]) for y in data.years.values())
    found = 0
    for path in sorted((data.root / "indicators").glob("*.yml")):
        number = yaml.safe_load(path.read_text(encoding="utf-8"))["number"]
        rows = site.soup(f"indicators/{number}.html").select("article table:not(figure table)")[0].select("tbody tr")
        scores = {r.find("td").get_text(strip=True): r.find_all("td")[1].get_text(strip=True) for r in rows}
        for year, y in data.years.items():
            entry = next((s for s in y["scores"] if s["indicator"] == number), None)
            if entry is not None and scores.get(f"พ.ศ. {year}") == f"{float(entry['score']):.2f}":
                found += 1
    return [Count("คะแนนตัวชี้วัดทุกปี (indicator pages)", wanted, found)]


def question_rows(data: Data, site: BuiltSite) -> list[Count]:
    out = []
    for year, q in data.files("questions").items():
        ids = {h["id"] for h in site.soup(f"questions/{year}.html").select("article h3[id]")}
        codes = {x["code"] for x in q["questions"]}
        out.append(Count(f"รหัสข้อคำถาม ปี {year}", len(codes), len(codes & ids)))
    return out


def action_rows_and_list_items(data: Data, site: BuiltSite) -> list[Count]:
    out = []
    for year, a in data.files("actions").items():
        rows_in = rows_out = 0
        items_in = dict.fromkeys(LIST_FIELDS, 0)
        items_out = dict.fromkeys(LIST_FIELDS, 0)
        for issue in a["issues"]:
            trs = {tr["id"]: tr for tr in site.soup(f"issues/{year}/{issue['number']}.html").select("table.ita-action-table tbody tr[id]")}
            rows_in += len(issue["rows"])
            for row in issue["rows"]:
                tr = trs.get(row["question"])
                rows_out += tr is not None
                cells = tr.find_all(["th", "td"]) if tr is not None else []
                for name in LIST_FIELDS:
                    items_in[name] += len(row[name])
                    if cells:
                        items_out[name] += len(cells[LIST_COLUMN[name]].find_all("li"))
        all_li = sum(  # the action rows (each with an id), not the progress rows under them
            len(tr.find_all("li"))
            for issue in a["issues"]
            for tr in site.soup(f"issues/{year}/{issue['number']}.html").select("table.ita-action-table tbody tr[id]")
        )
        out.append(Count(f"แถวตาราง ๗ ประเด็น ปี {year}", rows_in, rows_out))
        out.append(Count(f"li ทั้งหมดในตาราง ๗ ประเด็น ปี {year}", sum(items_in.values()), all_li))
        out += [Count(f"รายการ {name} ปี {year}", items_in[name], items_out[name]) for name in LIST_FIELDS]
    return out


def recommendations(data: Data, site: BuiltSite) -> list[Count]:
    out = []
    for year, r in data.files("recommendations").items():
        soup = site.soup(f"recommendations/{year}.html")
        ids = [h["id"] for h in soup.select("article h3[id]")]
        items = [i["id"] for s in r["sections"] for i in s["items"]]
        out.append(Count(f"ข้อเสนอแนะ ปี {year}", len(items), len(set(items) & set(ids))))
        out.append(Count(f"หัวข้อข้อเสนอแนะ (h3) ปี {year}", len(items), len(ids)))  # no more, no fewer
        page_text = "".join(site.text(f"recommendations/{year}.html").split())
        texts = ["".join(str(i["text"]).split()) for sec in r["sections"] for i in sec["items"]]
        out.append(Count(f"ข้อความข้อเสนอแนะครบถ้วน ปี {year}", len(texts), sum(t in page_text for t in texts)))
        headings = {" ".join(h.get_text(" ", strip=True).removesuffix("¶").split()) for h in soup.select("article h2")}
        sections = [" ".join(str(sec["title"]).split()) for sec in r["sections"]]
        out.append(Count(f"หมวดข้อเสนอแนะ ปี {year}", len(sections), sum(t in headings for t in sections)))
    return out


CHECKS: list[Callable[[Data, BuiltSite], list[Count]]] = [
    indicator_scores_on_overviews,
    indicator_scores_on_indicator_pages,
    question_rows,
    action_rows_and_list_items,
    recommendations,
    # downloads: the open-data files (CSV/JSON) will add a check here: rows in data = rows in files
]


@pytest.fixture(scope="module")
def data() -> Data:
    return Data(DEFAULT_AGENCY)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_count_in_equals_count_out(check, data, site):
    counts = check(data, site)
    assert counts, "the check counted nothing"
    assert all(c.in_data > 0 for c in counts), counts  # a check of nothing proves nothing
    lost = [c for c in counts if c.in_data != c.on_site]
    assert not lost, lost


def test_counting_sees_a_lost_item(data, site, tmp_path):
    """The counts are not vacuous: a list item dropped from the site is noticed."""
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    page = copy / "issues/2566/4.html"
    html = page.read_text(encoding="utf-8")
    start = html.index("<li>", html.index('id="I20"'))
    page.write_text(html[:start] + html[html.index("</li>", start) + 5:], encoding="utf-8")
    lost = [c for c in action_rows_and_list_items(data, BuiltSite(copy)) if c.in_data != c.on_site]
    assert {c.what for c in lost} == {"รายการ practice ปี 2566", "li ทั้งหมดในตาราง ๗ ประเด็น ปี 2566"}
