"""Dates: the Thai fiscal year, and the build date that "today" means on a built site.

A Thai fiscal year (ปีงบประมาณ) is named by its Buddhist-era year and runs from 1 October of
the previous Gregorian year to 30 September: FY 2567 = 1 Oct 2023 - 30 Sep 2024.

The build date decides what is "overdue" and which update lies "in the future". To keep
builds reproducible it is not the wall clock: ``build_date()`` is the one place that picks it.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import git

BE_OFFSET = 543  # Buddhist era = Gregorian + 543


def fiscal_year_start(be_year: int) -> date:
    """First day of fiscal year `be_year` (พ.ศ.): 1 October of the year before."""
    return date(be_year - BE_OFFSET - 1, 10, 1)


def fiscal_year_end(be_year: int) -> date:
    """Last day of fiscal year `be_year` (พ.ศ.): 30 September."""
    return date(be_year - BE_OFFSET, 9, 30)


def fiscal_year_of(day: date) -> int:
    """The fiscal year (พ.ศ.) that `day` belongs to."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def _zone(name: str | None):
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def build_date(
    data_dir: Path | str,
    tz: str | None = None,
    environ: Mapping[str, str] | None = None,
    today: date | None = None,
) -> date:
    """The date the site is built "as of", in the time zone `tz` (IANA name; default UTC).

    1. ``SOURCE_DATE_EPOCH`` if set (the reproducible-builds convention);
    2. else, when `data_dir` is in a git repository: the date of the last commit
       (``git log -1 --format=%ct``), unless `data_dir` has uncommitted changes: a preview
       of work not yet committed is built as of today, so an update written today is not
       "in the future";
    3. else today.
    """
    environ = os.environ if environ is None else environ
    zone = _zone(tz)
    epoch = (environ.get("SOURCE_DATE_EPOCH") or "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), zone).date()
    folder = Path(data_dir)
    if folder.is_dir() and git.has_changes(folder) is False:
        stamp = git.last_commit_time(folder)
        if stamp is not None:
            return datetime.fromtimestamp(stamp, zone).date()
    return today or datetime.now(zone).date()
