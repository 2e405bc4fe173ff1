"""The open set as something the window edits: in memory, on the undo stack, saved atomically.

Every edit runs through `edit`: the change is made on the core SetEditor, the loader checks the
result from memory, and only then does the session show it; a refused edit is rolled back and
its problems returned. Edits are QUndoCommands on the session's own stack, so Edit ▸ Undo steps
back through weights and set edits alike, in the order they were made. Saving commits through
the same writer the command line uses. A watcher reloads the set when its files change on disk.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from explorer import paths
from explorer.core.authoring.edit_recovery import (
    FILE_NAME,
    EditRecovery,
    discard_edits,
    write_edits,
)
from explorer.core.authoring.quote_check import UnmatchedQuote, unmatched_quotes
from explorer.core.authoring.set_editor import EditError, EditorState, SetEditor, remove_files
from explorer.core.loader import LoadResult
from explorer.core.problems import LoadError, Problem
from explorer.ui.state.session import Session
from explorer.ui.state.weight_history import WeightState

Edit = Callable[[SetEditor], Any]


class SetEdit(QUndoCommand):
    """One edit of the set; undo returns the files' contents and the weighting that went with
    them (a criterion added or removed changes how many weights there are)."""

    def __init__(
        self,
        author: SetAuthor,
        text: str,
        before: tuple[EditorState, WeightState],
        after: tuple[EditorState, WeightState],
    ) -> None:
        super().__init__(text)
        self.author, self.before, self.after = author, before, after
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied by SetAuthor.edit
            self._first = False
            return
        self.author.apply_state(*self.after)

    def undo(self) -> None:
        self.author.apply_state(*self.before)


class SetAuthor(QObject):
    dirtyChanged = Signal()
    editableChanged = Signal()
    reloadWanted = Signal()  # the set's files changed on disk (the window decides what to do)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor: SetEditor | None = None
        self.why_not_editable = "No decision set is open."
        self._replacing = False
        self._dirty = False
        self.unmatched: list[UnmatchedQuote] = []
        self.recovery_file = paths.user_data_dir() / FILE_NAME
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_disk_change)
        self.watcher.directoryChanged.connect(self._on_disk_change)
        self._disk_timer = QTimer(self)  # editors and git write in bursts: look once, after
        self._disk_timer.setSingleShot(True)
        self._disk_timer.setInterval(300)
        self._disk_timer.timeout.connect(self._check_disk)
        session.setChanged.connect(self._on_set_changed)
        # a bound slot, not a lambda: Qt drops it with this object, so the stack outliving
        # it at shutdown never calls into a deleted one
        session.undo_stack.indexChanged.connect(self._on_undo_index)

    # ---- state ---------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.editor is not None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _on_undo_index(self, _index: int) -> None:
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self.editor is not None and self.editor.dirty
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit()

    def _autosave(self) -> None:
        """After every edit, undo or redo: the unsaved edits survive a crash (see
        edit_recovery); none left, no file."""
        if self.editor is not None and self.editor.dirty:
            # a full disk must not stop editing; the next edit tries again
            with contextlib.suppress(OSError):
                write_edits(self.recovery_file, self.editor.location, self.editor.state())
        else:
            discard_edits(self.recovery_file)

    def restore_edits(self, recovery: EditRecovery) -> list[str]:
        """Put autosaved edits back on the open set (one undoable step); [] when done."""
        if self.editor is None or recovery.location != self.editor.location:
            return ["the autosaved edits are for another set"]
        before = (self.editor.state(), self.session.snapshot())
        self.editor.restore(recovery.state)
        try:
            result = self.editor.validate()
        except LoadError as exc:
            self.editor.restore(before[0])
            return [_problem_text(p) for p in exc.problems]
        self._show(result, None)
        after = (self.editor.state(), self.session.snapshot())
        self.session.undo_stack.push(SetEdit(self, "Restore unsaved edits", before, after))
        self._update_dirty()
        self._autosave()
        return []

    def _on_set_changed(self) -> None:
        if self._replacing:
            return
        ds = self.session.decision_set
        self.editor = None
        if ds is None or ds.location is None:
            self.why_not_editable = "No decision set is open."
        elif paths.is_bundled(ds.location):
            self.why_not_editable = (
                "The bundled set is not edited in place: File ▸ New decision set… can start "
                "from a copy of it."
            )
        else:
            try:
                self.editor = SetEditor.open(ds.location, search_dirs=[paths.sources_dir()])
                self.why_not_editable = ""
            except (LoadError, EditError) as exc:
                self.why_not_editable = f"The set cannot be edited: {exc}"
        # a source's text replaced on disk (re-imported, edited) can leave quotes behind
        self.unmatched = [] if ds is None else unmatched_quotes(ds)
        self._watch()
        self._update_dirty()
        self.editableChanged.emit()

    # ---- editing -------------------------------------------------------------------------
    def edit(self, text: str, change: Edit) -> list[str]:
        """Make one edit; returns [] when done, else the reasons it was refused (nothing
        changed)."""
        if self.editor is None:
            return [self.why_not_editable]
        before = (self.editor.state(), self.session.snapshot())
        created: list[Path] = []
        try:
            change(self.editor)
            created = self.editor.write_assets()  # an imported text must be there to cite
            result = self.editor.validate()
        except (EditError, LoadError, OSError) as exc:
            remove_files(created)
            self.editor.restore(before[0])
            if isinstance(exc, LoadError):
                return [_problem_text(p) for p in exc.problems]
            return [str(exc)]
        self._show(result, None)
        after = (self.editor.state(), self.session.snapshot())
        self.session.undo_stack.push(SetEdit(self, text, before, after))
        self._update_dirty()
        self._autosave()
        return []

    def check(self, change: Edit) -> list[str]:
        """What `edit` would say, without making the edit (validation as the user types)."""
        if self.editor is None:
            return [self.why_not_editable]
        before = self.editor.state()
        try:
            change(self.editor)
            self.editor.validate()
        except EditError as exc:
            return [str(exc)]
        except LoadError as exc:
            return [_problem_text(p) for p in exc.problems]
        finally:
            self.editor.restore(before)
        return []

    def apply_state(self, state: EditorState, weights: WeightState) -> None:
        """Undo/redo: put the editor and the views back to a recorded state."""
        assert self.editor is not None
        self.editor.restore(state)
        try:
            result = self.editor.validate()
        except LoadError:  # the disk changed under an old step: keep the views as they are
            return
        self._show(result, weights)
        self._update_dirty()
        self._autosave()

    def _show(self, result: LoadResult, weights: WeightState | None) -> None:
        self._replacing = True
        try:
            self.session.replace_decision_set(result.decision_set, weights, result.warnings)
        finally:
            self._replacing = False

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> list[str]:
        """Write every unsaved edit atomically; [] when saved, else why not (nothing written)."""
        if self.editor is None:
            return [self.why_not_editable]
        try:
            self.editor.commit()
        except EditError as exc:
            return [str(exc)]
        except LoadError as exc:
            return [_problem_text(p) for p in exc.problems]
        except OSError as exc:
            return [f"{exc.filename or 'the set'}: {exc.strerror or exc}"]
        self._watch()
        self._update_dirty()
        discard_edits(self.recovery_file)
        return []

    def discard(self) -> None:
        """Forget unsaved edits (the caller reloads the set from disk)."""
        if self.editor is not None:
            self.editor = None
        self._update_dirty()
        discard_edits(self.recovery_file)

    # ---- the files on disk ---------------------------------------------------------------
    def _watch(self) -> None:
        for path in self.watcher.files() + self.watcher.directories():
            self.watcher.removePath(path)
        if self.editor is None:
            return
        watched = [str(p) for p in self.editor.docs if p.exists()]
        watched.append(str(self.editor.base))
        ds = self.session.decision_set
        if ds is not None:  # a source's text changing flags the quotes it no longer has
            watched += [str(src.path) for src in ds.sources if src.path is not None]
        self.watcher.addPaths(watched)

    def _on_disk_change(self, _path: str) -> None:
        self._disk_timer.start()

    def changed_on_disk(self) -> bool:
        """Do the set's YAML files differ from what was last read or saved here?"""
        if self.editor is None:
            return False
        on_disk = {p for p in self.editor.base.iterdir() if p.suffix in {".yaml", ".yml"}}
        known = {p for p, d in self.editor.docs.items() if d.text}
        known |= self.editor.removed | {old for old, _ in self.editor.renames}
        known -= {new for _, new in self.editor.renames}
        if self.editor.is_folder and on_disk != known:
            return True
        renamed_from = {new: old for old, new in self.editor.renames}
        for path, doc in self.editor.docs.items():
            original = renamed_from.get(path, path)
            if doc.text and (
                not original.exists() or original.read_text(encoding="utf-8") != doc.text
            ):
                return True
        return False

    def _check_disk(self) -> None:
        self._watch()  # editors replace files: the watch on the old inode is gone
        ds = self.session.decision_set
        texts_changed = ds is not None and unmatched_quotes(ds) != self.unmatched
        if self.changed_on_disk() or texts_changed:
            self.reloadWanted.emit()


def _problem_text(problem: Problem) -> str:
    field = f"{problem.field}: " if problem.field else ""
    return f"{field}{problem.message}"
