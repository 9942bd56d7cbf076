"""Rules on the OIT items: the groups of the year's catalog (``questions/<พ.ศ.>.yml``:
``oit_groups``, ``group``, ``asks``) and the agency's disclosures (``disclosures/<พ.ศ.>.yml``).

The catalog is the NACC's list of the year; the disclosures are the agency's, kept in their
own file kind. A disclosure names an OIT code of the same year's catalog, once, with links
(http/https, or files in ``data/evidence/``) or "not applicable" with its reason. An item of
the catalog that the file does not name is not an error: the page shows it as not yet
disclosed.
"""

from __future__ import annotations

from ..errors import DataError
from ..evidence import read_evidence
from ..inputs.loader import DataSet
from ..inputs.suggest import close_code, did_you_mean
from .shared import be_year, evidence_hint

OIT_PREFIX = "O"


def _is_oit(code: str) -> bool:
    return code.startswith(OIT_PREFIX) and code[1:].isdigit()


def oit_groups(data: DataSet) -> list[DataError]:
    """The groups of each year's catalog, and the group of each OIT item."""
    errors: list[DataError] = []
    for year, q in data.questions.items():
        doc, model = q.doc, q.model
        declared: dict[int, list[str]] = {}
        for i, g in enumerate(model.oit_groups):
            ind = data.indicators.get(g.indicator)
            if ind is not None and ind.model.tool != "OIT":
                oit = sorted(n for n, p in data.indicators.items() if p.model.tool == "OIT")
                errors.append(
                    doc.error(
                        ("oit_groups", i, "indicator"),
                        f"ตัวชี้วัดที่ {g.indicator} ไม่ใช่ตัวชี้วัดของ OIT (not an OIT indicator)",
                        f"หนึ่งใน {oit}",
                    )
                )
            elif ind is None and not data.is_unread("indicators", g.indicator):
                errors.append(
                    doc.error(("oit_groups", i, "indicator"), f"ตัวชี้วัดที่ {g.indicator} ไม่มีในแคตตาล็อก (unknown indicator)", f"หนึ่งใน {sorted(data.indicators)}")
                )
            names = declared.setdefault(g.indicator, [])
            if g.name in names:
                errors.append(
                    doc.error(("oit_groups", i, "name"), f"กลุ่ม '{g.name}' ของตัวชี้วัดที่ {g.indicator} ซ้ำ (duplicate)", "แต่ละกลุ่มครั้งเดียว")
                )
            names.append(g.name)
        for i, question in enumerate(model.questions):
            for key in ("group", "asks"):
                if getattr(question, key) is not None and not _is_oit(question.code):
                    errors.append(
                        doc.error(
                            ("questions", i, key),
                            f"ข้อ {question.code} ไม่ใช่รายการ OIT: '{key}' ใช้ได้เฉพาะรายการ O... (only for OIT items)",
                            f"ลบ {key}: ออกจากข้อนี้",
                        )
                    )
            group = question.group
            if group is None or not _is_oit(question.code):
                continue
            mine = declared.get(question.indicator, [])
            if group not in mine:
                elsewhere = [n for n, names in declared.items() if group in names]
                hint = (
                    f"กลุ่ม '{group}' เป็นของตัวชี้วัดที่ {elsewhere[0]}: แก้ indicator หรือ group"
                    if elsewhere
                    else (f"หนึ่งใน {mine}" if mine else f"ประกาศกลุ่มใน oit_groups: ก่อน (indicator: {question.indicator}, name: {group})")
                )
                errors.append(
                    doc.error(
                        ("questions", i, "group"),
                        f"ไม่มีกลุ่ม '{group}' ของตัวชี้วัดที่ {question.indicator} ใน oit_groups (unknown group)",
                        hint,
                        suggestion=did_you_mean(group, mine) if mine else None,
                    )
                )
    return errors


