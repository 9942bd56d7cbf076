"""Jinja environments for the page templates, with escaping that fits each output.

Text in `data/` is plain text. Two kinds of templates render it:

- ``*.md.j2`` (Markdown): every ``{{ value }}`` is escaped for Markdown and HTML, so that
  ``<script>``, ``[link](javascript:...)``, ``**bold**`` typed in YAML show as typed;
- ``*.html.j2`` (HTML blocks inside the Markdown, e.g. the action tables): autoescaped HTML.

Values built by the templates themselves (links, partials) are ``Markup`` and pass through.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from . import dates, paths
from .caching import bytecode_cache
from .config import Settings
from .narrative import override
from .wording import TEMPLATES, labels

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|!])")
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+-])|([0-9]+)([.)]))")


def md_escape(text: str) -> str:
    """Plain text -> Markdown source that renders as exactly that text (no HTML, no markup)."""
    # one paragraph: a value never starts a new block (Markdown also breaks lines at \r)
    text = " ".join(str(text).splitlines())
    text = str(escape(text))  # & < > " '  -> entities: no raw HTML can form
    text = _MD_SPECIAL.sub(r"\\\1", text)  # no emphasis, code, links, images, tables
    # no heading, quote or list when the value stands at the start of a line
    return _BLOCK_START.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"), text)


def html_text(text: str) -> str:
    """Plain text -> HTML that shows exactly that text, quotes included (safe in attributes).

    For the strings MkDocs' theme prints without escaping: navigation titles, the page
    `<title>`, site name and description."""
    return str(escape(str(text)))


def _md_finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return md_escape(str(value))


def _html_finalize(value: Any) -> Any:
    """A value in an HTML partial stays on one line: a blank line typed in the data must not
    end the raw HTML block and let Markdown read the rest (autoescaping follows)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.splitlines())
    return "" if value is None else value


@dataclass(frozen=True)
class Options:
    """Presentation options (from mkdocs.yml `extra.ita` or the write_pages script)."""

    thai_digits: bool = True  # Thai digits (๙๒.๕๐) in prose, as official documents write them
    repo_url: str | None = None  # for edit links to the YAML files
    edit_branch: str = "main"
    site_url: str | None = None  # mkdocs.yml `site_url`: the feed's links are absolute only if set
    charts: bool = True  # charts rendered to inline SVG at build time (`extra.ita.charts`)
    data_licence: str = "Creative Commons Attribution 4.0 International (CC BY 4.0)"  # of the open data
    data_licence_url: str = "https://creativecommons.org/licenses/by/4.0/deed.th"
    pdf: bool = False  # the full reports are printed to PDF after the build (`extra.ita.pdf`): link them

    @classmethod
    def of(cls, settings: Settings, pdf: bool = False) -> Options:
        """The options of a build's checked settings; `pdf`: the PDFs will be there to link."""
        return cls(
            thai_digits=settings.ita.thai_digits,
            repo_url=settings.repo_url,
            edit_branch=settings.edit_branch,
            site_url=settings.site_url,
            charts=settings.ita.charts,
            data_licence=settings.ita.data_licence.name,
            data_licence_url=settings.ita.data_licence.url,
            pdf=pdf,
        )


def relative(from_page: str, to_page: str, anchor: str | None = None, html: bool = False) -> str:
    """A relative link between two generated pages (source paths like ``indicators/1.md``).

    Markdown links are rewritten by MkDocs; links inside HTML blocks are not, so for those
    (``html=True``) the target is the built file (``.html``, as `use_directory_urls: false`).
    """
    target = to_page
    if html and target.endswith(".md"):
        target = target[:-3] + ".html"
    rel = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def _filters(options: Options) -> dict[str, Any]:
    """Number formats. Their output is trusted (Markup): digits and signs need no escaping.
    The p- variants are for prose and follow the Thai-digits option; tables keep 92.50."""
    t = options.thai_digits
    formats = {
        "score": lambda v: dates.fmt_score(v, False),
        "pscore": lambda v: dates.fmt_score(v, t),
        "pmark": lambda v: dates.fmt_mark(v, t),  # thresholds: ร้อยละ ๘๕, not ๘๕.๐๐
        "pint": lambda v: dates.fmt_int(v, t),
        "pyear": lambda v: dates.fmt_int(v, t, grouping=False),
        "signed": lambda v: dates.fmt_signed(v, False),
        "psigned": lambda v: dates.fmt_signed(v, t),
        "num": lambda v: dates.fmt_int(v, False),
        "date": lambda v: dates.fmt_date(v, labels()["months"], False),
        "pdate": lambda v: dates.fmt_date(v, labels()["months"], t),
    }
    formats["thai_date"] = lambda v: dates.thai_date(v, labels()["months_full"])  # 30 พฤศจิกายน 2569
    return {name: (lambda f: lambda v: Markup(f(v)))(f) for name, f in formats.items()}


class Templates:
    """The Jinja environments of one build (Markdown and HTML) for its `options`, compiling
    into the bytecode cache `cache` (a folder kept between builds, or None): made once per
    build and passed to whatever renders, never kept in the module."""

    def __init__(self, options: Options | None = None, cache: Path | str | None = None):
        self.options = options or Options()
        self.md, self.html = _environments(self.options, bytecode_cache(cache))

    def render(self, template: str, **context: Any) -> str:
        return self._env(template).get_template(template).render(**context)

    def module(self, template: str, **context: Any):
        """A template's exported values (its top-level ``{% set x %}...{% endset %}`` blocks):
        lets code take short worded texts (a chart's title and summary) from a template."""
        return self._env(template).get_template(template).make_module(context)

    def _env(self, template: str) -> Environment:
        return self.html if template.endswith(".html.j2") else self.md


def _environments(options: Options, bytecode: FileSystemBytecodeCache | None) -> tuple[Environment, Environment]:
    loader = FileSystemLoader(str(TEMPLATES))
    common = dict(loader=loader, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode,
                  extensions=["jinja2.ext.do"])
    # In Markdown templates, a macro's output is trusted markup: call macros as {{ m(...)|safe }}
    md = Environment(finalize=_md_finalize, keep_trailing_newline=True, **common)
    html = Environment(autoescape=True, finalize=_html_finalize, **common)
    for env in (md, html):
        env.filters.update(_filters(options))
        env.globals.update(labels=labels(), options=options, paths=paths, override=override)

    @pass_context
    def partial(ctx, name: str, **extra: Any) -> Markup:
        """Render an HTML partial inside a Markdown template, as a raw HTML block."""
        out = html.get_template(name).render({**ctx.get_all(), **extra})
        return Markup("\n" + out.strip() + "\n")

    @pass_context
    def link(ctx, to_page: str, anchor: str | None = None) -> str:
        here = ctx["page_path"]
        is_html = ctx.environment is html
        return relative(here, to_page, anchor, html=is_html)

    for env in (md, html):
        env.globals["partial"] = partial
        env.globals["link"] = link
    return md, html
