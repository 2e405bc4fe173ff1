"""Moving one weight while keeping shares consistent: the others absorb the change.

Weights are held as shares summing to 1. Setting one share rescales the *unlocked* others in
proportion to their current values (equally when they are all zero); locked shares never move.
This lives in the core so the rule is tested without Qt and shared by every control.
"""

from __future__ import annotations

import numpy as np


def equal(n: int) -> np.ndarray:
    return np.full(n, 1.0 / n) if n else np.zeros(0)


def as_shares(weights: np.ndarray) -> np.ndarray:
    w = np.clip(np.asarray(weights, dtype=float), 0.0, None)
    total = w.sum()
    return w / total if total > 0 else equal(len(w))


def set_share(shares: np.ndarray, index: int, value: float, locked: np.ndarray) -> np.ndarray:
    """New shares with `shares[index]` as close to `value` as the locks allow."""
    shares = np.asarray(shares, dtype=float)
    locked = np.asarray(locked, dtype=bool).copy()
    locked[index] = False
    free = ~locked
    free[index] = False
    budget = 1.0 - shares[locked].sum()  # what `index` and the free others share
    if not free.any():
        return shares.copy()  # everything else is locked: nothing can absorb a change
    value = float(np.clip(value, 0.0, max(budget, 0.0)))
    out = shares.copy()
    out[index] = value
    rest = budget - value
    current = shares[free].sum()
    if current > 1e-12:
        out[free] = shares[free] * (rest / current)
    else:
        out[free] = rest / free.sum()
    out[out < 1e-15] = 0.0
    return out
