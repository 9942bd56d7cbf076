"""The checked, assembled data of a site: what the page builders read.

``load_site(data_dir)`` reads and checks everything and either returns a :class:`Site` or
raises :class:`DataErrors` listing every problem (file, line, what, expected).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dates import build_date as default_build_date
from .errors import DataErrors
from .inputs.loader import DataSet, read_data
from .model.files import (
    ActionsFile,
    Indicator,
    IndicatorScore,
    Methodology,
    Organization,
    ProgressFile,
    Question,
    RecommendationsFile,
    YearFile,
)
from .rules import check
from .rules.totals import computable
from .scoring import Computed


@dataclass(frozen=True)
class Year:
    """One fiscal year: its scores, what they compute to, and its tables."""

    year: int
    file: YearFile
    methodology: Methodology
    computed: Computed
    questions: dict[str, Question]
    actions: ActionsFile | None
    recommendations: RecommendationsFile | None
    sources: dict[str, str]  # "year" | "questions" | "actions" | "recommendations" | "progress" -> data file
    progress: ProgressFile | None = None  # tracking of the action plan during the year

    @property
    def scores(self) -> dict[int, float]:
        return {e.indicator: e.score for e in self.file.scores}

    def entry(self, indicator: int) -> IndicatorScore | None:
        return next((e for e in self.file.scores if e.indicator == indicator), None)

    @property
    def gregorian(self) -> int:
        """Fiscal year 2566 runs 1 Oct 2022 - 30 Sep 2023; it is named for 2023."""
        return self.year - 543


@dataclass(frozen=True)
class Site:
    organization: Organization
    indicators: dict[int, Indicator]
    years: dict[int, Year]  # ascending
    sources: dict[str, str] = field(default_factory=dict)  # "organization", "indicator:N" -> file
    build_date: date = field(default_factory=date.today)  # "today" of the build (ita_site.dates)
    evidence: dict[str, Path] = field(default_factory=dict)  # "evidence/..." -> file in data/

    @property
    def latest(self) -> Year:
        return self.years[max(self.years)]

    def earlier(self, year: int) -> Year | None:
        before = [y for y in self.years if y < year]
        return self.years[max(before)] if before else None


def assemble(data: DataSet) -> Site:
    """Build the Site from a DataSet that passed every check."""
    assert data.organization is not None
    years: dict[int, Year] = {}
    for y in sorted(data.years):
        parsed = data.years[y]
        computed = computable(data, y)
        assert computed is not None
        q = data.questions.get(y)
        a = data.actions.get(y)
        r = data.recommendations.get(y)
        pr = data.progress.get(y)
        sources = {"year": parsed.doc.file}
        for kind, p in (("questions", q), ("actions", a), ("recommendations", r), ("progress", pr)):
            if p is not None:
                sources[kind] = p.doc.file
        years[y] = Year(
            year=y,
            file=parsed.model,
            methodology=data.methodologies[parsed.model.methodology].model,
            computed=computed,
            questions={x.code: x for x in q.model.questions} if q else {},
            actions=a.model if a else None,
            recommendations=r.model if r else None,
            sources=sources,
            progress=pr.model if pr else None,
        )
    sources = {"organization": data.organization.doc.file}
    sources.update({f"indicator:{n}": p.doc.file for n, p in data.indicators.items()})
    sources.update({f"methodology:{k}": p.doc.file for k, p in data.methodologies.items()})
    return Site(
        organization=data.organization.model,
        indicators={n: data.indicators[n].model for n in sorted(data.indicators)},
        years=years,
        sources=sources,
        build_date=data.build_date or date.today(),
        evidence=dict(sorted(data.evidence.items())),
    )


def load_site(data_dir: Path | str, build_date: date | None = None) -> Site:
    """Read, check and assemble `data_dir`; raise DataErrors with every problem found.

    `build_date` is "today" for the checks and pages (overdue actions, updates in the
    future); by default ``ita_site.dates.build_date`` picks it (SOURCE_DATE_EPOCH, git, today).
    """
    data, errors = read_data(Path(data_dir))
    data.build_date = build_date or default_build_date(data_dir)
    errors += check(data)
    if errors:
        raise DataErrors(sorted(set(errors)))
    return assemble(data)
