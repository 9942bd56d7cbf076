"""The build's settings, typed and checked once: `extra.ita` of mkdocs.yml and the environment.

``load(ita, ...)`` turns the `extra.ita` mapping (as the engine read it: MkDocs or Zensical,
after their own `!ENV` tags) and the environment into one frozen :class:`Settings`. It is the
only place that reads an ``ITA_*`` variable or ``SOURCE_DATE_EPOCH``: every override the
build knows is listed in :data:`ENVIRONMENT`. A wrong value stops the build with one Thai
message per problem, at the line of its key in mkdocs.yml (``mkdocs.yml:42: ...``).

``templating.Options.of(settings)`` derives the page builders' presentation options from it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .inputs.suggest import did_you_mean

# Every environment variable the build reads, and what it overrides (README "Configuration").
ENVIRONMENT = {
    "ITA_DATA_DIR": "extra.ita.data_dir: the folder of the data files",
    "ITA_CACHE_DIR": "extra.ita.cache_dir: what builds keep for the next one (empty: nothing)",
    "ITA_PDF": "extra.ita.pdf: auto | true | false",
    "ITA_EDIT_BRANCH": "extra.ita.edit_branch: the branch of the edit links",
    "ITA_CHROMIUM": "the Chromium that prints the PDFs (a path or a command name)",
    "ITA_SEARCH_SEGMENT": "0: index Thai without word segmentation (to see what it is for)",
    "ITA_EDITOR": "0: no form editor at admin/ (extra.ita.editor.enabled: false)",
    "ITA_EDITOR_AUTH_URL": "extra.ita.editor.auth_url: the address of the editor's GitHub login helper",
    "ITA_EDITOR_LOCAL_BACKEND": "extra.ita.editor.local_backend: the address of decap-server on this computer",
    "SOURCE_DATE_EPOCH": "the one date of the build (seconds since 1970), else the last commit's",
}
CONFIG_FILE = "mkdocs.yml"
DEFAULT_LICENCE = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.th"
PdfMode = Literal["auto", "true", "false"]


class ConfigError(ValueError):
    """`extra.ita` or an environment variable has a value the build cannot use (Thai, with
    the line of mkdocs.yml)."""


class DataLicence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = DEFAULT_LICENCE
    url: str = DEFAULT_LICENCE_URL


class EditorSettings(BaseModel):
    """`extra.ita.editor`: the form editor at admin/ (ita_site/editor)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    # the login helper of the GitHub backend (an OAuth proxy the agency deploys), e.g.
    # https://ita-auth.example.workers.dev; ITA_EDITOR_AUTH_URL overrides; empty: GitHub's
    # login through Netlify's free service (api.netlify.com)
    auth_url: str = ""
    # editorial_workflow: each save is a branch and a pull request, checked by the publishing
    # workflow before it is merged; simple: each save is a commit on edit_branch
    publish_mode: Literal["editorial_workflow", "simple"] = "editorial_workflow"
    # opened on http://localhost, the editor works on this computer's folder through
    # decap-server (npx decap-server, no login): the staff guide's local mode and the tests
    local_backend: str = "http://localhost:8081/api/v1"


