"""Weights known only by their order: uniform samples of the weightings consistent with it.

SMAA with ordinal information (Lahdelma & Salminen's SMAA-O, jsmaa's "ordinal" weights): all
that is said is w_a ≥ w_b ≥ …, so every weighting with that order is taken as equally likely.

Uniform over {w_1 ≥ w_2 ≥ … ≥ w_n, Σ w = 1}: draw uniformly over the whole simplex and sort
descending. The simplex splits into n! congruent regions, one per order, and sorting maps each
onto the ordered one by a permutation of coordinates (volume-preserving), so the sorted draws
are uniform on it. Tied criteria (one place in the order, no order among them) take their
places' sorted values in a random arrangement: the region is then the union of the orders the
ties allow, each equally likely. A uniform simplex draw is normalised exponentials (−ln U).

Bounds ("at least 10 %", "at most 40 %") cut a convex piece out of that region; drawing from it
by rejection keeps exactly the uniform distribution restricted to it. Rejection stops with a
clear error when the bounds leave (next to) nothing.

Draws consume the generator in sample order — each sample is the next accepted candidate —
so a seed gives the same samples whatever the chunk size (the rank-acceptability contract).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from explorer.core.elicitation.rank_order import check_tiers

BATCH = 4096
MAX_CANDIDATES = 2_000_000  # per call: beyond this the bounds leave too little to sample


@dataclass(frozen=True)
class OrdinalConstraints:
    criteria: tuple[str, ...]  # the set's criteria, in the set's order
    tiers: tuple[tuple[str, ...], ...]  # best first; members of a tier are unordered
    lower: dict[str, float] = field(default_factory=dict)  # at least (share 0..1)
    upper: dict[str, float] = field(default_factory=dict)  # at most

    def __post_init__(self) -> None:
        tiers = check_tiers(self.tiers)
        object.__setattr__(self, "tiers", tiers)
        named = [c for t in tiers for c in t]
        if sorted(named) != sorted(self.criteria):
            left_out = sorted(set(self.criteria) - set(named))
            unknown = sorted(set(named) - set(self.criteria))
            raise ValueError(
                "the order must name every criterion once"
                + (f"; missing: {', '.join(left_out)}" if left_out else "")
                + (f"; unknown: {', '.join(unknown)}" if unknown else "")
            )
        for name, bounds in (("at least", self.lower), ("at most", self.upper)):
            for c, v in bounds.items():
                if c not in self.criteria:
                    raise ValueError(f"'{c}' ({name}) is not a criterion")
                if not (np.isfinite(v) and 0.0 <= v <= 1.0):
                    raise ValueError(f"{c}: {name} {v} is not a share between 0 and 1")
        lo, hi = self.bounds
        if np.any(lo > hi):
            raise ValueError("a criterion's 'at least' is above its 'at most'")
        if lo.sum() > 1 + 1e-12 or hi.sum() < 1 - 1e-12:
            raise ValueError("the bounds cannot be met by weights summing to 100 %")
        lo, hi = self.implied_bounds
        if np.any(lo > hi + 1e-12) or lo.sum() > 1 + 1e-12 or hi.sum() < 1 - 1e-12:
            raise ValueError("the bounds cannot be met by weights in this order")

    def __hash__(self) -> int:  # a key of cached analyses (SamplingSettings), dicts and all
        return hash(
            (self.criteria, self.tiers, tuple(self.lower.items()), tuple(self.upper.items()))
        )

    def describe(self) -> str:
        """The order as a reader says it: "cost > speed = comfort", with any bounds."""
        text = " > ".join(" = ".join(t) for t in self.tiers)
        bounds = [f"{c} ≥ {v:.0%}" for c, v in self.lower.items()]
        bounds += [f"{c} ≤ {v:.0%}" for c, v in self.upper.items()]
        return text + (f" ({', '.join(bounds)})" if bounds else "")

    @property
    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        lo = np.array([float(self.lower.get(c, 0.0)) for c in self.criteria])
        hi = np.array([float(self.upper.get(c, 1.0)) for c in self.criteria])
        return lo, hi

    @property
    def implied_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """The bounds the order passes on: a criterion ranked above one that needs at least x
        needs at least x too, and one ranked below one capped at y is capped at y.

        Both vectors keep the order themselves, so the region is empty exactly when they cross
        or cannot sum to 1 (the sums of ordered vectors in the box fill the interval between
        theirs): an exact feasibility test, done before any sampling.
        """
        lo, hi = self.bounds
        tiers = [members for members, _ in self._positions()]
        out_lo, out_hi = lo.copy(), hi.copy()
        below = 0.0
        for members in reversed(tiers):
            out_lo[members] = np.maximum(lo[members], below)
            below = max(below, float(lo[members].max()))
        above = 1.0
        for members in tiers:
            out_hi[members] = np.minimum(hi[members], above)
            above = min(above, float(hi[members].min()))
        return out_lo, out_hi

    @property
    def bounded(self) -> bool:
        return bool(self.lower or self.upper)

    def _positions(self) -> list[tuple[np.ndarray, int]]:
        """(criterion indices, first sorted position) per tier."""
        index = {c: k for k, c in enumerate(self.criteria)}
        out, start = [], 0
        for tier in self.tiers:
            out.append((np.array([index[c] for c in tier]), start))
            start += len(tier)
        return out

    def _from_uniforms(self, u: np.ndarray) -> np.ndarray:
        """(k, 2n) uniforms → (k, n) ordered weights: n for the simplex, n to arrange ties."""
        n = len(self.criteria)
        e = -np.log1p(-u[:, :n])  # exponentials; log1p(-u) is finite for u in [0, 1)
        w = e / e.sum(axis=1, keepdims=True)
        values = -np.sort(-w, axis=1)
        out = np.empty_like(values)
        for members, start in self._positions():
            block = values[:, start : start + len(members)]
            if len(members) > 1:
                keys = u[:, n + start : n + start + len(members)]
                block = np.take_along_axis(block, np.argsort(keys, axis=1), axis=1)
            out[:, members] = block
        return out

    def contains(self, w: np.ndarray, tolerance: float = 1e-12) -> np.ndarray:
        """Bool per row of w (k, n): the order and the bounds hold."""
        w = np.atleast_2d(w)
        ok = np.ones(len(w), dtype=bool)
        previous: np.ndarray | None = None
        for members, _ in self._positions():
            if previous is not None:
                ok &= w[:, previous].min(axis=1) >= w[:, members].max(axis=1) - tolerance
            previous = members
        lo, hi = self.bounds
        ok &= np.all(w >= lo - tolerance, axis=1) & np.all(w <= hi + tolerance, axis=1)
        return ok

    def sample(self, rng: np.random.Generator, k: int) -> np.ndarray:
        """k weight vectors (k, n) uniform over the ordered (and bounded) region."""
        n = len(self.criteria)
        if not self.bounded:
            return self._from_uniforms(rng.random((k, 2 * n)))
        found: list[np.ndarray] = []
        need, tried = k, 0
        while need > 0:
            state = rng.bit_generator.state
            candidates = self._from_uniforms(rng.random((BATCH, 2 * n)))
            accepted = np.flatnonzero(self.contains(candidates, tolerance=0.0))
            if len(accepted) >= need:  # consume exactly up to the last sample used
                rng.bit_generator.state = state
                rng.random((int(accepted[need - 1]) + 1, 2 * n))
                accepted = accepted[:need]
            found.append(candidates[accepted])
            need -= len(accepted)
            tried += BATCH
            if need > 0 and tried >= MAX_CANDIDATES:
                raise ValueError(
                    f"the bounds leave almost no weighting with this order ({k - need} of "
                    f"{k} samples found in {tried:,} draws); widen them"
                )
        return np.concatenate(found) if found else np.zeros((0, n))

    def centroid(self, samples: int = 20_000, seed: int = 0) -> dict[str, float]:
        """Mean weights over the region (rank-order centroid without bounds), by sampling."""
        mean = self.sample(np.random.default_rng(seed), samples).mean(axis=0)
        return dict(zip(self.criteria, (float(x) for x in mean), strict=True))


def constraints_from(
    criteria: Sequence[str],
    tiers: Sequence[Sequence[str]],
    at_least: Mapping[str, float] | None = None,
    at_most: Mapping[str, float] | None = None,
) -> OrdinalConstraints:
    return OrdinalConstraints(
        tuple(criteria),
        tuple(tuple(t) for t in tiers),
        dict(at_least or {}),
        dict(at_most or {}),
    )
