"""Thai presentation of numbers and years."""

from __future__ import annotations

from datetime import date

ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(text: str) -> str:
    return text.translate(ARABIC_TO_THAI)


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


def fmt_date(day: date, months: list[str], thai: bool = False) -> str:
    """A date as Thai documents write it: 15 พ.ย. 2566 (Buddhist-era year)."""
    text = f"{day.day} {months[day.month - 1]} {day.year + 543}"
    return thai_digits(text) if thai else text
