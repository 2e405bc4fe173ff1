"""What every elicitation dialog shares: a live preview of the weights, and OK putting them on
the sliders through the session in one undoable step (the record goes with them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from explorer.core.elicitation.record import Elicitation
from explorer.ui.state.session import Session


class ElicitationDialog(QDialog):
    UNDO_TEXT = "Elicited weights"

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert session.decision_set is not None
        self.session = session
        self.criteria = session.decision_set.criteria
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.body = QVBoxLayout(self)
        self.preview = QLabel()
        self.preview.setAccessibleName("Weights that follow")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.message = QLabel()
        self.message.setAccessibleName("Problem with the input")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Use these weights")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        """After the subclass's own widgets: the preview, any message, the buttons."""
        self.body.addWidget(self.preview)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)
        self.update_preview()

    def record(self) -> Elicitation:
        """The elicitation as the inputs stand; ValueError with a message for the user."""
        raise NotImplementedError

    def extra_lines(self, record: Elicitation) -> list[str]:
        return []

    def update_preview(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            record = self.record()
        except ValueError as exc:
            self.preview.setText("")
            self.message.setText(str(exc))
            ok.setEnabled(False)
            return
        names = {c.id: c.name for c in self.criteria}
        lines = [f"{names[c]}: {w * 100:.1f} %" for c, w in record.weights.items()]
        self.preview.setText("\n".join(lines + self.extra_lines(record)))
        self.message.setText("")
        ok.setEnabled(True)

    def accept(self) -> None:
        try:
            record = self.record()
        except ValueError:
            return
        self.session.apply_elicitation(record, self.UNDO_TEXT)
        super().accept()
