"""Several people's pairwise judgements as one: the geometric mean per pair.

Aggregating individual judgements by geometric mean (AIJ) is the rule that keeps the result a
valid comparison matrix — the mean of 3 and 1/3 is 1, and inverting everyone's judgements
inverts the mean — which an arithmetic mean does not (Aczél & Saaty 1983). Each pair is averaged
over the people who judged it; a pair nobody judged stays missing for Harker's method.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from explorer.core.elicitation.ahp import Comparison


def aggregate_judgements(people: Sequence[Sequence[Comparison]]) -> list[Comparison]:
    """One judgement per pair anyone compared, oriented as its first judge wrote it."""
    logs: dict[frozenset[str], list[float]] = {}
    first: dict[frozenset[str], tuple[str, str]] = {}
    for judgements in people:
        for c in judgements:
            pair = frozenset((c.a, c.b))
            a = first.setdefault(pair, (c.a, c.b))[0]
            logs.setdefault(pair, []).append(math.log(c.facing(a)))
    return [
        Comparison(*first[pair], math.exp(sum(values) / len(values)))
        for pair, values in logs.items()
    ]
