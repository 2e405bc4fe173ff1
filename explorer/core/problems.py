"""Problems found while reading user files, reported all at once as FILE:LINE: field: message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_MESSAGE_CHARS = 400
# line breaks and other control characters inside a message (they come from users' values, or
# from a library's multi-line text) would split one problem across lines: they are shown escaped
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
    return text if len(text) <= limit else text[:limit] + "…"


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
        field = f" {one_line(self.field)}:" if self.field else ""
        return f"{one_line(where)}:{field} {prefix}{one_line(self.message)}"


class LoadError(Exception):
    """Raised with every problem found, so the user can fix them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        ordered = sorted(problems, key=lambda p: (p.file, p.line))
        self.problems = [p for p in ordered if p.severity == "error"]
        self.warnings = [p for p in ordered if p.severity != "error"]
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """Paths relative to the working directory read better in messages; absolute otherwise.

    The folder is resolved, not the name: a symbolic link is named as itself, not as its target.
    """
    try:
        where = path.absolute().parent.resolve() / path.name
        return str(where.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the cwd, or a symlink loop
        return str(path)
