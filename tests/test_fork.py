"""Any agency can fork the repository, replace data/ and publish: the site is built from a
second, invented agency's data (tests/fixtures/other_agency/data) and shows nothing of the
default agency."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite, build

OTHER = ROOT / "tests/fixtures/other_agency/data"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# the default agency: its names and its distinctive figures (total 2566, rank, IIT score)
NAMES = ["พิมาน", "นาแก", "นครพนม"]
FIGURES = ["95.07", "1,573", "1573", "87.13"]
FORBIDDEN = NAMES + FIGURES + [f.translate(THAI) for f in FIGURES]


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("fork")
    result = build(out, OTHER, env={"ITA_REPO_URL": "https://github.com/ban-mai/ita", "ITA_SITE_URL": "https://ban-mai.github.io/ita/"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(out)


def shipped_files() -> set[str]:
    """Digests of every file shipped by the theme or the form editor's pinned bundle: copied as
    is into any site, whatever its data."""
    import material
    from ita_site.editor.bundle import bundles

    files = [p for p in Path(material.__file__).parent.rglob("*") if p.is_file()]
    files += [p for bundle in bundles(ROOT) if bundle.present for p in bundle.files()]
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def text_of(path: Path) -> str:
    """The text of a built file as a reader would get it: unzipped, JSON escapes (\\u0e1e) decoded."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="ignore")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


def test_nothing_of_the_default_agency_in_the_built_site(fork):
    shipped = shipped_files()
    leaks = []
    files = [p for p in fork.path.rglob("*") if p.is_file()]
    assert len(files) > 50
    for path in files:
        text = text_of(path)
        found = [word for word in FORBIDDEN if word in text]
        if not found:
            continue
        # the theme's own search dictionary (lunr wordcut.js lists Thai place names) is a
        # file of the theme, byte for byte, and Decap's minified code holds the number 1573:
        # third-party files, byte for byte as published, that do not come from any data
        if hashlib.sha256(path.read_bytes()).hexdigest() in shipped:
            continue
        leaks.append((str(path.relative_to(fork.path)), found))
    assert not leaks, leaks


def test_the_search_index_is_checked_too(fork):
    """Pagefind's fragments (gzip) hold the indexed text, with Thai words split by U+200B."""
    import gzip

    fragments = sorted((fork.path / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    text = " ".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in fragments)
    text = text.replace("\u200b", "")
    assert "เทศบาลตำบลบ้านใหม่" in text
    assert not [w for w in FORBIDDEN if w in text]


def test_the_site_is_the_other_agencys(fork):
    home = fork.text("index.html")
    assert "เทศบาลตำบลบ้านใหม่" in home and "แม่ทะ" in home and "ลำปาง" in home
    assert "91.64" in home.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    title = fork.soup("index.html").title.get_text()
    assert "ทต.บ้านใหม่" in title
    # two years only: 2567 is home, 2566 an earlier year, with a comparison of the two
    assert (fork.path / "years/2566.html").is_file()
    assert not (fork.path / "years/2565.html").exists() and not (fork.path / "years/2564.html").exists()
    comparison = fork.text("comparison.html")
    assert "พ.ศ. 2566" in comparison and "พ.ศ. 2567" in comparison and "2565" not in comparison


def test_its_own_number_of_issues_and_rows(fork):
    rows = {n: len(fork.soup(f"issues/2567/{n}.html").select("table.ita-action-table tbody tr[id]")) for n in (1, 2, 3)}
    assert rows == {1: 1, 2: 2, 3: 1}
    assert not (fork.path / "issues/2567/4.html").exists()
    assert not (fork.path / "issues/2566").exists()  # a year with scores only


def test_edit_links_point_at_the_fork(fork):
    html = fork.html("index.html")
    links = re.findall(r'href="(https://github.com/[^"]*/edit/[^"]*)"', html)
    assert links == ["https://github.com/ban-mai/ita/edit/main/tests/fixtures/other_agency/data/years/2567.yml"]
