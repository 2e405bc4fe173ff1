"""Every weight change is undoable; one slider drag is one step; Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.ui.main_window import MainWindow
from explorer.ui.panels.weights_panel import WeightsPanel
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


def test_one_slider_drag_is_one_undo_step(session: Session, qtbot) -> None:
    panel = WeightsPanel(session)
    qtbot.addWidget(panel)
    slider = panel.slider("cost")
    start = session.shares
    slider.sliderPressed.emit()
    for value in (350, 400, 450, 500, 550):
        slider.setValue(value)
    slider.sliderReleased.emit()
    assert session.shares[0] == pytest.approx(0.55)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert np.allclose(session.shares, start)
    assert slider.value() == round(start[0] * 1000)  # the control follows the undo
    session.undo_stack.redo()
    assert session.shares[0] == pytest.approx(0.55)


def test_separate_changes_are_separate_steps_and_cover_locks_and_method(session: Session) -> None:
    session.set_share("cost", 0.5)
    session.set_locked("time", True)
    session.set_method("topsis")
    session.equal_weights()
    assert session.undo_stack.count() == 4
    session.undo_stack.undo()
    assert session.shares[0] == pytest.approx(0.5)
    session.undo_stack.undo()
    assert session.method.value == "wsm"
    session.undo_stack.undo()
    assert not session.locked[1]
    session.undo_stack.undo()
    assert np.allclose(session.shares, 1 / 3)
    session.flush()
    assert session.result.weights == pytest.approx([1 / 3] * 3)  # the engine follows too


def test_no_op_changes_make_no_steps_and_new_set_clears_history(
    session: Session, commute_path
) -> None:
    session.set_share("cost", session.shares[0])
    assert session.undo_stack.count() == 0
    session.set_share("cost", 0.6)
    session.load(commute_path)
    assert session.undo_stack.count() == 0


def test_shortcuts_undo_and_redo_in_the_window(qtbot, commute_path) -> None:
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(commute_path)
    window.session.set_share("cost", 0.6)
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    window.undo_action.trigger()
    assert window.session.shares[0] == pytest.approx(1 / 3)
    window.redo_action.trigger()
    assert window.session.shares[0] == pytest.approx(0.6)
