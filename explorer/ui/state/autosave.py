"""Autosaving the working weighting every few seconds, and offering it back after a crash.

Only unsaved work is written (a saved or untouched weighting has nothing to lose), and a clean
exit removes the file, so finding it at start-up means the last session ended abnormally.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.core.recovery import Recovery, discard_recovery, write_recovery
from explorer.ui.state.session import Session

DEFAULT_INTERVAL_MS = 3000


def interval_ms() -> int:
    return int(os.environ.get("POLICY_EXPLORER_AUTOSAVE_MS", DEFAULT_INTERVAL_MS))


class Autosave(QObject):
    def __init__(self, session: Session, file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.file = file
        self._changed = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms())
        self._timer.timeout.connect(self.save_now)
        session.weightsChanged.connect(self._mark)
        session.profileChanged.connect(self._mark)
        self._timer.start()

    def _mark(self) -> None:
        self._changed = True

    def save_now(self) -> None:
        """Write the working state if it changed since the last write (or remove it if clean)."""
        if not self._changed or self.session.decision_set is None:
            return
        if self.session.in_gesture:  # no disk write (fsync) under a dragging hand
            return
        self._changed = False
        ds = self.session.decision_set
        if not self.session.dirty or ds.location is None:
            discard_recovery(self.file)
            return
        active = self.session.active_profile
        source = active.path if active is not None else None
        write_recovery(self.file, self.session.current_profile(), ds.location, source)

    def stop_clean(self) -> None:
        """A clean exit: nothing needs recovering next time."""
        self._timer.stop()
        discard_recovery(self.file)


def ask_restore(parent: QWidget | None, recovery: Recovery) -> bool:
    """Tests monkeypatch this instead of answering a modal dialog."""
    answer = QMessageBox.question(
        parent,
        "Restore unsaved work?",
        f"The last session ended without saving the weighting “{recovery.profile.name}” "
        f"(autosaved {recovery.saved_at}). Restore it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def restore(session: Session, recovery: Recovery) -> None:
    """Put the recovered weighting on screen as unsaved changes to the profile it came from,
    through the one path every profile takes (credibilities, lens and deck included)."""
    from explorer.core.profiles import load_profile

    if recovery.profile_path is not None and recovery.profile_path.exists():
        session.open_profile(load_profile(recovery.profile_path))
    session.apply_unsaved(recovery.profile, "Restore unsaved work")
