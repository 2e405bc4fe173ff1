"""The window's authoring commands: File ▸ New decision set…, the Set menu, Cite… in the source
viewer, Edit cell… from the matrix (double-click) and the evidence panel, saving, the unsaved
mark and the question on close, and reloading when the set's files change on disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton

from explorer.core.authoring import operations as op
from explorer.core.authoring.edit_recovery import discard_edits, read_edits
from explorer.core.authoring.importers import SUFFIXES, ImportFailed, import_file
from explorer.core.authoring.set_editor import SetEditor
from explorer.ui.authoring.cell_dialog import CellDialog
from explorer.ui.authoring.cite_dialog import CiteDialog
from explorer.ui.authoring.new_set_dialog import NewSetDialog
from explorer.ui.authoring.set_author import SetAuthor
from explorer.ui.authoring.source_dialog import SourceDialog

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow

KINDS = {"option": "options", "criterion": "criteria", "source": "sources"}


class AuthoringActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.author = SetAuthor(window.session, window)
        self.author.dirtyChanged.connect(window._update_title)
        self.author.editableChanged.connect(self._update_enabled)
        self.author.editableChanged.connect(self._flag_unmatched)
        self.author.reloadWanted.connect(self._reload_from_disk)
        self.new_action = self._action("&New decision set…", self.new_set, "Ctrl+Alt+N")
        self.save_action = self._action("Sa&ve decision set", self.save, "Ctrl+Alt+S")
        self.import_action = self._action("&Import source…", self.import_source, "Ctrl+Alt+I")
        self.cell_action = self._action("&Edit cell…", self.edit_cell, "Ctrl+Alt+E")
        self.cite_button = QPushButton("C&ite selection…")
        self.cite_button.setAccessibleName("Cite the selected passage")
        self.cite_button.clicked.connect(self.cite_selection)
        window.source_viewer.buttons.insertWidget(2, self.cite_button)
        self.cell_button = QPushButton("Edit &cell…")
        self.cell_button.setAccessibleName("Edit the selected cell")
        self.cell_button.clicked.connect(self.edit_cell)
        window.evidence_panel.footer.addWidget(self.cell_button)
        window.evidence_panel.footer.addStretch(1)
        window.score_matrix.doubleClicked.connect(lambda _: self.edit_cell())
        window.session.selectionChanged.connect(self._update_enabled)
        self.structure: list[QAction] = []
        self._update_enabled()

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        return action

    def build_menu(self, file_menu: QMenu) -> QMenu:
        """The New and Save entries go at the top of File; the rest make the Set menu."""
        actions = file_menu.actions()
        if actions:
            file_menu.insertActions(actions[0], [self.new_action, self.save_action])
        else:
            file_menu.addActions([self.new_action, self.save_action])
        menu = self.window.menuBar().addMenu("Se&t")
        menu.addAction(self.import_action)
        menu.addAction(self.cell_action)
        menu.addSeparator()
        for kind in KINDS:
            menu.addAction(self._action(f"Add {kind}…", partial(self.add, kind)))
        for verb, slot in (("Rename", self.rename), ("Remove", self.remove)):
            for kind in KINDS:
                menu.addAction(self._action(f"{verb} {kind}…", partial(slot, kind)))
        for kind in KINDS:
            menu.addAction(self._action(f"Move {kind} earlier…", partial(self.move, kind, -1)))
            menu.addAction(self._action(f"Move {kind} later…", partial(self.move, kind, 1)))
        self.structure = [a for a in menu.actions() if not a.isSeparator()]
        self._update_enabled()
        return menu

    def _update_enabled(self) -> None:
        editable = self.author.editable
        session = self.window.session
        cell = session.selected_option is not None and session.selected_criterion is not None
        for action in [self.save_action, self.import_action, *self.structure]:
            action.setEnabled(editable)
            action.setToolTip("" if editable else self.author.why_not_editable)
        self.cell_action.setEnabled(editable and cell)
        self.cell_button.setEnabled(editable and cell)
        self.cell_button.setToolTip(self.author.why_not_editable if not editable else "")
        self.cite_button.setEnabled(editable)
        self.cite_button.setToolTip(self.author.why_not_editable if not editable else "")

    def _flag_unmatched(self) -> None:
        """Quotes a source's current text no longer contains, said where the analyst looks."""
        unmatched = self.author.unmatched
        if not unmatched:
            return
        first = unmatched[0]
        self.window.statusBar().showMessage(
            f"⚠ {len(unmatched)} quote(s) no longer match their source's text "
            f"(first: {first.option} × {first.criterion}, source {first.source})",
            30000,
        )

    def _refused(self, what: str, problems: list[str]) -> None:
        if problems:
            QMessageBox.warning(self.window, what, "\n".join(problems))

    # ---- new, save, close ----------------------------------------------------------------
    def new_set(self) -> NewSetDialog:
        dialog = NewSetDialog(
            self.window.session.decision_set, self.window.session.theme, self.window
        )
        dialog.accepted.connect(lambda: self._open_new(dialog))
        dialog.open()
        return dialog

    def _open_new(self, dialog: NewSetDialog) -> None:
        if dialog.created is not None and self.maybe_save():
            self.window.open_path(dialog.created)

    def offer_recovery(self) -> None:
        """After a crash, offer the autosaved edits to a set back (called once shown)."""
        recovery = read_edits(self.author.recovery_file)
        if recovery is None:
            return
        answer = QMessageBox.question(
            self.window,
            "Unsaved edits found",
            f"Edits to the decision set in {recovery.location} were not saved when the app "
            "last closed. Restore them?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            discard_edits(self.author.recovery_file)
            return
        ds = self.window.session.decision_set
        if (ds is None or ds.location != recovery.location) and not self.window.open_path(
            recovery.location
        ):
            return
        self._refused("Edits not restored", self.author.restore_edits(recovery))

    def save(self) -> bool:
        problems = self.author.save()
        self._refused("Not saved", problems)
        if not problems:
            self.window.statusBar().showMessage("Decision set saved", 5000)
        return not problems

    def maybe_save(self) -> bool:
        """Before closing or replacing the set: save, discard or stay (False = stay)."""
        if not self.author.dirty:
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved edits to the decision set",
            "The decision set has edits that are not saved. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.author.discard()
            return True
        return False

    def _reload_from_disk(self) -> None:
        if self.author.dirty:
            answer = QMessageBox.question(
                self.window,
                "The decision set changed on disk",
                "Its files were changed by another program. Reload them and lose the edits "
                "made here?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.author.discard()
        self.window.reload()

    # ---- sources and quotes --------------------------------------------------------------
    def import_source(self, file: Path | None = None) -> SourceDialog | None:
        if file is None:
            patterns = " ".join(f"*{s}" for s in SUFFIXES)
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Import source", str(Path.home()), f"Documents ({patterns})"
            )
            if not name:
                return None
            file = Path(name)
        try:
            imported, raw = import_file(file)
        except ImportFailed as exc:
            self._refused(f"Cannot import {file.name}", [str(exc)])
            return None
        dialog = SourceDialog(self.author, imported, raw, file, self.window)
        dialog.open()
        return dialog

    def cite_selection(self) -> CiteDialog | None:
        viewer = self.window.source_viewer
        if viewer.source is None or not viewer.source_text:
            self._refused("Cite", ["Open a source and select the passage to quote."])
            return None
        source_id = viewer.source.id
        dialog = CiteDialog(
            self.author, source_id, viewer.source_text, viewer.selected_text(), viewer
        )
        dialog.accepted.connect(lambda: viewer.show_source(source_id))
        dialog.open()
        return dialog

    def edit_cell(self) -> CellDialog | None:
        session = self.window.session
        opt, crit = session.selected_option, session.selected_criterion
        if not self.author.editable or opt is None or crit is None:
            return None
        dialog = CellDialog(self.author, opt, crit, self.window)
        dialog.open()
        return dialog

    # ---- structure -----------------------------------------------------------------------
    def _choose(self, kind: str, verb: str) -> str | None:
        ds = self.window.session.decision_set
        if ds is None:
            return None
        entities: Sequence[Any] = {
            "option": ds.options,
            "criterion": ds.criteria,
            "source": ds.sources,
        }[kind]
        labels = [
            f"{getattr(e, 'name', None) or getattr(e, 'title', '')} ({e.id})" for e in entities
        ]
        label, ok = QInputDialog.getItem(
            self.window, f"{verb} {kind}", kind.capitalize(), labels, 0, False
        )
        if not ok:
            return None
        return entities[labels.index(label)].id

    def add(self, kind: str) -> None:
        if kind == "source":
            self.import_source()
            return
        name, ok = QInputDialog.getText(self.window, f"Add {kind}", "Name")
        if not ok or not name.strip():
            return
        second = "Summary" if kind == "option" else "Definition"
        text, ok = QInputDialog.getText(self.window, f"Add {kind}", second)
        if not ok:
            return
        direction = "higher_is_better"
        if kind == "criterion":
            direction, ok = QInputDialog.getItem(
                self.window,
                "Add criterion",
                "Direction",
                ["higher_is_better", "lower_is_better"],
                0,
                False,
            )
            if not ok:
                return

        def change(editor: SetEditor) -> None:
            if kind == "option":
                taken = [str(o.data.get("id")) for o in editor.options(touch=False)]
                op.add_option(
                    editor, op.unique_id(op.slug(name), taken), name.strip(), text.strip()
                )
            else:
                cid = op.unique_id(op.slug(name), editor.criterion_ids())
                op.add_criterion(editor, cid, name.strip(), text.strip(), direction)

        self._refused(f"Add {kind}", self.author.edit(f"Add {kind} {name.strip()}", change))

    def rename(self, kind: str) -> None:
        entity = self._choose(kind, "Rename")
        if entity is None:
            return
        field = "title" if kind == "source" else "name"
        name, ok = QInputDialog.getText(self.window, f"Rename {kind}", f"New {field}")
        if not ok or not name.strip():
            return

        def change(editor: SetEditor) -> None:
            if kind == "option":
                op.set_option(editor, entity, "name", name.strip())
            elif kind == "criterion":
                op.set_criterion(editor, entity, "name", name.strip())
            else:
                op.set_source(editor, entity, "title", name.strip())

        self._refused(f"Rename {kind}", self.author.edit(f"Rename {kind}", change))

    def remove(self, kind: str) -> None:
        entity = self._choose(kind, "Remove")
        if entity is None:
            return

        def change(editor: SetEditor) -> None:
            if kind == "option":
                op.remove_option(editor, entity)
            elif kind == "criterion":
                op.remove_criterion(editor, entity)
            else:
                op.remove_source(editor, entity, drop_quotes=True)

        if kind == "source" and self.author.editor is not None:
            quotes = len(op.citing(self.author.editor, entity))
            if (
                quotes
                and QMessageBox.question(
                    self.window,
                    "Remove source",
                    f"{quotes} quote(s) cite this source; they are removed with it. Go on?",
                )
                != QMessageBox.StandardButton.Yes
            ):
                return

        self._refused(f"Remove {kind}", self.author.edit(f"Remove {kind} {entity}", change))

    def move(self, kind: str, step: int) -> None:
        entity = self._choose(kind, "Move")
        ds = self.window.session.decision_set
        if entity is None or ds is None:
            return
        ids = {
            "option": ds.option_ids,
            "criterion": ds.criterion_ids,
            "source": [s.id for s in ds.sources],
        }[kind]
        position = max(0, ids.index(entity) + step)

        def change(editor: SetEditor) -> None:
            if kind == "option":
                op.move_option(editor, entity, position)
            else:
                op.move(editor, KINDS[kind], entity, position)

        self._refused(f"Move {kind}", self.author.edit(f"Move {kind}", change))
