"""Builders of the pages that span years: one page per indicator, and the year comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .. import disclosure, narrative, opendata, tracking
from ..charts import figures as charts
from ..site import Site
from .. import paths
from .base import Builder, Spec, title
from .base import Tools
from .navigation import Section


@dataclass(frozen=True)
class After:
    """The indicator in the first assessment after a year's action plan: did it move?"""

    year: int
    before: float
    after: float

    @property
    def change(self) -> narrative.Change:
        return narrative.Change(0, "", self.before, self.after)


@dataclass(frozen=True)
class HistoryRow:
    year: int
    score: float | None  # None: the agency did not publish this indicator's score that year
    pass_mark: float
    delta: float | None  # change from the year before, when both years have the score
    analysis: str | None
    overview: str


class IndicatorBuilder(Builder):
    """One page per indicator: what it measures, score per year, analysis, the actions aimed at
    it with their progress, and its score in the next assessment after those actions."""

    def specs(self, site: Site) -> Iterator[Spec]:
        latest = site.latest.year if site.has_results else None
        for n, ind in site.indicators.items():
            history: list[HistoryRow] = []
            related = []
            previous = None
            for y in site.years.values():
                if n not in y.methodology.indicators:
                    previous = None
                    continue
                entry, score = y.entry(n), y.scores.get(n)
                delta = None if previous is None or score is None else narrative.Change(n, "", previous, score).delta
                history.append(
                    HistoryRow(
                        y.year, score, y.methodology.pass_mark, delta, entry.analysis if entry else None, paths.overview(y.year, latest)
                    )
                )
                previous = score
                plan = tracking.plan(site, y)
                actions = [a for a in (plan.actions if plan else []) if a.question.indicator == n]
                later = next((z for z in site.years.values() if z.year > y.year and n in z.scores), None)
                after = After(later.year, score, later.scores[n]) if later and actions and score is not None else None
                related.append(
                    dict(
                        year=y.year,
                        actions=actions,
                        counts=tracking.Counts({k: sum(a.status == k for a in actions) for k in tracking.STATUS_KEYS}),
                        after=after,
                        plan=plan,
                        recs=narrative.recommendations_for(y, n),
                        questions=y.questions,
                    )
                )
            sources = [site.sources[f"indicator:{n}"]]
            sources += [y.sources["year"] for y in site.years.values()]
            sources += [
                y.sources[k] for y in site.years.values() for k in ("actions", "progress", "recommendations", "disclosures") if k in y.sources
            ]
            yield Spec(
                path=paths.indicator(n),
                template="indicator.md.j2",
                title=title("indicator", number=n, name=ind.name),
                nav_title=title("indicator_nav", number=n, name=ind.name),
                section=Section("indicators"),
                sources=tuple(sources),
                context=dict(
                    ind=ind,
                    history=history,
                    published=[row for row in history if row.score is not None],
                    related=list(reversed(related)),
                    data_file=opendata.DataFile(opendata.ALL_YEARS, None, ()).path("csv"),
                    data_anchor=data_anchor(opendata.ALL_YEARS),
                    keys=tracking.STATUS_KEYS,
                    oit=[(o, next(i for i in o.indicators if i.number == n)) for o in disclosure.indicator_years(site, n)],
                ),
            )


    def figures(self, site: Site, spec: Spec, tools: Tools) -> dict:
        found = charts.trend(site, spec.context["ind"].number, tools)
        return {"trend": found} if found else {}


class ComparisonBuilder(Builder):
    """All indicators, tool scores and totals across the years, with the change in words."""

    def specs(self, site: Site) -> Iterator[Spec]:
        years = list(site.years.values())
        if len(years) < 2:
            return  # one year: nothing to compare (no page, no link, no menu entry)
        tool_codes = list(dict.fromkeys(t.code for y in years for t in y.methodology.tools))
        yield Spec(
            path=paths.COMPARISON,
            template="comparison.md.j2",
            title=title("comparison"),
            nav_title=title("comparison"),
            section=Section("comparison"),
            sources=tuple(y.sources["year"] for y in years),
            context=dict(
                years=years,
                tool_codes=tool_codes,
                changes_of={y.year: narrative.changes(site, y)[1] for y in years},
                some_missing=any(not y.result.complete for y in years),
            ),
        )

    def figures(self, site: Site, spec: Spec, tools: Tools) -> dict:
        return {"comparison": charts.comparison(site, tools)}


class DownloadsBuilder(Builder):
    """The open data page: every data file with its description, columns and licence."""

    def specs(self, site: Site) -> Iterator[Spec]:
        if not site.has_results:
            return  # nothing to download yet
        files = opendata.files(site)
        by_year: dict[int, list] = {}
        for f in files:
            if f.year is not None:
                by_year.setdefault(f.year, []).append(f)
        sources = [site.sources["organization"]]
        for y in site.years.values():
            sources += [y.sources[k] for k in ("year", "actions", "recommendations") if k in y.sources]
        yield Spec(
            path=paths.DOWNLOADS,
            template="downloads.md.j2",
            title=title("downloads"),
            nav_title=title("downloads"),
            section=Section("downloads"),
            sources=tuple(sources),
            context=dict(
                all_years=[f for f in files if f.year is None],
                by_year=sorted(by_year.items(), reverse=True),
                doc=opendata.documentation(),
                data_anchor=data_anchor,
                reports=[(y, paths.report(y), paths.report_pdf(y)) for y in sorted(site.years, reverse=True)],
            ),
        )


def data_anchor(dataset: str) -> str:
    """The id of a dataset's column documentation on the download page."""
    return f"data-{dataset.replace('_', '-')}"
