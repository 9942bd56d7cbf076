"""Read one YAML file into plain Python values, remembering where each value stands.

PyYAML alone silently keeps the last of two equal keys, expands aliases (a "billion laughs"
file can exhaust memory), forgets line numbers and reads ``070`` as 56, ``10:30`` as 630 and
``yes`` as true (YAML 1.1). This reader composes the node tree itself and builds the values
from it, so that:

- every value has its (line, column), keyed by its path (``("scores", 3, "score")``);
- a duplicate key, an alias (``*name``), a merge key (``<<``), a tag (``!!python/...``), a
  key that is not text, NaN/infinity, an invisible control character, a structure nested
  too deep or a file too big is an error with its line, never an exception;
- plain values follow the YAML 1.2 core schema: ``true``/``false``, decimal numbers,
  ``null``/``~``; everything else (``yes``, ``070``, ``10:30``, ``2566-10-01``) is text;
- text is normalised for Thai: NFC, and ํ + า written as ำ (PDF copy-paste splits it);
- a UTF-8 BOM (Windows editors) is accepted; other encodings are refused with a message.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from ..errors import ERROR, DataError
from .yaml_problems import in_thai

Path_ = tuple[Any, ...]
MAX_BYTES = 1_000_000  # a data file of this project is at most ~50 KB; refuse runaway files
MAX_LINE = 10_000  # characters in one line (the longest paragraph of the seed is ~2,500)
MAX_DEPTH = 20  # nesting of lists/mappings (the data needs 6)
MAX_NODES = 20_000  # values in one file (the largest seed file has ~300)
MAX_DIGITS = 20  # digits of a whole number
MAX_SHOWN = 5  # problems of one kind reported per file (the rest are summarised)

TAG = "tag:yaml.org,2002:"
STANDARD_TAGS = {TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}

# Invisible characters that have no place in a data file: C0/C1 controls (tab and newline
# are structure), the Unicode line separators (YAML would count them as new lines, so every
# line number after them would be wrong) and the bidirectional overrides ("Trojan source").
# Thai zero-width space (U+200B) and joiners are allowed: Thai text uses them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
BAD_IN_FILE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ufffe\uffff]")
BAD_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ufffe\uffff]")  # after "\r", "\x07" escapes


def normalise_text(text: str) -> str:
    """NFC, and the two-character ํ + า (U+0E4D U+0E32) as the one letter ำ (U+0E33)."""
    return unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")


@dataclass
class YamlDocument:
    """The values of one file, with the position of each value."""

    file: str  # path shown in messages, relative to the project
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # where each key is written

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest parent that exists."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def error(
        self, path: Path_, problem: str, expected: str = "", at_key: bool = False, suggestion: object = "", kind: str = ERROR
    ) -> DataError:
        """An error at the value of `path` (or at its key, for unknown keys)."""
        path = tuple(path)
        line, col = self.key_marks[path] if at_key and path in self.key_marks else self.where(path)
        return DataError(self.file, line, col, problem, expected, "" if suggestion is None else str(suggestion), kind)


class _Core(BaseResolver):
    """Implicit types of the YAML 1.2 core schema, decimal only (no octal 070, no 1:30, no yes/no)."""


_Core.add_implicit_resolver(TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Core.add_implicit_resolver(TAG + "int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Core.add_implicit_resolver(
    TAG + "float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_Core.add_implicit_resolver(TAG + "null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class Refused(yaml.MarkedYAMLError):
    """Something this reader refuses on purpose; carries its own Thai hint."""

    def __init__(self, problem: str, hint: str, mark):
        super().__init__(None, None, problem, mark)
        self.hint = hint


class _Loader(Reader, Scanner, Parser, Composer, _Core):
    """Reader → scanner → parser → composer of PyYAML, with the core resolver and no constructor.

    Refuses aliases (no explosive expansion), and nesting or node counts beyond the limits
    (no recursion error, no minutes spent on a runaway file)."""

    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Core.__init__(self)
        self.depth = 0
        self.nodes = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise Refused(
                "ห้ามใช้ alias (*ชื่อ) ในไฟล์ข้อมูล (alias)", "เขียนค่าซ้ำลงไปตรง ๆ แทนการอ้างถึงด้วย *ชื่อ", event.start_mark
            )
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Refused(
                f"ไฟล์มีค่ามากเกินไป (เกิน {MAX_NODES:,} ค่า) (too many values)",
                "แบ่งข้อมูลตามรูปแบบใน data/README.md",
                event.start_mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise Refused(
                    f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (nested too deep)",
                    "โครงสร้างตาม data/README.md (รายการและ key: value ซ้อนกันไม่กี่ชั้น)",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Builder:
    def __init__(self, doc: YamlDocument, errors: list[DataError], lines: int):
        self.doc = doc
        self.errors = errors
        self.lines = lines

    def at(self, node, problem: str, expected: str) -> None:
        self.errors.append(_error_at(self.doc.file, node.start_mark.line + 1, node.start_mark.column + 1, problem, expected, self.lines))

    def build(self, node, path: Path_) -> Any:
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in STANDARD_TAGS:
            tag = node.tag.replace(TAG, "!!")
            self.at(node, f"แท็ก YAML '{tag}' ใช้ไม่ได้ในไฟล์ข้อมูล (tag)", "ค่าธรรมดา ไม่มีแท็ก (!...)")
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node: MappingNode, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "<<" and key_node.style is None:
                self.at(key_node, "ห้ามใช้ merge key '<<' (merge key)", "เขียน key แต่ละตัวให้ครบ")
                continue
            before = len(self.errors)
            key = self.scalar(key_node) if isinstance(key_node, ScalarNode) and key_node.tag in STANDARD_TAGS else None
            if len(self.errors) > before:  # the key itself was refused (control character, bad number)
                continue
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                shown = key_node.value if isinstance(key_node, ScalarNode) else "[...]"
                self.at(
                    key_node,
                    f"ชื่อ key '{_clip(str(shown))}' ใช้ไม่ได้: key ต้องเป็นข้อความ (key is not text)",
                    "key: value โดย key เป็นชื่อตาม data/README.md",
                )
                continue
            if key in result:
                first = self.doc.key_marks.get((*path, key), (0, 0))[0]
                self.at(
                    key_node,
                    f"key '{key}' ซ้ำ (มีแล้วที่บรรทัด {first}; YAML จะเก็บเฉพาะค่าหลัง) (duplicate key)",
                    "แต่ละ key ปรากฏครั้งเดียว: ลบหรือรวมบรรทัดที่ซ้ำ",
                )
                continue
            self.doc.key_marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        return result

    def scalar(self, node: ScalarNode) -> Any:
        """The value of a scalar by its (standard) tag; an error and None if it is not one."""
        text, tag = node.value, node.tag[len(TAG):]
        if tag == "str":
            value = normalise_text(text)
            bad = BAD_IN_TEXT.search(value)
            if bad:
                self.at(
                    node,
                    f"ข้อความมีอักขระควบคุมที่มองไม่เห็น U+{ord(bad.group()):04X} (control character)",
                    "ลบอักขระนี้ออก (มักติดมากับการคัดลอกจาก PDF หรือ Word)",
                )
                return None
            return value
        if tag == "null":
            return None
        if tag == "bool" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if tag == "int" and re.fullmatch(r"[-+]?[0-9]+", text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                self.at(node, f"ตัวเลขยาวเกินไป ({len(text):,} หลัก) (number too long)", "ตัวเลขตามจริง เช่น 2566")
                return None
            return int(text)
        if tag == "float":
            special = {".nan": math.nan, ".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf}
            try:
                value = special[text.lower()] if text.lower() in special else float(text)
            except ValueError:
                value = None
            if value is not None and math.isfinite(value):
                return value
            if value is not None:
                self.at(node, f"ค่า {text} ไม่ใช่ตัวเลขที่ใช้ได้ (NaN/infinity)", "ตัวเลข เช่น 95.07")
                return None
        self.at(node, f"ค่า '{_clip(text)}' อ่านเป็น !!{tag} ไม่ได้ (bad value for tag)", "ค่าธรรมดา ไม่มีแท็ก (!...)")
        return None


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _error_at(file: str, line: int, col: int, problem: str, expected: str = "", lines: int | None = None) -> DataError:
    """A DataError; the line is kept within the file (PyYAML marks end of file one line after)."""
    if lines is not None:
        line = max(1, min(line, lines))
    return DataError(file, max(1, line), max(1, col), problem, expected)


# PyYAML's syntax messages, said in Thai (the English stays in brackets, to search for it)
def _read_bytes(path: Path, shown_as: str) -> tuple[bytes | None, DataError | None]:
    """The bytes of a regular file; an error for a folder, a pipe, a broken link, no permission."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return None, _error_at(shown_as, 1, 1, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์ (is a directory)", "ไฟล์ YAML ตาม data/README.md")
        if not stat.S_ISREG(info.st_mode):
            return None, _error_at(shown_as, 1, 1, "ไม่ใช่ไฟล์ธรรมดา (not a regular file)", "ไฟล์ YAML ตาม data/README.md")
        if info.st_size > MAX_BYTES:
            return None, _error_at(
                shown_as, 1, 1, f"ไฟล์ใหญ่เกินไป ({info.st_size:,} ไบต์) (file too big)", f"ไม่เกิน {MAX_BYTES:,} ไบต์ต่อไฟล์"
            )
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1), None
    except PermissionError:
        return None, _error_at(shown_as, 1, 1, "ไม่มีสิทธิ์อ่านไฟล์ (permission denied)", "ให้สิทธิ์อ่านไฟล์ (chmod a+r)")
    except FileNotFoundError:
        return None, _error_at(shown_as, 1, 1, "ไม่พบไฟล์: ลิงก์ (symlink) ชี้ไปยังไฟล์ที่ไม่มีอยู่ (not found)", "ไฟล์จริงภายใน data/")
    except OSError as exc:
        return None, _error_at(shown_as, 1, 1, f"อ่านไฟล์ไม่ได้ ({exc.strerror})", "ไฟล์ที่อ่านได้")


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """Read `path`; return the document, or None with the errors that stop reading it."""
    errors: list[DataError] = []
    doc = YamlDocument(shown_as, None)
    raw, problem = _read_bytes(path, shown_as)
    if raw is None:
        return None, [problem]
    if len(raw) > MAX_BYTES:  # grew since stat
        return None, [_error_at(shown_as, 1, 1, "ไฟล์ใหญ่เกินไป (file too big)", f"ไม่เกิน {MAX_BYTES:,} ไบต์ต่อไฟล์")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # BOM of Windows editors: accepted
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            _error_at(
                shown_as,
                line,
                exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1,
                "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (not UTF-8)",
                "บันทึกไฟล์ใหม่เป็น UTF-8 (ใน VS Code: Save with Encoding → UTF-8)",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    if not text.strip():
        return None, [_error_at(shown_as, 1, 1, "ไฟล์ว่างเปล่า (empty file)", "ข้อมูลตามรูปแบบใน data/README.md")]
    lines = text.split("\n")
    n_lines = len(lines) - (1 if lines[-1] == "" else 0)

    # characters and line lengths first: PyYAML would stop at the first with an English message
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            errors.append(
                _error_at(
                    shown_as, number, MAX_LINE + 1, f"บรรทัดยาวเกินไป ({len(line):,} ตัวอักษร) (line too long)",
                    f"ไม่เกิน {MAX_LINE:,} ตัวอักษรต่อบรรทัด: ขึ้นบรรทัดใหม่ในข้อความยาวด้วย >-",
                )
            )
        for bad in BAD_IN_FILE.finditer(line):
            errors.append(
                _error_at(
                    shown_as, number, bad.start() + 1,
                    f"มีอักขระควบคุมที่มองไม่เห็น U+{ord(bad.group()):04X} (control character)",
                    "ลบอักขระนี้ออก (มักติดมากับการคัดลอกจาก PDF หรือ Word)",
                )
            )
            break
        if len(errors) >= MAX_SHOWN:
            break
    if errors:
        return None, errors

    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:  # ReaderError: a character PyYAML refuses that the check above let through
        pos = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        return None, [_error_at(shown_as, line, col, f"มีอักขระที่ใช้ไม่ได้ ({exc})", "ลบอักขระนี้ออก", n_lines)]
    try:
        node = loader.get_single_node()
    except Refused as exc:
        mark = exc.problem_mark
        return None, [_error_at(shown_as, mark.line + 1, mark.column + 1, exc.problem, exc.hint, n_lines)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        line = max(1, min(line, n_lines))
        problem = in_thai(exc.problem or exc.context or "")
        start = exc.context_mark
        if start is not None and start.line + 1 != line and exc.context:
            problem += f" — เริ่มที่บรรทัด {start.line + 1}"
        if "\t" in lines[line - 1]:
            hint = "ใช้ช่องว่าง (space) ย่อหน้า ห้ามใช้แท็บ (tab)"
        else:
            hint = "YAML ที่ถูกรูปแบบ: ย่อหน้าด้วยช่องว่างให้ตรงกัน, มี ': ' หลังชื่อ key, ข้อความที่มี ': ' หรือ # อยู่ในเครื่องหมายคำพูด"
        return None, [_error_at(shown_as, line, col, f"YAML ผิดรูปแบบ: {problem}", hint, n_lines)]
    except (yaml.YAMLError, RecursionError) as exc:  # pragma: no cover - limits above prevent these
        return None, [_error_at(shown_as, 1, 1, f"YAML ผิดรูปแบบ ({type(exc).__name__})", "YAML ที่ถูกรูปแบบ")]
    finally:
        loader.dispose()
    if node is None:
        return None, [_error_at(shown_as, 1, 1, "ไฟล์ว่างเปล่า (empty file)", "ข้อมูลตามรูปแบบใน data/README.md")]
    doc.data = _Builder(doc, errors, n_lines).build(node, ())
    return doc, errors
