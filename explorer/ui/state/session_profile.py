"""The session's profile side: which profile is open, whether the screen still matches it, and
the briefing deck saved with it (mixed into Session, which owns the state these read).

Kept apart from the weighting commands because it answers a different question — "is what I
see saved, and as what?" — and is what the window title, the close prompt and autosave ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack

from explorer.core.briefing.deck import DeckSettings
from explorer.core.profiles import AppliedProfile, Profile, profile_from_weights
from explorer.core.robustness.lens_state import LensState
from explorer.core.weighting import Weighting, weighting_of
from explorer.ui.state.saved_state import SavedState
from explorer.ui.state.weight_history import WeightState

if TYPE_CHECKING:
    import numpy as np

    from explorer.core.elicitation.record import Elicitation
    from explorer.core.engine import Method
    from explorer.core.model import DecisionSet
    from explorer.core.promethee import Preference


def _state_of(weighting: Weighting) -> WeightState:
    return WeightState(
        weighting.shares.copy(),
        weighting.locked.copy(),
        weighting.method,
        weighting.credibility.copy(),
        weighting.lens,
        weighting.elicitation,
        weighting.preferences,
    )


class ProfileBinding:
    _set: DecisionSet | None
    _scoring: LensState | None
    _saved: SavedState
    _deck: DeckSettings
    _dirty: bool
    _reference: np.ndarray
    _shares: np.ndarray
    _locked: np.ndarray
    _method: Method
    _elicitation: Elicitation | None
    profileChanged: SignalInstance
    deckChanged: SignalInstance
    undo_stack: QUndoStack

    if TYPE_CHECKING:
        # Session's, which this is mixed into: declared for the type checker only

        @property
        def source_weights(self) -> dict[str, float]: ...

        @property
        def lens_active(self) -> bool: ...

        def _state(self) -> WeightState: ...

        def _restore(self, state: WeightState) -> None: ...

        def _change(
            self,
            text: str,
            shares: np.ndarray | None = None,
            locked: np.ndarray | None = None,
            method: Method | None = None,
            credibility: np.ndarray | None = None,
            lens: bool | None = None,
            elicitation: Elicitation | None = None,
            preferences: object = ...,
        ) -> None: ...

    @property
    def active_profile(self) -> Profile | None:
        return self._saved.profile

    @property
    def dirty(self) -> bool:
        """The weighting differs from the profile as opened or saved (or from the set's default)."""
        return self._dirty

    @property
    def deck(self) -> DeckSettings:
        return self._deck

    def set_deck(self, deck: DeckSettings) -> None:
        """Slide order, hidden slides and notes: saved with the profile, not undone with weights."""
        if deck.same_as(self._deck):
            return
        self._deck = deck
        self.deckChanged.emit()
        self._update_dirty()

    def open_profile(
        self, profile: Profile, mapping: dict[str, str | None] | None = None
    ) -> AppliedProfile:
        """Put a profile's weights, locks and method on screen; Reset returns to them.

        Raises LoadError for a profile of another set (unless mapped). Criteria the profile
        lacks get weight 0 and are listed in the result's `missing` for the caller to show.
        """
        assert self._set is not None
        weighting = weighting_of(profile, self._set, mapping)
        self._reference = weighting.shares.copy()
        self.undo_stack.clear()  # undoing past an open would mix two profiles' histories
        self._restore(_state_of(weighting))
        if not weighting.deck.same_as(self._deck):
            self._deck = weighting.deck
            self.deckChanged.emit()
        self.mark_saved(profile)
        return weighting.applied

    def apply_unsaved(self, profile: Profile, text: str) -> AppliedProfile:
        """Put a profile's whole weighting on screen as one undoable, unsaved change to what is
        open (an autosave restored after a crash): weights, locks, method, credibilities,
        lens and deck alike."""
        assert self._set is not None
        weighting = weighting_of(profile, self._set)
        self.restore_snapshot(_state_of(weighting), text)
        self.set_deck(weighting.deck)
        return weighting.applied

    def current_profile(self, name: str | None = None) -> Profile:
        """The weighting on screen as a profile (metadata from the active one), ready to save."""
        assert self._set is not None
        return profile_from_weights(
            self._set,
            self._shares,
            self._method,
            self._locked,
            base=self._saved.profile,
            name=name,
            source_weights=self.source_weights if self.lens_active else None,
            briefing=self._deck,
            elicitation=self._elicitation,
            promethee=self._edited_preferences(),
        )

    def _edited_preferences(self) -> dict[str, Preference]:
        """The thresholds that differ from their scale's default, by criterion id."""
        assert self._set is not None and self._scoring is not None
        chosen = self._scoring.preferences
        if chosen is None:
            return {}
        defaults = self._scoring.editorial.with_preferences(None).preference_functions
        ids = self._set.criterion_ids
        return {c: p for c, p, d in zip(ids, chosen, defaults, strict=True) if p != d}

    def mark_saved(self, profile: Profile) -> None:
        """`profile` now holds exactly what is on screen (after a save, save-as or open)."""
        self._saved.mark(profile, self._state(), self._deck)
        self._dirty = False
        self.profileChanged.emit()

    def _update_dirty(self) -> None:
        dirty = self._saved.differs(self._state(), self._deck)
        if dirty != self._dirty:
            self._dirty = dirty
            self.profileChanged.emit()
