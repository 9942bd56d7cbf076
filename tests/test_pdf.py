"""The full report as a PDF, and printing any page.

The `site` fixture is built as `mkdocs.yml` says by default (`extra.ita.pdf: auto`) on a machine
with Debian's chromium (scripts/test.sh installs it): each year's report is printed to
`downloads/ita-report-<year>.pdf`. The PDF is read back with poppler-utils (pdfinfo, pdftotext,
pdftoppm) and compared with the data it is built from, read here from the default agency's fixture (nothing about
the agency is written in this file).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CHROMIUM, DEFAULT_AGENCY, build, built_pages

from ita_site import pdf as core

from ita_site.dates import build_date, fmt_score
from ita_site import paths
from ita_site.site import load_site
from ita_site.wording import labels

DATA = DEFAULT_AGENCY


@pytest.fixture(scope="module")
def data():
    return load_site(DATA)


def pdfinfo(file: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(file)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdftext(file: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF in the order it was drawn (-raw): Chromium draws a table cell by cell,
    so the text of each cell stays together."""
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    command = ["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(file), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without any white space: lines of a PDF break anywhere a browser breaks Thai."""
    return re.sub(r"\s+", "", text)


def report_pdf(site, year: int) -> Path:
    return site.path / paths.report_pdf(year)


def test_one_pdf_per_year_a4_with_page_numbers(site, data):
    for year in data.years:
        file = report_pdf(site, year)
        assert file.is_file(), file
        info = pdfinfo(file)
        pages = int(info["Pages"])
        assert info["Page size"].startswith("595.92 x 842.88"), info["Page size"]  # A4
        assert info["Tagged"] == "yes"  # a structure tree for screen readers
        assert data.organization.short_name in info["Title"]
        y = data.years[year]
        # the cover, the chapters, and each of the seven issues starting a page of its own
        expected = 1 + 2 + (len(y.actions.issues) + 1 if y.actions else 0) + (1 if y.recommendations else 0)
        assert pages >= expected, (year, pages, expected)
        # the footer numbers every page "n / total"
        for n in (1, pages):
            assert re.search(rf"(?m)^\s*{n}\s*/\s*{pages}\s*$", pdftext(file, n, n)), (year, n)


def test_the_pdf_text_is_the_data(site, data):
    """pdftotext gives back the Thai of the data: names (with ำ), scores as the pages write them
    (tables 95.07, prose in Thai digits), every question code of the action tables, every
    recommendation."""
    y = data.latest
    text = pdftext(report_pdf(site, y.year))
    flat = squeeze(re.sub(r"(?m)^\s*\d+\s*/\s*\d+\s*$", "", text))  # without the page numbers
    org = data.organization
    for words in (org.name, org.district, org.province, org.prepared_by):
        assert squeeze(words) in flat, words
    names = [data.indicators[e.indicator].name_in(y.year) for e in y.file.scores]
    assert any("\u0e33" in n for n in names), "the data should have a name with ำ to check"
    for name in names:
        assert squeeze(name) in flat, name
    assert "\u0e4d\u0e32" not in squeeze(pdftext(report_pdf(site, y.year), 1, 2))  # ำ not split apart in the text
    total = y.computed.total_rounded
    assert fmt_score(total) in text  # tables: 95.07
    assert fmt_score(total, True) in text  # prose: ๙๕.๐๗
    for e in y.file.scores:
        assert fmt_score(e.score) in text
    codes = [row.question for issue in y.actions.issues for row in issue.rows]
    assert codes
    for code in codes:
        assert re.search(rf"\b{code}\b", text), code
    for issue in y.actions.issues:
        assert squeeze(issue.title) in flat, issue.title
        for row in issue.rows:
            for line in row.practice + row.steps:
                assert squeeze(line) in flat, line
    for section in y.recommendations.sections:
        assert squeeze(section.title) in flat
        for item in section.items:
            assert squeeze(item.text) in flat, item.id
    for paragraph in y.file.narrative.preface + y.file.narrative.conclusion:
        assert squeeze(paragraph) in flat


def test_the_pdf_has_the_article_only(site, data):
    """No navigation, header, footer or search box on paper; no link to the local server that
    printed it (a local build has no site_url: links to other pages are left as text)."""
    file = report_pdf(site, data.latest.year)
    text = pdftext(file)
    for words in (labels()["nav"]["guide"], labels()["nav"]["downloads"], "ค้นหา", "ก่อนหน้า", "ถัดไป"):
        assert words not in text, words
    raw = file.read_bytes()
    assert b"127.0.0.1" not in raw and b"localhost" not in raw
    assert b"/URI (http" not in raw


def test_pdf_pages_are_drawn(site, data, tmp_path):
    """pdftoppm draws every page; every page has text besides its number, and the cover has
    the ink of its title and score cards."""
    file = report_pdf(site, data.latest.year)
    pages = int(pdfinfo(file)["Pages"])
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(file), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) == pages
    assert _dark_share(images[0]) > 0.005
    for n in range(1, pages + 1):
        words = re.sub(rf"\b{n}\s*/\s*{pages}\b", "", pdftext(file, n, n)).split()
        assert len(words) > 5, (n, words)


