"""Weight stability intervals and one-way sensitivity, checked against hand-computed lines.

The hand set (both criteria higher-is-better on 0..10):
    A  x 8 → 0.8   y 2 → 0.2      total along x's share t: 0.2 + 0.6 t
    B  x 2 → 0.2   y 6 → 0.6                               0.6 − 0.4 t
    C  x 3 → 0.3   y 4 → 0.4                               0.4 − 0.1 t
A and B cross at t = 0.4 (total 0.44), A and C at t = 2/7, B and C at t = 2/3.
At equal weights (t = 0.5) the order is A 0.5, B 0.4, C 0.35.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, Criterion, DecisionSet, Direction, Option
from explorer.core.robustness import one_way, stability_interval, stability_intervals, weight_path


def make_set(rows: dict[str, list[float]]) -> DecisionSet:
    """Options named by `rows`' keys, criteria x, y, ... higher-is-better on 0..10, no evidence."""
    n = len(next(iter(rows.values())))
    crits = tuple(Criterion(c, c.upper(), "hand", Direction.HIGHER_IS_BETTER) for c in "xyzuvw"[:n])
    options = tuple(Option(o, o, "hand") for o in rows)
    cells = {
        (o, c.id): Assessment(o, c.id, float(s), float(s), float(s))
        for o, scores in rows.items()
        for c, s in zip(crits, scores, strict=True)
    }
    return DecisionSet("hand", "Hand", "?", crits, (), options, cells)


HAND = {"A": [8, 2], "B": [2, 6], "C": [3, 4]}


@pytest.fixture
def hand() -> ScoreMatrix:
    return ScoreMatrix.from_set(make_set(HAND))


def test_two_options_interval_is_the_exact_crossover() -> None:
    problem = ScoreMatrix.from_set(make_set({"A": [8, 2], "B": [2, 6]}))
    x = stability_interval(problem, np.array([1.0, 1.0]), "x")
    assert x.leader == "A" and x.weight == pytest.approx(0.5)
    assert x.low == pytest.approx(0.4, abs=1e-15) and x.high == 1.0
    assert x.overtaken_below == "B" and x.overtaken_above is None
    assert (x.rank_low, x.rank_high) == (x.low, x.high)  # two options: top = whole ranking
    y = stability_interval(problem, np.array([1.0, 1.0]), "y")
    assert (y.low, y.high) == (0.0, pytest.approx(0.6, abs=1e-15))
    assert y.overtaken_above == "B" and y.overtaken_below is None


def test_ranking_interval_is_narrower_than_the_top_one(hand: ScoreMatrix) -> None:
    x = stability_interval(hand, np.array([1.0, 1.0]), 0)
    assert x.low == pytest.approx(0.4) and x.high == 1.0  # C (2/7) binds less than B (0.4)
    assert x.rank_low == pytest.approx(0.4) and x.rank_high == pytest.approx(2 / 3)
    assert x.swap_below == ("A", "B") and x.swap_above == ("B", "C")


def test_full_weight_on_one_criterion(hand: ScoreMatrix) -> None:
    """w_j = 1: with two criteria the path is the same, so the same interval from its far end."""
    x = stability_interval(hand, np.array([1.0, 0.0]), "x")
    assert x.weight == 1.0 and x.leader == "A"
    assert x.low == pytest.approx(0.4) and x.high == 1.0
    y = stability_interval(hand, np.array([1.0, 0.0]), "y")  # y at 0 % rises toward B
    assert y.weight == 0.0 and y.low == 0.0 and y.high == pytest.approx(0.6)


def test_full_weight_with_three_criteria_spreads_the_rest_equally() -> None:
    problem = ScoreMatrix.from_set(make_set({"A": [8, 2, 4], "B": [2, 6, 6]}))
    path = weight_path(np.array([1.0, 0.0, 0.0]), 0, np.array([0.0, 0.5]))
    np.testing.assert_allclose(path, [[0, 0.5, 0.5], [0.5, 0.25, 0.25]])
    x = stability_interval(problem, np.array([1.0, 0.0, 0.0]), "x")
    # Along x's share t the rest splits equally: A = 0.3 + 0.5 t, B = 0.6 − 0.4 t, tie at 1/3.
    assert x.low == pytest.approx(1 / 3) and x.overtaken_below == "B"


def test_tie_now_bounds_the_interval_at_the_current_weight() -> None:
    problem = ScoreMatrix.from_set(make_set({"A": [8, 2], "B": [2, 8]}))
    x = stability_interval(problem, np.array([1.0, 1.0]), "x")
    assert x.leader == "A"  # tied at 0.5: file order decides, as in the ranking
    assert x.low == pytest.approx(0.5) and x.high == 1.0 and x.overtaken_below == "B"


def test_identical_options_never_bound_the_interval() -> None:
    problem = ScoreMatrix.from_set(make_set({"A": [8, 2], "A2": [8, 2], "B": [2, 6]}))
    x = stability_interval(problem, np.array([1.0, 1.0]), "x")
    assert x.low == pytest.approx(0.4) and x.overtaken_below == "B"
    assert x.rank_low == pytest.approx(0.4)


