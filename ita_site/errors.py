"""One type for every problem in `data/`: file, line, column, what, expected, suggestion.

A problem is an *error* (the data is wrong: the build stops), a *to-fill* notice (a value
left blank on purpose, ``null``, in the fiscal year being filled: the build goes on and the
pages of that year say so) or a *warning* (probably wrong, e.g. another agency's name in the
prose: printed and logged, the build goes on). The wording around the parts is here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ERROR: Literal["error"] = "error"
TODO: Literal["todo"] = "todo"
WARNING: Literal["warning"] = "warning"
WARNING_MARK = "คำเตือน (warning)"

EXPECTED = "ที่ถูกต้อง"
DID_YOU_MEAN = "หมายถึง {value} หรือไม่? (did you mean)"


def message_text(problem: str, expected: str = "", suggestion: str = "") -> str:
    """One message: the problem, what is expected, what was probably meant."""
    text = problem
    if expected:
        text += f" — {EXPECTED}: {expected}"
    if suggestion:
        text += " — " + DID_YOU_MEAN.format(value=f"'{suggestion}'")
    return text


@dataclass(frozen=True, order=True)
class DataError:
    """A problem in one data file, located to the line and column (1-based).

    ``suggestion`` is the value the author most likely meant (a key, a tool name, a code, a
    number), shown as "did you mean"; ``kind`` is ``"error"``, ``"todo"`` (left blank) or
    ``"warning"`` (shown with "คำเตือน", does not stop the build).
    """

    file: str
    line: int
    column: int
    problem: str
    expected: str = ""
    suggestion: str = ""
    kind: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {WARNING_MARK + ': ' if self.is_warning else ''}{self.message}"

    @property
    def message(self) -> str:
        """The message without its place (what the editor's forms show under a field)."""
        return message_text(self.problem, self.expected, self.suggestion)

    @property
    def is_todo(self) -> bool:
        return self.kind == TODO

    @property
    def is_warning(self) -> bool:
        return self.kind == WARNING


@dataclass
class DataErrors(Exception):
    """Raised when `data/` has one or more problems; carries all of them."""

    errors: list[DataError] = field(default_factory=list)

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"ข้อมูลใน data/ มีปัญหา {n} จุด (the data has {n} problem{'s' if n != 1 else ''}):"
        return "\n".join([head, *(f"  {e}" for e in sorted(self.errors))])
