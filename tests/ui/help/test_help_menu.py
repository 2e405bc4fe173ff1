"""Help menu: the shortcut sheet lists the keys the window really has, and the glossary every
term the app uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from explorer.core.glossary import GLOSSARY
from explorer.ui.help import help_dialogs
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings

TERMS = (
    "weighted sum",
    "TOPSIS",
    "desirability",
    "Pareto-efficient",
    "stability band",
    "rank acceptability",
    "supports / contradicts",
)


@pytest.fixture
def window(qtbot, bundled_path: Path) -> MainWindow:
    win = MainWindow(Session(), AppSettings())
    qtbot.addWidget(win)
    assert win.open_path(bundled_path)
    return win


def help_action(window: MainWindow, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def open_sheets() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "browser")]


def test_shortcut_sheet_lists_every_menu_shortcut_and_the_presentation_keys(qtbot, window):
    help_action(window, "Keyboard shortcuts").trigger()
    (sheet,) = open_sheets()
    text = sheet.browser.toPlainText()
    rows = dict(help_dialogs.shortcut_rows(window))
    listed = dict(rows["Main window"])
    # every action in the menus with a key is on the sheet, under its menu path, with its key
    assert listed["Edit › Undo"] == "Ctrl+Z"
    assert listed["View › Present briefing"] == "F5"
    assert listed["Help › Keyboard shortcuts"] == "F1"
    assert "Profiles › Compare profiles…" in listed
    for what, keys in listed.items():
        assert what.split(" › ")[-1] in text and keys in text
    for what, keys in rows["During a presentation"]:
        assert what in text and keys in text
    assert "black screen" in text and "Ctrl+Z" in text
    sheet.close()


def test_glossary_defines_every_term(qtbot, window):
    help_action(window, "Glossary").trigger()
    (sheet,) = open_sheets()
    text = sheet.browser.toPlainText()
    defined = {term.casefold() for term, _ in GLOSSARY}
    for term in TERMS:
        assert term.casefold() in defined and term.casefold() in text.casefold()
    for _term, definition in GLOSSARY:
        assert len(definition) > 60 and definition in text
    sheet.close()
