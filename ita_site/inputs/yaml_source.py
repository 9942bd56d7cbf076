"""Read one YAML file into plain Python values, remembering where each value stands.

PyYAML alone silently keeps the last of two equal keys, expands aliases (a "billion laughs"
file can exhaust memory) and forgets line numbers. This reader composes the node tree itself
and builds the values from it, so that:

- every value has its (line, column), keyed by its path (``("scores", 3, "score")``);
- a duplicate key, an alias (``*name``) or a non-standard tag is an error with its line;
- text is normalised for Thai: NFC, and ํ + า written as ำ (PDF copy-paste splits it);
- a UTF-8 BOM (Windows editors) is accepted; other encodings are refused with a message.

Speed: PyYAML's pure-Python parser takes most of the time of reading (0.1 s for this
agency's files, about 1 s per 100 action rows). When PyYAML has libyaml (its C parser, in
the PyPI wheels) a file is composed with it; the nodes, values and positions are the same
(``tests/test_yaml_reader.py`` compares both on every data file and on generated text).
A file that libyaml refuses, or that holds what the two parsers may read differently (a
``*`` that could be an alias, a tab), is read again with the pure-Python parser, so every
message and every refusal is the pure-Python parser's, as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import ERROR, DataError
from .yaml_problems import in_thai

Path_ = tuple[Any, ...]
MAX_BYTES = 2_000_000  # a data file of this project is a few KB; refuse runaway files
MERGE_TAG = "tag:yaml.org,2002:merge"
STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",  # kept as text: the model reads dates (one clear error if invalid)
}


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


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no explosive expansion)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "ห้ามใช้ alias (*ชื่อ) ในไฟล์ข้อมูล: ให้เขียนค่าซ้ำลงไปตรง ๆ", event.start_mark
            )
        return super().compose_node(parent, index)


# libyaml's composer (C) with the same resolver and constructor as _Loader; None without libyaml
_CLoader = getattr(yaml, "CSafeLoader", None)
# what the two parsers may read differently: `*` (an alias?), `!` (a tag?), a tab, a BOM
# inside the text, the Unicode line breaks NEL, LS and PS
_UNLIKE = re.compile("[*!\t\ufeff\x85\u2028\u2029]")
# a block scalar header followed by a comment without a space (`>#`): libyaml accepts it
_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")


def _fast_node(text: str):
    """The node tree of `text` composed by libyaml, with its loader; None when the
    pure-Python parser must read it (no libyaml, an error, a possible alias or a tab)."""
    if _CLoader is None or _UNLIKE.search(text) or _HEADER_COMMENT.search(text):
        return None
    if "?" in text and ("[" in text or "{" in text):
        return None  # `[a?]`: PyYAML refuses a `?` inside a flow collection, libyaml reads text
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        loader.dispose()
        return None  # the pure-Python parser reads it again and says what is wrong
    if node is not None and _has_empty_value(node):
        loader.dispose()
        return None  # `key:` with no value: libyaml places the empty value elsewhere
    return node, loader


def _has_empty_value(node) -> bool:
    """Does the tree hold an empty plain scalar (a key without a value, `- ` alone)?"""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ScalarNode):
            if n.value == "" and not n.style:  # plain: None (PyYAML) or "" (libyaml)
                return True
        elif isinstance(n, MappingNode):
            for k, v in n.value:
                stack.append(k)
                stack.append(v)
        else:
            stack.extend(n.value)
    return False


class _Builder:
    def __init__(self, loader: _Loader, doc: YamlDocument, errors: list[DataError]):
        self.loader = loader
        self.doc = doc
        self.errors = errors

    def build(self, node, path: Path_) -> Any:
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in STANDARD_TAGS:
            self.errors.append(
                self.doc.error(path, f"แท็ก YAML '{node.tag}' ใช้ไม่ได้ในไฟล์ข้อมูล", "ค่าธรรมดา ไม่มีแท็ก (!...)")
            )
            return None
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    self.errors.append(self.doc.error(path, "ชื่อ key ต้องเป็นข้อความธรรมดา", "key: value"))
                    continue
                key = "<<" if key_node.tag == MERGE_TAG else self.loader.construct_object(key_node)
                if isinstance(key, str):
                    key = normalise_text(key)
                if key == "<<":
                    line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    self.errors.append(
                        _error_at(self.doc.file, line, col, "ห้ามใช้ merge key '<<'", "เขียน key แต่ละตัวให้ครบ")
                    )
                    continue
                if key in result:
                    line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    first = self.doc.marks.get((*path, key), (0, 0))[0]
                    self.errors.append(
                        _error_at(
                            self.doc.file,
                            line,
                            col,
                            f"key '{key}' ซ้ำ (มีแล้วที่บรรทัด {first}; YAML จะเก็บเฉพาะค่าหลัง) (duplicate key)",
                            "แต่ละ key ปรากฏครั้งเดียว: ลบหรือรวมบรรทัดที่ซ้ำ",
                        )
                    )
                    continue
                self.doc.key_marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:timestamp":
            return normalise_text(node.value)
        value = self.loader.construct_object(node)
        if isinstance(value, str):
            value = normalise_text(value)
        return value


def _error_at(file: str, line: int, col: int, problem: str, expected: str = "") -> DataError:
    return DataError(file, line, col, problem, expected)


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[DataError]]:
    """Read `path`; return the document, or None with the errors that stop reading it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_error_at(shown_as, 1, 1, f"อ่านไฟล์ไม่ได้: {exc.strerror}", "ไฟล์ที่อ่านได้")]
    if len(raw) > MAX_BYTES:
        return None, [
            _error_at(shown_as, 1, 1, f"ไฟล์ใหญ่เกินไป ({len(raw):,} ไบต์)", f"ไม่เกิน {MAX_BYTES:,} ไบต์ต่อไฟล์")
        ]
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
                1,
                "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (not UTF-8)",
                "บันทึกไฟล์ใหม่เป็น UTF-8 (ใน VS Code: Save with Encoding → UTF-8)",
            )
        ]
    return read_text(text, shown_as)


