"""Charts: inline SVG rendered at build time, each with its text alternative and data table.

The expected numbers are read from the YAML of the default agency's fixture directly (not through ita_site's model),
so that a chart showing something else than the data fails here.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DEFAULT_AGENCY, ROOT, BuiltSite, build

from ita_site.charts import figures, kinds, render, theme
from ita_site.pages import Options, Tools, build_pages
from ita_site.site import load_site

DATA = DEFAULT_AGENCY
FONTS = ROOT / "ita_site" / "charts" / "fonts"


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def years() -> dict[int, dict]:
    return {int(p.stem): read(p) for p in sorted((DATA / "years").glob("*.yml"))}


def methodology(year: int) -> dict:
    return read(DATA / "methodology" / f"{years()[year]['methodology']}.yml")


def catalog() -> dict[int, dict]:
    return {d["number"]: d for d in (read(p) for p in sorted((DATA / "indicators").glob("*.yml")))}


LATEST = max(years())
EARLIER = [y for y in sorted(years()) if y != LATEST]
# page -> the charts it must have
PAGES = {
    "index.html": ["chart-totals", "chart-tools", "chart-indicators"],
    **{f"years/{y}.html": ["chart-totals", "chart-tools", "chart-indicators"] for y in EARLIER},
    **{f"indicators/{n}.html": ["chart-trend"] for n in catalog()},
    "comparison.html": ["chart-comparison"],
    **{f"report/{y}.html": ["chart-totals", "chart-tools", "chart-indicators"] for y in sorted(years())},
}


def score_text(v: float) -> str:
    return f"{v:.2f}"


def svg_texts(svg) -> list[str]:
    return [t.get_text() for t in svg.find_all("text")]


# --- every chart: inline SVG, text alternative, data table ---


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_chart_is_inline_svg_with_text_alternative_and_table(site, page):
    soup = site.soup(page)
    found = soup.select("article figure.ita-chart")
    assert [f["id"] for f in found] == PAGES[page]
    for fig in found:
        svg = fig.find("svg")
        assert svg is not None and svg.parent.name == "div", fig["id"]  # inline, no <img>/<object>
        assert not fig.find(["img", "object", "iframe", "script"])
        assert svg["role"] == "img"
        title = soup.find(id=svg["aria-labelledby"])
        summary = soup.find(id=svg["aria-describedby"])
        assert title is not None and summary is not None
        assert title.find_parent("figcaption") is fig.figcaption and summary.find_parent("figcaption") is fig.figcaption
        assert len(title.get_text(strip=True)) > 10
        assert len(summary.get_text(strip=True)) > 40
        details = fig.find("details")
        assert details is not None and details.summary.get_text(strip=True)
        table = details.find("table")
        assert table.find("thead").find_all("th") and len(table.select("tbody tr")) >= 1
        assert len(svg_texts(svg)) > 5  # labels are text, not paths: selectable, translatable


def test_no_chart_library_or_script_and_no_rendered_images_committed(site):
    for page in PAGES:
        soup = site.soup(page)
        for script in soup.find_all("script", src=True):
            assert not re.search(r"vega|altair|chart|d3", script["src"], re.I), (page, script["src"])
            assert not script["src"].startswith(("http:", "https:", "//")), (page, script["src"])
        assert "vega-embed" not in site.html(page)
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert tracked, "git ls-files found nothing"
    # screenshots of the staff guide and evidence files of test fixtures are not charts
    allowed = ("docs/assets/images/", "docs/guide/images/", "tests/fixtures/")
    images = [p for p in tracked if p.endswith((".svg", ".png", ".jpg", ".webp")) and not p.startswith(allowed)]
    assert images == []


# --- the numbers of the charts are the data's ---


def test_overview_indicator_chart_shows_the_latest_scores_pass_mark_and_tools(site):
    year, m, cat = years()[LATEST], methodology(LATEST), catalog()
    fig = site.soup("index.html").select_one("#chart-indicators")
    svg = fig.find("svg")
    texts = svg_texts(svg)
    for e in year["scores"]:
        assert score_text(e["score"]) in texts
        label = f"{e['indicator']}. {theme.label(cat[e['indicator']]['name'])} ({cat[e['indicator']]['tool']})"
        assert label in texts, label
    pass_mark = m["pass_mark"]
    assert f"ค่าเป้าหมาย {pass_mark:g}" in texts
    # one bar per indicator, in the colour of its tool in the catalog
    bars = [p["fill"] for p in svg.select('g[class*="mark-rect"] path')]
    expected = [theme.TOOL_COLOURS[cat[e["indicator"]]["tool"]] for e in year["scores"]]
    assert bars == expected
    # the table beside it
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in fig.select("tbody tr")]
    assert len(rows) == len(year["scores"])
    for row, e in zip(rows, year["scores"]):
        assert row[0].startswith(f"{e['indicator']}. ") and row[1] == cat[e["indicator"]]["tool"]
        assert row[2] == score_text(e["score"])
        assert row[3] == ("ผ่าน" if e["score"] >= pass_mark else "ต่ำกว่าค่าเป้าหมาย")


def test_overview_tool_and_total_charts_match_the_data(site):
    soup = site.soup("index.html")
    cat, y = catalog(), years()[LATEST]
    scores = {e["indicator"]: e["score"] for e in y["scores"]}
    tool_rows = {r.th.get_text(strip=True).split()[0]: r.td.get_text(strip=True) for r in soup.select("#chart-tools tbody tr")}
    for tool in methodology(LATEST)["tools"]:
        members = [scores[n] for n in scores if cat[n]["tool"] == tool["code"]]
        mean = sum(members) / len(members)
        assert abs(float(tool_rows[tool["code"]]) - mean) <= 0.005 + 1e-9
        assert tool_rows[tool["code"]] in svg_texts(soup.select_one("#chart-tools svg"))
    total_rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in soup.select("#chart-totals tbody tr")]
    assert [r[0] for r in total_rows] == [f"พ.ศ. {y}" for y in sorted(years())]  # every year in the data
    totals_svg = svg_texts(soup.select_one("#chart-totals svg"))
    for (year, data), row in zip(sorted(years().items()), total_rows):
        assert abs(float(row[1]) - data["stated"]["total"]) <= 0.01
        assert row[1] in totals_svg
        assert float(row[2]) == methodology(year)["pass_mark"]


@pytest.mark.parametrize("number", sorted(catalog()))
def test_indicator_trend_has_its_score_every_year(site, number):
    fig = site.soup(f"indicators/{number}.html").select_one("#chart-trend")
    texts = svg_texts(fig.find("svg"))
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in fig.select("tbody tr")]
    expected = [(y, next(e["score"] for e in d["scores"] if e["indicator"] == number)) for y, d in sorted(years().items())]
    assert [(r[0], r[1]) for r in rows] == [(f"พ.ศ. {y}", score_text(s)) for y, s in expected]
    for y, s in expected:
        assert score_text(s) in texts and str(y) in texts


def test_comparison_chart_has_every_indicator_and_year(site):
    fig = site.soup("comparison.html").select_one("#chart-comparison")
    svg = fig.find("svg")
    texts = svg_texts(svg)
    cells = {}
    for tr in fig.select("tbody tr"):
        cells[tr.th.get_text(strip=True)] = [td.get_text(strip=True) for td in tr.find_all("td")]
    for n, ind in catalog().items():
        assert f"{n}. {theme.label(ind['name'])} ({ind['tool']})" in texts
        row = cells[f"{n}. {ind['name']}"]
        for i, (y, d) in enumerate(sorted(years().items())):
            score = next(e["score"] for e in d["scores"] if e["indicator"] == n)
            assert row[i] == score_text(score)
    rects = svg.select('g[class*="mark-rect"] path')
    bars = [r for r in rects if r["fill"] in theme.TOOL_COLOURS.values()]
    ticks = [r for r in rects if r["fill"] == theme.PASS_MARK]  # the pass mark of each year
    assert len(bars) == len(ticks) == len(catalog()) * len(years())


def test_pass_mark_comes_from_the_methodology(data_copy):
    for path in (data_copy / "methodology").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("pass_mark: 85", "pass_mark: 80"), encoding="utf-8")
    site = load_site(data_copy)
    fig = figures.indicators(site, site.latest, Tools.fresh(Options()))
    soup = BeautifulSoup(str(fig.svg), "lxml")
    assert "ค่าเป้าหมาย 80" in svg_texts(soup)
    assert "ค่าเป้าหมาย 85" not in svg_texts(soup)
    assert "๘๐" in fig.summary


# --- look: theme, contrast, Thai text, no clipping ---


def contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        h = h.lstrip("#")
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted([lum(a), lum(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_theme_colours_pass_wcag_contrast():
    for colour in [*theme.TOOL_COLOURS.values(), theme.TOTAL_COLOUR, theme.PASS_MARK]:
        assert contrast(colour, theme.BACKGROUND) >= 3.0, colour  # WCAG 1.4.11 graphics
    for colour in (theme.TEXT, theme.MUTED_TEXT):
        assert contrast(colour, theme.BACKGROUND) >= 4.5, colour  # WCAG 1.4.3 text
    assert len(set(theme.TOOL_COLOURS.values())) == len(theme.TOOL_COLOURS)


def test_every_colour_in_the_svgs_comes_from_the_theme(site):
    allowed = {c.lower() for c in [*theme.TOOL_COLOURS.values(), theme.TOTAL_COLOUR, theme.PASS_MARK, theme.TEXT,
                                   theme.MUTED_TEXT, theme.GRID, theme.BACKGROUND, "white"]}
    for page in PAGES:
        for svg in site.soup(page).select("figure.ita-chart svg"):
            for el in svg.find_all(True):
                for attr in ("fill", "stroke"):
                    value = el.get(attr)
                    if value and value not in ("none", "transparent"):
                        assert value.lower() in allowed, (page, el.name, attr, value)
            for text in svg.find_all("text"):
                assert contrast(text.get("fill", "#000"), theme.BACKGROUND) >= 4.5, text


def test_chart_text_uses_sarabun_with_a_fallback_and_no_sara_am(site):
    for page in PAGES:
        for svg in site.soup(page).select("figure.ita-chart svg"):
            for text in svg.find_all("text"):
                assert text["font-family"] == theme.FONT
                assert "\u0e33" not in text.get_text()  # ำ written as ํ + า (vl-convert measures ำ too narrow)
                assert "…" not in text.get_text()  # no label shortened
    # the decomposed form is there: a name with ำ is shown
    assert "ด\u0e4d\u0e32เนินงาน" in str(site.soup("index.html").select_one("#chart-indicators svg"))
    assert theme.FONT.split(",")[0] == "Sarabun" and "sans-serif" in theme.FONT
    assert (FONTS / "Sarabun-Regular.ttf").exists() and (FONTS / "Sarabun-Bold.ttf").exists() and (FONTS / "OFL.txt").exists()


# --- rendering: cache and determinism ---


def test_render_cache_keys_on_content():
    site = load_site(DATA)
    tools = Tools.fresh(Options())
    build_pages(site, tools=tools)
    first = tools.charts.stats.renders
    assert first >= 1 + len(site.indicators)  # at least the comparison and each trend
    build_pages(site, tools=tools)
    assert tools.charts.stats.renders == first  # nothing re-rendered
    assert tools.charts.stats.hits >= first
    spec = kinds.finish(kinds.trend([kinds.Point("2566", 90.0, 85.0)], theme.TOTAL_COLOUR, "x", "y", "z"))
    changed = kinds.finish(kinds.trend([kinds.Point("2566", 91.0, 85.0)], theme.TOTAL_COLOUR, "x", "y", "z"))
    assert render.spec_key(spec) != render.spec_key(changed)
    tools.charts.to_svg(spec)
    before = tools.charts.stats.renders
    tools.charts.to_svg(changed)
    assert tools.charts.stats.renders == before + 1


def chart_svgs(built: BuiltSite) -> dict[str, str]:
    out = {}
    for page in PAGES:
        html = built.html(page)
        for m in re.finditer(r'<figure class="ita-chart" id="([^"]+)">.*?(<svg .*?</svg>)', html, re.S):
            out[f"{page}#{m.group(1)}"] = m.group(2)
    return out


def test_two_builds_give_identical_charts_and_data_files(site, tmp_path):
    again = tmp_path / "again"
    result = build(again, env={"ITA_PDF": "auto"})  # as the `site` fixture: the PDFs are compared too
    assert result.returncode == 0, result.stderr
    first, second = chart_svgs(site), chart_svgs(BuiltSite(again))
    assert len(first) == sum(len(v) for v in PAGES.values())
    assert first == second
    # the data files (the PDF reports are printed only for the `site` fixture; test_pdf.py)
    files = sorted(p.relative_to(site.path) for p in (site.path / "downloads").iterdir() if p.suffix != ".pdf")
    assert files and files == sorted(p.relative_to(again) for p in (again / "downloads").iterdir() if p.suffix != ".pdf")
    for f in files:
        assert (site.path / f).read_bytes() == (again / f).read_bytes(), f


def test_charts_can_be_switched_off(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nhooks:\n  - {ROOT / 'hooks' / 'ita.py'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "extra:\n  ita:\n    charts: false\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = build(out, DATA, "-f", str(config))
    assert result.returncode == 0, result.stderr
    built = BuiltSite(out)
    for page in PAGES:
        assert not built.soup(page).select("figure.ita-chart, article svg"), page
    # the numbers stay on the page and in the downloads
    assert score_text(years()[LATEST]["scores"][0]["score"]) in built.text("index.html")
    assert (out / "downloads" / "ita-all-years.csv").exists()


# --- in a browser, with the font the page serves: nothing drawn outside its chart ---


# `browser`: the session's Chromium (conftest.py)


def font_faces() -> str:
    css = []
    for weight, name in ((400, "Sarabun-Regular.ttf"), (700, "Sarabun-Bold.ttf")):
        data = base64.b64encode((FONTS / name).read_bytes()).decode()
        css.append(f"@font-face{{font-family:Sarabun;font-weight:{weight};src:url(data:font/ttf;base64,{data})}}")
    return "".join(css)


OVERFLOW_JS = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg[role=img]')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim()) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.push(t.textContent);
    }
  }
  return out;
}"""


