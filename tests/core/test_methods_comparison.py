"""Methods side by side: Kendall's tau against scipy, the leader sentence, expected ranks."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from explorer.core.engine import Method, ScoreMatrix
from explorer.core.methods_comparison import compare_methods, expected_ranks, kendall_tau_b
from explorer.core.robustness import rank_acceptability


@pytest.mark.parametrize("seed", range(10))
def test_kendall_tau_b_matches_scipy_with_ties(seed):
    rng = np.random.default_rng(seed)
    x, y = rng.integers(1, 5, 9), rng.integers(1, 5, 9)
    assert kendall_tau_b(x, y) == pytest.approx(stats.kendalltau(x, y).statistic)


def problem(scores):
    scores = np.asarray(scores, dtype=float)
    m, n = scores.shape
    return ScoreMatrix(
        tuple(f"o{i}" for i in range(m)),
        tuple(f"c{j}" for j in range(n)),
        scores,
        np.zeros(n),
        np.full(n, 10.0),
        np.ones(n, bool),
    )


def test_a_dominant_option_leads_under_every_method():
    p = problem([[9, 9, 9], [5, 6, 4], [2, 3, 1]])
    comparison = compare_methods(p, np.ones(3) / 3, ["Best", "Middle", "Worst"])
    assert comparison.leader_holds and comparison.common_leader == "o0"
    assert comparison.mean_agreement == pytest.approx(1.0)
    assert comparison.sentence().startswith("Best leads under all 4 methods")
    doc = comparison.as_dict()
    assert doc["methods"] == {m.value: ["o0", "o1", "o2"] for m in Method}
    assert doc["leader_holds"] is True


def test_a_leader_that_depends_on_the_method_is_said_so():
    # the weighted sum prefers a specialist, TOPSIS the all-rounder
    from explorer.core.engine import evaluate

    rng = np.random.default_rng(0)
    for _ in range(500):
        p = problem(rng.uniform(0, 10, (4, 3)).round())
        w = rng.dirichlet(np.ones(3))
        leaders = {m: int(evaluate(p, w, m).order[0]) for m in Method}
        if len(set(leaders.values())) > 1:
            break
    comparison = compare_methods(p, w)
    assert not comparison.leader_holds
    assert comparison.sentence().startswith("The leader depends on the method")
    assert comparison.mean_agreement < 1


def test_expected_rank_is_the_mean_rank_over_the_samples():
    p = problem([[9, 1], [1, 9], [5, 5]])
    acc = rank_acceptability(p, np.ones(2), samples=2000, score_mode="fixed")
    expected = expected_ranks(acc)
    assert expected.sum() == pytest.approx(1 + 2 + 3, abs=0.01)  # no ties in these samples
    comparison = compare_methods(p, np.ones(2) / 2, acceptability=acc)
    np.testing.assert_allclose(comparison.expected_rank, expected)


def test_a_new_sampling_run_swaps_only_the_expected_ranks():
    p = problem([[9, 1], [1, 9], [5, 5]])
    acc = rank_acceptability(p, np.ones(2), samples=500, score_mode="fixed")
    scored = compare_methods(p, np.array([0.7, 0.3]))
    swapped = scored.with_acceptability(acc)
    direct = compare_methods(p, np.array([0.7, 0.3]), acceptability=acc)
    np.testing.assert_allclose(swapped.expected_rank, direct.expected_rank)
    assert swapped.as_dict() == direct.as_dict()
    assert swapped.with_acceptability(None).expected_rank is None
    assert scored.expected_rank is None  # the original is left as it was