def _dark_share(pgm: Path) -> float:
    """The share of dark pixels of a binary PGM (P5) image."""
    raw = pgm.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
    pixels = raw[header.end() :]
    return sum(1 for b in pixels if b < 160) / len(pixels)


def test_same_data_same_bytes(site, data, tmp_path):
    """Printing again gives the same file, byte for byte (dates and node ids normalised)."""
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    year = data.latest.year
    (copy / paths.report_pdf(year)).unlink()
    day = build_date(DATA, "Asia/Bangkok")
    job = core.Job(paths.report(year).replace(".md", ".html"), paths.report_pdf(year))
    [again] = core.print_pdfs(copy, [job], CHROMIUM, created=day)
    assert again.read_bytes() == report_pdf(site, year).read_bytes()
    assert f"D:{day:%Y%m%d}000000".encode() in again.read_bytes()


def test_links_point_to_the_published_site(site, data, tmp_path, browser):
    """Also: printing works while another Playwright session runs in the same process (the
    `browser` fixture holds one open; Playwright's sync API refuses a thread with a running
    event loop, so the printer uses a thread of its own)."""
    assert browser.is_connected()
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    year = data.latest.year
    job = core.Job(paths.report(year).replace(".md", ".html"), "out.pdf")
    [file] = core.print_pdfs(copy, [job], CHROMIUM, site_url="https://example.org/ita/")
    uris = set(re.findall(rb"/URI \(([^)]*)\)", file.read_bytes()))
    assert uris and all(u.startswith(b"https://") for u in uris), uris
    assert any(u.startswith(b"https://example.org/ita/questions/") for u in uris)
    assert b"127.0.0.1" not in file.read_bytes()


