"""Comparing weightings and combining several stakeholders' into a group view.

Everything is scored by explorer.core.engine.evaluate, so a comparison shows exactly the numbers
the charts and the CLI show. The driver of a rank change is read off the engine's per-criterion
contributions: for options x and y, the change from weighting A to weighting B in x's lead over
y splits exactly into one term per criterion,

    effect_c = (C_B[x, c] - C_B[y, c]) - (C_A[x, c] - C_A[y, c]),

because each option's contributions sum to its total (for the weighted sum this is
(wB_c - wA_c) * (d_xc - d_yc)). The criteria with the largest effects are what moved x past y.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from explorer.core.engine import Method, Result, ScoreMatrix, evaluate, normalise_weights
from explorer.core.model import DecisionSet
from explorer.core.profiles.apply import AppliedProfile, apply_profile
from explorer.core.profiles.document import Profile


@dataclass(frozen=True)
class Driver:
    criterion: str
    effect: float  # change in the winner's lead over the loser due to this criterion


@dataclass(frozen=True)
class Overtake:
    """`winner` was at or below `loser` under the first weighting and above it under the second."""

    winner: str
    loser: str
    lead_before: float  # winner's total minus loser's, first weighting (<= 0)
    lead_after: float  # the same under the second weighting (> 0)
    drivers: tuple[Driver, ...]  # every criterion, largest effect in the winner's favour first


@dataclass(frozen=True)
class RankShift:
    option: str
    rank_before: int
    rank_after: int
    passed: tuple[Overtake, ...]  # options this one moved ahead of
    passed_by: tuple[Overtake, ...]  # options that moved ahead of this one


@dataclass(frozen=True)
class Comparison:
    names: tuple[str, ...]
    option_ids: tuple[str, ...]
    criterion_ids: tuple[str, ...]
    weights: np.ndarray  # profiles × criteria, each row normalised to sum to 1
    results: tuple[Result, ...]

    @property
    def ranks(self) -> np.ndarray:
        """profiles × options, 1 = best."""
        return np.array([r.ranks for r in self.results])

    def weight_difference(self, a: int, b: int) -> np.ndarray:
        """Share of each criterion under profile b minus under profile a."""
        return self.weights[b] - self.weights[a]

    def weight_spread(self) -> np.ndarray:
        """Per criterion, the widest disagreement in share between any two profiles."""
        return self.weights.max(axis=0) - self.weights.min(axis=0)

    def overtakes(self, a: int, b: int) -> list[Overtake]:
        """Every pair of options whose order changes from profile a to profile b."""
        ra, rb = self.results[a], self.results[b]
        out = []
        for x in range(len(self.option_ids)):
            for y in range(len(self.option_ids)):
                if x == y or not (ra.ranks[x] >= ra.ranks[y] and rb.ranks[x] < rb.ranks[y]):
                    continue
                effect = (rb.contributions[x] - rb.contributions[y]) - (
                    ra.contributions[x] - ra.contributions[y]
                )
                order = np.lexsort((np.arange(effect.size), -effect))
                drivers = tuple(Driver(self.criterion_ids[c], float(effect[c])) for c in order)
                out.append(
                    Overtake(
                        self.option_ids[x],
                        self.option_ids[y],
                        float(ra.totals[x] - ra.totals[y]),
                        float(rb.totals[x] - rb.totals[y]),
                        drivers,
                    )
                )
        return out

    def rank_shifts(self, a: int, b: int) -> list[RankShift]:
        """Options whose rank differs between profiles a and b, in b's order."""
        ra, rb = self.results[a], self.results[b]
        passes = self.overtakes(a, b)
        shifts = []
        for i in rb.order:
            option = self.option_ids[i]
            if ra.ranks[i] == rb.ranks[i]:
                continue
            shifts.append(
                RankShift(
                    option,
                    int(ra.ranks[i]),
                    int(rb.ranks[i]),
                    tuple(o for o in passes if o.winner == option),
                    tuple(o for o in passes if o.loser == option),
                )
            )
        return shifts