def overflowing(browser, html: str, width: int) -> list[str]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.set_content(f"<html><head><meta charset=utf-8><style>{font_faces()}</style></head><body>{html}</body></html>")
        page.evaluate("document.fonts.ready.then(() => true)")
        assert page.evaluate("document.fonts.check('13px Sarabun')")
        return page.evaluate(OVERFLOW_JS)
    finally:
        page.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_no_chart_text_is_clipped_in_sarabun(site, browser, width):
    svgs = "".join(f'<div style="max-width:{width - 32}px">{s}</div>' for s in chart_svgs(site).values())
    assert svgs.count("<svg") == sum(len(v) for v in PAGES.values())
    assert overflowing(browser, svgs, width) == []


def test_long_labels_with_sara_am_fit(browser, monkeypatch):
    """A long label full of ำ stays inside its chart; without the ํ + า workaround vl-convert
    lays it out too short and the browser draws it past the edge."""
    long = "การดำเนินงานตามคำแนะนำและการทำตามกำหนดการประจำปีของสำนักงานที่รับผิดชอบงานประจำ"

    def chart() -> str:
        bars = [kinds.Bar(long, 90.0, "IIT", "IIT"), kinds.Bar("สั้น", 50.0, "EIT", "EIT")]
        svg = render.ChartRenderer().to_svg(kinds.finish(kinds.labelled_bars(bars, 85, "ค่าเป้าหมาย 85", None)))
        return svg.replace("<svg ", '<svg role="img" ', 1)

    fixed = chart()
    assert "\u0e33" not in fixed
    assert overflowing(browser, fixed, 1280) == []
    monkeypatch.setattr(kinds, "label", lambda text: text)
    raw = chart()
    assert "\u0e33" in raw
    assert long in overflowing(browser, raw, 1280)


