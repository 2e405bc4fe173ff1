"""The profile comparison window: every number it shows is compare.py's, and it follows changes."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from explorer.core.profiles import (
    ProfileLibrary,
    combine_profiles,
    compare_profiles,
    load_profile,
    starter_profiles,
)
from explorer.core.wording import weight_change
from explorer.ui.compare.compare_text import signed
from explorer.ui.compare.compare_view import CURRENT_NAME, CompareView
from explorer.ui.state.session import Session

STARTERS = (
    "Balanced",
    "Counter-Iran / counter-ISIS",
    "Force protection first",
    "Sovereignty first",
)


@pytest.fixture
def library(tmp_path: Path) -> ProfileLibrary:
    return ProfileLibrary(tmp_path / "library")


@pytest.fixture
def view(qtbot, bundled_session: Session, library: ProfileLibrary) -> CompareView:
    widget = CompareView(bundled_session, library=library)
    qtbot.addWidget(widget)
    return widget


def starters(session: Session) -> dict[str, object]:
    ds = session.decision_set
    return {p.name: p for p in (load_profile(f) for f in starter_profiles(ds.location))}


def item(view: CompareView, label: str):
    for row in range(view.profile_list.count()):
        it = view.profile_list.item(row)
        if it.text() == label:
            return it
    raise KeyError(label)


def offered(view: CompareView) -> list[str]:
    """The labels of the profiles the list offers a tick box for (not its group headers)."""
    rows = [view.profile_list.item(r) for r in range(view.profile_list.count())]
    return [it.text() for it in rows if it.flags() & Qt.ItemFlag.ItemIsUserCheckable]


def ticked(view: CompareView) -> list[str]:
    """The labels whose box is ticked, in list order."""
    on = Qt.CheckState.Checked
    return [label for label in offered(view) if item(view, label).checkState() == on]


def last_heading(table) -> str:
    """The difference table's last column heading, as shown."""
    model = table.model()
    return str(model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal))


def check_only(view: CompareView, labels: list[str]) -> None:
    """Tick boxes the way a user does (each tick recomputes)."""
    for label in offered(view):
        want = Qt.CheckState.Checked if label in labels else Qt.CheckState.Unchecked
        if item(view, label).checkState() != want:
            item(view, label).setCheckState(want)


def test_offers_current_saved_and_starter_profiles(qtbot, bundled_session, library):
    library.save_as(bundled_session.current_profile(), "Balanced")  # clashes with a starter
    library.save_as(bundled_session.current_profile(), "Mine")
    other = bundled_session.current_profile()
    library.save_as(type(other)(**{**other.__dict__, "decision_set": "another-set"}), "Elsewhere")
    view = CompareView(bundled_session, library=library)
    qtbot.addWidget(view)
    labels = offered(view)
    assert labels[0] == CURRENT_NAME
    assert "Mine" in labels and "Elsewhere" not in labels  # other sets' profiles are not offered
    assert "Balanced (saved)" in labels and "Balanced (starter)" in labels
    assert len(labels) == len(set(labels))
    # first look: the shipped stakeholders are checked
    assert ticked(view) == [
        "Balanced (starter)",
        "Counter-Iran / counter-ISIS",
        "Force protection first",
        "Sovereignty first",
    ]


def test_two_starters_ranked_as_compare_profiles_ranks_them(view, bundled_session):
    check_only(view, ["Balanced", "Force protection first"])
    profiles = starters(bundled_session)
    comparison, _ = compare_profiles(
        [profiles["Balanced"], profiles["Force protection first"]], bundled_session.decision_set
    )
    ids = bundled_session.decision_set.option_ids
    expected = {
        name: dict(zip(ids, comparison.ranks[p].tolist(), strict=True))
        for p, name in enumerate(comparison.names)
    }
    assert view.slope_ranks() == expected
    graph = view.slope_graph
    assert [name.replace("\n", " ") for name in graph.column_names()] == list(comparison.names)
    # rank 1 on the top row of each column, and the marker says the rank
    rows = graph.rows()
    for p in range(2):
        assert np.array_equal(np.argsort(rows[p]), np.argsort(comparison.ranks[p], kind="stable"))
    assert graph.marker_texts() == [str(r) for r in comparison.ranks.ravel()]
    names = [o.name for o in bundled_session.decision_set.options]
    left, right = graph.end_names()
    assert [n.replace("\n", " ") for n in left] == names  # both ends name every option
    assert left == right


