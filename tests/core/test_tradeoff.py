"""Tradeoff-map numbers, checked against values worked out by hand from the commute set.

Commute desirabilities (cost and time are lower-is-better on 0..10, health higher on 0..5):
    bike  cost 1 → 0.9   time 5 → 0.5   health 5 → 1.0
    bus   cost 4 → 0.6   time 8 → 0.2   health unassessed → midpoint 0.5, range 0..1
    car   cost 9 → 0.1   time 2 → 0.8   health 0 → 0.0
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from explorer.core import tradeoff
from explorer.core.engine import ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import DecisionSet


@pytest.fixture
def commute(commute_path: Path) -> DecisionSet:
    return load_decision_set(commute_path).decision_set


@pytest.fixture
def grouped(commute: DecisionSet) -> DecisionSet:
    """Cost and time in one group "Practical", health alone in "Wellbeing"."""
    groups = {"cost": "Practical", "time": "Practical", "health": "Wellbeing"}
    crits = tuple(dataclasses.replace(c, group=groups[c.id]) for c in commute.criteria)
    return dataclasses.replace(commute, criteria=crits)


def _values(ds: DecisionSet, key: str, weights: list[float]) -> tradeoff.AxisValues:
    axis = next(a for a in tradeoff.axes(ds) if a.key == key)
    result = evaluate(ScoreMatrix.from_set(ds), np.array(weights))
    lo, hi = tradeoff.desirability_bounds(ds)
    return tradeoff.axis_values(
        axis, result.desirability, lo, hi, result.weights, result.contributions
    )


def test_axes_list_criteria_then_groups(commute: DecisionSet, grouped: DecisionSet) -> None:
    assert [a.key for a in tradeoff.axes(commute)] == [
        "criterion:cost",
        "criterion:time",
        "criterion:health",
        "group:Money",
        "group:Time",
        "group:Wellbeing",
    ]
    grp = tradeoff.axes(grouped)
    assert [(a.label, a.columns) for a in grp if a.is_group] == [
        ("Group: Practical", (0, 1)),
        ("Group: Wellbeing", (2,)),
    ]
    assert grp[0].label == "Monthly cost"


def test_axes_without_groups(commute: DecisionSet) -> None:
    crits = tuple(dataclasses.replace(c, group="") for c in commute.criteria)
    ds = dataclasses.replace(commute, criteria=crits)
    assert [a.is_group for a in tradeoff.axes(ds)] == [False, False, False]


def test_default_axes_heaviest_criteria_when_groups_are_singletons(commute: DecisionSet) -> None:
    choices = tradeoff.axes(commute)
    x, y = tradeoff.default_axes(choices, np.array([0.2, 0.3, 0.5]))
    assert (x.key, y.key) == ("criterion:health", "criterion:time")
    x, y = tradeoff.default_axes(choices, np.full(3, 1 / 3))  # tie: file order
    assert (x.key, y.key) == ("criterion:cost", "criterion:time")


def test_default_axes_first_two_groups_when_groups_aggregate(grouped: DecisionSet) -> None:
    x, y = tradeoff.default_axes(tradeoff.axes(grouped), np.array([0.1, 0.1, 0.8]))
    assert (x.key, y.key) == ("group:Practical", "group:Wellbeing")


def test_criterion_axis_is_desirability(commute: DecisionSet) -> None:
    v = _values(commute, "criterion:cost", [1, 1, 1])
    np.testing.assert_allclose(v.value, [0.9, 0.6, 0.1])
    v = _values(commute, "criterion:health", [1, 1, 1])
    np.testing.assert_allclose(v.value, [1.0, 0.5, 0.0])
    assert v.share == pytest.approx(1 / 3)
    np.testing.assert_allclose(v.contribution, np.array([1.0, 0.5, 0.0]) / 3)


def test_lower_is_better_range_flips(commute: DecisionSet) -> None:
    # bike cost: low 0, high 2 on a lower-is-better 0..10 scale → desirability 1.0 .. 0.8
    v = _values(commute, "criterion:cost", [1, 1, 1])
    np.testing.assert_allclose(v.low, [0.8, 0.5, 0.0])
    np.testing.assert_allclose(v.high, [1.0, 0.7, 0.2])
    v = _values(commute, "criterion:time", [1, 1, 1])
    np.testing.assert_allclose(v.low, [0.3, 0.1, 0.6])
    np.testing.assert_allclose(v.high, [0.6, 0.4, 0.9])


def test_higher_is_better_range_and_unassessed_cell(commute: DecisionSet) -> None:
    v = _values(commute, "criterion:health", [1, 1, 1])
    np.testing.assert_allclose(v.low, [0.8, 0.0, 0.0])  # bus unassessed: whole scale
    np.testing.assert_allclose(v.high, [1.0, 1.0, 0.2])


def test_group_axis_is_weight_share_weighted_mean(grouped: DecisionSet) -> None:
    # weights 0.6/0.2 inside "Practical" → 0.75 cost + 0.25 time
    v = _values(grouped, "group:Practical", [0.6, 0.2, 0.2])
    np.testing.assert_allclose(v.value, [0.8, 0.5, 0.275])
    np.testing.assert_allclose(v.low, [0.675, 0.4, 0.15])  # 0.75·0.8+0.25·0.3, …
    np.testing.assert_allclose(v.high, [0.9, 0.625, 0.375])
    assert v.share == pytest.approx(0.8)
    np.testing.assert_allclose(v.contribution, [0.64, 0.4, 0.22])  # 0.6·0.9 + 0.2·0.5, …


def test_group_axis_moves_with_weights(grouped: DecisionSet) -> None:
    a = _values(grouped, "group:Practical", [0.6, 0.2, 0.2]).value
    b = _values(grouped, "group:Practical", [0.2, 0.6, 0.2]).value
    np.testing.assert_allclose(b, [0.6, 0.3, 0.625])  # 0.25 cost + 0.75 time
    assert not np.allclose(a, b)


def test_group_with_all_zero_weights_is_equal_mean(grouped: DecisionSet) -> None:
    v = _values(grouped, "group:Practical", [0, 0, 1])
    np.testing.assert_allclose(v.value, [0.7, 0.4, 0.45])
    assert v.share == 0.0
    np.testing.assert_allclose(tradeoff.within_weights(np.zeros(3), [0, 1]), [0.5, 0.5])


def test_pareto_simple_front() -> None:
    front = tradeoff.pareto_front(np.array([1.0, 0.0, 0.5]), np.array([0.0, 1.0, 0.4]))
    assert front.efficient.tolist() == [0, 1, 2]
    assert front.line.tolist() == [1, 2, 0]  # x ascending


def test_pareto_dominated_point_dropped() -> None:
    x, y = np.array([1.0, 0.0, 0.5, 0.6]), np.array([0.0, 1.0, 0.4, 0.5])
    front = tradeoff.pareto_front(x, y)
    assert front.efficient.tolist() == [0, 1, 3]
    assert front.line.tolist() == [1, 3, 0]


def test_pareto_tie_on_one_axis_is_dominated() -> None:
    # equal x, lower y: ≥ on both and > on one → dominated
    front = tradeoff.pareto_front(np.array([1.0, 1.0, 0.2]), np.array([0.5, 0.3, 0.9]))
    assert front.efficient.tolist() == [0, 2]


def test_pareto_duplicates_both_efficient() -> None:
    front = tradeoff.pareto_front(np.array([0.5, 0.5, 0.2]), np.array([0.5, 0.5, 0.4]))
    assert front.efficient.tolist() == [0, 1]
    assert sorted(front.line.tolist()) == [0, 1]


def test_pareto_rounding_noise_is_a_tie() -> None:
    front = tradeoff.pareto_front(np.array([0.3, 0.3]), np.array([0.1 + 0.2, 0.3]))
    assert front.efficient.tolist() == [0, 1]


def test_pareto_line_orders_equal_x_by_descending_y() -> None:
    front = tradeoff.pareto_front(np.array([0.0, 0.0, 1.0]), np.array([0.8, 0.8, 0.1]))
    assert front.line.tolist()[-1] == 2


def test_pareto_empty_and_single() -> None:
    assert tradeoff.pareto_front(np.zeros(0), np.zeros(0)).efficient.tolist() == []
    assert tradeoff.pareto_front(np.array([0.3]), np.array([0.3])).line.tolist() == [0]


def test_pareto_on_commute_cost_vs_time(commute: DecisionSet) -> None:
    # bike (0.9, 0.5) beats bus (0.6, 0.2) on both; car (0.1, 0.8) is fastest
    x = _values(commute, "criterion:cost", [1, 1, 1]).value
    y = _values(commute, "criterion:time", [1, 1, 1]).value
    front = tradeoff.pareto_front(x, y)
    assert front.efficient.tolist() == [0, 2]
    assert front.line.tolist() == [2, 0]


def test_dominators_name_who_beats_an_option() -> None:
    x, y = np.array([0.9, 0.6, 0.1, 0.6]), np.array([0.5, 0.2, 0.8, 0.2])
    assert tradeoff.dominators(x, y, 1).tolist() == [0]  # the duplicate (3) does not dominate
    assert tradeoff.dominators(x, y, 0).tolist() == []


def test_axis_extent_covers_every_range_and_stays_in_unit_interval() -> None:
    low, high = np.array([0.40, 0.45, 0.5]), np.array([0.60, 0.70, 0.55])
    assert tradeoff.axis_extent(low, high, margin=0.05, min_span=0.1) == pytest.approx((0.35, 0.75))
    # a narrow cluster is widened to the minimum span around its middle
    assert tradeoff.axis_extent(low * 0 + 0.5, high * 0 + 0.5, 0.0, 0.3) == pytest.approx(
        (0.35, 0.65)
    )
    # near an end it is clamped, and widened away from that end
    assert tradeoff.axis_extent(low * 0, high * 0 + 0.05, 0.0, 0.3) == pytest.approx((0.0, 0.3))
