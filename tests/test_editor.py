"""The form editor at admin/ (ita_site/editor): its configuration follows the model, the
citizens' pages do not change, and a clerk's walkthrough in Chromium, offline, against a local
repository writes the YAML a person would write, which the build then validates and shows."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import shutil
import subprocess
import tarfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import AS_OF, AS_OF_EPOCH, DEFAULT_AGENCY, ROOT, build, project_copy, with_tracking
from pydantic import BaseModel

from ita_site import config as ita_config
from ita_site.devtools.editor_walkthrough import Clerk, build_site, decap_server, free_port, git_repository
from ita_site.editor import bundle as editor_bundle
from ita_site.editor.config import EDITED, decap_config
from ita_site.editor.fields import _alternatives, _unwrap
from ita_site.local_server import serve
from ita_site.model.files import STATUSES
from ita_site.model.kinds import KINDS
from ita_site.site import inspect, load_site
from ita_site.wording import labels

EVIDENCE = b"%PDF-1.4\n% the final manual (test evidence)\n%%EOF\n"


def config_of(data: Path) -> dict:
    settings = ita_config.load({"data_dir": str(data)}, ROOT, repo_url="https://github.com/ban-mai/ita")
    return decap_config(load_site(data), settings, labels())


@pytest.fixture(scope="module")
def tracking_config(tmp_path_factory) -> dict:
    return config_of(with_tracking(tmp_path_factory.mktemp("cfg") / "data"))


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def fields_of(coll: dict) -> list[dict]:
    return coll["files"][0]["fields"] if "files" in coll else coll["fields"]


def field_at(fields: list[dict], *path: str) -> dict:
    found: dict = {}
    for name in path:
        found = next(f for f in fields if f["name"] == name)
        fields = found.get("fields") or ([found["field"]] if "field" in found else [])
    return found


# --- the configuration: generated from the model ----------------------------------------------


def model_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    """Every field of a model, nested models and lists of them included: (path, FieldInfo)."""
    out = []
    for name, info in model.model_fields.items():
        out.append(((*prefix, name), info))
        annotation, _, _ = _unwrap(info.annotation)
        for option in [annotation, *_alternatives(info.annotation)]:
            inner, _, _ = _unwrap(option)
            if getattr(inner, "__origin__", None) is list:
                inner, _, _ = _unwrap(inner.__args__[0])
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                out.extend(model_paths(inner, (*prefix, name)))
                break
    return out


@pytest.mark.parametrize("kind", EDITED)
def test_every_field_of_the_model_is_a_form_field_with_thai_label_and_help(tracking_config, kind):
    model = next(k.model for k in KINDS if k.name == kind)
    fields = fields_of(collection(tracking_config, kind))
    paths = model_paths(model)
    assert len(paths) >= 3
    for path, info in paths:
        field = field_at(fields, *path)
        assert field["name"] == path[-1]
        assert field["label"] == info.title and re.search("[ก-๙]", field["label"]), path
        assert field.get("hint") == info.description, path
        may_be_empty = not info.is_required() or _unwrap(info.annotation)[1]
        assert field.get("required", True) == (not may_be_empty), path


def test_the_configuration_is_the_one_of_the_current_model(tracking_config, tmp_path):
    """What admin/config.yml holds is generated at each build: a field added to the model
    appears in the next build's forms (no hand-written copy that could fall behind)."""
    from ita_site.editor import fields as fields_module

    class Probe(BaseModel):
        new_key: str = ""

    writer = fields_module.FieldWriter(fields_module.Catalog(), fields_module.Messages("", "", {}))
    assert [f["name"] for f in writer.fields_of(Probe)] == ["new_key"]
    assert [c["name"] for c in tracking_config["collections"]] == list(EDITED)
    year = collection(tracking_config, "year")
    assert year["folder"].endswith("/years") and year["extension"] == "yml" and year["format"] == "ita-year"


