"""One error type for every problem in `data/`: file, line, column, what, expected."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class DataError:
    """A problem in one data file, located to the line and column (1-based)."""

    file: str
    line: int
    column: int
    problem: str
    expected: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.problem}"
        if self.expected:
            text += f" — ที่ถูกต้อง: {self.expected}"
        return text


@dataclass
class DataErrors(Exception):
    """Raised when `data/` has one or more problems; carries all of them."""

    errors: list[DataError] = field(default_factory=list)

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"ข้อมูลใน data/ มีปัญหา {n} จุด (the data has {n} problem{'s' if n != 1 else ''}):"
        return "\n".join([head, *(f"  {e}" for e in sorted(self.errors))])
