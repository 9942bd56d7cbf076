"""Thai prose written from the numbers: results, strengths, weak points, year-over-year change.

The functions here compute *what* to say (ordered, grouped figures); the wording lives in
``templates/narrative/*.md.j2``. A paragraph given in the year file's ``narrative:`` replaces
the generated one (``override``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..model.files import Organization, Rank
from ..scoring import exact, round2
from ..site import Site, Year
from ..wording import labels


@dataclass(frozen=True)
class Ranked:
    number: int
    name: str
    tool: str
    score: float


def ranked(site: Site, year: Year) -> list[Ranked]:
    """The year's published indicator scores from the highest to the lowest (ties by number)."""
    items = [
        Ranked(n, site.indicators[n].name_in(year.year), site.indicators[n].tool, score)
        for n, score in year.scores.items()
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
    """The tools whose known score is below the pass mark (a tool not published is not)."""
    return [c for c, v in year.result.tools.items() if v < year.methodology.pass_mark]


@dataclass(frozen=True)
class Unpublished:
    """An indicator of the year's methodology whose score the agency did not publish."""

    number: int
    name: str
    tool: str


def unpublished(site: Site, year: Year) -> list[Unpublished]:
    return [Unpublished(n, site.indicators[n].name_in(year.year), site.indicators[n].tool) for n in year.result.unpublished]


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


@dataclass(frozen=True)
class RankLine:
    """One rank as the pages say it: "ลำดับที่ 40 จาก 180 แห่ง ของ<phrase>", card "อันดับในกลุ่ม<label>"."""

    position: int
    of: int | None
    kind: str | None  # "type" | "province" | "district" | None (a group named only in `among`)
    phrase: str  # the group after "ของ" in the results sentence
    label: str  # the group after "อันดับในกลุ่ม" on the summary card


def rank_kind(rank: Rank, org: Organization) -> str | None:
    """The kind of group: as written (`group:`), else "type" when `among` is the agency's type
    in organization.yml, else None (the group is what `among` says)."""
    if rank.group is not None:
        return rank.group
    return "type" if rank.among == org.type else None


def rank_lines(org: Organization, year: Year) -> list[RankLine]:
    words = labels()["rank"]
    lines = []
    for rank in year.ranks:
        kind = rank_kind(rank, org)
        named = rank.among or words["group"][kind].format(type=org.type, province=org.province, district=org.district)
        phrase = words["type_prefix"] + rank.among if kind == "type" and rank.among else named
        lines.append(RankLine(rank.position, rank.of, kind, phrase, named))
    return lines
