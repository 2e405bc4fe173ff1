"""Swing weighting: how much does moving each criterion from its worst to its best end matter?

The user imagines every criterion at the worst end of its scale, picks the swing to the best end
that matters most (it gets 100) and rates each other swing against it (0–100). The weights are
the ratings in proportion. Because the question is about the scale's ends, not the criterion in
the abstract, the answer already accounts for how wide each scale is — the point of the method.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

TOP = 100.0


def swing_weights(ratings: Mapping[str, float]) -> dict[str, float]:
    """Criterion id to weight; ValueError unless the top swing is 100 and the rest in 0..100."""
    if not ratings:
        raise ValueError("no swings rated")
    for cid, value in ratings.items():
        v = float(value)
        if not np.isfinite(v) or v < 0 or v > TOP:
            raise ValueError(f"{cid}: a swing is rated 0 to 100, not {value}")
    best = max(float(v) for v in ratings.values())
    if best != TOP:
        raise ValueError(
            f"the most important swing is rated 100 and the others against it; "
            f"the highest rating here is {best:g}"
        )
    total = sum(float(v) for v in ratings.values())
    return {cid: float(v) / total for cid, v in ratings.items()}
