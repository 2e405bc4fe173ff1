"""The elicitation record in a profile: round trips (file, share code), validation with file
and line, the schema, and `adjusted` following the weights."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml
from jsonschema import Draft202012Validator

from explorer.core.elicitation.ahp import Comparison
from explorer.core.elicitation.rank_order import Scheme, rank_order_weights
from explorer.core.elicitation.record import Elicitation, Kind
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError
from explorer.core.profiles import (
    decode_share_code,
    dump_profile,
    parse_profile,
    profile_from_weights,
    share_code,
)
from explorer.core.weighting import weighting_of

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schemas" / "profile.schema.json").read_text())

BASE = """schema_version: 2
name: Elicited
decision_set: commute
weights: {cost: 0.6, time: 0.3, health: 0.1}
"""

RECORDS = [
    Elicitation(
        Kind.AHP,
        {"cost": 0.6, "time": 0.3, "health": 0.1},
        comparisons=(Comparison("cost", "time", 2), Comparison("time", "health", 3)),
        people=2,
        consistency_ratio=0.04,
    ),
    Elicitation(
        Kind.RANK_ORDER,
        {c: round(w, 6) for c, w in rank_order_weights([["cost"], ["time", "health"]]).items()},
        scheme=Scheme.RANK_SUM,
        order=(("cost",), ("time", "health")),
    ),
    Elicitation(
        Kind.SWING,
        {"cost": 0.5, "time": 0.3, "health": 0.2},
        swings={"cost": 100, "time": 60, "health": 40},
    ),
    Elicitation(
        Kind.ORDINAL,
        {"cost": 0.6, "time": 0.3, "health": 0.1},
        order=(("cost",), ("time",), ("health",)),
        at_least={"health": 0.05},
        at_most={"cost": 0.7},
    ),
]


def with_record(record):
    return replace(parse_profile(BASE), elicitation=record)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.kind.value)
def test_the_record_round_trips_through_file_and_share_code(record):
    profile = with_record(record)
    text = dump_profile(profile)
    again = parse_profile(text)
    assert again.elicitation == record
    assert dump_profile(again) == text
    assert decode_share_code(share_code(profile)).elicitation == record
    errors = list(Draft202012Validator(SCHEMA).iter_errors(yaml.safe_load(text)))
    assert errors == []


@pytest.fixture
def commute():
    return load_decision_set(ROOT / "tests" / "fixtures" / "commute").decision_set


def test_adjusted_says_whether_the_weights_still_are_the_elicited_ones(commute):
    record = RECORDS[0]
    same = profile_from_weights(commute, [0.6, 0.3, 0.1], elicitation=record)
    assert same.elicitation.adjusted is False
    moved = profile_from_weights(commute, [0.5, 0.4, 0.1], base=same)
    assert moved.elicitation.adjusted is True  # the record comes along from the base
    assert "adjusted by hand" in moved.elicitation.describe()
    weighting = weighting_of(parse_profile(dump_profile(moved)), commute)
    assert weighting.elicitation == moved.elicitation


def test_the_description_is_what_the_briefing_says():
    assert RECORDS[0].describe() == (
        "pairwise comparisons by 2 people (geometric mean), consistency ratio 0.04"
    )
    assert RECORDS[1].describe() == "ranking the criteria (rank sum)"


@pytest.mark.parametrize(
    ("snippet", "field", "line"),
    [
        ("elicitation: {kind: guess, weights: {cost: 1}}\n", "elicitation.kind", 5),
        (
            "elicitation:\n  kind: swing\n  swings: {cost: 130}\n  weights: {cost: 1}\n",
            "elicitation.swings.cost",
            7,
        ),
        (
            "elicitation:\n  kind: ahp\n  comparisons:\n  - {a: cost, b: time, value: 12}\n"
            "  weights: {cost: 1}\n",
            "elicitation.comparisons[0].value",
            8,
        ),
        (
            "elicitation:\n  kind: ahp\n  comparisons: []\n  weights: {cost: 1}\n  adjusted: 2\n",
            "elicitation.adjusted",
            9,
        ),
        (
            "elicitation:\n  kind: rank-order\n  order: [cost, cost]\n  weights: {cost: 1}\n",
            "elicitation.order[1]",
            7,
        ),
    ],
)
def test_a_bad_record_is_refused_with_file_line_and_field(snippet, field, line):
    with pytest.raises(LoadError) as err:
        parse_profile(BASE + snippet, "p.yaml")
    problems = err.value.problems
    assert [(p.field, p.line) for p in problems] == [(field, line)], problems
    assert str(problems[0]).startswith(f"p.yaml:{line}: {field}:")


def test_weights_for_a_profile_without_a_record_are_unchanged(commute):
    profile = profile_from_weights(commute, np.array([1.0, 1.0, 1.0]))
    assert profile.elicitation is None
    assert "elicitation" not in dump_profile(profile)


def test_promethee_thresholds_round_trip_and_reach_the_engine(commute):
    from explorer.core.engine import Method, evaluate
    from explorer.core.promethee import Preference
    from explorer.core.robustness.lens_state import LensState

    text = BASE + "promethee:\n  cost: {function: linear, q: 1, p: 4}\n  time: {function: usual}\n"
    profile = parse_profile(text)
    assert profile.promethee == {"cost": Preference("linear", 1, 4), "time": Preference("usual")}
    assert parse_profile(dump_profile(profile)) == profile
    assert decode_share_code(share_code(profile)).promethee == profile.promethee
    assert (
        list(Draft202012Validator(SCHEMA).iter_errors(yaml.safe_load(dump_profile(profile)))) == []
    )
    weighting = weighting_of(profile, commute)
    assert weighting.preferences[commute.criterion_ids.index("time")] == Preference("usual")
    lens = LensState(commute)
    default = evaluate(lens.problem, weighting.shares, Method.PROMETHEE).totals
    lens.set_preferences(weighting.preferences)
    edited = evaluate(lens.problem, weighting.shares, Method.PROMETHEE).totals
    assert not np.allclose(default, edited)
    lens.set(np.ones(len(commute.sources)), True)  # the lens keeps the thresholds
    assert lens.problem.preferences == weighting.preferences


@pytest.mark.parametrize(
    ("snippet", "field", "message"),
    [
        ("promethee:\n  cost: {function: linear, q: 4, p: 1}\n", "promethee.cost", "below"),
        ("promethee:\n  cost: {function: sigmoid}\n", "promethee.cost.function", "must be one of"),
        ("promethee:\n  cost: {function: usual, r: 1}\n", "promethee.cost.r", "unknown field"),
    ],
)
def test_bad_thresholds_are_refused_with_the_field(snippet, field, message):
    with pytest.raises(LoadError) as err:
        parse_profile(BASE + snippet, "p.yaml")
    problem = err.value.problems[0]
    assert problem.field == field and message in problem.message
