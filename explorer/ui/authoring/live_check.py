"""Validation as the user types: the loader's own messages under a dialog's fields, and its OK
button enabled only when the edit would be accepted.

Checking runs the real edit on the set in memory (SetAuthor.check), debounced so a fast typist
does not pay for one load per key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from explorer.ui.authoring.set_author import Edit, SetAuthor

DEBOUNCE_MS = 120


class LiveCheck(QLabel):
    def __init__(
        self,
        author: SetAuthor,
        make_edit: Callable[[], Edit | str],
        buttons: QDialogButtonBox,
        parent: QWidget | None = None,
    ) -> None:
        """`make_edit` builds the edit from the fields, or returns a message when the fields
        themselves are not yet readable (a score that is not a number)."""
        super().__init__(parent)
        self.author, self.make_edit, self.buttons = author, make_edit, buttons
        self.setWordWrap(True)
        self.setAccessibleName("Problems with this edit")
        self.setStyleSheet(f"color: {author.session.theme.contradicts};")
        self.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.problems: list[str] = []

    def schedule(self, *_: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.timer.start()

    def run(self) -> list[str]:
        self.timer.stop()
        edit = self.make_edit()
        self.problems = [edit] if isinstance(edit, str) else self.author.check(edit)
        self.setText("\n".join(self.problems))
        self.setVisible(bool(self.problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.problems)
        return self.problems

    def apply(self, text: str) -> bool:
        """OK pressed: check once more, then make the edit as one undoable step named `text`.
        False (with the problems shown) when the check or the save refused it."""
        if self.run():
            return False
        edit = self.make_edit()
        assert not isinstance(edit, str)  # run() above found no problem
        problems = self.author.edit(text, edit)
        if problems:
            self.setText("\n".join(problems))
            self.setVisible(True)
            return False
        return True
