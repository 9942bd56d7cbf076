"""Open data: every file the download page lists is in the built site, parses, has the
documented columns, and holds the same numbers and the same count of records as the data
(the default agency's fixture).

Expectations are read from the YAML directly (yaml.safe_load), not through ita_site.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_AGENCY, ROOT

from ita_site import opendata
from ita_site.site import load_site

DATA = DEFAULT_AGENCY


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


YEARS = {int(p.stem): read(p) for p in sorted((DATA / "years").glob("*.yml"))}
CATALOG = {d["number"]: d for d in (read(p) for p in sorted((DATA / "indicators").glob("*.yml")))}
ACTIONS = {int(p.stem): read(p) for p in sorted((DATA / "actions").glob("*.yml"))}
RECS = {int(p.stem): read(p) for p in sorted((DATA / "recommendations").glob("*.yml"))}
# years whose question catalog has OIT items: they have an OIT file (ita-<year>-oit)
OIT = {int(p.stem) for p in sorted((DATA / "questions").glob("*.yml")) if any(q["code"].startswith("O") for q in read(p)["questions"])}
QUESTIONS = {int(p.stem): {q["code"]: q for q in read(p)["questions"]} for p in sorted((DATA / "questions").glob("*.yml"))}
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def methodology(year: int) -> dict:
    return read(DATA / "methodology" / f"{YEARS[year]['methodology']}.yml")


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM (Excel would garble Thai)"
    text = raw.decode("utf-8")[1:]
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_json(path: Path) -> dict:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: JSON must be plain UTF-8"
    return json.loads(raw.decode("utf-8"))


def two(v) -> str:
    return f"{float(v):.2f}"


def listed_files(site) -> list[str]:
    """The data files linked from the download page (site-relative paths)."""
    soup = site.soup("downloads.html")
    return sorted({a["href"] for a in soup.select("article a[href^='downloads/']")})


def test_download_page_lists_every_file_in_the_site(site):
    listed = listed_files(site)
    on_disk = sorted(f"downloads/{p.name}" for p in (site.path / "downloads").iterdir())
    assert listed == on_disk
    expected = ["downloads/ita-all-years.csv"]
    for y in YEARS:
        kinds = ["indicators", "tools", "totals"]
        kinds += ["ranks"] if YEARS[y].get("rank") else []
        kinds += ["actions"] if y in ACTIONS else []
        kinds += ["recommendations"] if y in RECS else []
        kinds += ["oit"] if y in OIT else []
        expected += [f"downloads/ita-{y}-{k}.{fmt}" for k in kinds for fmt in ("csv", "json")]
        expected += [f"downloads/ita-report-{y}.pdf"]  # the full report (the `site` fixture prints it)
    assert listed == sorted(expected)


def documented_columns(site) -> dict[str, list[str]]:
    """Column names per dataset, as shown on the download page (anchor id -> names)."""
    soup = site.soup("downloads.html")
    out = {}
    for heading in soup.select("article h3[id^='data-']"):
        table = heading.find_next("table")
        out[heading["id"]] = [tr.find("td").get_text(strip=True) for tr in table.select("tbody tr")]
    return out


def test_every_file_parses_and_has_the_documented_columns(site):
    docs = documented_columns(site)
    assert set(docs) == {f"data-{k.replace('_', '-')}" for k in opendata.documentation()["datasets"]}
    for href in listed_files(site):
        path = site.path / href
        if path.suffix == ".pdf":  # the full report, not a data set (tests/test_pdf.py)
            continue
        stem = path.stem.removeprefix("ita-")
        dataset = "all-years" if stem == "all-years" else stem.split("-", 1)[1]
        cols = docs[f"data-{dataset}"]
        if path.suffix == ".csv":
            with io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="") as f:
                header = next(csv.reader(f))
            assert header == cols, href
            assert read_csv(path), href
        else:
            body = read_json(path)
            assert body["columns"] == cols, href
            assert body["records"] and all(list(r) == cols for r in body["records"]), href
            assert body["organization"] == read(DATA / "organization.yml")["name"]


def test_all_years_csv_is_tidy_and_matches_the_yaml(site):
    rows = read_csv(site.path / "downloads" / "ita-all-years.csv")
    expected = [(y, e) for y, d in sorted(YEARS.items()) for e in d["scores"]]
    assert len(rows) == len(expected)
    assert len({(r["fiscal_year"], r["indicator"]) for r in rows}) == len(rows)  # one row per year x indicator
    for row, (year, e) in zip(rows, expected):
        assert int(row["fiscal_year"]) == year and int(row["indicator"]) == e["indicator"]
        assert row["score"] == two(e["score"])
        assert row["tool"] == CATALOG[e["indicator"]]["tool"]
        assert row["pass_mark"] == two(methodology(year)["pass_mark"])
        name = CATALOG[e["indicator"]].get("names_by_year", {}).get(year, CATALOG[e["indicator"]]["name"])
        assert row["indicator_name"] == name


@pytest.mark.parametrize("year", sorted(YEARS))
def test_indicator_files_match_the_yaml(site, year):
    scores = YEARS[year]["scores"]
    m = methodology(year)
    rows = read_csv(site.path / "downloads" / f"ita-{year}-indicators.csv")
    records = read_json(site.path / "downloads" / f"ita-{year}-indicators.json")["records"]
    assert len(rows) == len(records) == len(scores)
    for row, rec, e in zip(rows, records, scores):
        assert int(row["indicator"]) == rec["indicator"] == e["indicator"]
        assert row["score"] == two(e["score"]) and rec["score"] == e["score"]
        assert rec["pass_mark"] == m["pass_mark"]
        assert rec["strength"] == int(e["score"] > m["strength_threshold"]) == int(row["strength"])
        assert "การ" in "".join(r["indicator_name"] for r in rows)  # Thai survived the round trip


def half_up(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@pytest.mark.parametrize("year", sorted(YEARS))
def test_tool_and_total_files_match_the_yaml(site, year):
    m = methodology(year)
    scores = {e["indicator"]: Decimal(str(e["score"])) for e in YEARS[year]["scores"]}
    tools = read_json(site.path / "downloads" / f"ita-{year}-tools.json")["records"]
    tool_rows = read_csv(site.path / "downloads" / f"ita-{year}-tools.csv")
    assert [t["tool"] for t in tools] == [r["tool"] for r in tool_rows] == [t["code"] for t in m["tools"]]
    total = Decimal(0)
    for rec, row, tool in zip(tools, tool_rows, m["tools"]):
        members = [n for n in m["indicators"] if CATALOG[n]["tool"] == tool["code"]]
        mean = sum(scores[n] for n in members) / len(members)
        total += Decimal(str(tool["weight"])) * mean
        assert rec["indicators"] == members and row["indicators"] == "; ".join(map(str, members))
        assert rec["score"] == half_up(mean) and row["score"] == two(half_up(mean))
        assert rec["weight"] == tool["weight"]
    (rec,) = read_json(site.path / "downloads" / f"ita-{year}-totals.json")["records"]
    (row,) = read_csv(site.path / "downloads" / f"ita-{year}-totals.csv")
    stated = YEARS[year]["stated"]
    assert rec["stated_total"] == stated["total"] and row["stated_total"] == two(stated["total"])
    assert rec["total"] == half_up(total) and abs(rec["total"] - stated["total"]) <= 0.01
    if "level" in stated:
        assert rec["level"] == row["level"] == stated["level"]
    rank = YEARS[year].get("rank")
    assert rec["rank"] == (rank["position"] if rank else None)
    assert row["rank"] == (str(rank["position"]) if rank else "")


@pytest.mark.parametrize("year", sorted(ACTIONS))
def test_action_files_match_the_yaml(site, year):
    expected = [(issue, r) for issue in ACTIONS[year]["issues"] for r in issue["rows"]]
    rows = read_csv(site.path / "downloads" / f"ita-{year}-actions.csv")
    records = read_json(site.path / "downloads" / f"ita-{year}-actions.json")["records"]
    assert len(rows) == len(records) == len(expected)
    for row, rec, (issue, r) in zip(rows, records, expected):
        assert int(row["issue"]) == rec["issue"] == issue["number"]
        assert row["question"] == rec["question"] == r["question"]
        assert rec["indicator"] == QUESTIONS[year][r["question"]]["indicator"]
        if "scores" in r:
            assert rec["score"] is None and row["score"] == ""
            assert rec["score_eit_public"] == r["scores"].get("EIT Public")
            assert rec["score_eit_survey"] == r["scores"].get("EIT Survey")
        else:
            assert rec["score"] == r["score"] and row["score"] == two(r["score"])
        for key in ("practice", "responsible", "steps", "constraints"):
            items = [" ".join(str(x).split()) for x in r[key]]
            assert [" ".join(x.split()) for x in rec[key]] == items
            assert [" ".join(x.split()) for x in row[key].split("\n")] == items if items else row[key] == ""
        assert rec["period"] == r["period"]


@pytest.mark.parametrize("year", sorted(RECS))
def test_recommendation_files_match_the_yaml(site, year):
    expected = [(s, item) for s in RECS[year]["sections"] for item in s["items"]]
    rows = read_csv(site.path / "downloads" / f"ita-{year}-recommendations.csv")
    records = read_json(site.path / "downloads" / f"ita-{year}-recommendations.json")["records"]
    assert len(rows) == len(records) == len(expected)
    for row, rec, (section, item) in zip(rows, records, expected):
        assert row["id"] == rec["id"] == item["id"]
        assert rec["tool"] == section["tool"]
        assert rec["indicators"] == item.get("indicators", [])
        assert rec["text"] == row["text"] == item["text"].strip()
        assert set(rec["cited"]) <= set(QUESTIONS[year])  # ranges "O39 – O41" are expanded
        assert set(re.findall(r"อ้างอิงจาก\s*([A-Z]+[0-9]+)", item["text"])) <= set(rec["cited"])
        assert row["cited"] == "; ".join(rec["cited"])


def test_licence_is_the_configured_one(site):
    licence = CONFIG["extra"]["ita"]["data_licence"]
    soup = site.soup("downloads.html")
    link = soup.select_one("article a[rel~=license]")
    assert link["href"] == licence["url"] and link.get_text(strip=True) == licence["name"]
    assert "CC BY 4.0" in licence["name"]
    for href in listed_files(site):
        if href.endswith(".json"):
            assert read_json(site.path / href)["licence"] == {"name": licence["name"], "url": licence["url"]}


@pytest.mark.parametrize("number", sorted(CATALOG))
def test_each_indicator_page_links_to_its_data(site, number):
    soup = site.soup(f"indicators/{number}.html")
    hrefs = [a["href"] for a in soup.select("article a")]
    assert "../downloads/ita-all-years.csv" in hrefs
    assert any(h.startswith("../downloads.html#data-") for h in hrefs)
    rows = read_csv(site.path / "downloads" / "ita-all-years.csv")
    assert len([r for r in rows if int(r["indicator"]) == number]) == len(YEARS)


def test_writers_refuse_undocumented_columns():
    site = load_site(DATA)
    file = opendata.files(site)[1]
    broken = opendata.DataFile(file.dataset, file.year, tuple({**r, "extra": 1} for r in file.records))
    with pytest.raises(ValueError, match="documented columns"):
        opendata.to_csv(broken)
