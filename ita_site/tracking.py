"""Progress on the action plans: each action row of the seven issues with its tracking.

``plan(site, year)`` joins a year's action table (``actions/<พ.ศ.>.yml``) with its progress
file (``progress/<พ.ศ.>.yml``) and counts what the action-plan page shows; overdue is decided
by the build date (``Site.build_date``), never the wall clock. An action without tracking
stays without it: nothing is invented. ``progress_records(site)`` gives the same facts as flat
rows for open data (CSV/JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dates import fiscal_year_end, fiscal_year_start
from .evidence import Evidence, read_evidence
from .model.files import CLOSED, STATUSES, ActionRow, Issue, Question
from .site import Site, Year
from .wording import labels

NONE = "none"  # status key of an action without any tracking yet
STATUS_KEYS = (*STATUSES, NONE)


@dataclass(frozen=True)
class Update:
    date: date
    text: str
    evidence: tuple[Evidence, ...]
    number: int  # 1-based position among the action's updates, oldest first


@dataclass(frozen=True)
class Action:
    """One action row of the seven issues, with its tracking if staff reported any."""

    year: int  # the year of the action table (the assessment year)
    issue: Issue
    row: ActionRow
    question: Question
    status: str  # one of STATUS_KEYS ("none": not tracked yet)
    start: date | None  # planned period (tracked actions only)
    end: date | None
    updates: tuple[Update, ...]  # oldest first
    overdue: bool

    @property
    def tracked(self) -> bool:
        return self.status != NONE

    @property
    def last_update(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def anchor(self) -> str:
        return self.row.question


@dataclass(frozen=True)
class Counts:
    by_status: dict[str, int] = field(default_factory=dict)  # every key of STATUS_KEYS

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class Plan:
    """The action plan of one assessment year and how far it has come, as of `as_of`."""

    year: int
    plan_year: int | None  # the fiscal year the plan is carried out in (from the progress file)
    start: date | None  # first and last day of plan_year
    end: date | None
    as_of: date
    actions: list[Action]
    counts: Counts
    by_issue: list[tuple[Issue, Counts]]
    by_unit: list[tuple[str, Counts]]

    @property
    def overdue(self) -> list[Action]:
        """Overdue actions, the longest overdue first."""
        late = [(i, a) for i, a in enumerate(self.actions) if a.overdue]
        return [a for _, a in sorted(late, key=lambda p: (p[1].end, p[0]))]

    @property
    def tracked(self) -> list[Action]:
        return [a for a in self.actions if a.tracked]

    def action(self, question: str) -> Action:
        return next(a for a in self.actions if a.row.question == question)


def is_overdue(status: str, end: date | None, on: date) -> bool:
    """The planned period ended before `on` and the action is neither done nor cancelled."""
    return status in STATUSES and status not in CLOSED and end is not None and end < on


def _count(actions: list[Action]) -> Counts:
    counts = {key: 0 for key in STATUS_KEYS}
    for a in actions:
        counts[a.status] += 1
    return Counts(counts)


def plan(site: Site, year: Year | int, on: date | None = None) -> Plan | None:
    """The plan of `year` (None when the year has no action table), as of `on` (default:
    the build date)."""
    y = site.years[year] if isinstance(year, int) else year
    if y.actions is None:
        return None
    on = on or site.build_date
    progress = y.progress
    plan_year = progress.plan_year if progress else None
    first = fiscal_year_start(plan_year) if plan_year else None
    last = fiscal_year_end(plan_year) if plan_year else None
    tracking = {(t.issue, t.question): t for t in progress.actions} if progress else {}
    actions: list[Action] = []
    for issue in y.actions.issues:
        for row in issue.rows:
            t = tracking.get((issue.number, row.question))
            if t is None:
                actions.append(Action(y.year, issue, row, y.questions[row.question], NONE, None, None, (), False))
                continue
            start, end = t.start or first, t.end or last
            ordered = sorted(enumerate(t.updates), key=lambda p: (p[1].date, p[0]))
            updates = tuple(
                Update(u.date, u.text, tuple(e for e in (read_evidence(x)[0] for x in u.evidence) if e), n)
                for n, (_, u) in enumerate(ordered, 1)
            )
            actions.append(
                Action(
                    y.year, issue, row, y.questions[row.question], t.status, start, end, updates,
                    is_overdue(t.status, end, on),
                )
            )
    by_issue = [(issue, _count([a for a in actions if a.issue.number == issue.number])) for issue in y.actions.issues]
    units = list(dict.fromkeys(u for a in actions for u in a.row.responsible))
    by_unit = [(u, _count([a for a in actions if u in a.row.responsible])) for u in units]
    return Plan(y.year, plan_year, first, last, on, actions, _count(actions), by_issue, by_unit)


def plans(site: Site) -> list[Plan]:
    return [p for y in site.years.values() if (p := plan(site, y)) is not None]


def feed_items(site: Site) -> list[tuple[Action, Update]]:
    """Every update of every plan, newest first; ties in a fixed order (year, issue, row)."""
    items = [(a, u) for p in plans(site) for a in p.actions for u in a.updates]
    position = {id(a): i for i, (a, _) in enumerate(items)}
    return sorted(items, key=lambda au: (-au[1].date.toordinal(), au[0].year, position[id(au[0])], -au[1].number))


def progress_records(site: Site) -> list[dict]:
    """Open-data rows of the tracking: one ``record: "action"`` row per tracked action, then
    one ``record: "update"`` row per update (``date``: of the update, or of the action's
    latest update; ``updates``: how many the action has). Every row has the same keys; values are text,
    numbers, booleans or None (dates as ``YYYY-MM-DD``), so the rows fit CSV and JSON alike.
    Evidence files are given by their path in the built site (``evidence/...``)."""
    words = labels()["status"]
    rows: list[dict] = []
    for p in plans(site):
        for a in p.tracked:
            base = {
                "fiscal_year": p.year,
                "plan_year": p.plan_year,
                "issue": a.issue.number,
                "issue_title": a.issue.title,
                "question": a.row.question,
                "indicator": a.question.indicator,
                "responsible": "; ".join(a.row.responsible),
                "status": a.status,
                "status_label": words[a.status],
                "start": a.start.isoformat() if a.start else None,
                "end": a.end.isoformat() if a.end else None,
                "overdue": a.overdue,
                "as_of": p.as_of.isoformat(),
            }
            last = a.last_update
            rows.append(
                {
                    "record": "action",
                    **base,
                    "updates": len(a.updates),
                    "update_number": None,
                    "date": last.date.isoformat() if last else None,
                    "text": None,
                    "evidence": None,
                }
            )
            for u in a.updates:
                rows.append(
                    {
                        "record": "update",
                        **base,
                        "updates": len(a.updates),
                        "update_number": u.number,
                        "date": u.date.isoformat(),
                        "text": u.text,
                        "evidence": " ".join(e.target for e in u.evidence) or None,
                    }
                )
    order = {"action": 0, "update": 1}
    return sorted(rows, key=lambda r: (r["fiscal_year"], order[r["record"]]))
