"""MkDocs' own warnings, said in Thai with the file and line, as the data's messages are.

The generated pages never cause these warnings (every page is in the navigation, every link
and anchor exists: ``tests/test_partial_years.py`` builds every fixture in strict mode). A clerk
can still cause them by editing the hand-written pages in ``docs/`` (the staff guide): a link
to a page that is not there, a page outside ``docs/guide/``, a file that takes the place of a
generated page. :class:`ThaiMessages` is a ``logging.Filter`` that rewrites those records
(their level is kept, so ``mkdocs build --strict`` still stops on them); ``install`` puts it
on MkDocs' loggers, once (``hooks/ita.py`` calls it on every build, ``mkdocs serve`` included).
Nothing here imports MkDocs: the messages are matched by their English text (MkDocs 1.6).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from .errors import DataError
from .inputs.suggest import did_you_mean

LOGGERS = ("mkdocs.structure.nav", "mkdocs.structure.pages", "mkdocs.structure.files")

NOT_IN_NAV = "หน้านี้ไม่อยู่ในเมนูของเว็บไซต์ (page not in the nav)"
NOT_IN_NAV_HOW = "หน้าที่เขียนเองวางไว้ในโฟลเดอร์ {guide}/ (เมนูคู่มือเจ้าหน้าที่สร้างจากไฟล์ในโฟลเดอร์นั้น) หรือลบไฟล์นี้"
LINK = "ลิงก์ '{link}' ชี้ไปยังหน้าที่ไม่มีในเว็บไซต์ (link target not found)"
LINK_HOW = "ชื่อไฟล์ .md ของหน้าที่มีอยู่ นับจากโฟลเดอร์ของหน้านี้"
ANCHOR = "ลิงก์ '{link}' ชี้ไปยังหัวข้อ #{anchor} ที่ไม่มีใน{where} (anchor not found)"
ANCHOR_HOW = "ชื่อหัวข้อ (id) ที่มีในหน้านั้น หรือเอา #... ออก"
UNRECOGNIZED = "ลิงก์ '{link}' ไม่ใช่ไฟล์ของเว็บไซต์ (unrecognized relative link)"
UNRECOGNIZED_HOW = "ลิงก์ไปยังไฟล์ .md เช่น 02-data.md หรือที่อยู่เว็บเต็มที่ขึ้นต้นด้วย https://"
CONFLICT = "ไฟล์นี้ชนกับ {other} จึงไม่ถูกเผยแพร่ (conflicting file)"
CONFLICT_HOW = "ลบหรือเปลี่ยนชื่อไฟล์นี้"
NAV_MISSING = "เมนู (nav) อ้างถึง '{target}' ซึ่งไม่มีในเว็บไซต์ (nav entry not found)"
NAV_MISSING_HOW = "ชื่อไฟล์ที่มีใน docs/ หรือเอารายการนั้นออกจาก nav ใน mkdocs.yml"
GENERATED = "ไฟล์นี้ชนกับหน้าที่สร้างจากข้อมูลใน data/ (file collides with a generated page)"
GENERATED_HOW = "ลบหรือเปลี่ยนชื่อไฟล์ใน docs/: หน้านี้สร้างจากข้อมูลทุกครั้ง"

_OMITTED = re.compile(r'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n((?:  - .*\n?)+)')
_LINK = re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among documentation files\.(?: Did you mean '(?P<hint>[^']+)'\?)?")
_ANCHOR = re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor on this page)\.")
_UNRECOGNIZED = re.compile(r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\.(?: Did you mean '(?P<hint>[^']+)'\?)?")
_CONFLICT = re.compile(r"Excluding '(?P<file>[^']+)' from the site because it conflicts with '(?P<other>[^']+)'\.")
_NAV_MISSING = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is not found in the documentation files\.")


def _line_of(docs_dir: Path, src: str, needle: str) -> tuple[int, int]:
    """Line and column (1-based) where `needle` is written in docs/`src`, else 1, 1."""
    try:
        lines = (docs_dir / src).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1, 1
    for number, line in enumerate(lines, 1):
        for form in (f"]({needle}", f"({needle}", f'"{needle}"', needle):
            column = line.find(form)
            if column >= 0:
                return number, column + 1 + (len(form) - len(needle))
    return 1, 1


def generated_collision(docs: str, page: str) -> str:
    """A file of docs/ where a generated page goes (raised by the hook, not logged)."""
    return str(DataError(f"{docs}/{page}", 1, 1, GENERATED, GENERATED_HOW))


class ThaiMessages(logging.Filter):
    """Rewrites MkDocs' warnings that a clerk can cause into Thai messages with file:line."""

    def __init__(self, docs_dir: Path | str, shown_as: str = "docs", guide: str = "guide"):
        super().__init__()
        self.docs_dir = Path(docs_dir)
        self.shown = shown_as
        self.guide = guide

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except (TypeError, ValueError):
            return True
        thai = self.translate(text)
        if thai is not None:
            record.msg, record.args = thai, ()
        return True

    def _error(self, src: str, needle: str | None, problem: str, how: str, hint: str | None = None) -> str:
        line, column = _line_of(self.docs_dir, src, needle) if needle else (1, 1)
        return str(DataError(f"{self.shown}/{src}", line, column, problem, how, hint or ""))

    def translate(self, text: str) -> str | None:
        """The Thai message for one of MkDocs' warnings, or None to leave it as it is."""
        if m := _OMITTED.match(text):
            files = [f.strip()[2:] for f in m.group(1).splitlines() if f.strip()]
            how = NOT_IN_NAV_HOW.format(guide=f"{self.shown}/{self.guide}")
            return "\n".join(self._error(f, None, NOT_IN_NAV, how) for f in files)
        if m := _LINK.match(text):
            return self._error(m["file"], m["link"], LINK.format(link=m["link"]), LINK_HOW, m["hint"] or self._near(m["file"], m["link"]))
        if m := _ANCHOR.match(text):
            where = f"หน้า {m['doc']}" if m["doc"] else "หน้านี้"
            anchor = m["anchor"] or m["link"].partition("#")[2]
            return self._error(m["file"], m["link"], ANCHOR.format(link=m["link"], anchor=anchor, where=where), ANCHOR_HOW)
        if m := _UNRECOGNIZED.match(text):
            return self._error(m["file"], m["link"], UNRECOGNIZED.format(link=m["link"]), UNRECOGNIZED_HOW, m["hint"])
        if m := _CONFLICT.match(text):
            return self._error(m["file"], None, CONFLICT.format(other=f"{self.shown}/{m['other']}"), CONFLICT_HOW)
        if m := _NAV_MISSING.match(text):
            return str(DataError("mkdocs.yml", 1, 1, NAV_MISSING.format(target=m["target"]), NAV_MISSING_HOW))
        return None

    def _near(self, src: str, link: str) -> str | None:
        """A page next to `src` whose name is close to the link's ("02-dta.md" -> "02-data.md")."""
        folder = (self.docs_dir / src).parent
        names = [p.name for p in folder.glob("*.md")] if folder.is_dir() else []
        return did_you_mean(link.partition("#")[0], names) if link.endswith(".md") or ".md#" in link else None


def install(docs_dir: Path | str, shown_as: str = "docs") -> None:
    """Put one :class:`ThaiMessages` on each of MkDocs' loggers that report docs/ problems
    (a previous one, from an earlier build of ``mkdocs serve``, is replaced)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, ThaiMessages)]:
            logger.removeFilter(old)
        logger.addFilter(ThaiMessages(docs_dir, shown_as))
