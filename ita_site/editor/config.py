"""The editor's configuration (``admin/config.yml``), generated from the typed model at each build.

One collection per kind of file a clerk keeps (``model.kinds.KINDS``: the organization, the
fiscal years, the question catalog, the action tables, the recommendations, the progress
reports, the OIT disclosures); the shared files (``indicators/``, ``methodology/``) are not
offered: they are the same for every agency and change with the NACC's methodology, in YAML.
The fields are ``fields.FieldWriter``'s; the choices are the agency's own catalog, read from
the checked data of this build.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from ..config import Settings
from ..model.files import STATUSES
from ..model.kinds import KINDS, Kind, modeline
from ..rules.progress import DATE_WHAT, outside_fiscal_year
from ..errors import message_text
from ..inputs.loader import EVIDENCE_FOLDER
from ..inputs.messages import out_of_range
from ..site import Site
from .fields import Catalog, FieldWriter, Messages, Option

# the kinds a clerk edits in forms, in the order of the editor's menu
EDITED = ("organization", "year", "progress", "disclosures", "actions", "recommendations", "questions")


def messages() -> Messages:
    """The validator's messages with placeholders (filled in the browser by admin/ita-cms.js)."""
    return Messages(
        out_of_range=message_text(*out_of_range("{value}", "{key}", "{min}", "{max}")),
        outside_year=message_text(
            *outside_fiscal_year("{what}", "{day}", "{plan_year}", "{first_th}", "{last_th}", "{first}", "{last}")
        ),
        date_what=DATE_WHAT,
    )


def catalog(site: Site, wording: dict[str, Any]) -> Catalog:
    """What the forms offer to choose from: this agency's methodologies, indicators, codes."""
    org = site.organization
    questions: dict[str, str] = {}
    for source in [*site.years.values(), *site.pending.values()]:
        for code, q in sorted(source.questions.items()):
            questions.setdefault(code, q.text or "")
    oit = {code: text for source in [*site.years.values(), *site.pending.values()] for code, q in source.questions.items() if q.tool == "OIT" for text in [q.text or ""]}
    levels: list[str] = []
    for m in site.methodologies.values():
        levels.extend(level.name for level in m.levels if level.name not in levels)
    groups = wording["rank"]["group"]
    fields = {"type": org.type, "province": org.province, "district": org.district or ""}
    return Catalog(
        methodologies=[Option(k, f"{k}: {m.title}") for k, m in sorted(site.methodologies.items())],
        indicators=[Option(n, f"{n}. {i.name}") for n, i in sorted(site.indicators.items())],
        levels=[Option(name, name) for name in levels],
        questions=[Option(code, _labelled(code, text)) for code, text in sorted(questions.items(), key=_code_order)],
        oit_items=[Option(code, _labelled(code, text)) for code, text in sorted(oit.items(), key=_code_order)],
        statuses=[Option(s, f"{wording['status'][s]} ({s})") for s in STATUSES],
        rank_groups=[
            Option(g, f"{text.format(**fields)} ({g})")
            for g, text in groups.items()
            if g != "district" or org.district
        ],
        literals={k: v for k, v in wording["tools"].items()},
    )


def _labelled(code: str, text: str) -> str:
    return f"{code} {text}".strip() if len(text) < 90 else f"{code} {text[:88]}…"


def _code_order(item: tuple[str, str]) -> tuple[str, int]:
    match = re.fullmatch(r"([A-Z]+)([0-9]+)", item[0])
    return (match.group(1), int(match.group(2))) if match else (item[0], 0)


def github_repo(repo_url: str | None) -> str | None:
    """owner/name of a GitHub repository address, None for another host or none."""
    if not repo_url:
        return None
    parsed = urlparse(repo_url)
    parts = [p for p in parsed.path.split("/") if p]
    if parsed.netloc.lower() not in {"github.com", "www.github.com"} or len(parts) < 2:
        return None
    return f"{parts[0]}/{parts[1].removesuffix('.git')}"


