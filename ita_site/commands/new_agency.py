"""Start the site of another agency: data/ keeps only what every agency shares, and a new organization.yml.

    python scripts/new_agency.py --name NAME --short-name SHORT --type TYPE --province PROVINCE
                                 [--district DISTRICT] [--prepared-by UNIT] [--data data] [--force]

Removes every file of the previous agency from data/ (its fiscal years with their hand-written
texts, question catalogs, action tables, recommendations, progress, evidence, and any other
file), keeps what every agency shares (the NACC's indicators/ and methodology/, and README.md)
and writes organization.yml (with its schema line for editors). The organization is checked by
the model before anything is touched.

Never half done: the new data/ is prepared and checked in a folder next to it, then put in its
place by renaming; on any error data/ is as it was. Refuses when data/ has changes git has not
committed (or git cannot tell), unless --force: what it removes can then be had back with git.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import git
from ..errors import DataError, DataErrors
from ..model.kinds import modeline
from ..scaffold import organization_text
from ..site import inspect
from . import project_root

KEPT = ("indicators", "methodology", "README.md")  # the same for every agency
OPTIONS = {  # organization.yml's key -> the option that gives it
    "name": "--name",
    "short_name": "--short-name",
    "type": "--type",
    "district": "--district",
    "province": "--province",
    "prepared_by": "--prepared-by",
}
UNCOMMITTED = (
    "{data} มีการแก้ไขที่ยังไม่ได้บันทึก (commit) ในคลัง git: คำสั่งนี้จะลบไฟล์ของหน่วยงานเดิมทั้งหมด "
    "บันทึก (commit) หรือยกเลิกการแก้ไขก่อน หรือสั่งซ้ำพร้อม --force ถ้าไม่ต้องการเก็บไว้\n"
    "({data} has changes not committed to git: commit or discard them first, or run again with --force)"
)
NO_GIT = (
    "ตรวจไม่ได้ว่า {data} มีการแก้ไขที่ยังไม่ได้บันทึกหรือไม่ (ไม่ได้อยู่ในคลัง git หรือไม่มีโปรแกรม git) "
    "ไฟล์ที่ลบจะกู้คืนไม่ได้: ถ้าแน่ใจ สั่งซ้ำพร้อม --force\n"
    "(git cannot tell whether {data} has uncommitted changes; what is removed could not be had back: "
    "run again with --force if you are sure)"
)
NO_CATALOG = (
    "ไม่พบ {folder} ในโฟลเดอร์ข้อมูล {data}: คำสั่งนี้ต้องใช้ตัวชี้วัดและหลักเกณฑ์ของ ป.ป.ช. ที่มากับเว็บไซต์ "
    "(ดึงไฟล์คืนจากคลังต้นฉบับ)\n({folder} is missing in {data}: the shared catalogs are needed)"
)
REFUSED = "ยังไม่ได้เปลี่ยนแปลงอะไรใน {data} (nothing was changed)"
BAD_VALUES = "ค่าที่ให้ไว้ใช้ไม่ได้ (a value given is not valid):"
REQUIRED = "ต้องระบุ ข้อมูลหน่วยงาน (data/organization.yml) ต้องมีค่านี้ (required)"
BAD_CATALOG = "ตัวชี้วัดหรือหลักเกณฑ์ที่มากับเว็บไซต์มีปัญหา (the shared catalogs have problems):"
DONE = "เริ่มเว็บไซต์ของ{name}แล้ว (the site of the new agency is started):"
WROTE = "  เขียน {path}"
KEPT_LINE = "  เก็บไว้ {paths} (ใช้ร่วมกันทุกหน่วยงาน)"
REMOVED = "  ลบไฟล์ของหน่วยงานเดิม {n} ไฟล์: {folders}"
NEXT = (
    "ขั้นต่อไป: เขียนผลการประเมินที่หน่วยงานมีลงใน {data}/years/<ปีงบประมาณ>.yml "
    "(ปีเดียวและเฉพาะคะแนนรวมก็ได้ ดูตัวอย่างใน {data}/README.md) แล้วรัน scripts/build.sh "
    "เมื่อถูกต้องแล้วจึงบันทึก (commit) ลงคลัง\n"
    "(next: write the results the agency has in {data}/years/<year>.yml, see {data}/README.md, "
    "run scripts/build.sh, then commit)"
)


class NewAgencyError(Exception):
    """The new agency cannot be started; the message says why, in Thai and English."""


@dataclass(frozen=True)
class Started:
    organization: Path
    kept: list[str]
    removed: list[str]  # files of the previous agency, relative to data/


def start(data_dir: Path, values: dict[str, str | None], schemas_dir: Path, force: bool = False) -> Started:
    """Replace `data_dir` by the shared catalogs and an organization.yml made of `values`."""
    data_dir = Path(data_dir).resolve()
    shown = data_dir.name
    for folder in ("indicators", "methodology"):
        if not (data_dir / folder).is_dir():
            raise NewAgencyError(NO_CATALOG.format(folder=f"{folder}/", data=shown))
    if not force:
        changed = git.has_changes(data_dir)
        if changed is None:
            raise NewAgencyError(NO_GIT.format(data=shown))
        if changed:
            raise NewAgencyError(UNCOMMITTED.format(data=shown))
    kept = [name for name in KEPT if (data_dir / name).exists()]
    removed = sorted(
        p.relative_to(data_dir).as_posix()
        for p in data_dir.rglob("*")
        if (p.is_file() or p.is_symlink()) and p.relative_to(data_dir).parts[0] not in (*KEPT, "organization.yml")
    )
    staging = Path(tempfile.mkdtemp(prefix=".new-agency-", dir=data_dir.parent))
    try:
        fresh = staging / data_dir.name  # the same name: messages say data/organization.yml
        fresh.mkdir()
        for name in kept:
            source = data_dir / name
            if source.is_dir():
                shutil.copytree(source, fresh / name, symlinks=True)
            else:
                shutil.copy2(source, fresh / name)
        organization = fresh / "organization.yml"
        line = modeline(data_dir / "organization.yml", data_dir, schemas_dir) or ""
        organization.write_text(organization_text(values, line), encoding="utf-8")
        _check(fresh, organization)
        _swap(data_dir, fresh, staging / "previous")
    finally:
        if data_dir.is_dir():  # never remove the only copy (a rename back that failed)
            shutil.rmtree(staging, ignore_errors=True)
    return Started(data_dir / "organization.yml", kept, removed)


def _check(fresh: Path, organization: Path) -> None:
    """The new folder's own files are valid (a folder without a fiscal year is what it is
    meant to be: the agency's results come next)."""
    ours = {f"{fresh.name}/{p.relative_to(fresh).as_posix()}" for p in fresh.rglob("*.yml")}
    errors = [e for e in inspect(fresh).errors if e.file in ours]
    if not errors:
        return
    org_file = f"{fresh.name}/organization.yml"
    lines = organization.read_text(encoding="utf-8").split("\n")
    given = [_as_option(e, lines) for e in errors if e.file == org_file]
    other = [e for e in errors if e.file != org_file]
    parts = []
    if given:
        parts += [BAD_VALUES, *given]
    if other:
        parts += [BAD_CATALOG, str(DataErrors(other))]
    raise NewAgencyError("\n".join(parts))