def read_text(text: str, shown_as: str, *, fast: bool = True) -> tuple[YamlDocument | None, list[DataError]]:
    """Read the YAML `text` of a file shown as `shown_as` (see :func:`read_yaml`).
    ``fast=False`` reads it with the pure-Python parser only."""
    errors: list[DataError] = []
    doc = YamlDocument(shown_as, None)
    if not text.strip():
        return None, [_error_at(shown_as, 1, 1, "ไฟล์ว่างเปล่า (empty file)", "ข้อมูลตามรูปแบบใน data/README.md")]
    composed = _fast_node(text) if fast else None
    if composed is not None:
        node, loader = composed
    else:
        loader = _Loader(text)
    try:
        if composed is None:
            node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = in_thai(exc.problem or exc.context or "YAML ผิดรูปแบบ")
        if "\t" in text.splitlines()[line - 1 if line - 1 < len(text.splitlines()) else -1]:
            hint = "ใช้ช่องว่าง (space) ย่อหน้า ห้ามใช้แท็บ (tab)"
        else:
            hint = "YAML ที่ถูกรูปแบบ: ย่อหน้าด้วยช่องว่างให้ตรงกัน, มี ': ' หลังชื่อ key"
        return None, [_error_at(shown_as, line, col, f"YAML ผิดรูปแบบ: {problem}", hint)]
    except yaml.YAMLError as exc:
        return None, [_error_at(shown_as, 1, 1, f"YAML ผิดรูปแบบ: {exc}", "YAML ที่ถูกรูปแบบ")]
    if node is None:
        return None, [_error_at(shown_as, 1, 1, "ไฟล์ว่างเปล่า (empty file)", "ข้อมูลตามรูปแบบใน data/README.md")]
    try:
        doc.data = _Builder(loader, doc, errors).build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [_error_at(shown_as, line, col, f"ค่าที่อ่านไม่ได้: {exc.problem}", "ค่าธรรมดา")]
    finally:
        loader.dispose()
    return doc, errors
