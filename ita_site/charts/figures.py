"""The figures of each page: chart (inline SVG) + title + one-sentence summary + data table.

A :class:`Figure` is what the partial ``partials/chart.html.j2`` shows. The numbers come from
the Site (scores, computed tool scores and totals, each year's pass mark from its
methodology, each indicator's tool from the catalog); the words from ``labels.yml``
(``charts``, ``tools``) and the templates ``templates/charts/<kind>.html.j2`` (title, summary).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from markupsafe import Markup

from ..templating import Options, Templates, labels
from ..site import Site, Year
from ..dates import fmt_mark, fmt_score
from . import kinds, theme
from .render import ChartRenderer, sized


@dataclass(frozen=True)
class Tools:
    """What drawing needs from its build: the templates (a figure's worded title and summary,
    for the build's options) and the chart renderer (SVGs kept between pages and builds)."""

    templates: Templates
    charts: ChartRenderer

    @property
    def options(self) -> Options:
        return self.templates.options

    @classmethod
    def fresh(cls, options: Options | None = None) -> Tools:
        """Tools of their own, keeping nothing on disk (a script, a test)."""
        return cls(Templates(options), ChartRenderer())


@dataclass(frozen=True)
class Table:
    """The numbers of a chart: a header row, then rows whose first cell heads the row."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    id: str  # unique on its page; also the prefix of the ids of title and summary
    kind: str
    title: Markup
    summary: Markup
    svg: Markup
    table: Table
    width: int
    height: int


def _words() -> dict:
    return labels()["charts"]


def _texts(kind: str, draw: Tools, **facts) -> tuple[Markup, Markup]:
    module = draw.templates.module(f"charts/{kind}.html.j2", **facts)
    return Markup(str(module.title).strip()), Markup(" ".join(str(module.summary).split()))


def _svg(chart: functools.partial, renderer: ChartRenderer) -> str:
    """The SVG of a chart given as its recipe (a kinds function and its arguments). With the
    cache on disk, a recipe met in an earlier build gives its SVG without Altair (see
    ``ChartRenderer.recipe_key``); otherwise the spec is built, rendered or found by its hash."""
    key = renderer.recipe_key(chart)
    if key is not None and (svg := renderer.svg_of_recipe(key)) is not None:
        return svg
    spec = kinds.finish(chart())
    svg = renderer.to_svg(spec)
    if key is not None:
        renderer.remember_recipe(key, spec)
    return svg


def _figure(fid: str, kind: str, chart: functools.partial, draw: Tools, table: Table, **facts) -> Figure:
    svg = _svg(chart, draw.charts)
    width, height = sized(svg)
    title, summary = _texts(kind, draw, **facts)
    labelled = svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{fid}-title" aria-describedby="{fid}-summary" focusable="false" ',
        1,
    )
    return Figure(fid, kind, title, summary, Markup(labelled), table, width, height)


def _pass_mark_label(value: float) -> str:
    return _words()["pass_mark"].format(value=fmt_mark(value))


def _versus(value: float | None, pass_mark: float) -> str:
    if value is None:
        return _missing()
    return _words()["passed"] if value >= pass_mark else _words()["below"]


def _missing() -> str:
    return labels()["missing"]["short"]


def _shown(value: float | None) -> str:
    """A score in a chart's table: 92.50, or the mark of a figure not published."""
    return fmt_score(value) if value is not None else labels()["missing"]["mark"]


def indicators(site: Site, y: Year, draw: Tools) -> Figure | None:
    """Overview: the year's indicator scores, coloured by tool, with the pass mark; an
    indicator not published has no bar and says so. None when no score is published."""
    if not y.scores:
        return None
    w, tools = _words(), labels()["tools"]
    pass_mark = y.methodology.pass_mark
    entries = [(n, site.indicators[n], y.scores.get(n)) for n in y.methodology.indicators]
    bars = [
        kinds.Bar(w["bar"].format(number=n, name=ind.name_in(y.year), tool=ind.tool), score, ind.tool, tools[ind.tool])
        for n, ind, score in entries
    ]
    chart = functools.partial(kinds.labelled_bars, bars, pass_mark, _pass_mark_label(pass_mark), w["legend"], _missing())
    c = w["columns"]
    table = Table(
        (c["indicator"], c["tool"], c["score"], c["versus"]),
        tuple((f"{n}. {ind.name_in(y.year)}", ind.tool, _shown(s), _versus(s, pass_mark)) for n, ind, s in entries),
    )
    known = [(n, ind, s) for n, ind, s in entries if s is not None]
    high, low = max(s for _, _, s in known), min(s for _, _, s in known)
    below = [(n, ind.name_in(y.year), s) for n, ind, s in known if s < pass_mark]
    return _figure(
        "chart-indicators", "indicators", chart, draw, table,
        year=y.year, count=len(known), pass_mark=pass_mark, below=below, tools=[t.code for t in y.methodology.tools],
        high=high, low=low,  # every indicator with the highest (lowest) score is named
        highest=[(n, ind.name_in(y.year)) for n, ind, s in known if s == high],
        lowest=[(n, ind.name_in(y.year)) for n, ind, s in known if s == low],
        unpublished=[(n, ind.name_in(y.year)) for n, ind, s in entries if s is None],
    )  # fmt: skip


def tools(site: Site, y: Year, draw: Tools) -> Figure | None:
    """Overview: the year's score per tool (mean of its indicators, or as stated), with the
    pass mark; a tool not published has no bar. None when no tool score is known."""
    if not y.result.tools:
        return None
    w, names = _words(), labels()["tools"]
    pass_mark = y.methodology.pass_mark
    values = [(t.code, y.result.tools.get(t.code)) for t in y.methodology.tools]
    bars = [kinds.Bar(names[code], v, code, names[code]) for code, v in values]
    chart = functools.partial(kinds.labelled_bars, bars, pass_mark, _pass_mark_label(pass_mark), None, _missing())
    c = w["columns"]
    table = Table((c["tool"], c["score"], c["versus"]), tuple((names[k], _shown(v), _versus(v, pass_mark)) for k, v in values))
    return _figure(
        "chart-tools", "tools", chart, draw, table,
        year=y.year, values=[(k, v) for k, v in values if v is not None], pass_mark=pass_mark,
        below=[k for k, v in values if v is not None and v < pass_mark], unpublished=[k for k, v in values if v is None],
    )  # fmt: skip


def totals(site: Site, draw: Tools) -> Figure | None:
    """Overview: the total of every fiscal year in the data, with each year's pass mark; a
    year without a published total is a gap in the line. None when no year has a total."""
    w = _words()
    years = list(site.years.values())
    if not any(y.result.total is not None for y in years):
        return None
    points = [kinds.Point(str(y.year), y.result.total, y.methodology.pass_mark) for y in years]
    chart = functools.partial(
        kinds.trend, points, theme.TOTAL_COLOUR, _pass_mark_label(points[-1].pass_mark), w["years_axis"], w["total_axis"]
    )
    c = w["columns"]
    table = Table(
        (c["year"], c["total"], c["pass_mark"]),
        tuple((w["year"].format(year=y.year), _shown(y.result.total), fmt_mark(y.methodology.pass_mark)) for y in years),
    )
    return _figure(
        "chart-totals", "totals", chart, draw, table,
        points=[(y.year, y.result.total, y.methodology.pass_mark, y.result.level) for y in years if y.result.total is not None],
        unpublished=[y.year for y in years if y.result.total is None],
    )  # fmt: skip


def trend(site: Site, number: int, draw: Tools) -> Figure | None:
    """Indicator page: its score in each fiscal year, with that year's pass mark; a year
    without its published score is a gap in the line."""
    w = _words()
    ind = site.indicators[number]
    years = [y for y in site.years.values() if number in y.methodology.indicators]
    if not any(number in y.scores for y in years):
        return None
    points = [kinds.Point(str(y.year), y.scores.get(number), y.methodology.pass_mark) for y in years]
    chart = functools.partial(
        kinds.trend,
        points, theme.TOOL_COLOURS[ind.tool], _pass_mark_label(points[-1].pass_mark), w["years_axis"], w["score_axis"]
    )
    c = w["columns"]
    table = Table(
        (c["year"], c["score"], c["pass_mark"]),
        tuple((w["year"].format(year=y.year), _shown(y.scores.get(number)), fmt_mark(y.methodology.pass_mark)) for y in years),
    )
    return _figure(
        "chart-trend", "trend", chart, draw, table,
        number=number, name=ind.name, points=[(p.x, p.value, p.pass_mark) for p in points if p.value is not None],
        unpublished=[int(p.x) for p in points if p.value is None],
    )  # fmt: skip


def comparison(site: Site, draw: Tools) -> Figure:
    """Year comparison: every indicator's score per year, one small chart per indicator; a
    year without the indicator's published score has no bar and says so."""
    w, tools = _words(), labels()["tools"]
    years = list(site.years.values())
    panels = []
    for n, ind in site.indicators.items():
        points = tuple(
            kinds.Point(str(y.year), y.scores.get(n), y.methodology.pass_mark) for y in years if n in y.methodology.indicators
        )
        if any(p.value is not None for p in points):
            panels.append(kinds.Panel(w["bar"].format(number=n, name=ind.name, tool=ind.tool), ind.tool, tools[ind.tool], points))
    chart = functools.partial(kinds.small_multiples, panels, w["legend"], labels()["missing"]["mark"])  # a narrow column
    c = w["columns"]
    rows = [
        (f"{n}. {ind.name}", *(fmt_score(y.scores[n]) if n in y.scores else "–" for y in years))
        for n, ind in site.indicators.items()
    ]
    rows.append((w["pass_mark_row"], *(fmt_mark(y.methodology.pass_mark) for y in years)))
    table = Table((c["indicator"], *(w["year"].format(year=y.year) for y in years)), tuple(rows))
    changes = []
    if len(years) > 1:
        first, last = years[0], years[-1]
        for n in site.indicators:
            if n in first.scores and n in last.scores:
                changes.append((n, site.indicators[n].name, last.scores[n] - first.scores[n]))
    return _figure(
        "chart-comparison", "comparison", chart, draw, table,
        first=years[0].year, last=years[-1].year, count=len(panels),
        up=[ch for ch in changes if ch[2] > 0], down=[ch for ch in changes if ch[2] < 0],
        compared=len(changes), missing=any(p.value is None for panel in panels for p in panel.points),
    )  # fmt: skip