def disclosure_files(data: DataSet) -> list[DataError]:
    errors: list[DataError] = []
    for year, d in data.disclosures.items():
        doc, model = d.doc, d.model
        if data.is_unread("questions", year):
            continue  # the catalog has its own error: its codes cannot be known
        q = data.questions.get(year)
        items = {x.code: x for x in q.model.questions if _is_oit(x.code)} if q else {}
        if not items:
            errors.append(
                doc.error(
                    ("fiscal_year",),
                    f"ไม่มีรายการ OIT (O...) ใน data/questions/{year}.yml ให้เปิดเผยข้อมูล (no OIT catalog)",
                    f"เพิ่มรายการ OIT ของปี {year} ใน questions/{year}.yml ก่อน หรือแก้ fiscal_year",
                )
            )
            continue
        seen: set[str] = set()
        for i, item in enumerate(model.items):
            at = ("items", i)
            if item.code not in items:
                errors.append(
                    doc.error(
                        (*at, "code"),
                        f"รหัส {item.code} ไม่มีในรายการ OIT ของปี {year} (unknown OIT item)",
                        f"รหัสรายการ OIT ใน data/questions/{year}.yml หรือเพิ่ม {item.code} ที่นั่นก่อน",
                        suggestion=close_code(item.code, items),
                    )
                )
            if item.code in seen:
                errors.append(
                    doc.error((*at, "code"), f"รายการ {item.code} มีสองครั้ง (duplicate)", "หนึ่งครั้งต่อรายการ: รวมลิงก์ไว้ใน links ของรายการเดียว")
                )
            seen.add(item.code)
            if item.links and item.not_applicable is not None:
                errors.append(
                    doc.error(
                        (*at, "not_applicable"),
                        f"รายการ {item.code} มีทั้งลิงก์และ not_applicable (both links and not applicable)",
                        "ใส่ links เมื่อเผยแพร่แล้ว หรือ not_applicable พร้อมเหตุผลเมื่อไม่เกี่ยวข้อง อย่างใดอย่างหนึ่ง",
                    )
                )
            targets: set[str] = set()
            for j, entry in enumerate(item.links):
                where = (*at, "links", j)
                found, problem = read_evidence(entry.link)
                if found is None:
                    errors.append(doc.error((*where, "link"), f"ลิงก์ '{entry.link}': {problem}", evidence_hint()))
                else:
                    if found.kind == "file" and found.target not in data.evidence:
                        errors.append(
                            doc.error(
                                (*where, "link"),
                                f"ไม่พบไฟล์ data/{found.target} (file not found)",
                                "วางไฟล์ไว้ใน data/evidence/ ก่อน แล้วเขียนชื่อให้ตรง (ตัวพิมพ์เล็ก/ใหญ่ตรงกัน)",
                            )
                        )
                    if found.target in targets:
                        errors.append(
                            doc.error((*where, "link"), f"ลิงก์ {found.target} ซ้ำในรายการ {item.code} (duplicate link)", "แต่ละลิงก์ครั้งเดียวต่อรายการ")
                        )
                    targets.add(found.target)
                if entry.date is not None and entry.quarter is not None:
                    errors.append(
                        doc.error((*where, "quarter"), "ใส่ทั้ง date และ quarter (both a date and a quarter)", "ใส่วันที่ หรือไตรมาส อย่างใดอย่างหนึ่ง")
                    )
                if entry.date is not None:
                    be = be_year(doc, (*where, "date"), entry.date)
                    if be is not None:
                        errors.append(be)
                    elif data.build_date and entry.date > data.build_date:
                        errors.append(
                            doc.error(
                                (*where, "date"),
                                f"วันที่ {entry.date.isoformat()} อยู่หลังวันที่สร้างเว็บไซต์ {data.build_date.isoformat()} (date in the future)",
                                "วันที่ที่เผยแพร่จริง ไม่เกินวันนี้",
                            )
                        )
    return errors


def evidence_used(data: DataSet) -> set[str] | None:
    """The files of data/evidence/ that disclosures link to; None when a disclosures file
    could not be read (it cannot say which files it uses)."""
    folder = data.root / "disclosures"
    if folder.is_dir() and len(data.disclosures) != len(list(folder.glob("*.yml"))):
        return None
    used = set()
    for d in data.disclosures.values():
        for item in d.model.items:
            for entry in item.links:
                found, _ = read_evidence(entry.link)
                if found is not None and found.kind == "file":
                    used.add(found.target)
    return used
