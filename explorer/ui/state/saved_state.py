"""What the window's weighting was when it was last opened or saved, to tell "unsaved" apart.

The deck (slide order, hidden slides, notes) is saved with the profile but is not part of the
undoable weighting, so both are compared here: either differing makes the profile unsaved.
"""

from __future__ import annotations

from explorer.core.briefing.deck import DeckSettings
from explorer.core.profiles import Profile
from explorer.ui.state.weight_history import WeightState


class SavedState:
    def __init__(self) -> None:
        self.profile: Profile | None = None
        self.state: WeightState | None = None
        self.deck = DeckSettings()

    def mark(self, profile: Profile | None, state: WeightState, deck: DeckSettings) -> None:
        self.profile, self.state, self.deck = profile, state, deck

    def differs(self, state: WeightState, deck: DeckSettings) -> bool:
        return self.state is not None and not (
            state.saves_as(self.state) and deck.same_as(self.deck)
        )
