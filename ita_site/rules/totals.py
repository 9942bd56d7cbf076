"""Rules on each year's scores: complete, named as in the catalog, and adding up."""

from __future__ import annotations

from ..errors import DataError
from ..inputs.loader import DataSet
from ..scoring import compute, differs, round2


def year_methodology_known(data: DataSet) -> list[DataError]:
    return [
        y.doc.error(
            ("methodology",),
            f"ไม่พบหลักเกณฑ์ '{y.model.methodology}' (unknown methodology)",
            f"หนึ่งใน {sorted(data.methodologies)} (ไฟล์ใน data/methodology/)",
        )
        for y in data.years.values()
        if y.model.methodology not in data.methodologies and not data.broken("methodology", y.model.methodology)
    ]


def scores_cover_methodology(data: DataSet) -> list[DataError]:
    errors = []
    for y in data.years.values():
        m = data.methodologies.get(y.model.methodology)
        wanted = m.model.indicators if m else sorted(data.indicators)
        seen: dict[int, int] = {}
        for i, entry in enumerate(y.model.scores):
            n = entry.indicator
            if n in seen:
                errors.append(
                    y.doc.error(("scores", i, "indicator"), f"ตัวชี้วัดที่ {n} ซ้ำ (duplicate)", "แต่ละตัวชี้วัดครั้งเดียว")
                )
            elif n not in wanted:
                errors.append(
                    y.doc.error(
                        ("scores", i, "indicator"),
                        f"ตัวชี้วัดที่ {n} ไม่อยู่ในหลักเกณฑ์ของปีนี้ (unknown indicator)",
                        f"หนึ่งใน {list(wanted)}",
                    )
                )
            seen.setdefault(n, i)
        missing = [n for n in wanted if n not in seen]
        if missing:
            errors.append(
                y.doc.error(
                    ("scores",),
                    f"ขาดคะแนนของตัวชี้วัดที่ {', '.join(map(str, missing))} (missing indicators)",
                    "คะแนนครบทุกตัวชี้วัดของหลักเกณฑ์ปีนี้",
                )
            )
    return errors


def indicator_names_match_catalog(data: DataSet) -> list[DataError]:
    errors = []
    for y in data.years.values():
        for i, entry in enumerate(y.model.scores):
            ind = data.indicators.get(entry.indicator)
            if ind is None or entry.name is None:
                continue
            expected = ind.model.name_in(y.model.fiscal_year)
            if entry.name != expected:
                errors.append(
                    y.doc.error(
                        ("scores", i, "name"),
                        f"ชื่อตัวชี้วัดที่ {entry.indicator} '{entry.name}' ไม่ตรงกับแคตตาล็อก",
                        f"'{expected}' (ตาม {ind.doc.file}) หรือแก้ชื่อในแคตตาล็อก/names_by_year",
                    )
                )
    return errors


def computable(data: DataSet, year: int):
    """The computed figures of `year`, or None while its scores or rules have errors."""
    y = data.years[year]
    m = data.methodologies.get(y.model.methodology)
    if m is None:
        return None
    scores = {e.indicator: e.score for e in y.model.scores}
    if any(n not in scores or n not in data.indicators for n in m.model.indicators):
        return None
    catalog = {n: p.model for n, p in data.indicators.items()}
    if any(not any(catalog[n].tool == t.code for n in m.model.indicators) for t in m.model.tools):
        return None
    return compute(scores, m.model, catalog)


def stated_figures_match_computed(data: DataSet) -> list[DataError]:
    errors = []
    for year, y in data.years.items():
        c = computable(data, year)
        if c is None:
            continue
        stated = y.model.stated
        if differs(stated.total, c.total):
            errors.append(
                y.doc.error(
                    ("stated", "total"),
                    f"คะแนนรวมที่ระบุ {stated.total:.2f} ไม่ตรงกับที่คำนวณจากคะแนนรายตัวชี้วัด {round2(c.total):.2f} "
                    f"(stated {stated.total:.2f}, computed {round2(c.total):.2f})",
                    "แก้คะแนนรวม หรือแก้คะแนนรายตัวชี้วัดที่พิมพ์ผิด (ยอมให้ต่างได้ไม่เกิน 0.01)",
                )
            )
        for code, value in stated.tools.items():
            if code not in c.tools:
                errors.append(
                    y.doc.error(("stated", "tools", code), f"ไม่มีเครื่องมือ {code} ในหลักเกณฑ์ของปีนี้", f"หนึ่งใน {list(c.tools)}")
                )
            elif differs(value, c.tools[code]):
                errors.append(
                    y.doc.error(
                        ("stated", "tools", code),
                        f"คะแนน {code} ที่ระบุ {value:.2f} ไม่ตรงกับที่คำนวณ {round2(c.tools[code]):.2f} "
                        f"(stated {value:.2f}, computed {round2(c.tools[code]):.2f})",
                        "แก้ให้ตรงกับค่าเฉลี่ยของตัวชี้วัดในเครื่องมือนั้น",
                    )
                )
        if stated.level is not None and stated.level != c.level:
            errors.append(
                y.doc.error(
                    ("stated", "level"),
                    f"ระดับที่ระบุ '{stated.level}' ไม่ตรงกับระดับตามหลักเกณฑ์ '{c.level}' (stated level differs)",
                    f"'{c.level}' หรือแก้เกณฑ์ levels ใน data/methodology/{y.model.methodology}.yml",
                )
            )
    return errors
