"""The profile library beside the charts: open, save and share whole weightings.

Nothing here is ever lost silently: switching away from unsaved changes asks first, a save that
would undo someone else's edit asks what to do, a file that does not parse is shown with its
FILE:LINE problems and never written over, and whatever did not fit when someone else's profile
was opened (criteria missing or unknown here) is spelled out. Deleting only moves to the trash.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.problems import LoadError, display_path
from explorer.core.profiles import (
    Profile,
    ProfileInfo,
    ProfileLibrary,
    ShareCodeError,
    TrashEntry,
    decode_share_code,
    load_profile,
    read_info,
    share_code,
    slug,
    starter_profiles,
    utc_now,
    write_profile,
)
from explorer.ui.profiles import profile_dialogs as dialogs
from explorer.ui.profiles import unsaved_prompt
from explorer.ui.profiles.profile_actions import ProfileActions, button_row
from explorer.ui.profiles.profile_list import BROKEN, LIBRARY, OTHER, STARTER, ProfileList
from explorer.ui.profiles.profile_list import same_file as _same_file
from explorer.ui.state.session import Session

UNTITLED = "Untitled"


class ProfilePanel(QWidget):
    """Library list plus every profile command, each a QAction the main window may reuse."""

    message = Signal(str)  # one line for the status bar after each operation

    def __init__(
        self, session: Session, parent: QWidget | None = None, library: ProfileLibrary | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library if library is not None else ProfileLibrary()
        self._infos: list[ProfileInfo] = []
        self._starters: list[ProfileInfo] = []
        self._deleted: list[TrashEntry] = []  # deleted here, newest last: what Undo brings back
        self._watcher = QFileSystemWatcher(self)  # a shared folder changes under us
        self._watcher.directoryChanged.connect(lambda _path: self.refresh())
        self.setMinimumWidth(270)
        self.setAccessibleName("Profiles")

        self.active_label = QLabel()
        self.active_label.setWordWrap(True)
        self.active_label.setAccessibleName("Open profile")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name, author or description")
        self.filter_edit.setAccessibleName("Filter profiles")
        self.filter_edit.setClearButtonEnabled(True)
        self.list = ProfileList(session)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_context_menu)
        self.list.activated.connect(lambda _index: self.open_selected())
        self.filter_edit.textChanged.connect(self.list.set_filter)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Profile status")
        self.commands = ProfileActions(self)  # not `actions`: QWidget.actions() exists
        acts = self.commands
        self.new_action, self.open_action = acts.new_action, acts.open_action
        self.save_action, self.save_as_action = acts.save_action, acts.save_as_action
        self.duplicate_action, self.rename_action = acts.duplicate_action, acts.rename_action
        self.delete_action, self.undo_delete_action = acts.delete_action, acts.undo_delete_action
        self.import_action, self.export_action = acts.import_action, acts.export_action
        self.copy_code_action = acts.copy_code_action
        self.paste_code_action = acts.paste_code_action
        self.list.selectionModel().selectionChanged.connect(self._update_actions)
        self.list.model().modelReset.connect(self._update_actions)

        layout = QVBoxLayout(self)
        layout.addWidget(self.active_label)
        layout.addLayout(button_row([self.new_action, self.save_action, self.save_as_action]))
        layout.addLayout(button_row([self.copy_code_action, self.paste_code_action]))
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addLayout(button_row([self.open_action, self.duplicate_action, self.rename_action]))
        layout.addLayout(button_row([self.delete_action, self.undo_delete_action]))
        layout.addLayout(button_row([self.import_action, self.export_action]))
        layout.addWidget(self.status_label)

        session.setChanged.connect(self.refresh)
        session.profileChanged.connect(self._show_active)
        self.refresh()
        self._show_active()

    def _show_context_menu(self, pos: QPoint) -> None:
        self.commands.context_menu(self).exec(self.list.viewport().mapToGlobal(pos))

    def _update_actions(self) -> None:
        has_set = self.session.decision_set is not None
        self.commands.update(self.list.selected_kind(), has_set, bool(self._deleted))

    # ---- the list ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the library folder and the set's starters; keeps the selection."""
        self._infos = self.library.list_profiles()
        ds = self.session.decision_set
        folder = ds.location if ds is not None else None
        self._starters = [read_info(p) for p in starter_profiles(folder)] if folder else []
        root = str(self.library.root)
        if self.library.root.is_dir() and root not in self._watcher.directories():
            self._watcher.addPath(root)
        self.list.set_profiles(self._infos, self._starters)
        self._update_actions()

    def _show_active(self) -> None:
        active = self.session.active_profile
        name = active.name if active is not None else "the set's default weights"
        unsaved = " • unsaved changes" if self.session.dirty else ""
        home = self.library.root.resolve()
        outside = active is not None and (active.path is None or active.path.parent != home)
        new = " (not in the library yet)" if outside else ""
        self.active_label.setText(f"Open: <b>{html.escape(name, quote=False)}</b>{new}{unsaved}")

    def _name_of(self, path: Path) -> str:
        info = next((i for i in self._infos + self._starters if _same_file(i.path, path)), None)
        return info.name if info is not None else path.stem

    def _done(self, path: Path | None, text: str) -> None:
        """After a library change: re-list, select what changed, say what happened."""
        self.refresh()
        self.list.select_path(path)
        self._say(text)

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.message.emit(text)

    # ---- opening -------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is safe to replace the weighting on screen (saved, or the user agreed)."""
        if self.session.decision_set is None or not self.session.dirty:
            return True
        active = self.session.active_profile
        choice = unsaved_prompt.ask(self, active.name if active is not None else UNTITLED)
        if choice is unsaved_prompt.Choice.SAVE:
            return self.save()
        return choice is unsaved_prompt.Choice.DISCARD

    def new_profile(self) -> bool:
        ds = self.session.decision_set
        if ds is None or not self.maybe_save():
            return False
        weights: dict[str, float] = {cid: 1 for cid in ds.criterion_ids}
        fresh = Profile(
            UNTITLED, ds.id, weights, self.session.method, decision_set_version=ds.version
        )
        self.session.open_profile(fresh)
        self.list.clearSelection()
        self._say("New profile with equal weights; Save keeps it in the library.")
        return True

    def open_selected(self) -> bool:
        path = self.list.selected_path()
        return self.open_path(path) if path is not None else False

    def open_path(self, path: Path) -> bool:
        """Open a profile file; one that does not parse is listed problem by problem."""
        try:
            profile = load_profile(Path(path))
        except LoadError as exc:
            dialogs.show_problems(self, display_path(Path(path)), dialogs.problems_of(exc))
            return False
        return self.open_profile(profile)

    def open_profile(self, profile: Profile) -> bool:
        """Put `profile` on screen, mapping a foreign set's criteria and saying what did not fit."""
        ds = self.session.decision_set
        if ds is None or not self.maybe_save():
            return False
        mapping = None
        if profile.decision_set != ds.id:
            mapping = dialogs.ask_mapping(self, profile, ds)
            if mapping is None:
                self._say(
                    f"“{profile.name}” was not opened: it was made for decision set "
                    f"“{profile.decision_set}”, not “{ds.id}”."
                )
                return False
            # a mapped copy must never be saved back over the other set's file
            profile = replace(profile, path=None, revision="")
        try:
            applied = self.session.open_profile(profile, mapping)
        except LoadError as exc:
            dialogs.show_problems(self, profile.name, dialogs.problems_of(exc))
            return False
        self.list.select_path(profile.path)
        report = dialogs.applied_report(applied, ds)
        if report:
            dialogs.inform(self, f"Opened “{profile.name}” with differences", report)
        fitted = " Some criteria did not fit: see the message." if report else ""
        self._say(f"Opened “{profile.name}”.{fitted}")
        return True

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        active = self.session.active_profile
        if self.session.decision_set is None:
            return False
        if active is None or (active.path is None and active.name == UNTITLED):
            return self.save_as()
        profile = self.session.current_profile()
        return self._store(profile, lambda force: self.library.save(profile, force=force))

    def save_as(self) -> bool:
        active = self.session.active_profile
        if self.session.decision_set is None:
            return False
        base = active.name if active is not None and active.name != UNTITLED else "My weighting"
        details = dialogs.ask_save_details(
            self,
            "Save profile as",
            self.library.unique_name(base),
            active.author if active is not None else "",
            active.description if active is not None else "",
        )
        if details is None:
            return False
        name = details.name
        profile = replace(
            self.session.current_profile(name=name),
            author=details.author,
            description=details.rationale,
        )
        return self._store(profile, lambda force: self.library.save_as(profile, name, force=force))

    def _store(self, profile: Profile, write: Callable[[bool], Profile]) -> bool:
        def copy() -> Profile:
            return self.library.save_as(profile, self.library.unique_name(f"{profile.name} copy"))

        saved = dialogs.write_or_ask(self, profile.name, write, copy)
        if saved is None:
            self._say(f"“{profile.name}” was not saved.")
            return False
        self.session.mark_saved(saved)
        self._done(saved.path, f"Saved “{saved.name}” in {display_path(self.library.root)}.")
        return True

    # ---- library -------------------------------------------------------------------------
    def duplicate_selected(self) -> Profile | None:
        path, kind = self.list.selected_path(), self.list.selected_kind()
        if path is None or kind not in (LIBRARY, OTHER, STARTER):
            return None
        if kind == STARTER:
            name = self.library.unique_name(self._name_of(path))
            copy = dialogs.attempt(self, lambda: self.library.import_file(path, name=name))
        else:
            copy = dialogs.attempt(self, lambda: self.library.duplicate(path.stem))
        if copy is not None:
            self._done(copy.path, f"Copied to “{copy.name}”.")
        return copy

    def rename_selected(self) -> Profile | None:
        path, kind = self.list.selected_path(), self.list.selected_kind()
        if path is None or kind not in (LIBRARY, OTHER):
            return None
        old = self._name_of(path)
        name = dialogs.ask_name(self, "Rename profile", old)
        if name is None or name == old:
            return None
        active = self.session.active_profile
        is_open = active is not None and _same_file(active.path, path)
        if is_open and not self.maybe_save():
            return None
        renamed = dialogs.attempt(self, lambda: self.library.rename(path.stem, name))
        if renamed is None:
            return None
        if is_open and self.session.dirty:  # changes were discarded: show the file as it is
            self.session.open_profile(renamed)
        elif is_open:
            self.session.mark_saved(renamed)  # the session must save to the new file from now
        self._done(renamed.path, f"Renamed “{old}” to “{renamed.name}”.")
        return renamed

    def delete_selected(self) -> bool:
        path, kind = self.list.selected_path(), self.list.selected_kind()
        if path is None or kind not in (LIBRARY, OTHER, BROKEN):
            return False
        entry = dialogs.attempt(self, lambda: self.library.delete(path.stem))
        if entry is None:
            return False
        self._deleted.append(entry)
        self._done(None, f"Moved “{entry.name}” to the trash; Undo delete brings it back.")
        return True

    def undo_delete(self) -> bool:
        if not self._deleted:
            return False
        entry = self._deleted.pop()
        info = dialogs.attempt(self, lambda: self.library.restore(entry))
        self._done(info.path if info else None, f"Restored “{info.name}”." if info else "")
        return info is not None

    def import_file(self) -> list[Profile]:
        path = dialogs.choose_open_file(self)
        return self.import_paths([path]) if path is not None else []

    def import_paths(self, paths: list[Path]) -> list[Profile]:
        """Copy profile files into the library (drag and drop lands here); one is then opened."""
        imported = [p for p in (self._import_one(Path(x)) for x in paths) if p is not None]
        self.refresh()
        if len(imported) == 1:
            self.open_profile(imported[0])
        elif imported:
            self.list.select_path(imported[-1].path)
            self._say(f"Imported {len(imported)} profiles: {', '.join(p.name for p in imported)}.")
        return imported

    def _import_one(self, path: Path) -> Profile | None:
        try:
            incoming = load_profile(path)  # the source is only ever read
        except LoadError as exc:
            title = f"Cannot import {display_path(path)}"
            dialogs.show_problems(self, title, dialogs.problems_of(exc))
            return None
        return dialogs.write_or_ask(
            self,
            incoming.name,
            lambda force: self.library.import_file(path, force=force),
            lambda: self.library.import_file(path, self.library.unique_name(incoming.name)),
        )

    def export(self) -> Path | None:
        path, active = self.list.selected_path(), self.session.active_profile
        if self.session.decision_set is None:
            return None
        if path is not None and not (active and _same_file(active.path, path)):
            profile = dialogs.attempt(self, lambda: load_profile(path), "Cannot export")
        else:  # the open profile: what is on screen, unsaved changes included
            now = utc_now()
            profile = replace(self.session.current_profile(), modified=now)
            profile = replace(profile, created=profile.created or now)
        if profile is None:
            return None
        dest = dialogs.choose_save_file(self, Path.home() / f"{slug(profile.name)}.yaml")
        if dest is None:
            return None
        written = dialogs.attempt(self, lambda: write_profile(dest, profile, overwrite=True))
        if written is None:
            return None
        self._say(f"Exported “{profile.name}” to {display_path(dest)}.")
        return dest

    def copy_share_code(self) -> str:
        if self.session.decision_set is None:
            return ""
        profile = self.session.current_profile()
        code = share_code(profile)
        QGuiApplication.clipboard().setText(code)
        self._say(f"Copied a share code for “{profile.name}” ({len(code)} characters).")
        return code

    def paste_share_code(self) -> bool:
        """Open a pasted code's profile; it is not saved until the user saves it."""
        text = dialogs.ask_share_code(self)
        if not text:
            return False
        try:
            profile = decode_share_code(text)
        except ShareCodeError as exc:
            dialogs.inform(self, "Share code not accepted", str(exc))
            self._say("The share code was not accepted; nothing changed.")
            return False
        except LoadError as exc:
            dialogs.show_problems(self, "Share code", dialogs.problems_of(exc))
            return False
        return self.open_profile(profile)
