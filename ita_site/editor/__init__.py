"""The form editor at ``admin/``: Decap CMS over the same YAML files, configured from the model.

Clerks edit ``data/`` in forms in the browser; the editor commits the same YAML files to Git
(on GitHub: a branch and a pull request, checked by the publishing workflow), so the build
validates what it writes as any other change.

- ``bundle``  the pinned Decap CMS files (fetched by ``scripts/build.sh`` / ``scripts/test.sh``)
- ``fields``  a form field per model field (labels and help texts from the model's Thai titles)
- ``config``  ``admin/config.yml``: one collection per kind of data file, choices from the catalog
- ``admin/``  the page (``index.html.j2``) and the project's two fields (``ita-cms.js``)

``editor_files(site, settings, wording)`` returns the files of ``admin/`` for one build, or
none (with the reason, for the log) when the editor is turned off or not installed: the
citizens' pages are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from ..assets import Asset
from ..config import Settings
from ..dates import BE_OFFSET
from ..site import Site
from .bundle import DECAP, JS_YAML, bundles
from .config import decap_config, file_formats

ADMIN = "admin"
HERE = Path(__file__).resolve().parent / "admin"


@dataclass
class EditorFiles:
    assets: list[Asset] = field(default_factory=list)
    line: str = ""  # one line for the build's log


def config_text(config: dict[str, Any]) -> str:
    head = "# Generated at each build from the typed model (ita_site/editor/config.py): do not edit.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def index_html(site: Site, settings: Settings, wording: dict[str, Any]) -> str:
    template = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(
        (HERE / "index.html.j2").read_text(encoding="utf-8")
    )
    texts = wording["editor"]
    return template.render(
        title=texts["title"],
        noscript=texts["noscript"],
        decap=DECAP,
        yaml=JS_YAML,
        settings={"months": wording["months"], "be_offset": BE_OFFSET, "formats": file_formats(settings)},
    )


def editor_files(site: Site, settings: Settings, wording: dict[str, Any]) -> EditorFiles:
    if not settings.editor_enabled:
        return EditorFiles(line="form editor off (extra.ita.editor.enabled: false or ITA_EDITOR=0): no admin/")
    missing = [b for b in bundles(settings.root) if not b.present]
    if missing:
        return EditorFiles(
            line=f"form editor not installed ({', '.join(str(b.folder) for b in missing)} missing; scripts/build.sh fetches it): no admin/"
        )
    assets = [
        Asset(f"{ADMIN}/index.html", index_html(site, settings, wording).encode("utf-8")),
        Asset(f"{ADMIN}/config.yml", config_text(decap_config(site, settings, wording)).encode("utf-8")),
        *(Asset(f"{ADMIN}/{name}", (HERE / name).read_bytes()) for name in ("ita-cms.js", "ita-cms.css")),
        *(Asset(f"{ADMIN}/{path.name}", path.read_bytes()) for b in bundles(settings.root) for path in b.files()),
    ]
    size = sum(len(a.content) for a in assets)
    return EditorFiles(
        assets, f"form editor at {ADMIN}/ (Decap CMS {DECAP.version}, {len(assets)} files, {size / 1e6:.1f} MB)"
    )
