"""Thai prose written from the numbers: results, strengths, weak points, year-over-year change.

The functions here compute *what* to say (ordered, grouped figures); the wording lives in
``templates/narrative/*.md.j2``. A paragraph given in the year file's ``narrative:`` replaces
the generated one (``override``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..scoring import exact, round2
from ..site import Site, Year


@dataclass(frozen=True)
class Ranked:
    number: int
    name: str
    tool: str
    score: float


def ranked(site: Site, year: Year) -> list[Ranked]:
    """The year's indicators from the highest score to the lowest (ties by number)."""
    items = [
        Ranked(e.indicator, site.indicators[e.indicator].name_in(year.year), site.indicators[e.indicator].tool, e.score)
        for e in year.file.scores
    ]
    return sorted(items, key=lambda r: (-exact(r.score), r.number))


def score_groups(site: Site, year: Year) -> list[list[Ranked]]:
    """Ranked indicators grouped by equal score (for "X และ Y ได้คะแนนเท่ากับ ...")."""
    return [list(g) for _, g in groupby(ranked(site, year), key=lambda r: exact(r.score))]


def strengths(site: Site, year: Year) -> list[Ranked]:
    """Indicators scoring above the year's strength threshold, highest first."""
    return [r for r in ranked(site, year) if r.score > year.methodology.strength_threshold]


def weak_points(site: Site, year: Year) -> list[Ranked]:
    """Every indicator that is not a strength (score at or below the threshold), highest first."""
    return [r for r in ranked(site, year) if r.score <= year.methodology.strength_threshold]


def below_pass_mark(site: Site, year: Year) -> list[Ranked]:
    return [r for r in ranked(site, year) if r.score < year.methodology.pass_mark]


def tools_below_pass_mark(year: Year) -> list[str]:
    return [c for c, v in year.computed.tools_rounded.items() if v < year.methodology.pass_mark]


@dataclass(frozen=True)
class Change:
    number: int
    name: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return round2(exact(self.after) - exact(self.before))

    @property
    def direction(self) -> str:
        return "up" if self.delta > 0 else "down" if self.delta < 0 else "same"


def changes(site: Site, year: Year) -> tuple[Year | None, list[Change]]:
    """Change of each indicator since the previous fiscal year in the data."""
    prev = site.earlier(year.year)
    if prev is None:
        return None, []
    before = prev.scores
    out = [
        Change(n, site.indicators[n].name_in(year.year), before[n], s)
        for n, s in year.scores.items()
        if n in before
    ]
    return prev, sorted(out, key=lambda c: c.number)


def recommendations_for(year: Year, number: int):
    """(section, item) of the year's recommendations aimed at indicator `number`."""
    if year.recommendations is None:
        return []
    return [(s, i) for s in year.recommendations.sections for i in s.items if number in i.indicators]


def override(year: Year, key: str):
    """The staff-written paragraph for `key`, or None to use the generated one."""
    return getattr(year.file.narrative, key)
