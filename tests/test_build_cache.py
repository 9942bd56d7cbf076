"""Rendered charts, compiled templates and segmented Thai text are kept on disk between
builds (extra.ita.cache_dir): a build from the cache gives the same site, byte for byte, and a
damaged entry is never used."""

from __future__ import annotations

import re

from conftest import DEFAULT_AGENCY, build

from ita_site.charts import kinds, render, theme


def spec(value: float) -> dict:
    return kinds.finish(kinds.trend([kinds.Point("2566", value, 85.0)], theme.TOTAL_COLOUR, "x", "y", "z"))


def test_svgs_are_kept_on_disk_and_read_back(tmp_path):
    renderer = render.ChartRenderer(tmp_path)
    svg = renderer.to_svg(spec(90.0))
    assert renderer.stats.renders == 1
    entries = list((tmp_path / "charts").glob("*.svg"))
    assert [e.name for e in entries] == [f"{render.spec_key(spec(90.0))}.svg"]
    assert render._tidy(entries[0].read_text(encoding="utf-8")) == svg  # vl-convert's output, tidied when read
    assert not list((tmp_path / "charts").glob(".tmp-*"))  # written whole, then renamed

    renderer = render.ChartRenderer(tmp_path)  # a new build: memory is empty, the disk is not
    assert renderer.to_svg(spec(90.0)) == svg
    assert (renderer.stats.renders, renderer.stats.disk_hits) == (0, 1)

    renderer.to_svg(spec(91.0))  # another spec, another entry
    assert renderer.stats.renders == 1 and len(list((tmp_path / "charts").glob("*.svg"))) == 2

    raw = entries[0].read_text(encoding="utf-8")
    entries[0].write_text(raw[: len(raw) // 2], encoding="utf-8")  # a damaged entry
    renderer.clear()
    assert renderer.to_svg(spec(90.0)) == svg
    assert (renderer.stats.renders, renderer.stats.disk_hits) == (1, 0)  # rendered again ...
    assert entries[0].read_text(encoding="utf-8") == raw  # ... and repaired


def test_without_a_disk_cache_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    renderer = render.ChartRenderer()
    renderer.to_svg(spec(92.0))
    assert renderer.disk is None and not any(tmp_path.iterdir())


def test_two_renderers_share_nothing(tmp_path):
    """No chart state in the module: what one build rendered is not counted by another."""
    first, second = render.ChartRenderer(), render.ChartRenderer()
    first.to_svg(spec(93.0))
    second.to_svg(spec(93.0))
    assert first.stats.renders == second.stats.renders == 1 and second.stats.hits == 0


def test_a_build_from_the_disk_cache_is_the_same_site(tmp_path):
    env = {"ITA_CACHE_DIR": str(tmp_path / "cache")}
    cold = build(tmp_path / "cold", env=env)
    assert cold.returncode == 0, cold.stdout + cold.stderr
    warm = build(tmp_path / "warm", env=env)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    rendered = re.search(r"(\d+) chart\(s\) rendered to SVG, (\d+) unchanged", cold.stderr)
    assert rendered and int(rendered.group(1)) > 10
    assert f"0 chart(s) rendered to SVG, {sum(map(int, rendered.groups()))} unchanged" in warm.stderr
    assert len(list((tmp_path / "cache" / "charts").glob("*.svg"))) == int(rendered.group(1))
    assert list((tmp_path / "cache" / "search").glob("thai-runs-pythainlp-*-newmm.json"))
    assert list((tmp_path / "cache" / "templates").glob("*.cache"))
    assert len(list((tmp_path / "cache").glob("theme-*/*.cache"))) > 10  # Material's templates, compiled once
    files = sorted(p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "warm") for p in (tmp_path / "warm").rglob("*") if p.is_file())
    assert [f for f in files if (tmp_path / "cold" / f).read_bytes() != (tmp_path / "warm" / f).read_bytes()] == []


def test_a_recipe_met_before_gives_its_svg_without_altair(tmp_path, monkeypatch):
    """With the cache on disk, a chart whose recipe (kinds function and arguments) was built
    before is not built again: its SVG comes from the spec it gave."""
    import functools

    from ita_site.charts import figures

    recipe = functools.partial(kinds.trend, [kinds.Point("2566", 93.0, 85.0)], theme.TOTAL_COLOUR, "x", "y", "z")
    renderer = render.ChartRenderer(tmp_path)
    svg = figures._svg(recipe, renderer)
    assert renderer.stats.renders == 1 and list((tmp_path / "charts" / "recipes").iterdir())
    built = []
    monkeypatch.setattr(kinds, "finish", lambda chart: built.append(chart))
    renderer = render.ChartRenderer(tmp_path)  # a new build
    assert figures._svg(recipe, renderer) == svg and built == [] and renderer.stats.disk_hits == 1
    other = functools.partial(kinds.trend, [kinds.Point("2566", 94.0, 85.0)], theme.TOTAL_COLOUR, "x", "y", "z")
    assert renderer.recipe_key(other) != renderer.recipe_key(recipe)
    before = renderer.recipe_key(recipe)
    monkeypatch.setattr(render, "_spec_code_digest", lambda: "changed code")  # kinds.py or theme.py edited
    assert renderer.recipe_key(recipe) != before
    assert render.ChartRenderer().recipe_key(recipe) is None  # no cache on disk: every spec is built


def test_compiled_templates_kept_on_disk_give_the_same_pages(tmp_path):
    from ita_site.charts.render import ChartRenderer
    from ita_site.pages import Options, Tools, build_pages
    from ita_site.site import load_site
    from ita_site.templating import Templates

    site = load_site(DEFAULT_AGENCY)
    options = Options(charts=False)
    plain = build_pages(site, options)
    first = build_pages(site, tools=Tools(Templates(options, tmp_path), ChartRenderer()))  # compiles and writes
    assert len(list(tmp_path.glob("*.cache"))) > 10
    again = build_pages(site, tools=Tools(Templates(options, tmp_path), ChartRenderer()))  # new environments: from disk
    assert [p.markdown for p in first] == [p.markdown for p in plain] == [p.markdown for p in again]


def test_theme_templates_compiled_before_are_used_until_their_source_changes(tmp_path):
    from jinja2 import Environment, FileSystemLoader

    from ita_site.caching import theme_template_cache

    folder = tmp_path / "theme"
    folder.mkdir()
    page = folder / "main.html"
    page.write_text("<p>{{ title }}</p>", encoding="utf-8")

    def render() -> str:  # a new environment each time, as MkDocs makes one per build
        env = Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=theme_template_cache(tmp_path / "cache"))
        return env.get_template("main.html").render(title="ก")

    assert render() == "<p>ก</p>"
    [kept] = list((tmp_path / "cache").glob("theme-*/*.cache"))
    assert render() == "<p>ก</p>"
    page.write_text("<h1>{{ title }}</h1>", encoding="utf-8")  # an override edited
    assert render() == "<h1>ก</h1>"
    assert theme_template_cache(None) is None


