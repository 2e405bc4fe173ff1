"""Score matrix: cells match the set, sorting follows the result, selection goes both ways."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor

from explorer.core.engine import Method
from explorer.core.robustness import lens_scores
from explorer.core.robustness.lens_summary import disagreement_level, disagreement_phrase, points
from explorer.ui import theme
from explorer.ui.matrix.matrix_colour_key import RESCORED_TEXT
from explorer.ui.matrix.score_matrix import ScoreMatrixView
from explorer.ui.matrix.score_matrix_lens import RESCORED_MARK, ColourMode, disagreement_colour
from explorer.ui.matrix.score_matrix_model import FIRST_CRITERION, RANK, THIN_MARK, TOTAL
from explorer.ui.state.session import Session

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def view(qtbot, session: Session) -> ScoreMatrixView:
    v = ScoreMatrixView(session)
    qtbot.addWidget(v)
    v.resize(900, 400)
    return v


def _cell(view: ScoreMatrixView, option: str, column: int) -> QModelIndex:
    """Proxy index of an option's row, wherever sorting has moved it."""
    model = view.matrix_model
    return model.index(model.row_of(option), column)


def _cell_colours(view: ScoreMatrixView, session: Session) -> list[QColor]:
    """The solid cell backgrounds of the rows not selected (a selected row is highlighted)."""
    model = view.model()
    out = []
    for row in range(model.rowCount()):
        if model.headerData(row, Qt.Orientation.Vertical) == _selected_name(session):
            continue
        for column in range(FIRST_CRITERION, model.columnCount()):
            brush = model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
            if isinstance(brush, QBrush) and brush.style() == Qt.BrushStyle.SolidPattern:
                out.append(brush.color())
    assert out
    return out


def _selected_name(session: Session) -> str | None:
    ds, chosen = session.decision_set, session.selected_option
    return next((o.name for o in ds.options if o.id == chosen), None)


def _crit_col(session: Session, criterion: str) -> int:
    assert session.decision_set is not None
    return FIRST_CRITERION + session.decision_set.criterion_ids.index(criterion)


