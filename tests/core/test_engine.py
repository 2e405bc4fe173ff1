"""The scoring engine against pymcdm (an independent implementation), plus its own guarantees."""

from __future__ import annotations

import numpy as np
import pytest
from broken_sets import COMMUTE
from pymcdm.methods import TOPSIS, WSM
from pymcdm.normalizations import vector_normalization

from explorer.core import weights as shares_rules
from explorer.core.engine import (
    Method,
    ScoreMatrix,
    desirability,
    evaluate,
    normalise_weights,
    rank,
    topsis_closeness,
    wsm_totals,
)
from explorer.core.loader import load_decision_set

SEEDS = range(60)


def random_problem(rng: np.random.Generator) -> tuple[ScoreMatrix, np.ndarray]:
    """Random scales, directions, scores inside the scale and weights (some exactly zero)."""
    n, m = int(rng.integers(2, 13)), int(rng.integers(1, 11))
    mins = rng.uniform(-5, 5, m).round(1)
    maxs = mins + rng.uniform(1, 20, m).round(1)
    scores = rng.uniform(mins, maxs, (n, m))
    benefit = rng.random(m) < 0.5
    w = rng.uniform(0, 5, m) * (rng.random(m) < 0.8)
    if not w.any():
        w[int(rng.integers(m))] = 1.0
    ids = tuple(f"o{i}" for i in range(n)), tuple(f"c{j}" for j in range(m))
    return ScoreMatrix(*ids, scores, mins, maxs, benefit), w


def types(problem: ScoreMatrix) -> np.ndarray:
    return np.where(problem.benefit, 1, -1)


def scale_minmax(problem: ScoreMatrix) -> list:
    """pymcdm normalisers, one per column, mapping each criterion's SCALE (not its data) to 0..1."""

    def make(lo: float, hi: float):
        def normalise(x: np.ndarray, cost: bool = False) -> np.ndarray:
            return (hi - x) / (hi - lo) if cost else (x - lo) / (hi - lo)

        return normalise

    return [make(lo, hi) for lo, hi in zip(problem.mins, problem.maxs, strict=True)]