def test_codes_are_chosen_from_the_agencys_catalog(tracking_config, tmp_path):
    data = with_tracking(tmp_path / "data")
    site = load_site(data)
    codes = sorted({c for y in [*site.years.values(), *site.pending.values()] for c in y.questions})
    progress = fields_of(collection(tracking_config, "progress"))
    question = field_at(progress, "actions", "question")
    assert question["widget"] == "select"
    assert sorted(o["value"] for o in question["options"]) == codes
    status = field_at(progress, "actions", "status")
    assert [o["value"] for o in status["options"]] == list(STATUSES)
    assert all(labels()["status"][o["value"]] in o["label"] for o in status["options"])
    years = fields_of(collection(tracking_config, "year"))
    assert [o["value"] for o in field_at(years, "methodology")["options"]] == sorted(site.methodologies)
    indicator = field_at(years, "scores", "indicator")
    assert [o["value"] for o in indicator["options"]] == sorted(site.indicators)
    assert all(isinstance(o["value"], int) for o in indicator["options"])
    oit = field_at(fields_of(collection(tracking_config, "disclosures")), "items", "code")
    assert oit["options"] and all(o["value"].startswith("O") for o in oit["options"])


def test_numbers_stay_numbers_lists_stay_lists_files_are_uploads(tracking_config):
    years = fields_of(collection(tracking_config, "year"))
    score = field_at(years, "scores", "score")
    assert (score["widget"], score["value_type"], score["ita_min"], score["ita_max"]) == ("ita-number", "float", 0, 100)
    assert field_at(years, "fiscal_year")["value_type"] == "int"
    assert field_at(years, "rank")["widget"] == "list"
    progress = fields_of(collection(tracking_config, "progress"))
    evidence = field_at(progress, "actions", "updates", "evidence")
    assert evidence["widget"] == "list" and evidence["field"]["widget"] == "file"
    assert field_at(progress, "actions", "updates", "date")["widget"] == "ita-date"
    assert tracking_config["media_folder"].endswith("/evidence") and tracking_config["public_folder"] == "evidence"


def test_the_forms_messages_are_the_validators():
    from ita_site.editor.config import messages
    from ita_site.inputs.messages import out_of_range
    from ita_site.errors import message_text

    assert messages().out_of_range.format(value="120", key="score", min=0, max=100) == message_text(
        *out_of_range("120", "score", 0, 100)
    )


# --- the pinned bundle ------------------------------------------------------------------------


def tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return out.getvalue()


def test_a_tarball_that_is_not_the_pinned_one_is_refused(tmp_path):
    fake = tarball({"package/dist/decap-cms.js": b"alert(1)"})
    with pytest.raises(editor_bundle.BundleError, match="pinned"):
        editor_bundle.check_integrity(fake, editor_bundle.DECAP)
    digest = "sha512-" + base64.b64encode(hashlib.sha512(fake).digest()).decode()
    package = editor_bundle.Package("decap-cms", "0", digest, "decap-cms.js", extra_suffixes=(".decap-cms.js",))
    editor_bundle.check_integrity(fake, package)
    fake = tarball({"package/dist/decap-cms.js": b"a", "package/dist/1.decap-cms.js": b"b", "package/dist/cms.js": b"c",
                    "package/dist/decap-cms.js.map": b"d"})
    bundle = editor_bundle.Bundle(package, tmp_path / "out")
    assert editor_bundle.unpack(fake, bundle) == 2
    assert sorted(p.name for p in bundle.files()) == ["1.decap-cms.js", "decap-cms.js"]


def test_the_pinned_bundle_is_installed_and_intact():
    for bundle in editor_bundle.bundles(ROOT):
        assert bundle.present, f"{bundle.folder}: run scripts/test.sh (it installs the editor)"
    decap = editor_bundle.Bundle.at(ROOT, editor_bundle.DECAP)
    assert len(list(decap.folder.glob("*.decap-cms.js"))) > 50