def test_cells_show_scores_ranges_and_heat(view: ScoreMatrixView, session: Session) -> None:
    ds, result = session.decision_set, session.result
    assert ds is not None and result is not None
    table = view.model()
    assert table.rowCount() == 3 and table.columnCount() == 2 + 3
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers[:2] == ["Total", "Rank"]
    assert headers[2].replace("\n", " ") == "Monthly cost"
    tip = table.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "What the commuter pays each month." in tip and "Lower is better" in tip
    assert [table.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == [
        o.name for o in ds.options
    ]
    for i, option in enumerate(ds.option_ids):
        total = _cell(view, option, TOTAL)
        assert total.data() == f"{result.totals[i]:.3f}"
        assert _cell(view, option, RANK).data().lstrip("=") == str(result.ranks[i])
        for j, crit in enumerate(ds.criterion_ids):
            cell = ds.assessment(option, crit)
            index = _cell(view, option, FIRST_CRITERION + j)
            text = index.data()
            brush = index.data(Qt.ItemDataRole.BackgroundRole)
            assert isinstance(brush, QBrush)
            if cell.unassessed:
                assert text == "n/a"
                assert brush.style() == Qt.BrushStyle.BDiagPattern
                continue
            assert text.startswith(f"{cell.score:g}  [{cell.low:g}–{cell.high:g}]")
            expected = theme.heat_colour(session.theme, float(result.desirability[i, j]))
            assert brush.color() == expected
            # every commute cell cites one note only, so every scored cell is thin
            assert text.endswith(THIN_MARK)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            assert f"Weight share {result.weights[j]:.0%}" in tip
            assert f"Contribution {result.contributions[i, j]:.3f}" in tip
            assert "Thin evidence" in tip


def test_text_colour_is_readable_on_heat(view: ScoreMatrixView, session: Session) -> None:
    for option in ("bike", "car"):
        index = _cell(view, option, _crit_col(session, "cost"))
        bg = index.data(Qt.ItemDataRole.BackgroundRole).color()
        fg = index.data(Qt.ItemDataRole.ForegroundRole).color()
        assert abs(bg.lightness() - fg.lightness()) > 100


def test_sort_by_total_follows_result(qtbot, view: ScoreMatrixView, session: Session) -> None:
    ds = session.decision_set
    assert ds is not None
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(TOTAL) + header.sectionSize(TOTAL) // 2
    pos = QPoint(x, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # one click: best first
    assert header.sortIndicatorSection() == TOTAL
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def rows() -> list[str]:
        return [view.matrix_model.headerData(r, Qt.Orientation.Vertical) for r in range(3)]

    def expected() -> list[str]:
        totals = session.result.totals
        return [ds.options[i].name for i in sorted(range(3), key=lambda i: -totals[i])]

    assert rows() == expected()
    # a weight change re-sorts live, without a model reset
    resets: list[bool] = []
    view.matrix_model.modelReset.connect(lambda: resets.append(True))
    session.set_weights(np.array([0.0, 0.0, 1.0]))
    session.flush()
    assert rows() == expected()
    session.set_weights(np.array([0.0, 1.0, 0.0]))
    session.flush()
    assert rows() == expected()
    assert not resets
    totals = [float(view.matrix_model.index(r, TOTAL).data()) for r in range(3)]
    assert totals == sorted(totals, reverse=True)


def test_result_change_updates_only_total_and_rank(view: ScoreMatrixView, session: Session) -> None:
    changed: list[tuple[int, int]] = []
    view.matrix_model.dataChanged.connect(
        lambda a, b, _roles=(): changed.append((a.column(), b.column()))
    )
    session.set_method(Method.TOPSIS)
    session.flush()
    assert changed == [(TOTAL, RANK)]
    i = session.decision_set.option_ids.index("bus")
    assert _cell(view, "bus", TOTAL).data() == f"{session.result.totals[i]:.3f}"


def test_session_selection_moves_current_index(view: ScoreMatrixView, session: Session) -> None:
    session.select(option="car", criterion="time")
    current = view.currentIndex()
    assert current == _cell(view, "car", _crit_col(session, "time"))
    session.select(option="bike")
    rows = {i.row() for i in view.selectionModel().selectedIndexes()}
    assert rows == {_cell(view, "bike", TOTAL).row()}
    session.select(criterion="health")
    cols = {i.column() for i in view.selectionModel().selectedIndexes()}
    assert cols == {_crit_col(session, "health")}
    session.select()
    assert not view.selectionModel().selectedIndexes()


def test_clicking_a_cell_selects_in_session(qtbot, view: ScoreMatrixView, session: Session) -> None:
    view.show()
    qtbot.waitExposed(view)
    index = _cell(view, "bus", _crit_col(session, "cost"))
    with qtbot.waitSignal(session.selectionChanged):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert (session.selected_option, session.selected_criterion) == ("bus", "cost")
    # keyboard: moving right goes to the next criterion
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (session.selected_option, session.selected_criterion) == ("bus", "time")
    total = _cell(view, "car", TOTAL)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(total).center()
    )
    assert (session.selected_option, session.selected_criterion) == ("car", None)


def test_screenshot(qtbot, view: ScoreMatrixView, session: Session, screenshot) -> None:
    view.show()
    qtbot.waitExposed(view)
    session.select(option="bike", criterion="time")
    screenshot(view, "score_matrix_commute.png", colours=_cell_colours(view, session))


def test_screenshot_bundled(qtbot, qapp, bundled_path: Path, screenshot) -> None:
    session = Session()
    session.load(bundled_path)  # must load: a broken bundled set fails here
    view = ScoreMatrixView(session)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    screenshot(view, "score_matrix_bundled.png", colours=_cell_colours(view, session))


def test_selection_and_criterion_sort_survive_reorder(
    qtbot, view: ScoreMatrixView, session: Session
) -> None:
    ds = session.decision_set
    session.select(option="bus", criterion="cost")
    view.sortByColumn(TOTAL, Qt.SortOrder.DescendingOrder)
    for weights in ([0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]):
        session.set_weights(np.array(weights))
        session.flush()
        # the highlighted cell follows its option to its new row
        assert view.currentIndex() == _cell(view, "bus", _crit_col(session, "cost"))
        assert view.matrix_model.option_id(view.currentIndex().row()) == "bus"
    # by a criterion: best first (lowest cost), the unassessed cell would sink last
    view.sortByColumn(_crit_col(session, "cost"), Qt.SortOrder.DescendingOrder)
    names = [view.model().headerData(r, Qt.Orientation.Vertical) for r in range(3)]
    by_cost = sorted(ds.options, key=lambda o: ds.assessment(o.id, "cost").score)
    assert names == [o.name for o in by_cost]
    view.sortByColumn(_crit_col(session, "health"), Qt.SortOrder.DescendingOrder)
    assert view.model().headerData(2, Qt.Orientation.Vertical) == "Bus"  # n/a last
    # a cleared sort indicator restores the set's order
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    names = [view.model().headerData(r, Qt.Orientation.Vertical) for r in range(3)]
    assert names == [o.name for o in ds.options]


# ---- sources lens and disagreement colouring ---------------------------------------------------


@pytest.fixture
def big_view(qtbot, bundled_session: Session) -> ScoreMatrixView:
    v = ScoreMatrixView(bundled_session)
    qtbot.addWidget(v)
    v.resize(1280, 800)
    return v


def test_disagreement_mode_colours_by_spread(big_view: ScoreMatrixView, bundled_session) -> None:
    session, view = bundled_session, big_view
    ds, lens = session.decision_set, session.lens
    assert view.colour_mode is ColourMode.DESIRABILITY
    combo = view.colour_key.combo
    assert combo.accessibleName() == "Colour the score matrix by"
    combo.setCurrentIndex(combo.findData(ColourMode.DISAGREEMENT.value))  # as the user picks it
    assert view.colour_mode is ColourMode.DISAGREEMENT
    assert "Spread of the sources' implied scores, in score points" in view.colour_key.legend.text()
    assert view.colour_key.high_end.text() == "5+ pts"  # every criterion is on 0–10
    level = disagreement_level(ds, lens.disagreement)
    t = view.session.theme
    for i, option in enumerate(ds.option_ids):
        for j in range(len(ds.criteria)):
            index = _cell(view, option, FIRST_CRITERION + j)
            brush = index.data(Qt.ItemDataRole.BackgroundRole)
            assert brush.color() == disagreement_colour(t, float(level[i, j]))
            phrase = disagreement_phrase(int(lens.voices[i, j]), float(lens.disagreement[i, j]))
            assert f"Sources: {phrase}" in index.data(Qt.ItemDataRole.ToolTipRole)
    # full warning colour at 5 points apart, neutral at 0; the worst bundled cell is 4.5 apart
    assert disagreement_colour(t, 1.0) == QColor(t.contradicts)
    i, j = np.unravel_index(np.argmax(lens.disagreement), lens.disagreement.shape)
    assert lens.disagreement[i, j] == 4.5
    hot = _cell(view, ds.option_ids[i], FIRST_CRITERION + j)
    assert hot.data(Qt.ItemDataRole.BackgroundRole).color() == disagreement_colour(t, 0.9)
    spread = f"{lens.voices[i, j]} sources, {points(lens.disagreement[i, j])} points apart"
    assert spread in hot.data(Qt.ItemDataRole.ToolTipRole)
    assert disagreement_colour(t, 0.0) == QColor(t.heat_mid)
    # back to desirability: the heat colours return
    view.set_colour_mode(ColourMode.DESIRABILITY)
    assert combo.currentData() == ColourMode.DESIRABILITY.value
    heat = theme.heat_colour(t, float(session.result.desirability[i, j]))
    assert hot.data(Qt.ItemDataRole.BackgroundRole).color() == heat


def test_lens_shows_rescored_scores(big_view: ScoreMatrixView, bundled_session) -> None:
    session, view = bundled_session, big_view
    ds = session.decision_set
    editorial, lows, highs = ds.matrix()
    source = ds.sources[2].id
    session.set_source_weight(source, 0.0)
    session.flush()
    lens = lens_scores(ds, {source: 0.0})
    np.testing.assert_array_equal(session.scores, lens.scores)
    assert RESCORED_TEXT in view.colour_key.legend.text()
    marked = 0
    for i, option in enumerate(ds.option_ids):
        total = _cell(view, option, TOTAL).data()
        assert total == f"{session.result.totals[i]:.3f}"
        for j in range(len(ds.criteria)):
            index = _cell(view, option, FIRST_CRITERION + j)
            text, tip = index.data(), index.data(Qt.ItemDataRole.ToolTipRole)
            score = f"{lens.scores[i, j]:.3g}"
            if abs(lens.scores[i, j] - editorial[i, j]) > 0.005:
                marked += 1
                assert text.startswith(f"{score}{RESCORED_MARK}  [{lows[i, j]:g}–{highs[i, j]:g}]")
                assert f"rescored from the sources (editorial {editorial[i, j]:g}" in tip
            else:
                assert RESCORED_MARK not in text and text.startswith(f"{editorial[i, j]:g}")
    assert marked > 10
    # the lens off again: editorial scores, no marks, whatever the sliders still say
    session.set_lens_active(False)
    session.flush()
    assert RESCORED_TEXT not in view.colour_key.legend.text()
    for option in ds.option_ids:
        for j in range(len(ds.criteria)):
            assert RESCORED_MARK not in _cell(view, option, FIRST_CRITERION + j).data()


def test_lens_repaints_only_the_columns_it_changes(view: ScoreMatrixView, session: Session) -> None:
    """Commute: with every source trusted, only bus × time (8 written, quotes imply 8 and 6)
    changes, so only Total, Rank and the time column may be repainted."""
    changed: list[tuple[int, int]] = []
    view.matrix_model.dataChanged.connect(
        lambda a, b, _roles=(): changed.append((a.column(), b.column()))
    )
    time = _crit_col(session, "time")
    session.set_lens_active(True)
    session.flush()
    assert (time, time) in changed and (TOTAL, RANK) in changed
    assert set(changed) == {(TOTAL, RANK), (time, time)}
    assert _cell(view, "bus", time).data().startswith(f"7{RESCORED_MARK}  [6–9]")
    assert _cell(view, "car", time).data().startswith("2  [1–4]")
    # criterion weights move Total and Rank only, the lens on or off
    changed.clear()
    session.set_weights(np.array([0.2, 0.5, 0.3]))
    session.flush()
    assert changed == [(TOTAL, RANK)]


def test_disagreement_sort_puts_disputes_first(big_view: ScoreMatrixView, bundled_session) -> None:
    session, view = bundled_session, big_view
    ds, lens = session.decision_set, session.lens
    j = int(np.argmax(lens.disagreement.max(axis=0)))
    view.set_colour_mode(ColourMode.DISAGREEMENT)
    view.sortByColumn(FIRST_CRITERION + j, Qt.SortOrder.DescendingOrder)
    order = [view.matrix_model.option_id(r) for r in range(len(ds.options))]
    spreads = [lens.disagreement[ds.option_ids.index(o), j] for o in order]
    assert spreads == sorted(spreads, reverse=True)
    tip = view.model().headerData(FIRST_CRITERION + j, Qt.Orientation.Horizontal, TOOLTIP)
    assert "most disputed first" in tip


def test_colour_key_fits_its_corner(qtbot, big_view: ScoreMatrixView) -> None:
    big_view.show()
    qtbot.waitExposed(big_view)
    key = big_view.colour_key
    assert key.geometry().height() >= key.needed_height()
    assert key.geometry().width() == big_view.verticalHeader().width()
    assert key.geometry().bottom() < big_view.verticalHeader().geometry().top()
    assert key.combo.width() >= key.combo.sizeHint().width()  # the mode name is never cut


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_disagreement(qtbot, qapp, bundled_path: Path, screenshot, dark) -> None:
    session = Session()
    session.load(bundled_path)
    session.set_theme(theme.DARK if dark else theme.LIGHT)
    try:
        view = ScoreMatrixView(session)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        view.show()
        qtbot.waitExposed(view)
        view.set_colour_mode(ColourMode.DISAGREEMENT)
        session.set_source_weight(session.decision_set.sources[3].id, 0.0)
        session.flush()
        session.select(option=session.decision_set.option_ids[0], criterion="escalation_risk")
        name = f"score_matrix_disagreement_{'dark' if dark else 'light'}.png"
        screenshot(view, name, colours=_cell_colours(view, session))
    finally:
        session.set_theme(theme.LIGHT)  # the application palette too


def test_colour_mode_by_keyboard(qtbot, big_view: ScoreMatrixView) -> None:
    big_view.show()
    qtbot.waitExposed(big_view)
    with qtbot.waitActive(big_view):
        big_view.activateWindow()
    big_view.setFocus()
    qtbot.keyClick(big_view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "C&olour by"
    assert big_view.colour_key.combo.hasFocus()
    qtbot.keyClick(big_view.colour_key.combo, Qt.Key.Key_Down)
    assert big_view.colour_mode is ColourMode.DISAGREEMENT
