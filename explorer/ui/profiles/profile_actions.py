"""The profile panel's commands as QActions: text, shortcut, tip, and when each one applies.

Kept apart from what the commands do so the main window can put the very same actions in its
menus (one shortcut registration each, one enabled state) and the panel stays readable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QMenu, QSizePolicy, QToolButton, QWidget

from explorer.ui.profiles.profile_list import BROKEN, LIBRARY, OTHER, STARTER

if TYPE_CHECKING:
    from explorer.ui.profiles.profile_panel import ProfilePanel


def plain(text: str) -> str:
    """Menu text without its mnemonic and ellipsis, for accessible names."""
    return text.replace("&", "").rstrip("…")


class ProfileActions:
    """Every profile command; the panel triggers them from buttons, the list and its menu."""

    def __init__(self, panel: ProfilePanel) -> None:
        self._panel = panel
        a = self._action
        p = panel
        self.new_action = a("&New profile", "Start a profile with equal weights", p.new_profile)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = a("&Open", "Put the selected profile on screen", p.open_selected)
        self.save_action = a("&Save profile", "Save the weighting on screen", p.save)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_as_action = a(
            "Save profile &as…", "Save the weighting on screen under a new name", p.save_as
        )
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.duplicate_action = a(
            "&Duplicate", "Copy the selected profile in the library", p.duplicate_selected
        )
        self.rename_action = a("&Rename…", "Rename the selected profile", p.rename_selected)
        self.rename_action.setShortcut(QKeySequence("F2"))
        self.delete_action = a(
            "De&lete", "Move the selected profile to the trash", p.delete_selected
        )
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.undo_delete_action = a(
            "&Undo delete", "Bring back the profile deleted last", p.undo_delete
        )
        self.import_action = a("&Import…", "Copy a profile file into the library", p.import_file)
        self.export_action = a(
            "&Export…",
            "Write the selected profile (for the open one: the weighting on screen) to a file",
            p.export,
        )
        self.copy_code_action = a(
            "&Copy share code",
            "Copy the weighting on screen as one line of text for e-mail or chat",
            p.copy_share_code,
        )
        self.paste_code_action = a(
            "&Paste share code…", "Open a profile from a share code", p.paste_share_code
        )
        short = {
            self.new_action: "New",
            self.save_action: "Save",
            self.save_as_action: "Save as…",
            self.copy_code_action: "Copy code",
            self.paste_code_action: "Paste code…",
        }
        for action, text in short.items():
            action.setIconText(text)  # buttons are narrow; menus show the full text
        for action in (self.new_action, self.save_action, self.save_as_action):
            panel.addAction(action)  # the shortcuts work even if no menu carries them
        for action in (self.rename_action, self.delete_action):
            # F2 and Del act on the list only: Del in the filter box must still delete text
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            panel.list.addAction(action)

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._panel)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def all(self) -> list[QAction]:
        return [
            self.new_action,
            self.open_action,
            self.save_action,
            self.save_as_action,
            self.duplicate_action,
            self.rename_action,
            self.delete_action,
            self.undo_delete_action,
            self.import_action,
            self.export_action,
            self.copy_code_action,
            self.paste_code_action,
        ]

    def update(self, kind: str | None, has_set: bool, can_undo: bool) -> None:
        """Enable what applies to the selected row (`kind`) and the set on screen."""
        for action in self.all():
            action.setEnabled(has_set)
        self.open_action.setEnabled(has_set and kind is not None)
        self.duplicate_action.setEnabled(kind in (LIBRARY, OTHER, STARTER))
        self.duplicate_action.setText("&Copy to library" if kind == STARTER else "&Duplicate")
        self.rename_action.setEnabled(kind in (LIBRARY, OTHER))
        self.delete_action.setEnabled(kind in (LIBRARY, OTHER, BROKEN))
        self.undo_delete_action.setEnabled(can_undo)

    def context_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for action in (
            self.open_action,
            self.duplicate_action,
            self.rename_action,
            self.delete_action,
            self.export_action,
            None,
            self.undo_delete_action,
            self.import_action,
            self.paste_code_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)
        return menu


def button_row(actions: list[QAction]) -> QGridLayout:
    """Equal-width buttons showing each action's (short) icon text."""
    grid = QGridLayout()
    grid.setSpacing(4)
    for column, action in enumerate(actions):
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(plain(action.text()))
        grid.addWidget(button, 0, column)
    return grid
