"""Cite…: the passage selected in the source viewer becomes evidence for a cell.

The stored quote is the source's own text (whitespace collapsed as the loader compares it), so
it is verbatim by construction; the dialog shows it as it will be stored, with its page for a
PDF source.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.authoring import operations as op
from explorer.core.authoring.quote_check import page_of, verbatim_quote
from explorer.core.authoring.set_editor import SetEditor
from explorer.ui.authoring.cell_dialog import STANCES, parse_number
from explorer.ui.authoring.live_check import LiveCheck
from explorer.ui.authoring.set_author import Edit, SetAuthor


class CiteDialog(QDialog):
    def __init__(
        self,
        author: SetAuthor,
        source_id: str,
        source_text: str,
        selection: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.author, self.source_id, self.source_text = author, source_id, source_text
        ds = author.session.decision_set
        assert ds is not None
        self.setWindowTitle(f"Cite {ds.source(source_id).title}")
        found = verbatim_quote(source_text, selection)
        self.quote = found[0] if found else ""
        page = page_of(source_text, found[1]) if found else None
        shown = f"“{self.quote}”" + (f" (page {page})" if page else "")
        self.quote_label = QLabel(shown if found else "Select a passage of the source first.")
        self.quote_label.setWordWrap(True)
        self.quote_label.setAccessibleName("Quote")
        self.option = QComboBox()
        self.criterion = QComboBox()
        for combo, items in (
            (self.option, [(o.name, o.id) for o in ds.options]),
            (self.criterion, [(c.name, c.id) for c in ds.criteria]),
        ):
            for name, key in items:
                combo.addItem(name, key)
        if author.session.selected_option in ds.option_ids:
            self.option.setCurrentIndex(ds.option_ids.index(author.session.selected_option))
        if author.session.selected_criterion in ds.criterion_ids:
            index = ds.criterion_ids.index(author.session.selected_criterion)
            self.criterion.setCurrentIndex(index)
        self.stance = QComboBox()
        self.stance.addItems(STANCES)
        self.implied = QLineEdit()
        self.implied.setPlaceholderText("optional: the score this quote alone suggests")
        for widget, name in (
            (self.option, "Option"),
            (self.criterion, "Criterion"),
            (self.stance, "Stance"),
            (self.implied, "Implied score"),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout()
        form.addRow("&Option", self.option)
        form.addRow("&Criterion", self.criterion)
        form.addRow("&Stance", self.stance)
        form.addRow("&Implied score", self.implied)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Cite")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.check = LiveCheck(author, self.make_edit, self.buttons, self)
        for combo in (self.option, self.criterion, self.stance):
            combo.currentIndexChanged.connect(self.check.schedule)
        self.implied.textChanged.connect(self.check.schedule)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self.check.run()

    def make_edit(self) -> Edit | str:
        if not self.quote:
            return "Select the passage to quote in the source viewer first."
        implied = parse_number(self.implied.text(), "implied_score", required=False)
        if isinstance(implied, str):
            return implied
        oid, cid = self.option.currentData(), self.criterion.currentData()
        sid, quote, stance, text = self.source_id, self.quote, self.stance.currentText(), ""
        text = self.source_text

        def edit(editor: SetEditor) -> None:
            op.add_evidence(editor, oid, cid, sid, quote, stance, implied, source_text=text)

        return edit

    def _accept(self) -> None:
        if self.check.apply(f"Cite in {self.option.currentText()}"):
            self.accept()
