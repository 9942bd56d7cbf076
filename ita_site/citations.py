"""Citations written in recommendation text: "(อ้างอิงจาก O11)" or "(อ้างอิงจาก O39 – O41)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

CITATION_RE = re.compile(r"อ้างอิงจาก\s*([A-Z]{1,2})([0-9]+)(?:\s*[–-]\s*([A-Z]{1,2})([0-9]+))?")


@dataclass(frozen=True)
class Citation:
    start: int  # span of the codes in the text (after "อ้างอิงจาก ")
    end: int
    codes: tuple[str, ...]


def find_citations(text: str) -> list[Citation]:
    """Every citation in `text`; a range "O39 – O41" expands to O39, O40, O41."""
    found = []
    for m in CITATION_RE.finditer(text):
        prefix, first, prefix2, last = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if last is not None and prefix2 == prefix and int(last) >= first:
            codes = tuple(f"{prefix}{n}" for n in range(first, int(last) + 1))
        else:
            codes = (f"{prefix}{first}",) + ((f"{prefix2}{last}",) if last is not None else ())
        found.append(Citation(m.start(1), m.end(), codes))
    return found


def cited_codes(text: str) -> list[str]:
    return [code for c in find_citations(text) for code in c.codes]
