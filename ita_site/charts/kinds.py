"""One function per kind of chart, each returning an Altair chart (not yet rendered).

Inputs are plain rows already worded (labels, legend entries): the wording comes from
``labels.yml`` through :mod:`ita_site.charts.figures`; numbers come from the data. Every
text that ends up in the SVG passes through :func:`theme.label`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import theme
from .theme import label


class _Altair:
    """altair, imported when a chart is first built (0.2 s): a build whose charts all come
    from the cache on disk (``render.recipe_key``) does not import it."""

    def __getattr__(self, name: str):
        import altair

        return getattr(altair, name)


alt = _Altair()


@dataclass(frozen=True)
class Bar:
    """One labelled horizontal bar."""

    label: str  # the text above the bar (e.g. "2. การใช้งบประมาณ (IIT)")
    value: float | None  # None: not published (no bar; the value column says so)
    group: str  # the tool code: picks the colour
    legend: str  # the tool's name in the legend


@dataclass(frozen=True)
class Point:
    """One point of a trend: a fiscal year, its score and that year's pass mark."""

    x: str  # e.g. "2566"
    value: float | None  # None: not published (a gap in a line, no bar)
    pass_mark: float


@dataclass(frozen=True)
class Panel:
    """One small multiple of the comparison: an indicator and its score per year."""

    title: str
    group: str
    legend: str
    points: tuple[Point, ...]


def _colour(groups: list[str], legends: list[str], title: str | None) -> alt.Color:
    """Tool colours from the theme, with the legend naming each tool."""
    pairs = dict(zip(legends, groups))
    domain = list(pairs)
    return alt.Color(
        "legend:N",
        scale=alt.Scale(domain=domain, range=[theme.TOOL_COLOURS[pairs[d]] for d in domain]),
        legend=alt.Legend(title=label(title)) if title else None,
    )


def _value_text(value: float | None, missing: str) -> str:
    return f"{value:.2f}" if value is not None else label(missing)


def labelled_bars(
    bars: list[Bar], pass_mark: float, pass_mark_label: str, legend_title: str | None, missing: str = ""
) -> alt.LayerChart:
    """Horizontal bars on a 0-100 scale, each with its label above it and its value after it,
    coloured by tool, with the pass mark as a dashed line (overview: indicators, tools). A bar
    whose value is None is not drawn; its value column says `missing`."""
    rows = [
        {"key": f"{i:03d}", "label": label(b.label), "value": b.value, "text": _value_text(b.value, missing),
         "legend": label(b.legend)}
        for i, b in enumerate(bars)
    ]
    plot_width = theme.WIDTH - 70  # room for the column of values
    # the order of the bars as given, a bar without a value (not published) in its place too
    y = alt.Y("key:N", sort=None, axis=None, scale=alt.Scale(domain=[r["key"] for r in rows], paddingInner=0, paddingOuter=0))
    x_scale = alt.Scale(domain=[0, 100], nice=False)
    base = alt.Chart(alt.Data(values=rows)).properties(width=plot_width, height=alt.Step(theme.ROW_STEP))
    bar = base.mark_bar(height=theme.BAR_HEIGHT, yOffset=9).encode(
        y=y,
        x=alt.X("value:Q", scale=x_scale, axis=alt.Axis(values=[0, 25, 50, 75, 100], title=None, grid=True)),
        color=_colour([b.group for b in bars], [r["legend"] for r in rows], legend_title),
    )
    names = base.mark_text(align="left", baseline="bottom", yOffset=-1).encode(y=y, x=alt.XDatum(0), text=alt.Text("label:N"))
    # values in a column of their own, right of the scale: never on a bar or the pass-mark line
    values = base.mark_text(align="right", baseline="middle", yOffset=9, fontWeight="bold").encode(
        y=y, x=alt.XValue(theme.WIDTH - 12), text=alt.Text("text:N")
    )
    mark = alt.Chart(alt.Data(values=[{"v": pass_mark, "t": label(pass_mark_label)}]))
    rule = mark.mark_rule(color=theme.PASS_MARK, strokeDash=theme.PASS_MARK_DASH, strokeWidth=1.5).encode(
        x=alt.X("v:Q", scale=x_scale)
    )
    rule_label = mark.mark_text(align="right", baseline="bottom", dy=-4, fontWeight="bold").encode(
        x=alt.X("v:Q", scale=x_scale), y=alt.YValue(0), text=alt.Text("t:N")
    )
    return alt.layer(rule, bar, names, values, rule_label)