def compare(
    problem: ScoreMatrix,
    names: Sequence[str],
    weights: np.ndarray,
    methods: Sequence[Method] | Method = Method.WSM,
) -> Comparison:
    """Rank the options once per weighting (rows of `weights`, set criterion order)."""
    raw = np.atleast_2d(np.asarray(weights, dtype=float))
    if raw.shape != (len(names), len(problem.criterion_ids)):
        raise ValueError(f"weights must be {len(names)} × {len(problem.criterion_ids)}")
    chosen = [methods] * len(names) if isinstance(methods, Method) else list(methods)
    results = tuple(evaluate(problem, w, m) for w, m in zip(raw, chosen, strict=True))
    return Comparison(
        tuple(names),
        problem.option_ids,
        problem.criterion_ids,
        np.array([r.weights for r in results]),
        results,
    )


@dataclass(frozen=True)
class GroupView:
    """Several stakeholders at once: a combined weighting, and how much their rankings agree."""

    comparison: Comparison  # each stakeholder's own ranking
    mean_weights: np.ndarray  # mean of the normalised weights: each stakeholder counts once
    result: Result  # the ranking under mean_weights
    rank_min: np.ndarray  # per option, over stakeholders
    rank_max: np.ndarray
    rank_mean: np.ndarray
    rank_std: np.ndarray  # population standard deviation (the stakeholders are all there is)


def combine(
    problem: ScoreMatrix,
    names: Sequence[str],
    weights: np.ndarray,
    methods: Sequence[Method] | Method = Method.WSM,
    group_method: Method | None = None,
) -> GroupView:
    """Average normalised weights (so nobody counts more for writing bigger numbers).

    The group ranking uses `group_method`, else the stakeholders' method if they agree, else
    the weighted sum. A stakeholder whose weights are all zero has no view to average: refused.
    """
    raw = np.atleast_2d(np.asarray(weights, dtype=float))
    if len(names) < 1:
        raise ValueError("a group needs at least one profile")
    for name, row in zip(names, raw, strict=True):
        if normalise_weights(row)[1]:
            raise ValueError(f"'{name}' weights every criterion 0, so it cannot be averaged")
    comparison = compare(problem, names, raw, methods)
    chosen = [methods] * len(names) if isinstance(methods, Method) else list(methods)
    if group_method is None:
        group_method = chosen[0] if len(set(chosen)) == 1 else Method.WSM
    mean = comparison.weights.mean(axis=0)
    ranks = comparison.ranks.astype(float)
    return GroupView(
        comparison,
        mean,
        evaluate(problem, mean, group_method),
        ranks.min(axis=0).astype(int),
        ranks.max(axis=0).astype(int),
        ranks.mean(axis=0),
        ranks.std(axis=0),
    )


def _applied(
    profiles: Sequence[Profile],
    decision_set: DecisionSet,
    mappings: Mapping[str, Mapping[str, str | None]] | None,
) -> list[AppliedProfile]:
    mappings = mappings or {}
    return [apply_profile(p, decision_set, mappings.get(p.name)) for p in profiles]


def compare_profiles(
    profiles: Sequence[Profile],
    decision_set: DecisionSet,
    method: Method | None = None,
    mappings: Mapping[str, Mapping[str, str | None]] | None = None,
) -> tuple[Comparison, list[AppliedProfile]]:
    """compare() for profiles: each ranked by its own method unless `method` is given.

    Also returns how each profile fitted the set (missing/dropped criteria) so a caller can
    show that the comparison rests on incomplete weightings.
    """
    applied = _applied(profiles, decision_set, mappings)
    weights = np.array([a.weights for a in applied]).reshape(len(applied), -1)
    methods = [method or a.method for a in applied]
    names = [p.name for p in profiles]
    return compare(ScoreMatrix.from_set(decision_set), names, weights, methods), applied


def combine_profiles(
    profiles: Sequence[Profile],
    decision_set: DecisionSet,
    method: Method | None = None,
    mappings: Mapping[str, Mapping[str, str | None]] | None = None,
) -> tuple[GroupView, list[AppliedProfile]]:
    applied = _applied(profiles, decision_set, mappings)
    weights = np.array([a.weights for a in applied]).reshape(len(applied), -1)
    methods = [method or a.method for a in applied]
    names = [p.name for p in profiles]
    problem = ScoreMatrix.from_set(decision_set)
    return combine(problem, names, weights, methods, method), applied
