"""Everything a profile sets on a decision set, as one value applied through one path.

Opening a profile, restoring an autosave, pasting a share code, the command line and the brief
all put a profile onto a set. Each once did it its own way, and the autosave restore forgot the
source credibilities, the lens and the slide deck: a crash cost the user those. A Weighting
holds all of it in the set's order, so whoever applies one applies everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from explorer.core import weights as weight_rules
from explorer.core.briefing.deck import DeckSettings
from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method
from explorer.core.model import DecisionSet
from explorer.core.profiles import AppliedProfile, Profile, apply_profile
from explorer.core.profiles.promethee_field import preferences_for
from explorer.core.promethee import Preference


@dataclass(frozen=True)
class Weighting:
    shares: np.ndarray  # per criterion, summing to 1 (all zero only if the profile says so)
    locked: np.ndarray  # bool per criterion
    method: Method
    credibility: np.ndarray  # per source of the set, 0..1 (1 where the profile is silent)
    lens: bool  # cells rescored from the evidence with `credibility`
    deck: DeckSettings  # slide order, hidden slides, speaker notes, the views' choices
    applied: AppliedProfile  # what fitted and what did not, for the caller to report
    elicitation: Elicitation | None = None  # how the weights were obtained, if elicited
    # PROMETHEE's preference function per criterion; None: every one the scale's default
    preferences: tuple[Preference, ...] | None = None

    @property
    def source_weights(self) -> dict[str, float] | None:
        return self.applied.source_weights


def credibility_for(decision_set: DecisionSet, given: Mapping[str, float] | None) -> np.ndarray:
    """Per source of the set: the profile's credibility, or full trust where it names none."""
    given = dict(given or {})
    return np.array([float(given.get(src.id, 1.0)) for src in decision_set.sources])


def weighting_of(
    profile: Profile,
    decision_set: DecisionSet,
    mapping: Mapping[str, str | None] | None = None,
) -> Weighting:
    """The profile as this set takes it (LoadError for another set's profile, unless mapped)."""
    applied = apply_profile(profile, decision_set, mapping)
    deck, promethee = profile.briefing, profile.promethee
    if mapping:  # criterion ids beyond the weights follow the same mapping
        deck = replace(deck, views=deck.views.mapped(mapping))
        promethee = {
            target: preference
            for cid, preference in promethee.items()
            if (target := mapping.get(cid, cid)) is not None
        }
    return Weighting(
        shares=weight_rules.as_shares(applied.weights),
        locked=applied.locked.copy(),
        method=applied.method,
        credibility=credibility_for(decision_set, applied.source_weights),
        lens=applied.source_weights is not None,
        deck=deck,
        applied=applied,
        elicitation=profile.elicitation,
        preferences=preferences_for(decision_set, promethee),
    )
