"""What the sources lens changes, in words and counts a panel or tooltip can show as they are.

The lens itself (source_lens.py) recomputes numbers; an analyst switching a source off needs the
consequence in one line ("7 cells rescored; leader unchanged") and each cell's disagreement as a
phrase ("3 sources, 4 points apart"). Deciding those counts and phrases here, without Qt, keeps
the Sources panel, the score matrix and any export saying the same thing, and testable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from explorer.core.engine import Method, Result, ScoreMatrix, evaluate
from explorer.core.model import DecisionSet
from explorer.core.robustness.source_lens import Lens

# A lens score within this of the editorial one reads the same in the matrix (3 significant
# digits on a 0–10 scale), so it does not count as rescored: "rescored" must mean "looks different".
RESCORE_TOLERANCE = 0.005
# A spread of half the criterion's scale is as far apart as sources can usefully be: the colour
# saturates there, so one wild cell does not wash every other warning out.
FULL_WARNING_SHARE = 0.5


@dataclass(frozen=True)
class SourceUsage:
    quotes: int  # quotes citing the source, across the whole set
    cells: int  # option × criterion cells with at least one of them
    numeric: int  # of those quotes, how many imply a number (an implied_score)


@dataclass(frozen=True)
class LensSummary:
    active: bool
    sources_off: tuple[str, ...]  # titles of switched-off sources, set order
    sources_reduced: tuple[str, ...]  # titles of sources trusted less than fully
    rescored: int  # cells whose lens score differs from the editorial one
    largest_shift: float  # in score points, 0 when nothing is rescored
    leaders_editorial: tuple[str, ...]  # names of the rank-1 option(s) on the editorial scores
    leaders_lens: tuple[str, ...]  # … and on the lens scores
    moved: int  # options whose rank differs between the two

    @property
    def leader_changes(self) -> bool:
        return self.leaders_editorial != self.leaders_lens

    @property
    def text(self) -> str:
        """One plain sentence or two: what the lens changes now (or would, once switched on)."""
        cells = _plural(self.rescored, "cell")
        if self.active:
            if self.rescored:
                head = f"{cells} rescored (by up to {points(self.largest_shift)} points)"
            else:
                head = "No cell changes: the evidence agrees with every editorial score"
            if self.leader_changes:
                lead = f"leader changes: {_names(self.leaders_editorial)} → "
                lead += _names(self.leaders_lens)
            else:
                lead = f"leader unchanged ({_names(self.leaders_lens)})"
            text = f"{head}; {lead}."
            if self.moved and not self.leader_changes:
                text += f" {_plural(self.moved, 'option')} change rank."
        else:
            text = "Off: the editorial scores are in use."
            if self.rescored:
                verb = "become" if self.leader_changes else "stay"
                text += (
                    f" Switched on, it would rescore {cells}; the leader would {verb} "
                    f"{_names(self.leaders_lens)}."
                )
            else:
                text += " Switched on, it would change no cell."
        trust = []
        if self.sources_off:
            trust.append(f"{_plural(len(self.sources_off), 'source')} off")
        if self.sources_reduced:
            trust.append(f"{len(self.sources_reduced)} trusted less")
        if trust:
            text += " " + ", ".join(trust).capitalize() + "."
        return text


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def points(value: float) -> str:
    """Score points as people say them: 4, 4.5, 0.25 — no trailing zeros, at most 2 decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _names(names: tuple[str, ...]) -> str:
    return " = ".join(names) + (" (tied)" if len(names) > 1 else "")


def rescored_cells(editorial: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Options × criteria bools: the shown score differs visibly from the editorial one."""
    return np.abs(np.asarray(scores) - np.asarray(editorial)) > RESCORE_TOLERANCE


def _leaders(decision_set: DecisionSet, result: Result) -> tuple[str, ...]:
    return tuple(decision_set.options[int(i)].name for i in result.order if result.ranks[i] == 1)


def summarise_lens(
    decision_set: DecisionSet,
    lens: Lens,
    credibility: Mapping[str, float],
    shares: np.ndarray,
    method: Method | str = Method.WSM,
    active: bool = True,
    editorial: ScoreMatrix | None = None,
) -> LensSummary:
    """Compare the lens's scores and ranking with the editorial ones under the same weights.

    Both rankings are computed even when the lens is off, so the panel can say what switching
    it on would do before the analyst commits to it. `editorial` saves rebuilding the set's
    matrix on every call when the caller already holds it.
    """
    if editorial is None:
        editorial = ScoreMatrix.from_set(decision_set)
    before = evaluate(editorial, shares, Method(method))
    after = evaluate(editorial.with_scores(lens.scores), shares, Method(method))
    shift = np.abs(lens.scores - editorial.scores)
    changed = rescored_cells(editorial.scores, lens.scores)
    off = tuple(s.title for s in decision_set.sources if credibility.get(s.id, 1.0) <= 0.0)
    reduced = tuple(s.title for s in decision_set.sources if 0.0 < credibility.get(s.id, 1.0) < 1.0)
    return LensSummary(
        active=active,
        sources_off=off,
        sources_reduced=reduced,
        rescored=int(changed.sum()),
        largest_shift=float(shift[changed].max()) if changed.any() else 0.0,
        leaders_editorial=_leaders(decision_set, before),
        leaders_lens=_leaders(decision_set, after),
        moved=int(np.sum(before.ranks != after.ranks)),
    )


def source_usage(decision_set: DecisionSet) -> dict[str, SourceUsage]:
    """How much of the evidence each source carries: what switching it off puts at stake."""
    quotes = {s.id: 0 for s in decision_set.sources}
    numeric = dict(quotes)
    cells: dict[str, set[tuple[str, str]]] = {s.id: set() for s in decision_set.sources}
    for key, cell in decision_set.assessments.items():
        for ev in cell.evidence:
            quotes[ev.source] = quotes.get(ev.source, 0) + 1
            numeric[ev.source] = numeric.get(ev.source, 0) + (ev.implied_score is not None)
            cells.setdefault(ev.source, set()).add(key)
    return {sid: SourceUsage(quotes[sid], len(cells[sid]), numeric[sid]) for sid in quotes}


def disagreement_level(decision_set: DecisionSet, disagreement: np.ndarray) -> np.ndarray:
    """Each cell's spread as 0..1 of its criterion's scale (1 = half the scale or more).

    Spreads are in each criterion's own score points; relative to the scale, two points apart
    on a 0–5 criterion warn as strongly as four on a 0–10 one.
    """
    span = np.array([c.scale.max - c.scale.min for c in decision_set.criteria], dtype=float)
    span = np.where(span > 0, span, 1.0)
    return np.clip(np.asarray(disagreement, dtype=float) / (FULL_WARNING_SHARE * span), 0.0, 1.0)


def full_warning_points(decision_set: DecisionSet) -> float | None:
    """The spread at which the colour saturates, in points, when every criterion shares a scale
    span (so a legend can say "5+ points"); None for mixed scales."""
    spans = {c.scale.max - c.scale.min for c in decision_set.criteria}
    return FULL_WARNING_SHARE * spans.pop() if len(spans) == 1 else None


def disagreement_phrase(voices: int, spread: float) -> str:
    """ "3 sources, 4 points apart": how many sources give a number here and how far apart."""
    if voices == 0:
        return "no source implies a score"
    if voices == 1:
        return "1 source implies a score (nothing to disagree with)"
    if spread <= RESCORE_TOLERANCE:
        return f"{voices} sources, in agreement"
    unit = "point" if points(spread) == "1" else "points"
    return f"{voices} sources, {points(spread)} {unit} apart"