def test_a_pdf_printed_before_is_reused_until_its_page_or_assets_change(site, data, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    cache = tmp_path / "cache"
    year = data.latest.year
    job = core.Job(paths.report(year).replace(".md", ".html"), paths.report_pdf(year))
    day = build_date(DATA, "Asia/Bangkok")

    def run() -> tuple[int, int, bytes]:
        stats = core.PrintStats()  # the counts of one build
        [file] = core.print_pdfs(copy, [job], CHROMIUM, created=day, cache=cache, stats=stats)
        return stats.printed, stats.kept, file.read_bytes()

    first = run()
    assert first[:2] == (1, 0) and len(list(cache.glob("*.pdf"))) == 1
    (copy / job.pdf).unlink()
    again = run()
    assert again == (0, 1, first[2])  # copied from the cache, the same bytes as printed
    assert first[2] == report_pdf(site, year).read_bytes()  # and as the build's own
    css = copy / "assets" / "ita.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    assert run()[:2] == (1, 0)  # a stylesheet changed: printed again
    page = copy / job.html
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>เพิ่ม</p></article>", 1), encoding="utf-8")
    changed = run()
    assert changed[:2] == (1, 0) and changed[2] != first[2]  # the page changed: printed again
    assert len(list(cache.glob("*.pdf"))) == 3 and not list(cache.glob(".*"))  # no partial files left


# --- the report page and the links to the PDF ------------------------------------------------


def test_report_page_has_every_part(site, data):
    y = data.latest
    page = paths.report(y.year).replace(".md", ".html")
    soup = site.soup(page)
    article = soup.select_one("article")
    headings = [" ".join(h.get_text(" ").split()).rstrip("¶").strip() for h in article.find_all(["h2", "h3"])]
    for part in ("คำนำ", "ผลการประเมิน", "คะแนนรายเครื่องมือ", "คะแนนรายตัวชี้วัด", "จุดแข็ง", "จุดที่ต้องพัฒนา",
                 "เปรียบเทียบกับปีก่อน", "ข้อเสนอแนะ", "หลักเกณฑ์การประเมิน"):
        assert any(h.startswith(part) for h in headings), part
    assert len(article.select("table.ita-action-table")) == len(y.actions.issues)
    assert not article.select(".ita-progress-row")  # the report, not the tracking of the plan
    assert len(article.select("figure.ita-chart svg")) >= 2
    ids = [el["id"] for el in article.find_all(id=True)]
    assert len(ids) == len(set(ids))
    # the PDF is linked from the report and the download page, and the file is there
    pdf = paths.report_pdf(y.year)
    assert soup.select(f'a[href="../{pdf}"]')
    assert site.soup("downloads.html").select(f'a[href="{pdf}"]')
    # reused, not rewritten: the report's recommendations are the recommendations page's
    recs = site.soup(paths.recommendations(y.year).replace(".md", ".html"))
    for p in recs.select("article > p")[:5]:
        assert " ".join(p.get_text(" ").split()) in " ".join(article.get_text(" ").split())


def test_report_in_navigation_not_in_search(site, data):
    html = site.html("index.html")
    for year in data.years:
        assert f'href="report/{year}.html"' in html
    assert not list((site.path / "pagefind").rglob("*report*"))


def test_without_chromium_no_pdf_and_no_link(tmp_path):
    """extra.ita.pdf: auto on a machine without Chromium: the strict build passes, says why in
    an INFO line, and no page links a PDF."""
    out = tmp_path / "site"
    result = build(out, env={"ITA_PDF": "auto", "ITA_CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert re.search(r"INFO\s+-\s+ita: PDF of the full reports not built: ITA_CHROMIUM=\S+ is not an executable", result.stderr)
    assert not list(out.rglob("*.pdf"))
    for page in ("downloads.html", *[p for p in built_pages_of(out) if p.startswith("report/")]):
        assert ".pdf" not in (out / page).read_text(encoding="utf-8"), page


def built_pages_of(folder: Path) -> list[str]:
    class _Site:
        path = folder

    return built_pages(_Site())


def test_pdf_true_without_chromium_stops_the_build(tmp_path):
    result = build(tmp_path / "site", env={"ITA_PDF": "true", "ITA_CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.returncode != 0
    assert "extra.ita.pdf is true but ITA_CHROMIUM=" in result.stderr
    assert "apt-get install chromium" in result.stderr


# --- the choice of Chromium ------------------------------------------------------------------


def test_modes_and_chromium_lookup(tmp_path, monkeypatch):
    assert [core.parse_mode(v) for v in ("auto", "TRUE", " false ", True, False, None)] == ["auto", "true", "false", "true", "false", "auto"]
    with pytest.raises(core.PdfError, match="auto, true หรือ false"):
        core.parse_mode("yes")
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert core.find_chromium({"ITA_CHROMIUM": str(fake)}) == str(fake)
    assert core.find_chromium({"ITA_CHROMIUM": str(tmp_path / "none")}) is None  # set: nothing else is tried
    monkeypatch.setattr(core, "CANDIDATES", ("/nonexistent/chromium", "no-such-browser-here", str(fake)))
    assert core.find_chromium({}) == str(fake)
    monkeypatch.setattr(core, "CANDIDATES", ("/nonexistent/chromium",))
    assert core.find_chromium({}) is None
    decision = core.decide("auto", {})
    assert not decision.build and "no Chromium found" in decision.message
    with pytest.raises(core.PdfError, match="no Chromium found"):
        core.decide("true", {})
    assert not core.decide("false", {"ITA_CHROMIUM": str(fake)}).build
    assert core.decide("true", {"ITA_CHROMIUM": str(fake)}) == core.Decision(True, str(fake), f"PDF of the full reports: printed with {fake}")
    # the preview of mkdocs serve: auto prints nothing, true still prints
    previewed = core.decide("auto", {"ITA_CHROMIUM": str(fake)}, serving=True)
    assert not previewed.build and "mkdocs serve" in previewed.message
    assert core.decide("auto", {"ITA_CHROMIUM": str(fake)}).build
    assert core.decide("true", {"ITA_CHROMIUM": str(fake)}, serving=True).build


# --- printing any page -----------------------------------------------------------------------

PRINT_STATE = """() => {
  const hidden = sel => [...document.querySelectorAll(sel)].every(el => getComputedStyle(el).display === "none" || el.closest("[style*='display: none']") || !el.getClientRects().length);
  const rows = [...document.querySelectorAll("article tr")];
  return {
    chrome: ["header.md-header", ".md-sidebar", "footer.md-footer", ".md-search", ".md-top", ".md-content__button", ".headerlink"]
      .filter(sel => document.querySelector(sel) && !hidden(sel)),
    rowsAvoidBreaks: rows.every(r => getComputedStyle(r).breakInside === "avoid"),
    charts: [...document.querySelectorAll("figure.ita-chart svg")].map(s => Math.round(s.getBoundingClientRect().height)),
  };
}"""


def test_printing_any_page(site, served, browser, tmp_path):
    """Every page printed (A4, print CSS): no header, navigation, footer or search on paper,
    table rows never cut across pages, charts drawn; the PDF holds the page's title."""
    context = browser.new_context()
    problems = []
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        for path in built_pages(site):
            page.goto(served + path)
            page.wait_for_load_state("load")
            state = page.evaluate(PRINT_STATE)
            if state["chrome"] or not state["rowsAvoidBreaks"] or any(h < 100 for h in state["charts"]):
                problems.append((path, state))
            if path in ("index.html", "issues/2566/4.html", "indicators/2.html"):
                file = tmp_path / (path.replace("/", "_") + ".pdf")
                page.pdf(path=str(file), format="A4")
                text = pdftext(file)
                title = site.soup(path).select_one("article h1").get_text(" ").rstrip("¶").strip()
                assert squeeze(title) in squeeze(text), path
                assert labels()["nav"]["guide"] not in text and "ค้นหา" not in text, path
    finally:
        context.close()
    assert problems == []
