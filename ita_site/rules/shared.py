"""Checks used by more than one rule: dates written in the Buddhist era, and how evidence is written."""

from __future__ import annotations

from datetime import date

from ..dates import gregorian_year
from ..errors import DataError

BE_LOOKING = 2400  # a "year" this large was written in พ.ศ., not ค.ศ.


def be_year(doc, path, day: date) -> DataError | None:
    if day.year < BE_LOOKING:
        return None
    return doc.error(
        path,
        f"ปี {day.year} ในวันที่ {day.isoformat()} เป็นปี พ.ศ. (Buddhist-era year in a date)",
        f"เขียนปีเป็น ค.ศ.: {gregorian_year(day.year)}-{day.month:02d}-{day.day:02d}",
    )


def evidence_hint() -> str:
    return "ลิงก์ที่ขึ้นต้นด้วย https:// (หรือ http://) หรือไฟล์ใน data/evidence/ เขียนเป็น evidence/ชื่อไฟล์"
