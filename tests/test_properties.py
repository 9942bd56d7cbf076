"""Property-based tests (hypothesis): random valid data sets load and render; random invalid
ones fail with DataErrors only, each located inside its file. Nothing crashes.

A data set is generated as Python values ({relative path: content}) and written with
``yaml.safe_dump``; the expected totals, tool scores and levels are computed here with
Decimal, independently of ``ita_site.scoring``.
"""

from __future__ import annotations

import re
import string
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from ita_site.errors import DataErrors
from ita_site.inputs.yaml_source import normalise_text
from ita_site.pages import build_pages
from ita_site.templating import md_escape
from ita_site.site import load_site

# Fixed, derandomized profile: the same examples on every run and in CI, a few seconds in all.
PROFILE = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

TOOLS = ["IIT", "EIT", "OIT"]
PREFIX_TOOL = {"I": "IIT", "E": "EIT", "EP": "EIT Public", "ES": "EIT Survey", "O": "OIT"}
CHANNELS = ["IIT", "EIT", "EIT Public", "EIT Survey", "OIT"]

# Text: Thai and Latin letters, spaces and every character that means something in Markdown,
# HTML or Jinja. No digits (prose may only quote the data's figures), no control characters.
THAI = "".join(chr(c) for c in range(0x0E01, 0x0E4F) if not 0x0E3B <= c <= 0x0E3E)
ALPHABET = THAI + string.ascii_letters + " " * 6 + "<>&\"'*_[](){}#|!`\\-+.:;/=~%$@^?,"
text = st.text(alphabet=ALPHABET, min_size=1, max_size=24).filter(lambda s: s.strip())
paragraph = st.one_of(text, st.lists(text, min_size=2, max_size=3).map("\n".join))
score = st.integers(0, 10000).map(lambda c: c / 100)


def d(value: float) -> Decimal:
    return Decimal(repr(value))


def round2(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def shown(value: str) -> str:
    """A text as the loader gives it to the pages."""
    return normalise_text(value).strip()


@st.composite
def methodologies(draw, tools: list[str], indicators: list[int], mid: str) -> dict:
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=len(tools) - 1, max_size=len(tools) - 1, unique=True)))
    percents = [b - a for a, b in zip([0, *cuts], [*cuts, 100])]
    n_levels = draw(st.integers(1, 4))
    minimums = sorted(draw(st.lists(st.integers(1, 99), min_size=n_levels - 1, max_size=n_levels - 1, unique=True)), reverse=True)
    levels = []
    for m in minimums:
        level = {"name": draw(text), "min_total": m}
        if draw(st.booleans()):
            level["min_each_tool"] = draw(st.integers(0, 100))
        levels.append(level)
    levels.append({"name": draw(text), "min_total": 0})
    return {
        "id": mid,
        "title": draw(text),
        "tools": [{"code": t, "name": draw(text), "weight": p / 100} for t, p in zip(tools, percents)],
        "indicators": indicators,
        "pass_mark": draw(score),
        "strength_threshold": draw(score),
        "levels": levels,
    }


def computed(scores: dict[int, float], catalog: dict[int, dict], method: dict) -> tuple[float, dict[str, float], str]:
    means = {}
    for tool in method["tools"]:
        members = [d(scores[n]) for n in method["indicators"] if catalog[n]["tool"] == tool["code"]]
        means[tool["code"]] = sum(members, Decimal(0)) / len(members)
    total = sum((d(t["weight"]) * means[t["code"]] for t in method["tools"]), Decimal(0))
    total_r = round2(total)
    tools_r = {c: round2(v) for c, v in means.items()}
    level = next(
        lv["name"]
        for lv in method["levels"]
        if total_r >= lv["min_total"] and ("min_each_tool" not in lv or all(v >= lv["min_each_tool"] for v in tools_r.values()))
    )
    return total_r, tools_r, level


