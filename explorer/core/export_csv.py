"""The score matrix and the evidence as CSV, for analysts who continue in a spreadsheet.

Two tables rather than one: the matrix (one row per option, ranked under the weights on screen)
answers "what came out", the evidence (one row per quote) answers "on what grounds", and a
reader can join them on the option and criterion ids. The csv module does the quoting, so quotes
with commas, line breaks or quotation marks survive a round trip; an optional byte-order mark
makes Excel read the UTF-8 (curly quotes, en dashes) instead of guessing a legacy code page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from explorer.core.engine import Result
from explorer.core.model import DecisionSet
from explorer.core.profiles.atomic import write_atomic

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EVIDENCE_HEADER = (
    "Option ID",
    "Option",
    "Criterion ID",
    "Criterion",
    "Editorial score",
    "Stance",
    "Implied score",
    "Quote",
    "Source ID",
    "Source title",
    "Period",
    "Publisher",
    "Document",
    "Origin",
    "Found in source",  # "no": an unverified quote (allowed, with a warning, outside the bundle)
)


def number(value: float | None) -> str:
    """Full precision a spreadsheet parses as a number; empty for "no value"."""
    if value is None:
        return ""
    return f"{float(value):.10g}"


def text(value: str) -> str:
    """Text a spreadsheet will not run: a cell starting with = + - @ is a formula to Excel and
    LibreOffice (CSV injection), so such text gets a leading apostrophe, the spreadsheet
    convention for "this is text". Numbers never pass through here."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def _table(rows: Iterable[Sequence[str]], bom: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")  # RFC 4180
    writer.writerows(rows)
    return (BOM if bom else "") + out.getvalue()


def matrix_header(decision_set: DecisionSet, result: Result, shares: np.ndarray) -> list[str]:
    """Rank, option, total, then score/low/high per criterion, each naming its weight share."""
    header = ["Rank", "Tied", "Option ID", "Option", f"Total ({result.method.label})"]
    for crit, share in zip(decision_set.criteria, shares, strict=True):
        name = text(crit.name)
        header += [f"{name} score (weight {float(share):.1%})", f"{name} low", f"{name} high"]
    return header


def matrix_csv(
    decision_set: DecisionSet,
    scores: np.ndarray,
    result: Result,
    shares: np.ndarray,
    bom: bool = False,
) -> str:
    """One row per option, best first, with the scores that produced `result`.

    `scores` is the matrix in use (editorial or rescored by the sources lens), so the file
    matches the screen; low and high are the set's stated ranges. Unassessed cells are left
    empty rather than written as the midpoint the engine counts them at, so a spreadsheet
    never mistakes "not assessed" for a judgement.
    """
    scores = np.asarray(scores, dtype=float)
    shape = (len(decision_set.options), len(decision_set.criteria))
    if scores.shape != shape:
        raise ValueError(f"scores have shape {scores.shape}, the set needs {shape}")
    rows: list[list[str]] = [matrix_header(decision_set, result, shares)]
    for i in result.order:
        option = decision_set.options[int(i)]
        tied = "yes" if result.tied(int(i)) else ""
        row = [str(result.ranks[i]), tied, text(option.id), text(option.name)]
        row.append(number(result.totals[i]))
        for j, crit in enumerate(decision_set.criteria):
            cell = decision_set.assessment(option.id, crit.id)
            if cell.unassessed:
                row += ["", "", ""]
                continue
            row += [number(scores[i, j]), number(cell.low), number(cell.high)]
        rows.append(row)
    return _table(rows, bom)


def evidence_csv(decision_set: DecisionSet, bom: bool = False) -> str:
    """One row per quote, in set order (option, criterion, then the quote's own order)."""
    sources = {s.id: s for s in decision_set.sources}
    rows: list[list[str]] = [list(EVIDENCE_HEADER)]
    for option in decision_set.options:
        for crit in decision_set.criteria:
            cell = decision_set.assessment(option.id, crit.id)
            for ev in cell.evidence:
                source = sources.get(ev.source)
                rows.append(
                    [
                        text(option.id),
                        text(option.name),
                        text(crit.id),
                        text(crit.name),
                        number(cell.score),
                        ev.stance.value,
                        number(ev.implied_score),
                        text(ev.quote),
                        text(ev.source),
                        text(source.title if source else ev.source),
                        text(source.period if source else ""),
                        text(source.publisher if source else ""),
                        text(source.file if source else ""),
                        text(source.origin if source else ""),
                        "yes" if ev.verified else "no",
                    ]
                )
    return _table(rows, bom)


def write_csv(path: Path | str, text: str) -> None:
    """Write UTF-8 so that a crash mid-write leaves the old file whole (the profiles' writer)."""
    write_atomic(Path(path), text.encode("utf-8"))
