"""Pairwise comparisons (AHP): weights from "how much more important is a than b?", 1–9.

A judgement {a, b, value} says a is `value` times as important as b (Saaty's 1–9 scale; 1/3
means b is three times as important). The weights are the principal eigenvector of the
comparison matrix, λmax its eigenvalue, CI = (λmax − n) / (n − 1), and the consistency ratio
CR = CI / RI with Saaty's random index RI for n items; CR ≤ 0.10 is Saaty's usual limit.

Incomplete comparisons use Harker's method (1987): a missing entry is 0 and each diagonal entry
is 1 + the number of judgements missing from its row. Chosen over log least squares because it
*is* the eigenvector method — with every judgement given it is exactly Saaty's matrix, so the
complete and the incomplete case share one weights rule and one consistency ratio — and because
its eigenvector w also satisfies the matrix completed with w_i / w_j in the gaps, with the same
λmax (each missing term w_i moved from the diagonal into the gap), so CR is the completed
matrix's. The gaps are filled with perfectly consistent values, so with many of them the CR
speaks only for the judgements given. Harker's matrix is irreducible exactly when the graph of
judgements connects the items; otherwise the weights of the separate parts cannot be compared,
and that is refused with the parts named.

The most inconsistent judgement is the one whose move toward what the weights imply (w_i / w_j,
on the 1–9 scale) lowers the consistency ratio most, and that value is the suggestion; the
ratio a_ij · w_j / w_i alone would often name a judgement whose nearest 1–9 value is the one
already given, a suggestion that changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# Saaty's random consistency index (Saaty 1980) for n = 1..15
RANDOM_INDEX = (
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)
CR_LIMIT = 0.10
SAATY_VALUES = tuple(sorted({*range(1, 10), *(1 / k for k in range(2, 10))}))
MIN_VALUE, MAX_VALUE = 1 / 9, 9.0
_EXACT = 1e-9  # relative error below this is float noise, not an inconsistency


@dataclass(frozen=True)
class Comparison:
    """a is `value` times as important as b."""

    a: str
    b: str
    value: float

    def facing(self, a: str) -> float:
        """The judgement as seen from `a` (a over the other)."""
        return self.value if a == self.a else 1.0 / self.value


@dataclass(frozen=True)
class Suggestion:
    """The judgement that fits the weights worst, and the 1–9 value that would fit them."""

    a: str
    b: str
    given: float
    implied: float  # w_a / w_b
    suggested: float  # nearest value on Saaty's scale
    consistency_ratio_after: float | None  # CR with the suggestion in place of the judgement


@dataclass(frozen=True)
class AhpResult:
    items: tuple[str, ...]
    weights: dict[str, float]
    lambda_max: float
    consistency_index: float
    consistency_ratio: float | None  # None beyond Saaty's table (n > 15)
    most_inconsistent: Suggestion | None  # None when the judgements are consistent
    missing: tuple[tuple[str, str], ...]  # pairs not compared (filled by Harker's method)

    @property
    def acceptable(self) -> bool:
        return self.consistency_ratio is None or self.consistency_ratio <= CR_LIMIT


def format_value(value: float) -> str:
    """3, 1/3, or 2.5 — how a judgement reads on Saaty's scale."""
    if value >= 1:
        return f"{value:g}" if abs(value - round(value)) > 1e-9 else str(round(value))
    inverse = 1 / value
    return f"1/{round(inverse)}" if abs(inverse - round(inverse)) < 1e-9 else f"{value:.3g}"


def random_index(n: int) -> float | None:
    return RANDOM_INDEX[n - 1] if 1 <= n <= len(RANDOM_INDEX) else None


