"""Tool scores, totals and levels, computed from indicator scores by a year's methodology.

Exact arithmetic (fractions) on the two-decimal scores; results are rounded half-up to two
decimals for display. The NACC computes from unrounded indicator values, so a printed total
may differ from ours by up to 0.01 (``TOLERANCE``), and no more.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .model.files import Indicator, Methodology

TOLERANCE = Fraction(1, 100)


def exact(value: float) -> Fraction:
    """A score as written in the data (two decimals), without binary float error."""
    return Fraction(Decimal(repr(value)))


def round2(value: Fraction) -> float:
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return float(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Computed:
    """What a year's indicator scores add up to."""

    tools: dict[str, Fraction]  # tool code -> mean of its indicators (exact)
    total: Fraction  # weighted sum of the tool means (exact)
    level: str | None  # first level of the methodology whose rule holds

    @property
    def tools_rounded(self) -> dict[str, float]:
        return {code: round2(v) for code, v in self.tools.items()}

    @property
    def total_rounded(self) -> float:
        return round2(self.total)


def compute(scores: dict[int, float], methodology: Methodology, catalog: dict[int, Indicator]) -> Computed:
    """Compute tool means, the total and the level. `scores` must cover the methodology."""
    tools: dict[str, Fraction] = {}
    for tool in methodology.tools:
        members = [n for n in methodology.indicators if catalog[n].tool == tool.code]
        tools[tool.code] = sum((exact(scores[n]) for n in members), Fraction(0)) / len(members)
    total = sum((Fraction(Decimal(repr(t.weight))) * tools[t.code] for t in methodology.tools), Fraction(0))
    return Computed(tools, total, level_of(round2(total), {c: round2(v) for c, v in tools.items()}, methodology))


def level_of(total: float, tools: dict[str, float], methodology: Methodology) -> str | None:
    """The first level whose minimum total (and minimum per tool, if set) is met."""
    for level in methodology.levels:
        if total < level.min_total:
            continue
        if level.min_each_tool is not None and any(v < level.min_each_tool for v in tools.values()):
            continue
        return level.name
    return None


def differs(stated: float, computed: Fraction) -> bool:
    """True when a printed figure is further from the computed one than rounding allows."""
    return abs(exact(stated) - computed) > TOLERANCE


def level_from(total: float, tools: dict[str, float], methodology: Methodology) -> str | None:
    """The level that `total` (and the tool scores known) give, or None when it cannot be told:
    a level with a minimum per tool needs every tool's score. Letter levels (ita-2564) follow
    from the total alone; tiered levels (ita-2566) only below their first per-tool rule."""
    every_tool = all(t.code in tools for t in methodology.tools)
    for level in methodology.levels:
        if total < level.min_total:
            continue
        if level.min_each_tool is not None:
            if not every_tool:
                return None
            if any(tools[t.code] < level.min_each_tool for t in methodology.tools):
                continue
        return level.name
    return None


def members(methodology: Methodology, catalog: dict[int, Indicator]) -> dict[str, list[int]]:
    """The indicators of each tool of a methodology (catalog order)."""
    return {t.code: [n for n in methodology.indicators if catalog[n].tool == t.code] for t in methodology.tools}


@dataclass(frozen=True)
class Result:
    """What is known of one year's result, and where each figure comes from.

    A figure is *computed* from the indicator scores when every indicator it needs is
    published (and the stated one is then checked against it, ``rules/totals.py``); else it
    is the NACC's figure as *stated* in the year file (shown as the official result, it
    cannot be checked); else it is None: not published, shown as missing, never as 0.
    """

    scores: dict[int, float]  # indicator -> published score (methodology order)
    unpublished: tuple[int, ...]  # indicators of the methodology without a published score
    tools: dict[str, float]  # tool code -> score (two decimals), for the tools known
    stated_tools: frozenset[str]  # tools whose score is the stated one (not computable)
    total: float | None
    total_stated: bool  # the total is the stated one (not computable from the scores)
    level: str | None
    level_stated: bool  # the level is the stated one (not computed by the methodology)
    computed: Computed | None  # every indicator published: the figures of ``compute``

    @property
    def has_scores(self) -> bool:
        return bool(self.scores)

    @property
    def complete(self) -> bool:
        """Every indicator of the methodology has a published score."""
        return self.computed is not None

    @property
    def any_figure(self) -> bool:
        return bool(self.scores or self.tools or self.total is not None or self.level is not None)


def result(
    scores: dict[int, float | None],
    stated_total: float | None,
    stated_level: str | None,
    stated_tools: dict[str, float],
    methodology: Methodology,
    catalog: dict[int, Indicator],
) -> Result:
    """Each figure of a year from what is known: computed where the scores allow, else stated."""
    published = {n: scores[n] for n in methodology.indicators if scores.get(n) is not None}
    unpublished = tuple(n for n in methodology.indicators if n not in published)
    computed = compute(published, methodology, catalog) if not unpublished else None
    tools: dict[str, float] = {}
    from_stated: set[str] = set()
    for code, numbers in members(methodology, catalog).items():
        if numbers and all(n in published for n in numbers):
            tools[code] = round2(sum((exact(published[n]) for n in numbers), Fraction(0)) / len(numbers))
        elif code in stated_tools:
            tools[code] = stated_tools[code]
            from_stated.add(code)
    if computed is not None:
        return Result(published, (), tools, frozenset(), computed.total_rounded, False, computed.level, False, computed)
    level, level_stated = stated_level, stated_level is not None
    if level is None and stated_total is not None:
        level = level_from(stated_total, tools, methodology)
    return Result(published, unpublished, tools, frozenset(from_stated), stated_total, stated_total is not None,
                  level, level_stated, None)  # fmt: skip
