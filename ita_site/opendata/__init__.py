"""Open data: every number of the site as files anyone can download and reuse.

For each fiscal year: indicator scores, tool scores, the total (with level and rank), the
ranks, and, where the year has them, the action tables and the recommendations; plus one
tidy CSV of all years (one row per year x indicator). A figure the agency did not publish
is an empty cell in CSV and ``null`` in JSON, never 0. Each as CSV (UTF-8 with BOM, so that Excel shows
Thai right; CRLF line ends) and JSON (plain UTF-8).

What the files hold and what each column means is defined once, in
``templates/opendata.yml``; the writers below refuse a record whose keys differ from it,
and the download page shows the same text. Pure functions of the Site: the same data gives
byte-identical files (stable order, no timestamps).
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from typing import Any, Callable

import yaml

from .. import disclosure, narrative, tracking
from ..citations import cited_codes
from ..assets import Asset
from ..templating import TEMPLATES, Options
from ..site import Site, Year

FOLDER = "downloads"  # where the files live in the site
ALL_YEARS = "all_years"
YEARLY = ("indicators", "tools", "totals", "ranks", "actions", "recommendations", "progress", "oit")


@functools.cache
def documentation() -> dict[str, Any]:
    """``templates/opendata.yml``: types, and per dataset its title, description, columns."""
    with open(TEMPLATES / "opendata.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def columns(dataset: str) -> list[dict[str, str]]:
    return documentation()["datasets"][dataset]["columns"]


@dataclass(frozen=True)
class DataFile:
    """One dataset of the site (one year's, or all years'), written in each of its formats."""

    dataset: str  # key in opendata.yml
    year: int | None  # None: all years
    records: tuple[dict[str, Any], ...]
    formats: tuple[str, ...] = ("csv", "json")

    @property
    def stem(self) -> str:
        name = "all-years" if self.year is None else f"{self.year}-{self.dataset}"
        return f"{FOLDER}/ita-{name}"

    def path(self, fmt: str) -> str:
        return f"{self.stem}.{fmt}"


# --- records: one function per dataset, Site -> list of dicts (keys = documented columns) ---


def _indicator_rows(site: Site, y: Year) -> list[dict[str, Any]]:
    """One row per indicator of the year's methodology; score None when not published. A year
    without any published indicator score has no rows."""
    if not y.scores:
        return []
    return [
        {
            "fiscal_year": y.year,
            "indicator": n,
            "indicator_name": site.indicators[n].name_in(y.year),
            "tool": site.indicators[n].tool,
            "score": y.scores.get(n),
            "pass_mark": y.methodology.pass_mark,
        }
        for n in y.methodology.indicators
    ]


def all_years(site: Site) -> list[dict[str, Any]]:
    return [row for y in site.years.values() for row in _indicator_rows(site, y)]


def indicators(site: Site, y: Year) -> list[dict[str, Any]]:
    threshold = y.methodology.strength_threshold
    return [
        {**row, "strength": None if row["score"] is None else int(row["score"] > threshold)} for row in _indicator_rows(site, y)
    ]


def tools(site: Site, y: Year) -> list[dict[str, Any]]:
    """One row per tool: computed from its indicators when all are published, else as the NACC
    stated it, else None (not published). A year without any tool score has no rows."""
    m = y.methodology
    if not y.result.tools:
        return []
    return [
        {
            "fiscal_year": y.year,
            "tool": t.code,
            "tool_name": t.name,
            "weight": t.weight,
            "indicators": [n for n in m.indicators if site.indicators[n].tool == t.code],
            "score": y.result.tools.get(t.code),
            "pass_mark": m.pass_mark,
        }
        for t in m.tools
    ]


def totals(site: Site, y: Year) -> list[dict[str, Any]]:
    ranks = narrative.rank_lines(site.organization, y)
    rank = ranks[0] if ranks else None
    return [
        {
            "fiscal_year": y.year,
            "methodology": y.methodology.id,
            "total": y.computed.total_rounded if y.computed else None,
            "stated_total": y.file.stated.total,
            "level": y.result.level,
            "pass_mark": y.methodology.pass_mark,
            "rank": rank.position if rank else None,
            "rank_among": rank.label if rank else None,
        }
    ]


def ranks(site: Site, y: Year) -> list[dict[str, Any]]:
    return [
        {
            "fiscal_year": y.year,
            "position": rank.position,
            "of": rank.of,
            "among": rank.label,
            "group": rank.kind,
        }
        for rank in narrative.rank_lines(site.organization, y)
    ]


def actions(site: Site, y: Year) -> list[dict[str, Any]]:
    rows = []
    for issue in y.actions.issues if y.actions else []:
        for row in issue.rows:
            q = y.questions[row.question]
            channels = row.scores or {}
            rows.append(
                {
                    "fiscal_year": y.year,
                    "issue": issue.number,
                    "issue_title": issue.title,
                    "question": row.question,
                    "question_text": q.text,
                    "indicator": q.indicator,
                    "score": row.score,
                    "score_eit_public": channels.get("EIT Public"),
                    "score_eit_survey": channels.get("EIT Survey"),
                    "practice": list(row.practice),
                    "responsible": list(row.responsible),
                    "steps": list(row.steps),
                    "period": row.period,
                    "constraints": list(row.constraints),
                }
            )
    return rows


def recommendations(site: Site, y: Year) -> list[dict[str, Any]]:
    return [
        {
            "fiscal_year": y.year,
            "tool": section.tool,
            "section_title": section.title,
            "id": item.id,
            "indicators": list(item.indicators),
            "text": item.text,
            "cited": list(dict.fromkeys(cited_codes(item.text))),
        }
        for section in (y.recommendations.sections if y.recommendations else [])
        for item in section.items
    ]


def progress(site: Site, y: Year) -> list[dict[str, Any]]:
    """The tracking of the year's action plan (``tracking.progress_records``), if recorded."""
    return [row for row in tracking.progress_records(site) if row["fiscal_year"] == y.year]


