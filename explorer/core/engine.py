"""Scoring: weighted sum of desirabilities (WSM) and TOPSIS, vectorised with numpy.

The engine works on plain arrays so the same code serves the CLI, every chart, and (later) the
Monte Carlo robustness analyses, which call it on thousands of weight vectors at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from explorer.core.model import DecisionSet, Direction

TIE_TOLERANCE = 1e-9


class Method(StrEnum):
    WSM = "wsm"
    TOPSIS = "topsis"

    @property
    def label(self) -> str:
        return {"wsm": "Weighted sum", "topsis": "TOPSIS"}[self.value]


@dataclass(frozen=True)
class ScoreMatrix:
    """The numeric view of a decision set: everything the engine needs, nothing it does not."""

    option_ids: tuple[str, ...]
    criterion_ids: tuple[str, ...]
    scores: np.ndarray  # options × criteria, raw scores on each criterion's scale
    mins: np.ndarray
    maxs: np.ndarray
    benefit: np.ndarray  # bool per criterion: True when higher is better

    @classmethod
    def from_set(cls, decision_set: DecisionSet) -> ScoreMatrix:
        scores, _, _ = decision_set.matrix()
        crits = decision_set.criteria
        return cls(
            tuple(decision_set.option_ids),
            tuple(decision_set.criterion_ids),
            scores,
            np.array([c.scale.min for c in crits], dtype=float),
            np.array([c.scale.max for c in crits], dtype=float),
            np.array([c.direction is Direction.HIGHER_IS_BETTER for c in crits]),
        )

    def with_scores(self, scores: np.ndarray) -> ScoreMatrix:
        return ScoreMatrix(
            self.option_ids, self.criterion_ids, scores, self.mins, self.maxs, self.benefit
        )


@dataclass(frozen=True)
class Result:
    method: Method
    weights: np.ndarray  # normalised, sums to 1 (all zeros when weights_all_zero)
    weights_all_zero: bool
    totals: np.ndarray  # per option; WSM in 0..1, TOPSIS closeness in 0..1
    # options × criteria, rows sum to totals. WSM: w·d exactly. TOPSIS has no additive
    # decomposition, so each criterion's share of Σ w·d is scaled to the closeness: the
    # segments then show what carries an option, with the bar length TOPSIS's own total.
    contributions: np.ndarray
    desirability: np.ndarray  # options × criteria in 0..1
    ranks: np.ndarray  # 1-based competition ranks; tied options share a rank
    order: np.ndarray  # option indices best first, ties broken by file order

    def tied(self, option_index: int) -> bool:
        return int(np.sum(self.ranks == self.ranks[option_index])) > 1


def normalise_weights(weights: np.ndarray) -> tuple[np.ndarray, bool]:
    """Weights summing to 1; all-zero weights stay zero and are flagged rather than becoming NaN."""
    w = np.asarray(weights, dtype=float)
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        raise ValueError("weights must be finite and non-negative")
    total = w.sum(axis=-1, keepdims=True)
    zero = total <= 0
    safe = np.where(zero, 1.0, total)
    out = np.where(zero, 0.0, w / safe)
    return out, bool(np.all(zero))


def desirability(problem: ScoreMatrix, scores: np.ndarray | None = None) -> np.ndarray:
    s = problem.scores if scores is None else scores
    span = problem.maxs - problem.mins
    up = (s - problem.mins) / span
    return np.where(problem.benefit, up, 1.0 - up)


def rank(totals: np.ndarray, tolerance: float = TIE_TOLERANCE) -> tuple[np.ndarray, np.ndarray]:
    """Competition ranks (1, 2, 2, 4) and a deterministic best-first order (ties by index)."""
    order = np.lexsort((np.arange(len(totals)), -totals))
    ranks = np.empty(len(totals), dtype=int)
    current = 1
    for position, idx in enumerate(order):
        if position and totals[order[position - 1]] - totals[idx] > tolerance:
            current = position + 1
        ranks[idx] = current
    # re-sort by rank so options tied within the tolerance follow file order, not rounding noise
    return ranks, np.lexsort((np.arange(len(totals)), ranks))


def wsm_totals(d: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Totals for one weight vector (n,) or many (k, n) at once: shape (k, options)."""
    return np.asarray(weights) @ d.T


def topsis_closeness(
    problem: ScoreMatrix, weights: np.ndarray, scores: np.ndarray | None = None
) -> np.ndarray:
    """Classic TOPSIS on raw scores: vector normalisation, weighting, distances to ideal points.

    One weighting (n,) gives (options,); k weightings (k, n) give (k, options) in one pass, each
    with the set's scores or, with `scores` (k, options, n), its own (the sampler's batches:
    a Python loop over samples cost 20 µs each).

    Columns whose norm is zero (all scores 0) normalise to 0 instead of NaN; options equidistant
    from both ideals (e.g. all weights zero) get closeness 0.5, the neutral value.
    """
    x = problem.scores if scores is None else scores
    w = np.asarray(weights, dtype=float)
    norm = np.sqrt((x**2).sum(axis=-2, keepdims=True))
    r = np.divide(x, norm, out=np.zeros(x.shape), where=norm > 0)
    # in place from here: with many samples each temporary is samples × options × criteria
    per_cell = w[..., None, :]
    v = np.multiply(r, per_cell, out=r) if r.ndim >= per_cell.ndim else r * per_cell
    best, worst = v.max(axis=-2, keepdims=True), v.min(axis=-2, keepdims=True)
    ideal = np.where(problem.benefit, best, worst)
    anti = np.where(problem.benefit, worst, best)
    gap = np.subtract(v, ideal)
    d_plus = np.sqrt(np.square(gap, out=gap).sum(axis=-1))
    np.subtract(v, anti, out=gap)
    d_minus = np.sqrt(np.square(gap, out=gap).sum(axis=-1))
    denom = d_plus + d_minus
    return np.divide(d_minus, denom, out=np.full_like(denom, 0.5), where=denom > 0)


def evaluate(problem: ScoreMatrix, weights: np.ndarray, method: Method = Method.WSM) -> Result:
    w, all_zero = normalise_weights(weights)
    d = desirability(problem)
    contributions = d * w
    if method is Method.WSM:
        totals = contributions.sum(axis=1)
    else:
        totals = topsis_closeness(problem, w)
        weighted = contributions.sum(axis=1, keepdims=True)
        # an option with no weighted desirability can still have a closeness (e.g. 0.5 when
        # every weight is zero); its bar is split by the weights so rows still sum to totals
        fallback = np.broadcast_to(
            w if w.sum() > 0 else np.full(w.shape, 1.0 / max(w.size, 1)), d.shape
        )
        shares = np.divide(contributions, weighted, out=fallback.copy(), where=weighted > 0)
        contributions = shares * totals[:, None]
    ranks, order = rank(totals)
    return Result(Method(method), w, all_zero, totals, contributions, d, ranks, order)
