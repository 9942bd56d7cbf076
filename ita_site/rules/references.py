"""Rules on codes: every question, action row, recommendation and citation names a known code."""

from __future__ import annotations

import re

from ..citations import cited_codes
from ..errors import DataError
from ..inputs.loader import DataSet

PREFIX_TOOL = {"I": {"IIT"}, "E": {"EIT"}, "EP": {"EIT Public"}, "ES": {"EIT Survey"}, "O": {"OIT"}}


def _prefix(code: str) -> str:
    return re.match(r"[A-Z]+", code).group(0)


def question_catalog(data: DataSet) -> list[DataError]:
    errors = []
    for year, q in data.questions.items():
        seen: set[str] = set()
        for i, question in enumerate(q.model.questions):
            if question.code in seen:
                errors.append(q.doc.error(("questions", i, "code"), f"รหัส {question.code} ซ้ำ (duplicate)", "แต่ละรหัสครั้งเดียว"))
            seen.add(question.code)
            if question.tool not in PREFIX_TOOL[_prefix(question.code)]:
                errors.append(
                    q.doc.error(
                        ("questions", i, "tool"),
                        f"รหัส {question.code} ไม่ใช่ของเครื่องมือ {question.tool}",
                        f"tool: {sorted(PREFIX_TOOL[_prefix(question.code)])[0]}",
                    )
                )
            if question.indicator not in data.indicators and not data.broken("indicators", question.indicator):
                errors.append(
                    q.doc.error(
                        ("questions", i, "indicator"),
                        f"ตัวชี้วัดที่ {question.indicator} ไม่มีในแคตตาล็อก (unknown indicator)",
                        f"หนึ่งใน {sorted(data.indicators)}",
                    )
                )
    return errors


def _codes(data: DataSet, year: int) -> dict[str, object] | None:
    """The question codes of `year`; None when its questions file has errors (then unknown
    codes are not reported: the file's own errors are)."""
    if data.broken("questions", year):
        return None
    q = data.questions.get(year)
    return {x.code: x for x in q.model.questions} if q else {}


def _unknown(doc, path, code: str, year: int, what: str) -> DataError:
    return doc.error(
        path,
        f"{what} {code} ไม่มีในรายการข้อคำถามของปี {year} (unknown question code)",
        f"เพิ่ม {code} ใน data/questions/{year}.yml หรือแก้รหัสให้ถูก",
    )


def action_tables(data: DataSet) -> list[DataError]:
    errors = []
    for year, a in data.actions.items():
        codes = _codes(data, year)
        numbers: set[int] = set()
        rows_seen: set[str] = set()
        for i, issue in enumerate(a.model.issues):
            if issue.number in numbers:
                errors.append(a.doc.error(("issues", i, "number"), f"ประเด็นที่ {issue.number} ซ้ำ (duplicate)", "หมายเลขไม่ซ้ำกัน"))
            numbers.add(issue.number)
            for j, row in enumerate(issue.rows):
                path = ("issues", i, "rows", j)
                if codes is not None and row.question not in codes:
                    errors.append(_unknown(a.doc, (*path, "question"), row.question, year, "รหัสข้อคำถาม"))
                if row.question in rows_seen:
                    errors.append(
                        a.doc.error((*path, "question"), f"ข้อ {row.question} มีแถวซ้ำ (duplicate)", "แต่ละข้อคำถามหนึ่งแถว")
                    )
                rows_seen.add(row.question)
                if (row.score is None) == (row.scores is None):
                    errors.append(
                        a.doc.error(
                            path,
                            "ต้องมี score หรือ scores อย่างใดอย่างหนึ่ง",
                            "score: 89.69 หรือ scores: {EIT Public: 95.36, EIT Survey: 100}",
                        )
                    )
                elif row.scores is not None and not row.question.startswith("E"):
                    errors.append(
                        a.doc.error((*path, "scores"), f"ข้อ {row.question} ไม่ใช่ข้อของ EIT", "ใช้ score: (คะแนนเดียว)")
                    )
                elif row.scores is not None and not row.scores:
                    errors.append(a.doc.error((*path, "scores"), "scores ว่างเปล่า", "EIT Public และ/หรือ EIT Survey"))
    return errors


def recommendations(data: DataSet) -> list[DataError]:
    errors = []
    for year, r in data.recommendations.items():
        codes = _codes(data, year)
        ids: set[str] = set()
        for i, section in enumerate(r.model.sections):
            for j, item in enumerate(section.items):
                path = ("sections", i, "items", j)
                if item.id in ids:
                    errors.append(r.doc.error((*path, "id"), f"id {item.id} ซ้ำ (duplicate)", "แต่ละข้อเสนอแนะมี id ไม่ซ้ำ"))
                ids.add(item.id)
                if codes is not None and re.fullmatch(r"(EP|ES|E|I|O)[0-9]+", item.id) and item.id not in codes:
                    errors.append(_unknown(r.doc, (*path, "id"), item.id, year, "ข้อเสนอแนะข้อ"))
                for k, number in enumerate(item.indicators):
                    if number not in data.indicators and not data.broken("indicators", number):
                        errors.append(
                            r.doc.error(
                                (*path, "indicators", k),
                                f"ตัวชี้วัดที่ {number} ไม่มีในแคตตาล็อก (unknown indicator)",
                                f"หนึ่งใน {sorted(data.indicators)}",
                            )
                        )
                for code in cited_codes(item.text):
                    if codes is not None and code not in codes:
                        errors.append(_unknown(r.doc, (*path, "text"), code, year, "การอ้างอิง (อ้างอิงจาก)"))
            for code in cited_codes(section.intro or ""):
                if codes is not None and code not in codes:
                    errors.append(_unknown(r.doc, ("sections", i, "intro"), code, year, "การอ้างอิง (อ้างอิงจาก)"))
    return errors


def narrative_citations(data: DataSet) -> list[DataError]:
    """Citations in a year's hand-written prose name codes of that year's catalog."""
    errors = []
    for year, y in data.years.items():
        codes = _codes(data, year)
        for path, text in y.model.narrative.texts():
            for code in cited_codes(text):
                if codes is not None and code not in codes:
                    errors.append(_unknown(y.doc, path, code, year, "การอ้างอิง (อ้างอิงจาก)"))
    return errors
