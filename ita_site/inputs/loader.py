"""Find the files of `data/`, read each into its typed model, and report every problem.

``read_data(data_dir)`` returns the parsed files (a :class:`DataSet`) and the list of
problems; ``rules/`` checks what spans files; ``load_site`` in ``ita_site.site`` ties both.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ..dates import BE_OFFSET, buddhist_year
from ..errors import DataError
from ..model.files import (
    ActionsFile,
    DisclosuresFile,
    Indicator,
    Methodology,
    Organization,
    ProgressFile,
    QuestionsFile,
    RecommendationsFile,
    YearFile,
)
from ..model.kinds import KINDS
from ..model.kinds import json_schema as schema_of
from .messages import describe, path_keys
from .yaml_source import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)

# folder (relative to data/) -> model of each file in it, for the tables of a fiscal year
# (<folder>/<พ.ศ.>.yml, each with its fiscal_year): from model/kinds.py's KINDS
PER_YEAR = {k.folder: k.model for k in KINDS if k.folder and k.folder != "years" and "fiscal_year" in k.model.model_fields}
ALLOWED_OTHER = {".md"}  # notes for people (data/README.md) are allowed and ignored
# evidence of progress (data/evidence/...), published as is: documents and pictures only,
# nothing a browser would run (no .html, .svg, .js)
EVIDENCE_FOLDER = "evidence"
EVIDENCE_TYPES = {".pdf", ".jpg", ".jpeg", ".png", ".webp", ".gif", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".csv", ".txt"}
KNOWN_DIRS = {"indicators", "methodology", "years", EVIDENCE_FOLDER, *PER_YEAR}
KNOWN_NAMES = {"organization.yml", *KNOWN_DIRS}
MAX_PER_FILE = 50  # problems listed per file; the rest are counted


@dataclass
class Parsed(Generic[M]):
    """A file read into its model, with the document for locating errors."""

    model: M
    doc: YamlDocument


@dataclass
class DataSet:
    """Every file of `data/` read into its model (files with errors are left out)."""

    root: Path
    organization: Parsed[Organization] | None = None
    indicators: dict[int, Parsed[Indicator]] = field(default_factory=dict)
    methodologies: dict[str, Parsed[Methodology]] = field(default_factory=dict)
    years: dict[int, Parsed[YearFile]] = field(default_factory=dict)
    questions: dict[int, Parsed[QuestionsFile]] = field(default_factory=dict)
    actions: dict[int, Parsed[ActionsFile]] = field(default_factory=dict)
    recommendations: dict[int, Parsed[RecommendationsFile]] = field(default_factory=dict)
    progress: dict[int, Parsed[ProgressFile]] = field(default_factory=dict)
    disclosures: dict[int, Parsed[DisclosuresFile]] = field(default_factory=dict)
    evidence: dict[str, Path] = field(default_factory=dict)  # "evidence/2567/a.pdf" -> file
    files: list[Path] = field(default_factory=list)  # every data file read
    build_date: date | None = None  # "today" for the checks (see ita_site.dates.build_date)
    # files present but left out because of their own errors, by folder and stem
    # ("indicators" -> {"09"}): rules do not report what refers to them as unknown, since the
    # file's own error is the one mistake to fix
    unread: dict[str, set[str]] = field(default_factory=dict)

    def is_unread(self, folder: str, stem: object) -> bool:
        stems = self.unread.get(folder, set())
        return str(stem) in stems or any(s.lstrip("0") == str(stem) for s in stems)



def shown(path: Path, root: Path) -> str:
    """The path as shown in messages: relative to the project (``data/years/2566.yml``)."""
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def parse(path: Path, root: Path, model: type[M], errors: list[DataError]) -> Parsed[M] | None:
    """Read one file and validate it against `model`; add every problem to `errors`."""
    doc, read_errors = read_yaml(path, shown(path, root))
    errors.extend(read_errors)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        kind = {list: "รายการ (- ...)", str: "ข้อความ", type(None): "ค่าว่าง"}.get(type(doc.data), "ค่าเดี่ยว")
        errors.append(
            doc.error((), f"ระดับบนสุดของไฟล์เป็น{kind} ต้องเป็นชุด key: value (top level is not a mapping)", "รูปแบบตาม data/README.md")
        )
        return None
    try:
        value = model.model_validate(doc.data)
    except ValidationError as exc:
        items = exc.errors(include_url=False)
        keys = path_keys(doc)
        found = [describe(doc, item, schema_of(model), keys) for item in items]
        # a misspelt key is one mistake: keep "unknown key, did you mean X", drop "missing X"
        suggested = {e.suggestion for e in found if e.problem.startswith("ไม่รู้จัก key") and e.suggestion}
        found = [e for e in found if not (e.problem.startswith("ขาด key") and e.problem.split("'")[1] in suggested)]
        # a value the reader refused (NaN, control character, tag) is reported once, by the reader
        refused = {(e.line, e.column) for e in read_errors}
        found = [e for e in found if (e.line, e.column) not in refused]
        errors.extend(found[:MAX_PER_FILE])
        if len(found) > MAX_PER_FILE:
            errors.append(
                DataError(doc.file, found[MAX_PER_FILE].line, found[MAX_PER_FILE].column,
                          f"และปัญหาอีก {len(found) - MAX_PER_FILE:,} จุดในไฟล์นี้ (more problems)",
                          "แก้ปัญหาข้างต้นแล้วตรวจใหม่")
            )
        return None
    if read_errors:
        return None
    return Parsed(value, doc)


def _stem_year(path: Path, root: Path, errors: list[DataError]) -> int | None:
    if re.fullmatch(r"25[0-9]{2}|26[0-9]{2}", path.stem):
        return int(path.stem)
    hint = "ตั้งชื่อไฟล์เป็นปีงบประมาณ เช่น 2566.yml"
    if re.fullmatch(r"(19|20|21)[0-9]{2}", path.stem):  # a Christian-era year
        hint = f"ปี พ.ศ. = ค.ศ. + {BE_OFFSET}: {buddhist_year(int(path.stem))}.yml"
    errors.append(DataError(shown(path, root), 1, 1, f"ชื่อไฟล์ '{path.name}' ไม่ใช่ปี พ.ศ.", hint))
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # outside, or a symlink loop
        return False


def _scan(root: Path, errors: list[DataError]) -> list[Path]:
    """Every entry under `root` with its name as stored (exact case), without following
    symlinked folders; a folder that cannot be listed is an error, not silently empty."""
    found: list[Path] = []

    def walk(folder: Path) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            why = "ไม่มีสิทธิ์อ่านโฟลเดอร์ (permission denied)" if isinstance(exc, PermissionError) else f"อ่านโฟลเดอร์ไม่ได้ ({exc.strerror})"
            errors.append(DataError(shown(folder, root), 1, 1, why, "ให้สิทธิ์อ่านโฟลเดอร์ (chmod a+rx)"))
            return
        for entry in entries:
            path = folder / entry.name
            found.append(path)
            if entry.is_dir(follow_symlinks=False):
                walk(path)

    walk(root)
    return found


def _unknown(path: Path, root: Path) -> DataError:
    """An entry of data/ that no rule reads: say what it probably should be."""
    rel = path.relative_to(root)
    parts = rel.parts
    expected = "ย้ายไปไว้ในโฟลเดอร์ที่ถูกต้องตาม data/README.md หรือลบออก"
    for part in parts:
        right = next((k for k in KNOWN_NAMES if k.lower() == part.lower() and k != part), None)
        if right is not None:
            expected = f"ชื่อต้องเป็นตัวพิมพ์เล็กตามนี้: '{right}' (ตัวพิมพ์ใหญ่-เล็กต่างกันคือคนละชื่อ)"
            break
    else:
        if path.suffix != ".yml" and path.suffix.lower() in {".yaml", ".yml"}:
            expected = f"เปลี่ยนชื่อเป็น '{path.stem}.yml' (นามสกุล .yml ตัวพิมพ์เล็ก)"
    return DataError(shown(path, root), 1, 1, "ไฟล์นี้ไม่ได้ถูกใช้ (unknown file): เว็บไซต์จะไม่แสดงข้อมูลในไฟล์นี้", expected)


def read_data(root: Path) -> tuple[DataSet, list[DataError]]:
    """Read every file under `root` (the `data/` folder) into a DataSet."""
    root = Path(root)
    errors: list[DataError] = []
    data = DataSet(root)
    if not root.is_dir():
        return data, [DataError(str(root), 1, 1, "ไม่พบโฟลเดอร์ข้อมูล", "โฟลเดอร์ data/ ตามรูปแบบใน README")]
    scan = _Scan(root, _scan(root, errors))
    _read_organization(data, scan, errors)
    _read_indicators(data, scan, errors)
    _read_methodologies(data, scan, errors)
    data.years.update(_read_by_year(data, scan, "years", YearFile, errors))
    # no year at all is valid: a new agency's site says which file to fill in first
    for folder, model in PER_YEAR.items():
        getattr(data, folder).update(_read_by_year(data, scan, folder, model, errors, need_year=True))
    _read_others(data, scan, errors)
    data.files = sorted(p for p in scan.known if p in scan.present)
    return data, errors


@dataclass
class _Scan:
    """What is in data/: every entry, the symlinks out of it, and the files read so far."""

    root: Path
    entries: list[Path]
    known: dict[Path, None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.present = set(self.entries)
        self.outside = {p for p in self.entries if p.is_symlink() and not _inside(p, self.root)}

    def files_in(self, folder: str) -> list[Path]:
        """The .yml files of data/`folder` (none when the folder is a link out of data/)."""
        base = self.root / folder
        found = [] if base in self.outside else [
            p for p in self.entries if p.parent == base and p.suffix == ".yml" and p not in self.outside
        ]  # fmt: skip
        for p in found:
            self.known[p] = None
        return found


def _unread(data: DataSet, path: Path) -> None:
    data.unread.setdefault(path.parent.name, set()).add(path.stem)


def _read_organization(data: DataSet, scan: _Scan, errors: list[DataError]) -> None:
    path = scan.root / "organization.yml"
    scan.known[path] = None
    if path in scan.outside:
        pass  # reported with every symlink out of data/
    elif path in scan.present:
        data.organization = parse(path, scan.root, Organization, errors)
    else:
        errors.append(DataError(shown(path, scan.root), 1, 1, "ไม่พบไฟล์ organization.yml", "สร้างไฟล์ตาม data/README.md"))


def _read_indicators(data: DataSet, scan: _Scan, errors: list[DataError]) -> None:
    """The catalog of indicators: file name NN.yml must match the number inside."""
    for path in scan.files_in("indicators"):
        parsed = parse(path, scan.root, Indicator, errors)
        if parsed is None:
            _unread(data, path)
            continue
        number = parsed.model.number
        if not re.fullmatch(r"0*" + str(number), path.stem):
            errors.append(
                parsed.doc.error(("number",), f"หมายเลข {number} ไม่ตรงกับชื่อไฟล์ {path.name}", f"ไฟล์ชื่อ {number:02d}.yml")
            )
            _unread(data, path)
        elif number in data.indicators:
            errors.append(parsed.doc.error(("number",), f"ตัวชี้วัดที่ {number} ซ้ำกับไฟล์อื่น", "หมายเลขไม่ซ้ำกัน"))
        else:
            data.indicators[number] = parsed
    if not data.indicators:
        errors.append(DataError(shown(scan.root / "indicators", scan.root), 1, 1, "ไม่พบไฟล์ตัวชี้วัด", "indicators/01.yml ..."))


def _read_methodologies(data: DataSet, scan: _Scan, errors: list[DataError]) -> None:
    for path in scan.files_in("methodology"):
        parsed = parse(path, scan.root, Methodology, errors)
        if parsed is None:
            _unread(data, path)
            continue
        if parsed.model.id != path.stem:
            errors.append(parsed.doc.error(("id",), f"id '{parsed.model.id}' ไม่ตรงกับชื่อไฟล์", f"id: {path.stem}"))
            _unread(data, path)
        else:
            data.methodologies[parsed.model.id] = parsed


def _read_by_year(
    data: DataSet, scan: _Scan, folder: str, model: type[M], errors: list[DataError], need_year: bool = False
) -> dict[int, Parsed[M]]:
    """The files of a folder named by fiscal year (<พ.ศ.>.yml), whose `fiscal_year` must be the
    file's; `need_year`: a year with no result file (years/<พ.ศ.>.yml) is an error too."""
    found: dict[int, Parsed[M]] = {}
    for path in scan.files_in(folder):
        year = _stem_year(path, scan.root, errors)
        parsed = parse(path, scan.root, model, errors)
        if parsed is None or year is None:
            _unread(data, path)
            continue
        if parsed.model.fiscal_year != year:
            errors.append(
                parsed.doc.error(("fiscal_year",), f"ปี {parsed.model.fiscal_year} ไม่ตรงกับชื่อไฟล์", f"fiscal_year: {year}")
            )
        elif need_year and year not in data.years and (scan.root / "years" / f"{year}.yml").exists() is False:
            errors.append(
                parsed.doc.error(("fiscal_year",), f"ไม่มีผลการประเมินของปี {year} (years/{year}.yml)", f"สร้าง years/{year}.yml ก่อน")
            )
        else:
            found[year] = parsed
    return found


