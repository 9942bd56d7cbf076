"""The Thai wording kept outside templates (``templates/labels.yml``), for every stage.

Page builders, the feed, the open-data records and the checks all read the same file, so a
label (a status, a month) is written once.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def labels() -> dict[str, Any]:
    """The Thai wording used outside templates (navigation, titles, tool names, statuses)."""
    with open(TEMPLATES / "labels.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.cache
def places() -> dict[str, Any]:
    """``templates/places.yml``: agency, district and province names that hand-written text
    should only use for the agency in organization.yml (``rules/names.py``)."""
    with open(TEMPLATES / "places.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)
