"""File ▸ New decision set…: the question, criteria and options, or a template or copy.

The window shows complete sets only, so a set started empty needs at least one criterion and
one option here; everything else (sources, quotes, scores) is added once it is open.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer import paths
from explorer.core.authoring import operations as op
from explorer.core.authoring.new_set import copy_set, new_set
from explorer.core.authoring.set_editor import EditError
from explorer.core.loader import load_decision_set
from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError
from explorer.ui import theme

CRITERION_COLUMNS = ["Name", "Definition", "Direction", "Min", "Max", "Min means", "Max means",
                     "Group"]  # fmt: skip
OPTION_COLUMNS = ["Name", "Summary", "Actions (one per line)"]
DIRECTIONS = ("higher_is_better", "lower_is_better")


class NewSetDialog(QDialog):
    def __init__(
        self,
        open_set: DecisionSet | None,
        active_theme: theme.Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_set = open_set
        self.created: Path | None = None
        self.setWindowTitle("New decision set")
        self.folder = QLineEdit()
        self.folder.setAccessibleName("Folder")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.question = QLineEdit()
        self.question.setAccessibleName("Question")
        form = QFormLayout()
        form.addRow("Folder", row)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Question", self.question)

        self.empty = QRadioButton("Start &empty (criteria and options below)")
        self.template = QRadioButton("Start from a small &template (2 criteria, 2 options)")
        copy_name = open_set.title if open_set else "no set open"
        self.copy = QRadioButton(f"Start as a &copy of the open set ({copy_name})")
        self.copy.setEnabled(open_set is not None and open_set.location is not None)
        self.start = QButtonGroup(self)
        for button in (self.empty, self.template, self.copy):
            self.start.addButton(button)
        self.empty.setChecked(True)
        self.start.buttonToggled.connect(self._start_changed)

        self.criteria = QTableWidget(0, len(CRITERION_COLUMNS))
        self.criteria.setAccessibleName("Criteria")
        self.criteria.setHorizontalHeaderLabels(CRITERION_COLUMNS)
        self.options = QTableWidget(0, len(OPTION_COLUMNS))
        self.options.setAccessibleName("Options")
        self.options.setHorizontalHeaderLabels(OPTION_COLUMNS)
        for table in (self.criteria, self.options):
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_criterion_button = QPushButton("Add c&riterion")
        self.add_criterion_button.clicked.connect(self.add_criterion_row)
        self.add_option_button = QPushButton("Add &option")
        self.add_option_button.clicked.connect(self.add_option_row)
        self.remove_row_button = QPushButton("Remove selected ro&w")
        self.remove_row_button.clicked.connect(self._remove_row)
        table_buttons = QHBoxLayout()
        for push in (self.add_criterion_button, self.add_option_button, self.remove_row_button):
            table_buttons.addWidget(push)
        table_buttons.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {active_theme.contradicts};")
        self.message.setAccessibleName("Problems")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for button in (self.empty, self.template, self.copy):
            layout.addWidget(button)
        layout.addWidget(QLabel("Criteria"))
        layout.addWidget(self.criteria, 1)
        layout.addWidget(QLabel("Options"))
        layout.addWidget(self.options, 1)
        layout.addLayout(table_buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    # ---- the tables ----------------------------------------------------------------------
    def add_criterion_row(self) -> int:
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        for column, text in ((3, "0"), (4, "10")):
            self.criteria.setItem(row, column, QTableWidgetItem(text))
        direction = QComboBox()
        direction.addItems(DIRECTIONS)
        direction.setAccessibleName("Direction")
        self.criteria.setCellWidget(row, 2, direction)
        return row

    def add_option_row(self) -> int:
        row = self.options.rowCount()
        self.options.insertRow(row)
        return row

    def _remove_row(self) -> None:
        for table in (self.criteria, self.options):
            if table.hasFocus() and table.currentRow() >= 0:
                table.removeRow(table.currentRow())

    def _start_changed(self) -> None:
        by_hand = self.empty.isChecked()
        for widget in (
            self.criteria,
            self.options,
            self.add_criterion_button,
            self.add_option_button,
            self.remove_row_button,
        ):
            widget.setEnabled(by_hand)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the new set", str(Path.home()))
        if folder:
            self.folder.setText(folder)

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    # ---- creating ------------------------------------------------------------------------
    def _accept(self) -> None:
        try:
            folder = self.create_set()
        except (EditError, LoadError, ValueError, OSError) as exc:
            self.message.setText(str(exc))
            return
        self.created = folder
        self.accept()

    def create_set(self) -> Path:
        folder_text = self.folder.text().strip()
        if not folder_text:
            raise ValueError("Choose a folder for the new set.")
        folder = Path(folder_text)
        title, question = self.title_edit.text().strip(), self.question.text().strip()
        if self.copy.isChecked():
            assert self.open_set is not None and self.open_set.location is not None
            location = self.open_set.location
            loaded = load_decision_set(
                location, strict=paths.is_bundled(location), search_dirs=[paths.sources_dir()]
            )
            copy_set(loaded, folder, title=title or None)
            return folder
        if not title or not question:
            raise ValueError("A set needs a title and a question.")
        if self.template.isChecked():
            new_set(folder, title, question, template=True)
            return folder
        criteria = [self._criterion(row) for row in range(self.criteria.rowCount())]
        options = [self._option(row) for row in range(self.options.rowCount())]
        if not criteria or not options:
            raise ValueError("Add at least one criterion and one option (or use the template).")
        editor = new_set(folder, title, question)
        try:
            taken: list[str] = []
            for name, definition, direction, lo, hi, lo_label, hi_label, group in criteria:
                cid = op.unique_id(op.slug(name), taken)
                taken.append(cid)
                op.add_criterion(
                    editor,
                    cid,
                    name,
                    definition,
                    direction,
                    scale_min=lo,
                    scale_max=hi,
                    min_label=lo_label,
                    max_label=hi_label,
                    group=group,
                )
            taken = []
            for name, summary, actions in options:
                oid = op.unique_id(op.slug(name), taken)
                taken.append(oid)
                op.add_option(editor, oid, name, summary, actions=actions)
            editor.commit()
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)  # new_set made it: it was empty or absent
            raise
        return folder

    def _criterion(self, row: int) -> tuple:
        name = self._cell(self.criteria, row, 0)
        definition = self._cell(self.criteria, row, 1)
        if not name or not definition:
            raise ValueError(f"Criterion {row + 1} needs a name and a definition.")
        combo = self.criteria.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        try:
            lo = float(self._cell(self.criteria, row, 3) or 0)
            hi = float(self._cell(self.criteria, row, 4) or 10)
        except ValueError:
            raise ValueError(
                f"Criterion {row + 1}: the scale's min and max must be numbers."
            ) from None
        labels = [self._cell(self.criteria, row, c) for c in (5, 6, 7)]
        return (name, definition, combo.currentText(), lo, hi, *labels)

    def _option(self, row: int) -> tuple:
        name = self._cell(self.options, row, 0)
        summary = self._cell(self.options, row, 1)
        if not name or not summary:
            raise ValueError(f"Option {row + 1} needs a name and a summary.")
        actions = [a.strip() for a in self._cell(self.options, row, 2).splitlines() if a.strip()]
        return (name, summary, actions)
