"""The weighting on screen — shares, locks, method, source credibilities, lens — with its undo
history: the session's part that answers "what is the user weighting, and how did it get here?".

Every change goes through one path (`_change` → a QUndoCommand → `_apply`), so every one can be
undone and each announces only what it changed: shares, locks, method or the scores in use
(credibilities and lens). `changed` follows them once per change, for what needs any of it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from explorer.core import weights as weight_rules
from explorer.core.elicitation.ordinal import OrdinalConstraints, constraints_from
from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method, ScoreMatrix
from explorer.core.model import DecisionSet
from explorer.core.promethee import Preference
from explorer.core.robustness import Lens
from explorer.core.robustness.lens_state import LensState
from explorer.ui.state.weight_history import WeightChange, WeightState


class Keep:
    """`_change(preferences=KEEP)`: leave them; None is a value there (the defaults)."""


KEEP = Keep()


class WeightingState(QObject):
    sharesChanged = Signal()  # the criteria's shares
    locksChanged = Signal()  # which shares are locked
    methodChanged = Signal()  # the scoring method
    scoresChanged = Signal()  # the score matrix in use: source credibilities or the lens
    changed = Signal()  # after any of the above, once per change

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._set: DecisionSet | None = None
        self._scoring: LensState | None = None  # editorial or rescored-from-sources cells
        self._shares = np.zeros(0)
        self._reference = np.zeros(0)  # what Reset returns to
        self._locked = np.zeros(0, dtype=bool)
        self._method = Method.WSM
        self._elicitation: Elicitation | None = None
        self._gesture: int | None = None
        self._gestures = 0
        self.undo_stack = QUndoStack(self)  # Edit ▸ Undo/Redo act on the weighting

    def reset(self, decision_set: DecisionSet) -> None:
        """A new set: equal weights, editorial scores, no history; the method stays. Announces
        nothing — the session announces the new set as a whole."""
        self._set = decision_set
        self._scoring = LensState(decision_set)
        n = len(decision_set.criteria)
        self._shares = weight_rules.equal(n)
        self._reference = self._shares.copy()
        self._locked = np.zeros(n, dtype=bool)
        self._elicitation = None
        self.undo_stack.clear()  # steps of another set's weighting mean nothing here

    def carry(self, decision_set: DecisionSet, weights: WeightState | None) -> None:
        """The open set as edited in the window: the undo history stays (set edits share it),
        and so does the weighting, carried to the edited set by id (see Session.replace_...).
        A weighting that no longer fits the set's criteria falls back to equal shares."""
        self._set = decision_set
        self._scoring = LensState(decision_set)
        if weights is not None and len(weights.credibility) == len(decision_set.sources):
            self._scoring.set(weights.credibility, weights.lens)
        n = len(decision_set.criteria)
        if weights is not None and len(weights.shares) == n:
            self._shares, self._locked = weights.shares.copy(), weights.locked.copy()
            self._method = weights.method
        else:
            self._shares, self._locked = weight_rules.equal(n), np.zeros(n, dtype=bool)
        if len(self._reference) != n:
            self._reference = self._shares.copy()

    # ---- read --------------------------------------------------------------------------------
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
    def problem(self) -> ScoreMatrix | None:
        """The score matrix in use: the lens's rescored cells when it is on, else editorial."""
        return None if self._scoring is None else self._scoring.problem

    @property
    def source_weights(self) -> dict[str, float]:
        return {} if self._scoring is None else self._scoring.weights

    @property
    def lens_active(self) -> bool:
        return self._scoring is not None and self._scoring.active

    @property
    def lens(self) -> Lens | None:
        return None if self._scoring is None else self._scoring.lens

    @property
    def in_gesture(self) -> bool:
        return self._gesture is not None

    def state(self) -> WeightState:
        return WeightState(
            self._shares.copy(),
            self._locked.copy(),
            self._method,
            np.zeros(0) if self._scoring is None else self._scoring.credibility.copy(),
            self.lens_active,
            self._elicitation,
            None if self._scoring is None else self._scoring.preferences,
        )

    @property
    def elicitation(self) -> Elicitation | None:
        """How the weights on screen were elicited, `adjusted` saying whether they were moved
        since (None when they were never elicited)."""
        if self._elicitation is None or self._set is None:
            return self._elicitation
        shares = zip(self._set.criterion_ids, self._shares.tolist(), strict=True)
        return self._elicitation.against(dict(shares))

    @property
    def preferences(self) -> tuple[Preference, ...]:
        """PROMETHEE's preference function per criterion, as the engine uses them."""
        assert self._scoring is not None
        return self._scoring.problem.preference_functions

    def edited_preferences(self) -> dict[str, Preference]:
        """The thresholds that differ from their scale's default, by criterion id."""
        if self._set is None or self._scoring is None or self._scoring.preferences is None:
            return {}
        defaults = self._scoring.editorial.with_preferences(None).preference_functions
        ids = self._set.criterion_ids
        chosen = self._scoring.preferences
        return {c: p for c, p, d in zip(ids, chosen, defaults, strict=True) if p != d}

    def elicited_order(self) -> OrdinalConstraints | None:
        """The order (and bounds) of the criteria as elicited, if the weights came from one:
        what rank acceptability samples in "the elicited order"."""
        record = self._elicitation
        if record is None or self._set is None or not record.order:
            return None
        try:
            return constraints_from(
                self._set.criterion_ids, record.order, record.at_least, record.at_most
            )
        except ValueError:  # an order made for another version of the set
            return None

    # ---- commands ------------------------------------------------------------------------
    def set_share(self, criterion_id: str, share: float) -> None:
        if self._set is None:
            return
        i = self._set.criterion_ids.index(criterion_id)
        new = weight_rules.set_share(self._shares, i, share, self._locked)
        self._change(f"Weight of {self._set.criteria[i].name}", shares=new)

    def set_weights(self, weights: np.ndarray, as_reference: bool = False) -> None:
        shares = weight_rules.as_shares(weights)
        if as_reference:
            self._reference = shares.copy()
        self._change("Set weights", shares=shares)

    def equal_weights(self) -> None:
        self._change("Equal weights", shares=weight_rules.equal(len(self._shares)))

    def reset_weights(self) -> None:
        self._change("Reset weights", shares=self._reference.copy())

    def set_locked(self, criterion_id: str, locked: bool) -> None:
        assert self._set is not None
        i = self._set.criterion_ids.index(criterion_id)
        new = self._locked.copy()
        new[i] = locked
        verb = "Lock" if locked else "Unlock"
        self._change(f"{verb} {self._set.criteria[i].name}", locked=new)

    def set_method(self, method: Method | str) -> None:
        self._change("Scoring method", method=Method(method))

    def apply_elicitation(self, record: Elicitation, text: str) -> None:
        """Elicited weights onto the sliders with their record: one undoable step. Locks are
        released, since the elicitation speaks for every weight."""
        assert self._set is not None
        weights = np.array([float(record.weights.get(c, 0.0)) for c in self._set.criterion_ids])
        self._change(
            text,
            shares=weight_rules.as_shares(weights),
            locked=np.zeros(len(weights), dtype=bool),
            elicitation=record,
        )

    def set_preferences(self, preferences: tuple[Preference, ...] | None) -> None:
        """PROMETHEE thresholds (None: every scale's default), one undoable step."""
        if preferences is not None and self._scoring is not None:
            defaults = self._scoring.editorial.with_preferences(None).preference_functions
            if tuple(preferences) == defaults:
                preferences = None  # the defaults, stated: saved as "not edited"
        self._change("PROMETHEE thresholds", preferences=preferences)

    def set_source_weight(self, source_id: str, value: float) -> None:
        if self._set is None or self._scoring is None:
            return
        i = self._scoring.source_ids.index(source_id)
        new = self._scoring.credibility.copy()
        new[i] = min(1.0, max(0.0, float(value)))
        title = self._set.sources[i].title
        self._change(f"Credibility of {title}", credibility=new, lens=True)

    def set_lens_active(self, on: bool) -> None:
        self._change("Rescore from sources" if on else "Editorial scores", lens=bool(on))

    def reset_sources(self) -> None:
        assert self._set is not None
        self._change("Reset sources", credibility=np.ones(len(self._set.sources)), lens=False)

    def restore(self, state: WeightState, text: str) -> None:
        """A whole weighting state in one undoable step."""
        self._change(
            text,
            shares=state.shares,
            locked=state.locked,
            method=state.method,
            credibility=state.credibility,
            lens=state.lens,
            elicitation=state.elicitation,
            preferences=state.preferences,
        )

    def open(self, state: WeightState) -> None:
        """A profile opened: its weighting is what Reset returns to, and the history starts
        here (undoing past an open would mix two profiles' histories)."""
        self._reference = state.shares.copy()
        self.undo_stack.clear()
        self._apply(state)

    def begin_gesture(self) -> None:
        self._gestures += 1
        self._gesture = self._gestures

    def end_gesture(self) -> None:
        self._gesture = None

    # ---- the one path --------------------------------------------------------------------
    def _change(
        self,
        text: str,
        shares: np.ndarray | None = None,
        locked: np.ndarray | None = None,
        method: Method | None = None,
        credibility: np.ndarray | None = None,
        lens: bool | None = None,
        elicitation: Elicitation | None = None,
        preferences: tuple[Preference, ...] | Keep | None = KEEP,
    ) -> None:
        before = self.state()
        after = WeightState(
            before.shares if shares is None else shares,
            before.locked if locked is None else locked,
            before.method if method is None else method,
            before.credibility if credibility is None else credibility,
            before.lens if lens is None else lens,
            before.elicitation if elicitation is None else elicitation,
            before.preferences if isinstance(preferences, Keep) else preferences,
        )
        if after.same_as(before):
            return
        # push() runs redo(), which applies `after`
        self.undo_stack.push(WeightChange(text, before, after, self._apply, self._gesture))

    def _apply(self, state: WeightState) -> None:
        before = self.state()
        self._shares, self._locked, self._method = (
            state.shares.copy(),
            state.locked.copy(),
            state.method,
        )
        self._elicitation = state.elicitation
        new_scores = not state.same_scores_as(before)
        if new_scores and self._scoring is not None:
            if state.preferences != self._scoring.preferences:
                self._scoring.set_preferences(state.preferences)
            self._scoring.set(state.credibility, state.lens)
        if not np.array_equal(state.shares, before.shares):
            self.sharesChanged.emit()
        if not np.array_equal(state.locked, before.locked):
            self.locksChanged.emit()
        if state.method is not before.method:
            self.methodChanged.emit()
        if new_scores:
            self.scoresChanged.emit()
        self.changed.emit()
