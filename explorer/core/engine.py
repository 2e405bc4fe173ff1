"""Scoring: weighted sum (WSM), TOPSIS (classic and scale-relative) and PROMETHEE II, in numpy.

The engine works on plain arrays so the same code serves the CLI, every chart, and the Monte
Carlo robustness analyses, which call it on thousands of weight vectors at once. Every caller
that needs totals for some weightings goes through `totals_many`, so a method added here is
served by every analysis without each one learning it.

Classic TOPSIS normalises raw scores by their vector norm, so it depends on where a scale's zero
is: the same judgements on 0–10 or 10–20 can rank differently. "TOPSIS (scale-relative)" runs
the same distances on the desirabilities (each score placed on its scale, 0 worst, 1 best),
which only depend on where a score sits between its scale's ends.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from explorer.core.model import DecisionSet, Direction
from explorer.core.promethee import Preference, criterion_flows, default_preferences

TIE_TOLERANCE = 1e-9


class Method(StrEnum):
    WSM = "wsm"
    TOPSIS = "topsis"
    TOPSIS_SCALE = "topsis-scale"
    PROMETHEE = "promethee"

    @property
    def label(self) -> str:
        return {
            "wsm": "Weighted sum",
            "topsis": "TOPSIS",
            "topsis-scale": "TOPSIS (scale-relative)",
            "promethee": "PROMETHEE II",
        }[self.value]

    @property
    def total_name(self) -> str:
        """What an option's number is called under this method, as a label reads it."""
        return {
            "wsm": "total",
            "topsis": "closeness",
            "topsis-scale": "closeness",
            "promethee": "flow score",  # (φ + 1) / 2, as the ranking axis spells out
        }[self.value]

    @property
    def linear(self) -> bool:
        """Totals linear in the weights (WSM, PROMETHEE): weights move them along lines."""
        return self in (Method.WSM, Method.PROMETHEE)


@dataclass(frozen=True)
class ScoreMatrix:
    """The numeric view of a decision set: everything the engine needs, nothing it does not."""

    option_ids: tuple[str, ...]
    criterion_ids: tuple[str, ...]
    scores: np.ndarray  # options × criteria, raw scores on each criterion's scale
    mins: np.ndarray
    maxs: np.ndarray
    benefit: np.ndarray  # bool per criterion: True when higher is better
    # PROMETHEE's preference function per criterion; None: the defaults from each scale
    preferences: tuple[Preference, ...] | None = None

    @property
    def preference_functions(self) -> tuple[Preference, ...]:
        if self.preferences is not None:
            return self.preferences
        return default_preferences(self.mins, self.maxs)

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
        return replace(self, scores=scores)

    def with_preferences(self, preferences: tuple[Preference, ...] | None) -> ScoreMatrix:
        if preferences is not None and len(preferences) != len(self.criterion_ids):
            raise ValueError("need one preference function per criterion")
        return replace(self, preferences=preferences)


@dataclass(frozen=True)
class Result:
    method: Method
    weights: np.ndarray  # normalised, sums to 1 (all zeros when weights_all_zero)
    weights_all_zero: bool
    # per option in 0..1: WSM total, TOPSIS closeness, PROMETHEE (net flow + 1) / 2
    totals: np.ndarray
    # options × criteria, rows sum to totals. WSM: w·d exactly. TOPSIS has no additive
    # decomposition, so each criterion's share of Σ w·d is scaled to the closeness: the
    # segments then show what carries an option, with the bar length TOPSIS's own total.
    # PROMETHEE: w_j (φ_j + 1) / 2, exactly additive.
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


def topsis_scale_closeness(
    problem: ScoreMatrix, weights: np.ndarray, scores: np.ndarray | None = None
) -> np.ndarray:
    """TOPSIS on desirabilities: ideal and anti-ideal the best and worst option per criterion,
    distances between weighted desirabilities. Unchanged when a scale and its scores shift or
    stretch together. Batched like topsis_closeness: weights (k, n), scores (k, options, n)."""
    v = desirability(problem, scores) * np.asarray(weights, dtype=float)[..., None, :]
    d_plus = np.sqrt(((v - v.max(axis=-2, keepdims=True)) ** 2).sum(axis=-1))
    d_minus = np.sqrt(((v - v.min(axis=-2, keepdims=True)) ** 2).sum(axis=-1))
    denom = d_plus + d_minus
    return np.divide(d_minus, denom, out=np.full_like(denom, 0.5), where=denom > 0)


def promethee_desirability(problem: ScoreMatrix, scores: np.ndarray | None = None) -> np.ndarray:
    """(options, criteria) (φ_j + 1) / 2: per-criterion net flows on 0..1, weighted like WSM's."""
    x = problem.scores if scores is None else scores
    return (criterion_flows(x, problem.benefit, problem.preference_functions) + 1.0) / 2.0


def totals_many(
    problem: ScoreMatrix,
    weights: np.ndarray,
    method: Method = Method.WSM,
    scores: np.ndarray | None = None,
) -> np.ndarray:
    """(k, options) totals for k weight vectors (k, criteria), each summing to 1.

    `scores` (options × criteria) replaces the problem's scores for this call. The linear
    methods are one matrix product; the TOPSIS variants one batched pass.
    """
    ws = np.atleast_2d(np.asarray(weights, dtype=float))
    method = Method(method)
    if method is Method.WSM:
        return wsm_totals(desirability(problem, scores), ws)
    if method is Method.PROMETHEE:
        return wsm_totals(promethee_desirability(problem, scores), ws)
    closeness = topsis_closeness if method is Method.TOPSIS else topsis_scale_closeness
    return closeness(problem, ws, scores)


def evaluate(problem: ScoreMatrix, weights: np.ndarray, method: Method = Method.WSM) -> Result:
    method = Method(method)
    w, all_zero = normalise_weights(weights)
    d = desirability(problem)
    if method.linear:
        parts = d if method is Method.WSM else promethee_desirability(problem)
        if all_zero and method is Method.PROMETHEE:  # no weighting: every net flow is 0
            parts = np.full(d.shape, 0.5)
            contributions = parts / max(d.shape[1], 1)
        else:
            contributions = parts * w
        totals = contributions.sum(axis=1)
    else:
        contributions = d * w
        totals = totals_many(problem, w, method)[0]
        weighted = contributions.sum(axis=1, keepdims=True)
        # an option with no weighted desirability can still have a closeness (e.g. 0.5 when
        # every weight is zero); its bar is split by the weights so rows still sum to totals
        fallback = np.broadcast_to(
            w if w.sum() > 0 else np.full(w.shape, 1.0 / max(w.size, 1)), d.shape
        )
        shares = np.divide(contributions, weighted, out=fallback.copy(), where=weighted > 0)
        contributions = shares * totals[:, None]
    ranks, order = rank(totals)
    return Result(method, w, all_zero, totals, contributions, d, ranks, order)
