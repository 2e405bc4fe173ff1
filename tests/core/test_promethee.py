"""PROMETHEE II against pymcdm, scale-relative TOPSIS against a shifted scale, and PROMETHEE
through every analysis that goes through the engine's totals."""

from __future__ import annotations

import numpy as np
import pytest
from pymcdm.methods import PROMETHEE_II

from explorer.core.engine import Method, ScoreMatrix, evaluate, totals_many
from explorer.core.promethee import Preference, PreferenceKind, default_preferences, net_flows
from explorer.core.robustness import one_way, rank_acceptability, tornado

PYMCDM_NAME = {
    PreferenceKind.USUAL: "usual",
    PreferenceKind.U_SHAPE: "ushape",
    PreferenceKind.V_SHAPE: "vshape",
    PreferenceKind.LEVEL: "level",
    PreferenceKind.LINEAR: "vshape_2",
}


def random_problem(rng, m=6, n=4):
    mins = rng.uniform(-5, 5, n).round()
    maxs = mins + rng.uniform(5, 20, n).round()
    scores = (mins + (maxs - mins) * rng.random((m, n))).round(1)
    benefit = rng.random(n) < 0.6
    ids = tuple(f"o{i}" for i in range(m)), tuple(f"c{j}" for j in range(n))
    return ScoreMatrix(*ids, scores, mins, maxs, benefit)


@pytest.mark.parametrize("kind", list(PreferenceKind))
@pytest.mark.parametrize("seed", range(4))
def test_net_flows_match_pymcdm(kind, seed):
    rng = np.random.default_rng(seed)
    problem = random_problem(rng)
    w = rng.dirichlet(np.ones(4))
    span = problem.maxs - problem.mins
    q, p = 0.1 * span, 0.4 * span
    prefs = [
        Preference(kind, qj if kind.uses_q else 0.0, pj if kind.uses_p else 0.0)
        for qj, pj in zip(q, p, strict=True)
    ]
    ours = net_flows(problem.scores, problem.benefit, prefs, w)
    types = np.where(problem.benefit, 1, -1)
    theirs = PROMETHEE_II(PYMCDM_NAME[kind], p=list(p), q=list(q))(
        problem.scores, w, types, validation=False
    )
    np.testing.assert_allclose(ours, theirs, atol=1e-12)


def test_the_engine_ranks_by_net_flow_with_scale_defaults():
    rng = np.random.default_rng(11)
    problem = random_problem(rng)
    w = rng.dirichlet(np.ones(4))
    res = evaluate(problem, w, Method.PROMETHEE)
    span = problem.maxs - problem.mins
    types = np.where(problem.benefit, 1, -1)
    phi = PROMETHEE_II("vshape_2", p=list(0.3 * span), q=list(0.05 * span))(
        problem.scores, w, types, validation=False
    )
    np.testing.assert_allclose(res.totals, (phi + 1) / 2, atol=1e-12)
    np.testing.assert_allclose(res.contributions.sum(axis=1), res.totals, atol=1e-12)
    assert (res.contributions >= 0).all()
    assert problem.preference_functions == default_preferences(problem.mins, problem.maxs)


def test_edited_thresholds_change_the_flows():
    rng = np.random.default_rng(12)
    problem = random_problem(rng)
    w = np.full(4, 0.25)
    usual = problem.with_preferences(tuple(Preference(PreferenceKind.USUAL) for _ in range(4)))
    a, b = evaluate(problem, w, "promethee").totals, evaluate(usual, w, "promethee").totals
    assert not np.allclose(a, b)
    with pytest.raises(ValueError, match="one preference function per criterion"):
        problem.with_preferences((Preference(),))


@pytest.mark.parametrize(
    "kind, q, p, message",
    [
        ("linear", 3, 2, "below the preference"),
        ("v-shape", 0, 0, "needs p > 0"),
        ("usual", -1, 0, "non-negative"),
    ],
)
def test_bad_thresholds_are_refused(kind, q, p, message):
    with pytest.raises(ValueError, match=message):
        Preference(kind, q, p)


def shifted_pair():
    """The same judgements on 0–10 and on 10–20 for the first criterion."""
    scores = np.array([[0.4, 5.3], [4.6, 0.6], [6.4, 8.5]])
    ids = ("x", "y", "z"), ("c1", "c2")
    benefit = np.array([True, True])
    base = ScoreMatrix(*ids, scores, np.zeros(2), np.full(2, 10.0), benefit)
    moved = scores.copy()
    moved[:, 0] += 10
    shifted = ScoreMatrix(*ids, moved, np.array([10.0, 0]), np.array([20.0, 10]), benefit)
    return base, shifted


def test_classic_topsis_changes_with_a_shifted_scale_and_scale_relative_does_not():
    base, shifted = shifted_pair()
    w = np.array([0.5, 0.5])
    classic = [evaluate(p, w, Method.TOPSIS).ranks.tolist() for p in (base, shifted)]
    assert classic[0] != classic[1]  # the point of offering the scale-relative variant
    relative = [evaluate(p, w, Method.TOPSIS_SCALE) for p in (base, shifted)]
    assert relative[0].ranks.tolist() == relative[1].ranks.tolist()
    np.testing.assert_allclose(relative[0].totals, relative[1].totals, atol=1e-12)
    # WSM and PROMETHEE (thresholds follow the scale) are unaffected too
    for method in (Method.WSM, Method.PROMETHEE):
        np.testing.assert_allclose(
            evaluate(base, w, method).totals, evaluate(shifted, w, method).totals, atol=1e-12
        )


@pytest.mark.parametrize("method", list(Method))
def test_totals_many_is_evaluate_for_each_weighting(method):
    rng = np.random.default_rng(13)
    problem = random_problem(rng)
    ws = rng.dirichlet(np.ones(4), size=5)
    many = totals_many(problem, ws, method)
    for w, row in zip(ws, many, strict=True):
        np.testing.assert_allclose(row, evaluate(problem, w, method).totals, atol=1e-12)


def test_promethee_runs_through_sensitivity_tornado_and_acceptability():
    rng = np.random.default_rng(14)
    problem = random_problem(rng)
    w = np.full(4, 0.25)
    sens = one_way(problem, w, 0, Method.PROMETHEE)
    for c in sens.crossovers:  # exact: the totals are lines in the share
        t = np.array([c.weight])
        path = (1 - t)[:, None] * np.delete(np.full(4, 1 / 3), 0, 0)
        point = np.insert(path, 0, t, axis=1)
        totals = totals_many(problem, point, Method.PROMETHEE)[0]
        ahead = problem.option_ids.index(c.ahead_below), problem.option_ids.index(c.ahead_above)
        assert totals[ahead[0]] == pytest.approx(totals[ahead[1]], abs=1e-9)
    lows, highs = problem.scores - 1, problem.scores + 1
    bars = tornado(problem, w, lows, highs, method=Method.PROMETHEE)
    assert bars.method is Method.PROMETHEE and bars.bars
    acc = rank_acceptability(
        problem, w, lows, highs, samples=500, method=Method.PROMETHEE, score_mode="uniform"
    )
    np.testing.assert_allclose(acc.acceptability.sum(axis=1), 1.0)
