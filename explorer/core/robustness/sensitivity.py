"""One-way sensitivity: every option's total as one criterion's share runs from 0 to 100 %.

The curves are for plotting; the crossovers are the points a reader actually wants ("above 31 %
Bus overtakes Car"). For the weighted sum and PROMETHEE both are exact (totals are lines in the
share). TOPSIS totals are not linear, so its curves are evaluated point by point with the engine
and its crossovers are found where the sampled curves change order, then refined by bisection;
two crossings of the same pair between neighbouring grid points can be missed.

A set of many options has crossings between nearly every pair (200 options: ~10 000), almost all
far down the ranking where nobody looks. With `contenders_only` only pairs of *contenders* are
crossed — options that lead somewhere on the sampled axis, or stand in the top three at the
current share — which keeps every change of leader and the races near the top.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from explorer.core.engine import (
    Method,
    ScoreMatrix,
    desirability,
    promethee_desirability,
    totals_many,
)
from explorer.core.robustness.common import EPS, index_of, shares, weight_path, wsm_lines

BISECTION_STEPS = 60  # halves a 1 % grid interval below 1e-18: far past float precision


@dataclass(frozen=True)
class Crossover:
    """Where two options' totals are equal as the criterion's share passes `weight`."""

    weight: float  # share 0..1
    total: float  # the common total there
    ahead_below: str  # option ahead for shares just below `weight`
    ahead_above: str  # option ahead just above


@dataclass(frozen=True)
class Sensitivity:
    criterion: str
    method: Method
    current: float  # the criterion's current share
    grid: np.ndarray  # (points,) shares from 0 to 1
    totals: np.ndarray  # (options, points): totals[i] is option i's curve
    crossovers: tuple[Crossover, ...]  # sorted by weight
    contenders: tuple[str, ...] | None = None  # when only their pairs were crossed


def _totals_along(problem: ScoreMatrix, path: np.ndarray, method: Method) -> np.ndarray:
    """(options, points) totals for each weight vector on the path."""
    return totals_many(problem, path, method).T


def _pairs(n: int, among: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs p < q, all of them or only within `among`."""
    if among is None:
        return np.triu_indices(n, k=1)
    p, q = np.triu_indices(len(among), k=1)
    return among[p], among[q]


def _contenders(totals: np.ndarray, now: np.ndarray) -> np.ndarray:
    """Options that lead at some sampled share, plus the top three at the current share."""
    leaders = np.unique(np.argmax(totals, axis=0))
    top_now = np.argsort(-now, kind="stable")[:3]
    return np.unique(np.concatenate([leaders, top_now]))


def _linear_crossovers(
    problem: ScoreMatrix,
    w: np.ndarray,
    j: int,
    among: np.ndarray | None = None,
    method: Method = Method.WSM,
) -> list[Crossover]:
    parts = desirability(problem) if method is Method.WSM else promethee_desirability(problem)
    a, b = wsm_lines(parts, w, j)
    ids = problem.option_ids
    p, q = _pairs(len(ids), among)
    slope = b[p] - b[q]
    crossing = np.abs(slope) > EPS  # parallel or identical lines never cross
    p, q, slope = p[crossing], q[crossing], slope[crossing]
    t = (a[q] - a[p]) / slope
    inside = (t >= 0.0) & (t <= 1.0)
    found = []
    for pi, qi, si, ti in zip(p[inside], q[inside], slope[inside], t[inside], strict=True):
        # p's lead over q grows with t when the slope is positive: q is ahead below, p above.
        below, above = (qi, pi) if si > 0 else (pi, qi)
        found.append(Crossover(float(ti), float(a[pi] + b[pi] * ti), ids[below], ids[above]))
    return found


def _sampled_crossovers(
    problem: ScoreMatrix,
    w: np.ndarray,
    j: int,
    grid: np.ndarray,
    totals: np.ndarray,
    among: np.ndarray | None = None,
    method: Method = Method.TOPSIS,
) -> list[Crossover]:
    ids = problem.option_ids

    def closeness(t: float) -> np.ndarray:
        return totals_many(problem, weight_path(w, j, np.array([t])), method)[0]

    found = []
    for p, q in zip(*_pairs(len(ids), among), strict=True):  # each crossing is bisected
        diff = totals[p] - totals[q]
        signed = np.flatnonzero(np.abs(diff) > EPS)
        for k0, k1 in itertools.pairwise(signed):
            if np.sign(diff[k0]) == np.sign(diff[k1]):
                continue
            lo, hi, sign_lo = grid[k0], grid[k1], np.sign(diff[k0])
            for _ in range(BISECTION_STEPS):
                mid = 0.5 * (lo + hi)
                c = closeness(mid)
                if np.sign(c[p] - c[q]) == sign_lo:
                    lo = mid
                else:
                    hi = mid
            t = 0.5 * (lo + hi)
            below, above = (p, q) if sign_lo > 0 else (q, p)
            found.append(Crossover(float(t), float(closeness(t)[p]), ids[below], ids[above]))
    return found


def one_way(
    problem: ScoreMatrix,
    weights: np.ndarray,
    criterion: int | str,
    method: Method = Method.WSM,
    points: int = 101,
    contenders_only: bool = False,
) -> Sensitivity:
    """Curves over `points` evenly spaced shares (101 = every whole percent) and the crossovers
    (all, or among contenders only: see the module docstring)."""
    if points < 2:
        raise ValueError("need at least 2 points")
    method = Method(method)
    j = index_of(problem.criterion_ids, criterion)
    w = shares(weights)
    grid = np.linspace(0.0, 1.0, points)
    if len(w) == 1:  # nothing to trade against: the share is 100 % everywhere on the axis
        grid = np.full(points, 1.0)
    totals = _totals_along(problem, weight_path(w, j, grid), method)
    among = None
    if contenders_only:
        now = _totals_along(problem, w[None, :], method)[:, 0]
        among = _contenders(totals, now)
    if len(w) == 1:
        crossings: list[Crossover] = []
    elif method.linear:
        crossings = _linear_crossovers(problem, w, j, among, method)
    else:
        crossings = _sampled_crossovers(problem, w, j, grid, totals, among, method)
    crossings.sort(key=lambda c: (c.weight, c.ahead_below, c.ahead_above))
    named = None if among is None else tuple(problem.option_ids[i] for i in among)
    return Sensitivity(
        problem.criterion_ids[j], method, float(w[j]), grid, totals, tuple(crossings), named
    )