def test_intervals_agree_with_the_engine(commute_path: Path) -> None:
    """Inside each interval the engine keeps the leader; just outside it does not."""
    ds = load_decision_set(commute_path).decision_set
    problem = ScoreMatrix.from_set(ds)
    rng = np.random.default_rng(3)
    for weights in [np.ones(3), rng.random(3), np.array([0.2, 0.5, 0.3])]:
        for j, interval in enumerate(stability_intervals(problem, weights)):
            inside = np.linspace(interval.low, interval.high, 9)[1:-1]
            w = weights / weights.sum()
            for t in inside:
                res = evaluate(problem, weight_path(w, j, np.array([t]))[0])
                assert ds.option_ids[res.order[0]] == interval.leader
            if interval.overtaken_above is not None:
                res = evaluate(problem, weight_path(w, j, np.array([interval.high + 1e-6]))[0])
                assert (
                    res.totals[ds.option_ids.index(interval.overtaken_above)]
                    > res.totals[ds.option_ids.index(interval.leader)]
                )


def test_one_way_curves_and_exact_crossovers(hand: ScoreMatrix) -> None:
    s = one_way(hand, np.array([1.0, 1.0]), "x")
    assert s.grid.shape == (101,) and s.totals.shape == (3, 101)
    np.testing.assert_allclose(s.totals[0], 0.2 + 0.6 * s.grid, atol=1e-15)
    np.testing.assert_allclose(s.totals[1], 0.6 - 0.4 * s.grid, atol=1e-15)
    found = {(c.ahead_below, c.ahead_above): c for c in s.crossovers}
    assert found[("B", "A")].weight == pytest.approx(0.4, abs=1e-15)
    assert found[("B", "A")].total == pytest.approx(0.44, abs=1e-15)
    assert found[("C", "A")].weight == pytest.approx(2 / 7, abs=1e-15)
    assert found[("B", "C")].weight == pytest.approx(2 / 3, abs=1e-15)
    assert [c.weight for c in s.crossovers] == sorted(c.weight for c in s.crossovers)


def test_one_way_topsis_is_the_engine_along_the_path(commute_path: Path) -> None:
    ds = load_decision_set(commute_path).decision_set
    problem = ScoreMatrix.from_set(ds)
    w = np.array([0.5, 0.3, 0.2])
    s = one_way(problem, w, "time", Method.TOPSIS, points=21)
    for k, t in enumerate(s.grid):
        res = evaluate(problem, weight_path(w, 1, np.array([t]))[0], Method.TOPSIS)
        np.testing.assert_allclose(s.totals[:, k], res.totals, atol=1e-12)
    assert s.crossovers  # bus and car trade places somewhere along time's axis
    for c in s.crossovers:
        res = evaluate(problem, weight_path(w, 1, np.array([c.weight]))[0], Method.TOPSIS)
        a, b = ds.option_ids.index(c.ahead_below), ds.option_ids.index(c.ahead_above)
        assert res.totals[a] == pytest.approx(res.totals[b], abs=1e-9)
        before = evaluate(problem, weight_path(w, 1, np.array([c.weight - 1e-4]))[0], Method.TOPSIS)
        assert before.totals[a] > before.totals[b]


def test_contenders_only_keeps_every_change_of_leader() -> None:
    """Many options: only contenders' pairs are crossed, yet every point where the leader
    changes along the axis is still found, exactly as among all pairs."""
    from benchmarks.synthetic import synthetic_set
    from explorer.core.engine import ScoreMatrix
    from explorer.core.robustness import one_way
    from explorer.core.robustness.analysis import CONTENDERS_ABOVE, Analysis

    ds = synthetic_set(40, 6, seed=3)
    problem = ScoreMatrix.from_set(ds)
    w = np.linspace(1.0, 2.0, 6)
    full = one_way(problem, w, 0)
    few = one_way(problem, w, 0, contenders_only=True)
    assert few.contenders is not None and 1 <= len(few.contenders) < 40
    assert set(few.crossovers) <= set(full.crossovers)
    assert len(few.crossovers) < len(full.crossovers)

    def leader_changes(sens) -> set:
        out = set()
        for c in sens.crossovers:
            i = problem.option_ids.index(c.ahead_below)
            t = np.searchsorted(sens.grid, c.weight)
            k = min(max(t - 1, 0), len(sens.grid) - 1)
            if int(np.argmax(sens.totals[:, k])) == i:
                out.add(c)
        return out

    assert leader_changes(full) <= set(few.crossovers)
    assert np.array_equal(full.totals, few.totals)
    assert len(ds.options) > CONTENDERS_ABOVE
    assert Analysis(ds, problem, w).sensitivity(ds.criterion_ids[0]).contenders is not None


def test_one_criterions_interval_is_the_one_all_of_them_give() -> None:
    """The sensitivity chart asks for one criterion's interval on every tick; the weights'
    bands ask for all. Either way, in either order, the numbers are the same."""
    from benchmarks.synthetic import synthetic_set
    from explorer.core.robustness.analysis import Analysis

    ds = synthetic_set(12, 5, seed=7)
    problem = ScoreMatrix.from_set(ds)
    w = np.array([0.3, 0.1, 0.25, 0.15, 0.2])
    one_first = Analysis(ds, problem, w)
    singles = [one_first.stability_of(c) for c in ds.criterion_ids]
    assert "stability" not in one_first.__dict__  # no criterion's needed all of them
    assert singles == one_first.stability == Analysis(ds, problem, w).stability
    all_first = Analysis(ds, problem, w)
    assert [all_first.stability_of(c) for c in ds.criterion_ids] == all_first.stability
