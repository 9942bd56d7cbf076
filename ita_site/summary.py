"""The few lines that sum up a check of `data/`, for the validator and the build log."""

from __future__ import annotations

from .site import Report

TODO_HEAD = (
    "ยังไม่ได้กรอก {n} ช่อง ({n} value{s} to fill in) — หน้าของปี {years} จะแสดงว่า “รอกรอกข้อมูล” "
    "จนกว่าจะกรอกครบ:"
)
OK = "ข้อมูลถูกต้อง (data OK): {org}, ปีงบประมาณ {years}"
OK_NO_YEAR = (
    "ข้อมูลถูกต้อง (data OK): {org}, ยังไม่มีผลการประเมินรายปี — เริ่มด้วย python scripts/new_year.py <พ.ศ.> "
    "หรือสร้างไฟล์ data/years/<พ.ศ.>.yml (ดู data/README.md)"
)
OK_PENDING = " · ปี {years} รอกรอกข้อมูล"
WARNINGS_HEAD = "คำเตือน {n} จุด ({n} warning{s}: the build goes on) — ตรวจแล้วแก้ถ้าไม่ถูกต้อง:"
BUILD_NOTICE = (
    "ปี {years} ยังกรอกข้อมูลไม่ครบ ({n} ช่อง): หน้าของปีนี้แสดง “รอกรอกข้อมูล” "
    "ดูรายการที่ต้องกรอกด้วย python scripts/validate.py"
)


def _years(years) -> str:
    return ", ".join(str(y) for y in sorted(years))


def todo_lines(report: Report) -> list[str]:
    if not report.todo:
        return []
    pending = sorted(report.site.pending) if report.site else sorted({t.file for t in report.todo})
    n = len(report.todo)
    head = TODO_HEAD.format(n=n, s="" if n == 1 else "s", years=_years(pending))
    return [head, *(f"  {t}" for t in report.todo)]


def warning_lines(report: Report) -> list[str]:
    """The warnings (another agency's name in the prose, a stated level the total does not
    give): printed by the validator and logged by the build, which goes on."""
    if not report.warnings:
        return []
    n = len(report.warnings)
    return [WARNINGS_HEAD.format(n=n, s="" if n == 1 else "s"), *(f"  {w}" for w in report.warnings)]


def ok_line(report: Report) -> str:
    site = report.site
    assert site is not None
    if site.years:
        line = OK.format(org=site.organization.name, years=_years(site.years))
    else:
        line = OK_NO_YEAR.format(org=site.organization.name)
    if site.pending:
        line += OK_PENDING.format(years=_years(site.pending))
    return line


def build_notice(report: Report) -> str | None:
    """One line for the build log when a year is still being filled in, else None."""
    if report.site is None or not report.site.pending:
        return None
    return BUILD_NOTICE.format(years=_years(report.site.pending), n=len(report.todo))
