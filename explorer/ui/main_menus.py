"""The main window's menu bar and toolbar: every command a user can reach by keyboard.

Kept out of main_window.py, which owns layout and persistence; the commands themselves live
on the window, its views and the session.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from explorer import paths
from explorer.ui.elicitation.menu import add_elicitation_actions
from explorer.ui.help import help_dialogs
from explorer.ui.help.about_dialog import show_about

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow

THEME_CHOICES = (
    ("system", "Follow &system"),
    ("light", "&Light"),
    ("dark", "&Dark"),
    ("projector", "&Projector (high contrast)"),
)


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _=False: slot())
    return action


def build_menus(window: MainWindow) -> None:
    _file_menu(window)
    _edit_menu(window)
    _view_menu(window)
    _toolbar(window)
    weights = window.menuBar().addMenu("&Weights")
    add_elicitation_actions(weights, window.session, window)
    profiles = window.menuBar().addMenu("&Profiles")
    for action in window.profile_panel.commands.all():
        profiles.addAction(action)
    profiles.addSeparator()
    profiles.addAction(make_action(window, "&Compare profiles…", window.show_compare, "Ctrl+K"))
    help_menu = window.menuBar().addMenu("&Help")
    for text, sheet, key in help_dialogs.SHEETS:
        help_menu.addAction(
            make_action(window, text, partial(help_dialogs.open_sheet, sheet, window), key)
        )
    help_menu.addAction(make_action(window, "&About", lambda: show_about(window)))


def _file_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&File")
    menu.addAction(
        make_action(window, "&Open decision set…", window.choose_set, QKeySequence.StandardKey.Open)
    )
    menu.addAction(
        make_action(window, "Open decision set &folder…", window.choose_folder, "Ctrl+Shift+O")
    )
    window.recent_menu = menu.addMenu("Open &recent")
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window, window.recent_menu))
    menu.addAction(
        make_action(window, "Open &bundled set", lambda: window.open_path(paths.bundled_set()))
    )
    menu.addAction(make_action(window, "Re&load", window.reload, "Ctrl+R"))
    menu.addSeparator()
    export = menu.addMenu("&Export")
    for action in window.exports.all():
        if action is window.exports.print:
            continue
        export.addAction(action)
    menu.addAction(window.exports.print)
    menu.addSeparator()
    menu.addAction(make_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit))


def _edit_menu(window: MainWindow) -> None:
    edit = window.menuBar().addMenu("&Edit")
    undo = window.session.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = window.session.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
    edit.addAction(undo)
    edit.addAction(redo)
    window.undo_action, window.redo_action = undo, redo


def _view_menu(window: MainWindow) -> None:
    view = window.menuBar().addMenu("&View")
    for i in range(window.tabs.count()):
        name = window.tabs.tabText(i)
        view.addAction(
            make_action(window, name, partial(window.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}")
        )
    view.addSeparator()
    window.present_action = make_action(window, "&Present briefing", window.present, "F5")
    window.present_action.setToolTip("Present the briefing full screen (F5); Esc leaves")
    view.addAction(window.present_action)
    view.addAction(make_action(window, "Arrange s&lides and notes…", window.arrange_slides))
    view.addSeparator()
    theme_menu = view.addMenu("T&heme")
    group = QActionGroup(window)
    for key, label in THEME_CHOICES:
        action = make_action(window, label, partial(window.set_theme, key))
        action.setCheckable(True)
        action.setChecked(window.settings.theme == key)
        group.addAction(action)
        theme_menu.addAction(action)
    view.addSeparator()
    view.addAction(make_action(window, "&Equal weights", window.session.equal_weights, "Ctrl+E"))
    view.addAction(
        make_action(window, "Re&set weights", window.session.reset_weights, "Ctrl+Shift+R")
    )


def _toolbar(window: MainWindow) -> None:
    """The few commands a briefer reaches for mid-meeting, one click away."""
    bar = window.addToolBar("Briefing")
    bar.setObjectName("briefing-toolbar")  # saveState needs a name to restore it
    bar.setAccessibleName("Briefing toolbar")
    bar.setMovable(False)
    for action in _fixed_width_history(window):
        bar.addAction(action)
    bar.addSeparator()
    bar.addAction(window.present_action)
    bar.addAction(window.exports.pdf)


class _HistoryAction(QAction):
    """Undo or Redo for the toolbar, labelled just that: the menu's "Undo Weight of
    Counter-Islamic State effectiveness" pushed Present and PDF off a narrow toolbar. What
    would be undone is in the tooltip. (Slots are methods, so they go with the action.)"""

    def __init__(self, verb: str, parent: QWidget) -> None:
        super().__init__(verb, parent)
        self._verb = verb

    def show_what(self, what: str) -> None:
        self.setToolTip(f"{self._verb}: {what}" if what else self._verb)


def _fixed_width_history(window: MainWindow) -> tuple[QAction, QAction]:
    stack = window.session.undo_stack
    undo, redo = _HistoryAction("Undo", window), _HistoryAction("Redo", window)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    stack.undoTextChanged.connect(undo.show_what)
    stack.redoTextChanged.connect(redo.show_what)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    undo.show_what(stack.undoText())
    redo.show_what(stack.redoText())
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    window.toolbar_undo, window.toolbar_redo = undo, redo
    return undo, redo


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for path in window.settings.recent_sets:
        menu.addAction(make_action(window, path, partial(window.open_path, Path(path))))
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)
