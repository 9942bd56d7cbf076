"""Shared base of the page builders: a builder turns the Site into generated pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterator

from ..site import Site
from ..charts.figures import Tools
from ..templating import html_text, labels
from .navigation import Section


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str  # source path relative to docs/, e.g. "indicators/1.md"
    title: str  # page title (H1)
    nav_title: str  # shorter title in the navigation
    section: Section  # where it belongs in the navigation
    markdown: str
    sources: tuple[str, ...]  # the data files it is built from; the first is the edit target
    year: int | None = None
    updated: datetime | None = None  # when its data last changed (git), if known

    @property
    def html_title(self) -> str:
        """The title as HTML text, for the browser's <title> (themes print it unescaped)."""
        return html_text(self.title)


# When the data files of a page last changed: (sources) -> date, or None if unknown.
Dates = Callable[[tuple[str, ...]], "datetime | None"]


@dataclass(frozen=True)
class Spec:
    """What a builder wants rendered: template, where, titles and the template context."""

    path: str
    template: str
    title: str
    nav_title: str
    section: Section
    sources: tuple[str, ...]
    context: dict[str, Any] = field(default_factory=dict)
    year: int | None = None


class Builder:
    """Subclasses yield one Spec per page; the base renders them with the shared context."""

    def specs(self, site: Site) -> Iterator[Spec]:  # pragma: no cover - abstract
        raise NotImplementedError

    def figures(self, site: Site, spec: Spec, tools: Tools) -> dict[str, Any]:
        """The charts of a page, by name (see ``ita_site.charts.figures``); none by default."""
        return {}

    def build(self, site: Site, tools: Tools, dates: Dates | None = None) -> list[Page]:
        """The pages of this builder, rendered with the build's `tools` (templates for its
        options, the chart renderer)."""
        pages = []
        for spec in self.specs(site):
            updated = dates(spec.sources) if dates else None
            context = {
                "site": site,
                "org": site.organization,
                "title": spec.title,
                "page_path": spec.path,
                "sources": spec.sources,
                "figures": self.figures(site, spec, tools) if tools.options.charts else {},
                "updated": updated,
                **spec.context,
            }
            markdown = tools.templates.render(spec.template, **context)
            pages.append(
                Page(spec.path, spec.title, spec.nav_title, spec.section, _tidy(markdown), spec.sources, spec.year, updated)
            )
        return pages


def title(key: str, **values: Any) -> str:
    return labels()["titles"][key].format(**values)


def tool_members(site: Site, methodology) -> dict[str, list[int]]:
    return {
        t.code: [n for n in methodology.indicators if site.indicators[n].tool == t.code] for t in methodology.tools
    }


def _tidy(markdown: str) -> str:
    """At most one blank line in a row, one final newline (templates leave extra blank lines)."""
    lines: list[str] = []
    for line in markdown.splitlines():
        line = line.rstrip()
        if not line and (not lines or not lines[-1]):
            continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
