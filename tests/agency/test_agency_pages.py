"""Site checks of the agency's own data (`--data-dir`, default `data/`), read from the built
HTML. They hold for any valid data, whatever the agency and however many years it has; the
publishing workflow runs them (`scripts/test.sh site`) after `scripts/build.sh`.

- every page the data implies is built, and every results file is shown as a page's source;
- every link and #anchor between pages resolves;
- no template or Markdown syntax and no escaped HTML is shown as text.
"""

from __future__ import annotations

from checks import Pages, broken_links, raw_text, sources_shown

from ita_site.pages import build_pages
from ita_site.site import load_site

# The files of the agency's own results: each must be the source of a page. (The shared
# catalogs, indicators/ and methodology/, are sources of pages too when there is a year.)
RESULTS = ("years", "questions", "actions", "recommendations", "progress")


def data_files(data_dir, folders=RESULTS) -> list[str]:
    """The YAML files of the data, as pages name them ("data/years/2566.yml")."""
    return sorted(f"data/{p.relative_to(data_dir).as_posix()}" for folder in folders for p in (data_dir / folder).glob("*.yml"))


def test_every_page_the_data_implies_is_built(agency_site, agency_data):
    pages = build_pages(load_site(agency_data))
    assert any(p.path == "index.md" for p in pages)
    missing = [p.path for p in pages if not (agency_site.path / p.path.replace(".md", ".html")).is_file()]
    assert missing == []


def test_every_results_file_is_the_source_of_a_page(agency_site, agency_data):
    shown = sources_shown(Pages(agency_site.path))
    assert "data/organization.yml" in shown
    assert [f for f in data_files(agency_data) if f not in shown] == []


def test_every_evidence_file_is_published(agency_site, agency_data):
    evidence = agency_data / "evidence"
    files = [p.relative_to(agency_data).as_posix() for p in evidence.rglob("*") if p.is_file()] if evidence.is_dir() else []
    assert [f for f in files if not (agency_site.path / f).is_file()] == []


def test_every_link_and_anchor_resolves(agency_site):
    pages = Pages(agency_site.path)
    assert "index.html" in pages.names
    assert broken_links(pages) == []


def test_no_template_or_markdown_syntax_is_shown(agency_site, agency_data):
    typed = "\n".join(p.read_text(encoding="utf-8") for p in sorted(agency_data.rglob("*.yml")))
    assert raw_text(Pages(agency_site.path), typed) == []
