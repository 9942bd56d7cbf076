"""Builders of the pages of each fiscal year: overview, seven issues, recommendations,
question codes, and the report's own texts with the year's methodology."""

from __future__ import annotations

import re
from typing import Iterator

from markupsafe import Markup

from .. import disclosure, narrative, tracking
from ..charts import figures as charts
from ..citations import cited_codes, find_citations
from ..site import Site
from .. import paths
from .base import Builder, Spec, Tools, title, tool_members
from .navigation import Section
from .navigation import title as nav_title
from ..templating import md_escape, relative


def results_context(site: Site, y) -> dict:
    """What the results of a year say (scores, groups, strengths, weak points, the change from
    the year before): the context of the overview and of the full report."""
    prev, changes = narrative.changes(site, y)
    return dict(
        y=y,
        prev=prev,
        changes=changes,
        change_of={c.number: c for c in changes},
        groups=narrative.score_groups(site, y),
        strong=narrative.strengths(site, y),
        weak=narrative.weak_points(site, y),
        below=narrative.below_pass_mark(site, y),
        tools_below=narrative.tools_below_pass_mark(y),
        missing=narrative.unpublished(site, y),
        ranks=narrative.rank_lines(site.organization, y),
        recs_for=narrative.recommendations_for,
        tool_members=tool_members(site, y.methodology),
        oit=disclosure.oit_year(site, y),
    )


def results_figures(site: Site, y, tools: Tools) -> dict:
    """The charts of a year's results: indicators, tools, and the total of every year."""
    found = {"indicators": charts.indicators(site, y, tools), "tools": charts.tools(site, y, tools)}
    if len(site.years) > 1:
        found["totals"] = charts.totals(site, tools)
    return {name: figure for name, figure in found.items() if figure is not None}


class OverviewBuilder(Builder):
    """The overview of each year; the latest year's is the home page."""

    def specs(self, site: Site) -> Iterator[Spec]:
        if not site.has_results:
            return
        latest = site.latest.year
        for y in site.years.values():
            yield Spec(
                path=paths.overview(y.year, latest),
                template="overview.md.j2",
                title=title("overview", year=y.year),
                nav_title=nav_title("overview", year=y.year),
                section=Section("home" if y.year == latest else "earlier"),
                sources=(y.sources["year"], site.sources["organization"], *[y.sources[k] for k in ("disclosures",) if k in y.sources]),
                year=y.year,
                context=results_context(site, y),
            )

    def figures(self, site: Site, spec: Spec, tools: Tools) -> dict:
        return results_figures(site, site.years[spec.year], tools)


class PendingBuilder(Builder):
    """A year still being filled in: one page that says "รอกรอกข้อมูล", with no figures.

    Its scores are not shown until every blank is filled: only then can the stated total
    be checked against them, and a half-typed figure must not be published."""

    def specs(self, site: Site) -> Iterator[Spec]:
        latest = site.latest if site.has_results else None
        for p in site.pending.values():
            entries = [(e.indicator, site.indicators[e.indicator].name_in(p.year), e.score is not None) for e in p.file.scores]
            yield Spec(
                path=paths.overview(p.year, latest.year if latest else None),
                template="pending.md.j2",
                title=title("pending", year=p.year),
                nav_title=nav_title("pending", year=p.year),
                section=Section("pending"),
                sources=(p.sources["year"],),
                year=p.year,
                context=dict(p=p, entries=entries, filled=[e for e in entries if e[2]], latest=latest, oit=disclosure.oit_year(site, p)),
            )


class WelcomeBuilder(Builder):
    """The home page of a site without any published year (a new agency): which file staff
    fill in first, and the staff guide. Pending years are linked from it."""

    def specs(self, site: Site) -> Iterator[Spec]:
        if site.has_results:
            return
        pending = [dict(year=y, path=paths.overview(y, None)) for y in sorted(site.pending, reverse=True)]
        yield Spec(
            path=paths.HOME,
            template="welcome.md.j2",
            title=title("welcome", name=site.organization.name),
            nav_title=nav_title("welcome"),
            section=Section("home"),
            sources=(site.sources["organization"],),
            context=dict(pending=pending, guide=paths.GUIDE),
        )


class IssueBuilder(Builder):
    """One page per issue of the seven, with its action table."""

    def specs(self, site: Site) -> Iterator[Spec]:
        for y in site.years.values():
            if y.actions is None:
                continue
            plan = tracking.plan(site, y)
            for issue in y.actions.issues:
                yield Spec(
                    path=paths.issue(y.year, issue.number),
                    template="issue.md.j2",
                    title=title("issue", number=issue.number, title=issue.title),
                    nav_title=title("issue_nav", number=issue.number, title=issue.title),
                    section=Section("issues", y.year),
                    sources=tuple(y.sources[k] for k in ("actions", "progress", "questions") if k in y.sources),
                    year=y.year,
                    context=dict(y=y, issue=issue, plan=plan),
                )


