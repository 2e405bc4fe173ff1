"""The session's profile part: which profile is open, whether the screen still matches it, and
the briefing deck saved with it.

Kept apart from the weighting because it answers a different question — "is what I see saved,
and as what?" — and is what the window title, the close prompt and autosave ask. It reads the
weighting part and puts a profile's weighting on screen through that part's one undoable path.

The deck's view choices (tradeoff axes, matrix colouring, sensitivity criterion) live on screen
in the session's ViewState, which the views, slides and export read; this part sets them from a
profile as it is applied and reads them back into the deck it saves. Changing one marks an open
profile unsaved exactly when Save would then write other choices than its file holds
(explorer.core.briefing.view_choices.choices_to_save), as hiding a slide does — except the
sensitivity criterion, which follows whichever criterion the analyst last selected (to read its
evidence, say): it is saved with the profile, but selecting a criterion is not an edit, so it
never marks the profile unsaved by itself. With no profile
open they mark nothing: there is no file to differ from, and the window's settings already keep
them per set, so closing loses nothing.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from explorer.core.briefing.deck import DeckSettings
from explorer.core.briefing.view_choices import ViewChoices, choices_to_save
from explorer.core.model import DecisionSet
from explorer.core.profiles import AppliedProfile, Profile, profile_from_weights
from explorer.core.weighting import Weighting, weighting_of
from explorer.ui.state.saved_state import SavedState
from explorer.ui.state.view_state import ViewState
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

    def __init__(
        self, weighting: WeightingState, views: ViewState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._weighting = weighting
        self._views = views
        self._set: DecisionSet | None = None
        self._saved = SavedState()  # the weighting and deck as last opened or saved
        self._deck = DeckSettings()  # the arrangement; its views are the ViewState's
        self._file_views = ViewChoices()  # the open profile's, as its file has them
        self._dirty = False
        weighting.changed.connect(self._update_dirty)
        for changed in (
            views.tradeoffAxesChanged,
            views.matrixColourChanged,
            views.sensitivityCriterionChanged,
        ):
            changed.connect(self._update_dirty)

    def reset(self, decision_set: DecisionSet) -> None:
        """A new set: no profile, a default deck, nothing unsaved (announced by the session)."""
        self._set = decision_set
        self._deck = DeckSettings()
        self._file_views = ViewChoices()
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
        """Slide order, hidden slides and notes; the views' choices are the session's `views`."""
        return self._deck

    def set_deck(self, deck: DeckSettings) -> None:
        deck = deck.with_views(ViewChoices())  # one place holds the views: the ViewState
        if deck.same_as(self._deck):
            return
        self._deck = deck
        self.deckChanged.emit()
        self._update_dirty()

    def _show_views(self, weighting: Weighting) -> None:
        """The profile's view choices on screen, resolved for this set and these weights as
        `brief` and the save rule resolve them: an unset or unknown part is the default."""
        assert self._set is not None
        self._views.set_choices(weighting.deck.views.resolved(self._set, weighting.shares))

    def _views_to_save(self) -> ViewChoices:
        assert self._set is not None
        file = self._file_views if self._saved.profile is not None else None
        return choices_to_save(file, self._views.choices, self._set, self._weighting.shares)

    def open_profile(
        self, profile: Profile, mapping: dict[str, str | None] | None = None
    ) -> AppliedProfile:
        assert self._set is not None
        weighting = weighting_of(profile, self._set, mapping)
        self._weighting.open(_state_of(weighting))
        deck = weighting.deck.with_views(ViewChoices())
        if not deck.same_as(self._deck):
            self._deck = deck
            self.deckChanged.emit()
        self._show_views(weighting)
        self.mark_saved(profile)
        # a profile mapped from another set has its view choices in this set's ids: those are
        # what it holds here, so showing them is not an edit
        self._file_views = weighting.deck.views
        return weighting.applied

    def apply_unsaved(self, profile: Profile, text: str) -> AppliedProfile:
        assert self._set is not None
        weighting = weighting_of(profile, self._set)
        self._weighting.restore(_state_of(weighting), text)
        self.set_deck(weighting.deck)
        self._show_views(weighting)
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
            briefing=self._deck.with_views(self._views_to_save()),
            elicitation=w.elicitation,
            promethee=w.edited_preferences(),
        )

    def mark_saved(self, profile: Profile) -> None:
        self._saved.mark(profile, self._weighting.state(), self._deck)
        self._file_views = profile.briefing.views
        self._dirty = False
        self.profileChanged.emit()

    def recheck(self, decision_set: DecisionSet) -> None:
        """The set was edited in place (criteria added or removed): is the screen still the
        open profile's weighting? A save from now on describes the edited set."""
        self._set = decision_set
        self._update_dirty()

    def _views_changed(self) -> bool:
        if self._saved.profile is None or self._set is None:
            return False  # nothing to differ from; the window's settings keep them per set
        # the sensitivity criterion is written by the next save but marks nothing (see above)
        ignored = {"sensitivity_criterion": None}
        return replace(self._views_to_save(), **ignored) != replace(self._file_views, **ignored)

    def _update_dirty(self) -> None:
        # the weighting first: while a slider drags it already differs, so the views' check
        # (which resolves axes against the set) is not paid on every tick
        dirty = self._saved.differs(self._weighting.state(), self._deck) or self._views_changed()
        if dirty != self._dirty:
            self._dirty = dirty
            self.profileChanged.emit()
