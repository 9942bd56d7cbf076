"""The checks that tests/agency/ runs on the agency's own data (tests/checks.py) see what they
look for: a page or a file the data implies that is not built, a link to no file or no anchor,
template or Markdown syntax shown as text, the data files a page is built from; and a site with
a year still being filled in passes. Each is shown a copy of the default agency's site with one defect
put in, and the site as built (which passes)."""

from __future__ import annotations

import shutil

import pytest
from checks import Pages, broken_links, missing_pages, raw_text, sources_shown, typed_text, unpublished_evidence, unshown_results
from conftest import AS_OF, DEFAULT_AGENCY, ROOT, build


@pytest.fixture
def copy(site, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(site.path, target, ignore=shutil.ignore_patterns("pagefind"))
    return target


def put_in(page, html: str) -> None:
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def test_the_built_site_passes(site):
    pages = Pages(site.path)
    assert len(pages.names) > 30
    assert broken_links(pages) == []
    assert raw_text(pages, "") == []


@pytest.mark.parametrize(
    "link, what",
    [
        ('<a href="indicators/11.html">x</a>', "no file indicators/11.html"),
        ('<a href="questions/2566.html#O99">O99</a>', "no id 'O99' in questions/2566.html"),
        ('<a href="#nowhere">x</a>', "no id 'nowhere' in index.html"),
        ('<img src="assets/none.png" alt="x">', "no file assets/none.png"),
        ('<a href="../outside.html">x</a>', "no file ../outside.html"),
    ],
)
def test_a_broken_link_is_seen(copy, link, what):
    put_in(copy / "index.html", link)
    found = broken_links(Pages(copy))
    assert len(found) == 1 and found[0].startswith("index.html:") and what in found[0], found


def test_links_to_other_hosts_and_good_anchors_pass(copy):
    put_in(copy / "index.html", '<a href="https://example.org/x#y">x</a><a href="questions/2566.html#O11">O11</a><a href="mailto:a@b.c">a</a>')
    put_in(copy / "years/2565.html", '<a href="../indicators/1.html">x</a><a href="../comparison.html#__skip">x</a>')
    assert 'id="__skip"' not in (copy / "comparison.html").read_text(encoding="utf-8")
    assert broken_links(Pages(copy)) == ["years/2565.html: <a href='../comparison.html#__skip'>: no id '__skip' in comparison.html"]


@pytest.mark.parametrize("shown", ["{{ year.total }}", "{% if x %}", "**ผ่าน**", "[ลิงก์](x.html)", "&amp;lt;b&amp;gt;", "{: .class }"])
def test_syntax_shown_as_text_is_seen(copy, shown):
    put_in(copy / "indicators/2.html", f"<p>คะแนน {shown} ของปีนี้</p>")
    found = raw_text(Pages(copy), "")
    assert found and all(f.startswith("indicators/2.html:") for f in found), found


def test_what_the_data_itself_holds_is_shown_as_typed(copy):
    put_in(copy / "indicators/2.html", "<p>ตามที่พิมพ์ **สำคัญ**</p>")
    assert raw_text(Pages(copy), "text: ตามที่พิมพ์ **สำคัญ**") == []


def test_scripts_and_comments_are_not_text(copy):
    put_in(copy / "index.html", "<script>var a = '{{x}}';</script><!-- {% comment %} -->")
    assert raw_text(Pages(copy), "") == []


def test_the_sources_pages_name(site):
    shown = sources_shown(Pages(site.path))
    assert {"data/organization.yml", "data/years/2564.yml", "data/actions/2566.yml", "data/questions/2566.yml"} <= shown


def test_a_site_with_progress_and_evidence_passes(tracking_site, tracking_data):
    """The tracking fixture: progress rows, evidence files, a year after the plan."""
    from ita_site.site import load_site

    pages = Pages(tracking_site.path)
    model = load_site(tracking_data, build_date=AS_OF)
    assert missing_pages(pages, model) == []
    assert unshown_results(pages, tracking_data, model) == []
    assert (tracking_data / "evidence").is_dir() and unpublished_evidence(pages, tracking_data) == []
    assert broken_links(pages) == []
    assert raw_text(pages, typed_text(tracking_data)) == []


def test_a_site_with_a_year_being_filled_passes(data_copy, tmp_path):
    """scripts/new_year.py's year: blanks to fill in, a question catalog no page shows yet."""
    from ita_site.scaffold import new_year
    from ita_site.site import load_site

    new_year(data_copy, 2567, ROOT / "schemas")
    result = build(tmp_path / "site", data_copy)
    assert result.returncode == 0, result.stderr
    pages, model = Pages(tmp_path / "site"), load_site(data_copy)
    assert 2567 in model.pending
    assert missing_pages(pages, model) == [] and unshown_results(pages, data_copy, model) == []
    assert broken_links(pages) == [] and raw_text(pages, typed_text(data_copy)) == []


def test_the_page_and_file_checks_see_what_is_missing(copy, tmp_path):
    from ita_site.site import load_site

    data = shutil.copytree(DEFAULT_AGENCY, tmp_path / "data")
    model = load_site(data)
    naming = [p for p in Pages(copy).names if "data/questions/2566.yml" in sources_shown_by(copy, p)]
    assert naming
    for name in naming:
        (copy / name).unlink()
    (data / "evidence/2566").mkdir(parents=True)
    (data / "evidence/2566/memo.pdf").write_bytes(b"%PDF-1.4\n")
    pages = Pages(copy)
    assert missing_pages(pages, model) == naming
    assert unshown_results(pages, data, model) == ["data/questions/2566.yml"]
    assert unpublished_evidence(pages, data) == ["evidence/2566/memo.pdf"]


def sources_shown_by(site_path, name: str) -> str:
    return " ".join(c.get_text() for c in Pages(site_path).soup(name).select("article small code"))
