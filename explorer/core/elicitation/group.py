"""Several people's pairwise judgements as one: the geometric mean per pair.

Aggregating individual judgements by geometric mean (AIJ) is the rule that keeps the result a
valid comparison matrix — the mean of 3 and 1/3 is 1, and inverting everyone's judgements
inverts the mean — which an arithmetic mean does not (Aczél & Saaty 1983). Each pair is averaged
over the people who judged it; a pair nobody judged stays missing for Harker's method. The
group view offers this beside the average of the profiles' weights: for people who compared
pairs, combining the judgements is the aggregation AHP itself prescribes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from explorer.core.elicitation.ahp import Comparison, ahp, ahp_hierarchy
from explorer.core.elicitation.record import Elicitation, Kind


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


def combine_pairwise(
    records: Sequence[Elicitation | None], criteria: Sequence[str]
) -> Elicitation | None:
    """The AHP records among `records` as one: their judgements combined pair by pair
    (geometric mean) and weighted again, flat or by the shared groups. None with fewer than two
    pairwise records; ValueError when their groups differ or the combination is unusable."""
    pairwise = [r for r in records if r is not None and r.kind is Kind.AHP]
    if len(pairwise) < 2:
        return None
    groups = pairwise[0].groups
    if any(r.groups != groups for r in pairwise[1:]):
        raise ValueError("their pairwise comparisons group the criteria differently")
    judgements = aggregate_judgements([r.comparisons for r in pairwise])
    if groups:
        tree = ahp_hierarchy(groups, judgements)
        weights, cr = tree.weights, tree.worst[1].consistency_ratio
    else:
        result = ahp(list(criteria), judgements)
        weights, cr = result.weights, result.consistency_ratio
    people = sum(r.people for r in pairwise)
    return Elicitation(
        Kind.AHP,
        weights,
        comparisons=tuple(judgements),
        groups=dict(groups),
        people=people,
        consistency_ratio=cr,
    )
