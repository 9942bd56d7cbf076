"""The one MkDocs hook of the site: each event is a call into ``ita_site.engines.mkdocs``.

All the work (settings, data, pages, navigation, PDFs, Thai search) is in the ``ita_site``
package; MkDocs loads this file once per command, so the engine object below lives as long
as `mkdocs build` or `mkdocs serve` and holds the build (nothing else is kept here).
"""

from ita_site.engines.mkdocs import MkDocsEngine

_engine = MkDocsEngine()

on_startup = _engine.on_startup
on_config = _engine.on_config
on_env = _engine.on_env
on_files = _engine.on_files
on_page_markdown = _engine.on_page_markdown
on_page_context = _engine.on_page_context
on_post_build = _engine.on_post_build
on_build_error = _engine.on_build_error
on_serve = _engine.on_serve
