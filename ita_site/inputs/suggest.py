"""'Did you mean' for misspelt keys."""

from __future__ import annotations

import difflib


def did_you_mean(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None
