"""The search core without MkDocs: Thai segmentation, the indexed copies, the Pagefind bundle."""

from __future__ import annotations

import hashlib
import json

import pytest

from ita_site.search import ZWSP, ThaiSegmenter, build_search_index, index_copy
from ita_site.search.index import SearchIndexError, without_query_segmentation

# Sentences of the generated pages, and a word a reader looks for inside each.
IN_SENTENCES = [
    ("โดยพิจารณาถึงทรัพย์สินของราชการที่สามารถนำมาใช้ยืมได้", "ทรัพย์สิน"),
    ("แผนการใช้จ่ายงบประมาณประจำปี และการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "จัดซื้อจัดจ้าง"),
    ("การจัดการเรื่องร้องเรียนการทุจริต", "ร้องเรียน"),
    ("การใช้จ่ายงบประมาณอย่างคุ้มค่าและเป็นไปตามวัตถุประสงค์", "งบประมาณ"),
    ("และไม่พบว่า ไม่มีการเรียกรับสินบน", "สินบน"),
    ("จัดทำคู่มือปฏิบัติงานหรือคู่มือให้บริการแก่บุคคลภายนอก", "คู่มือ"),
]


def contains_run(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


@pytest.mark.parametrize("sentence, word", IN_SENTENCES)
def test_a_word_inside_a_sentence_becomes_words_of_its_own(sentence, word):
    """What the search relies on: the word, split alone, is a run of the sentence's words."""
    segmenter = ThaiSegmenter(cache={})
    segmented = segmenter.segment(sentence)
    assert segmented.replace(ZWSP, "") == sentence
    words = [w for chunk in segmented.split() for w in chunk.split(ZWSP)]
    assert contains_run(words, list(segmenter.tokens(word))), (word, words)
    assert set(segmenter.tokens(word)) <= segmenter.words


def test_only_thai_runs_are_touched():
    segmenter = ThaiSegmenter(cache={})
    for text in ["ITA 95.07 (EP10) E-Service", "O14 100.00", "<b>&amp;</b>"]:
        assert segmenter.segment(text) == text
    mixed = "คะแนนรวม 95.07 ของ ITA ปีงบประมาณ ๒๕๖๖"
    segmented = segmenter.segment(mixed)
    assert ZWSP in segmented
    assert segmented.replace(ZWSP, "") == mixed
    assert " 95.07 " in segmented and " ITA " in segmented


def test_segmentation_is_cached_by_the_hash_of_the_text():
    cache: dict = {}
    first = ThaiSegmenter(cache=cache)
    first.segment("การจัดการเรื่องร้องเรียนการทุจริต (การจัดการเรื่องร้องเรียนการทุจริต)")
    assert first.segmented == 1  # the same run twice: segmented once
    assert list(cache) == [hashlib.sha256("การจัดการเรื่องร้องเรียนการทุจริต".encode()).hexdigest()]
    again = ThaiSegmenter(cache=cache)
    assert again.segment("การจัดการเรื่องร้องเรียนการทุจริต") == first.segment("การจัดการเรื่องร้องเรียนการทุจริต")
    assert again.segmented == 0
    assert again.words == first.words  # words are collected on cache hits too


PAGE = """<!doctype html><html lang="th"><head><title>t</title></head><body>
<nav>เมนูนำทางของเว็บไซต์</nav>
<article class="md-content__inner md-typeset">
<h1 id="x">ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน<a class="headerlink" href="#x">¶</a> ต่อท้าย</h1>
<p>ไม่มีการเรียกรับสินบน <strong>สำคัญ</strong>มาก</p>
<svg><text>ป้ายกราฟ</text></svg>
<script>var x = "สคริปต์";</script>
</article></body></html>"""


def test_indexed_copy_is_the_segmented_article_only():
    copy = index_copy(PAGE, ThaiSegmenter(cache={}))
    assert "data-pagefind-body" in copy
    assert f"รับ{ZWSP}สินบน" in copy
    assert f"สำคัญ</strong>{ZWSP}" not in copy  # text outside a run is not padded
    assert f"<strong>สำคัญ</strong>มาก" in copy
    assert "¶" not in copy and "headerlink" not in copy
    assert f"ต่อ{ZWSP}ท้าย" in copy  # the text after a removed permalink stays
    assert "ป้ายกราฟ" not in copy and "สคริปต์" not in copy
    assert "เมนูนำทางของเว็บไซต์" in copy  # outside the article: left as is, not indexed


def test_indexed_copy_without_segmentation_and_without_article():
    copy = index_copy(PAGE, None)
    assert ZWSP not in copy and "ไม่มีการเรียกรับสินบน" in copy
    assert index_copy("<html><body><p>ไม่มีบทความ</p></body></html>", ThaiSegmenter(cache={})) is None


def test_served_pagefind_does_not_split_queries_again():
    runtime = 'a;var needsWordSegmentation=(lang)=>{if(!lang)return false;return["zh","ja","th"].includes(lang);};b'
    assert without_query_segmentation(runtime, "pagefind.js") == "a;var needsWordSegmentation=(lang)=>false;b"
    with pytest.raises(SearchIndexError, match="needsWordSegmentation"):
        without_query_segmentation("a;b", "pagefind.js")


def test_bundle_of_a_small_site(tmp_path):
    site = tmp_path / "site"
    (site / "indicators").mkdir(parents=True)
    (site / "indicators" / "6.html").write_text(PAGE, encoding="utf-8")
    (site / "index.html").write_text(PAGE.replace("คุณภาพการดำเนินงาน", "ภาพรวม"), encoding="utf-8")
    (site / "404.html").write_text(PAGE.replace("สินบน", "หน้าไม่พบ"), encoding="utf-8")
    stale = site / "pagefind" / "old.js"
    stale.parent.mkdir()
    stale.write_text("old")
    before = {p: p.read_bytes() for p in site.rglob("*.html")}

    report = build_search_index(site)

    assert report.pages == 2  # 404.html is not indexed
    assert {p: p.read_bytes() for p in site.rglob("*.html") if "pagefind" not in p.parts} == before
    bundle = site / "pagefind"
    assert not stale.exists()
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "thai-words.json"} <= names
    assert any(n.startswith("index/") for n in names) and any(n.startswith("fragment/") for n in names)
    assert not any("ui" in n or "playground" in n for n in names)  # the site has its own box
    for runtime in ("pagefind.js", "pagefind-worker.js"):
        assert "needsWordSegmentation=(lang)=>false;" in (bundle / runtime).read_text(encoding="utf-8")
    words = json.loads((bundle / "thai-words.json").read_text(encoding="utf-8"))
    assert "สินบน" in words and "หน้าไม่พบ" not in words and words == sorted(words)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["th"]["page_count"] == 2


def test_bundle_of_a_site_whose_index_is_over_two_mebibytes(tmp_path):
    """Pagefind's Python API handed the whole bundle back as one message over a pipe, and sites
    over ~150 pages (20 fiscal years) failed to build; the binary writes the bundle itself."""
    import random

    letters = "abcdefghijklmnopqrstuvwxyz"
    rng = random.Random(5)
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    pages = 260
    for n in range(pages):
        words = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(2500))
        html = PAGE.replace("<p>ไม่มีการเรียกรับสินบน", f"<p>หน้า{n} {words} ไม่มีการเรียกรับสินบน")
        (site / "p" / f"{n}.html").write_text(html, encoding="utf-8")

    report = build_search_index(site)

    assert report.pages == pages
    bundle = site / "pagefind"
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    assert size > 2 * 1024 * 1024, size  # the size that broke the pipe
    assert len(list((bundle / "fragment").glob("*.pf_fragment"))) == pages


