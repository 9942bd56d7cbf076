"""Builder of the action-plan page of each year: the seven issues' actions and their progress."""

from __future__ import annotations

from typing import Iterator

from .. import tracking
from ..model.files import STATUSES
from ..site import Site
from .. import paths
from .base import Builder, Spec, title
from .navigation import Section
from .navigation import title as nav_title
from ..templating import relative


class PlanBuilder(Builder):
    """One page per year with an action table: counts by status, issue and responsible unit,
    the overdue actions (as of the build date) and every action with its latest update."""

    def specs(self, site: Site) -> Iterator[Spec]:
        for y in site.years.values():
            p = tracking.plan(site, y)
            if p is None:
                continue
            sources = tuple(y.sources[k] for k in ("progress", "actions") if k in y.sources)
            yield Spec(
                path=paths.plan(y.year),
                template="plan.md.j2",
                title=title("plan", year=y.year),
                nav_title=nav_title("plan", year=y.year),
                section=Section("plan", y.year),
                sources=sources,
                year=y.year,
                context=dict(
                    y=y,
                    p=p,
                    statuses=STATUSES,
                    keys=tracking.STATUS_KEYS,
                    issue_rows=[
                        (f"{i.number}. {i.title}", relative(paths.plan(y.year), paths.issue(y.year, i.number), html=True), c)
                        for i, c in p.by_issue
                    ],
                    unit_rows=[(unit, None, c) for unit, c in p.by_unit],
                ),
            )