def _score_domain(values: list[float | None]) -> list[float]:
    """A y domain for trends: from 10 below the lowest value (rounded down to 10) up to 100."""
    low = min(v for v in values if v is not None)
    return [max(0.0, float(int((low - 10) // 10 * 10))), 100.0]


def trend(points: list[Point], colour: str, pass_mark_label: str, x_title: str, y_title: str) -> alt.LayerChart:
    """Score per fiscal year as a line with labelled points, and the pass mark as a dashed
    line (its own value in each year, from that year's methodology)."""
    rows = [
        {"x": label(p.x), "value": p.value, "text": _value_text(p.value, ""), "pass_mark": p.pass_mark}
        for p in points
    ]
    y_scale = alt.Scale(domain=_score_domain([p.value for p in points] + [p.pass_mark for p in points]), nice=False)
    # every year in its place, one without a value too (a gap in the line)
    x = alt.X("x:O", sort=None, title=label(x_title), axis=alt.Axis(labelAngle=0),
              scale=alt.Scale(domain=[r["x"] for r in rows], padding=0.6))
    base = alt.Chart(alt.Data(values=rows)).properties(width=theme.WIDTH - 70, height=theme.TREND_HEIGHT)
    # the axis title written across, above the axis (rotated Thai is hard to read)
    y = alt.Y("value:Q", scale=y_scale, title=label(y_title), axis=alt.Axis(
        grid=True, tickCount=5, titleAngle=0, titleAlign="left", titleAnchor="end", titleX=-28, titleY=-12, titleBaseline="bottom"))
    line = base.mark_line(color=colour).encode(x=x, y=y)
    dots = base.mark_point(color=colour).encode(x=x, y=y)
    values = base.mark_text(baseline="bottom", dy=-8, fontWeight="bold").encode(x=x, y=y, text=alt.Text("text:N"))
    marks = sorted({p.pass_mark for p in points})
    if len(marks) == 1:
        level = alt.Chart(alt.Data(values=[{"v": marks[0]}]))
        pass_line = level.mark_rule(color=theme.PASS_MARK, strokeDash=theme.PASS_MARK_DASH, strokeWidth=1.5).encode(
            y=alt.Y("v:Q", scale=y_scale)
        )
    else:
        pass_line = base.mark_line(
            color=theme.PASS_MARK, strokeDash=theme.PASS_MARK_DASH, strokeWidth=1.5, interpolate="step"
        ).encode(x=x, y=alt.Y("pass_mark:Q", scale=y_scale))
    # the key of the dashed line, above the plot at the right (never on a point)
    right = theme.WIDTH - 70
    key = alt.Chart(alt.Data(values=[{"t": label(pass_mark_label)}]))
    key_line = key.mark_rule(color=theme.PASS_MARK, strokeDash=theme.PASS_MARK_DASH, strokeWidth=1.5).encode(
        x=alt.XValue(right - 24), x2=alt.X2Value(right), y=alt.YValue(-16), y2=alt.Y2Value(-16)
    )
    key_text = key.mark_text(align="right", baseline="middle", dx=-30, fontWeight="bold").encode(
        x=alt.XValue(right), y=alt.YValue(-16), text=alt.Text("t:N")
    )
    return alt.layer(pass_line, line, dots, values, key_line, key_text)


def small_multiples(panels: list[Panel], legend_title: str | None, missing: str = "") -> alt.FacetChart:
    """One small bar chart per indicator (its score in each year, labelled with the year and
    the value; a dashed tick at that year's pass mark), stacked in one column. A year whose
    score is None has no bar; its value says `missing`."""
    rows = [
        {"panel": f"{i:03d}", "title": label(p.title), "year": label(pt.x), "value": pt.value,
         "text": _value_text(pt.value, missing), "pass_mark": pt.pass_mark, "legend": label(p.legend)}
        for i, p in enumerate(panels)
        for pt in p.points
    ]
    step = 20
    x_scale = alt.Scale(domain=[0, 100], nice=False)
    years = list(dict.fromkeys(r["year"] for r in rows))  # in order, a year without a bar too
    y = alt.Y("year:N", sort=None, title=None, axis=alt.Axis(ticks=False, domain=False, labelPadding=4), scale=alt.Scale(domain=years))
    base = alt.Chart().properties(width=theme.WIDTH - 100, height=alt.Step(step))
    bar = base.mark_bar(height=step - 6).encode(
        y=y,
        x=alt.X("value:Q", scale=x_scale, axis=alt.Axis(values=[0, 25, 50, 75, 100], title=None, grid=True)),
        color=_colour([p.group for p in panels], [label(p.legend) for p in panels], legend_title),
    )
    values = base.mark_text(align="right", baseline="middle").encode(y=y, x=alt.XValue(theme.WIDTH - 100 + 48), text=alt.Text("text:N"))
    ticks = base.mark_tick(color=theme.PASS_MARK, opacity=1, thickness=2, size=step - 2).encode(
        y=y, x=alt.X("pass_mark:Q", scale=x_scale)
    )
    return alt.layer(bar, ticks, values, data=alt.Data(values=rows)).facet(
        row=alt.Row("title:N", sort=[label(p.title) for p in panels], header=alt.Header(title=None)),
        spacing=10,
    )


VALIDATE = False  # check each spec against the Vega-Lite schema (slow: the tests turn it on)


def finish(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec of a chart with the theme applied (what gets rendered and hashed)."""
    spec = chart.to_dict(validate=VALIDATE)
    spec["config"] = theme.config()
    return spec