# --- the built site: admin/ apart, citizens' pages unchanged -------------------------------------


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    out = tmp_path_factory.mktemp("editor-sites")
    env = {"SOURCE_DATE_EPOCH": AS_OF_EPOCH}
    with_editor = build(out / "with", DEFAULT_AGENCY, env=env)
    without = build(out / "without", DEFAULT_AGENCY, env={**env, "ITA_EDITOR": "0"})
    assert with_editor.returncode == 0, with_editor.stderr
    assert without.returncode == 0, without.stderr
    assert "form editor at admin/" in with_editor.stderr
    assert "form editor off" in without.stderr
    return out / "with", out / "without"


def test_the_editor_adds_no_byte_to_the_citizens_pages(two_sites):
    with_editor, without = two_sites
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    a, b = files(with_editor), files(without)
    admin = {k for k in a if k.startswith("admin/")}
    assert {"admin/index.html", "admin/config.yml", "admin/ita-cms.js", "admin/decap-cms.js", "admin/js-yaml.min.js"} <= admin
    assert not any(k.startswith("admin/") for k in b)
    assert set(a) - admin == set(b)
    changed = [k for k in b if a[k] != b[k]]
    assert not changed, changed


def test_the_editor_is_not_searched_not_in_the_sitemap_not_indexed(two_sites):
    with_editor, _ = two_sites
    assert "admin" not in (with_editor / "sitemap.xml").read_text()
    search = [p for p in with_editor.rglob("*") if p.is_file() and "search" in p.as_posix() and not p.as_posix().startswith(str(with_editor / "admin"))]
    assert search
    for path in search:
        assert b"admin/" not in path.read_bytes(), path
    page = (with_editor / "admin" / "index.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex' in page
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources and not [s for s in sources if re.match(r"(https?:)?//", s)], sources  # served from the site itself
    assert not [p for p in (with_editor / "admin").iterdir() if p.suffix == ".map"]


def test_without_the_installed_editor_the_site_builds_without_admin(tmp_path):
    project = project_copy(tmp_path / "project")  # a clone: .tools/editor/ not fetched
    result = build(tmp_path / "site", project / "data", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "form editor not installed" in result.stderr
    assert not (tmp_path / "site" / "admin").exists()
    assert (tmp_path / "site" / "index.html").is_file()


# --- the walkthrough in Chromium ---------------------------------------------------------------


@pytest.fixture
def editor(tmp_path, browser):
    """A clerk at the editor: the tracking fixture committed in a repository, the site built
    from it, decap-server and the site served on this machine, Chromium open."""
    repo = git_repository(with_tracking(tmp_path / "data"), tmp_path / "repo")
    port = free_port()
    built = build_site(repo / "data", tmp_path / "site", port, AS_OF_EPOCH)
    assert built.returncode == 0, built.stderr
    server, base = serve(tmp_path / "site")
    try:
        with decap_server(repo, port):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
            page = context.new_page()
            page.set_default_timeout(20000)
            clerk = Clerk(page, base)
            clerk.repo = repo
            clerk.log_in()
            yield clerk
            context.close()
    finally:
        server.shutdown()


def wait_for(check, seconds: float = 20.0):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_clerk_adds_a_progress_update_with_a_file(editor, tmp_path):
    repo = editor.repo
    before = (repo / "data/progress/2566.yml").read_text(encoding="utf-8")
    evidence = tmp_path / "manual-final.pdf"
    evidence.write_bytes(EVIDENCE)
    text = "เผยแพร่คู่มือการยืมทรัพย์สินฉบับสมบูรณ์บนเว็บไซต์ของหน่วยงานแล้ว"
    editor.open("progress", "2566")
    editor.add_update(4, "I20", "2024-04-20", text, evidence)
    editor.publish()
    saved = repo / "data/evidence/manual-final.pdf"
    wait_for(lambda: saved.is_file() and "2024-04-20" in (repo / "data/progress/2566.yml").read_text(encoding="utf-8"))
    assert saved.read_bytes() == EVIDENCE
    after = (repo / "data/progress/2566.yml").read_text(encoding="utf-8")
    # exactly the lines a person adds: the rest of the file (its comment, key order, the
    # long lines) as it was
    added = (
        "      - date: 2024-04-20\n"
        f"        text: {text}\n"
        "        evidence:\n"
        "          - evidence/manual-final.pdf\n"
    )
    anchor = "**ตัวหนา**\n"
    assert after == before.replace(anchor, anchor + added, 1)
    # the build's validation passes, and the rebuilt site shows the update and its file
    report = inspect(repo / "data", AS_OF)
    assert not report.errors, [str(e) for e in report.errors]
    out = tmp_path / "rebuilt"
    result = build(out, repo / "data", env={"SOURCE_DATE_EPOCH": AS_OF_EPOCH})
    assert result.returncode == 0, result.stderr
    plan = (out / "issues" / "2566" / "4.html").read_text(encoding="utf-8")  # the page of issue 4 (I20)
    assert text in plan
    assert "manual-final.pdf" in plan
    assert list(out.rglob("manual-final.pdf"))


def validator_message(data: Path, file: str, old: str, new: str) -> str:
    """The validator's message for the same bad value written in the YAML file."""
    path = data / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    errors = inspect(data, AS_OF).errors
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0].message


def test_a_score_of_120_is_refused_with_the_validators_message(editor, tmp_path):
    shown = editor.refused_score("2566", "120")
    copy = shutil.copytree(editor.repo / "data", tmp_path / "bad")
    score = re.search(r"- indicator: 1\n(?:  .*\n)*?    score: ([0-9.]+)", (copy / "years/2566.yml").read_text(encoding="utf-8"))
    expected = validator_message(copy, "years/2566.yml", f"score: {score.group(1)}", "score: 120")
    assert shown == [expected]
    assert "ค่า 120 ของ 'score' อยู่นอกช่วง" in expected
    subprocess.run(["git", "diff", "--exit-code"], cwd=editor.repo, check=True)  # nothing written


def test_a_date_outside_the_fiscal_year_is_refused_with_the_validators_message(editor, tmp_path):
    editor.open("progress", "2566")
    item = editor.list_item("4 · I20")
    editor.expand(item)
    update = item.locator("[class*=SortableListItem]").filter(has_text="2023-11-15 · ").first
    editor.expand(update)
    day = update.get_by_label("วันที่รายงาน")
    day.fill("2025-01-15")
    editor.publish()
    shown = editor.field_errors()
    copy = shutil.copytree(editor.repo / "data", tmp_path / "bad")
    expected = validator_message(copy, "progress/2566.yml", "date: 2023-11-15", "date: 2025-01-15")
    assert shown == [expected]
    assert "อยู่นอกปีงบประมาณ 2567" in expected
    subprocess.run(["git", "diff", "--exit-code"], cwd=editor.repo, check=True)


def test_a_rank_written_as_one_mapping_is_saved_as_a_list_and_nothing_else_moves(editor):
    path = editor.repo / "data/years/2566.yml"
    before = path.read_text(encoding="utf-8")
    assert re.search(r"^rank: \{", before, re.M)
    editor.open("year", "2566")
    item = editor.list_item("1 · การปฏิบัติหน้าที่")
    editor.expand(item)
    field = item.locator("textarea[id^=analysis-field]")
    old = field.input_value()
    field.fill(old + " ปรับปรุงแล้ว")
    editor.publish()
    wait_for(lambda: path.read_text(encoding="utf-8") != before)
    after = path.read_text(encoding="utf-8")
    data_before, data_after = yaml.safe_load(before), yaml.safe_load(after)
    assert data_after["rank"] == [data_before["rank"]]
    assert data_after["scores"][0]["analysis"] == data_before["scores"][0]["analysis"] + " ปรับปรุงแล้ว"
    data_after["rank"] = data_before["rank"]
    data_after["scores"][0]["analysis"] = data_before["scores"][0]["analysis"]
    assert data_after == data_before
    assert after.splitlines()[0] == before.splitlines()[0]  # the schema line kept
    assert not inspect(editor.repo / "data", AS_OF).errors
