"""Time, dates and Thai formatting, in one place: the Buddhist era, the Thai fiscal year, the
build's one date, Thai digits, and numbers and dates as Thai documents write them.

- A Thai fiscal year (ปีงบประมาณ) is named by its Buddhist-era year (พ.ศ. = ค.ศ. + 543) and
  runs from 1 October of the previous Gregorian year to 30 September: FY 2567 = 1 Oct 2023 -
  30 Sep 2024.
- The build date decides what is "overdue" and which update lies "in the future". To keep
  builds reproducible it is not the wall clock: ``build_date()`` is the one place that picks
  it, and ``build_timestamp()`` the one time MkDocs writes (sitemap), from
  ``SOURCE_DATE_EPOCH`` (read and checked once, by ``config``) or the last commit.
- ``fmt_*``: 92.50 / ๙๒.๕๐, +5.64, 15 พ.ย. 2566; ``thai_date``: 30 พฤศจิกายน 2569 (the day in
  Thailand).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import git

BE_OFFSET = 543  # Buddhist era = Gregorian + 543
THAILAND = timezone(timedelta(hours=7))  # no daylight saving time
ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")  # Thai digits typed in data -> 0-9


def buddhist_year(gregorian: int) -> int:
    return gregorian + BE_OFFSET


def gregorian_year(buddhist: int) -> int:
    return buddhist - BE_OFFSET


def fiscal_year_start(be_year: int) -> date:
    """First day of fiscal year `be_year` (พ.ศ.): 1 October of the year before."""
    return date(gregorian_year(be_year) - 1, 10, 1)


def fiscal_year_end(be_year: int) -> date:
    """Last day of fiscal year `be_year` (พ.ศ.): 30 September."""
    return date(gregorian_year(be_year), 9, 30)


def fiscal_year_of(day: date) -> int:
    """The fiscal year (พ.ศ.) that `day` belongs to."""
    return buddhist_year(day.year) + (1 if day.month >= 10 else 0)


# --- the build's date -----------------------------------------------------------------


def zone(name: str | None):
    """The time zone of an IANA name (`extra.ita.timezone`); UTC when empty or unknown."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def build_date(
    data_dir: Path | str,
    tz: str | None = None,
    *,
    epoch: int | None = None,
    today: date | None = None,
) -> date:
    """The date the site is built "as of", in the time zone `tz` (IANA name; default UTC).

    1. `epoch`: the user's ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), if set;
    2. else, when `data_dir` is in a git repository: the date of the last commit
       (``git log -1 --format=%ct``), unless `data_dir` has uncommitted changes: a preview
       of work not yet committed is built as of today, so an update written today is not
       "in the future";
    3. else today.
    """
    where = zone(tz)
    if epoch is not None:
        return datetime.fromtimestamp(epoch, where).date()
    folder = Path(data_dir)
    if folder.is_dir() and git.has_changes(folder) is False:
        stamp = git.last_commit_time(folder)
        if stamp is not None:
            return datetime.fromtimestamp(stamp, where).date()
    return today or datetime.now(where).date()


def build_timestamp(root: Path | str, epoch: int | None = None) -> int:
    """Seconds since 1970 (UTC) standing for this build, the time MkDocs writes into the
    sitemap: `epoch` (the user's ``SOURCE_DATE_EPOCH``) if set, else the commit time of HEAD
    of the git repository at `root`, else now."""
    if epoch is not None:
        return epoch
    stamp = git.last_commit_time(root)  # None: no git, or not a repository (a tarball)
    return int(time.time()) if stamp is None else stamp


# --- Thai presentation ----------------------------------------------------------------


def thai_digits(text: str) -> str:
    return text.translate(ARABIC_TO_THAI)


def arabic_digits(text: str) -> str:
    return text.translate(THAI_DIGITS)


def fmt_score(value: float, thai: bool = False) -> str:
    """Two decimals, as scores are published: 92.50 (or ๙๒.๕๐)."""
    text = f"{value:.2f}"
    return thai_digits(text) if thai else text


def fmt_mark(value: float, thai: bool = False) -> str:
    """A threshold as the report writes it: 85 (or 85.50 when it has decimals)."""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"
    return thai_digits(text) if thai else text


def fmt_int(value: int, thai: bool = False, grouping: bool = True) -> str:
    text = f"{value:,}" if grouping else str(value)
    return thai_digits(text) if thai else text


def fmt_signed(value: float, thai: bool = False) -> str:
    """A change with its sign: +5.64, −6.63, ±0.00 (U+2212 minus, as in print)."""
    if round(value, 2) == 0:
        text = "±0.00"
    else:
        text = f"{'+' if value > 0 else '−'}{abs(value):.2f}"
    return thai_digits(text) if thai else text


def fmt_date(day: date, months: Sequence[str], thai: bool = False) -> str:
    """A date as Thai documents write it: 15 พ.ย. 2566 (Buddhist-era year)."""
    text = f"{day.day} {months[day.month - 1]} {buddhist_year(day.year)}"
    return thai_digits(text) if thai else text


def thai_date(value: date | datetime, months: Sequence[str]) -> str:
    """"30 พฤศจิกายน 2569": the calendar day in Thailand, Thai month name, Buddhist-era year."""
    if isinstance(value, datetime):
        value = value.astimezone(THAILAND).date() if value.tzinfo else value.date()
    return fmt_date(value, months)
