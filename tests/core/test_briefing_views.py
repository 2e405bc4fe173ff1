"""The views' choices a profile's deck carries (tradeoff axes, matrix colouring, sensitivity
criterion): read and written with the profile, carried by share codes, refused with a line when
malformed, and resolved against a set the same way by every reader."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.briefing.deck import DeckSettings
from explorer.core.briefing.view_choices import ColourMode, ViewChoices, choices_to_save
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

BASE = """schema_version: 2
name: Views
decision_set: commute
weights:
  cost: 3
  time: 1
  health: 1
"""
VIEWS = """briefing:
  hidden: [tradeoff]
  views:
    tradeoff_axes: [criterion:health, group:Money]
    matrix_colour: disagreement
    sensitivity_criterion: time
"""
CHOSEN = ViewChoices(("criterion:health", "group:Money"), ColourMode.DISAGREEMENT, "time")


@pytest.fixture
def commute(commute_path):
    return load_decision_set(commute_path).decision_set


def test_views_read_write_and_share_code_round_trip():
    profile = parse_profile(BASE + VIEWS)
    assert profile.briefing.views == CHOSEN
    assert profile.briefing.hidden == {"tradeoff"}
    text = dump_profile(profile)
    assert "matrix_colour: disagreement" in text
    assert parse_profile(text) == profile and dump_profile(parse_profile(text)) == text
    back = decode_share_code(share_code(profile))
    assert back.briefing.views == CHOSEN and back == profile


def test_a_profile_without_views_still_loads_and_writes_none():
    profile = parse_profile(BASE)
    assert profile.briefing.views == ViewChoices() and profile.briefing.empty
    assert "briefing" not in dump_profile(profile)
    partial = parse_profile(BASE + "briefing:\n  views: {matrix_colour: disagreement}\n")
    assert partial.briefing.views == ViewChoices(matrix_colour=ColourMode.DISAGREEMENT)
    assert "tradeoff_axes" not in dump_profile(partial)


def test_views_take_part_in_same_as_and_empty():
    deck = DeckSettings().with_views(CHOSEN)
    assert not deck.empty and DeckSettings().empty
    assert not deck.same_as(DeckSettings()) and deck.same_as(DeckSettings().with_views(CHOSEN))
    other = ViewChoices(("criterion:health", "group:Money"), ColourMode.DESIRABILITY, "time")
    assert not deck.same_as(DeckSettings().with_views(other))
    # the other edits keep the views
    assert deck.with_hidden("title", True).with_order(["ranking"]).with_note("x", "y").views == (
        CHOSEN
    )
    assert deck.to_data() == {
        "views": {
            "tradeoff_axes": ["criterion:health", "group:Money"],
            "matrix_colour": "disagreement",
            "sensitivity_criterion": "time",
        }
    }


@pytest.mark.parametrize(
    ("views", "line", "field", "message"),
    [
        ("    matrix_colour: pink\n", 10, "briefing.views.matrix_colour", "must be one of"),
        ("    tradeoff_axes: [criterion:cost]\n", 10, "briefing.views.tradeoff_axes", "two axis"),
        ("    tradeoff_axes: criterion:cost\n", 10, "briefing.views.tradeoff_axes", "two axis"),
        ("    tradeoff_axes: [1, 2]\n", 10, "briefing.views.tradeoff_axes", "two axis"),
        ("    tradeoff_axes: [criterion:cost, cost]\n", 10, "tradeoff_axes[1]", "not an axis key"),
        ("    sensitivity_criterion: [cost]\n", 10, "sensitivity_criterion", "must be text"),
        ("    sensitivity_criterion: a b\n", 10, "sensitivity_criterion", "not a valid"),
        ("    colours: pink\n", 10, "briefing.views.colours", "unknown field"),
    ],
)
def test_malformed_views_are_refused_with_file_line_and_field(views, line, field, message):
    with pytest.raises(LoadError) as caught:
        parse_profile(BASE + "briefing:\n  views:\n" + views, "team.yaml")
    (problem,) = caught.value.problems
    text = str(problem)
    assert text.startswith(f"team.yaml:{line}: ") and field in text and message in text


def test_views_not_a_mapping_is_refused():
    with pytest.raises(LoadError) as caught:
        parse_profile(BASE + "briefing:\n  views: [criterion:cost]\n", "team.yaml")
    assert "team.yaml:9: briefing.views: must be a mapping" in str(caught.value.problems[0])


def test_unknown_keys_for_this_set_are_not_errors_and_resolve_to_the_defaults(commute):
    text = BASE + (
        "briefing:\n  views:\n    tradeoff_axes: [criterion:cost, criterion:gone]\n"
        "    sensitivity_criterion: gone\n"
    )
    profile = parse_profile(text)
    assert profile.briefing.views.sensitivity_criterion == "gone"
    weighting = weighting_of(profile, commute)
    resolved = weighting.deck.views.resolved(commute, weighting.shares)
    # the map's default: the two heaviest criteria (cost 3/5, then time by file order)
    assert resolved == ViewChoices(
        ("criterion:cost", "criterion:time"), ColourMode.DESIRABILITY, "cost"
    )
    known = CHOSEN.resolved(commute, weighting.shares)
    assert known == CHOSEN


def test_a_save_keeps_what_the_file_said_while_it_still_reads_as_the_screen(commute):
    shares = np.array([0.6, 0.2, 0.2])
    default = ViewChoices().resolved(commute, shares)
    # an old profile, untouched: nothing is added
    assert choices_to_save(ViewChoices(), default, commute, shares) == ViewChoices()
    # a key this set lacks is kept for the set that has it, while the screen shows the default
    foreign = ViewChoices(("criterion:gone", "criterion:cost"), None, "gone")
    assert choices_to_save(foreign, default, commute, shares) == foreign
    # a part the user changed is written as shown; the others stay as the file had them
    screen = ViewChoices(("criterion:health", "criterion:time"), ColourMode.DESIRABILITY, "cost")
    assert choices_to_save(foreign, screen, commute, shares) == ViewChoices(
        ("criterion:health", "criterion:time"), None, "gone"
    )
    # no file yet: everything as shown, so a new profile records the author's whole view
    assert choices_to_save(None, ViewChoices(), commute, shares) == default
    # weights moved since: the file's unset axes now mean another default, so the pair on
    # screen is written out
    moved = np.array([0.1, 0.2, 0.7])
    assert choices_to_save(ViewChoices(), default, commute, moved).tradeoff_axes == (
        "criterion:cost",
        "criterion:time",
    )


def test_profile_from_weights_carries_the_views(commute):
    deck = DeckSettings().with_views(CHOSEN)
    profile = profile_from_weights(commute, [3, 1, 1], briefing=deck)
    assert parse_profile(dump_profile(profile)).briefing.views == CHOSEN


OTHER_SET = """schema_version: 2
name: Views from another set
decision_set: travel
weights:
  price: 3
  duration: 1
  fitness: 1
  scenery: 1
