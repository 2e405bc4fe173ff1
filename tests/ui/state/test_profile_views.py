"""A profile's deck carries the views' choices both ways: opening one puts its tradeoff axes,
matrix colouring and sensitivity criterion on screen, and what is on screen is what a save, an
autosave or a share code writes. The profile reads as modified exactly when a save would write
other choices than its file holds."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

from explorer.core.briefing.view_choices import ColourMode, ViewChoices
from explorer.core.profiles import (
    decode_share_code,
    dump_profile,
    parse_profile,
    share_code,
)
from explorer.ui.briefing.paint.paint_tradeoff import chosen_axes
from explorer.ui.charts.tradeoff.tradeoff_map import TradeoffMap
from explorer.ui.matrix.score_matrix import ScoreMatrixView
from explorer.ui.robustness.sensitivity_chart import SensitivityChart
from explorer.ui.state.session import Session

BASE = """schema_version: 2
name: Team view
decision_set: commute
weights: {cost: 1, time: 3, health: 1}
"""
VIEWS = """briefing:
  views:
    tradeoff_axes: [criterion:health, criterion:cost]
    matrix_colour: disagreement
    sensitivity_criterion: health
"""
CHOSEN = ViewChoices(("criterion:health", "criterion:cost"), ColourMode.DISAGREEMENT, "health")


@pytest.fixture
def views(qtbot, session: Session) -> tuple[TradeoffMap, ScoreMatrixView, SensitivityChart]:
    widgets = (TradeoffMap(session), ScoreMatrixView(session), SensitivityChart(session))
    for widget in widgets:
        qtbot.addWidget(widget)
    return widgets


def shown(views: tuple[TradeoffMap, ScoreMatrixView, SensitivityChart]) -> tuple:
    tradeoff, matrix, sensitivity = views
    return (
        (tradeoff.x_combo.currentData(), tradeoff.y_combo.currentData()),
        matrix.colour_key.combo.currentData(),
        sensitivity.combo.currentData(),
    )


def saved_matches_dirty(session: Session) -> bool:
    """The rule the unsaved mark keeps: modified ⇔ a save would write other view choices
    (other than the sensitivity criterion, which follows the selection and marks nothing)."""
    active = session.active_profile
    assert active is not None

    def marked(views):
        return dataclasses.replace(views, sensitivity_criterion=None)

    differs = marked(session.current_profile().briefing.views) != marked(active.briefing.views)
    return differs == session.dirty


def test_opening_a_profile_puts_its_choices_on_the_views(session: Session, views) -> None:
    session.open_profile(parse_profile(BASE + VIEWS))
    assert session.views.choices == CHOSEN
    assert shown(views) == (("criterion:health", "criterion:cost"), "disagreement", "health")
    assert not session.dirty
    # and the slides draw the same pair
    x, y = chosen_axes(session)
    assert (x.key, y.key) == ("criterion:health", "criterion:cost")


def test_a_profile_without_choices_shows_the_defaults_and_stays_unmodified(
    session: Session, views
) -> None:
    session.views.set_matrix_colour(ColourMode.DISAGREEMENT)  # the user's own, before
    session.views.set_tradeoff_axes("criterion:health", "criterion:cost")
    session.open_profile(parse_profile(BASE))
    # what `brief` would draw for this profile: the heaviest criteria, desirability
    assert shown(views) == (("criterion:time", "criterion:cost"), "desirability", "time")
    assert not session.dirty
    assert session.current_profile().briefing.views == ViewChoices()  # a save adds nothing
    assert "briefing" not in dump_profile(session.current_profile())


def test_changing_a_choice_marks_the_profile_modified_and_is_saved(session: Session, views) -> None:
    session.open_profile(parse_profile(BASE + VIEWS))
    tradeoff, matrix, sensitivity = views
    tradeoff.x_combo.setCurrentIndex(tradeoff.x_combo.findData("criterion:time"))  # the user
    assert session.dirty and saved_matches_dirty(session)
    assert session.current_profile().briefing.views.tradeoff_axes == (
        "criterion:time",
        "criterion:cost",
    )
    tradeoff.x_combo.setCurrentIndex(tradeoff.x_combo.findData("criterion:health"))  # back
    assert not session.dirty and saved_matches_dirty(session)

    matrix.colour_key.combo.setCurrentIndex(
        matrix.colour_key.combo.findData(ColourMode.DESIRABILITY.value)
    )
    assert session.dirty and saved_matches_dirty(session)
    saved = session.current_profile()
    assert saved.briefing.views.matrix_colour is ColourMode.DESIRABILITY
    session.mark_saved(saved)  # as Save does after writing
    assert not session.dirty
    sensitivity.combo.setCurrentIndex(sensitivity.combo.findData("time"))
    assert not session.dirty and saved_matches_dirty(session)  # follows selection: no edit
    assert session.current_profile().briefing.views.sensitivity_criterion == "time"  # saved


def test_selecting_a_criterion_to_read_it_does_not_mark_the_profile_modified(
    session: Session, views
) -> None:
    """The sensitivity chart follows the selected criterion; clicking criteria to read their
    evidence must not make the close prompt ask about unsaved changes. A save writes it."""
    session.open_profile(parse_profile(BASE + VIEWS))
    _, _, sensitivity = views
    for criterion in ("cost", "time", "cost"):
        session.select(criterion=criterion)
        assert sensitivity.combo.currentData() == criterion
        assert not session.dirty
    assert session.current_profile().briefing.views.sensitivity_criterion == "cost"
    session.set_share("cost", 0.7)  # a real edit still marks it
    assert session.dirty


def test_a_share_code_carries_the_choices_on_screen(session: Session, views) -> None:
    session.open_profile(parse_profile(BASE))
    session.views.set_tradeoff_axes("criterion:cost", "criterion:health")
    session.views.set_matrix_colour(ColourMode.DISAGREEMENT)
    code = share_code(session.current_profile())
    other = Session()
    other.set_decision_set(session.decision_set)
    other.open_profile(decode_share_code(code))
    assert other.views.tradeoff_axes == ("criterion:cost", "criterion:health")
    assert other.views.matrix_colour is ColourMode.DISAGREEMENT
    assert other.views.sensitivity_criterion == "time"  # unchanged, so left as the default
    assert not other.dirty


def test_choices_this_set_lacks_are_ignored_on_screen_and_kept_in_the_file(
    session: Session, views
) -> None:
    foreign = BASE + (
        "briefing:\n  views:\n    tradeoff_axes: [criterion:gone, criterion:cost]\n"
        "    sensitivity_criterion: gone\n"
    )
    session.open_profile(parse_profile(foreign))
    assert shown(views) == (("criterion:time", "criterion:cost"), "desirability", "time")
    assert not session.dirty
    kept = session.current_profile().briefing.views
    assert kept == ViewChoices(("criterion:gone", "criterion:cost"), None, "gone")


def test_untitled_weighting_is_not_modified_by_a_view_choice(session: Session, views) -> None:
    """No profile, no file to differ from: the window's settings keep the choices per set."""
    tradeoff = views[0]
    tradeoff.x_combo.setCurrentIndex(tradeoff.x_combo.findData("criterion:health"))
    assert not session.dirty
    # a new profile made from the screen records the whole view
    made = session.current_profile(name="New")
    assert made.briefing.views.tradeoff_axes[0] == "criterion:health"
    assert made.briefing.views.matrix_colour is ColourMode.DESIRABILITY


def test_apply_unsaved_restores_the_choices_as_unsaved_work(session: Session, views) -> None:
    opened = parse_profile(BASE)
    session.open_profile(opened)
    recovered = replace(opened, briefing=parse_profile(BASE + VIEWS).briefing)
    session.apply_unsaved(recovered, "Restore unsaved work")
    assert shown(views) == (("criterion:health", "criterion:cost"), "disagreement", "health")
    assert session.dirty and saved_matches_dirty(session)


def test_a_set_edit_saves_against_the_edited_set(session: Session) -> None:
    """The binding follows an in-place edit of the set, so a save describes the new criteria
    (it kept the old set and refused to make a profile)."""
    session.open_profile(parse_profile(BASE + VIEWS))
    ds = session.decision_set
    session.replace_decision_set(dataclasses.replace(ds, criteria=ds.criteria[:2]))
    made = session.current_profile()
    assert set(made.weights) == {"cost", "time"}
    # health is gone; nothing else was chosen, so the file's choice is kept for a set that has it
    assert made.briefing.views.sensitivity_criterion == "health"
