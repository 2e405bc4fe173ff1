"""PROMETHEE II: net outranking flows from a preference function per criterion.

For options a, b and criterion j, d = x_a − x_b (reversed for lower-is-better criteria) and
P_j(d) in 0..1 says how strongly a is preferred to b on j. The single-criterion net flow is
φ_j(a) = Σ_b [P_j(d_ab) − P_j(d_ba)] / (m − 1), and the net flow φ(a) = Σ_j w_j φ_j(a) in −1..1.

φ is linear in the weights, which is what makes PROMETHEE cheap here: the per-criterion flows
are computed once per score matrix and every weight vector (a slider drag, 20 000 Monte Carlo
samples) is one matrix product, exactly like the weighted sum. The engine hands the views
(φ + 1) / 2, a total on 0..1 whose segments w_j (φ_j + 1) / 2 are non-negative and add up to it,
so the ranking chart, ranges and tornado read PROMETHEE like any other method.

Thresholds are in the criterion's own units. The defaults come from the scale, not from the
options' spread, so adding an option never moves them: differences up to 5 % of the scale
(half a point on 0–10) are within judgement noise (indifference q), and 30 % of the scale
(three points) is a full preference (p), linear in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

DEFAULT_Q_SHARE = 0.05
DEFAULT_P_SHARE = 0.30


class PreferenceKind(StrEnum):
    USUAL = "usual"  # any positive difference is a full preference
    U_SHAPE = "u-shape"  # full preference beyond q, none below
    V_SHAPE = "v-shape"  # linear from 0 to full at p
    LEVEL = "level"  # half preference between q and p, full beyond p
    LINEAR = "linear"  # indifference up to q, linear to full at p (V-shape with indifference)

    @property
    def label(self) -> str:
        return {
            "usual": "Usual (any difference counts fully)",
            "u-shape": "U-shape (full beyond q)",
            "v-shape": "V-shape (linear up to p)",
            "level": "Level (half between q and p)",
            "linear": "Linear (indifferent up to q, full from p)",
        }[self.value]

    @property
    def uses_q(self) -> bool:
        return self in (PreferenceKind.U_SHAPE, PreferenceKind.LEVEL, PreferenceKind.LINEAR)

    @property
    def uses_p(self) -> bool:
        return self in (PreferenceKind.V_SHAPE, PreferenceKind.LEVEL, PreferenceKind.LINEAR)


@dataclass(frozen=True)
class Preference:
    """One criterion's preference function; q and p in the criterion's scale units."""

    kind: PreferenceKind = PreferenceKind.USUAL
    q: float = 0.0
    p: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PreferenceKind(self.kind))
        if not (np.isfinite(self.q) and np.isfinite(self.p)) or self.q < 0 or self.p < 0:
            raise ValueError("thresholds must be finite and non-negative")
        if self.kind.uses_p and self.p <= 0:
            raise ValueError(f"a {self.kind.value} preference needs p > 0")
        if self.kind.uses_q and self.kind.uses_p and self.q >= self.p:
            raise ValueError("the indifference threshold q must be below the preference p")

    def degree(self, d: np.ndarray) -> np.ndarray:
        """P(d) in 0..1 for differences d (any shape); 0 wherever d <= 0."""
        d = np.asarray(d, dtype=float)
        kind, q, p = self.kind, self.q, self.p
        if kind is PreferenceKind.USUAL:
            out = (d > 0).astype(float)
        elif kind is PreferenceKind.U_SHAPE:
            out = (d > q).astype(float)
        elif kind is PreferenceKind.V_SHAPE:
            out = np.clip(d / p, 0.0, 1.0)
        elif kind is PreferenceKind.LEVEL:
            out = np.where(d > p, 1.0, np.where(d > q, 0.5, 0.0))
        else:
            out = np.clip((d - q) / (p - q), 0.0, 1.0)
        return out


def default_preference(scale_min: float, scale_max: float) -> Preference:
    span = float(scale_max) - float(scale_min)
    return Preference(PreferenceKind.LINEAR, DEFAULT_Q_SHARE * span, DEFAULT_P_SHARE * span)


def default_preferences(mins: np.ndarray, maxs: np.ndarray) -> tuple[Preference, ...]:
    return tuple(default_preference(lo, hi) for lo, hi in zip(mins, maxs, strict=True))


def criterion_flows(
    scores: np.ndarray, benefit: np.ndarray, preferences: Sequence[Preference]
) -> np.ndarray:
    """(options, criteria) single-criterion net flows φ_j(a) in −1..1.

    A set of one option has no one to be compared with: its flows are 0 (neutral).
    """
    x = np.asarray(scores, dtype=float)
    m, n = x.shape
    flows = np.zeros((m, n))
    if m < 2:
        return flows
    for j, pref in enumerate(preferences):
        col = x[:, j] if benefit[j] else -x[:, j]
        d = col[:, None] - col[None, :]  # d[a, b] = how much better a is than b
        pi = pref.degree(d)
        flows[:, j] = (pi.sum(axis=1) - pi.sum(axis=0)) / (m - 1)
    return flows


def net_flows(
    scores: np.ndarray,
    benefit: np.ndarray,
    preferences: Sequence[Preference],
    weights: np.ndarray,
) -> np.ndarray:
    """φ for one weight vector (options,) or many (k, options); weights should sum to 1."""
    return np.asarray(weights) @ criterion_flows(scores, benefit, preferences).T