briefing:
  views:
    tradeoff_axes: [criterion:fitness, group:Money]
    sensitivity_criterion: duration
"""
TRAVEL_TO_COMMUTE = {"price": "cost", "duration": "time", "fitness": "health", "scenery": None}


def test_a_mapped_profile_brings_its_view_choices_in_this_sets_ids(commute):
    """The author swept "duration" and plotted "fitness": here those are time and health."""
    weighting = weighting_of(parse_profile(OTHER_SET), commute, TRAVEL_TO_COMMUTE)
    assert weighting.deck.views == ViewChoices(("criterion:health", "group:Money"), None, "time")
    resolved = weighting.deck.views.resolved(commute, weighting.shares)
    assert resolved.tradeoff_axes == ("criterion:health", "group:Money")
    assert resolved.sensitivity_criterion == "time"


def test_a_view_choice_on_a_dropped_criterion_falls_back_to_the_default(commute):
    text = OTHER_SET.replace("criterion:fitness", "criterion:scenery").replace(
        "sensitivity_criterion: duration", "sensitivity_criterion: scenery"
    )
    weighting = weighting_of(parse_profile(text), commute, TRAVEL_TO_COMMUTE)
    assert weighting.deck.views == ViewChoices(None, None, None)  # dropped: no place here
    # ids the mapping leaves out are kept as they are, like the weights'
    kept = ViewChoices(("criterion:cost", "criterion:time"), None, "health").mapped({})
    assert kept == ViewChoices(("criterion:cost", "criterion:time"), None, "health")


def test_a_mapped_profile_brings_its_promethee_thresholds_to_the_mapped_criteria(commute):
    text = OTHER_SET + "promethee:\n  price: {function: linear, q: 1, p: 4}\n"
    text += "  scenery: {function: usual}\n"
    weighting = weighting_of(parse_profile(text), commute, TRAVEL_TO_COMMUTE)
    assert weighting.preferences is not None
    cost = commute.criterion_ids.index("cost")
    assert (weighting.preferences[cost].q, weighting.preferences[cost].p) == (1.0, 4.0)
    assert weighting.preferences[cost].kind.value == "linear"
