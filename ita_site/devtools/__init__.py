"""Tools that measure a built site and make test data, for the tests, the benchmarks and
``scripts/``: a browser started with one set of flags (``screenshot``), Lighthouse scores
(``lighthouse``), bytes a reader downloads (``page_weight``), consistent data of any size
(``synthetic``). They work in a checkout of the repository (``ROOT``), not on a published site.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the checkout this package is installed from (pip install -e .)
