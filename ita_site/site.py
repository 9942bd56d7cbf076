"""The checked, assembled data of a site: what the page builders read.

``inspect(data_dir)`` reads and checks everything and returns a :class:`Report`: the errors,
the values still to be filled in, and the :class:`Site` when there is no error.
``load_site(data_dir)`` returns the Site or raises :class:`DataErrors` listing every error.

A fiscal year with values still to be filled in (``null``, see ``rules/blanks.py``) is
*pending*: it is kept apart from the published years (``Site.pending``), so every page that
shows scores, totals or comparisons reads published years only. A published year may be
partial: it holds the figures the agency has (``Year.result``, ``scoring.Result``). A site may
have no published year at all (a new agency): its home page then says what to fill in first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dates import build_date as default_build_date, gregorian_year
from .errors import DataError, DataErrors
from .inputs.loader import DataSet, read_data
from .model.files import (
    ActionsFile,
    DisclosuresFile,
    Indicator,
    IndicatorScore,
    Methodology,
    OitGroup,
    Organization,
    ProgressFile,
    Question,
    RecommendationsFile,
    YearFile,
)
from .linkhealth import LinkHealth
from .rules import check
from .rules.blanks import is_complete
from .rules.totals import year_result
from .scoring import Computed, Result


@dataclass(frozen=True)
class Year:
    """One published fiscal year: what is known of its result, and its tables."""

    year: int
    file: YearFile
    methodology: Methodology
    result: Result  # each figure computed, as stated, or not published
    questions: dict[str, Question]
    actions: ActionsFile | None
    recommendations: RecommendationsFile | None
    sources: dict[str, str]  # "year" | "questions" | "actions" | "recommendations" | "progress" | "disclosures" -> data file
    progress: ProgressFile | None = None  # tracking of the action plan during the year
    disclosures: DisclosuresFile | None = None  # the agency's OIT disclosures of the year
    oit_groups: tuple[OitGroup, ...] = ()  # the groups of the year's OIT items (questions file)

    @property
    def computed(self) -> Computed | None:
        """The figures computed from the indicator scores, when every one is published."""
        return self.result.computed

    @property
    def scores(self) -> dict[int, float]:
        """The published indicator scores (an indicator left out is not published)."""
        return self.result.scores

    def entry(self, indicator: int) -> IndicatorScore | None:
        return next((e for e in self.file.scores if e.indicator == indicator), None)

    @property
    def ranks(self):
        return self.file.ranks()

    @property
    def gregorian(self) -> int:
        """Fiscal year 2566 runs 1 Oct 2022 - 30 Sep 2023; it is named for 2023."""
        return gregorian_year(self.year)


@dataclass(frozen=True)
class PendingYear:
    """A fiscal year being filled in: what is there so far, and what is still blank."""

    year: int
    file: YearFile
    methodology: Methodology | None
    todo: list[DataError]
    sources: dict[str, str]
    # the OIT items and disclosures of the year: disclosed during the year, before any result
    questions: dict[str, Question] = field(default_factory=dict)
    disclosures: DisclosuresFile | None = None
    oit_groups: tuple[OitGroup, ...] = ()


@dataclass(frozen=True)
class Site:
    organization: Organization
    indicators: dict[int, Indicator]
    years: dict[int, Year]  # ascending; published years only (complete or partial)
    sources: dict[str, str] = field(default_factory=dict)  # "organization", "indicator:N" -> file
    build_date: date = field(default_factory=date.today)  # "today" of the build (ita_site.dates)
    evidence: dict[str, Path] = field(default_factory=dict)  # "evidence/..." -> file in data/
    pending: dict[int, PendingYear] = field(default_factory=dict)  # years still being filled in
    todo: list[DataError] = field(default_factory=list)  # every value still to be filled in
    link_health: LinkHealth | None = None  # the last check of the disclosed links, if given (linkhealth.py)
    methodologies: dict[str, Methodology] = field(default_factory=dict)  # every file of data/methodology/

    @property
    def latest(self) -> Year:
        """The latest published year (the home page); see ``has_results`` first."""
        return self.years[max(self.years)]

    @property
    def has_results(self) -> bool:
        """At least one published year; without one the home page says what to fill in."""
        return bool(self.years)

    def earlier(self, year: int) -> Year | None:
        before = [y for y in self.years if y < year]
        return self.years[max(before)] if before else None


def assemble(data: DataSet, todo: list[DataError] | None = None) -> Site:
    """Build the Site from a DataSet that passed every check."""
    assert data.organization is not None
    todo = sorted(todo or [])
    years: dict[int, Year] = {}
    pending: dict[int, PendingYear] = {}
    for y in sorted(data.years):
        parsed = data.years[y]
        q = data.questions.get(y)
        a = data.actions.get(y)
        r = data.recommendations.get(y)
        pr = data.progress.get(y)
        d = data.disclosures.get(y)
        sources = {"year": parsed.doc.file}
        for kind, p in (("questions", q), ("actions", a), ("recommendations", r), ("progress", pr), ("disclosures", d)):
            if p is not None:
                sources[kind] = p.doc.file
        if not is_complete(parsed.model):
            m = data.methodologies.get(parsed.model.methodology)
            mine = [t for t in todo if t.file in sources.values()]
            pending[y] = PendingYear(
                y, parsed.model, m.model if m else None, mine, sources,
                questions={x.code: x for x in q.model.questions} if q else {},
                disclosures=d.model if d else None,
                oit_groups=tuple(q.model.oit_groups) if q else (),
            )  # fmt: skip
            continue
        result = year_result(data, y)
        assert result is not None
        years[y] = Year(
            year=y,
            file=parsed.model,
            methodology=data.methodologies[parsed.model.methodology].model,
            result=result,
            questions={x.code: x for x in q.model.questions} if q else {},
            actions=a.model if a else None,
            recommendations=r.model if r else None,
            sources=sources,
            progress=pr.model if pr else None,
            disclosures=d.model if d else None,
            oit_groups=tuple(q.model.oit_groups) if q else (),
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
        pending=pending,
        todo=todo,
        methodologies={k: p.model for k, p in sorted(data.methodologies.items())},
    )


@dataclass(frozen=True)
class Report:
    """What checking `data/` found: errors stop the build; `todo` are blanks to fill in;
    `warnings` are printed and logged but do not stop it."""

    errors: list[DataError]
    todo: list[DataError]
    site: Site | None  # None when there is an error
    warnings: list[DataError] = field(default_factory=list)


def inspect(data_dir: Path | str, build_date: date | None = None) -> Report:
    """Read and check `data_dir`; every problem at once, errors apart from blanks to fill in.

    `build_date` is "today" for the checks and pages (overdue actions, updates in the
    future); by default ``ita_site.dates.build_date`` picks it (the last commit, else today; the
    build and the commands pass SOURCE_DATE_EPOCH's date, read by ``config``).
    """
    data, errors = read_data(Path(data_dir))
    data.build_date = build_date or default_build_date(data_dir)
    found = errors + check(data)
    errors = sorted({e for e in found if not e.is_todo and not e.is_warning})
    todo = sorted({e for e in found if e.is_todo})
    warnings = sorted({e for e in found if e.is_warning})
    return Report(errors, todo, None if errors else assemble(data, todo), warnings)


def load_site(data_dir: Path | str, build_date: date | None = None) -> Site:
    """Read, check and assemble `data_dir`; raise DataErrors with every error found.

    Values still to be filled in are not errors: they are in ``Site.todo``."""
    report = inspect(data_dir, build_date)
    if report.errors:
        raise DataErrors(report.errors)
    assert report.site is not None
    return report.site
