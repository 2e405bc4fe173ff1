"""Editing one cell: score, low, high and rationale, and its quotes' stance or removal.

Every field is checked as it is typed with the loader's own rules and messages (a score outside
the criterion's scale, a low above the score), and the whole change is one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.authoring import operations as op
from explorer.core.authoring.set_editor import SetEditor
from explorer.ui.authoring.live_check import LiveCheck
from explorer.ui.authoring.set_author import Edit, SetAuthor

STANCES = ("supports", "contradicts")


def parse_number(text: str, name: str, required: bool) -> float | str | None:
    """A typed number, None for an empty optional field, or a message saying what is wrong."""
    text = text.strip().replace(",", ".")
    if not text:
        return f"{name}: is required" if required else None
    try:
        return float(text)
    except ValueError:
        return f"{name}: '{text}' is not a number"


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class CellDialog(QDialog):
    def __init__(
        self, author: SetAuthor, option_id: str, criterion_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.author, self.option_id, self.criterion_id = author, option_id, criterion_id
        ds = author.session.decision_set
        assert ds is not None
        cell = ds.assessment(option_id, criterion_id)
        crit = ds.criterion(criterion_id)
        self.setWindowTitle(f"Edit {ds.option(option_id).name} × {crit.name}")
        self.score = QLineEdit(_num(cell.score))
        self.low = QLineEdit(_num(cell.low if cell.low != cell.score else None))
        self.high = QLineEdit(_num(cell.high if cell.high != cell.score else None))
        self.rationale = QLineEdit(cell.rationale)
        self.score.setAccessibleName("Score")
        self.low.setAccessibleName("Low")
        self.high.setAccessibleName("High")
        self.rationale.setAccessibleName("Rationale")
        self.score.setPlaceholderText(f"{crit.scale.min:g}–{crit.scale.max:g}; empty: unassessed")
        self.low.setPlaceholderText("empty: the score")
        self.high.setPlaceholderText("empty: the score")
        form = QFormLayout()
        form.addRow("&Score", self.score)
        form.addRow("&Low", self.low)
        form.addRow("&High", self.high)
        form.addRow("&Rationale", self.rationale)

        self.evidence = QTableWidget(len(cell.evidence), 3)
        self.evidence.setAccessibleName("Quotes")
        self.evidence.setHorizontalHeaderLabels(["Source", "Quote", "Stance"])
        header = self.evidence.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._removed: list[int] = []
        self.stances: list[QComboBox] = []
        for row, item in enumerate(cell.evidence):
            for column, text in ((0, item.source), (1, item.quote)):
                cell_item = QTableWidgetItem(text)  # a quote is changed by citing anew
                cell_item.setFlags(cell_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.evidence.setItem(row, column, cell_item)
            combo = QComboBox()
            combo.addItems(STANCES)
            combo.setCurrentText(item.stance.value)
            combo.currentTextChanged.connect(self._schedule)
            self.evidence.setCellWidget(row, 2, combo)
            self.stances.append(combo)
        self._original_stances = [c.currentText() for c in self.stances]
        self.remove_quote = QPushButton("Remove &quote")
        self.remove_quote.clicked.connect(self._remove_selected)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.check = LiveCheck(author, self.make_edit, self.buttons, self)
        # a field left as it was is left alone in the file (a low written equal to the score
        # shows empty here, and must not be dropped by an edit of the rationale)
        self._initial = {f: f.text() for f in (self.score, self.low, self.high, self.rationale)}
        for field in (self.score, self.low, self.high, self.rationale):
            field.textChanged.connect(self._schedule)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.evidence, 1)
        layout.addWidget(self.remove_quote)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self.check.run()

    def _schedule(self, *_: Any) -> None:
        self.check.schedule()

    def _remove_selected(self) -> None:
        row = self.evidence.currentRow()
        if row < 0 or self.evidence.isRowHidden(row):
            return
        self.evidence.setRowHidden(row, True)
        self._removed.append(row)
        self._schedule()

    def make_edit(self) -> Edit | str:
        score = parse_number(self.score.text(), "score", required=False)
        low = parse_number(self.low.text(), "low", required=False)
        high = parse_number(self.high.text(), "high", required=False)
        for value in (score, low, high):
            if isinstance(value, str):
                return value
        rationale = self.rationale.text().strip()
        stances = [c.currentText() for c in self.stances]
        removed = sorted(self._removed, reverse=True)
        oid, cid = self.option_id, self.criterion_id

        def edit(editor: SetEditor) -> None:
            for row, (old, new) in enumerate(zip(self._original_stances, stances, strict=True)):
                if old != new:
                    op.set_evidence(editor, oid, cid, row, stance=new)
            for row in removed:
                op.remove_evidence(editor, oid, cid, row)
            changes: dict[str, Any] = {}
            for key, value, field in (
                ("score", score, self.score),
                ("low", low, self.low),
                ("high", high, self.high),
                ("rationale", rationale, self.rationale),
            ):
                if field.text() != self._initial[field]:
                    changes[key] = value
            if score is None and "score" in changes:  # unassessed: no range to keep
                changes.pop("low", None)
                changes.pop("high", None)
            op.set_cell(editor, oid, cid, **changes)

        return edit

    def _accept(self) -> None:
        ds = self.author.session.decision_set
        assert ds is not None
        name = f"{ds.option(self.option_id).name} × {ds.criterion(self.criterion_id).name}"
        if self.check.apply(f"Edit {name}"):
            self.accept()