def competition_ranks(totals: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """Independent definition: 1 + how many options are strictly better."""
    return np.array([1 + int(np.sum(totals > t + tol)) for t in totals])


# --- agreement with pymcdm -------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_wsm_matches_pymcdm(seed):
    problem, w = random_problem(np.random.default_rng(seed))
    ours = evaluate(problem, w, Method.WSM)
    body = WSM(normalization_function=scale_minmax(problem))
    theirs = body(problem.scores, w / w.sum(), types(problem), validation=False)
    np.testing.assert_allclose(ours.totals, theirs, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(ours.ranks, body.rank(theirs).astype(int))


@pytest.mark.parametrize("seed", SEEDS)
def test_topsis_matches_pymcdm(seed):
    problem, w = random_problem(np.random.default_rng(1000 + seed))
    ours = evaluate(problem, w, Method.TOPSIS)
    body = TOPSIS(normalization_function=vector_normalization)
    theirs = body(problem.scores, w / w.sum(), types(problem), validation=False)
    np.testing.assert_allclose(ours.totals, theirs, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(ours.ranks, body.rank(theirs).astype(int))


@pytest.mark.parametrize("seed", range(10))
def test_weights_need_not_sum_to_one(seed):
    """Scaling every weight changes nothing: the engine normalises them itself."""
    problem, w = random_problem(np.random.default_rng(2000 + seed))
    for method in Method:
        a, b = evaluate(problem, w, method), evaluate(problem, 7.5 * w, method)
        np.testing.assert_allclose(a.totals, b.totals, atol=1e-12)
        np.testing.assert_allclose(a.weights, w / w.sum(), atol=1e-15)
        assert a.weights.sum() == pytest.approx(1.0)


def test_commute_numbers():
    """Equal weights on the example: bike 0.8, bus 13/30 (unassessed health = midpoint), car 0.3."""
    ds = load_decision_set(COMMUTE).decision_set
    res = evaluate(ScoreMatrix.from_set(ds), np.ones(3))
    np.testing.assert_allclose(res.totals, [0.8, 13 / 30, 0.3])
    np.testing.assert_allclose(res.desirability[1], [0.6, 0.2, 0.5])  # bus: cost 4, time 8, mid
    assert res.ranks.tolist() == [1, 2, 3]
    assert res.order.tolist() == [0, 1, 2]


# --- ranks -------------------------------------------------------------------------------------


def test_competition_ranks_with_ties():
    ranks, order = rank(np.array([0.5, 0.7, 0.5, 0.1, 0.7]))
    assert ranks.tolist() == [3, 1, 3, 5, 1]
    assert order.tolist() == [1, 4, 0, 2, 3]


def test_ties_within_rounding_noise_keep_file_order():
    totals = np.array([0.3, 0.1 + 0.2, 0.3])  # 0.30000000000000004 must not jump the queue
    ranks, order = rank(totals)
    assert ranks.tolist() == [1, 1, 1]
    assert order.tolist() == [0, 1, 2]


@pytest.mark.parametrize("seed", range(20))
def test_ranks_are_competition_ranks_and_order_is_deterministic(seed):
    rng = np.random.default_rng(3000 + seed)
    totals = rng.integers(0, 5, int(rng.integers(1, 15))) / 4  # plenty of exact ties
    ranks, order = rank(totals)
    assert ranks.tolist() == competition_ranks(totals).tolist()
    expected = sorted(range(len(totals)), key=lambda i: (-totals[i], i))
    assert order.tolist() == expected
    assert sorted(ranks[order].tolist()) == ranks[order].tolist()  # best first


def test_identical_options_tie_in_both_methods():
    scores = np.array([[2.0, 8.0], [5.0, 5.0], [2.0, 8.0]])
    problem = ScoreMatrix(
        ("a", "b", "c"), ("x", "y"), scores, np.zeros(2), np.full(2, 10.0), np.array([True, True])
    )
    for method in Method:
        res = evaluate(problem, np.array([1.0, 3.0]), method)
        assert res.ranks[0] == res.ranks[2] and res.tied(0) and res.tied(2)
        assert not res.tied(1)
        assert res.order.tolist().index(0) < res.order.tolist().index(2)


# --- degenerate inputs ---------------------------------------------------------------------


@pytest.mark.parametrize("method", list(Method))
def test_all_zero_weights_are_flagged_without_nan(method):
    problem, _ = random_problem(np.random.default_rng(7))
    res = evaluate(problem, np.zeros(len(problem.criterion_ids)), method)
    assert res.weights_all_zero
    assert not res.weights.any()
    for array in (res.totals, res.contributions, res.desirability):
        assert np.isfinite(array).all()
    assert set(res.ranks.tolist()) == {1}
    assert res.order.tolist() == list(range(len(problem.option_ids)))
    expected = 0.0 if method is Method.WSM else 0.5  # TOPSIS: equidistant from both ideals
    np.testing.assert_allclose(res.totals, expected)
    np.testing.assert_allclose(res.contributions.sum(axis=1), res.totals, atol=1e-12)


def test_some_zero_weights_are_not_flagged():
    problem, _ = random_problem(np.random.default_rng(8))
    w = np.zeros(len(problem.criterion_ids))
    w[0] = 2.0
    assert not evaluate(problem, w).weights_all_zero


def test_topsis_all_zero_column_gives_no_nan_and_changes_nothing():
    rng = np.random.default_rng(11)
    scores = rng.uniform(0, 10, (6, 4))
    scores[:, 2] = 0.0
    problem = ScoreMatrix(
        tuple("abcdef"),
        tuple("wxyz"),
        scores,
        np.zeros(4),
        np.full(4, 10.0),
        np.array([True, False, True, True]),
    )
    w = np.array([1.0, 2.0, 3.0, 1.0])
    res = evaluate(problem, w, Method.TOPSIS)
    assert np.isfinite(res.totals).all() and np.isfinite(res.contributions).all()
    # a column that is the same for everyone separates no one: same as leaving it out
    keep = [0, 1, 3]
    reduced = ScoreMatrix(
        problem.option_ids,
        ("w", "x", "z"),
        scores[:, keep],
        problem.mins[keep],
        problem.maxs[keep],
        problem.benefit[keep],
    )
    wn = w / w.sum()
    np.testing.assert_allclose(res.totals, topsis_closeness(reduced, wn[keep]), atol=1e-12)


def test_topsis_every_column_zero():
    problem = ScoreMatrix(
        ("a", "b"),
        ("x", "y"),
        np.zeros((2, 2)),
        np.zeros(2),
        np.full(2, 10.0),
        np.array([True, False]),
    )
    res = evaluate(problem, np.array([1.0, 1.0]), Method.TOPSIS)
    np.testing.assert_allclose(res.totals, [0.5, 0.5])
    # x (benefit) sits at the bottom of its scale, y (cost) at the best end: y carries the bar
    np.testing.assert_allclose(res.contributions, [[0.0, 0.5], [0.0, 0.5]])
    assert res.ranks.tolist() == [1, 1]


def test_normalise_weights():
    w, zero = normalise_weights(np.array([2.0, 1.0, 1.0]))
    assert w.tolist() == [0.5, 0.25, 0.25] and not zero
    w, zero = normalise_weights(np.zeros(3))
    assert w.tolist() == [0.0, 0.0, 0.0] and zero
    batch, zero = normalise_weights(np.array([[1.0, 3.0], [0.0, 0.0]]))
    assert batch.tolist() == [[0.25, 0.75], [0.0, 0.0]] and not zero  # flag: all rows zero


@pytest.mark.parametrize("bad", [[1.0, -0.1], [1.0, np.nan], [np.inf, 1.0]])
def test_negative_or_non_finite_weights_are_refused(bad):
    with pytest.raises(ValueError, match="finite and non-negative"):
        normalise_weights(np.array(bad))


# --- contributions ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("method", list(Method))
def test_contributions_sum_to_totals(seed, method):
    problem, w = random_problem(np.random.default_rng(4000 + seed))
    res = evaluate(problem, w, method)
    np.testing.assert_allclose(res.contributions.sum(axis=1), res.totals, atol=1e-12)
    assert (res.contributions >= -1e-15).all()
    assert not res.contributions[:, res.weights == 0].any()  # unweighted criteria carry nothing
    if method is Method.WSM:
        np.testing.assert_allclose(res.contributions, res.desirability * res.weights, atol=1e-15)


def test_topsis_contributions_follow_weighted_desirability_shares():
    problem, w = random_problem(np.random.default_rng(5))
    res = evaluate(problem, w, Method.TOPSIS)
    wd = res.desirability * res.weights
    rows = wd.sum(axis=1) > 0
    np.testing.assert_allclose(
        res.contributions[rows] / res.totals[rows, None],
        wd[rows] / wd[rows].sum(axis=1, keepdims=True),
        atol=1e-12,
    )


def test_topsis_contributions_when_weighted_desirability_is_zero():
    """Every option at the bottom of the only weighted scale: closeness 0.5, still split."""
    scores = np.array([[0.0, 3.0], [0.0, 7.0]])
    problem = ScoreMatrix(
        ("a", "b"), ("x", "y"), scores, np.zeros(2), np.full(2, 10.0), np.array([True, True])
    )
    res = evaluate(problem, np.array([1.0, 0.0]), Method.TOPSIS)
    np.testing.assert_allclose(res.totals, [0.5, 0.5])
    np.testing.assert_allclose(res.contributions, [[0.5, 0.0], [0.5, 0.0]])


# --- building blocks -----------------------------------------------------------------------


def test_desirability_uses_the_scale_not_the_data():
    problem = ScoreMatrix(
        ("a", "b"),
        ("up", "down"),
        np.array([[2.0, 2.0], [4.0, 4.0]]),
        np.array([0.0, 0.0]),
        np.array([10.0, 5.0]),
        np.array([True, False]),
    )
    np.testing.assert_allclose(desirability(problem), [[0.2, 0.6], [0.4, 0.2]])
    np.testing.assert_allclose(
        desirability(problem, np.array([[0.0, 0.0], [10.0, 5.0]])), [[0.0, 1.0], [1.0, 0.0]]
    )


def test_wsm_totals_for_many_weight_vectors_at_once():
    problem, _ = random_problem(np.random.default_rng(9))
    rng = np.random.default_rng(10)
    batch = rng.dirichlet(np.ones(len(problem.criterion_ids)), 25)
    d = desirability(problem)
    many = wsm_totals(d, batch)
    assert many.shape == (25, len(problem.option_ids))
    for k in range(25):
        np.testing.assert_allclose(many[k], evaluate(problem, batch[k]).totals, atol=1e-12)


def test_method_labels():
    assert Method("wsm").label == "Weighted sum" and Method("topsis").label == "TOPSIS"


# --- explorer/core/weights.py: moving one share ------------------------------------------------


def test_set_share_rescales_the_others_in_proportion():
    out = shares_rules.set_share(np.array([0.5, 0.3, 0.2]), 0, 0.2, np.zeros(3, bool))
    np.testing.assert_allclose(out, [0.2, 0.48, 0.32])


def test_set_share_respects_locks():
    locked = np.array([False, True, False, False])
    out = shares_rules.set_share(np.array([0.1, 0.4, 0.3, 0.2]), 0, 0.3, locked)
    assert out[1] == 0.4
    np.testing.assert_allclose(out, [0.3, 0.4, 0.18, 0.12])


def test_set_share_is_capped_by_what_the_locks_leave():
    locked = np.array([False, True, False])
    out = shares_rules.set_share(np.array([0.2, 0.5, 0.3]), 0, 0.9, locked)
    np.testing.assert_allclose(out, [0.5, 0.5, 0.0])
    out = shares_rules.set_share(np.array([0.2, 0.5, 0.3]), 0, -1.0, locked)
    np.testing.assert_allclose(out, [0.0, 0.5, 0.5])


def test_set_share_with_every_other_share_locked_changes_nothing():
    before = np.array([0.2, 0.5, 0.3])
    out = shares_rules.set_share(before, 0, 0.9, np.array([False, True, True]))
    np.testing.assert_array_equal(out, before)
    assert out is not before
    single = shares_rules.set_share(np.array([1.0]), 0, 0.3, np.array([False]))
    np.testing.assert_array_equal(single, [1.0])


def test_set_share_spreads_equally_over_zero_others():
    out = shares_rules.set_share(np.array([1.0, 0.0, 0.0, 0.0]), 0, 0.4, np.zeros(4, bool))
    np.testing.assert_allclose(out, [0.4, 0.2, 0.2, 0.2])
    locked = np.array([False, False, True, False])
    out = shares_rules.set_share(np.array([0.9, 0.0, 0.1, 0.0]), 0, 0.5, locked)
    np.testing.assert_allclose(out, [0.5, 0.2, 0.1, 0.2])


@pytest.mark.parametrize("seed", range(50))
def test_set_share_properties(seed):
    rng = np.random.default_rng(6000 + seed)
    n = int(rng.integers(2, 12))
    before = shares_rules.as_shares(rng.uniform(0, 1, n) * (rng.random(n) < 0.8))
    locked = rng.random(n) < 0.3
    index = int(rng.integers(n))
    value = float(rng.uniform(-0.2, 1.2))
    out = shares_rules.set_share(before, index, value, locked)
    others_locked = np.delete(locked, index).all()
    assert out.sum() == pytest.approx(1.0, abs=1e-12)
    assert (out >= 0).all()
    locked_others = locked.copy()
    locked_others[index] = False
    np.testing.assert_array_equal(out[locked_others], before[locked_others])
    if others_locked:
        np.testing.assert_array_equal(out, before)
    else:
        budget = 1.0 - before[locked_others].sum()
        assert out[index] == pytest.approx(float(np.clip(value, 0.0, budget)), abs=1e-12)


def test_equal_and_as_shares():
    np.testing.assert_allclose(shares_rules.equal(4), [0.25] * 4)
    assert shares_rules.equal(0).shape == (0,)
    np.testing.assert_allclose(shares_rules.as_shares(np.array([2.0, -1.0, 2.0])), [0.5, 0, 0.5])
    np.testing.assert_allclose(shares_rules.as_shares(np.zeros(2)), [0.5, 0.5])
