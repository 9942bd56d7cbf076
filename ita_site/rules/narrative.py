"""Rule: hand-written prose may only quote figures that the data holds.

A paragraph typed by staff (``narrative:`` in a year file, section intros of the
recommendations) replaces the generated one, so it could contradict the numbers, as the
FY2566 report did when it wrote the total as ๘๕.๐๗. Every decimal number in such prose must
be a score, tool score or total of that year (or an earlier year, for comparisons).
"""

from __future__ import annotations

import re

from ..errors import DataError
from ..inputs.loader import DataSet
from ..dates import THAI_DIGITS
from .blanks import is_complete
from .totals import year_result

DECIMAL_RE = re.compile(r"(?<![0-9๐-๙.])([0-9๐-๙]{1,3}[.][0-9๐-๙]{2})(?![0-9๐-๙])")


def known_figures(data: DataSet, year: int) -> set[str]:
    """Two-decimal figures of `year` and earlier years: scores, tool scores, totals."""
    figures: set[str] = set()
    for y, parsed in data.years.items():
        if y > year:
            continue
        figures.update(f"{e.score:.2f}" for e in parsed.model.scores if e.score is not None)
        if parsed.model.stated.total is not None:
            figures.add(f"{parsed.model.stated.total:.2f}")
        figures.update(f"{v:.2f}" for v in parsed.model.stated.tools.values())
        r = year_result(data, y)
        if r is not None:
            figures.update(f"{v:.2f}" for v in r.tools.values())
            if r.total is not None:
                figures.add(f"{r.total:.2f}")
        if y == year:
            m = data.methodologies.get(parsed.model.methodology)
            if m is not None:
                figures.update(f"{v:.2f}" for v in (m.model.pass_mark, m.model.strength_threshold))
    return figures


def _check(doc, path, text: str, figures: set[str], year: int) -> list[DataError]:
    errors = []
    for m in DECIMAL_RE.finditer(text):
        value = m.group(1).translate(THAI_DIGITS)
        if f"{float(value):.2f}" not in figures:
            errors.append(
                doc.error(
                    path,
                    f"ข้อความอ้างตัวเลข {m.group(1)} ซึ่งไม่ใช่คะแนนใดของปี {year} (figure not in the data)",
                    "แก้ตัวเลขในข้อความให้ตรงกับคะแนนในไฟล์ หรือลบย่อหน้านี้เพื่อใช้ข้อความที่ระบบเขียนให้",
                )
            )
    return errors


def numbers_in_prose(data: DataSet) -> list[DataError]:
    errors = []
    for year, y in data.years.items():
        if not is_complete(y.model):
            continue  # a year being filled: its prose is checked once its figures are all in
        figures = known_figures(data, year)
        for path, text in y.model.narrative.texts():
            errors.extend(_check(y.doc, path, text, figures, year))
        r = data.recommendations.get(year)
        if r is not None:
            for i, section in enumerate(r.model.sections):
                if section.intro:
                    errors.extend(_check(r.doc, ("sections", i, "intro"), section.intro, figures, year))
    return errors
