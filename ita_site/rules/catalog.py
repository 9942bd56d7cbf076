"""Rules on the catalog of indicators and the methodologies."""

from __future__ import annotations

from ..errors import DataError
from ..inputs.loader import DataSet
from ..inputs.suggest import close_number


def methodology_indicators_known(data: DataSet) -> list[DataError]:
    errors = []
    for m in data.methodologies.values():
        seen: set[int] = set()
        for i, number in enumerate(m.model.indicators):
            if number not in data.indicators and not data.is_unread("indicators", number):
                errors.append(
                    m.doc.error(
                        ("indicators", i),
                        f"ตัวชี้วัดที่ {number} ไม่มีในแคตตาล็อก (unknown indicator)",
                        f"หมายเลขที่มีไฟล์ใน data/indicators/: {sorted(data.indicators)}",
                        suggestion=close_number(number, [n for n in data.indicators if n not in m.model.indicators]),
                    )
                )
            if number in seen:
                errors.append(m.doc.error(("indicators", i), f"ตัวชี้วัดที่ {number} ซ้ำ (duplicate)", "แต่ละหมายเลขครั้งเดียว"))
            seen.add(number)
        codes = [t.code for t in m.model.tools]
        for i, code in enumerate(codes):
            if codes.index(code) != i:
                errors.append(m.doc.error(("tools", i, "code"), f"เครื่องมือ {code} ซ้ำ (duplicate)", "แต่ละเครื่องมือครั้งเดียว"))
        weight = round(sum(t.weight for t in m.model.tools), 6)
        if weight != 1:
            errors.append(m.doc.error(("tools",), f"น้ำหนักรวมของเครื่องมือเป็น {weight} (weights do not sum to 1)", "ผลรวม weight = 1"))
    return errors


def every_tool_has_indicators(data: DataSet) -> list[DataError]:
    errors = []
    for m in data.methodologies.values():
        if any(data.is_unread("indicators", n) for n in m.model.indicators):
            continue  # an indicator file has its own error: the tools cannot be told apart
        tools = {t.code for t in m.model.tools}
        for i, tool in enumerate(m.model.tools):
            members = [n for n in m.model.indicators if n in data.indicators and data.indicators[n].model.tool == tool.code]
            if not members and not any(data.is_unread("indicators", n) for n in m.model.indicators):
                errors.append(
                    m.doc.error(("tools", i), f"เครื่องมือ {tool.code} ไม่มีตัวชี้วัดใดในปีนี้", "ตัวชี้วัดอย่างน้อยหนึ่งตัวที่มี tool นี้")
                )
        for i, number in enumerate(m.model.indicators):
            ind = data.indicators.get(number)
            if ind and ind.model.tool not in tools:
                errors.append(
                    m.doc.error(
                        ("indicators", i),
                        f"ตัวชี้วัดที่ {number} เป็นของเครื่องมือ {ind.model.tool} ซึ่งไม่มีใน tools",
                        f"เพิ่ม {ind.model.tool} ใน tools หรือเอาตัวชี้วัดนี้ออก",
                    )
                )
    return errors


def levels_cover_every_total(data: DataSet) -> list[DataError]:
    """The last level must always apply (min_total 0, no tool minimum): every result has a level."""
    errors = []
    for m in data.methodologies.values():
        last = m.model.levels[-1]
        if last.min_total != 0 or last.min_each_tool is not None:
            errors.append(
                m.doc.error(
                    ("levels", len(m.model.levels) - 1),
                    f"ระดับสุดท้าย '{last.name}' ไม่ครอบคลุมทุกคะแนน",
                    "ระดับสุดท้ายเป็น min_total: 0 และไม่มี min_each_tool",
                )
            )
        totals = [level.min_total for level in m.model.levels]
        if totals != sorted(totals, reverse=True):
            errors.append(m.doc.error(("levels",), "ระดับต้องเรียงจากสูงไปต่ำ", "min_total ลดลงตามลำดับ"))
    return errors
