"""Problems found while reading user files, reported all at once as FILE:LINE: field: message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file; `line` is 1-based, 0 when not tied to a line."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "" if self.severity == "error" else "warning: "
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {prefix}{self.message}"


class LoadError(Exception):
    """Raised with every problem found, so the user can fix them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        ordered = sorted(problems, key=lambda p: (p.file, p.line))
        self.problems = [p for p in ordered if p.severity == "error"]
        self.warnings = [p for p in ordered if p.severity != "error"]
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """Paths relative to the working directory read better in messages; absolute otherwise."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
