"""The session's profile side: which profile is open, whether the screen still matches it, and
the briefing deck saved with it (mixed into Session, which owns the state these read).

Kept apart from the weighting commands because it answers a different question — "is what I
see saved, and as what?" — and is what the window title, the close prompt and autosave ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance

from explorer.core import weights as weight_rules
from explorer.core.briefing.deck import DeckSettings
from explorer.core.profiles import AppliedProfile, Profile, apply_profile, profile_from_weights
from explorer.core.robustness.lens_state import LensState
from explorer.ui.saved_state import SavedState
from explorer.ui.weight_history import WeightState

if TYPE_CHECKING:
    import numpy as np

    from explorer.core.engine import Method
    from explorer.core.model import DecisionSet


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
    profileChanged: SignalInstance
    deckChanged: SignalInstance

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
        applied = apply_profile(profile, self._set, mapping)
        shares = weight_rules.as_shares(applied.weights)
        self._reference = shares.copy()
        self.undo_stack.clear()  # undoing past an open would mix two profiles' histories
        assert self._scoring is not None
        credibility = self._scoring.credibility_from(applied.source_weights)
        lens = applied.source_weights is not None
        self._restore(WeightState(shares, applied.locked.copy(), applied.method, credibility, lens))
        if not profile.briefing.same_as(self._deck):
            self._deck = profile.briefing
            self.deckChanged.emit()
        self.mark_saved(profile)
        return applied

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
        )

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
