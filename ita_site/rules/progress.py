"""Rules on the progress files (``data/progress/<พ.ศ.>.yml``): each tracked action names a row
of the year's action table, has a known status, a period and dated updates inside the
fiscal year of the plan and not after the build date, and evidence that can be opened."""

from __future__ import annotations

from datetime import date

from ..thai import fmt_date
from ..dates import fiscal_year_end, fiscal_year_start
from ..errors import DataError
from ..evidence import read_evidence
from ..inputs.loader import DataSet, shown
from ..model.files import STATUSES
from ..wording import labels
from . import disclosures
from .shared import be_year, evidence_hint


def _statuses() -> str:
    words = labels()["status"]
    return ", ".join(f"{code} ({words[code]})" for code in STATUSES)


def _thai_date(day: date) -> str:
    return fmt_date(day, labels()["months"])


def progress_files(data: DataSet) -> list[DataError]:
    errors: list[DataError] = []
    referenced: set[str] = set()
    for year, p in data.progress.items():
        doc, model = p.doc, p.model
        actions = data.actions.get(year)
        if model.plan_year not in (year, year + 1):
            errors.append(
                doc.error(
                    ("plan_year",),
                    f"ปีงบประมาณที่ดำเนินการ {model.plan_year} ไม่ตรงกับแผนของผลการประเมินปี {year}",
                    f"plan_year: {year + 1} (ปีถัดจากปีที่ประเมิน) หรือ {year}",
                )
            )
            first, last = None, None
        else:
            first, last = fiscal_year_start(model.plan_year), fiscal_year_end(model.plan_year)
        if actions is None:
            errors.append(
                doc.error(
                    ("fiscal_year",),
                    f"ไม่มีตาราง ๗ ประเด็นของปี {year} (data/actions/{year}.yml) ให้ติดตามความคืบหน้า",
                    f"สร้าง actions/{year}.yml ก่อน หรือแก้ fiscal_year",
                )
            )
        issues = {issue.number: issue for issue in actions.model.issues} if actions else {}
        where_is = {row.question: issue.number for issue in issues.values() for row in issue.rows}
        seen: set[tuple[int, str]] = set()
        in_year = f"ปีงบประมาณ {model.plan_year}" + (
            f" ({_thai_date(first)} – {_thai_date(last)})" if first else ""
        )

        def within(path, day: date, what: str) -> None:
            be = be_year(doc, path, day)
            if be is not None:
                errors.append(be)
            elif first and not first <= day <= last:
                errors.append(
                    doc.error(
                        path,
                        f"{what} {day.isoformat()} อยู่นอก{in_year} (outside the fiscal year)",
                        f"วันที่ระหว่าง {first.isoformat()} ถึง {last.isoformat()}",
                    )
                )

        for i, action in enumerate(model.actions):
            at = ("actions", i)
            if actions is not None and action.issue not in issues:
                errors.append(
                    doc.error(
                        (*at, "issue"),
                        f"ไม่มีประเด็นที่ {action.issue} ใน {actions.doc.file} (unknown issue)",
                        f"หนึ่งใน {sorted(issues)}",
                    )
                )
            elif actions is not None and action.question not in {r.question for r in issues[action.issue].rows}:
                other = where_is.get(action.question)
                errors.append(
                    doc.error(
                        (*at, "question"),
                        f"ข้อ {action.question} ไม่มีในตารางของประเด็นที่ {action.issue} (unknown question)",
                        f"ข้อ {action.question} อยู่ในประเด็นที่ {other}: issue: {other}"
                        if other
                        else f"หนึ่งใน {[r.question for r in issues[action.issue].rows]}",
                    )
                )
            key = (action.issue, action.question)
            if key in seen:
                errors.append(
                    doc.error(
                        (*at, "question"),
                        f"ประเด็นที่ {action.issue} ข้อ {action.question} มีสองรายการ (duplicate)",
                        "หนึ่งรายการต่อข้อ: รวมความคืบหน้าไว้ใน updates ของรายการเดียว",
                    )
                )
            seen.add(key)
            if action.status not in STATUSES:
                errors.append(
                    doc.error(
                        (*at, "status"),
                        f"สถานะ '{action.status}' ใช้ไม่ได้ (unknown status)",
                        f"หนึ่งใน {_statuses()}",
                    )
                )
            elif action.status == "done" and not action.updates:
                errors.append(
                    doc.error(
                        (*at, "status"),
                        f"ประเด็นที่ {action.issue} ข้อ {action.question} แจ้งว่าดำเนินการแล้วเสร็จ แต่ไม่มีรายงานความคืบหน้า (done without any update)",
                        "เพิ่ม updates: อย่างน้อยหนึ่งรายการ บอกวันที่และสิ่งที่ทำเสร็จ",
                    )
                )
            for key_ in ("start", "end"):
                day = getattr(action, key_)
                if day is not None:
                    within((*at, key_), day, "วันที่" + ("เริ่ม" if key_ == "start" else "สิ้นสุด"))
            if action.start and action.end and action.start > action.end:
                errors.append(
                    doc.error(
                        (*at, "end"),
                        f"วันสิ้นสุด {action.end.isoformat()} มาก่อนวันเริ่ม {action.start.isoformat()}",
                        "end ไม่ก่อน start",
                    )
                )
            for j, update in enumerate(action.updates):
                path = (*at, "updates", j, "date")
                before = len(errors)
                within(path, update.date, "รายงานวันที่")
                if len(errors) == before and data.build_date and update.date > data.build_date:
                    errors.append(
                        doc.error(
                            path,
                            f"รายงานวันที่ {update.date.isoformat()} อยู่หลังวันที่สร้างเว็บไซต์ {data.build_date.isoformat()} (update in the future)",
                            "วันที่ที่ทำจริง ไม่เกินวันนี้",
                        )
                    )
                for k, text in enumerate(update.evidence):
                    where = (*at, "updates", j, "evidence", k)
                    found, problem = read_evidence(text)
                    if found is None:
                        errors.append(doc.error(where, f"หลักฐาน '{text}': {problem}", evidence_hint()))
                    elif found.kind == "file":
                        if found.target not in data.evidence:
                            errors.append(
                                doc.error(
                                    where,
                                    f"ไม่พบไฟล์หลักฐาน data/{found.target} (file not found)",
                                    "วางไฟล์ไว้ใน data/evidence/ ก่อน แล้วเขียนชื่อให้ตรง (ตัวพิมพ์เล็ก/ใหญ่ตรงกัน)",
                                )
                            )
                        referenced.add(found.target)
    progress_dir = data.root / "progress"
    all_read = len(data.progress) == len(list(progress_dir.glob("*.yml"))) if progress_dir.is_dir() else True
    disclosed = disclosures.evidence_used(data)  # OIT disclosures publish evidence files too
    if all_read and disclosed is not None:  # a file with errors could not say which evidence it uses
        referenced |= disclosed
        for name, path in sorted(data.evidence.items()):
            if name not in referenced:
                errors.append(
                    DataError(
                        shown(path, data.root),
                        1,
                        1,
                        "ไฟล์หลักฐานนี้ไม่มีรายงานความคืบหน้าใดอ้างถึง: เว็บไซต์จะไม่แสดง (unused evidence file)",
                        f"อ้างถึงใน evidence: ของรายงานใน data/progress/ หรือ link: ใน data/disclosures/ เป็น {name} หรือลบไฟล์ออก",
                    )
                )
    return errors
