"""Applying a profile to a set, comparing weightings and combining them, on hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError
from explorer.core.profiles import (
    ProfileLibrary,
    apply_profile,
    combine,
    combine_profiles,
    compare,
    compare_profiles,
    parse_profile,
    profile_from_weights,
)

COMMUTE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "commute"

# d = score / 10 on every criterion (all benefit, scale 0..10)
PROBLEM = ScoreMatrix(
    ("x", "y", "z"),
    ("c1", "c2", "c3"),
    np.array([[10.0, 0.0, 5.0], [0.0, 10.0, 5.0], [5.0, 5.0, 0.0]]),
    np.zeros(3),
    np.full(3, 10.0),
    np.ones(3, dtype=bool),
)
A = [3.0, 1.0, 0.0]  # shares .75 .25 0   -> x .75, y .25, z .5   -> x, z, y
B = [0.0, 3.0, 1.0]  # shares 0 .75 .25   -> x .125, y .875, z .375 -> y, z, x
C = [5.0, 0.0, 0.0]  # shares 1 0 0       -> x 1, y 0, z .5        -> x, z, y


def _profile(weights: str, set_id: str = "commute", extra: str = "") -> str:
    return f"schema_version: 2\nname: P\ndecision_set: {set_id}\nweights: {weights}\n{extra}"


@pytest.fixture(scope="module")
def commute():
    return load_decision_set(COMMUTE).decision_set


def test_missing_and_unknown_criteria_are_reported_not_hidden(commute):
    p = parse_profile(_profile("{cost: 2, comfort: 9}", extra="locks: [cost, comfort]\n"), "p.yaml")
    applied = apply_profile(p, commute)
    assert applied.criterion_ids == ("cost", "time", "health")
    assert applied.weights.tolist() == [2.0, 0.0, 0.0]
    assert applied.has_weight.tolist() == [True, False, False]
    assert applied.locked.tolist() == [True, False, False]
    assert (applied.matched, applied.missing, applied.dropped) == (
        ("cost",),
        ("time", "health"),
        ("comfort",),
    )
    assert not applied.complete
    assert [str(n) for n in applied.notes] == [
        "p.yaml: weights.comfort: warning: unknown criterion, ignored",
        "p.yaml: weights.time: warning: missing from the profile; weighted 0",
        "p.yaml: weights.health: warning: missing from the profile; weighted 0",
        "p.yaml: locks: warning: 'comfort' is not a criterion of this set; lock ignored",
    ]


def test_a_profile_for_another_set_needs_an_explicit_mapping(commute):
    p = parse_profile(_profile("{money: 2, minutes: 1, fitness: 4, style: 1}", "travel"), "t.yaml")
    with pytest.raises(LoadError, match="profile is for decision set 'travel', not 'commute'"):
        apply_profile(p, commute)
    applied = apply_profile(
        p, commute, {"money": "cost", "minutes": "time", "fitness": "health", "style": None}
    )
    assert applied.weights.tolist() == [2.0, 1.0, 4.0]
    assert applied.complete is False and applied.dropped == ("style",)
    assert applied.missing == ()
    assert applied.renamed == {"money": "cost", "minutes": "time", "fitness": "health"}
    assert "t.yaml: weights.style: warning: dropped by the mapping" in map(str, applied.notes)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"money": "price"}, "'price' is not a criterion of this set"),
        ({"money": "cost", "minutes": "cost"}, "'money' and 'minutes' both map to 'cost'"),
    ],
)
def test_a_bad_mapping_is_refused(commute, mapping, message):
    p = parse_profile(_profile("{money: 2, minutes: 1}", "travel"))
    with pytest.raises(LoadError, match=message):
        apply_profile(p, commute, mapping)


def test_a_different_set_version_is_flagged(commute):
    p = parse_profile(
        _profile("{cost: 1, time: 1, health: 1}", extra="decision_set_version: '0.9'\n")
    )
    notes = [str(n) for n in apply_profile(p, commute).notes]
    assert notes == [
        "<profile>: decision_set_version: warning: made for version 0.9 of the set, this is 1; "
        "check the criteria still mean what the author weighted"
    ]


def test_rankings_and_weight_differences():
    cmp = compare(PROBLEM, ["A", "B"], np.array([A, B]))
    assert cmp.weights.tolist() == [[0.75, 0.25, 0.0], [0.0, 0.75, 0.25]]
    assert cmp.results[0].totals.tolist() == pytest.approx([0.75, 0.25, 0.5])
    assert cmp.results[1].totals.tolist() == pytest.approx([0.125, 0.875, 0.375])
    assert cmp.ranks.tolist() == [[1, 3, 2], [3, 1, 2]]
    assert cmp.weight_difference(0, 1).tolist() == [-0.75, 0.5, 0.25]
    assert cmp.weight_spread().tolist() == [0.75, 0.5, 0.25]


def test_each_overtake_is_explained_criterion_by_criterion():
    cmp = compare(PROBLEM, ["A", "B"], np.array([A, B]))
    found = {(o.winner, o.loser): o for o in cmp.overtakes(0, 1)}
    assert set(found) == {("y", "x"), ("y", "z"), ("z", "x")}
    # y past x: Δw = (-.75, .5, .25), d_y - d_x = (-1, 1, 0) -> effects (.75, .5, 0)
    yx = found[("y", "x")]
    assert (yx.lead_before, yx.lead_after) == pytest.approx((-0.5, 0.75))
    assert [(d.criterion, round(d.effect, 9)) for d in yx.drivers] == [
        ("c1", 0.75),
        ("c2", 0.5),
        ("c3", 0.0),
    ]
    # z past x: d_z - d_x = (-.5, .5, -.5) -> effects (.375, .25, -.125), an opposing criterion last
    zx = found[("z", "x")]
    assert [(d.criterion, round(d.effect, 9)) for d in zx.drivers] == [
        ("c1", 0.375),
        ("c2", 0.25),
        ("c3", -0.125),
    ]
    # effects add up to exactly the change in the lead
    for o in found.values():
        assert sum(d.effect for d in o.drivers) == pytest.approx(o.lead_after - o.lead_before)


def test_rank_shifts_say_who_passed_whom():
    shifts = compare(PROBLEM, ["A", "B"], np.array([A, B])).rank_shifts(0, 1)
    assert [(s.option, s.rank_before, s.rank_after) for s in shifts] == [("y", 3, 1), ("x", 1, 3)]
    y, x = shifts
    assert [o.loser for o in y.passed] == ["x", "z"] and y.passed_by == ()
    assert x.passed == () and sorted(o.winner for o in x.passed_by) == ["y", "z"]
    assert compare(PROBLEM, ["A", "C"], np.array([A, C])).rank_shifts(0, 1) == []


def test_group_view_averages_normalised_weights():
    group = combine(PROBLEM, ["A", "B", "C"], np.array([A, B, C]))
    # (.75 + 0 + 1) / 3, (.25 + .75 + 0) / 3, (0 + .25 + 0) / 3; raw means would differ
    assert group.mean_weights.tolist() == pytest.approx([7 / 12, 4 / 12, 1 / 12])
    assert group.result.totals.tolist() == pytest.approx([0.625, 0.375, 0.458333333])
    assert group.result.ranks.tolist() == [1, 3, 2]
    assert group.comparison.ranks.tolist() == [[1, 3, 2], [3, 1, 2], [1, 3, 2]]
    assert group.rank_min.tolist() == [1, 1, 2]
    assert group.rank_max.tolist() == [3, 3, 2]
    assert group.rank_mean.tolist() == pytest.approx([5 / 3, 7 / 3, 2])
    assert group.rank_std.tolist() == pytest.approx([np.sqrt(8 / 9), np.sqrt(8 / 9), 0.0])


def test_group_method_and_all_zero_stakeholder():
    mixed = combine(PROBLEM, ["A", "B"], np.array([A, B]), [Method.WSM, Method.TOPSIS])
    assert mixed.result.method is Method.WSM
    assert combine(PROBLEM, ["A"], np.array([A]), Method.TOPSIS).result.method is Method.TOPSIS
    with pytest.raises(ValueError, match="'Z' weights every criterion 0"):
        combine(PROBLEM, ["A", "Z"], np.array([A, [0.0, 0.0, 0.0]]))


def test_profiles_on_a_real_set_use_the_engine(commute):
    cheap = parse_profile(
        _profile("{cost: 4, time: 1, health: 1}").replace("name: P", "name: Cheap")
    )
    fast = parse_profile(
        _profile("{cost: 0, time: 5, health: 1}", extra="method: topsis\n").replace(
            "name: P", "name: Fast"
        )
    )
    cmp, applied = compare_profiles([cheap, fast], commute)
    assert cmp.names == ("Cheap", "Fast")
    assert [a.complete for a in applied] == [True, True]
    problem = ScoreMatrix.from_set(commute)
    expected = evaluate(problem, np.array([0.0, 5.0, 1.0]), Method.TOPSIS)
    assert cmp.results[1].totals.tolist() == pytest.approx(expected.totals.tolist())
    assert cmp.results[1].method is Method.TOPSIS
    forced, _ = compare_profiles([cheap, fast], commute, method=Method.WSM)
    assert {r.method for r in forced.results} == {Method.WSM}
    group, _ = combine_profiles([cheap, fast], commute)
    assert group.mean_weights.tolist() == pytest.approx(
        [(4 / 6 + 0) / 2, (1 / 6 + 5 / 6) / 2, (1 / 6 + 1 / 6) / 2]
    )


def test_a_weighting_on_screen_becomes_a_profile_keeping_the_rest(commute, tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    text = _profile("{cost: 2, comfort: 9}", extra="author: Ana\nlater_feature: [1]\n")
    opened = library.save(parse_profile(text))
    edited = profile_from_weights(
        commute, np.array([0.5, 1 / 3, 2.0]), Method.TOPSIS, [False, True, False], base=opened
    )
    assert edited.weights == {"cost": 0.5, "time": 0.333333, "health": 2}
    assert isinstance(edited.weights["health"], int)
    assert (edited.method, edited.locks, edited.author) == (Method.TOPSIS, ("time",), "Ana")
    assert edited.extra == {"later_feature": [1]} and edited.decision_set_version == "1"
    saved = library.save(edited)  # same file, conflict check passes
    assert saved.path == opened.path and library.load("P") == saved
    fresh = profile_from_weights(commute, [1, 1, 1], name="New")
    assert (fresh.name, fresh.decision_set, fresh.locks) == ("New", "commute", ())
    with pytest.raises(ValueError, match="need 3 finite non-negative weights"):
        profile_from_weights(commute, [1, -1, 1])