def check_comparisons(items: Sequence[str], comparisons: Sequence[Comparison]) -> None:
    """ValueError naming the first judgement that cannot be used."""
    known = set(items)
    seen: set[frozenset[str]] = set()
    for c in comparisons:
        for side in (c.a, c.b):
            if side not in known:
                raise ValueError(f"'{side}' is not one of the items compared ({', '.join(items)})")
        if c.a == c.b:
            raise ValueError(f"'{c.a}' is compared with itself")
        v = float(c.value)
        if not math.isfinite(v) or not MIN_VALUE - 1e-12 <= v <= MAX_VALUE + 1e-12:
            raise ValueError(f"{c.a} vs {c.b}: {c.value} is outside Saaty's 1/9 to 9")
        pair = frozenset((c.a, c.b))
        if pair in seen:
            raise ValueError(f"{c.a} and {c.b} are compared twice")
        seen.add(pair)


def components(items: Sequence[str], comparisons: Sequence[Comparison]) -> list[list[str]]:
    """The items grouped by which judgements connect them (one group: all connected)."""
    parent = {i: i for i in items}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for c in comparisons:
        parent[root(c.a)] = root(c.b)
    groups: dict[str, list[str]] = {}
    for i in items:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _harker(items: Sequence[str], comparisons: Sequence[Comparison]) -> np.ndarray:
    n = len(items)
    index = {c: k for k, c in enumerate(items)}
    m = np.zeros((n, n))
    for c in comparisons:
        i, j = index[c.a], index[c.b]
        m[i, j], m[j, i] = float(c.value), 1.0 / float(c.value)
    missing = (m == 0).sum(axis=1) - 1  # the diagonal is 0 too
    m[np.diag_indices(n)] = 1.0 + missing
    return m


def principal(matrix: np.ndarray) -> tuple[np.ndarray, float]:
    """Perron vector (summing to 1) and eigenvalue of a non-negative irreducible matrix."""
    values, vectors = np.linalg.eig(matrix)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


def _consistency(n: int, lam: float) -> tuple[float, float | None]:
    if n <= 2:
        return 0.0, 0.0  # two judgements of one pair cannot disagree
    ci = max(0.0, (lam - n) / (n - 1))
    ri = random_index(n)
    return ci, (ci / ri if ri else None)


def _solve(
    items: tuple[str, ...], comparisons: Sequence[Comparison]
) -> tuple[np.ndarray, float, float, float | None]:
    w, lam = principal(_harker(items, comparisons))
    ci, cr = _consistency(len(items), lam)
    return w, lam, ci, cr


def _toward(given: float, implied: float) -> float:
    """The 1–9 value nearest the implied ratio, but never the judgement as given: when the
    given value already is the nearest, the next one toward the implied ratio."""
    candidates = [v for v in SAATY_VALUES if abs(math.log(v / given)) > 1e-9]
    if implied > given:
        candidates = [v for v in candidates if v > given] or candidates
    else:
        candidates = [v for v in candidates if v < given] or candidates
    return min(candidates, key=lambda v: abs(math.log(v) - math.log(implied)))


def _most_inconsistent(
    items: tuple[str, ...], comparisons: list[Comparison], w: np.ndarray, cr: float | None
) -> Suggestion | None:
    """The judgement whose move toward what the weights imply lowers the CR most.

    Each judgement is tried at the 1–9 value nearest w_a / w_b (one step toward it when it is
    there already); the judgement named is the one whose change helps most, or, if no single
    change helps, the one furthest from its implied ratio.
    """
    index = {c: k for k, c in enumerate(items)}
    errors = [abs(math.log(c.value * w[index[c.b]] / w[index[c.a]])) for c in comparisons]
    if not errors or max(errors) <= _EXACT:
        return None
    best: Suggestion | None = None
    for c, error in zip(comparisons, errors, strict=True):
        if error <= _EXACT:
            continue
        implied = float(w[index[c.a]] / w[index[c.b]])
        suggested = _toward(c.value, implied)
        changed = [Comparison(x.a, x.b, suggested) if x is c else x for x in comparisons]
        after = _solve(items, changed)[3]
        option = Suggestion(c.a, c.b, c.value, implied, suggested, after)
        if after is not None and (best is None or after < (best.consistency_ratio_after or 0)):
            best = option
    if best is None or cr is None or (best.consistency_ratio_after or 0) >= cr:
        c = comparisons[int(np.argmax(errors))]
        implied = float(w[index[c.a]] / w[index[c.b]])
        suggested = _toward(c.value, implied)
        changed = [Comparison(x.a, x.b, suggested) if x is c else x for x in comparisons]
        best = Suggestion(c.a, c.b, c.value, implied, suggested, _solve(items, changed)[3])
    return best


