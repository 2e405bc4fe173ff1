"""Import source…: a document's text and citation, prefilled from the file and editable.

The text and the original are written to the set's sources/ folder at once (as new files, never
over one), so the viewer can show the text to cite from; the set names them only once saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.authoring.importers import Imported
from explorer.core.authoring.set_editor import SetEditor
from explorer.core.authoring.source_store import add_imported
from explorer.ui.authoring.live_check import LiveCheck
from explorer.ui.authoring.set_author import Edit, SetAuthor

FIELDS = (
    ("id", "Source &id"),
    ("title", "&Title"),
    ("author", "&Author"),
    ("publisher", "&Publisher / outlet"),
    ("published", "Pu&blished (YYYY[-MM[-DD]])"),
    ("url", "&Address (URL)"),
    ("accessed", "A&ccessed (YYYY-MM-DD)"),
    ("position", "P&osition: what it argues"),
)


class SourceDialog(QDialog):
    def __init__(
        self,
        author: SetAuthor,
        imported: Imported,
        original: bytes,
        file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.author, self.imported, self.original, self.file = author, imported, original, file
        self.setWindowTitle(f"Import {file.name}")
        cite = imported.citation
        values = {
            "title": cite.title,
            "author": cite.author,
            "publisher": cite.publisher,
            "published": cite.published,
            "url": cite.url,
        }
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in FIELDS:
            field = QLineEdit(values.get(key, ""))
            field.setAccessibleName(label.replace("&", ""))
            field.textChanged.connect(self._schedule)
            self.fields[key] = field
            form.addRow(label, field)
        self.fields["id"].setPlaceholderText("empty: made from the title")
        self.preview = QPlainTextEdit(imported.text[:4000])
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Imported text")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.check = LiveCheck(author, self.make_edit, self.buttons, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.check.run()

    def _schedule(self, *_: object) -> None:
        self.check.schedule()

    def make_edit(self) -> Edit | str:
        values = {key: field.text().strip() for key, field in self.fields.items()}
        if not values["title"]:
            return "title: is required"
        if not values["position"]:
            return "position: is required (what the source argues, in one sentence)"
        sid = values.pop("id") or None
        position = values.pop("position")
        imported, original, name = self.imported, self.original, self.file.name

        def edit(editor: SetEditor) -> None:
            add_imported(
                editor, imported, original, name, position=position, source_id=sid, **values
            )

        return edit

    def _accept(self) -> None:
        if self.check.apply(f"Import {self.file.name}"):
            self.accept()
