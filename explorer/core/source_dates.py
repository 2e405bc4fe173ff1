"""Publication dates of sources: the partial ISO forms a citation may carry, and how old the
newest evidence is.

A source often says only its year or month ("2024", "January 2020"), so a date here is a
year, a year-month or a full day; the age of evidence is worked out against the last day the
date could mean, which never calls evidence older than it might be.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from explorer.core.model import DecisionSet, Source

STALE_DAYS = 365  # older than a year: the briefing warns
_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def latest(self) -> date:
        """The last day the date could mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    @property
    def earliest(self) -> date:
        """The first day the date could mean."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def text(self) -> str:
        """As a reader says it: "2024", "January 2020", "8 January 2020"."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


def parse_date(value: str) -> PartialDate | None:
    """A "YYYY", "YYYY-MM" or "YYYY-MM-DD" date, or None when the text is no such date."""
    found = _FORM.match(value.strip())
    if not found:
        return None
    year = int(found.group(1))  # the pattern always has a year; month and day are optional
    month, day = (int(g) if g else None for g in found.groups()[1:])
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def published_text(source: Source) -> str:
    """When the source appeared, as a citation prints it: its date, else its period."""
    parsed = parse_date(source.published) if source.published else None
    return parsed.text if parsed else source.period


@dataclass(frozen=True)
class EvidenceAge:
    newest: PartialDate | None  # None: no source carries a publication date
    newest_source: str  # the title of the source carrying it
    days: int  # days from the newest date's last possible day to today
    undated: int  # sources with no publication date
    days_most: int = 0  # ... from its first possible day (a year-only date spans 365 days)

    @property
    def stale(self) -> bool:
        return self.newest is not None and self.days > STALE_DAYS

    @property
    def text(self) -> str:
        """One sentence for a status line or a sources slide."""
        if self.newest is None:
            return "No source carries a publication date, so the evidence's age is unknown."
        # a year or a month spans many days: the age runs from its last day to its first
        years, most = self.days // 365, max(self.days_most, self.days) // 365
        if most >= 1:
            span = f"{years}–{most}" if most > years else str(years)
            age = f"{span} year{'s' if most > 1 else ''} old"
        elif self.days >= 60:
            age = f"about {self.days // 30} months old"
        else:
            age = "less than two months old"
        text = f"Newest evidence: {self.newest.text} ({age})."
        if self.stale:
            text = "Evidence may be out of date. " + text
        if self.undated:
            text += f" {self.undated} source{'s' if self.undated > 1 else ''} undated."
        return text


def evidence_age(ds: DecisionSet, today: date) -> EvidenceAge:
    """How old the newest dated source is on `today`; undated sources are counted apart."""
    parsed = [(parse_date(s.published), s) for s in ds.sources if s.published]
    dated = [(d, s) for d, s in parsed if d is not None]
    undated = len(ds.sources) - len(dated)
    if not dated:
        return EvidenceAge(None, "", 0, undated)
    newest, source = max(dated, key=lambda pair: pair[0].latest)
    return EvidenceAge(
        newest,
        source.title,
        max(0, (today - newest.latest).days),
        undated,
        max(0, (today - newest.earliest).days),
    )
