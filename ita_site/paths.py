"""Where each generated page lives (source paths, relative to docs/). One place, so links agree."""

from __future__ import annotations


def overview(year: int, latest: int | None) -> str:
    """The overview of a year: the home page for the latest published year (`latest`; None
    when no year is published yet), else ``years/<year>.md``."""
    return "index.md" if year == latest else f"years/{year}.md"


HOME = "index.md"
GUIDE = "guide/index.md"  # the staff guide's first page (hand-written, docs/guide/)


def indicator(number: int) -> str:
    return f"indicators/{number}.md"


def issue(year: int, number: int) -> str:
    return f"issues/{year}/{number}.md"


def recommendations(year: int) -> str:
    return f"recommendations/{year}.md"


def plan(year: int) -> str:
    """The action plan of the year's seven issues and its progress."""
    return f"plan/{year}.md"


def questions(year: int) -> str:
    return f"questions/{year}.md"


def oit(year: int) -> str:
    """The OIT items of the year and what the agency has disclosed for each (การเปิดเผยข้อมูลสาธารณะ)."""
    return f"oit/{year}.md"


def code_page(year: int, code: str) -> str:
    """Where a code links to: an OIT item (O11) to its item on the OIT page, any other code to
    the year's question codes. The anchor is the code itself (``question_anchor``)."""
    return oit(year) if code.startswith("O") else questions(year)


def about(year: int) -> str:
    return f"about/{year}.md"


def report(year: int) -> str:
    """The full report of a year on one page (รายงานฉบับเต็ม), the source of its PDF."""
    return f"report/{year}.md"


def report_pdf(year: int) -> str:
    """The full report printed to PDF after the build (``ita_site.pdf``), when a Chromium is found."""
    return f"downloads/ita-report-{year}.pdf"


COMPARISON = "comparison.md"
FEED = "feed.xml"  # Atom feed of progress updates (an asset, not a page)
DOWNLOADS = "downloads.md"