def _as_option(error: DataError, lines: list[str]) -> str:
    """A problem of the organization.yml being written, said of the option that gave the value."""
    text = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
    key = text.split(":", 1)[0].strip()
    where = OPTIONS.get(key, "organization.yml")
    if error.problem.startswith("ขาด key"):  # a key left out: the option that was not given
        missing = error.problem.split("'")[1] if "'" in error.problem else ""
        return f"  {OPTIONS.get(missing, where)}: {REQUIRED}"
    said = error.problem + (f" — ที่ถูกต้อง: {error.expected}" if error.expected else "")
    return f"  {where}: {said}"


def _swap(data_dir: Path, fresh: Path, previous: Path) -> None:
    """data/ -> previous, fresh -> data/; put data/ back if the second rename fails."""
    os.rename(data_dir, previous)
    try:
        os.rename(fresh, data_dir)
    except BaseException:
        os.rename(previous, data_dir)
        raise


def parser(root: Path | None = None) -> argparse.ArgumentParser:
    """The command's options (the manual workflow .github/workflows/new-agency.yml asks the same)."""
    root = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", required=True, help="ชื่อหน่วยงานเต็ม เช่น เทศบาลตำบลบ้านใหม่")
    parser.add_argument("--short-name", required=True, help="ชื่อย่อที่แสดงที่หัวเว็บไซต์ เช่น ทต.บ้านใหม่")
    parser.add_argument("--type", required=True, help="ประเภทหน่วยงาน เช่น เทศบาลตำบล")
    parser.add_argument("--province", required=True, help="จังหวัด (ไม่ต้องพิมพ์คำว่า จังหวัด)")
    parser.add_argument("--district", help="อำเภอ (ไม่ต้องพิมพ์คำว่า อำเภอ)")
    parser.add_argument("--prepared-by", help="หน่วยงานย่อยที่จัดทำรายงาน (ไม่ใส่: ชื่อหน่วยงาน)")
    parser.add_argument("--data", type=Path, default=root / "data", help="folder of the data (default data/)")
    parser.add_argument("--force", action="store_true", help="even when data/ has changes not committed to git")
    return parser


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or project_root()
    args = parser(root).parse_args(argv)
    values = {
        "name": args.name,
        "short_name": args.short_name,
        "type": args.type,
        "district": args.district,
        "province": args.province,
        "prepared_by": args.prepared_by or args.name,
    }
    shown = args.data.resolve().name
    try:
        started = start(args.data, values, root / "schemas", force=args.force)
    except NewAgencyError as exc:
        print(exc, file=sys.stderr)
        print(REFUSED.format(data=shown), file=sys.stderr)
        return 1
    print(DONE.format(name=args.name))
    print(WROTE.format(path=f"{shown}/organization.yml"))
    print(KEPT_LINE.format(paths=", ".join(f"{shown}/{k}" + ("/" if k != "README.md" else "") for k in started.kept)))
    if started.removed:
        folders = sorted({r.split("/")[0] + ("/" if "/" in r else "") for r in started.removed})
        print(REMOVED.format(n=len(started.removed), folders=", ".join(folders)))
    print(NEXT.format(data=shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
