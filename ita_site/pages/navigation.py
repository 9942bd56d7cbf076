"""The navigation as objects: where each page belongs (:class:`Section`), and the tree of
links and groups (:class:`Link`, :class:`Group`) that an engine shows.

Every title in the tree comes from one place, ``labels.yml: nav`` (group titles and the
titles of a year's pages), or from the page itself (``Page.nav_title``, built from
``labels.yml: titles``). ``to_mkdocs()`` writes the tree in the shape of MkDocs' ``nav``
setting (also read by Zensical), titles escaped as HTML text: themes print navigation titles as
HTML, and titles hold text from data/ (indicator names, issue titles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..templating import html_text, labels

# the kinds of section a page can be in, in no particular order (the tree's order is nav())
KINDS = (
    "home", "pending", "earlier", "indicators", "issues", "plan", "recommendations", "comparison",
    "downloads", "questions", "about", "report", "oit",
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    """Where a page belongs in the navigation: a kind (KINDS), and the fiscal year for the
    kinds that repeat per year (issues, plan, recommendations, oit)."""

    kind: str
    year: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown navigation section {self.kind!r} (one of {', '.join(KINDS)})")


@dataclass(frozen=True)
class Link:
    title: str
    path: str  # the page's source path, e.g. "indicators/1.md"


@dataclass(frozen=True)
class Group:
    title: str
    items: tuple["Item", ...]


Item = Union[Link, Group]


def title(key: str, **values) -> str:
    """A navigation title from ``labels.yml: nav``."""
    return labels()["nav"][key].format(**values)


def to_mkdocs(items: list[Item] | tuple[Item, ...]) -> list[dict]:
    """The tree as MkDocs' ``nav`` setting: [{title: path}, {title: [...]}], titles as HTML text."""
    out: list[dict] = []
    for item in items:
        if isinstance(item, Group):
            out.append({html_text(item.title): to_mkdocs(item.items)})
        else:
            out.append({html_text(item.title): item.path})
    return out


def from_mkdocs(entries: list[dict]) -> list[Item]:
    """The tree of a ``nav`` list whose titles are plain text (e.g. the guide's, ``guide.guide_nav``)."""
    items: list[Item] = []
    for entry in entries:
        ((name, target),) = entry.items()
        items.append(Group(name, tuple(from_mkdocs(target))) if isinstance(target, list) else Link(name, target))
    return items