RECORDS: dict[str, Callable[[Site, Year], list[dict[str, Any]]]] = {
    "indicators": indicators,
    "tools": tools,
    "totals": totals,
    "ranks": ranks,
    "actions": actions,
    "recommendations": recommendations,
    "progress": progress,
    "oit": disclosure.records,  # the OIT items of the year and the agency's links
}


def files(site: Site) -> list[DataFile]:
    """Every data file of the site: all years (CSV) first, then each year, latest first.
    A year without action tables or recommendations has no such file; a site without any
    published year has no file."""
    if not site.years:
        return []
    found = [DataFile(ALL_YEARS, None, tuple(all_years(site)), ("csv",))]
    for y in sorted(site.years.values(), key=lambda y: -y.year):
        for dataset in YEARLY:
            records = RECORDS[dataset](site, y)
            if records:
                found.append(DataFile(dataset, y.year, tuple(records)))
    return found


# --- writers ---


def _checked(dataset: str, records: tuple[dict[str, Any], ...]) -> list[dict[str, str]]:
    cols = columns(dataset)
    names = [c["name"] for c in cols]
    for record in records:
        if list(record) != names:
            raise ValueError(f"{dataset}: record keys {list(record)} differ from the documented columns {names}")
    return cols


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "score":
        return f"{value:.2f}"
    if kind == "list":
        return "\n".join(value)
    if kind == "codes":
        return "; ".join(str(v) for v in value)
    return str(value)


def to_csv(file: DataFile) -> bytes:
    """UTF-8 with BOM (Excel opens Thai right), a header row of the column names, CRLF."""
    cols = _checked(file.dataset, file.records)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c["name"] for c in cols])
    for record in file.records:
        writer.writerow([_cell(record[c["name"]], c["type"]) for c in cols])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "score":
        return round(float(value), 2)
    return value


def to_json(file: DataFile, site: Site, options: Options) -> bytes:
    """Plain UTF-8 (no BOM): what the file is, its licence, then the records."""
    cols = _checked(file.dataset, file.records)
    doc = documentation()["datasets"][file.dataset]
    body = {
        "dataset": file.dataset,
        "title": doc["title"],
        "organization": site.organization.name,
        "fiscal_year": file.year,
        "licence": {"name": options.data_licence, "url": options.data_licence_url},
        "columns": [c["name"] for c in cols],
        "records": [{c["name"]: _json_value(r[c["name"]], c["type"]) for c in cols} for r in file.records],
    }
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def assets(site: Site, options: Options) -> list[Asset]:
    """The asset builder: every data file in every format."""
    out = []
    for file in files(site):
        for fmt in file.formats:
            content = to_csv(file) if fmt == "csv" else to_json(file, site, options)
            out.append(Asset(file.path(fmt), content))
    return out

