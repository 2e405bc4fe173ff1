"""The same weighting under every scoring method: does the ranking depend on the method?

A ranking that holds under the weighted sum, both TOPSIS variants and PROMETHEE II is a
stronger finding than one that holds under one of them. For each option this gives its rank
under every method and its expected rank from rank acceptability (Σ r · P(rank r), the
method-and-weights-uncertain view), the agreement between each pair of methods as Kendall's
tau-b (1: the same order, 0: unrelated, −1: reversed; ties counted as tau-b does), and one
sentence saying whether the leader holds.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.robustness.smaa import Acceptability


def kendall_tau_b(x: np.ndarray, y: np.ndarray) -> float:
    """Kendall's tau-b of two rankings (1 when both rank everything equal: no disagreement)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    i, j = np.triu_indices(len(x), k=1)
    dx, dy = np.sign(x[i] - x[j]), np.sign(y[i] - y[j])
    concordance = float(np.sum(dx * dy))
    untied_x, untied_y = float(np.sum(dx != 0)), float(np.sum(dy != 0))
    if untied_x == 0 or untied_y == 0:
        return 1.0 if untied_x == untied_y else 0.0
    return concordance / np.sqrt(untied_x * untied_y)


@dataclass(frozen=True)
class MethodsComparison:
    option_ids: tuple[str, ...]
    names: tuple[str, ...]
    methods: tuple[Method, ...]
    ranks: dict[Method, np.ndarray]  # per method: 1-based competition rank per option
    expected_rank: np.ndarray | None  # per option, from rank acceptability
    agreement: dict[tuple[Method, Method], float]  # Kendall's tau-b per pair of methods

    def leaders(self, method: Method) -> list[str]:
        return [o for o, r in zip(self.option_ids, self.ranks[method], strict=True) if r == 1]

    @property
    def common_leader(self) -> str | None:
        """The option ranked first (alone or tied) under every method, if there is one."""
        shared = set(self.option_ids)
        for m in self.methods:
            shared &= set(self.leaders(m))
        return next((o for o in self.option_ids if o in shared), None)

    @property
    def leader_holds(self) -> bool:
        return self.common_leader is not None

    def with_acceptability(self, acceptability: Acceptability | None) -> MethodsComparison:
        """The same ranks with another sampling run's expected ranks: a finished chunk of
        samples changes only that column, and re-scoring four methods for it is wasted."""
        expected = None if acceptability is None else expected_ranks(acceptability)
        return replace(self, expected_rank=expected)

    @property
    def mean_agreement(self) -> float:
        return float(np.mean(list(self.agreement.values()))) if self.agreement else 1.0

    def ranking(self, method: Method) -> list[str]:
        """Option ids best first under `method` (ties in file order)."""
        order = np.lexsort((np.arange(len(self.option_ids)), self.ranks[method]))
        return [self.option_ids[i] for i in order]

    def _name(self, option: str) -> str:
        return self.names[self.option_ids.index(option)]

    def sentence(self, labels: Mapping[Method, str] | None = None, agreement: bool = True) -> str:
        """Whether the leader holds, naming the methods (by `labels`, else their own)."""
        label = {m: (labels or {}).get(m, m.label) for m in self.methods}
        if self.leader_holds:
            name = self._name(self.common_leader or "")
            every = "both" if len(self.methods) == 2 else f"all {len(self.methods)}"
            text = f"{name} leads under {every} methods ({_and([label[m] for m in self.methods])})"
        else:
            by_leader: dict[str, list[str]] = {}
            for m in self.methods:
                key = " and ".join(self._name(o) for o in self.leaders(m))
                by_leader.setdefault(key, []).append(label[m])
            parts = [f"{who} under {_and(ms)}" for who, ms in by_leader.items()]
            text = "The leader depends on the method: " + "; ".join(parts)
        if not agreement:
            return text + "."
        return f"{text}; agreement between methods (Kendall's tau) {self.mean_agreement:.2f}."

    def as_dict(self) -> dict[str, object]:
        return {
            "methods": {m.value: self.ranking(m) for m in self.methods},
            "ranks": {
                o: {m.value: int(self.ranks[m][i]) for m in self.methods}
                for i, o in enumerate(self.option_ids)
            },
            "expected_rank": None
            if self.expected_rank is None
            else {
                o: round(float(r), 4)
                for o, r in zip(self.option_ids, self.expected_rank, strict=True)
            },
            "agreement": {
                f"{a.value}~{b.value}": round(t, 4) for (a, b), t in self.agreement.items()
            },
            "mean_agreement": round(self.mean_agreement, 4),
            "leader_holds": self.leader_holds,
            "leader": self.common_leader,
            "summary": self.sentence(),
        }


def _and(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def expected_ranks(acceptability: Acceptability) -> np.ndarray:
    """Σ_r r · P(option takes rank r), per option."""
    acc = acceptability.acceptability
    return acc @ np.arange(1, acc.shape[1] + 1)


def compare_methods(
    problem: ScoreMatrix,
    weights: np.ndarray,
    names: Sequence[str] | None = None,
    methods: Sequence[Method] | None = None,
    acceptability: Acceptability | None = None,
) -> MethodsComparison:
    chosen = tuple(Method(m) for m in (methods or list(Method)))
    ranks = {m: evaluate(problem, weights, m).ranks for m in chosen}
    agreement = {
        (a, b): kendall_tau_b(ranks[a], ranks[b]) for a, b in itertools.combinations(chosen, 2)
    }
    return MethodsComparison(
        problem.option_ids,
        tuple(names) if names is not None else problem.option_ids,
        chosen,
        ranks,
        None if acceptability is None else expected_ranks(acceptability),
        agreement,
    )
