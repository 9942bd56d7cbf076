"""Builder of the OIT page of each year (การเปิดเผยข้อมูลสาธารณะ): every OIT item of the year's
catalog with what the agency has disclosed for it (``ita_site.disclosure``)."""

from __future__ import annotations

from typing import Iterator

from .. import disclosure, paths
from ..site import Site
from .base import Builder, Spec, title
from .navigation import Section
from .navigation import title as nav_title
from ..templating import labels


class OitBuilder(Builder):
    """One page per year whose catalog has OIT items: counts per group, the last link check,
    and each item with its state, links, and the item of the same title the year before."""

    def specs(self, site: Site) -> Iterator[Spec]:
        oit_words = labels()["oit"]
        words = oit_words["states"]
        for oit in disclosure.oit_years(site):
            y = disclosure.every_year(site)[oit.year]  # a year being filled in has its OIT page too
            rows, empty = [], []
            for i in oit.indicators:
                name = site.indicators[i.number].name_in(y.year)
                shown = [g for g in i.groups if g.items]
                empty += [f"{i.number}. {g.name}" for g in i.groups if not g.items]
                rows += [(f"{i.number}. {g.name or oit_words['ungrouped']}", None, g.counts) for g in shown]
                if len(shown) > 1:
                    rows.append((oit_words["total_indicator"].format(number=i.number, name=name), None, i.counts))
            rows.append((oit_words["total_all"], None, oit.counts))
            tools = y.methodology.tools if y.methodology else []
            weight = next((t.weight for t in tools if t.code == "OIT"), None)
            yield Spec(
                path=paths.oit(y.year),
                template="oit.md.j2",
                title=title("oit", year=y.year),
                nav_title=nav_title("oit", year=y.year),
                section=Section("oit", y.year),
                sources=tuple(y.sources[k] for k in ("disclosures", "questions") if k in y.sources),
                year=y.year,
                context=dict(
                    y=y,
                    oit=oit,
                    health=site.link_health,
                    count_rows=rows,
                    empty_groups=empty,
                    state_columns=[(state, words[state]) for state in disclosure.STATES],
                    oit_weight=weight,
                ),
            )
