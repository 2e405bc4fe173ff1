"""Rank-order, swing and pairwise (AHP) weights against their formulas and an independent
eigenvector computation; Harker's method, hierarchies and geometric-mean groups."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from explorer.core.elicitation.ahp import (
    RANDOM_INDEX,
    Comparison,
    ahp,
    ahp_hierarchy,
    format_value,
)
from explorer.core.elicitation.group import aggregate_judgements
from explorer.core.elicitation.rank_order import position_weights, rank_order_weights
from explorer.core.elicitation.swing import swing_weights

# --- rank order ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 5, 9])
def test_rank_order_schemes_follow_their_formulas(n):
    roc = [sum(1 / k for k in range(i, n + 1)) / n for i in range(1, n + 1)]
    rank_sum = [2 * (n + 1 - i) / (n * (n + 1)) for i in range(1, n + 1)]
    harmonic = sum(1 / k for k in range(1, n + 1))
    reciprocal = [(1 / i) / harmonic for i in range(1, n + 1)]
    np.testing.assert_allclose(position_weights(n, "roc"), roc, rtol=1e-12)
    np.testing.assert_allclose(position_weights(n, "rank-sum"), rank_sum, rtol=1e-12)
    np.testing.assert_allclose(position_weights(n, "reciprocal"), reciprocal, rtol=1e-12)


def test_roc_for_four_is_the_published_table():
    # Barron & Barrett (1996): .5208, .2708, .1458, .0625
    np.testing.assert_allclose(position_weights(4), [0.5208, 0.2708, 0.1458, 0.0625], atol=1e-4)


@pytest.mark.parametrize("scheme", ["roc", "rank-sum", "reciprocal"])
def test_ties_share_the_mean_of_their_places(scheme):
    w = rank_order_weights([["a"], ["b", "c"], ["d"]], scheme)
    by_place = position_weights(4, scheme)
    assert w["a"] == pytest.approx(by_place[0])
    assert w["b"] == w["c"] == pytest.approx((by_place[1] + by_place[2]) / 2)
    assert w["d"] == pytest.approx(by_place[3])
    assert sum(w.values()) == pytest.approx(1.0)


def test_an_order_naming_a_criterion_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        rank_order_weights([["a"], ["b", "a"]])


# --- swing -----------------------------------------------------------------------------------


def test_swing_weights_are_the_ratings_in_proportion():
    w = swing_weights({"a": 100, "b": 60, "c": 40})
    assert w == pytest.approx({"a": 0.5, "b": 0.3, "c": 0.2})


@pytest.mark.parametrize(
    "ratings, message",
    [({"a": 80, "b": 40}, "highest rating here is 80"), ({"a": 100, "b": 120}, "0 to 100")],
)
def test_swing_needs_the_top_at_100_and_the_rest_within(ratings, message):
    with pytest.raises(ValueError, match=message):
        swing_weights(ratings)


# --- AHP -------------------------------------------------------------------------------------


def matrix_of(items, comparisons):
    n = len(items)
    a = np.ones((n, n))
    for c in comparisons:
        i, j = items.index(c.a), items.index(c.b)
        a[i, j], a[j, i] = c.value, 1 / c.value
    return a


def power_iteration(a, steps=2000):
    """An independent Perron vector: repeated multiplication, no eigen-decomposition."""
    w = np.full(len(a), 1 / len(a))
    for _ in range(steps):
        w = a @ w
        w /= w.sum()
    lam = float(np.mean((a @ w) / w))
    return w, lam


def random_judgements(rng, n, noise):
    """Judgements from true weights, perturbed and rounded to Saaty's scale."""
    items = [f"c{k}" for k in range(n)]
    truth = rng.dirichlet(np.ones(n))
    out = []
    for i, j in itertools.combinations(range(n), 2):
        ratio = truth[i] / truth[j] * math.exp(rng.normal(0, noise))
        ratio = min(max(ratio, 1 / 9), 9)
        value = round(ratio) if ratio >= 1 else 1 / round(1 / ratio)
        out.append(Comparison(items[i], items[j], float(max(value, 1 / 9))))
    return items, out


@pytest.mark.parametrize("seed", range(8))
def test_ahp_weights_and_cr_match_an_independent_eigenvector(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 9))
    items, comparisons = random_judgements(rng, n, noise=0.4)
    result = ahp(items, comparisons)
    w, lam = power_iteration(matrix_of(items, comparisons))
    np.testing.assert_allclose([result.weights[c] for c in items], w, rtol=1e-8, atol=1e-12)
    assert result.lambda_max == pytest.approx(lam, rel=1e-9)
    assert result.consistency_ratio == pytest.approx((lam - n) / (n - 1) / RANDOM_INDEX[n - 1])


def test_ahp_textbook_example():
    # a 3×3 matrix often used in teaching: weights .637/.258/.105, CR .033
    items = ["a", "b", "c"]
    result = ahp(items, [Comparison("a", "b", 3), Comparison("a", "c", 5), Comparison("b", "c", 3)])
    assert [round(result.weights[c], 3) for c in items] == [0.637, 0.258, 0.105]
    assert result.consistency_ratio == pytest.approx(0.033, abs=5e-4)
    assert result.acceptable


def test_consistent_judgements_have_cr_zero_and_no_suggestion():
    items = ["a", "b", "c", "d"]
    truth = {"a": 8, "b": 4, "c": 2, "d": 1}
    comparisons = [
        Comparison(x, y, truth[x] / truth[y]) for x, y in itertools.combinations(items, 2)
    ]
    result = ahp(items, comparisons)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert result.most_inconsistent is None
    assert result.weights == pytest.approx({k: v / 15 for k, v in truth.items()})


