"""Rule: values left blank (``null``) on purpose while a new fiscal year is being filled.

``scripts/new_year.py`` writes the new year with ``score: null`` and ``total: null``. In the
latest fiscal year such a blank is a *to-fill* notice ("ยังไม่ได้กรอก"), not an error: the
site builds and the pages of that year say "รอกรอกข้อมูล". In any earlier year, which is
already published, a blank is an error: the build stops.

A key left out is not a blank: it means the agency did not publish that figure (a partial
year, see ``scoring.Result``). Only a key written with ``null`` is "still to fill in".
"""

from __future__ import annotations

from ..errors import TODO, DataError
from ..inputs.loader import DataSet
from ..model.files import YearFile

TO_FILL = "ยังไม่ได้กรอก (to fill in): {what}"
HOW = "แทน null ด้วยตัวเลข 0 ถึง 100 เช่น {key}: 92.50"
NOT_LATEST = "{what} ว่าง (null) ในปี {year} ซึ่งไม่ใช่ปีล่าสุด (blank in a published year)"
NOT_LATEST_HOW = "กรอกให้ครบ: เว้นว่างได้เฉพาะปีล่าสุดที่กำลังกรอก ({latest})"


def blank_fields(year: YearFile) -> list[tuple[tuple, str, str]]:
    """(path, what, key) of every value of `year` left blank to be filled in later."""
    found = []
    if year.stated.total is None and "total" in year.stated.model_fields_set:
        found.append((("stated", "total"), "คะแนนรวม 'stated.total'", "total"))
    for i, entry in enumerate(year.scores):
        if entry.score is None and "score" in entry.model_fields_set:
            found.append((("scores", i, "score"), f"คะแนนตัวชี้วัดที่ {entry.indicator} 'score'", "score"))
    return found


def is_complete(year: YearFile) -> bool:
    return not blank_fields(year)


def blanks(data: DataSet) -> list[DataError]:
    if not data.years:
        return []
    latest = max(data.years)
    problems = []
    for year, y in sorted(data.years.items()):
        for path, what, key in blank_fields(y.model):
            if year == latest:
                problems.append(y.doc.error(path, TO_FILL.format(what=what), HOW.format(key=key), kind=TODO))
            else:
                problems.append(
                    y.doc.error(path, NOT_LATEST.format(what=what, year=year), NOT_LATEST_HOW.format(latest=latest))
                )
    return problems
