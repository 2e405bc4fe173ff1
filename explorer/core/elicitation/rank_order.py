"""Weights from an order of criteria alone: rank-order centroid, rank sum, reciprocal rank.

With n criteria and position i (1 = most important):

- rank-order centroid (ROC): w_i = (1/n) Σ_{k=i..n} 1/k — the centre of the region of all
  weightings with that order, so the expected weights if every consistent weighting is equally
  likely (Barron & Barrett 1996); the default, since it is the one with that meaning.
- rank sum: w_i = 2 (n + 1 − i) / (n (n + 1)) — linear in the position.
- reciprocal rank: w_i = (1/i) / Σ_k 1/k — steeply favours the top.

Ties: criteria that share a place take the mean of the weights of the positions they occupy,
so a tie of two at the top splits what positions 1 and 2 would get and the sum stays 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import numpy as np


class Scheme(StrEnum):
    ROC = "roc"
    RANK_SUM = "rank-sum"
    RECIPROCAL = "reciprocal"

    @property
    def label(self) -> str:
        return {
            "roc": "rank-order centroid",
            "rank-sum": "rank sum",
            "reciprocal": "reciprocal rank",
        }[self.value]


def position_weights(n: int, scheme: Scheme | str = Scheme.ROC) -> np.ndarray:
    """Weight of each position 1..n (no ties), summing to 1."""
    scheme = Scheme(scheme)
    if n < 1:
        return np.zeros(0)
    i = np.arange(1, n + 1, dtype=float)
    if scheme is Scheme.ROC:
        inverse = 1.0 / i
        return np.cumsum(inverse[::-1])[::-1] / n
    if scheme is Scheme.RANK_SUM:
        return 2.0 * (n + 1 - i) / (n * (n + 1))
    return (1.0 / i) / np.sum(1.0 / i)


def check_tiers(tiers: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """Tiers best first, each a group of tied ids; ValueError for an empty tier or a repeat."""
    out: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for tier in tiers:
        members = tuple(str(c) for c in tier)
        if not members:
            raise ValueError("a place in the order has no criterion")
        for c in members:
            if c in seen:
                raise ValueError(f"'{c}' appears twice in the order")
            seen.add(c)
        out.append(members)
    if not out:
        raise ValueError("the order names no criteria")
    return tuple(out)


def rank_order_weights(
    tiers: Sequence[Sequence[str]], scheme: Scheme | str = Scheme.ROC
) -> dict[str, float]:
    """Criterion id to weight for an order given as tiers (best first, ties share a tier)."""
    tiers = check_tiers(tiers)
    n = sum(len(t) for t in tiers)
    by_position = position_weights(n, scheme)
    out: dict[str, float] = {}
    start = 0
    for tier in tiers:
        share = float(by_position[start : start + len(tier)].mean())
        out.update((c, share) for c in tier)
        start += len(tier)
    return out
