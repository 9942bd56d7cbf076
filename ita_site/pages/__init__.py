"""Stage 3: page builders, pure functions of the Site -> generated Markdown pages.

``build_pages(site, options)`` returns every page; ``nav(pages, site)`` the navigation in the
shape of MkDocs' ``nav`` setting. Nothing here imports MkDocs: ``scripts/write_pages.py``
writes the same pages to a folder for any other Markdown engine.
"""

from __future__ import annotations

from .. import paths
from ..site import Site
from .. import opendata
from ..assets import Asset, AssetBuilder
from ..feed import evidence_files, progress_feed
from . import navigation
from .base import Dates, Page, Tools
from .navigation import Group, Link, Section
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

__all__ = ["Asset", "Options", "Page", "Tools", "build_assets", "build_pages", "nav", "site_texts"]


def build_pages(
    site: Site, options: Options | None = None, dates: Dates | None = None, tools: Tools | None = None
) -> list[Page]:
    """Every page. `dates` (e.g. ``provenance.GitDates``) gives when a page's data last changed;
    `tools`: the build's templates and chart renderer (with their caches), else tools of this
    call alone for `options`."""
    tools = tools or Tools.fresh(options)
    return [page for builder in BUILDERS for page in builder.build(site, tools, dates)]


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
    """MkDocs `nav` (titles as HTML text) of ``navigation_tree``."""
    return navigation.to_mkdocs(navigation_tree(pages, site, guide))


def navigation_tree(pages: list[Page], site: Site, guide: list | None = None) -> list[navigation.Item]:
    """The navigation: home, a year being filled in, indicators, the latest year's issues,
    action plan and recommendations, comparison, earlier years (overview, issues, plan,
    recommendations), open data, question codes, about (the full report of each year, then
    each year's texts and methodology), and the hand-written staff guide (``guide``: MkDocs
    nav entries, see ``pages/guide.py``)."""
    title = navigation.title
    latest = site.latest.year if site.has_results else None
    placed: dict[Section, list[Page]] = {}
    for page in pages:
        placed.setdefault(page.section, []).append(page)

    def links(kind: str, year: int | None = None, name: str | None = None) -> list[Link]:
        """The pages of a section, each under its own title or under `name` (a nav title)."""
        return [Link(title(name, year=p.year) if name else p.nav_title, p.path) for p in placed.get(Section(kind, year), [])]

    def year_items(year: int) -> list[navigation.Item]:
        items: list[navigation.Item] = []
        if issues := links("issues", year):
            items.append(Group(title("issues", year=year), tuple(issues)))
        return items + links("plan", year) + links("recommendations", year, name="recommendations") + links("oit", year)

    tree: list[navigation.Item] = links("home")  # the latest year's overview, or the welcome page
    tree += links("pending")
    for year in sorted(site.pending):  # disclosed during the year, before its results
        tree += links("oit", year)
    tree.append(Group(title("indicators"), tuple(links("indicators"))))
    if latest is not None:
        tree += year_items(latest)
    overviews: dict[int | None, list[navigation.Item]] = {}
    for p in placed.get(Section("earlier"), []):
        overviews.setdefault(p.year, []).append(Link(title("overview", year=p.year), p.path))
    tree += links("comparison", name="comparison")  # built for two years or more
    earlier = [
        Group(title("year", year=year), tuple(overviews.get(year, []) + year_items(year)))
        for year in sorted(site.years, reverse=True)
        if year != latest
    ]
    if earlier:
        tree.append(Group(title("earlier"), tuple(earlier)))
    tree += links("downloads", name="downloads")
    if questions := links("questions"):
        tree.append(Group(title("questions"), tuple(questions)))
    reports = sorted(placed.get(Section("report"), []), key=lambda p: -(p.year or 0))
    about = [Link(p.nav_title, p.path) for p in reports] + links("about")
    if about:
        tree.append(Group(title("about"), tuple(about)))
    if guide:
        tree.append(Group(title("guide"), tuple(navigation.from_mkdocs(guide))))
    return tree