def test_pagefind_runs_only_when_the_pages_changed(tmp_path, monkeypatch):
    """The finished search bundle is kept by the hash of the pages it indexes: a build whose
    pages did not change copies it (the same bytes), a changed page runs Pagefind again."""
    import json

    from ita_site.search import index

    site = tmp_path / "site"
    site.mkdir()
    page = site / "a.html"
    page.write_text("<html><body><article><h1>ทดสอบ</h1><p>การจัดซื้อจัดจ้าง</p></article></body></html>", encoding="utf-8")
    cache = tmp_path / "cache"
    runs: list[Path] = []
    real = index._pagefind_bundle
    monkeypatch.setattr(index, "_pagefind_bundle", lambda *a: runs.append(a[0]) or real(*a))

    def bundle() -> dict[str, bytes]:
        index.build_search_index(site, cache_dir=cache)
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}

    first = bundle()
    assert len(runs) == 1 and len(list((cache / "search").glob("index-*.zip"))) == 1
    assert bundle() == first and len(runs) == 1  # unchanged: from the cache, byte for byte
    page.write_text(page.read_text(encoding="utf-8").replace("</p>", " งบประมาณ</p>"), encoding="utf-8")
    changed = bundle()
    assert changed != first and len(runs) == 2  # the text changed: indexed again
    assert json.loads(changed["pagefind/thai-words.json"]) != json.loads(first["pagefind/thai-words.json"])
    index.build_search_index(site)  # no cache folder: Pagefind runs every time
    assert len(runs) == 3