def _read_others(data: DataSet, scan: _Scan, errors: list[DataError]) -> None:
    """Evidence files, and anything else in data/ (which would be silently ignored: say so)."""
    root, entries, outside, known = scan.root, scan.entries, scan.outside, scan.known
    for path in entries:
        if path in outside:
            errors.append(
                DataError(shown(path, root), 1, 1, "ลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ data/", "ไฟล์จริงภายใน data/")
            )
            continue
        if path in known or path.suffix in ALLOWED_OTHER:
            continue
        real_dir = path.is_dir() and not path.is_symlink()
        if real_dir and (path.parent == root and path.name in KNOWN_DIRS or any(p.parent == path for p in entries)):
            continue  # a folder of data, or a folder whose files are each reported
        relative = path.relative_to(root)
        if relative.parts[0] == EVIDENCE_FOLDER and not real_dir:
            if path.suffix.lower() in EVIDENCE_TYPES:
                data.evidence[relative.as_posix()] = path
            else:
                errors.append(
                    DataError(
                        shown(path, root),
                        1,
                        1,
                        f"ไฟล์หลักฐานชนิด '{path.suffix or path.name}' เผยแพร่ไม่ได้ (file type not allowed)",
                        "ไฟล์ " + ", ".join(sorted(EVIDENCE_TYPES)) + " หรือใส่เป็นลิงก์ https:// แทน",
                    )
                )
            continue
        errors.append(_unknown(path, root))