def ahp(items: Sequence[str], comparisons: Sequence[Comparison]) -> AhpResult:
    """Weights and consistency of one comparison matrix; ValueError if unusable or unconnected."""
    items = tuple(dict.fromkeys(str(i) for i in items))
    if not items:
        raise ValueError("nothing to compare")
    comparisons = [Comparison(str(c.a), str(c.b), float(c.value)) for c in comparisons]
    check_comparisons(items, comparisons)
    parts = components(items, comparisons)
    if len(parts) > 1:
        shown = "; ".join("{" + ", ".join(p) + "}" for p in parts)
        raise ValueError(
            f"the comparisons do not connect every item: {shown} are never compared with "
            "each other; compare one item of each part with one of another"
        )
    w, lam, ci, cr = _solve(items, comparisons)
    worst = _most_inconsistent(items, comparisons, w, cr) if len(items) > 2 else None
    given = {frozenset((c.a, c.b)) for c in comparisons}
    missing = tuple(
        (a, b)
        for k, a in enumerate(items)
        for b in items[k + 1 :]
        if frozenset((a, b)) not in given
    )
    weights = {c: float(x) for c, x in zip(items, w, strict=True)}
    return AhpResult(items, weights, lam, ci, cr, worst, missing)


@dataclass(frozen=True)
class HierarchyResult:
    """Groups compared with each other, criteria compared within each group."""

    weights: dict[str, float]  # global: group weight × local weight
    groups: AhpResult
    within: dict[str, AhpResult]  # per group with more than one criterion

    @property
    def matrices(self) -> list[tuple[str, AhpResult]]:
        """Every comparison matrix, the groups' first: ('' for the groups, else the group)."""
        return [("", self.groups), *self.within.items()]

    @property
    def worst(self) -> tuple[str, AhpResult]:
        """The matrix with the highest consistency ratio: what a one-line summary should name."""
        return max(self.matrices, key=lambda m: m[1].consistency_ratio or 0.0)


def ahp_hierarchy(
    groups: Mapping[str, Sequence[str]], comparisons: Sequence[Comparison]
) -> HierarchyResult:
    """Comparisons between groups (both sides groups) and within them (both sides criteria of
    one group); a group of one criterion needs none. ValueError for a judgement across levels."""
    members = {g: tuple(cs) for g, cs in groups.items()}
    owner: dict[str, str] = {}
    for g, cs in members.items():
        if not cs:
            raise ValueError(f"group '{g}' has no criteria")
        for c in cs:
            if c in members:
                raise ValueError(f"'{c}' is both a group and a criterion")
            if c in owner:
                raise ValueError(f"'{c}' is in two groups ({owner[c]} and {g})")
            owner[c] = g
    between: list[Comparison] = []
    inside: dict[str, list[Comparison]] = {g: [] for g in members}
    for judgement in comparisons:
        if judgement.a in members and judgement.b in members:
            between.append(judgement)
        elif (
            judgement.a in owner
            and judgement.b in owner
            and owner[judgement.a] == owner[judgement.b]
        ):
            inside[owner[judgement.a]].append(judgement)
        else:
            raise ValueError(
                f"{judgement.a} vs {judgement.b}: compare groups with groups, and criteria "
                "only with criteria of the same group"
            )
    top = ahp(tuple(members), between)
    within = {g: ahp(cs, inside[g]) for g, cs in members.items() if len(cs) > 1}
    weights: dict[str, float] = {}
    for g, cs in members.items():
        local = within[g].weights if g in within else {cs[0]: 1.0}
        weights.update((c, top.weights[g] * local[c]) for c in cs)
    return HierarchyResult(weights, top, within)