def citation_linker(page_path: str, year: int):
    """Plain text -> Markdown with each "(อ้างอิงจาก O11)" code linked to its description."""

    def cite(text: str) -> Markup:
        out, pos = [], 0
        for c in find_citations(text):
            out.append(md_escape(text[pos : c.start]))
            segment = text[c.start : c.end]
            for code in c.codes:
                if code in segment:
                    before, _, segment = segment.partition(code)
                    out.append(md_escape(before))
                    out.append(f"[{code}]({relative(page_path, paths.code_page(year, code), code)})")
            out.append(md_escape(segment))
            pos = c.end
        out.append(md_escape(text[pos:]))
        return Markup("".join(out))

    return cite


class RecommendationsBuilder(Builder):
    def specs(self, site: Site) -> Iterator[Spec]:
        for y in site.years.values():
            if y.recommendations is None:
                continue
            path = paths.recommendations(y.year)
            yield Spec(
                path=path,
                template="recommendations.md.j2",
                title=title("recommendations", year=y.year),
                nav_title=nav_title("recommendations", year=y.year),
                section=Section("recommendations", y.year),
                sources=(y.sources["recommendations"], y.sources["year"]),
                year=y.year,
                context=dict(y=y, recs=y.recommendations, cite=citation_linker(path, y.year), cited_codes=cited_codes),
            )


class QuestionsBuilder(Builder):
    """The question codes of a year: the target of every code link on the site."""

    def specs(self, site: Site) -> Iterator[Spec]:
        for y in site.years.values():
            if not y.questions:
                continue
            groups: dict[str, list] = {}
            for q in sorted(y.questions.values(), key=_code_order):
                groups.setdefault(q.tool, []).append(q)
            used_in = {code: {"issues": [], "recs": []} for code in y.questions}
            for issue in y.actions.issues if y.actions else []:
                for row in issue.rows:
                    used_in[row.question]["issues"].append(issue)
            for section in y.recommendations.sections if y.recommendations else []:
                for item in section.items:
                    for code in dict.fromkeys([item.id, *cited_codes(item.text)]):
                        if code in used_in:
                            used_in[code]["recs"].append(item)
            yield Spec(
                path=paths.questions(y.year),
                template="questions.md.j2",
                title=title("questions", year=y.year),
                nav_title=title("questions_nav", year=y.year),
                section=Section("questions"),
                sources=(y.sources["questions"],),
                year=y.year,
                context=dict(y=y, groups=list(groups.items()), used_in=used_in),
            )


class AboutBuilder(Builder):
    """The report's own texts (preface, rationale) and the methodology of the year."""

    def specs(self, site: Site) -> Iterator[Spec]:
        for y in site.years.values():
            yield Spec(
                path=paths.about(y.year),
                template="about.md.j2",
                title=title("about", year=y.year),
                nav_title=title("about_nav", year=y.year),
                section=Section("about"),
                sources=(y.sources["year"], site.sources[f"methodology:{y.methodology.id}"]),
                year=y.year,
                context=dict(y=y, m=y.methodology, tool_members=tool_members(site, y.methodology)),
            )


class ReportBuilder(Builder):
    """The full report of each year on one page (รายงานฉบับเต็ม): cover, the report's own texts,
    results, scores, strengths, weak points, comparison, the seven issues' action tables,
    recommendations, conclusion and methodology, from the same templates as the site's pages.
    Printed to PDF after the build (``ita_site.pdf``) when a Chromium is found."""

    def specs(self, site: Site) -> Iterator[Spec]:
        for y in site.years.values():
            path = paths.report(y.year)
            sources = [y.sources[k] for k in ("year", "actions", "recommendations", "questions") if k in y.sources]
            sources += [site.sources["organization"], site.sources[f"methodology:{y.methodology.id}"]]
            yield Spec(
                path=path,
                template="report.md.j2",
                title=title("report", year=y.year),
                nav_title=nav_title("report", year=y.year),
                section=Section("report"),
                sources=tuple(sources),
                year=y.year,
                context=dict(
                    results_context(site, y),
                    m=y.methodology,
                    plan=tracking.plan(site, y),
                    recs=y.recommendations,
                    cite=citation_linker(path, y.year),
                    cited_codes=cited_codes,
                    pdf=paths.report_pdf(y.year),
                ),
            )

    def figures(self, site: Site, spec: Spec, tools: Tools) -> dict:
        return results_figures(site, site.years[spec.year], tools)


def _code_order(q) -> tuple:
    prefix, number = re.match(r"([A-Z]+)([0-9]+)", q.code).groups()
    return (["I", "E", "EP", "ES", "O"].index(prefix), int(number))
