"""The OIT disclosures of a year as the site shows them: every OIT item of the year's catalog
(``questions/<พ.ศ.>.yml``), grouped by indicator and group, each with its state and links
from the agency's ``disclosures/<พ.ศ.>.yml``, counts per group, indicator and year, the
item of the same title in the year before, and what the last link check found.

Nothing is invented: an item the agency has not disclosed is "not yet disclosed"
(``not_yet``); a title the catalog does not give is missing (None), not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .evidence import Evidence, read_evidence
from .linkhealth import LinkStatus
from .model.files import Question
from .site import PendingYear, Site, Year
from .tracking import Counts

DISCLOSED, NOT_YET, NOT_APPLICABLE = "disclosed", "not_yet", "not_applicable"
STATES = (DISCLOSED, NOT_YET, NOT_APPLICABLE)  # Thai words: templates/labels.yml (oit.states)


@dataclass(frozen=True)
class Link:
    evidence: Evidence  # the URL, or the file in the site (evidence/...)
    label: str
    date: date | None
    quarter: int | None
    health: LinkStatus | None  # what the last link check found (web links only)

    @property
    def broken(self) -> bool:
        return self.health is not None and not self.health.ok


@dataclass(frozen=True)
class Item:
    year: int
    code: str
    title: str | None
    asks: str | None
    indicator: int
    group: str | None
    state: str  # one of STATES
    links: tuple[Link, ...]
    reason: str | None  # why not applicable
    previous: tuple[int, str] | None  # (year, code) of the item of the same title the year before


@dataclass(frozen=True)
class Group:
    name: str | None  # None: items whose group the catalog does not give
    items: tuple[Item, ...]
    counts: Counts


@dataclass(frozen=True)
class IndicatorItems:
    number: int
    groups: tuple[Group, ...]
    counts: Counts


@dataclass(frozen=True)
class OitYear:
    year: int
    indicators: tuple[IndicatorItems, ...]
    counts: Counts
    items: dict[str, Item]

    @property
    def broken(self) -> list[tuple[Item, Link]]:
        return [(item, link) for item in self.items.values() for link in item.links if link.broken]

    @property
    def web_links(self) -> int:
        return sum(1 for item in self.items.values() for link in item.links if link.evidence.kind == "link")


def is_oit(code: str) -> bool:
    return re.fullmatch(r"O[0-9]+", code) is not None


def _number(code: str) -> int:
    return int(code[1:])


def catalog(y: Year | PendingYear) -> list[Question]:
    """The OIT items of the year's catalog, in the order of their numbers."""
    return sorted((q for q in y.questions.values() if is_oit(q.code)), key=lambda q: _number(q.code))


def _title_key(title: str | None) -> str | None:
    return " ".join(title.split()) if title else None


def _counts(items) -> Counts:
    by = {state: 0 for state in STATES}
    for item in items:
        by[item.state] += 1
    return Counts(by)


def every_year(site: Site) -> dict[int, Year | PendingYear]:
    """Published years and years still being filled in, in order: the OIT items of a year are
    disclosed during it, before its results."""
    return dict(sorted({**site.years, **site.pending}.items()))


def _previous(site: Site, y: Year | PendingYear) -> tuple[int, dict[str, str]] | None:
    """The nearest earlier year with OIT items, and its codes by title."""
    years = every_year(site)
    for year in sorted((k for k in years if k < y.year), reverse=True):
        items = catalog(years[year])
        if items:
            return year, {_title_key(q.text): q.code for q in items if q.text}
    return None


def oit_year(site: Site, y: Year | PendingYear) -> OitYear | None:
    """The OIT items of `y` and their disclosures; None when its catalog has no OIT item."""
    questions = catalog(y)
    if not questions:
        return None
    disclosed = {d.code: d for d in (y.disclosures.items if y.disclosures else [])}
    before = _previous(site, y)
    health = site.link_health
    items: dict[str, Item] = {}
    for q in questions:
        d = disclosed.get(q.code)
        links = []
        for entry in d.links if d else []:
            found, _ = read_evidence(entry.link)
            assert found is not None  # checked by rules/disclosures.py
            status = health.status(found.target) if health and found.kind == "link" else None
            links.append(Link(found, entry.label, entry.date, entry.quarter, status))
        state = DISCLOSED if links else NOT_APPLICABLE if d and d.not_applicable else NOT_YET
        prev_code = before[1].get(_title_key(q.text)) if before else None
        items[q.code] = Item(
            year=y.year,
            code=q.code,
            title=q.text,
            asks=q.asks,
            indicator=q.indicator,
            group=q.group,
            state=state,
            links=tuple(links),
            reason=d.not_applicable if d and not links else None,
            previous=(before[0], prev_code) if before and prev_code else None,
        )
    indicators = []
    for number in sorted({item.indicator for item in items.values()}):
        mine = [item for item in items.values() if item.indicator == number]
        names = [g.name for g in y.oit_groups if g.indicator == number]
        groups = [Group(name, tuple(i for i in mine if i.group == name), _counts(i for i in mine if i.group == name)) for name in names]
        loose = tuple(i for i in mine if i.group is None)
        if loose:
            groups.append(Group(None, loose, _counts(loose)))
        indicators.append(IndicatorItems(number, tuple(groups), _counts(mine)))
    return OitYear(y.year, tuple(indicators), _counts(items.values()), items)


def oit_years(site: Site) -> list[OitYear]:
    return [o for y in every_year(site).values() if (o := oit_year(site, y)) is not None]


def records(site: Site, y: Year) -> list[dict[str, Any]]:
    """Open data: one row per link of each item, one row for an item without links."""
    oit = oit_year(site, y)
    rows = []
    for item in oit.items.values() if oit else []:
        base = {
            "fiscal_year": item.year,
            "code": item.code,
            "title": item.title,
            "indicator": item.indicator,
            "group": item.group,
            "state": item.state,
            "not_applicable_reason": item.reason,
        }
        for link in item.links or [None]:
            rows.append(
                {
                    **base,
                    "link": link.evidence.target if link else None,
                    "label": link.label if link else None,
                    "date": link.date.isoformat() if link and link.date else None,
                    "quarter": link.quarter if link else None,
                }
            )
    return rows


def feed_items(site: Site) -> list[tuple[Item, Link]]:
    """Every dated disclosure, newest first (an undated link has no day to be announced on)."""
    found = [(item, link) for o in oit_years(site) for item in o.items.values() for link in item.links if link.date]
    return sorted(found, key=lambda il: (-il[1].date.toordinal(), il[0].year, _number(il[0].code), il[1].label))


def indicator_years(site: Site, number: int) -> list[OitYear]:
    """The years whose OIT items include items of indicator `number` (its page links them)."""
    return [o for o in oit_years(site) if any(i.number == number for i in o.indicators)]
