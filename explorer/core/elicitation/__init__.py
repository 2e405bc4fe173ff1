"""Weights people can give: an order, swings, pairwise comparisons, or an order alone.

- rank_order: weights from an order (rank-order centroid, rank sum, reciprocal), ties allowed
- swing: weights from rating each worst-to-best swing against the most important one
- ahp: pairwise comparisons (principal eigenvector, consistency ratio, Harker's method for
  gaps, groups then criteria within groups)
- group: several people's pairwise judgements combined by geometric mean
- ordinal: weightings sampled uniformly among those consistent with an order (and bounds)
- record: what was elicited, as a profile keeps it
"""
