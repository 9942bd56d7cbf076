"""The navigation as objects: pages are placed by Section (kind, year), not by string keys;
the tree is Links and Groups whose titles come from labels.yml; MkDocs gets it escaped."""

from __future__ import annotations

import pytest
from conftest import DEFAULT_AGENCY

from ita_site.pages import build_pages, nav, navigation_tree
from ita_site.pages.navigation import Group, Link, Section, to_mkdocs
from ita_site.site import load_site
from ita_site.templating import Options
from ita_site.wording import labels


def test_a_section_is_a_known_kind():
    assert Section("issues", 2566) == Section("issues", 2566) != Section("issues", 2565)
    with pytest.raises(ValueError):
        Section("issues:2566")


def test_the_tree_is_objects_titled_from_labels():
    site = load_site(DEFAULT_AGENCY)
    pages = build_pages(site, Options(charts=False))
    tree = navigation_tree(pages, site)
    assert all(isinstance(item, (Link, Group)) for item in tree)
    words = labels()["nav"]
    groups = {item.title: item for item in tree if isinstance(item, Group)}
    latest = site.latest.year
    issues = groups[words["issues"].format(year=latest)]
    assert [link.path for link in issues.items] == [p.path for p in pages if p.section == Section("issues", latest)]
    earlier = groups[words["earlier"]]
    assert [g.title for g in earlier.items] == [words["year"].format(year=y) for y in sorted(site.years, reverse=True) if y != latest]
    assert nav(pages, site) == to_mkdocs(tree)


def test_titles_are_escaped_for_the_theme():
    assert to_mkdocs([Group("<b>&", (Link('"x"', "a.md"),))]) == [{"&lt;b&gt;&amp;": [{"&#34;x&#34;": "a.md"}]}]
