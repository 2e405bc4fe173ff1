"""Rank acceptability (SMAA-style Monte Carlo): how often each option takes each rank.

Weights are drawn uniformly over all weightings (Dirichlet(1, …, 1): every share vector equally
likely), around the current weights, or uniformly over the weightings consistent with an order
of the criteria (SMAA with ordinal information: `elicitation.ordinal`); scores either stay fixed
or are drawn uniformly within each cell's low–high range. For every option the result gives the
share of samples in which it takes each rank, and its central weights: the mean weight vector
over the samples in which it ranks first — the typical weighting under which it wins.

"Around" the current weights w means Dirichlet(c·w) with concentration c = 1/spread² − 1. Its
mean is w, and the standard deviation of each share is spread·√(w_j(1−w_j)): `spread` is the
fraction of the widest spread any distribution on 0..1 with that mean can have. spread → 0 keeps
the weights fixed; 0.1 moves a 20 % share by about ±4 points; spread 1/√(n+1) for n equally
weighted criteria is exactly the uniform distribution. Criteria weighted 0 stay at 0.

Draws come from two streams spawned from the seed (weights, scores), each consumed in sample
order, so a seed gives the same numbers whatever the chunk size. Samples are processed in chunks
so memory stays bounded and a caller (a UI worker thread) sees progress and can stop between
chunks: iterate `acceptability_steps` and break out of the loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from explorer.core.elicitation.ordinal import OrdinalConstraints
from explorer.core.engine import (
    TIE_TOLERANCE,
    Method,
    ScoreMatrix,
    desirability,
    topsis_closeness,
    topsis_scale_closeness,
    totals_many,
    wsm_totals,
)
from explorer.core.robustness.blas_threads import one_blas_thread
from explorer.core.robustness.common import shares

WeightMode = Literal["uniform", "around", "ordinal"]
ScoreMode = Literal["fixed", "uniform"]
# cap on samples × options × criteria per chunk, for the runs that build such an array (sampled
# scores, TOPSIS); a weighted sum on fixed scores holds only samples × (options + criteria)
CHUNK_ELEMENTS = 2_000_000


@dataclass(frozen=True)
class Acceptability:
    """A (possibly partial) rank-acceptability result: a snapshot safe to hand to another thread."""

    option_ids: tuple[str, ...]
    criterion_ids: tuple[str, ...]
    samples: int  # samples done so far
    requested: int  # samples asked for
    rank_counts: np.ndarray  # (options, options): rank_counts[i, r] = times option i had rank r+1
    first_weight_sums: np.ndarray  # (options, criteria): summed weights of samples where i won

    @property
    def done(self) -> bool:
        return self.samples >= self.requested

    @property
    def acceptability(self) -> np.ndarray:
        """(options, ranks) probabilities; each row sums to 1 (ties share the better rank)."""
        return self.rank_counts / max(self.samples, 1)

    @property
    def central_weights(self) -> np.ndarray:
        """(options, criteria) mean winning weights; NaN rows for options that never won."""
        wins = self.rank_counts[:, :1].astype(float)
        out = np.full(self.first_weight_sums.shape, np.nan)
        np.divide(self.first_weight_sums, wins, out=out, where=wins > 0)
        return out

    def central(self, option: str) -> dict[str, float] | None:
        row = self.central_weights[self.option_ids.index(option)]
        if np.isnan(row).any():
            return None
        return dict(zip(self.criterion_ids, (float(x) for x in row), strict=True))


def concentration(spread: float) -> float:
    """Dirichlet concentration c for a user spread in (0, 1): see the module docstring."""
    if not 0.0 < spread < 1.0:
        raise ValueError("spread must be between 0 and 1 (exclusive)")
    return 1.0 / spread**2 - 1.0


def sample_weights(
    rng: np.random.Generator,
    w: np.ndarray,
    k: int,
    mode: WeightMode,
    spread: float = 0.1,
    constraints: OrdinalConstraints | None = None,
) -> np.ndarray:
    """k weight vectors (k, criteria), each summing to 1, drawn as the module docstring says."""
    n = len(w)
    if mode == "ordinal":
        if constraints is None:
            raise ValueError("ordinal weights need the order of the criteria")
        return constraints.sample(rng, k)
    if mode == "uniform":
        return rng.dirichlet(np.ones(n), size=k)
    if mode != "around":
        raise ValueError(f"unknown weight mode {mode!r}")
    if spread == 0.0:
        return np.broadcast_to(w, (k, n)).copy()
    support = w > 0
    out = np.zeros((k, n))
    out[:, support] = rng.dirichlet(concentration(spread) * w[support], size=k)
    return out


def _competition_ranks(totals: np.ndarray) -> np.ndarray:
    """(k, options) 1-based competition ranks for many samples at once, by engine.rank's rule.

    As in engine.rank, an option ties with the one just above it in the sorted order when they
    differ by at most TIE_TOLERANCE, and a tied group shares the rank of its first member.
    """
    k, m = totals.shape
    order = np.argsort(-totals, axis=1, kind="stable")  # ties by file order, as engine.rank
    ordered = np.take_along_axis(totals, order, axis=1)
    starts = np.ones((k, m), dtype=bool)
    starts[:, 1:] = ordered[:, :-1] - ordered[:, 1:] > TIE_TOLERANCE
    sorted_ranks = np.maximum.accumulate(np.where(starts, np.arange(1, m + 1), 0), axis=1)
    ranks = np.empty((k, m), dtype=np.int64)
    np.put_along_axis(ranks, order, sorted_ranks, axis=1)
    return ranks


def _chunk_totals(
    problem: ScoreMatrix,
    ws: np.ndarray,
    u: np.ndarray | None,
    lows: np.ndarray | None,
    highs: np.ndarray | None,
    method: Method,
) -> np.ndarray:
    """(k, options) totals for k sampled weightings, scores fixed (u None) or at low + u·range."""
    if u is None or lows is None or highs is None:  # fixed scores
        if method is not Method.WSM:
            return totals_many(problem, ws, method)
        return wsm_totals(desirability(problem), ws)
    if method is Method.TOPSIS:  # batched: each sample with its own matrix
        return topsis_closeness(problem, ws, lows + (highs - lows) * u)
    if method is Method.TOPSIS_SCALE:
        return topsis_scale_closeness(problem, ws, lows + (highs - lows) * u)
    if method is Method.PROMETHEE:  # the flows depend on each sample's whole matrix
        scores = lows + (highs - lows) * u
        return np.stack(
            [totals_many(problem, w, method, x)[0] for w, x in zip(ws, scores, strict=True)]
        )
    # Desirability is affine in the score, so a score uniform on low..high has a desirability
    # uniform between the bounds' desirabilities: interpolate those rather than transforming
    # every sampled score (the same distribution, a third of the work). Then wsm_totals per
    # sample, batched, since each sample has its own matrix.
    d_low = desirability(problem, lows)
    d = u  # reused in place: u is not needed afterwards
    d *= desirability(problem, highs) - d_low
    d += d_low
    return np.matmul(d, ws[:, :, None])[:, :, 0]


def acceptability_steps(
    problem: ScoreMatrix,
    weights: np.ndarray,
    lows: np.ndarray | None = None,
    highs: np.ndarray | None = None,
    *,
    samples: int = 20_000,
    seed: int = 0,
    weight_mode: WeightMode = "uniform",
    spread: float = 0.1,
    score_mode: ScoreMode = "fixed",
    method: Method = Method.WSM,
    chunk: int = 2_000,
    constraints: OrdinalConstraints | None = None,
) -> Iterator[Acceptability]:
    """Yield cumulative results after every chunk of samples; the last one has done == True.

    `lows`/`highs` (options × criteria, e.g. DecisionSet.matrix()) are needed for
    score_mode="uniform". Breaking out of the loop cancels the run.
    """
    if samples < 1 or chunk < 1:
        raise ValueError("samples and chunk must be at least 1")
    if spread < 0:
        raise ValueError("spread must not be negative")
    if score_mode not in ("fixed", "uniform"):
        raise ValueError(f"unknown score mode {score_mode!r}")
    if score_mode == "uniform" and (lows is None or highs is None):
        raise ValueError("uniform scores need the cells' lows and highs")
    method = Method(method)
    m, n = problem.scores.shape
    w = shares(weights)
    weight_rng, score_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2)
    )
    if score_mode == "uniform" or method is Method.TOPSIS:
        chunk = max(1, min(chunk, CHUNK_ELEMENTS // max(1, m * n)))
    counts = np.zeros((m, m), dtype=np.int64)
    first_sums = np.zeros((m, n))
    done = 0
    while done < samples:
        k = min(chunk, samples - done)
        ws = sample_weights(weight_rng, w, k, weight_mode, spread, constraints)
        u = score_rng.random((k, m, n)) if score_mode == "uniform" else None
        with one_blas_thread():
            ranks = _competition_ranks(_chunk_totals(problem, ws, u, lows, highs, method))
            flat = (np.arange(m)[None, :] * m + (ranks - 1)).ravel()
            counts += np.bincount(flat, minlength=m * m).reshape(m, m)
            first_sums += (ranks == 1).T.astype(float) @ ws
        done += k
        yield Acceptability(
            problem.option_ids,
            problem.criterion_ids,
            done,
            samples,
            counts.copy(),
            first_sums.copy(),
        )


def rank_acceptability(
    problem: ScoreMatrix,
    weights: np.ndarray,
    lows: np.ndarray | None = None,
    highs: np.ndarray | None = None,
    **options: Any,
) -> Acceptability:
    """Run to completion; the keyword options are those of acceptability_steps."""
    result = None
    for result in acceptability_steps(problem, weights, lows, highs, **options):  # noqa: B007
        pass
    assert result is not None
    return result
