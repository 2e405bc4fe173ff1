"""Questions about the evidence behind scores, answered once here for every view.

The score matrix, the evidence panel and the source viewer all need the same judgements (is this
cell's evidence thin? which quotes come from this source, in reading order?); deciding them in
one Qt-free place keeps the views consistent and lets the rules be tested without a display.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.model import Assessment, DecisionSet, Evidence, Source
from explorer.core.quotes import find_quote, normalise
from explorer.core.sections import source_text


def is_thin(cell: Assessment) -> bool:
    """True when a scored cell rests on at most one quote, or on several from a single source.

    One quote, or one author repeated, cannot show that a judgement is shared; a reader should
    be warned before leaning on it. Unassessed cells are not "thin": they are flagged as
    unassessed, which says more.
    """
    if cell.unassessed:
        return False
    return len(cell.evidence) <= 1 or len({e.source for e in cell.evidence}) == 1


def thin_reason(cell: Assessment) -> str | None:
    """A short human explanation of why a cell is thin, or None when it is not."""
    if not is_thin(cell):
        return None
    count = len(cell.evidence)
    if count == 0:
        return "no quotes"
    if count == 1:
        return "only one quote"
    return f"all {count} quotes come from one source"


def thin_matrix(decision_set: DecisionSet) -> np.ndarray:
    """Options × criteria booleans of is_thin, in the set's option and criterion order."""
    return np.array(
        [
            [is_thin(decision_set.assessment(o.id, c.id)) for c in decision_set.criteria]
            for o in decision_set.options
        ],
        dtype=bool,
    ).reshape(len(decision_set.options), len(decision_set.criteria))


def source_titles(decision_set: DecisionSet, source_ids: tuple[str, ...]) -> list[str]:
    """Titles for source ids, keeping an unknown id visible rather than dropping it."""
    known = {s.id: s.title for s in decision_set.sources}
    return [known.get(sid, sid) for sid in source_ids]


def source_label(source: Source) -> str:
    """ "Title (period)": how a quote's origin is named wherever a quote is shown."""
    return f"{source.title} ({source.period})" if source.period else source.title


def read_source_text(source: Source) -> str | None:
    """The source's text with line endings unified, or None when it cannot be read.

    Viewers show this exact string, so offsets found in it are offsets on screen: a stray
    "\\r" would otherwise shift every highlight after it.
    """
    text = source_text(source)
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def utf16_offset(text: str, index: int) -> int:
    """Convert a Python (code point) offset to a UTF-16 one, the unit Qt documents count in."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


@dataclass(frozen=True)
class Citation:
    """One evidence item citing a source, located in that source's text."""

    option: str
    criterion: str
    evidence: Evidence
    span: tuple[int, int] | None  # code-point offsets in the source text; None if not found

    @property
    def quote(self) -> str:
        return self.evidence.quote


def source_citations(decision_set: DecisionSet, source_id: str, text: str) -> list[Citation]:
    """Every evidence item quoting `source_id`, in reading order of `text`.

    Items whose quote cannot be found (possible in non-bundled sets) go last in set order, so
    they can still be listed but never break the stepping order of those that can.
    """
    found: list[tuple[tuple[int, int, int], Citation]] = []
    missing: list[Citation] = []
    order = 0
    spans: dict[str, tuple[int, int] | None] = {}
    for option in decision_set.options:
        for criterion in decision_set.criteria:
            cell = decision_set.assessments.get((option.id, criterion.id))
            if cell is None:
                continue
            for item in cell.evidence:
                if item.source != source_id:
                    continue
                if item.quote not in spans:
                    spans[item.quote] = find_quote(text, item.quote)
                citation = Citation(option.id, criterion.id, item, spans[item.quote])
                if citation.span is None:
                    missing.append(citation)
                else:
                    found.append(((*citation.span, order), citation))
                order += 1
    found.sort(key=lambda pair: pair[0])
    return [c for _, c in found] + missing


def find_citation(
    citations: list[Citation],
    quote: str,
    option: str | None = None,
    criterion: str | None = None,
) -> int | None:
    """Index of the citation for `quote`, preferring the one from the given cell.

    The same sentence is often quoted by several cells; when the request comes from a cell, the
    viewer should land on that cell's citation so "next" continues from the right place.
    """
    needle = normalise(quote)
    matches = [i for i, c in enumerate(citations) if normalise(c.quote) == needle]
    if not matches:
        return None
    for i in matches:
        if (citations[i].option, citations[i].criterion) == (option, criterion):
            return i
    for i in matches:
        if citations[i].option == option or citations[i].criterion == criterion:
            return i
    return matches[0]
