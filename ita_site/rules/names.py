"""Rule: hand-written text names no other agency, district or province than organization.yml's.

A fork that replaces ``organization.yml`` but keeps the previous agency's prose would publish
that agency's name under its own header. The narrative, the analysis paragraphs, the action
tables, the recommendations, the progress reports and ``prepared_by`` are read for
"<agency type><name>", "อบต.<name>" (and ทต., ทม., ทน.), "อำเภอ<name>", "จังหวัด<one of the 77
provinces>" and the names this project published before (``templates/places.yml``); one that
is not the agency's own is a *warning* with its file and line: the build goes on, since the
text may mean another agency on purpose.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import WARNING, DataError
from ..inputs.loader import DataSet, Parsed
from ..model.files import Organization
from ..wording import places

NAME = "[\u0e01-\u0e4e]+"  # a run of Thai letters and marks (no digits, no space)
PROBLEM = "ข้อความกล่าวถึง{what} '{name}' ซึ่งไม่ใช่{own} ใน organization.yml (another agency's name?)"
HOW = "แก้เป็นชื่อของหน่วยงานนี้ หรือลบข้อความนั้นเพื่อใช้ข้อความที่ระบบเขียนให้ (ถ้าตั้งใจกล่าวถึงหน่วยงานอื่น ไม่ต้องแก้)"


@dataclass(frozen=True)
class Mention:
    start: int
    name: str  # as written, with its prefix ("อำเภอนาแก")
    what: str  # "หน่วยงาน" | "อำเภอ" | "จังหวัด"
    known: bool = False  # one of places.yml's known names (reported in preference to a pattern's)


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = places()
    agency = "|".join(map(re.escape, words["agency_prefixes"]))
    short = "|".join(map(re.escape, words["abbreviations"]))
    agencies = re.compile(f"(?:{agency}|{short})(?={NAME})")
    district = re.compile(re.escape(words["district_prefix"]) + f"(?={NAME})")
    province = re.compile(re.escape(words["province_prefix"]))
    return agencies, district, province


def _name_after(text: str, at: int) -> str:
    """The name that starts at `at`: Thai letters up to a space, punctuation or the next part of
    an address ("นาแกจังหวัดนครพนม" -> "นาแก")."""
    run = re.match(NAME, text[at:])
    name = run.group(0) if run else ""
    for end in places()["name_ends"]:
        cut = name.find(end, 1)
        if cut > 0:
            name = name[:cut]
    return name[:30]


def mentions(text: str) -> Iterator[Mention]:
    """Every agency, district and province named in `text`, own or not."""
    words = places()
    agencies, district, province = _patterns()
    not_names = tuple(words["not_names"])
    for what, pattern in (("หน่วยงาน", agencies), ("อำเภอ", district)):
        for m in pattern.finditer(text):
            name = _name_after(text, m.end())
            if name and not name.startswith(not_names):
                yield Mention(m.start(), m.group(0) + name, what)
    for m in province.finditer(text):
        rest = text[m.end() :]
        found = max((p for p in words["provinces"] if rest.startswith(p)), key=len, default=None)
        if found:
            yield Mention(m.start(), m.group(0) + found, "จังหวัด")
    for known in words["known_names"]:
        what = "อำเภอ" if known.startswith(words["district_prefix"]) else "จังหวัด" if known.startswith(words["province_prefix"]) else "หน่วยงาน"
        for m in re.finditer(re.escape(known), text):
            yield Mention(m.start(), known, what, known=True)


def own_names(org: Organization) -> tuple[str, ...]:
    words = places()
    district = (words["district_prefix"] + org.district,) if org.district else ()
    return (org.name, org.short_name, *district, words["province_prefix"] + org.province)


def is_own(mention: Mention, text: str, own: tuple[str, ...]) -> bool:
    """The agency's own name starts where the mention does ("อบต.พิมานได้คะแนน" for
    "อบต.พิมาน"), or a known name is a part of it ("ตำบลพิมาน" of "องค์การบริหารส่วนตำบลพิมาน")."""
    if any(text.startswith(o, mention.start) for o in own):
        return True
    return mention.known and any(mention.name.replace(" ", "") in o.replace(" ", "") for o in own)


def texts(data: DataSet) -> Iterator[tuple[Parsed, tuple, str]]:
    """Every hand-written text of `data`: (file, path in it, text)."""
    if data.organization is not None:
        yield data.organization, ("prepared_by",), data.organization.model.prepared_by
    for y in data.years.values():
        for path, text in y.model.narrative.texts():
            yield y, path, text
        for i, entry in enumerate(y.model.scores):
            if entry.analysis:
                yield y, ("scores", i, "analysis"), entry.analysis
    for a in data.actions.values():
        for i, issue in enumerate(a.model.issues):
            yield a, ("issues", i, "title"), issue.title
            for j, row in enumerate(issue.rows):
                at = ("issues", i, "rows", j)
                for key in ("practice", "responsible", "steps", "constraints"):
                    for k, text in enumerate(getattr(row, key)):
                        yield a, (*at, key, k), text
                if row.period:
                    yield a, (*at, "period"), row.period
    for r in data.recommendations.values():
        for i, section in enumerate(r.model.sections):
            yield r, ("sections", i, "title"), section.title
            if section.intro:
                yield r, ("sections", i, "intro"), section.intro
            for j, item in enumerate(section.items):
                yield r, ("sections", i, "items", j, "text"), item.text
    for p in data.progress.values():
        for i, action in enumerate(p.model.actions):
            for j, update in enumerate(action.updates):
                yield p, ("actions", i, "updates", j, "text"), update.text


def _located(parsed: Parsed, path: tuple, name: str, root: Path) -> DataError:
    """The warning at the line where `name` is written (a folded paragraph spans lines)."""
    error = parsed.doc.error(path, "", kind=WARNING)
    try:
        lines = (root.parent / parsed.doc.file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return error
    for number in range(error.line, min(len(lines), error.line + 200) + 1):
        column = lines[number - 1].find(name)
        if column >= 0:
            return DataError(error.file, number, column + 1, "", kind=WARNING)
    return error


def other_agencies(data: DataSet) -> list[DataError]:
    if data.organization is None:
        return []
    org = data.organization.model
    own = own_names(org)
    describe = {"หน่วยงาน": ("ชื่อหน่วยงาน", f"หน่วยงาน ({org.name})"), "อำเภอ": ("", f"อำเภอ ({org.district or 'ไม่ได้ระบุ'})"),
                "จังหวัด": ("", f"จังหวัด ({org.province})")}  # fmt: skip
    warnings: dict[tuple[str, int, int], DataError] = {}
    for parsed, path, text in texts(data):
        covered = -1  # a name inside one already read ("ตำบลพิมาน" in "องค์การบริหารส่วนตำบลพิมาน") is the same
        for mention in sorted(mentions(text), key=lambda m: (m.start, not m.known, -len(m.name))):
            if mention.start < covered:
                continue
            covered = mention.start + len(mention.name)
            if is_own(mention, text, own):
                continue
            at = _located(parsed, path, mention.name, data.root)
            what, own_text = describe[mention.what]
            problem = PROBLEM.format(what=what, name=mention.name, own=own_text)
            warnings.setdefault((at.file, at.line, at.column), DataError(at.file, at.line, at.column, problem, HOW, kind=WARNING))
    return list(warnings.values())
