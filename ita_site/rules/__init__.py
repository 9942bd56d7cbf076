"""Stage 2: checks that span files. Each rule is a function ``(DataSet) -> list[DataError]``.

Rules run only on files that parsed; a file with format errors is reported by ``inputs/``.
"""

from __future__ import annotations

from ..errors import DataError
from ..inputs.loader import DataSet
from . import blanks, catalog, disclosures, names, narrative, progress, references, totals

RULES = [
    blanks.blanks,
    catalog.methodology_indicators_known,
    catalog.every_tool_has_indicators,
    catalog.levels_cover_every_total,
    totals.year_methodology_known,
    totals.scores_in_methodology,
    totals.year_has_a_figure,
    totals.ranks_readable,
    totals.indicator_names_match_catalog,
    totals.stated_figures_match_computed,
    references.question_catalog,
    references.action_tables,
    references.recommendations,
    references.narrative_citations,
    narrative.numbers_in_prose,
    names.other_agencies,
    progress.progress_files,
    disclosures.oit_groups,
    disclosures.disclosure_files,
]


def check(data: DataSet) -> list[DataError]:
    """Every problem found by the rules: errors and to-fill notices (``DataError.kind``)."""
    errors: list[DataError] = []
    for rule in RULES:
        errors.extend(rule(data))
    return errors