def collection(kind: Kind, writer: FieldWriter, settings: Settings, data_dir: str, wording: dict[str, Any]) -> dict[str, Any]:
    model = kind.model
    title = str(model.model_config.get("title") or kind.name)
    label = re.sub(r"\s*\(.*\)$", "", title)
    description = " ".join((model.__doc__ or "").split())
    fields = writer.fields_of(model)
    common = {"name": kind.name, "label": label, "label_singular": label, "description": description}
    if kind.folder is None:
        return {
            **common,
            "editor": {"preview": False},
            "format": format_name(kind),
            "files": [{"name": kind.name, "label": label, "file": f"{data_dir}/{kind.pattern}", "fields": fields}],
        }
    return {
        **common,
        "folder": f"{data_dir}/{kind.folder}",
        "extension": "yml",
        "format": format_name(kind),
        "create": True,
        "delete": False,
        "identifier_field": "fiscal_year",
        "slug": "{{fiscal_year}}",
        "summary": wording["editor"]["summary"],
        "sortable_fields": ["fiscal_year"],
        "editor": {"preview": False},
        "fields": fields,
    }


def format_name(kind: Kind) -> str:
    """The file format of a kind, registered by admin/ita-cms.js (js-yaml: lines not folded,
    keys in the model's order, the comment lines at the top of a file kept)."""
    return f"ita-{kind.name}"


def file_formats(settings: Settings) -> dict[str, dict[str, Any]]:
    """What admin/ita-cms.js needs to write each kind of file as a person would: the order of
    the keys, the keys read as lists, and the first line of a new file (its schema)."""
    kinds = {k.name: k for k in KINDS}
    out = {}
    for name in EDITED:
        kind = kinds[name]
        line = modeline(settings.data_dir / kind.pattern.replace("*", "0"), settings.data_dir, settings.data_dir.parent / "schemas")
        out[format_name(kind)] = {"tree": FieldWriter.key_tree(kind.model), "header": f"{line}\n" if line else ""}
    return out


def decap_config(site: Site, settings: Settings, wording: dict[str, Any]) -> dict[str, Any]:
    """Decap CMS's configuration for this agency's data (the content of admin/config.yml)."""
    data_dir = settings.data_dir.relative_to(settings.root).as_posix() if settings.data_dir.is_relative_to(settings.root) else "data"
    writer = FieldWriter(catalog(site, wording), messages())
    kinds = {k.name: k for k in KINDS}
    backend: dict[str, Any] = {
        "name": "github",
        "repo": github_repo(settings.repo_url) or "OWNER/REPOSITORY",
        "branch": settings.edit_branch,
        "commit_messages": {
            "create": "แก้ไขข้อมูล: เพิ่ม {{collection}} {{slug}} (ผ่านหน้าแก้ไขข้อมูล)",
            "update": "แก้ไขข้อมูล: {{collection}} {{slug}} (ผ่านหน้าแก้ไขข้อมูล)",
            "delete": "แก้ไขข้อมูล: ลบ {{collection}} {{slug}} (ผ่านหน้าแก้ไขข้อมูล)",
            "uploadMedia": "หลักฐาน: เพิ่ม {{path}} (ผ่านหน้าแก้ไขข้อมูล)",
            "deleteMedia": "หลักฐาน: ลบ {{path}} (ผ่านหน้าแก้ไขข้อมูล)",
        },
    }
    if settings.editor_auth_url:
        backend["base_url"] = settings.editor_auth_url
    config: dict[str, Any] = {
        "locale": "th",
        "backend": backend,
        # opened on http://localhost, the editor works on the local folder through decap-server
        # (npx decap-server), without login: the staff guide's local mode and the tests
        "local_backend": {"url": settings.editor_local_backend},
        "publish_mode": settings.ita.editor.publish_mode,
        # uploads go to data/evidence/ and are written "evidence/<file>", as the validator reads them
        "media_folder": f"{data_dir}/{EVIDENCE_FOLDER}",
        "public_folder": EVIDENCE_FOLDER,
        "collections": [collection(kinds[name], writer, settings, data_dir, wording) for name in EDITED],
    }
    if settings.site_url:
        config["site_url"] = config["display_url"] = settings.site_url
    return config
