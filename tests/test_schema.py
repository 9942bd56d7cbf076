"""The JSON Schema of each data file kind: generated from the models, shipped, wired for editors."""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DEFAULT_AGENCY, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from ita_site.model.files import IndicatorScore
from ita_site.model.kinds import KINDS, MODELINE, kind_of, schema_text

SCHEMAS = ROOT / "schemas"
DATA = DEFAULT_AGENCY


@functools.cache
def validator(kind_name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind_name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def data_files(root: Path = DATA) -> list[Path]:
    return sorted(root.rglob("*.yml"))


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_committed_schemas_are_the_ones_the_models_give():
    for kind in KINDS:
        committed = (SCHEMAS / kind.schema_file).read_text(encoding="utf-8")
        assert committed == schema_text(kind), f"schemas/{kind.schema_file} is stale: run python scripts/schema.py"
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(k.schema_file for k in KINDS)


def test_schema_check_command_fails_on_a_stale_schema(tmp_path, monkeypatch):
    ok = subprocess.run([sys.executable, "scripts/schema.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    from ita_site.model import kinds

    kinds.write_schemas(tmp_path)
    (tmp_path / "year.schema.json").write_text("{}", encoding="utf-8")
    assert kinds.stale_schemas(tmp_path) == ["year.schema.json"]


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_validates_against_its_schema(path):
    kind = kind_of(path.relative_to(DATA).as_posix())
    assert kind is not None, f"{path} is of no known kind"
    errors = list(validator(kind.name).iter_errors(load(path)))
    assert not errors, [e.message for e in errors]


BROKEN = [
    ("years/2566.yml", lambda d: d["scores"][0].update(score=105), "105"),
    ("years/2566.yml", lambda d: d["scores"][0].update(score="สูง"), "สูง"),
    ("years/2566.yml", lambda d: d["stated"].update(totl=d["stated"].pop("total")), "totl"),
    ("indicators/09.yml", lambda d: d.update(tool="OTI"), "OTI"),
    ("organization.yml", lambda d: d.pop("province"), "province"),
    ("actions/2566.yml", lambda d: d["issues"][0]["rows"][0].update(question="1๒๐"), "1๒๐"),
    ("questions/2566.yml", lambda d: d["questions"][0].update(tool="EIT public"), "EIT public"),
    ("methodology/ita-2566.yml", lambda d: d["tools"][0].update(weight=1.5), "1.5"),
    ("recommendations/2566.yml", lambda d: d["sections"][0]["items"][0].update(id="IIT 1"), "IIT 1"),
]


@pytest.mark.parametrize("relative, breaks, shown", BROKEN, ids=[b[2] for b in BROKEN])
def test_a_broken_copy_does_not_validate(relative, breaks, shown):
    doc = copy.deepcopy(load(DATA / relative))
    breaks(doc)
    kind = kind_of(relative)
    errors = list(validator(kind.name).iter_errors(doc))
    assert errors, f"schema accepted a broken {relative} ({shown})"


def test_blank_score_of_a_year_being_filled_is_valid_for_the_editor():
    doc = load(DATA / "years/2566.yml")
    doc["scores"][0]["score"] = None
    doc["stated"]["total"] = None
    assert not list(validator("year").iter_errors(doc))


SCORE_TEXT = st.builds(
    lambda pad, zeros, whole, frac, thai: pad
    + (zeros + whole + (("." + frac) if frac else "")).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if thai else {})
    + pad,
    st.sampled_from(["", " "]),
    st.sampled_from(["", "0"]),
    st.integers(0, 120).map(str),
    st.sampled_from(["", "0", "00", "5", "07", "99"]),
    st.booleans(),
)
SCORES = st.one_of(
    st.floats(-5, 105, allow_nan=False),
    st.integers(-5, 105),
    SCORE_TEXT,
    st.sampled_from(["", ".", "1.", "95,07", "๙๕,๐๗", "ร้อยละ 95", True]),
)


@functools.cache
def score_validator() -> Draft202012Validator:
    year = validator("year").schema
    return Draft202012Validator({"$defs": year["$defs"], "$ref": "#/$defs/IndicatorScore"})


@settings(max_examples=300, deadline=None)
@given(SCORES)
def test_schema_and_loader_agree_on_every_score(value):
    """Score accepts numbers 0-100 and the same written as text with Thai or Arabic digits:
    the editor (schema) and the validator (model) accept exactly the same values."""
    try:
        IndicatorScore.model_validate({"indicator": 1, "score": value})
        model_ok = True
    except ValidationError:
        model_ok = False
    schema_ok = score_validator().is_valid({"indicator": 1, "score": value})
    assert schema_ok == model_ok, value


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_names_its_schema_for_editors(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), first
    target = (path.parent / first[len(MODELINE) :]).resolve()
    kind = kind_of(path.relative_to(DATA).as_posix())
    assert target == (SCHEMAS / kind.schema_file).resolve()


def test_vscode_maps_every_kind_to_its_schema():
    settings_ = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings_["yaml.schemas"]
    assert mapping == {f"./schemas/{k.schema_file}": [f"data/{k.pattern}"] for k in KINDS}
    for schema in mapping:
        assert (ROOT / schema).is_file()
    for path in data_files():
        matches = [s for s, globs in mapping.items() if any(path.relative_to(ROOT).match(g) for g in globs)]
        assert len(matches) == 1, (path, matches)
