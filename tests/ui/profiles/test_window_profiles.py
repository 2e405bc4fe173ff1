"""The main window's profile wiring: close asks, drops import, Compare opens once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from explorer.core.profiles import ProfileLibrary
from explorer.ui.main_window import MainWindow
from explorer.ui.profiles import unsaved_prompt
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


@pytest.fixture
def window(qtbot, bundled_path: Path) -> MainWindow:
    win = MainWindow(Session(), AppSettings())
    qtbot.addWidget(win)
    win.open_path(bundled_path)
    return win


def _drop(window: MainWindow, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_close_with_unsaved_changes_can_be_cancelled(window: MainWindow, monkeypatch) -> None:
    window.show()
    window.session.set_share(window.session.decision_set.criterion_ids[0], 0.4)
    asked = []
    monkeypatch.setattr(
        unsaved_prompt,
        "ask",
        lambda parent, name: asked.append(name) or unsaved_prompt.Choice.CANCEL,
    )
    window.close()
    assert asked and window.isVisible()  # still open, nothing lost
    assert window.session.dirty


def test_dropping_a_profile_imports_and_opens_it(window: MainWindow, bundled_path: Path) -> None:
    starter = bundled_path / "profiles" / "sovereignty-first.yaml"
    _drop(window, [starter])
    assert window.session.active_profile is not None
    assert window.session.active_profile.name == "Sovereignty first"
    names = [info.name for info in ProfileLibrary().list_profiles()]
    assert "Sovereignty first" in names


def test_dropping_a_set_folder_opens_it(window: MainWindow, commute_path: Path) -> None:
    _drop(window, [commute_path])
    assert window.session.decision_set.id == "commute"


def test_profiles_menu_and_compare_window(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Profiles" in menus
    window.show_compare()
    first = window.compare_window
    window.show_compare()
    assert window.compare_window is first and first.isVisible()
    first.close()
