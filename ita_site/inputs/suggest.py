"""'Did you mean': the value an author most likely meant, for keys, names, codes and numbers.

Each function returns one suggestion or None; a suggestion is only made when it is
unambiguous, so that a wrong guess never sends a clerk the wrong way.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

from ..dates import THAI_DIGITS


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest of `choices` to `word` (a misspelt key or name), or None: the same but for
    case and spaces, else the only one a single slip away, else the most similar."""
    choices = [str(c) for c in choices]
    folded = {c.casefold().replace(" ", ""): c for c in choices}
    same = folded.get(str(word).casefold().replace(" ", ""))
    if same is not None:
        return same  # "eit public", "EITPublic" -> "EIT Public"
    slips = [c for c in choices if _one_edit(str(word), c)]
    if len(slips) == 1:
        return slips[0]  # "ita-2464" -> "ita-2564"
    if slips:
        return None  # two equally likely slips ("ita-2546": ita-2564 or ita-2566?): no guess
    found = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by one slip: a character changed, added or removed, or two
    neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return a[i] == b[i + 1] and a[i + 1] == b[i]
        return len(diff) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def close_number(value: int, choices: Iterable[int]) -> int | None:
    """The one number of `choices` that `value` is a one-digit slip of (100 -> 10), or None."""
    found = [c for c in choices if _one_edit(str(value), str(c))]
    return found[0] if len(found) == 1 else None


def normalise_code(text: str) -> str:
    """A question code as it is often mistyped: "o14", "O 14", "O๑๔", "I2O", "O014" -> canonical."""
    text = str(text).translate(THAI_DIGITS).replace(" ", "").upper()
    m = re.fullmatch(r"([A-Z]+?)([0-9O]+)", text)
    if not m:
        return text
    prefix, digits = m.groups()
    digits = digits.replace("O", "0").lstrip("0") or "0"
    return prefix + digits


def close_code(code: str, codes: Iterable[str]) -> str | None:
    """The code of `codes` meant by `code`: the same after normalising, or the only one a
    single character away (I99 -> I9 when no I19, I29 ... exists), or None."""
    codes = list(codes)
    fixed = normalise_code(code)
    if fixed in codes and fixed != code:
        return fixed
    found = [c for c in codes if _one_edit(fixed, c)]
    return found[0] if len(found) == 1 else None


def close_numeral(text: str, integer: bool = False) -> str | None:
    """The number meant by a number typed as text: "92,50" -> 92.50, "92.5O" (letter O) ->
    92.50, "ร้อยละ 92.50" -> 92.50, "1,250" -> 1250 (for whole numbers); None if unclear."""
    t = str(text).translate(THAI_DIGITS).replace("ร้อยละ", "").replace("%", "").strip()
    t = re.sub(r"(?<=[0-9.,])[Oo]", "0", t)  # a letter O typed for a zero
    if integer:
        t = t.replace(",", "") if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", t) else t
        return t if re.fullmatch(r"[0-9]+", t) else None
    if re.fullmatch(r"[0-9]+,[0-9]{1,2}", t):
        t = t.replace(",", ".")  # a decimal comma
    return t if re.fullmatch(r"[0-9]+(\.[0-9]+)?", t) else None
