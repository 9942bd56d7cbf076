"""Synthetic ITA data for the benchmarks: a consistent `data/` folder of any size.

    write_synthetic(target, years=20, rows_per_issue=40)

writes `target/` (a data folder: organization, the 10 indicators, the methodology, and per
fiscal year the scores, question catalog, action table, recommendations and progress) and
returns a :class:`Synthetic` summary. Deterministic: the same arguments give the same files.

The data is consistent, so it passes every check of ``ita_site.site.inspect``: each year's
stated total, tool scores and level are computed from its indicator scores with the core's
own ``ita_site.scoring.compute``; every action row, recommendation and citation names a code
of the year's question catalog; progress updates lie in the plan's fiscal year and before the
build date. The organization, catalog and methodology are those of the invented second agency
(``tests/fixtures/other_agency/data``). The Thai text is drawn from a pool of words, so each
paragraph differs (the search index has real segmentation work to do).

``tests/test_synthetic.py`` checks that what this writes validates, so it cannot rot.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import yaml

from . import ROOT

TEMPLATE = ROOT / "tests" / "fixtures" / "other_agency" / "data"
LATEST = 2566  # the latest fiscal year; earlier years count back from it (FY2566 plans ran in FY2567: past)
SCHEMA = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"

# Thai words to compose sentences from (no digits: prose figures are checked against the data)
WORDS = (
    "หน่วยงาน บุคลากร ประชาชน ผู้รับบริการ การปฏิบัติงาน ความโปร่งใส การเปิดเผยข้อมูล งบประมาณ "
    "การจัดซื้อจัดจ้าง ทรัพย์สินของราชการ การร้องเรียน การทุจริต สินบน ผลประโยชน์ทับซ้อน คู่มือ "
    "ขั้นตอน ระยะเวลา มาตรฐาน เว็บไซต์ ประกาศ ประชาสัมพันธ์ การประชุม ชี้แจง ติดตาม ตรวจสอบ "
    "รายงาน ผลการดำเนินงาน แผนปฏิบัติการ คุณธรรม จริยธรรม ผู้บริหาร ผู้บังคับบัญชา การมอบหมายงาน "
    "การประเมิน ความเป็นธรรม การสื่อสาร ช่องทาง ออนไลน์ บอร์ด ข้อมูลข่าวสาร การมีส่วนร่วม "
    "ปรับปรุง พัฒนา เผยแพร่ จัดทำ กำหนด ทบทวน สำรวจ ความพึงพอใจ ประจำปี ไตรมาส อย่างต่อเนื่อง "
    "อย่างทั่วถึง ให้ชัดเจน เข้าถึงง่าย ภายในหน่วยงาน ภายนอก ท้องถิ่น ชุมชน ตำบล สำนักงาน"
).split()
UNITS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุข", "งานนโยบายและแผน")
# question prefixes in turn: (prefix, tool of the catalog, indicators it may belong to)
PREFIXES = (
    ("I", "IIT", (1, 2, 3, 4, 5)),
    ("E", "EIT", (6, 7, 8)),
    ("O", "OIT", (9, 10)),
    ("EP", "EIT Public", (6, 7, 8)),
    ("O", "OIT", (9, 10)),
    ("ES", "EIT Survey", (6, 7, 8)),
    ("I", "IIT", (1, 2, 3, 4, 5)),
)
ISSUES = 7  # the seven issues (๗ ประเด็น)


@dataclass(frozen=True)
class Synthetic:
    """What was written."""

    root: Path
    years: tuple[int, ...]
    questions_per_year: int
    rows_per_year: int


def _sentence(rng: random.Random, low: int = 6, high: int = 14) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _score(rng: random.Random, low: float = 70.0) -> float:
    return round(rng.uniform(low, 100.0), 2)


def _dump(path: Path, kind: str, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(SCHEMA.format(kind=kind) + text, encoding="utf-8")


def _questions(count: int) -> list[dict]:
    """`count` question codes, each prefix numbered from 1, spread over the prefixes' indicators."""
    numbers: dict[str, int] = {}
    out = []
    for i in range(count):
        prefix, tool, indicators = PREFIXES[i % len(PREFIXES)]
        numbers[prefix] = numbers.get(prefix, 0) + 1
        out.append({"code": f"{prefix}{numbers[prefix]}", "tool": tool, "indicator": indicators[numbers[prefix] % len(indicators)]})
    return out


