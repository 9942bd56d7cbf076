"""Rules on the progress files (``data/progress/<พ.ศ.>.yml``): each tracked action names a row
of the year's action table, has a known status, a period and dated updates inside the
fiscal year of the plan and not after the build date, and evidence that can be opened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import fiscal_year_end, fiscal_year_start, fmt_date
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


# what a date is, in the messages (also the labels of the editor's date checks)
DATE_WHAT = {"start": "วันที่เริ่ม", "end": "วันที่สิ้นสุด", "date": "รายงานวันที่"}


def outside_fiscal_year(
    what: str, day: str, plan_year: object, first_th: str, last_th: str, first: str, last: str
) -> tuple[str, str]:
    """(problem, expected) of a date outside the plan year; also the editor's form message
    (``ita_site.editor`` fills the same text in the browser)."""
    return (
        f"{what} {day} อยู่นอกปีงบประมาณ {plan_year} ({first_th} – {last_th}) (outside the fiscal year)",
        f"วันที่ระหว่าง {first} ถึง {last}",
    )


def _thai_date(day: date) -> str:
    return fmt_date(day, labels()["months"])


def progress_files(data: DataSet) -> list[DataError]:
    errors: list[DataError] = []
    referenced: set[str] = set()
    for year, p in data.progress.items():
        check = _ProgressFile.of(data, year, p.doc, p.model, errors, referenced)
        seen: set[tuple[int, str]] = set()
        for i, action in enumerate(p.model.actions):
            check.action(("actions", i), action, seen)
    errors += _unused_evidence(data, referenced)
    return errors


@dataclass
class _ProgressFile:
    """The checks of one progress file: its plan year's window, the year's action table."""

    data: DataSet
    doc: Any
    model: Any
    actions: Any  # the year's action table (Parsed), or None
    first: date | None  # the plan year's first and last day (None: a wrong plan_year)
    last: date | None
    errors: list[DataError]
    referenced: set[str]  # evidence files named so far

    @classmethod
    def of(cls, data: DataSet, year: int, doc, model, errors: list[DataError], referenced: set[str]) -> _ProgressFile:
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
        actions = data.actions.get(year)
        if actions is None:
            errors.append(
                doc.error(
                    ("fiscal_year",),
                    f"ไม่มีตาราง ๗ ประเด็นของปี {year} (data/actions/{year}.yml) ให้ติดตามความคืบหน้า",
                    f"สร้าง actions/{year}.yml ก่อน หรือแก้ fiscal_year",
                )
            )
        return cls(data, doc, model, actions, first, last, errors, referenced)

    @property
    def issues(self) -> dict:
        return {issue.number: issue for issue in self.actions.model.issues} if self.actions else {}

    def within(self, path, day: date, what: str) -> None:
        """An error when `day` is a Buddhist-era date or lies outside the plan year."""
        be = be_year(self.doc, path, day)
        if be is not None:
            self.errors.append(be)
        elif self.first and not self.first <= day <= self.last:
            self.errors.append(
                self.doc.error(
                    path,
                    *outside_fiscal_year(
                        what, day.isoformat(), self.model.plan_year, _thai_date(self.first), _thai_date(self.last),
                        self.first.isoformat(), self.last.isoformat(),
                    ),
                )
            )

    def action(self, at: tuple, action, seen: set[tuple[int, str]]) -> None:
        self._row(at, action, seen)
        self._status(at, action)
        for key_ in ("start", "end"):
            day = getattr(action, key_)
            if day is not None:
                self.within((*at, key_), day, DATE_WHAT[key_])
        if action.start and action.end and action.start > action.end:
            self.errors.append(
                self.doc.error(
                    (*at, "end"),
                    f"วันสิ้นสุด {action.end.isoformat()} มาก่อนวันเริ่ม {action.start.isoformat()}",
                    "end ไม่ก่อน start",
                )
            )
        for j, update in enumerate(action.updates):
            self._update((*at, "updates", j), update)

    def _row(self, at: tuple, action, seen: set[tuple[int, str]]) -> None:
        """The action names a row of the year's action table, once."""
        doc, issues = self.doc, self.issues
        if self.actions is not None and action.issue not in issues:
            self.errors.append(
                doc.error(
                    (*at, "issue"),
                    f"ไม่มีประเด็นที่ {action.issue} ใน {self.actions.doc.file} (unknown issue)",
                    f"หนึ่งใน {sorted(issues)}",
                )
            )
        elif self.actions is not None and action.question not in {r.question for r in issues[action.issue].rows}:
            other = {row.question: issue.number for issue in issues.values() for row in issue.rows}.get(action.question)
            self.errors.append(
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
            self.errors.append(
                doc.error(
                    (*at, "question"),
                    f"ประเด็นที่ {action.issue} ข้อ {action.question} มีสองรายการ (duplicate)",
                    "หนึ่งรายการต่อข้อ: รวมความคืบหน้าไว้ใน updates ของรายการเดียว",
                )
            )
        seen.add(key)

    def _status(self, at: tuple, action) -> None:
        if action.status not in STATUSES:
            self.errors.append(
                self.doc.error((*at, "status"), f"สถานะ '{action.status}' ใช้ไม่ได้ (unknown status)", f"หนึ่งใน {_statuses()}")
            )
        elif action.status == "done" and not action.updates:
            self.errors.append(
                self.doc.error(
                    (*at, "status"),
                    f"ประเด็นที่ {action.issue} ข้อ {action.question} แจ้งว่าดำเนินการแล้วเสร็จ แต่ไม่มีรายงานความคืบหน้า (done without any update)",
                    "เพิ่ม updates: อย่างน้อยหนึ่งรายการ บอกวันที่และสิ่งที่ทำเสร็จ",
                )
            )

    def _update(self, at: tuple, update) -> None:
        """An update is dated inside the plan year, not after the build date; its evidence opens."""
        doc, build_date = self.doc, self.data.build_date
        path = (*at, "date")
        before = len(self.errors)
        self.within(path, update.date, DATE_WHAT["date"])
        if len(self.errors) == before and build_date and update.date > build_date:
            self.errors.append(
                doc.error(
                    path,
                    f"รายงานวันที่ {update.date.isoformat()} อยู่หลังวันที่สร้างเว็บไซต์ {build_date.isoformat()} (update in the future)",
                    "วันที่ที่ทำจริง ไม่เกินวันนี้",
                )
            )
        for k, text in enumerate(update.evidence):
            where = (*at, "evidence", k)
            found, problem = read_evidence(text)
            if found is None:
                self.errors.append(doc.error(where, f"หลักฐาน '{text}': {problem}", evidence_hint()))
            elif found.kind == "file":
                if found.target not in self.data.evidence:
                    self.errors.append(
                        doc.error(
                            where,
                            f"ไม่พบไฟล์หลักฐาน data/{found.target} (file not found)",
                            "วางไฟล์ไว้ใน data/evidence/ ก่อน แล้วเขียนชื่อให้ตรง (ตัวพิมพ์เล็ก/ใหญ่ตรงกัน)",
                        )
                    )
                self.referenced.add(found.target)


def _unused_evidence(data: DataSet, referenced: set[str]) -> list[DataError]:
    """Evidence files neither a progress report nor an OIT disclosure names (only when every
    such file was read: a file with errors could not say which evidence it uses)."""
    progress_dir = data.root / "progress"
    all_read = len(data.progress) == len(list(progress_dir.glob("*.yml"))) if progress_dir.is_dir() else True
    disclosed = disclosures.evidence_used(data)  # OIT disclosures publish evidence files too
    if not all_read or disclosed is None:
        return []
    used = referenced | disclosed
    return [
        DataError(
            shown(path, data.root),
            1,
            1,
            "ไฟล์หลักฐานนี้ไม่มีรายงานความคืบหน้าใดอ้างถึง: เว็บไซต์จะไม่แสดง (unused evidence file)",
            f"อ้างถึงใน evidence: ของรายงานใน data/progress/ หรือ link: ใน data/disclosures/ เป็น {name} หรือลบไฟล์ออก",
        )
        for name, path in sorted(data.evidence.items())
        if name not in used
    ]