class ItaSettings(BaseModel):
    """`extra.ita` of mkdocs.yml, as written (the environment's overrides are applied after)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)

    data_dir: str = "data"
    edit_branch: str = "main"
    thai_digits: bool = True
    timezone: str = "Asia/Bangkok"
    search_exclude: tuple[str, ...] = ()
    charts: bool = True
    pdf: PdfMode = "auto"
    cache_dir: str | None = ".cache/ita"
    data_licence: DataLicence = DataLicence()
    link_report: str | None = None  # the JSON report of scripts/check_links.py (ITA_LINK_REPORT overrides)
    editor: EditorSettings = EditorSettings()

    @field_validator("pdf", mode="before")
    @classmethod
    def _pdf(cls, value: Any) -> Any:
        if isinstance(value, bool):  # YAML's true/false
            return "true" if value else "false"
        return str(value).strip().lower() if value is not None else "auto"

    @field_validator("link_report", mode="before")
    @classmethod
    def _report(cls, value: Any) -> Any:
        return None if value in ("", None) else value

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _cache(cls, value: Any) -> Any:
        return None if value is False or value in ("", None) else value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("timezone") from None
        return value


# what a wrong value should look like, for the message
_EXPECTED = {
    "data_dir": "ชื่อโฟลเดอร์ เช่น data",
    "edit_branch": "ชื่อ branch เช่น main",
    "thai_digits": "true หรือ false",
    "timezone": "ชื่อเขตเวลา IANA เช่น Asia/Bangkok",
    "search_exclude": "รายการโฟลเดอร์ เช่น [guide/, report/]",
    "charts": "true หรือ false",
    "pdf": "auto, true หรือ false",
    "cache_dir": "ชื่อโฟลเดอร์ เช่น .cache/ita หรือ false",
    "data_licence": "name: ... และ url: ...",
    "link_report": "ชื่อไฟล์รายงานการตรวจลิงก์ เช่น link-health/link-health.json หรือเว้นว่าง",
    "editor": "enabled: true/false, auth_url: https://..., publish_mode: editorial_workflow หรือ simple, local_backend: http://localhost:8081/api/v1",
}


@dataclass(frozen=True)
class Settings:
    """Everything one build is told: the checked `extra.ita`, with the environment's overrides
    applied, the engine's addresses, and the folders resolved against the project root."""

    root: Path
    data_dir: Path
    docs_dir: Path
    cache_dir: Path | None
    ita: ItaSettings
    pdf: PdfMode
    edit_branch: str
    site_url: str | None = None
    repo_url: str | None = None
    chromium: str | None = None  # ITA_CHROMIUM, as given (pdf.find_chromium looks it up)
    search_segment: bool = True
    source_date_epoch: int | None = None  # the user's SOURCE_DATE_EPOCH, if set
    link_report: Path | None = None  # the last check of the disclosed links (ITA_LINK_REPORT or extra.ita.link_report)
    editor_auth_url: str = ""  # ITA_EDITOR_AUTH_URL or extra.ita.editor.auth_url
    editor_enabled: bool = True  # extra.ita.editor.enabled, unless ITA_EDITOR=0
    editor_local_backend: str = ""  # ITA_EDITOR_LOCAL_BACKEND or extra.ita.editor.local_backend
    environ: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def timezone(self) -> str:
        return self.ita.timezone

    @property
    def search_exclude(self) -> tuple[str, ...]:
        return self.ita.search_exclude


