"""Quotes taken from a source's own text, and the check that they still are.

A captured quote is the source's characters with only whitespace collapsed, the way the loader
compares them, so it is verbatim by construction. Texts imported from PDFs keep a form feed
between pages (as pdftotext does): whitespace to the quote check, a page break to `page_of`.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core import sections
from explorer.core.model import DecisionSet
from explorer.core.quotes import find_quote, normalise

PAGE_BREAK = "\f"


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def verbatim_quote(text: str, quote: str) -> tuple[str, int] | None:
    """The source's own wording of `quote` (found tolerant of whitespace and typographic
    punctuation) and where it starts in `text`; None when the source does not say it."""
    span = find_quote(text, quote)
    if span is None:
        return None
    start, end = span
    return collapse_whitespace(text[start:end]), start


def page_of(text: str, offset: int) -> int | None:
    """1-based page of a position in a text with page breaks; None for a text without any."""
    if PAGE_BREAK not in text:
        return None
    return text.count(PAGE_BREAK, 0, offset) + 1


@dataclass(frozen=True)
class UnmatchedQuote:
    option: str
    criterion: str
    index: int  # position in the cell's evidence list
    source: str
    quote: str


def unmatched_quotes(decision_set: DecisionSet) -> list[UnmatchedQuote]:
    """Every quote its source's current text no longer contains (sources without text are not
    judged: the loader reports them missing)."""
    texts = {}
    for src in decision_set.sources:
        text = sections.source_text(src)
        texts[src.id] = None if text is None else normalise(text)
    out = []
    for (option, criterion), cell in decision_set.assessments.items():
        for i, item in enumerate(cell.evidence):
            text = texts.get(item.source)
            if text is not None and normalise(item.quote) not in text:
                out.append(UnmatchedQuote(option, criterion, i, item.source, item.quote))
    return out
