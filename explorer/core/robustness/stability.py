"""Weight stability intervals: how far one weight can move before the result changes.

For the weighted sum, every option's total is a straight line in one criterion's share t (the
others rescaled in proportion): total_i(t) = t·d_ij + (1−t)·Σ_{k≠j} w_k d_ik / (1−w_j). The
interval is therefore found exactly from the lines' crossings, not by scanning, and the options
that take over at each end are named.

"Stays the top" means no other option is strictly ahead of the current leader; "the ranking stays
the same" means the current best-first order stays a valid order (no pair strictly reversed).
Options tied now therefore may stay tied or separate in the order already shown, but a tie that
would have to flip the shown order bounds the interval at the current weight.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.engine import ScoreMatrix, desirability, rank, wsm_totals
from explorer.core.robustness.common import END_TOLERANCE, EPS, index_of, leader, shares, wsm_lines


@dataclass(frozen=True)
class StabilityInterval:
    """Shares (0..1) of one criterion between which the leader, and the whole order, hold."""

    criterion: str
    weight: float  # the current share
    leader: str
    low: float  # the leader stays on top for shares in [low, high]
    high: float
    overtaken_below: str | None  # who goes ahead of the leader when the share drops below low
    overtaken_above: str | None  # ... and when it rises above high; None at the 0 % / 100 % ends
    rank_low: float  # the whole best-first order holds for shares in [rank_low, rank_high]
    rank_high: float
    swap_below: tuple[str, str] | None  # (ahead now, ahead after) pair that swaps below rank_low
    swap_above: tuple[str, str] | None


def _half_lines(
    intercept: np.ndarray, slope: np.ndarray, t0: float
) -> tuple[float, int | None, float, int | None]:
    """Intersection of {t in [0,1]: intercept_i + slope_i·t >= 0} over i, with the binding i.

    Each gap is non-negative at t0 (the current weight), so each line bounds the interval on one
    side only: rising lines from below, falling lines from above. Vectorised: the window asks
    for every criterion's interval on every slider tick (200 options × 30 criteria: 6 000 lines).
    """
    intercept = np.asarray(intercept, dtype=float)
    slope = np.asarray(slope, dtype=float)
    low, high = 0.0, 1.0
    low_by: int | None = None
    high_by: int | None = None
    with np.errstate(divide="ignore", invalid="ignore"):
        roots = -intercept / slope  # parallel lines (|slope| <= EPS) never change sign
    # A crossing within END_TOLERANCE of 0 % or 100 % is a tie at the end of the axis, not a
    # weight at which anyone overtakes. argmax/argmin keep the first line on ties.
    rising = (slope > EPS) & (roots > END_TOLERANCE)
    if rising.any():
        k = int(np.argmax(np.where(rising, roots, -np.inf)))
        low, low_by = float(roots[k]), k
    falling = (slope < -EPS) & (roots < 1.0 - END_TOLERANCE)
    if falling.any():
        k = int(np.argmin(np.where(falling, roots, np.inf)))
        high, high_by = float(roots[k]), k
    # Round-off must never exclude the current weight, where the result holds by definition.
    if low > t0:
        low = t0
    if high < t0:
        high = t0
    return min(low, 1.0), low_by, max(high, 0.0), high_by


def stability_interval(
    problem: ScoreMatrix, weights: np.ndarray, criterion: int | str
) -> StabilityInterval:
    """The exact weighted-sum stability interval of one criterion's share."""
    w = shares(weights)
    d = desirability(problem)
    totals = wsm_totals(d, w)
    return _interval(
        problem, d, w, totals, rank(totals)[1], index_of(problem.criterion_ids, criterion)
    )


def _interval(
    problem: ScoreMatrix,
    d: np.ndarray,
    w: np.ndarray,
    totals: np.ndarray,
    order: np.ndarray,
    j: int,
) -> StabilityInterval:
    ids = problem.option_ids
    t0 = float(w[j])
    if len(w) == 1:  # a lone criterion always holds 100 %: there is nothing to move
        lead_id = ids[leader(totals)]
        crit = problem.criterion_ids[0]
        return StabilityInterval(crit, 1.0, lead_id, 1.0, 1.0, None, None, 1.0, 1.0, None, None)
    a, b = wsm_lines(d, w, j)
    top = int(order[0])

    others = np.delete(np.arange(len(ids)), top)
    low, low_by, high, high_by = _half_lines(a[top] - a[others], b[top] - b[others], t0)

    upper, lower = order[:-1], order[1:]  # adjacent pairs suffice: the order is transitive
    r_low, r_low_by, r_high, r_high_by = _half_lines(a[upper] - a[lower], b[upper] - b[lower], t0)

    def pair(k: int | None) -> tuple[str, str] | None:
        return None if k is None else (ids[int(upper[k])], ids[int(lower[k])])

    return StabilityInterval(
        criterion=problem.criterion_ids[j],
        weight=t0,
        leader=ids[top],
        low=low,
        high=high,
        overtaken_below=None if low_by is None else ids[int(others[low_by])],
        overtaken_above=None if high_by is None else ids[int(others[high_by])],
        rank_low=r_low,
        rank_high=r_high,
        swap_below=pair(r_low_by),
        swap_above=pair(r_high_by),
    )


def stability_intervals(problem: ScoreMatrix, weights: np.ndarray) -> list[StabilityInterval]:
    """One interval per criterion, in the set's criterion order (desirability and the current
    order are worked out once for all of them)."""
    w = shares(weights)
    d = desirability(problem)
    totals = wsm_totals(d, w)
    order = rank(totals)[1]
    return [_interval(problem, d, w, totals, order, j) for j in range(len(problem.criterion_ids))]