def test_every_chart_spec_is_valid_vega_lite(monkeypatch):
    """Builds skip Altair's schema check for speed; here every chart of the site is checked."""
    calls = []
    real = kinds.finish

    def checked(chart):
        calls.append(chart)
        return real(chart)

    monkeypatch.setattr(kinds, "VALIDATE", True)
    monkeypatch.setattr(kinds, "finish", checked)
    site = load_site(DATA)
    build_pages(site, Options())
    assert len(calls) >= sum(len(v) for v in PAGES.values())  # and the full reports' charts


def test_chart_text_is_kept_out_of_the_search_index(site):
    """Chart labels (ำ written as ํ + า) are not indexed; captions and tables are."""
    import gzip

    fragments = sorted((site.path / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    texts = [gzip.decompress(f.read_bytes()).decode("utf-8").replace("\u200b", "") for f in fragments]
    assert not any("\u0e4d\u0e32" in t for t in texts)
    assert any("คะแนนรายตัวชี้วัด ปีงบประมาณ" in t for t in texts)


@pytest.mark.parametrize("year", sorted(years()))
def test_indicator_chart_summary_states_the_highest_lowest_and_below(site, year):
    page = "index.html" if year == LATEST else f"years/{year}.html"
    summary = site.soup(page).select_one("#chart-indicators-summary").get_text(" ", strip=True)
    summary = summary.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    scores = {e["indicator"]: e["score"] for e in years()[year]["scores"]}
    cat = catalog()
    for value in (max(scores.values()), min(scores.values())):
        assert f"ร้อยละ {score_text(value)}" in summary
        for n in (n for n, s in scores.items() if s == value):
            name = cat[n].get("names_by_year", {}).get(year, cat[n]["name"])
            assert f"ตัวชี้วัดที่ {n} {name}" in summary, (n, summary)
    below = sum(s < methodology(year)["pass_mark"] for s in scores.values())
    assert (f"มี {below} ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย" if below else "ทุกตัวชี้วัดไม่ต่ำกว่าค่าเป้าหมาย") in summary