def test_difference_table_is_weight_difference_then_spread(view, bundled_session):
    check_only(view, ["Balanced", "Sovereignty first"])
    comparison = view.comparison()
    rows = view.difference_rows()
    assert [r["criterion"] for r in rows] == list(comparison.criterion_ids)
    assert np.allclose([r["value"] for r in rows], comparison.weight_difference(0, 1))
    assert np.allclose([r["weights"]["Sovereignty first"] for r in rows], comparison.weights[1])
    table = view.difference_table
    assert last_heading(table).startswith("Difference")
    j = comparison.criterion_ids.index("iraqi_sovereignty")
    shown = table.cell_text(j, 3)
    assert shown == signed(float(comparison.weight_difference(0, 1)[j]) * 100, 1)
    assert shown.startswith("+")

    check_only(view, ["Balanced", "Sovereignty first", "Force protection first"])
    comparison = view.comparison()
    assert len(comparison.names) == 3
    assert np.allclose([r["value"] for r in view.difference_rows()], comparison.weight_spread())
    assert last_heading(table).startswith("Spread")


def test_sorting_the_difference_table_by_a_column(view):
    check_only(view, ["Balanced", "Force protection first"])
    table = view.difference_table
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    top = table.cell_text(0, 0)
    best = max(view.difference_rows(), key=lambda r: r["value"])["criterion"]
    names = {c.id: c.name for c in view._session.decision_set.criteria}
    assert top == names[best]


def test_driver_texts_name_the_overtakes_and_their_criteria(view, bundled_session):
    check_only(view, ["Balanced", "Force protection first"])
    comparison = view.comparison()
    ds = bundled_session.decision_set
    options = {o.id: o.name for o in ds.options}
    criteria = {c.id: c.name for c in ds.criteria}
    texts = view.driver_texts()
    overtakes = comparison.overtakes(0, 1)
    assert overtakes
    said = [t for t in texts if " overtakes " in t]
    assert len(said) == len(overtakes)  # each overtake told once
    for o in overtakes:
        head = f"{options[o.winner]} overtakes {options[o.loser]} mainly through "
        line = next(t for t in said if t.startswith(head))
        top = o.drivers[0]
        j = comparison.criterion_ids.index(top.criterion)
        moved = weight_change(comparison.weights[0, j], comparison.weights[1, j])
        # the weight change worded as `profile compare` words it ("weight 35 % → 0 %")
        assert f"{criteria[top.criterion]} ({signed(top.effect)}, {moved})" in line
        assert re.fullmatch(r"weight \d+(\.\d)? % → \d+(\.\d)? %", moved)
    for shift in comparison.rank_shifts(0, 1):
        verb = "rises" if shift.rank_after < shift.rank_before else "falls"
        assert any(t.startswith(f"{options[shift.option]} {verb} from") for t in texts)
    # the biggest move comes first
    moves = {
        options[s.option]: abs(s.rank_after - s.rank_before) for s in comparison.rank_shifts(0, 1)
    }
    first = next(name for name in moves if texts[0].startswith(name))
    assert moves[first] == max(moves.values())

    view.drivers.swap()
    assert view.drivers.pair() == (1, 0)
    back = view.driver_texts()
    assert len([t for t in back if " overtakes " in t]) == len(comparison.overtakes(1, 0))


def test_same_ranking_says_so(view):
    check_only(view, ["Balanced", CURRENT_NAME])  # the screen starts at equal weights
    assert view.driver_texts() == []
    assert "same" in view.drivers.browser.toPlainText()


def test_group_view_matches_combine_profiles(view, bundled_session):
    check_only(view, list(STARTERS))
    profiles = starters(bundled_session)
    group, _ = combine_profiles([profiles[n] for n in STARTERS], bundled_session.decision_set)
    rows = view.group_rows()
    assert [r["option"] for r in rows] == bundled_session.decision_set.option_ids
    assert [r["group_rank"] for r in rows] == group.result.ranks.tolist()
    assert np.allclose([r["group_total"] for r in rows], group.result.totals)
    assert [r["rank_min"] for r in rows] == group.rank_min.tolist()
    assert [r["rank_max"] for r in rows] == group.rank_max.tolist()
    assert np.allclose([r["rank_std"] for r in rows], group.rank_std)
    assert np.allclose([r["rank_mean"] for r in rows], group.rank_mean)
    assert rows[0]["ranks"] == dict(
        zip(STARTERS, group.comparison.ranks[:, 0].tolist(), strict=True)
    )
    weights = view.group_weights()
    assert np.allclose([weights[c] for c in group.comparison.criterion_ids], group.mean_weights)