def test_the_copy_without_the_rest_of_the_page_gives_the_same_index(site, tmp_path):
    """build_search_index leaves the navigation out of the copies (smaller, faster): Pagefind
    reads only the article (data-pagefind-body), so the index is the same, byte for byte."""
    from ita_site.search.index import _pagefind_bundle, pages_to_index

    bundles = []
    for outside in (True, False):
        copies = tmp_path / f"copies-{outside}"
        for path in pages_to_index(site.path, ("guide/",)):
            copy = index_copy(path.read_text(encoding="utf-8"), ThaiSegmenter(), outside=outside)
            if copy is not None:
                target = copies / path.relative_to(site.path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(copy, encoding="utf-8")
        bundles.append(_pagefind_bundle(copies, tmp_path / f"bundle-{outside}", 120))
    whole, article = bundles
    assert whole.keys() == article.keys() and len(whole) > 10
    assert [name for name in whole if whole[name] != article[name]] == []
    smaller = index_copy(PAGE, None, outside=False)
    assert "เมนูนำทางของเว็บไซต์" not in smaller and "ไม่มีการเรียกรับสินบน" in smaller and "<title>t</title>" in smaller


def test_segmented_runs_are_kept_between_builds(tmp_path, monkeypatch):
    from ita_site.search import segment

    text = "การจัดการเรื่องร้องเรียนการทุจริต ไม่มีการเรียกรับสินบน"
    first = ThaiSegmenter(cache={})
    expected = first.segment(text)
    segment.save_runs(tmp_path, first._cache, first.keys)
    assert segment.runs_file(tmp_path).exists()

    runs: dict = {}  # a new build process
    assert segment.load_runs(tmp_path, runs) == len(first.keys) == 2
    again = ThaiSegmenter(runs)
    assert again.segment(text) == expected
    assert again.segmented == 0 and again.words == first.words  # nothing segmented again

    segment.runs_file(tmp_path).write_text('{"x": [1', encoding="utf-8")  # damaged: ignored
    assert segment.load_runs(tmp_path, {}) == 0
    assert ThaiSegmenter().segment(text) == expected