@st.composite
def data_sets(draw) -> dict[str, object]:
    """A valid data/ folder: {relative path: YAML content as Python values}."""
    files: dict[str, object] = {}
    files["organization.yml"] = {k: draw(text) for k in ("name", "short_name", "type", "district", "province", "prepared_by")}
    tools = draw(st.lists(st.sampled_from(TOOLS), min_size=1, max_size=3, unique=True))
    numbers = sorted(draw(st.lists(st.integers(1, 99), min_size=len(tools), max_size=len(tools) + 4, unique=True)))
    years = sorted(draw(st.lists(st.integers(2550, 2600), min_size=1, max_size=3, unique=True)))
    catalog: dict[int, dict] = {}
    for i, n in enumerate(numbers):
        ind = {"number": n, "name": draw(text), "tool": tools[i] if i < len(tools) else draw(st.sampled_from(tools)), "measures": draw(paragraph)}
        renamed = draw(st.lists(st.sampled_from(years), max_size=2, unique=True))
        if renamed:
            ind["names_by_year"] = {y: draw(text) for y in renamed}
        catalog[n] = ind
        files[f"indicators/{n:02d}.yml"] = ind
    method_ids = draw(st.lists(st.sampled_from(["ita-a", "ita-b", "m-2566"]), min_size=1, max_size=2, unique=True))
    methods = {mid: draw(methodologies(tools, numbers, mid)) for mid in method_ids}
    for mid, m in methods.items():
        files[f"methodology/{mid}.yml"] = m

    for year in years:
        mid = draw(st.sampled_from(method_ids))
        order = draw(st.permutations(numbers))
        scores = {n: draw(score) for n in numbers}
        total, tool_scores, level = computed(scores, catalog, methods[mid])
        stated: dict[str, object] = {"total": total}
        if draw(st.booleans()):
            stated["level"] = level
        if draw(st.booleans()):
            stated["tools"] = tool_scores
        entries = []
        if draw(st.integers(0, 3)) == 0:  # a partial year: the agency published some scores, or none
            kept = draw(st.sets(st.sampled_from(numbers)))
            order = [n for n in order if n in kept]
        for n in order:
            entry: dict[str, object] = {"indicator": n, "score": scores[n]}
            if draw(st.booleans()):
                entry["name"] = catalog[n].get("names_by_year", {}).get(year, catalog[n]["name"])
            if draw(st.booleans()):
                entry["analysis"] = draw(paragraph)
            entries.append(entry)
        year_file: dict[str, object] = {"fiscal_year": year, "methodology": mid, "stated": stated, "scores": entries}
        if draw(st.booleans()):
            year_file["rank"] = {"position": draw(st.integers(1, 9999)), "among": draw(text)}
        narrative = {}
        for key in ("results", "results_summary", "analysis_intro", "strengths", "weak_points", "changes", "recommendations_intro"):
            if draw(st.integers(0, 3)) == 0:
                narrative[key] = draw(paragraph)
        for key in ("preface", "rationale", "conclusion"):
            if draw(st.integers(0, 3)) == 0:
                narrative[key] = draw(st.lists(paragraph, min_size=1, max_size=2))
        if narrative:
            year_file["narrative"] = narrative
        files[f"years/{year}.yml"] = year_file

        codes: list[str] = []
        if draw(st.booleans()):
            questions = []
            for prefix, number in draw(st.lists(st.tuples(st.sampled_from(list(PREFIX_TOOL)), st.integers(1, 60)), min_size=1, max_size=8, unique=True)):
                q = {"code": f"{prefix}{number}", "tool": PREFIX_TOOL[prefix], "indicator": draw(st.sampled_from(numbers))}
                if draw(st.booleans()):
                    q["text"] = draw(paragraph)
                questions.append(q)
                codes.append(q["code"])
            files[f"questions/{year}.yml"] = {"fiscal_year": year, "questions": questions}
        if codes and draw(st.booleans()):
            used = draw(st.permutations(codes))
            n_issues = draw(st.integers(1, min(3, len(used))))
            issue_numbers = draw(st.lists(st.integers(1, 7), min_size=n_issues, max_size=n_issues, unique=True))
            issues = []
            for i, number in enumerate(issue_numbers):
                chunk = used[i::n_issues]
                rows = []
                for code in chunk:
                    row: dict[str, object] = {"question": code}
                    if code.startswith("E") and draw(st.booleans()):
                        row["scores"] = {ch: draw(score) for ch in draw(st.lists(st.sampled_from(["EIT Public", "EIT Survey"]), min_size=1, max_size=2, unique=True))}
                    else:
                        row["score"] = draw(score)
                    for key in ("practice", "responsible", "steps", "constraints"):
                        row[key] = draw(st.lists(paragraph, max_size=3))
                    row["period"] = draw(st.one_of(st.none(), text))
                    rows.append(row)
                issues.append({"number": number, "title": draw(text), "rows": rows})
            files[f"actions/{year}.yml"] = {"fiscal_year": year, "issues": issues}
        if draw(st.booleans()):
            sections = []
            ids = set()
            for _ in range(draw(st.integers(1, 3))):
                items = []
                for _ in range(draw(st.integers(0, 3))):
                    rid = draw(st.sampled_from(codes)) if codes and draw(st.booleans()) else f"R-{len(ids) + 1}"
                    if rid in ids:
                        rid = f"R-{len(ids) + 1}x"
                    ids.add(rid)
                    body = draw(paragraph)
                    if codes and draw(st.booleans()):
                        body += f" (อ้างอิงจาก {draw(st.sampled_from(codes))})"
                    items.append({"id": rid, "indicators": draw(st.lists(st.sampled_from(numbers), max_size=2, unique=True)), "text": body})
                section: dict[str, object] = {"tool": draw(st.sampled_from(CHANNELS)), "title": draw(text), "items": items}
                if draw(st.booleans()):
                    section["intro"] = draw(paragraph)
                sections.append(section)
            files[f"recommendations/{year}.yml"] = {"fiscal_year": year, "sections": sections}
    return files