def test_the_corrupted_judgement_is_named_with_a_suggestion_that_helps():
    items = ["a", "b", "c", "d", "e"]
    truth = {"a": 9, "b": 6, "c": 3, "d": 2, "e": 1}
    comparisons = [
        Comparison(x, y, truth[x] / truth[y]) for x, y in itertools.combinations(items, 2)
    ]
    comparisons = [
        Comparison("a", "e", 1 / 5) if (c.a, c.b) == ("a", "e") else c for c in comparisons
    ]
    result = ahp(items, comparisons)
    worst = result.most_inconsistent
    assert (worst.a, worst.b, worst.given) == ("a", "e", 1 / 5)
    assert worst.suggested > worst.given  # back toward a being more important than e
    assert worst.consistency_ratio_after < result.consistency_ratio
    assert not result.acceptable


def test_incomplete_comparisons_use_harkers_method():
    items = ["a", "b", "c", "d"]
    given = [
        Comparison("a", "b", 3),
        Comparison("b", "c", 2),
        Comparison("c", "d", 4),
        Comparison("a", "c", 5),
    ]
    result = ahp(items, given)
    assert set(result.missing) == {("a", "d"), ("b", "d")}
    # Harker's matrix: missing entries 0, diagonal 1 + missing in the row
    c = matrix_of(items, given)
    for x, y in result.missing:
        i, j = items.index(x), items.index(y)
        c[i, j] = c[j, i] = 0.0
    np.fill_diagonal(c, 1 + (c == 0).sum(axis=1))
    w, lam = power_iteration(c)
    np.testing.assert_allclose([result.weights[k] for k in items], w, rtol=1e-8)
    # ... and w is the eigenvector of the matrix completed with w_i / w_j, with the same λ
    full = matrix_of(items, given)
    for x, y in result.missing:
        i, j = items.index(x), items.index(y)
        full[i, j], full[j, i] = w[i] / w[j], w[j] / w[i]
    np.testing.assert_allclose(full @ w, lam * w, rtol=1e-8)
    assert result.lambda_max == pytest.approx(lam)


def test_a_consistent_chain_is_enough():
    result = ahp(["a", "b", "c"], [Comparison("a", "b", 2), Comparison("b", "c", 3)])
    assert result.weights == pytest.approx({"a": 0.6, "b": 0.3, "c": 0.1})
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-12)


def test_unconnected_comparisons_are_refused_naming_the_parts():
    with pytest.raises(ValueError, match=r"\{a, b\}; \{c, d\}"):
        ahp(["a", "b", "c", "d"], [Comparison("a", "b", 2), Comparison("c", "d", 3)])


@pytest.mark.parametrize(
    "comparison, message",
    [
        (Comparison("a", "a", 2), "itself"),
        (Comparison("a", "z", 2), "not one of"),
        (Comparison("a", "b", 12), "outside Saaty"),
    ],
)
def test_bad_judgements_are_refused(comparison, message):
    with pytest.raises(ValueError, match=message):
        ahp(["a", "b"], [comparison])


def test_a_pair_judged_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        ahp(["a", "b"], [Comparison("a", "b", 2), Comparison("b", "a", 3)])


def test_hierarchy_multiplies_group_and_local_weights():
    groups = {"money": ["cost", "jobs"], "people": ["health", "safety", "trust"], "law": ["legal"]}
    comparisons = [
        Comparison("money", "people", 1 / 2),
        Comparison("money", "law", 2),
        Comparison("people", "law", 4),
        Comparison("cost", "jobs", 3),
        Comparison("health", "safety", 2),
        Comparison("health", "trust", 4),
        Comparison("safety", "trust", 2),
    ]
    tree = ahp_hierarchy(groups, comparisons)
    top = ahp(list(groups), comparisons[:3])
    inside = ahp(groups["people"], comparisons[4:])
    assert tree.weights["health"] == pytest.approx(top.weights["people"] * inside.weights["health"])
    assert tree.weights["legal"] == pytest.approx(top.weights["law"])
    assert tree.weights["cost"] == pytest.approx(top.weights["money"] * 0.75)
    assert sum(tree.weights.values()) == pytest.approx(1.0)
    assert tree.worst[1].consistency_ratio == max(r.consistency_ratio for _, r in tree.matrices)


def test_hierarchy_refuses_a_judgement_across_levels():
    with pytest.raises(ValueError, match="same group"):
        ahp_hierarchy(
            {"g": ["a", "b"], "h": ["c"]}, [Comparison("g", "h", 2), Comparison("a", "c", 2)]
        )


def test_group_judgements_are_the_geometric_mean_whichever_way_they_were_written():
    people = [
        [Comparison("a", "b", 3), Comparison("a", "c", 9)],
        [Comparison("b", "a", 3), Comparison("a", "c", 1)],
        [Comparison("c", "b", 2)],
    ]
    combined = {frozenset((c.a, c.b)): c for c in aggregate_judgements(people)}
    ab = combined[frozenset("ab")]
    assert ab.facing("a") == pytest.approx(1.0)  # 3 and 1/3
    assert combined[frozenset("ac")].facing("a") == pytest.approx(3.0)  # √(9·1)
    assert combined[frozenset("bc")].facing("c") == pytest.approx(2.0)  # one judge only


def test_saaty_values_read_as_people_write_them():
    assert [format_value(v) for v in (3, 1 / 3, 1, 2.5)] == ["3", "1/3", "1", "2.5"]
