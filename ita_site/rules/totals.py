"""Rules on each year's result: scores of the methodology's indicators, named as in the catalog,
ranks that say their group, at least one figure, and stated figures that add up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..errors import WARNING, DataError
from ..inputs.loader import DataSet
from ..inputs.suggest import close_number, did_you_mean
from ..scoring import Result, compute, differs, exact, level_from, members, result, round2


def year_methodology_known(data: DataSet) -> list[DataError]:
    return [
        y.doc.error(
            ("methodology",),
            f"ไม่พบหลักเกณฑ์ '{y.model.methodology}' (unknown methodology)",
            f"หนึ่งใน {sorted(data.methodologies)} (ไฟล์ใน data/methodology/)",
            suggestion=did_you_mean(y.model.methodology, data.methodologies) or "",
        )
        for y in data.years.values()
        if y.model.methodology not in data.methodologies and not data.is_unread("methodology", y.model.methodology)
    ]


def scores_in_methodology(data: DataSet) -> list[DataError]:
    """Each score names an indicator of the year's methodology, once. An indicator left out is
    not an error: the agency did not publish its score (``scoring.Result``)."""
    errors = []
    for y in data.years.values():
        m = data.methodologies.get(y.model.methodology)
        wanted = m.model.indicators if m else sorted(data.indicators)
        given = {e.indicator for e in y.model.scores}
        missing = [n for n in wanted if n not in given]
        seen: set[int] = set()
        for i, entry in enumerate(y.model.scores):
            n = entry.indicator
            if n in seen:
                errors.append(
                    y.doc.error(
                        ("scores", i, "indicator"),
                        f"ตัวชี้วัดที่ {n} ซ้ำ (duplicate)",
                        "แต่ละตัวชี้วัดครั้งเดียว",
                        suggestion=close_number(n, missing),
                    )
                )
            elif n not in wanted:
                errors.append(
                    y.doc.error(
                        ("scores", i, "indicator"),
                        f"ตัวชี้วัดที่ {n} ไม่อยู่ในหลักเกณฑ์ของปีนี้ (unknown indicator)",
                        f"หนึ่งใน {list(wanted)}",
                        suggestion=close_number(n, missing),
                    )
                )
            seen.add(n)
    return errors


NO_FIGURE = "ปี {year} ไม่มีตัวเลขผลการประเมินเลย (no figure)"
NO_FIGURE_HOW = (
    "อย่างน้อยหนึ่งค่าที่หน่วยงานมี: stated.total (คะแนนรวม), stated.level (ระดับ), stated.tools (คะแนนรายเครื่องมือ) "
    "หรือคะแนนใน scores (ดู data/README.md: ปีที่มีข้อมูลไม่ครบ)"
)


def year_has_a_figure(data: DataSet) -> list[DataError]:
    """A year file holds at least one figure of the result (or a blank to fill in): a file
    with only a rank, or with nothing, is a mistake, not a partial year."""
    errors = []
    for year, y in data.years.items():
        stated = y.model.stated
        if stated.level is not None or stated.tools or "total" in stated.model_fields_set:
            continue
        if any(e.score is not None or "score" in e.model_fields_set for e in y.model.scores):
            continue
        errors.append(y.doc.error(("fiscal_year",), NO_FIGURE.format(year=year), NO_FIGURE_HOW))
    return errors


def ranks_readable(data: DataSet) -> list[DataError]:
    """Each rank says which group it is in (``among`` or ``group``) and is within its "out of"."""
    errors = []
    for y in data.years.values():
        many = isinstance(y.model.rank, list)
        for i, rank in enumerate(y.model.ranks()):
            at = ("rank", i) if many else ("rank",)
            if rank.among is None and rank.group is None:
                errors.append(
                    y.doc.error(
                        at,
                        "ลำดับนี้ไม่ได้บอกว่าเป็นลำดับในกลุ่มใด (rank without a group)",
                        "among: ชื่อกลุ่มตามที่ ป.ป.ช. ประกาศ หรือ group: type, province หรือ district",
                    )
                )
            if rank.group == "district" and data.organization is not None and data.organization.model.district is None:
                errors.append(
                    y.doc.error(
                        (*at, "group"),
                        "ลำดับในกลุ่มอำเภอ แต่ organization.yml ไม่ได้ระบุอำเภอ (group: district without a district)",
                        "เพิ่ม district: ในไฟล์ organization.yml หรือเขียนชื่อกลุ่มเองด้วย among:",
                    )
                )
            if rank.of is not None and rank.position > rank.of:
                errors.append(
                    y.doc.error(
                        (*at, "position"),
                        f"ลำดับที่ {rank.position} มากกว่าจำนวนทั้งหมด {rank.of} (position above 'of')",
                        "position ไม่เกิน of",
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


def _catalog(data: DataSet, year: int):
    """The methodology of `year` and the catalog, or None while either has errors."""
    y = data.years[year]
    m = data.methodologies.get(y.model.methodology)
    if m is None or any(n not in data.indicators for n in m.model.indicators):
        return None
    catalog = {n: p.model for n, p in data.indicators.items()}
    if any(not any(catalog[n].tool == t.code for n in m.model.indicators) for t in m.model.tools):
        return None
    return m.model, catalog


def computable(data: DataSet, year: int):
    """The figures computed from every indicator score of `year`, or None when a score is not
    published or still to fill in, or while its rules have errors."""
    found = _catalog(data, year)
    if found is None:
        return None
    m, catalog = found
    scores = {e.indicator: e.score for e in data.years[year].model.scores}
    if any(scores.get(n) is None for n in m.indicators):
        return None
    return compute(scores, m, catalog)


def year_result(data: DataSet, year: int) -> Result | None:
    """What is known of the result of `year` (``scoring.Result``), or None while its
    methodology or the catalog has errors."""
    found = _catalog(data, year)
    if found is None:
        return None
    m, catalog = found
    y = data.years[year].model
    scores = {e.indicator: e.score for e in y.scores}
    stated_tools = {k: v for k, v in y.stated.tools.items() if k in {t.code for t in m.tools}}
    return result(scores, y.stated.total, y.stated.level, stated_tools, m, catalog)


def _differs_total(y, stated: float, computed, how: str) -> DataError:
    return y.doc.error(
        ("stated", "total"),
        f"คะแนนรวมที่ระบุ {stated:.2f} ไม่ตรงกับที่คำนวณจาก{how} {round2(computed):.2f} "
        f"(stated {stated:.2f}, computed {round2(computed):.2f})",
        "แก้คะแนนรวม หรือแก้คะแนนที่พิมพ์ผิด (ยอมให้ต่างได้ไม่เกิน 0.01)",
    )


def stated_figures_match_computed(data: DataSet) -> list[DataError]:
    """Every stated figure that the published scores allow to compute is checked: the total and
    level when all indicator scores are published; a tool score when its indicators are; the
    total against the tool scores when every tool score is known. A stated level must be a
    level of the methodology; one that differs from the level of the stated total (which the
    scores cannot confirm) is a warning: the NACC's announcement is the official result."""
    errors = []
    for year, y in data.years.items():
        found = _catalog(data, year)
        if found is None:
            continue
        m, catalog = found
        stated = y.model.stated
        c = computable(data, year)
        r = year_result(data, year)
        tool_codes = [t.code for t in m.tools]
        if c is not None and stated.total is not None and differs(stated.total, c.total):
            errors.append(_differs_total(y, stated.total, c.total, "คะแนนรายตัวชี้วัด"))
        scores = {e.indicator: e.score for e in y.model.scores if e.score is not None}
        for code, value in stated.tools.items():
            numbers = members(m, catalog).get(code)
            if numbers is None:
                errors.append(
                    y.doc.error(
                        ("stated", "tools", code),
                        f"ไม่มีเครื่องมือ {code} ในหลักเกณฑ์ของปีนี้",
                        f"หนึ่งใน {tool_codes}",
                        at_key=True,
                        suggestion=did_you_mean(code, tool_codes) or "",
                    )
                )
            elif all(n in scores for n in numbers):
                mean = sum((exact(scores[n]) for n in numbers), Fraction(0)) / len(numbers)
                if differs(value, mean):
                    errors.append(
                        y.doc.error(
                            ("stated", "tools", code),
                            f"คะแนน {code} ที่ระบุ {value:.2f} ไม่ตรงกับที่คำนวณ {round2(mean):.2f} "
                            f"(stated {value:.2f}, computed {round2(mean):.2f})",
                            "แก้ให้ตรงกับค่าเฉลี่ยของตัวชี้วัดในเครื่องมือนั้น",
                        )
                    )
        if c is None and r is not None and stated.total is not None and set(r.tools) == set(tool_codes):
            weighted = sum((Fraction(Decimal(repr(t.weight))) * exact(r.tools[t.code]) for t in m.tools), Fraction(0))
            if differs(stated.total, weighted):
                errors.append(_differs_total(y, stated.total, weighted, "คะแนนรายเครื่องมือ"))
        if stated.level is None:
            continue
        names = [level.name for level in m.levels]
        if stated.level not in names:
            errors.append(
                y.doc.error(
                    ("stated", "level"),
                    f"ไม่มีระดับ '{stated.level}' ในหลักเกณฑ์ {m.id} (unknown level)",
                    f"หนึ่งใน {', '.join(names)}",
                    suggestion=did_you_mean(stated.level, names) or "",
                )
            )
        elif c is not None and stated.level != c.level:
            errors.append(
                y.doc.error(
                    ("stated", "level"),
                    f"ระดับที่ระบุ '{stated.level}' ไม่ตรงกับระดับตามหลักเกณฑ์ '{c.level}' (stated level differs)",
                    f"'{c.level}' หรือแก้เกณฑ์ levels ใน data/methodology/{y.model.methodology}.yml",
                )
            )
        elif c is None and r is not None and stated.total is not None:
            expected = level_from(stated.total, r.tools, m)
            if expected is not None and expected != stated.level:
                errors.append(
                    y.doc.error(
                        ("stated", "level"),
                        f"ระดับที่ระบุ '{stated.level}' ไม่ตรงกับระดับของคะแนนรวม {stated.total:.2f} ตามหลักเกณฑ์ {m.id} "
                        f"'{expected}' (stated level differs from the stated total)",
                        f"ตรวจกับประกาศของ ป.ป.ช. อีกครั้ง: เว็บไซต์แสดงระดับ '{stated.level}' ตามที่ระบุ",
                        kind=WARNING,
                    )
                )
    return errors
