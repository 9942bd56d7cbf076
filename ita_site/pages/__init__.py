"""Stage 3: page builders, pure functions of the Site -> generated Markdown pages.

``build_pages(site, options)`` returns every page; ``nav(pages, site)`` the navigation in the
shape of MkDocs' ``nav`` setting. Nothing here imports MkDocs: ``scripts/write_pages.py``
writes the same pages to a folder for any other Markdown engine.
"""

from __future__ import annotations

from ..site import Site
from .. import opendata
from ..assets import Asset, AssetBuilder
from ..feed import evidence_files, progress_feed
from .base import Dates, Page
from .oit_pages import OitBuilder
from .plan_pages import PlanBuilder
from ..templating import Options, html_text, labels
from .site_pages import ComparisonBuilder, DownloadsBuilder, IndicatorBuilder
from .year_pages import (
    AboutBuilder,
    IssueBuilder,
    OverviewBuilder,
    PendingBuilder,
    QuestionsBuilder,
    RecommendationsBuilder,
    ReportBuilder,
    WelcomeBuilder,
)

BUILDERS = [
    OverviewBuilder(),
    WelcomeBuilder(),
    PendingBuilder(),
    IndicatorBuilder(),
    IssueBuilder(),
    PlanBuilder(),
    RecommendationsBuilder(),
    OitBuilder(),
    ComparisonBuilder(),
    DownloadsBuilder(),
    QuestionsBuilder(),
    AboutBuilder(),
    ReportBuilder(),
]

# the files that are not pages, in the order they are written: open data, the Atom feed of
# progress and the evidence files it links
ASSET_BUILDERS: list[AssetBuilder] = [opendata.assets, progress_feed, evidence_files]

__all__ = ["Asset", "Options", "Page", "build_assets", "build_pages", "nav", "site_texts"]


def build_pages(site: Site, options: Options | None = None, dates: Dates | None = None) -> list[Page]:
    """Every page. `dates` (e.g. ``provenance.GitDates``) gives when a page's data last changed."""
    options = options or Options()
    return [page for builder in BUILDERS for page in builder.build(site, options, dates)]


def build_assets(site: Site, options: Options | None = None) -> list[Asset]:
    """Every generated file that is not a page (``ASSET_BUILDERS``, in order)."""
    options = options or Options()
    return [asset for builder in ASSET_BUILDERS for asset in builder(site, options)]


def site_texts(site: Site) -> dict[str, str]:
    """MkDocs' `site_name` and `site_description`, from the organization, as HTML text:
    the theme prints both unescaped (header, <title>, <meta> attribute)."""
    org = site.organization
    words = labels()["site"]
    return {
        "site_name": html_text(words["name"].format(short_name=org.short_name, name=org.name)),
        "site_description": html_text(words["description"].format(name=org.name, province=org.province)),
    }


def nav(pages: list[Page], site: Site, guide: list | None = None) -> list:
    """MkDocs `nav`: home, a year being filled in, indicators, the latest year's issues,
    action plan and recommendations, comparison, earlier years (overview, issues, plan,
    recommendations), open data, question codes, about (the full report of each year, then
    each year's texts and methodology), and the hand-written staff guide (``guide``, see
    ``pages/guide.py``).

    Titles are HTML text (``&lt;`` for ``<``): MkDocs themes print navigation titles as HTML,
    and titles hold text from data/ (indicator names, issue titles)."""
    return _escaped(_nav(pages, site, guide))


def _escaped(items: list) -> list:
    out: list = []
    for item in items:
        ((title, target),) = item.items()
        out.append({html_text(title): _escaped(target) if isinstance(target, list) else target})
    return out


def _nav(pages: list[Page], site: Site, guide: list | None) -> list:
    words = labels()["nav"]
    latest = site.latest.year if site.has_results else None
    by_section: dict[str, list[Page]] = {}
    for page in pages:
        by_section.setdefault(page.section, []).append(page)

    def entries(section: str) -> list[dict[str, str]]:
        return [{p.nav_title: p.path} for p in by_section.get(section, [])]

    result: list = entries("home")  # the latest year's overview, or the welcome page
    result += entries("pending")
    result.append({words["indicators"]: entries("indicators")})
    if by_section.get(f"issues:{latest}"):
        result.append({words["issues"].format(year=latest): entries(f"issues:{latest}")})
    for p in by_section.get(f"plan:{latest}", []):
        result.append({p.nav_title: p.path})
    for p in by_section.get(f"recommendations:{latest}", []):
        result.append({words["recommendations"].format(year=latest): p.path})
    result += [{p.nav_title: p.path} for p in by_section.get(f"oit:{latest}", [])]
    result += [{words["comparison"]: p.path} for p in by_section.get("comparison", [])]  # two years or more
    earlier = []
    for year in sorted(site.years, reverse=True):
        if year == latest:
            continue
        group: list = [{words["overview"].format(year=year): p.path} for p in by_section["earlier"] if p.year == year]
        if by_section.get(f"issues:{year}"):
            group.append({words["issues"].format(year=year): entries(f"issues:{year}")})
        group += [{p.nav_title: p.path} for p in by_section.get(f"plan:{year}", [])]
        group += [{words["recommendations"].format(year=year): p.path} for p in by_section.get(f"recommendations:{year}", [])]
        group += [{p.nav_title: p.path} for p in by_section.get(f"oit:{year}", [])]
        earlier.append({f"พ.ศ. {year}": group})
    if earlier:
        result.append({words["earlier"]: earlier})
    for p in by_section.get("downloads", []):
        result.append({words["downloads"]: p.path})
    if by_section.get("questions"):
        result.append({words["questions"]: entries("questions")})
    reports = sorted(by_section.get("report", []), key=lambda p: -(p.year or 0))
    about = [{p.nav_title: p.path} for p in reports] + entries("about")
    if about:
        result.append({words["about"]: about})
    if guide:
        result.append({words["guide"]: guide})
    return result