def load(
    ita: Mapping[str, Any] | None,
    root: Path,
    *,
    docs_dir: Path | str = "docs",
    site_url: str | None = None,
    repo_url: str | None = None,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Check `extra.ita` (`ita`) and the environment; raise ConfigError with every problem,
    each at its line of `config_file` (default: root/mkdocs.yml)."""
    environ = dict(os.environ if environ is None else environ)
    root = Path(root).resolve()
    config_file = Path(config_file) if config_file else root / CONFIG_FILE
    raw = dict(ita or {})
    try:
        checked = ItaSettings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_messages(exc, raw, config_file)) from None
    problems: list[str] = []
    pdf = checked.pdf
    if environ.get("ITA_PDF", "").strip():
        value = environ["ITA_PDF"].strip().lower()
        if value not in ("auto", "true", "false"):
            problems.append(f"ITA_PDF: '{environ['ITA_PDF']}' ใช้ไม่ได้ (unknown value) — ที่ถูกต้อง: auto, true หรือ false")
        else:
            pdf = value  # type: ignore[assignment]
    try:
        epoch = source_date_epoch(environ)
    except ConfigError as exc:
        problems.append(str(exc))
        epoch = None
    if problems:
        raise ConfigError("\n".join(problems))
    data = environ.get("ITA_DATA_DIR") or checked.data_dir
    cache = environ["ITA_CACHE_DIR"] if "ITA_CACHE_DIR" in environ else checked.cache_dir
    report = (environ.get("ITA_LINK_REPORT") or "").strip() or checked.link_report
    return Settings(
        root=root,
        data_dir=(root / data).resolve(),
        docs_dir=(root / docs_dir).resolve(),
        cache_dir=(root / cache).resolve() if cache else None,
        ita=checked,
        pdf=pdf,
        edit_branch=environ.get("ITA_EDIT_BRANCH") or checked.edit_branch,
        site_url=site_url or None,
        repo_url=repo_url or None,
        chromium=(environ.get("ITA_CHROMIUM") or "").strip() or None,
        search_segment=environ.get("ITA_SEARCH_SEGMENT", "1") != "0",
        source_date_epoch=epoch,
        link_report=(root / report).resolve() if report else None,
        editor_auth_url=(environ.get("ITA_EDITOR_AUTH_URL") or "").strip() or checked.editor.auth_url,
        editor_enabled=checked.editor.enabled and environ.get("ITA_EDITOR", "1").strip() != "0",
        editor_local_backend=(environ.get("ITA_EDITOR_LOCAL_BACKEND") or "").strip() or checked.editor.local_backend,
        environ=environ,
    )


def source_date_epoch(environ: Mapping[str, str] | None = None) -> int | None:
    """The user's ``SOURCE_DATE_EPOCH`` (seconds since 1970), None when unset; ConfigError
    when it is not a whole number. The only place that reads it."""
    environ = os.environ if environ is None else environ
    text = (environ.get("SOURCE_DATE_EPOCH") or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise ConfigError(f"SOURCE_DATE_EPOCH ต้องเป็นจำนวนวินาที (whole seconds), ได้ {environ['SOURCE_DATE_EPOCH']!r}")
    return int(text)


def _messages(exc: ValidationError, raw: Mapping[str, Any], config_file: Path) -> str:
    lines = _key_lines(config_file)
    out = []
    for err in exc.errors():
        loc = tuple(str(p) for p in err["loc"] if not isinstance(p, int))
        key = loc[0] if loc else ""
        where = f"{config_file.name}:{lines.get(loc[:2], lines.get(loc[:1], lines.get((), 1)))}"
        name = "extra.ita." + ".".join(loc)
        if err["type"] == "extra_forbidden":
            known = ItaSettings.model_fields if len(loc) == 1 else {"editor": EditorSettings}.get(key, DataLicence).model_fields
            guess = did_you_mean(loc[-1], known)
            hint = f" — หมายถึง '{guess}' หรือไม่? (did you mean)" if guess else ""
            out.append(f"{where}: ไม่รู้จัก '{name}' (unknown setting) — ที่ใช้ได้: {', '.join(known)}{hint}")
            continue
        value = raw.get(key) if len(loc) == 1 else err.get("input")
        expected = _EXPECTED.get(key, "")
        out.append(f"{where}: ค่า {value!r} ของ '{name}' ใช้ไม่ได้ (wrong value) — ที่ถูกต้อง: {expected}")
    return "\n".join(out)


class _Engine(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the settings this project uses: `!ENV VAR` and
    `!ENV [VAR, ..., default]` take the first variable set, else the default (None)."""


def _env_tag(environ: Mapping[str, str]):
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:
            items = loader.construct_sequence(node)  # type: ignore[arg-type]
            names, default = items[:-1], items[-1] if len(items) > 1 else None
            if len(items) == 1:
                names = items
        for name in names:
            if isinstance(name, str) and environ.get(name):
                return yaml.safe_load(environ[name])  # as MkDocs: "true" is a boolean
        return default

    return construct


def read_engine_config(config_file: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """mkdocs.yml as a mapping, its `!ENV` tags resolved from the environment (for an engine
    that is given its configuration written out, such as Zensical's)."""
    environ = os.environ if environ is None else environ

    class Loader(_Engine):
        pass

    Loader.add_constructor("!ENV", _env_tag(environ))
    with open(config_file, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader) or {}  # noqa: S506 - a SafeLoader with one tag added


class _Lines(yaml.SafeLoader):
    """Composes mkdocs.yml to nodes only: tags such as `!ENV` and
    `!!python/name:` are never constructed, so any file MkDocs reads can be read here."""


def _key_lines(config_file: Path) -> dict[tuple[str, ...], int]:
    """The line (1-based) of each key under `extra.ita` of the config file: ("pdf",) -> 42,
    ("data_licence", "url") -> 47, () -> the line of `ita:`; {} when it cannot be read."""
    try:
        with open(config_file, encoding="utf-8") as f:
            root = yaml.compose(f, Loader=_Lines)
    except (OSError, yaml.YAMLError):
        return {}

    def child(node, key: str):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return k, v
        return None, None

    _, extra = child(root, "extra")
    key, ita = child(extra, "ita")
    if key is None:
        return {}
    found = {(): key.start_mark.line + 1}
    for k, v in ita.value if isinstance(ita, yaml.MappingNode) else ():
        found[(k.value,)] = k.start_mark.line + 1
        for k2, _ in v.value if isinstance(v, yaml.MappingNode) else ():
            found[(k.value, k2.value)] = k2.start_mark.line + 1
    return found


def lychee(environ: Mapping[str, str] | None = None) -> str | None:
    """ITA_LYCHEE: the link checker program to use (``scripts/check_links.py``), if set."""
    environ = os.environ if environ is None else environ
    return (environ.get("ITA_LYCHEE") or "").strip() or None
