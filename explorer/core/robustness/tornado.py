"""Tornado: which cells' uncertainty ranges move the leader's result most.

For every cell, the leading option's total (measure="total") or its margin over the best other
option (measure="margin") is recomputed with that one cell at its low and at its high score,
everything else fixed. The margin is the more telling measure: a rival's cell can flip the
result without touching the leader's total, and a negative margin means the leader is overtaken.

Weighted sum: exact and vectorised (a cell moves only its own option's total, by w_k·Δd).
TOPSIS and PROMETHEE: evaluated cell by cell with the engine, since one score moves every
option's closeness (TOPSIS's norms and ideals) or flow (every pairwise comparison with it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from explorer.core.engine import Method, ScoreMatrix, desirability, totals_many, wsm_totals
from explorer.core.robustness.common import EPS, leader, shares

Measure = Literal["total", "margin"]


@dataclass(frozen=True)
class TornadoBar:
    option: str
    criterion: str
    score: float
    low: float
    high: float
    at_low: float  # the measure with this cell at its low score
    at_high: float  # ... and at its high score
    swing: float  # |at_high − at_low|

    @property
    def flips(self) -> bool:
        """True when somewhere in this cell's range the leader would no longer lead."""
        return min(self.at_low, self.at_high) < -EPS

    @property
    def ties(self) -> bool:
        """True when the range reaches a tie and no further: the bar ends on the zero line."""
        return abs(min(self.at_low, self.at_high)) <= EPS


@dataclass(frozen=True)
class Tornado:
    leader: str
    runner_up: str | None
    measure: Measure
    method: Method
    base: float  # the measure at the current scores
    bars: tuple[TornadoBar, ...]  # cells with any swing, largest swing first


def _measure(totals: np.ndarray, top: int, measure: Measure) -> np.ndarray:
    """The measure for totals shaped (..., options)."""
    if measure == "total" or totals.shape[-1] < 2:
        return totals[..., top]
    others = np.delete(totals, top, axis=-1)
    return totals[..., top] - others.max(axis=-1)


def _wsm_values(
    problem: ScoreMatrix,
    w: np.ndarray,
    lows: np.ndarray,
    highs: np.ndarray,
    top: int,
    measure: Measure,
) -> tuple[float, np.ndarray, np.ndarray]:
    d = desirability(problem)
    totals = wsm_totals(d, w)
    m, n = d.shape
    out = []
    for bound in (lows, highs):
        delta = w * (desirability(problem, bound) - d)  # change in option i's total per cell
        moved = np.broadcast_to(totals, (m, n, m)).copy()  # [i, k, :] totals with cell (i,k) moved
        moved[np.arange(m), :, np.arange(m)] += delta
        out.append(_measure(moved, top, measure))
    return float(_measure(totals, top, measure)), out[0], out[1]


def _evaluated_values(
    problem: ScoreMatrix,
    w: np.ndarray,
    lows: np.ndarray,
    highs: np.ndarray,
    top: int,
    measure: Measure,
    method: Method,
) -> tuple[float, np.ndarray, np.ndarray]:
    m, n = problem.scores.shape
    out = []
    for bound in (lows, highs):
        values = np.empty((m, n))
        for i in range(m):
            for k in range(n):
                scores = problem.scores.copy()
                scores[i, k] = bound[i, k]
                totals = totals_many(problem, w, method, scores)[0]
                values[i, k] = _measure(totals, top, measure)
        out.append(values)
    base = float(_measure(totals_many(problem, w, method)[0], top, measure))
    return base, out[0], out[1]


def tornado(
    problem: ScoreMatrix,
    weights: np.ndarray,
    lows: np.ndarray,
    highs: np.ndarray,
    measure: Measure = "margin",
    method: Method = Method.WSM,
) -> Tornado:
    """Bars for every cell whose range moves the measure at all, largest swing first."""
    if measure not in ("total", "margin"):
        raise ValueError(f"unknown measure {measure!r}")
    method = Method(method)
    w = shares(weights)
    totals = totals_many(problem, w, method)[0]
    top = leader(totals)
    rivals = [i for i in np.argsort(-totals, kind="stable") if i != top]
    if method is Method.WSM:
        base, at_low, at_high = _wsm_values(problem, w, lows, highs, top, measure)
    else:
        base, at_low, at_high = _evaluated_values(problem, w, lows, highs, top, measure, method)
    swing = np.abs(at_high - at_low)
    ids, crits = problem.option_ids, problem.criterion_ids
    cells = sorted(
        ((i, k) for i in range(len(ids)) for k in range(len(crits)) if swing[i, k] > EPS),
        key=lambda c: (-swing[c], c),
    )
    bars = tuple(
        TornadoBar(
            ids[i],
            crits[k],
            float(problem.scores[i, k]),
            float(lows[i, k]),
            float(highs[i, k]),
            float(at_low[i, k]),
            float(at_high[i, k]),
            float(swing[i, k]),
        )
        for i, k in cells
    )
    runner_up = ids[int(rivals[0])] if rivals else None
    return Tornado(ids[top], runner_up, measure, method, base, bars)
