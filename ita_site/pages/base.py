"""Shared base of the page builders: a builder turns the Site into generated pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from ..site import Site
from .render import Options, html_text, labels, render


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str  # source path relative to docs/, e.g. "indicators/1.md"
    title: str  # page title (H1)
    nav_title: str  # shorter title in the navigation
    section: str  # navigation section key (labels.yml: nav)
    markdown: str
    sources: tuple[str, ...]  # the data files it is built from; the first is the edit target
    year: int | None = None

    @property
    def html_title(self) -> str:
        """The title as HTML text, for the browser's <title> (themes print it unescaped)."""
        return html_text(self.title)


@dataclass(frozen=True)
class Spec:
    """What a builder wants rendered: template, where, titles and the template context."""

    path: str
    template: str
    title: str
    nav_title: str
    section: str
    sources: tuple[str, ...]
    context: dict[str, Any] = field(default_factory=dict)
    year: int | None = None


class Builder:
    """Subclasses yield one Spec per page; the base renders them with the shared context."""

    def specs(self, site: Site) -> Iterator[Spec]:  # pragma: no cover - abstract
        raise NotImplementedError

    def build(self, site: Site, options: Options) -> list[Page]:
        pages = []
        for spec in self.specs(site):
            context = {
                "site": site,
                "org": site.organization,
                "title": spec.title,
                "page_path": spec.path,
                "sources": spec.sources,
                **spec.context,
            }
            markdown = render(spec.template, options, **context)
            pages.append(
                Page(spec.path, spec.title, spec.nav_title, spec.section, _tidy(markdown), spec.sources, spec.year)
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
