"""The kinds of file in `data/`: where each lives, its model, and its JSON Schema.

One table (``KINDS``) says which model reads which files; the loader, the schema writer
(``scripts/schema.py``), the editor settings (``.vscode/settings.json``) and the
``# yaml-language-server: $schema=...`` line at the top of each data file all follow it.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from .files import (
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

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class Kind:
    name: str  # "year": the schema is schemas/year.schema.json
    model: type[BaseModel]
    pattern: str  # files of this kind, relative to data/: "years/*.yml"

    @property
    def folder(self) -> str | None:
        """The folder of data/ its files are in ("years"), None for a file at the top."""
        return self.pattern.split("/")[0] if "/" in self.pattern else None

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


KINDS: tuple[Kind, ...] = (
    Kind("organization", Organization, "organization.yml"),
    Kind("indicator", Indicator, "indicators/*.yml"),
    Kind("methodology", Methodology, "methodology/*.yml"),
    Kind("year", YearFile, "years/*.yml"),
    Kind("questions", QuestionsFile, "questions/*.yml"),
    Kind("actions", ActionsFile, "actions/*.yml"),
    Kind("recommendations", RecommendationsFile, "recommendations/*.yml"),
    Kind("progress", ProgressFile, "progress/*.yml"),
    Kind("disclosures", DisclosuresFile, "disclosures/*.yml"),
)


def kind_of(relative: str | PurePosixPath) -> Kind | None:
    """The kind of a data file from its path relative to data/ ("years/2566.yml")."""
    text = str(PurePosixPath(relative))
    return next((k for k in KINDS if fnmatch.fnmatchcase(text, k.pattern)), None)


@functools.cache
def json_schema(model: type[BaseModel]) -> dict:
    """The JSON Schema of a model, as pydantic writes it (validation mode)."""
    return model.model_json_schema()


def schema_document(kind: Kind) -> dict:
    """The schema file of a kind: the model's schema with the JSON Schema dialect named."""
    return {"$schema": JSON_SCHEMA_DIALECT, **json_schema(kind.model)}


def schema_text(kind: Kind) -> str:
    return json.dumps(schema_document(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out_dir / kind.schema_file
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(out_dir: Path) -> list[str]:
    """Schema files that are missing or differ from what the models give now."""
    stale = []
    for kind in KINDS:
        path = out_dir / kind.schema_file
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(kind):
            stale.append(kind.schema_file)
    return stale


def modeline(file: Path, data_dir: Path, schemas_dir: Path) -> str | None:
    """The editor line naming the schema of `file`, with a path relative to the file."""
    try:
        kind = kind_of(file.relative_to(data_dir).as_posix())
    except ValueError:
        return None
    if kind is None:
        return None
    rel = os.path.relpath(schemas_dir / kind.schema_file, file.parent)
    return MODELINE + PurePosixPath(Path(rel).as_posix()).as_posix()


def annotate(file: Path, data_dir: Path, schemas_dir: Path) -> bool:
    """Put the schema line at the top of `file` (or correct it); True if the file changed."""
    line = modeline(file, data_dir, schemas_dir)
    if line is None:
        return False
    raw = file.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    text = raw[len(bom) :].decode("utf-8")
    lines = text.split("\n")
    if lines and lines[0].startswith(MODELINE):
        if lines[0] == line:
            return False
        lines[0] = line
    else:
        lines.insert(0, line)
    file.write_bytes(bom + "\n".join(lines).encode("utf-8"))
    return True
