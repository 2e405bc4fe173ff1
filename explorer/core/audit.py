"""How much the ranking rests on which source: the evidence check behind the audit command and
the Evidence check view.

An analyst briefing a ranking must know where it is fragile: cells whose score is far from what
their quotes imply, cells no quote argues against, cells resting on one document, one sentence
reused across many cells, and above all whether the leader survives switching one source off or
rescoring every cell from its evidence. Those answers are computed once here, without Qt, so the
command line, the window, the slides and the PDF say the same numbers.

Every rescored number goes through the Sources lens (LensState, the object the window's Sources
panel drives): "without source S" is exactly the lens with S's credibility at 0 and every other
source as trusted now, and the evidence-implied ranking is the lens with the current
credibilities. The audit never has its own rescoring rule, so it cannot disagree with switching
a source off by hand.

A cell's evidence-implied score is the lens's score for it: the credibility-weighted mean of the
numbers its quotes imply (see source_lens.implied_value: a quote's `implied_score`, or the cell's
own score for a supporting quote without one). A cell where no quote implies a number, or every
such quote's source is switched off, has no implied score (`implied` and `gap` are None): the
audit reports it as such, and in the implied ranking it keeps its editorial score, as the lens
does — neither invents a number the evidence does not give. Unassessed cells have no score and
no implied score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from explorer.core.engine import Method, Result, evaluate
from explorer.core.model import DecisionSet, Stance
from explorer.core.quotes import normalise
from explorer.core.robustness.lens_state import LensState
from explorer.core.weighting import credibility_for

# A quote in more than this many cells is flagged: reuse should be the exception (issue 14).
SHARED_QUOTE_CELLS = 2


@dataclass(frozen=True)
class CellAudit:
    option: str
    criterion: str
    score: float | None  # the editorial score; None when unassessed
    implied: float | None  # the lens's score from the quotes; None when they imply no number
    sources: tuple[str, ...]  # sources quoted in the cell, in the set's source order
    supports: int
    contradicts: int
    unverified: int = 0  # quotes not found in their source (see model.Evidence.verified)

    @property
    def gap(self) -> float | None:
        """Evidence-implied minus editorial: positive when the quotes argue for a higher score."""
        if self.score is None or self.implied is None:
            return None
        return self.implied - self.score

    @property
    def unopposed(self) -> bool:
        """A scored cell that no quote contradicts (including one with no quotes at all)."""
        return self.score is not None and self.contradicts == 0

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1


@dataclass(frozen=True)
class SharedQuote:
    source: str
    quote: str
    cells: tuple[tuple[str, str], ...]  # (option, criterion), set order
    verified: bool = True  # found in its source (the same words, so the same answer everywhere)


@dataclass(frozen=True)
class OptionEvidence:
    option: str
    by_source: dict[str, int]  # quotes per source, every source of the set listed (0 included)
    supports: int
    contradicts: int


@dataclass(frozen=True)
class Ranking:
    """Option ids best first, and the rank-1 option(s) (more than one when tied)."""

    order: tuple[str, ...]
    leaders: tuple[str, ...]

    @property
    def leader(self) -> str:
        return self.order[0]


@dataclass(frozen=True)
class SourceOff:
    source: str
    ranking: Ranking


@dataclass(frozen=True)
class Audit:
    method: Method
    shares: np.ndarray  # the weighting audited, normalised
    credibility: dict[str, float]  # per source, as trusted when the audit ran
    cells: tuple[CellAudit, ...]  # options × criteria, set order
    options: tuple[OptionEvidence, ...]
    shared_quotes: tuple[SharedQuote, ...]
    ranking: Ranking  # on the editorial scores
    implied_ranking: Ranking  # every cell rescored from its evidence (the lens on)
    leave_one_out: tuple[SourceOff, ...]  # one per source of the set, set order
    headline: str | None  # one line when a source or the evidence changes the leader

    @property
    def single_source(self) -> tuple[CellAudit, ...]:
        return tuple(c for c in self.cells if c.single_source)

    @property
    def unopposed(self) -> tuple[CellAudit, ...]:
        return tuple(c for c in self.cells if c.unopposed)


def _ranking(decision_set: DecisionSet, result: Result) -> Ranking:
    ids = decision_set.option_ids
    order = tuple(ids[int(i)] for i in result.order)
    leaders = tuple(ids[int(i)] for i in result.order if result.ranks[i] == 1)
    return Ranking(order, leaders)


def _names(decision_set: DecisionSet, option_ids: tuple[str, ...]) -> str:
    names = [decision_set.option(o).name for o in option_ids]
    return " and ".join(names) + (" tie" if len(names) > 1 else "")


def _lead(decision_set: DecisionSet, leaders: tuple[str, ...]) -> str:
    return f"{_names(decision_set, leaders)} {'lead' if len(leaders) > 1 else 'leads'}"


def headline(
    decision_set: DecisionSet,
    ranking: Ranking,
    implied: Ranking,
    leave_one_out: tuple[SourceOff, ...],
) -> str | None:
    """ "Refocus leads; without <source>, Complete withdrawal leads", or None when nothing the
    audit tries changes the leader. Sources giving the same new leader are named together."""
    parts: list[str] = []
    if implied.leaders != ranking.leaders:
        parts.append(f"rescored from the evidence, {_lead(decision_set, implied.leaders)}")
    grouped: dict[tuple[str, ...], list[str]] = {}
    for off in leave_one_out:
        if off.ranking.leaders != ranking.leaders:
            title = decision_set.source(off.source).title
            grouped.setdefault(off.ranking.leaders, []).append(title)
    for leaders, titles in grouped.items():
        quoted = " or ".join(f"“{title}”" for title in titles)  # titles carry commas
        parts.append(f"without {quoted}, {_lead(decision_set, leaders)}")
    if not parts:
        return None
    return "; ".join([_lead(decision_set, ranking.leaders), *parts]) + "."


def summary_line(decision_set: DecisionSet, result: Audit) -> str:
    """The headline, or the sentence saying the leader holds, for views that always show one."""
    if result.headline is not None:
        return result.headline
    lead = _lead(decision_set, result.ranking.leaders)
    return (
        f"{lead} whichever one source is switched off, and when every cell is rescored "
        "from its evidence."
    )


def _quotes_are(n: int) -> str:
    return f"{n} quote is" if n == 1 else f"{n} quotes are"


def counts_line(result: Audit) -> str:
    """Unopposed, single-source, shared and unverified quotes in one sentence, for every view."""
    scored = sum(c.score is not None for c in result.cells)
    unverified = sum(c.unverified for c in result.cells)
    text = (
        f"{len(result.unopposed)} of {scored} scored cells have no contradicting evidence; "
        f"{len(result.single_source)} rest on a single source; "
        f"{_quotes_are(len(result.shared_quotes))} used in more than {SHARED_QUOTE_CELLS} cells"
    )
    if unverified:
        text += f"; {_quotes_are(unverified)} unverified (not found in their source)"
    return text + "."


def _cells(decision_set: DecisionSet, state: LensState) -> tuple[CellAudit, ...]:
    order = {sid: k for k, sid in enumerate(state.source_ids)}
    out = []
    for i, option in enumerate(decision_set.options):
        for j, crit in enumerate(decision_set.criteria):
            cell = decision_set.assessment(option.id, crit.id)
            implied = None
            if not cell.unassessed and not state.lens.kept[i, j]:
                implied = float(state.lens.scores[i, j])
            stances = [e.stance for e in cell.evidence]
            out.append(
                CellAudit(
                    option.id,
                    crit.id,
                    cell.score,
                    implied,
                    tuple(sorted({e.source for e in cell.evidence}, key=order.__getitem__)),
                    stances.count(Stance.SUPPORTS),
                    stances.count(Stance.CONTRADICTS),
                    sum(not e.verified for e in cell.evidence),
                )
            )
    return tuple(out)


def _options(decision_set: DecisionSet) -> tuple[OptionEvidence, ...]:
    out = []
    for option in decision_set.options:
        by_source = {s.id: 0 for s in decision_set.sources}
        supports = contradicts = 0
        for crit in decision_set.criteria:
            for ev in decision_set.assessment(option.id, crit.id).evidence:
                by_source[ev.source] += 1
                supports += ev.stance is Stance.SUPPORTS
                contradicts += ev.stance is Stance.CONTRADICTS
        out.append(OptionEvidence(option.id, by_source, supports, contradicts))
    return tuple(out)


def shared_quotes(decision_set: DecisionSet) -> tuple[SharedQuote, ...]:
    """Quotes (same source, same words up to whitespace and typography) in more than
    SHARED_QUOTE_CELLS cells, most-used first."""
    seen: dict[tuple[str, str], tuple[str, list[tuple[str, str]], bool]] = {}
    for option in decision_set.options:
        for crit in decision_set.criteria:
            for ev in decision_set.assessment(option.id, crit.id).evidence:
                key = (ev.source, normalise(ev.quote))
                _, cells, _ = seen.setdefault(key, (ev.quote, [], ev.verified))
                if (option.id, crit.id) not in cells:
                    cells.append((option.id, crit.id))
    found = [
        SharedQuote(source, quote, tuple(cells), verified)
        for (source, _), (quote, cells, verified) in seen.items()
        if len(cells) > SHARED_QUOTE_CELLS
    ]
    return tuple(sorted(found, key=lambda q: -len(q.cells)))


def audit(
    decision_set: DecisionSet,
    shares: np.ndarray,
    method: Method | str = Method.WSM,
    credibility: Mapping[str, float] | None = None,
) -> Audit:
    """The evidence check for this weighting; `credibility` as the Sources lens has it (full
    trust where not given)."""
    method = Method(method)
    base = credibility_for(decision_set, credibility)
    state = LensState(decision_set)
    scored = evaluate(state.editorial, shares, method)
    state.set(base, True)
    implied = evaluate(state.problem, shares, method)
    cells = _cells(decision_set, state)
    off = []
    for k, source in enumerate(state.source_ids):
        without = base.copy()
        without[k] = 0.0
        state.set(without, True)  # what the Sources panel does when the source is switched off
        off.append(
            SourceOff(source, _ranking(decision_set, evaluate(state.problem, shares, method)))
        )
    ranking, implied_ranking = _ranking(decision_set, scored), _ranking(decision_set, implied)
    leave_one_out = tuple(off)
    return Audit(
        method=method,
        shares=scored.weights,
        credibility={sid: float(c) for sid, c in zip(state.source_ids, base, strict=True)},
        cells=cells,
        options=_options(decision_set),
        shared_quotes=shared_quotes(decision_set),
        ranking=ranking,
        implied_ranking=implied_ranking,
        leave_one_out=leave_one_out,
        headline=headline(decision_set, ranking, implied_ranking, leave_one_out),
    )
