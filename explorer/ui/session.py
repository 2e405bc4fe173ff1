"""The one shared state object every view is built over.

UI → model goes through the methods here; model → UI goes through these Qt signals only. Views
read the public properties (decision_set, result, shares, …) and never compute scores. A burst of
weight changes (a slider drag) is coalesced: the engine runs once per event-loop turn, on the
latest weights, so work never queues up behind the mouse.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from explorer import paths
from explorer.core import weights as weight_rules
from explorer.core.engine import Method, Result, ScoreMatrix, evaluate
from explorer.core.loader import LoadResult, load_decision_set
from explorer.core.model import DecisionSet
from explorer.core.problems import Problem
from explorer.core.profiles import AppliedProfile, Profile, apply_profile, profile_from_weights
from explorer.ui.weight_history import WeightChange, WeightState


class Session(QObject):
    setChanged = Signal()  # a new decision set: views rebuild their items
    weightsChanged = Signal()  # shares, locks or method changed: controls sync
    resultChanged = Signal()  # a new engine result: charts update in place
    selectionChanged = Signal()  # selected option and/or criterion
    profileChanged = Signal()  # the active profile, or whether the weighting differs from it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._set: DecisionSet | None = None
        self._matrix: ScoreMatrix | None = None
        self._shares = np.zeros(0)
        self._reference = np.zeros(0)
        self._locked = np.zeros(0, dtype=bool)
        self._method = Method.WSM
        self._result: Result | None = None
        self._previous_ranks: np.ndarray | None = None
        self._selected_option: str | None = None
        self._selected_criterion: str | None = None
        self._warnings: list[Problem] = []
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._recompute)
        self.undo_stack = QUndoStack(self)  # Edit ▸ Undo/Redo act on the weighting
        self._profile: Profile | None = None
        self._saved: WeightState | None = None  # the weighting as last opened or saved
        self._dirty = False
        self._gesture: int | None = None
        self._gestures = 0

    # ---- loading -------------------------------------------------------------------------
    def load(self, path: Path) -> LoadResult:
        """Load a set; on LoadError the current set stays exactly as it was."""
        path = Path(path)
        result = load_decision_set(
            path, strict=paths.is_bundled(path), search_dirs=[paths.sources_dir()]
        )
        self._warnings = result.warnings
        self.set_decision_set(result.decision_set)
        return result

    def set_decision_set(self, decision_set: DecisionSet) -> None:
        self._set = decision_set
        self._matrix = ScoreMatrix.from_set(decision_set)
        n = len(decision_set.criteria)
        self._shares = weight_rules.equal(n)
        self._reference = self._shares.copy()
        self._locked = np.zeros(n, dtype=bool)
        self._previous_ranks = None
        self._selected_option = self._selected_criterion = None
        self._result = evaluate(self._matrix, self._shares, self._method)
        self.undo_stack.clear()  # steps of another set's weighting mean nothing here
        self._profile, self._saved = None, self._state()
        self._dirty = False
        self.setChanged.emit()
        self.profileChanged.emit()
        self.weightsChanged.emit()
        self.resultChanged.emit()
        self.selectionChanged.emit()

    # ---- read-only state for views -------------------------------------------------------
    @property
    def decision_set(self) -> DecisionSet | None:
        return self._set

    @property
    def result(self) -> Result | None:
        return self._result

    @property
    def previous_ranks(self) -> np.ndarray | None:
        """Ranks before the latest change, so charts can mark who moved."""
        return self._previous_ranks

    @property
    def shares(self) -> np.ndarray:
        return self._shares.copy()

    @property
    def locked(self) -> np.ndarray:
        return self._locked.copy()

    @property
    def method(self) -> Method:
        return self._method

    @property
    def warnings(self) -> list[Problem]:
        return list(self._warnings)

    @property
    def selected_option(self) -> str | None:
        return self._selected_option

    @property
    def selected_criterion(self) -> str | None:
        return self._selected_criterion

    @property
    def active_profile(self) -> Profile | None:
        return self._profile

    @property
    def dirty(self) -> bool:
        """The weighting differs from the profile as opened or saved (or from the set's default)."""
        return self._dirty

    def criterion_index(self, criterion_id: str) -> int:
        assert self._set is not None
        return self._set.criterion_ids.index(criterion_id)

    # ---- commands ------------------------------------------------------------------------
    def set_share(self, criterion_id: str, share: float) -> None:
        """Set one criterion's share (0..1); unlocked others rescale to keep the total at 1."""
        if self._set is None:
            return
        i = self.criterion_index(criterion_id)
        new = weight_rules.set_share(self._shares, i, share, self._locked)
        self._change(f"Weight of {self._set.criteria[i].name}", shares=new)

    def set_weights(self, weights: np.ndarray, as_reference: bool = False) -> None:
        """Replace all weights (any non-negative numbers; normalised here)."""
        shares = weight_rules.as_shares(weights)
        if as_reference:
            self._reference = shares.copy()
        self._change("Set weights", shares=shares)

    def equal_weights(self) -> None:
        self._change("Equal weights", shares=weight_rules.equal(len(self._shares)))

    def reset_weights(self) -> None:
        """Back to the weights the set or profile was opened with."""
        self._change("Reset weights", shares=self._reference.copy())

    def set_locked(self, criterion_id: str, locked: bool) -> None:
        i = self.criterion_index(criterion_id)
        new = self._locked.copy()
        new[i] = locked
        verb = "Lock" if locked else "Unlock"
        self._change(f"{verb} {self._set.criteria[i].name}", locked=new)

    def set_method(self, method: Method | str) -> None:
        self._change("Scoring method", method=Method(method))

    def open_profile(
        self, profile: Profile, mapping: dict[str, str | None] | None = None
    ) -> AppliedProfile:
        """Put a profile's weights, locks and method on screen; Reset returns to them.

        Raises LoadError for a profile of another set (unless mapped). Criteria the profile
        lacks get weight 0 and are listed in the result's `missing` for the caller to show.
        """
        assert self._set is not None
        applied = apply_profile(profile, self._set, mapping)
        shares = weight_rules.as_shares(applied.weights)
        self._reference = shares.copy()
        self._profile = profile
        self.undo_stack.clear()  # undoing past an open would mix two profiles' histories
        self._restore(WeightState(shares, applied.locked.copy(), applied.method))
        self.mark_saved(profile)
        return applied

    def current_profile(self, name: str | None = None) -> Profile:
        """The weighting on screen as a profile (metadata from the active one), ready to save."""
        assert self._set is not None
        return profile_from_weights(
            self._set, self._shares, self._method, self._locked, base=self._profile, name=name
        )

    def mark_saved(self, profile: Profile) -> None:
        """`profile` now holds exactly what is on screen (after a save, save-as or open)."""
        self._profile, self._saved = profile, self._state()
        self._dirty = False
        self.profileChanged.emit()

    def begin_gesture(self) -> None:
        """Changes until end_gesture() undo as one step (a slider drag)."""
        self._gestures += 1
        self._gesture = self._gestures

    def end_gesture(self) -> None:
        self._gesture = None

    @property
    def in_gesture(self) -> bool:
        """A slider is being dragged: background work (autosave) should wait."""
        return self._gesture is not None

    def select(self, option: str | None = None, criterion: str | None = None) -> None:
        if (option, criterion) != (self._selected_option, self._selected_criterion):
            self._selected_option, self._selected_criterion = option, criterion
            self.selectionChanged.emit()

    def refresh(self) -> None:
        """Re-announce everything so views rebuild with new appearance (e.g. a theme change)."""
        if self._set is not None:
            self.setChanged.emit()
            self.weightsChanged.emit()
            self.resultChanged.emit()
            self.selectionChanged.emit()

    def flush(self) -> None:
        """Run a pending recompute now (tests, benchmarks, and before export)."""
        if self._pending.isActive():
            self._pending.stop()
            self._recompute()

    # ---- internals -----------------------------------------------------------------------
    def _state(self) -> WeightState:
        return WeightState(self._shares.copy(), self._locked.copy(), self._method)

    def _change(
        self,
        text: str,
        shares: np.ndarray | None = None,
        locked: np.ndarray | None = None,
        method: Method | None = None,
    ) -> None:
        """Every weighting change goes through here, so every one can be undone."""
        before = self._state()
        after = WeightState(
            before.shares if shares is None else shares,
            before.locked if locked is None else locked,
            before.method if method is None else method,
        )
        if after.same_as(before):
            return
        # push() runs redo(), which applies `after`
        self.undo_stack.push(WeightChange(text, before, after, self._restore, self._gesture))

    def _restore(self, state: WeightState) -> None:
        changed_result = not (
            np.array_equal(state.shares, self._shares) and state.method is self._method
        )
        self._shares, self._locked, self._method = (
            state.shares.copy(),
            state.locked.copy(),
            state.method,
        )
        self.weightsChanged.emit()
        if changed_result:
            self._schedule()
        dirty = self._saved is not None and not state.same_as(self._saved)
        if dirty != self._dirty:
            self._dirty = dirty
            self.profileChanged.emit()

    def _schedule(self) -> None:
        if not self._pending.isActive():
            self._pending.start()

    def _recompute(self) -> None:
        if self._matrix is None:
            return
        self._previous_ranks = None if self._result is None else self._result.ranks
        self._result = evaluate(self._matrix, self._shares, self._method)
        self.resultChanged.emit()
