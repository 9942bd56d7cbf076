"""A new fiscal year in one step: the year file with blanks to fill in, from the latest year.

``new_year(data_dir, year)`` writes ``years/<year>.yml`` (the latest year's methodology and
the catalog's indicator names carried over, every score and the total left as ``null`` with
a ``# TODO`` comment) and ``questions/<year>.yml`` (the latest question catalog of any year,
to check against the new year's form; an empty catalog with an example when there is none
yet). Without any year yet (a new agency), the methodology is the latest one that applies to
the year. Action tables and recommendations are not copied: they are written from the new
year's results, and a copy would publish last year's plans as this year's. The wording of
the written files is in ``templates/scaffold/``.
``organization_text(values)`` is the ``organization.yml`` of a new agency
(``commands/new_agency``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .errors import DataErrors
from .model.files import Organization
from .model.kinds import modeline
from .wording import TEMPLATES
from .site import inspect


class ScaffoldError(Exception):
    """The new year cannot be made; the message says why, in Thai."""


@dataclass(frozen=True)
class Scaffold:
    year: int
    base: int | None  # the year it was made from (None: the first year of a new agency)
    written: list[Path]
    methodology: str = ""  # the methodology id written in the year file


def _yaml_scalar(value: object) -> str:
    """A value as a YAML scalar: plain when it reads back the same, else quoted."""
    text = str(value)
    try:
        plain = bool(re.fullmatch(r"[^\s#:'\"{}\[\],&*!|>%@`-][^#:]*", text)) and yaml.safe_load(text) == text
    except yaml.YAMLError:  # a character YAML refuses unquoted (a control character): quoted, escaped
        plain = False
    if plain:
        return text
    return yaml.safe_dump(text, allow_unicode=True, default_style='"').strip().removesuffix("\n...")


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES / "scaffold")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = _yaml_scalar
    return env


def new_year(data_dir: Path, year: int, schemas_dir: Path) -> Scaffold:
    data_dir = Path(data_dir)
    report = inspect(data_dir)
    if report.errors:
        raise ScaffoldError(f"แก้ข้อผิดพลาดในข้อมูลก่อนสร้างปีใหม่\n{DataErrors(report.errors)}")
    site = report.site
    assert site is not None
    if site.pending:
        waiting = ", ".join(map(str, site.pending))
        raise ScaffoldError(f"ปี {waiting} ยังกรอกไม่ครบ: กรอกให้ครบก่อนสร้างปีถัดไป (python scripts/validate.py)")
    latest = site.latest if site.has_results else None
    if latest is not None and year <= latest.year:
        raise ScaffoldError(f"ปี {year} ไม่ใหม่กว่าปีล่าสุดในข้อมูล ({latest.year}): สร้างได้เฉพาะปีที่ใหม่กว่า")
    target = data_dir / "years" / f"{year}.yml"
    if target.exists():
        raise ScaffoldError(f"มีไฟล์ {target.relative_to(data_dir.parent)} อยู่แล้ว: ไม่เขียนทับ")
    methodology = latest.methodology if latest is not None else _methodology_for(year, site)

    env = _env()
    written = []
    indicators = [(n, site.indicators[n].name_in(year)) for n in methodology.indicators]
    text = env.get_template("year.yml.j2").render(
        modeline=modeline(target, data_dir, schemas_dir) or "",
        year=year,
        base=latest.year if latest is not None else None,
        org=site.organization,
        methodology=methodology,
        indicators=indicators,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.lstrip("\n"), encoding="utf-8")
    written.append(target)

    questions = data_dir / "questions" / f"{year}.yml"
    if not questions.exists():
        questions.parent.mkdir(parents=True, exist_ok=True)
        source = _latest_questions(site)
        if source is not None:
            body = (data_dir.parent / source).read_text(encoding="utf-8")
            body = re.sub(r"(?m)^fiscal_year:\s*[0-9]+", f"fiscal_year: {year}", body, count=1)
            lines = body.split("\n")
            at = 1 if lines and lines[0].startswith("# yaml-language-server:") else 0
            note = env.get_template("questions_note.yml.j2").render(year=year, source=source)
            lines[at:at] = note.rstrip("\n").split("\n")
            questions.write_text("\n".join(lines), encoding="utf-8")
        else:
            empty = env.get_template("questions_empty.yml.j2").render(
                modeline=modeline(questions, data_dir, schemas_dir) or "", year=year
            )
            questions.write_text(empty.lstrip("\n"), encoding="utf-8")
        written.append(questions)
    return Scaffold(year, latest.year if latest is not None else None, written, methodology.id)


def _latest_questions(site) -> str | None:
    """The question catalog of the latest year that has one (a year without a catalog, e.g. a
    partial older year, takes it from an earlier one)."""
    for y in sorted(site.years.values(), key=lambda y: -y.year):
        if "questions" in y.sources:
            return y.sources["questions"]
    return None


def _methodology_for(year: int, site):
    """The methodology of the first year of a new agency: the one whose id names the latest
    year not after `year` (ita-2566 for 2567), else the latest id."""
    if not site.methodologies:
        raise ScaffoldError("ไม่มีหลักเกณฑ์การประเมินใน data/methodology/: เพิ่มไฟล์หลักเกณฑ์ก่อน (ดู data/README.md)")

    def named_year(mid: str) -> int:
        found = re.findall(r"[0-9]{4}", mid)
        return int(found[-1]) if found else 0

    fitting = [m for m in site.methodologies if named_year(m) <= year] or list(site.methodologies)
    return site.methodologies[max(fitting, key=lambda m: (named_year(m), m))]


def organization_text(values: dict[str, str], modeline: str) -> str:
    """The text of ``organization.yml`` for a new agency (``commands/new_agency``): its keys in
    the model's order, each value as a YAML scalar; a key without a value is left out."""
    fields = [(key, values[key]) for key in Organization.model_fields if values.get(key) is not None]
    return _env().get_template("organization.yml.j2").render(modeline=modeline, fields=fields).lstrip("\n")
