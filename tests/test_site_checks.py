"""The checks that tests/agency/ runs on the agency's own data (tests/checks.py) see what they
look for: a link to no file or no anchor, template or Markdown syntax shown as text, the data
files a page is built from. Each is shown a copy of the default agency's site with one defect
put in, and the site as built (which passes)."""

from __future__ import annotations

import shutil

import pytest
from checks import Pages, broken_links, raw_text, sources_shown


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
