"""Help ▸ About names the exact build: app, Qt, Python and bundled data versions."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QLabel

from explorer import __version__
from explorer.ui.help.about_dialog import AboutDialog
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


def _about_action(window: MainWindow):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.text() == "&About")


def test_help_about_opens_the_dialog_with_every_version(qtbot) -> None:
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    _about_action(window).trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in shown
    assert qVersion() in shown and PySide6.__version__ in shown
    assert platform.python_version() in shown
    assert "iraq-troop-posture 1.0" in shown
    dialog.reject()


def test_copy_details_puts_the_versions_on_the_clipboard(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Policy Options Explorer\n")
    assert f"Version: {__version__}\n" in copied
    assert f"Qt: {qVersion()} " in copied
    assert "Bundled data: iraq-troop-posture 1.0" in copied