def write(files: dict[str, object], root: Path) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def assert_located(errors, root: Path) -> None:
    """Every error names a path under data/ and a line inside that file."""
    assert errors
    for e in errors:
        assert e.file.startswith(root.name + "/") or e.file == root.name, e
        path = root.parent / e.file
        assert e.column >= 1, e
        if path.is_file():
            raw = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # as editors count lines
            lines = max(1, len(raw.split(b"\n")) - (1 if raw.endswith(b"\n") else 0))
            assert 1 <= e.line <= lines, (str(e), lines)
        else:
            assert e.line == 1, e
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in e.problem), e  # said in Thai


@PROFILE
@given(files=data_sets())
def test_random_valid_data_loads_and_renders_every_page(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = write(files, Path(tmp) / "data")
        site = load_site(root)
        pages = build_pages(site)
    years = sorted(int(p[6:10]) for p in files if p.startswith("years/"))
    assert sorted(site.years) == years
    paths = {p.path for p in pages}
    n_issues = sum(len(f["issues"]) for p, f in files.items() if p.startswith("actions/"))
    expected = (
        len(years) * 3  # overview, about and full report of each year
        + sum(p.startswith("indicators/") for p in files)
        + n_issues
        + sum(p.startswith(("recommendations/", "questions/")) for p in files)
        + sum(any(re.fullmatch(r"O[0-9]+", q["code"]) for q in f["questions"]) for p, f in files.items() if p.startswith("questions/"))  # OIT page
        + sum(p.startswith("actions/") for p in files)  # the action plan page of a year with actions
        + (len(years) > 1)  # comparison (one year: nothing to compare, no page)
        + 1  # open data (downloads)
    )
    assert len(pages) == len(paths) == expected
    assert all(p.markdown.strip().startswith("# ") or "\n# " in p.markdown for p in pages)  # one H1 (the full report opens with its cover block)
    by_path = {p.path: p.markdown for p in pages}
    # every list item of the action tables is on its issue page, as escaped text
    for rel, actions in files.items():
        if rel.startswith("actions/"):
            for issue in actions["issues"]:
                page = by_path[f"issues/{actions['fiscal_year']}/{issue['number']}.md"]
                for row in issue["rows"]:
                    for key in ("practice", "responsible", "steps", "constraints"):
                        for item in row[key]:
                            assert str(escape(" ".join(shown(item).splitlines()))) in page
    # every recommendation has its heading
    for rel, recs in files.items():
        if rel.startswith("recommendations/"):
            page = by_path[f"recommendations/{recs['fiscal_year']}.md"]
            for section in recs["sections"]:
                assert md_escape(shown(section["title"])) in page
                for item in section["items"]:
                    assert f"### {item['id']} {{: #{item['id']} }}" in page


# --- invalid mutations: always DataErrors, never another exception ------------------------


def leaf_paths(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaf_paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaf_paths(v, (*path, i))
    else:
        yield path


def mapping_paths(value, path=()):
    if isinstance(value, dict):
        yield path
        for k, v in value.items():
            yield from mapping_paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from mapping_paths(v, (*path, i))


def get(value, path):
    for p in path:
        value = value[p]
    return value


def put(value, path, new):
    get(value, path[:-1])[path[-1]] = new


@st.composite
def invalid(draw):
    """A valid set and one mutation that must make it invalid."""
    import copy

    files = copy.deepcopy(draw(data_sets()))
    yml = sorted(p for p in files if isinstance(files[p], dict))
    rel = draw(st.sampled_from(yml))
    content = files[rel]
    kind = draw(st.sampled_from(["wrong_type", "out_of_range", "unknown_key", "missing_key", "duplicate_key", "dangling", "garbage", "bytes"]))
    if kind == "wrong_type":
        path = draw(st.sampled_from(list(leaf_paths(content))))
        put(content, path, draw(st.sampled_from([{"x": [1]}, [[{}]], True])))
    elif kind == "out_of_range":
        paths = [p for p in leaf_paths(content) if p and p[-1] in ("score", "total", "pass_mark", "strength_threshold", "min_total", "weight", "position", "fiscal_year", "number")]
        assume(paths)
        path = draw(st.sampled_from(paths))
        put(content, path, draw(st.sampled_from([-1, -0.01, 100.01, 1e6, 99999])) if path[-1] != "position" else 0)
    elif kind == "unknown_key":
        path = draw(st.sampled_from(list(mapping_paths(content))))
        target = get(content, path)  # (in a map of years, tools or channels a text key is wrong too)
        target[draw(st.sampled_from(["zz_unknown", "Name", "score_"]))] = "x"
    elif kind == "missing_key":
        required = {"name", "short_name", "type", "district", "province", "prepared_by", "number", "tool", "measures",
                    "id", "title", "tools", "levels", "fiscal_year", "methodology", "stated", "scores", "score", "total",
                    "code", "indicator", "questions", "issues", "rows", "practice", "responsible", "steps", "constraints",
                    "question", "sections", "items", "text", "weight", "min_total", "pass_mark", "strength_threshold",
                    "position", "among", "indicators"}

        def optional(p) -> bool:  # keys that are required in one place and optional in another
            return (p[0] == "scores" and p[-1] == "name") or (p[0] == "questions" and p[-1] == "text") or p == ("stated", "tools") or (p[0] == "sections" and p[-1] == "indicators") \
                or partial(p)

        def partial(p) -> bool:  # a year holds what the agency published: a figure left out is not published
            return p in (("stated",), ("scores",), ("stated", "total")) or (p[0] == "scores" and p[-1] == "score")

        paths = [p for p in [*leaf_paths(content), *mapping_paths(content)] if p and isinstance(p[-1], str) and p[-1] in required and not optional(p)]
        paths += [p[:-1] for p in leaf_paths(content) if len(p) > 1 and isinstance(p[-1], int) and p[-2] in required and not optional(p[:-1])]
        assume(paths)
        path = draw(st.sampled_from(paths))
        del get(content, path[:-1])[path[-1]]
    elif kind == "duplicate_key":
        first = next(iter(content))
        files[rel] = yaml.safe_dump(content, allow_unicode=True, sort_keys=False) + yaml.safe_dump({first: content[first]}, allow_unicode=True)
    elif kind == "dangling":
        unused = next(n for n in range(1, 100) if f"indicators/{n:02d}.yml" not in files)
        options = [("methodology",)] if rel.startswith("years/") else []
        for p in leaf_paths(content):
            if p and p[-1] in ("indicator", "question") or (len(p) > 1 and p[-2] == "indicators"):
                options.append(p)
        assume(options)
        path = draw(st.sampled_from(options))
        put(content, path, {"methodology": "no-such-rules", "question": "O999"}.get(path[-1], unused))
    elif kind == "garbage":
        files[rel] = draw(st.sampled_from(["key: [unclosed", "\t- tab", "a: b: c", "- just\n- a list\n", "", "   \n", "&a [*a]", "x: !!python/object/apply:os.system [ls]", "{" * 60, "? [a]\n: b\n", "x: *nothing"]))
    else:
        files[rel] = draw(st.binary(min_size=1, max_size=200).filter(lambda b: b.strip() and not b.isascii()))
    return files, rel, kind


@PROFILE
@given(case=invalid())
def test_random_invalid_data_fails_with_located_data_errors(case):
    files, rel, kind = case
    with tempfile.TemporaryDirectory() as tmp:
        root = write(files, Path(tmp) / "data")
        try:
            load_site(root)
        except DataErrors as exc:
            assert_located(exc.errors, root)
        else:
            raise AssertionError(f"{kind} in {rel} was accepted")


@PROFILE
@given(files=data_sets(), cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=3), which=st.integers(0, 10**6))
def test_damaged_file_never_crashes(files, cut, flips, which):
    """A file cut short or with a few bytes changed may still be valid; if not, DataErrors only."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write(files, Path(tmp) / "data")
        paths = sorted(root.rglob("*.yml"))
        path = paths[which % len(paths)]
        raw = bytearray(path.read_bytes()[: max(1, int(len(path.read_bytes()) * cut))])
        for where, byte in flips:
            raw[min(len(raw) - 1, int(len(raw) * where))] = byte
        path.write_bytes(bytes(raw))
        try:
            site = load_site(root)
        except DataErrors as exc:
            assert_located(exc.errors, root)
        else:
            build_pages(site)
