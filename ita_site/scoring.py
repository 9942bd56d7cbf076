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
