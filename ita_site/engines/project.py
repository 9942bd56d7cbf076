"""A built site's pages written out as a project that an engine builds without our hook.

What the MkDocs hook gives MkDocs while it builds (the generated pages and files, each
page's browser title and edit link, the navigation, the site's name and description, the
feed, the edit address of docs/) is written into a folder: docs/, overrides/ and a
mkdocs.yml. ``engines.zensical`` builds the site from it; ``benchmarks/run.py`` builds it with
plain MkDocs and plain Zensical to measure what generating costs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from ..build import Build
from ..config import read_engine_config
from ..provenance import edit_uri

ENGINE_KEYS_DROPPED = ("hooks", "validation", "strict", "INHERIT")  # MkDocs' own, or done here


class ProjectError(RuntimeError):
    pass


def front_matter(markdown: str, meta: dict[str, Any]) -> str:
    """`markdown` with `meta` added to its front matter (a page's own keys, e.g. hide: toc, kept)."""
    own: dict[str, Any] = {}
    if markdown.startswith("---\n"):
        head, markdown = markdown[4:].split("\n---\n", 1)
        own = yaml.safe_load(head) or {}
    text = yaml.safe_dump({**own, **meta}, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{text}---\n{markdown}"


def engine_config(build: Build, config_file: Path, plugins: tuple[str, ...] = ()) -> dict[str, Any]:
    """The project's mkdocs.yml, `!ENV` resolved, with what the MkDocs adapter sets at run
    time (navigation, site name and description, feed, edit address) and no hook."""
    settings = build.settings
    config = read_engine_config(config_file, settings.environ)
    for key in ENGINE_KEYS_DROPPED:
        config.pop(key, None)
    config.update(build.site_texts())
    config.update(docs_dir="docs", site_dir="site", nav=build.nav, plugins=list(plugins))
    config["theme"] = {**config.get("theme", {}), "custom_dir": "overrides"}
    extra = dict(config.get("extra") or {})
    feed = build.feed()
    if feed:
        extra["ita_feed"] = feed
    config["extra"] = extra
    if settings.repo_url:
        config["repo_url"] = settings.repo_url
        config["edit_uri"] = edit_uri(settings.edit_branch, settings.docs_dir, settings.root)
    if settings.site_url:
        config["site_url"] = settings.site_url
    return config


def write_project(
    build: Build,
    folder: Path,
    config_file: Path,
    *,
    overlay: str | None = None,
    extra_css: tuple[str, ...] = (),
    plugins: tuple[str, ...] = (),
) -> Path:
    """Write into `folder` a project that any engine reading mkdocs.yml builds without our hook:
    docs/ (hand-written and generated pages, with front matter, and the generated files),
    overrides/ (the project's, with the folder `overlay` of the project root laid over it),
    mkdocs.yml (``engine_config``, with `extra_css` added and `plugins`, e.g. ("search",) for
    a plain baseline). Returns its config file. Raises ProjectError when a file of docs/ has
    the path of a generated page."""
    settings = build.settings
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(settings.docs_dir, docs)
    for page in build.pages:
        target = docs / page.path
        if target.exists():
            raise ProjectError(build.collision(page.path))
        target.parent.mkdir(parents=True, exist_ok=True)
        meta: dict[str, Any] = {"title": page.html_title}
        link = build.edit_link(page)
        if link:
            meta["ita_edit_url"] = link
        target.write_text(front_matter(page.markdown, meta), encoding="utf-8")
    for asset in build.assets:
        target = docs / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.content)
    theme = folder / "overrides"
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(settings.root / "overrides", theme)
    if overlay:
        shutil.copytree(settings.root / overlay, theme, dirs_exist_ok=True)
    written = engine_config(build, config_file, plugins)
    written["extra_css"] = [*written.get("extra_css", []), *extra_css]
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(written, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config