def test_unchecking_with_the_keyboard_updates_every_tab(qtbot, view):
    check_only(view, ["Balanced", "Force protection first", "Sovereignty first"])
    assert len(view.slope_ranks()) == 3
    target = item(view, "Sovereignty first")
    view.profile_list.setFocus()
    view.profile_list.setCurrentItem(target)
    qtbot.keyClick(view.profile_list, Qt.Key.Key_Space)
    assert target.checkState() == Qt.CheckState.Unchecked
    assert list(view.slope_ranks()) == ["Balanced", "Force protection first"]
    assert last_heading(view.difference_table).startswith("Difference")
    assert {name for r in view.group_rows() for name in r["ranks"]} == {
        "Balanced",
        "Force protection first",
    }
    check_only(view, ["Balanced"])
    assert "two or more" in view.notes.text()


def test_current_weighting_follows_the_sliders(view, bundled_session):
    check_only(view, [CURRENT_NAME, "Force protection first"])
    before = view.comparison().weights[0].copy()
    bundled_session.set_share("personnel_risk", 0.6)
    bundled_session.flush()
    comparison = view.comparison()
    j = comparison.criterion_ids.index("personnel_risk")
    assert comparison.weights[0, j] == pytest.approx(0.6, abs=1e-5)  # profiles keep 6 dp
    assert not np.allclose(comparison.weights[0], before)
    ids = bundled_session.decision_set.option_ids
    assert view.slope_ranks()[CURRENT_NAME] == dict(
        zip(ids, bundled_session.result.ranks.tolist(), strict=True)
    )
    row = next(r for r in view.difference_rows() if r["criterion"] == "personnel_risk")
    assert row["weights"][CURRENT_NAME] == pytest.approx(0.6, abs=1e-5)


def test_a_new_decision_set_replaces_the_list(view, bundled_session, commute_path):
    bundled_session.load(commute_path)
    assert offered(view) == [CURRENT_NAME]  # the commute set ships no profiles
    assert ticked(view) == [CURRENT_NAME]
    ids = bundled_session.decision_set.option_ids
    assert set(view.slope_ranks()[CURRENT_NAME]) == set(ids)


def test_hover_and_selection_highlight_a_line(qtbot, view, bundled_session):
    check_only(view, ["Balanced", "Force protection first"])
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    graph = view.slope_graph
    bundled_session.select(option="status_quo")
    assert graph.highlighted() == "status_quo"
    plot = graph.findChild(pg.PlotWidget)
    hover = plot.mapFromScene(graph.marker_scene_pos(1, "complete_withdrawal"))
    qtbot.mouseMove(plot.viewport(), hover)
    tip = graph.hover_tooltip()
    assert graph.highlighted() == "complete_withdrawal"
    assert "Complete withdrawal" in tip and "1st of 5" in tip
    total = view.comparison().results[1].totals[4]
    assert f"{total:.3f}" in tip
    # click selects through the session
    pos = plot.mapFromScene(graph.marker_scene_pos(0, "governance_pivot"))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert bundled_session.selected_option == "governance_pivot"


def test_screenshots(qtbot, view, screenshot):
    check_only(view, ["Balanced", "Force protection first", "Sovereignty first"])
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(0)
    qtbot.wait(10)
    screenshot(view, "compare_rankings.png")
    check_only(view, list(STARTERS))
    view.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    screenshot(view, "compare_drivers.png")
    view.tabs.setCurrentIndex(2)
    qtbot.wait(10)
    screenshot(view, "compare_group.png")


def test_notes_say_who_weighted_each_compared_profile_and_why(view, bundled_session):
    check_only(view, ["Balanced", "Force protection first"])
    notes = view.notes.text()
    assert "<b>Balanced</b> by Policy Options Explorer (illustrative): Illustrative" in notes
    assert "<b>Force protection first</b> by " in notes
