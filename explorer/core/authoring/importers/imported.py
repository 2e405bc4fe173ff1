"""What an importer gives back: plain text to quote from, and the citation the file states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_ORIGINAL_BYTES = 50 * 1024 * 1024  # a long report as a PDF; more is not a source document


class ImportFailed(Exception):
    """The file cannot be turned into text; the message says why in one line."""


@dataclass
class Citation:
    """Prefilled from the file's own metadata where it has some; every field stays editable."""

    title: str = ""
    author: str = ""
    publisher: str = ""
    published: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, as the loader accepts
    url: str = ""


@dataclass
class Imported:
    text: str
    citation: Citation = field(default_factory=Citation)
    kind: str = ""  # "txt", "md", "html", "pdf", "docx"


_DATE = re.compile(r"(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?")


def loader_date(value: str) -> str:
    """'2020-01-08T10:00:00Z', 'D:20200108…' or '2020-01' as the loader's YYYY[-MM[-DD]]; ''
    when the value holds no plausible date."""
    value = value.strip().removeprefix("D:")
    match = _DATE.match(value)
    if not match:
        return ""
    year, month, day = match.groups()
    if not 1000 <= int(year) <= 9999:
        return ""
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def tidy(text: str) -> str:
    """Line endings unified, trailing spaces and runs of blank lines removed, one final newline:
    the stored text reads well in the viewer and diffs cleanly."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""
