"""The one chart theme: colours, font, sizes. Every chart takes its look from here.

Colours are checked by the tests against WCAG 2.1: marks (bars, lines) at least 3:1 against
the background (1.4.11 non-text contrast), text at least 4.5:1 (1.4.3). Colour is never the
only cue: every bar or point also carries a text label (tool code, year, value).
"""

from __future__ import annotations

from typing import Any

FONT = "Sarabun, sans-serif"  # measured with the TTFs in fonts/; the page serves the same family
BACKGROUND = "#ffffff"
TEXT = "#1b1b1b"
MUTED_TEXT = "#4d4d4d"  # axis titles, secondary labels
GRID = "#d9d9d9"  # decoration only (no information rests on it)
PASS_MARK = "#1b1b1b"  # the pass-mark line: dark and dashed, distinct from every bar colour
PASS_MARK_DASH = [6, 4]

# One colour per tool (Okabe-Ito hues, darkened for contrast); labels name the tool as well.
TOOL_COLOURS: dict[str, str] = {"IIT": "#0072B2", "EIT": "#C2410C", "OIT": "#005F46"}
TOTAL_COLOUR = "#3a3a8c"  # lines of totals (not one tool)

WIDTH = 340  # total width of a chart in px: fits a 375 px phone without scaling text down
FONT_SIZE = 13  # labels, values
SMALL_FONT_SIZE = 12  # axis ticks
BAR_HEIGHT = 16
ROW_STEP = 42  # height of one labelled bar row (label line above the bar)
TREND_HEIGHT = 200


def label(text: str) -> str:
    """Text for a chart: SARA AM (U+0E33) written as NIKHAHIT + SARA AA, which renders the same.

    vl-convert measures ำ about 5 px too narrow, so labels with several of them are laid out
    too short and get clipped; the decomposed pair is measured right. Chart text only.
    """
    return text.replace("\u0e33", "\u0e4d\u0e32")


def config() -> dict[str, Any]:
    """The Vega-Lite `config` of every chart."""
    return {
        "background": BACKGROUND,
        # no ARIA attributes on marks: the <svg> is one image (role="img") named by its caption,
        # and its numbers are in the table beside it
        "aria": False,
        "font": FONT,
        "padding": {"left": 4, "right": 4, "top": 6, "bottom": 4},
        "view": {"stroke": None},
        "axis": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": SMALL_FONT_SIZE,
            "titleFontSize": SMALL_FONT_SIZE,
            "labelColor": TEXT,
            "titleColor": MUTED_TEXT,
            "titleFontWeight": "normal",
            "gridColor": GRID,
            "domainColor": MUTED_TEXT,
            "tickColor": MUTED_TEXT,
            "labelLimit": 0,  # never truncate a label with "…"
        },
        "legend": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": FONT_SIZE,
            "titleFontSize": FONT_SIZE,
            "labelColor": TEXT,
            "titleColor": TEXT,
            "labelLimit": 0,
            "symbolType": "square",
            "symbolSize": 160,
            "orient": "bottom",
            "direction": "vertical",
        },
        "header": {
            "labelFont": FONT,
            "labelFontSize": FONT_SIZE,
            "labelFontWeight": "bold",
            "labelColor": TEXT,
            "labelLimit": 0,
            "labelAngle": 0,
            "labelAnchor": "start",
            "labelOrient": "top",
            "labelPadding": 4,
            "title": None,
        },
        "text": {"font": FONT, "fontSize": FONT_SIZE, "color": TEXT},
        "bar": {"height": BAR_HEIGHT},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 60, "filled": True},
    }
