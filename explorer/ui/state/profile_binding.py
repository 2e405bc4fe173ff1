"""The session's profile part: which profile is open, whether the screen still matches it, and
the briefing deck saved with it.

Kept apart from the weighting because it answers a different question — "is what I see saved,
and as what?" — and is what the window title, the close prompt and autosave ask. It reads the
weighting part and puts a profile's weighting on screen through that part's one undoable path.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from explorer.core.briefing.deck import DeckSettings
from explorer.core.model import DecisionSet
from explorer.core.profiles import AppliedProfile, Profile, profile_from_weights
from explorer.core.weighting import Weighting, weighting_of
from explorer.ui.state.saved_state import SavedState
from explorer.ui.state.weight_history import WeightState
from explorer.ui.state.weighting_state import WeightingState


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


class ProfileBinding(QObject):
    profileChanged = Signal()  # the active profile, or whether the weighting differs from it
    deckChanged = Signal()  # the briefing's slide order, hidden slides or notes

    def __init__(self, weighting: WeightingState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._weighting = weighting
        self._set: DecisionSet | None = None
        self._saved = SavedState()  # the weighting and deck as last opened or saved
        self._deck = DeckSettings()
        self._dirty = False
        weighting.changed.connect(self._update_dirty)

    def reset(self, decision_set: DecisionSet) -> None:
        """A new set: no profile, a default deck, nothing unsaved (announced by the session)."""
        self._set = decision_set
        self._deck = DeckSettings()
        self._saved.mark(None, self._weighting.state(), self._deck)
        self._dirty = False

    @property
    def active_profile(self) -> Profile | None:
        return self._saved.profile

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def deck(self) -> DeckSettings:
        return self._deck

    def set_deck(self, deck: DeckSettings) -> None:
        if deck.same_as(self._deck):
            return
        self._deck = deck
        self.deckChanged.emit()
        self._update_dirty()

    def open_profile(
        self, profile: Profile, mapping: dict[str, str | None] | None = None
    ) -> AppliedProfile:
        assert self._set is not None
        weighting = weighting_of(profile, self._set, mapping)
        self._weighting.open(_state_of(weighting))
        if not weighting.deck.same_as(self._deck):
            self._deck = weighting.deck
            self.deckChanged.emit()
        self.mark_saved(profile)
        return weighting.applied

    def apply_unsaved(self, profile: Profile, text: str) -> AppliedProfile:
        assert self._set is not None
        weighting = weighting_of(profile, self._set)
        self._weighting.restore(_state_of(weighting), text)
        self.set_deck(weighting.deck)
        return weighting.applied

    def current_profile(self, name: str | None = None) -> Profile:
        assert self._set is not None
        w = self._weighting
        return profile_from_weights(
            self._set,
            w.shares,
            w.method,
            w.locked,
            base=self._saved.profile,
            name=name,
            source_weights=w.source_weights if w.lens_active else None,
            briefing=self._deck,
            elicitation=w.elicitation,
            promethee=w.edited_preferences(),
        )

    def mark_saved(self, profile: Profile) -> None:
        self._saved.mark(profile, self._weighting.state(), self._deck)
        self._dirty = False
        self.profileChanged.emit()

    def recheck(self) -> None:
        """The set was edited in place (criteria added or removed): is the screen still the
        open profile's weighting?"""
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self._saved.differs(self._weighting.state(), self._deck)
        if dirty != self._dirty:
            self._dirty = dirty
            self.profileChanged.emit()