def write_synthetic(
    target: Path | str,
    years: int = 3,
    rows_per_issue: int = 3,
    *,
    progress: bool = True,
    seed: int = 2566,
) -> Synthetic:
    """Write a data folder with `years` fiscal years (ending with FY2566), each with an action
    table of seven issues of `rows_per_issue` rows, its question catalog, recommendations and
    (if `progress`) the tracking of a third of the rows. `target` is replaced."""
    from ita_site.model.files import Indicator, Methodology
    from ita_site.scoring import compute, round2

    if not 1 <= years <= LATEST - 2500 or rows_per_issue < 1:
        raise ValueError("years: 1 to 66, rows_per_issue: at least 1")
    rng = random.Random(f"{seed}-{years}-{rows_per_issue}")
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(TEMPLATE / "organization.yml", target / "organization.yml")
    for folder in ("indicators", "methodology"):
        shutil.copytree(TEMPLATE / folder, target / folder)
    catalog = {
        int(p.stem): Indicator.model_validate(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in (target / "indicators").glob("*.yml")
    }
    methodology_file = next((target / "methodology").glob("*.yml"))
    methodology = Methodology.model_validate(yaml.safe_load(methodology_file.read_text(encoding="utf-8")))

    rows = ISSUES * rows_per_issue
    n_questions = rows + rows // 3 + 10  # codes with no action row too, as in a real catalog
    fiscal_years = tuple(range(LATEST - years + 1, LATEST + 1))
    for year in fiscal_years:
        scores = {n: _score(rng) for n in methodology.indicators}
        c = compute(scores, methodology, catalog)
        _dump(
            target / "years" / f"{year}.yml",
            "year",
            {
                "fiscal_year": year,
                "methodology": methodology.id,
                "rank": {"position": rng.randint(1, 7000), "among": "เทศบาลตำบล"},
                "stated": {"total": round2(c.total), "level": c.level, "tools": c.tools_rounded},
                "scores": [
                    {"indicator": n, "name": catalog[n].name_in(year), "score": s, "analysis": _paragraph(rng)}
                    for n, s in scores.items()
                ],
            },
        )
        questions = _questions(n_questions)
        for q in questions:
            q["text"] = _sentence(rng, 8, 16) + "มากน้อยเพียงใด"
        _dump(target / "questions" / f"{year}.yml", "questions", {"fiscal_year": year, "questions": questions})

        picked = rng.sample(questions, rows)
        issues = []
        for i in range(ISSUES):
            issue_rows = []
            for q in picked[i * rows_per_issue : (i + 1) * rows_per_issue]:
                row: dict = {"question": q["code"]}
                if q["code"].startswith("E") and rng.random() < 0.3:
                    row["scores"] = {"EIT Public": _score(rng, 60), "EIT Survey": _score(rng, 60)}
                else:
                    row["score"] = _score(rng, 50)
                row.update(
                    practice=[_sentence(rng) for _ in range(rng.randint(1, 3))],
                    responsible=rng.sample(UNITS, rng.randint(1, 2)),
                    steps=[_sentence(rng) for _ in range(rng.randint(1, 4))],
                    period=rng.choice([None, "ตลอดปีงบประมาณ", "ไตรมาสแรกของปีงบประมาณ"]),
                    constraints=[_sentence(rng) for _ in range(rng.randint(0, 2))],
                )
                issue_rows.append(row)
            issues.append({"number": i + 1, "title": _sentence(rng, 3, 6), "rows": issue_rows})
        _dump(target / "actions" / f"{year}.yml", "actions", {"fiscal_year": year, "issues": issues})

        sections = []
        for tool, title in (("IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)"), ("EIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)"), ("OIT", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)")):
            mine = [n for n in methodology.indicators if catalog[n].tool == tool]
            items = []
            for k in range(1, 4):
                cited = rng.choice([q["code"] for q in questions if q["code"].startswith("O")])
                items.append(
                    {"id": f"{tool}-{k}", "indicators": sorted(rng.sample(mine, 1)), "text": f"{_paragraph(rng)} (อ้างอิงจาก {cited})"}
                )
            sections.append({"tool": tool, "title": title, "intro": _paragraph(rng), "items": items})
        _dump(target / "recommendations" / f"{year}.yml", "recommendations", {"fiscal_year": year, "sections": sections})

        if progress:
            from ita_site.dates import fiscal_year_start

            start = fiscal_year_start(year + 1)
            tracked = []
            for issue in issues:
                for row in issue["rows"][::3]:
                    status = rng.choice(["not_started", "in_progress", "done", "cancelled"])
                    count = 0 if status == "not_started" else rng.randint(1, 3)
                    days = sorted(rng.sample(range(1, 360), count))
                    tracked.append(
                        {
                            "issue": issue["number"],
                            "question": row["question"],
                            "status": status,
                            "updates": [
                                {"date": (start + timedelta(days=d)).isoformat(), "text": _sentence(rng)} for d in days
                            ],
                        }
                    )
            _dump(
                target / "progress" / f"{year}.yml",
                "progress",
                {"fiscal_year": year, "plan_year": year + 1, "actions": tracked},
            )
    return Synthetic(target, fiscal_years, n_questions, rows)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic data folder (see benchmarks/synthetic.py).")
    parser.add_argument("target", type=Path)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--rows", type=int, default=3, help="rows per issue of each action table")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    made = write_synthetic(args.target, args.years, args.rows, progress=not args.no_progress)
    print(f"{made.root}: fiscal years {made.years[0]}–{made.years[-1]}, {made.questions_per_year} questions and {made.rows_per_year} action rows a year")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
