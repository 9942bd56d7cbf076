"""The synthetic data of the benchmarks (benchmarks/synthetic.py) passes every check, so the
benchmarks measure builds of valid sites and the generator cannot drift from the data format."""

from __future__ import annotations

from datetime import date

import pytest

from ita_site.devtools.synthetic import ISSUES, write_synthetic
from ita_site.site import inspect

AS_OF = date(2025, 1, 1)  # after the last plan year of the synthetic data (FY2567)


@pytest.mark.parametrize("years, rows", [(1, 1), (3, 3), (20, 3), (2, 40)])
def test_synthetic_data_validates(tmp_path, years, rows):
    made = write_synthetic(tmp_path / "data", years, rows)
    report = inspect(made.root, AS_OF)
    assert report.errors == []
    assert report.todo == []
    site = report.site
    assert sorted(site.years) == list(made.years) and len(made.years) == years
    for y in site.years.values():
        # the stated figures are the computed ones (checked by the rules too, within 0.01)
        assert y.file.stated.total == y.computed.total_rounded
        assert y.file.stated.level == y.computed.level
        assert y.file.stated.tools == y.computed.tools_rounded
        assert len(y.actions.issues) == ISSUES
        assert sum(len(i.rows) for i in y.actions.issues) == ISSUES * rows == made.rows_per_year
        assert len(y.questions) == made.questions_per_year
        assert y.recommendations is not None and y.progress is not None


def test_synthetic_data_is_deterministic(tmp_path):
    a = write_synthetic(tmp_path / "a", 2, 2).root
    b = write_synthetic(tmp_path / "b", 2, 2).root
    files = sorted(p.relative_to(a) for p in a.rglob("*.yml"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.yml"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
