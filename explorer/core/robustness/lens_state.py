"""Which cell scores the engine uses: the editorial ones, or the sources' evidence seen through
the user's credibility weights.

Kept apart from the lens maths (source_lens.py) because this is state: the window, the briefing
and the CLI all switch the lens on and off and move credibilities, and each needs the matrix in
use and the disagreement for the same settings without recomputing them per read.
"""

from __future__ import annotations

import numpy as np

from explorer.core.engine import ScoreMatrix
from explorer.core.model import DecisionSet
from explorer.core.promethee import Preference
from explorer.core.robustness.source_lens import Lens, lens_scores


class LensState:
    def __init__(self, decision_set: DecisionSet) -> None:
        self.decision_set = decision_set
        self.editorial = ScoreMatrix.from_set(decision_set)
        self.source_ids = tuple(src.id for src in decision_set.sources)
        self.credibility = np.ones(len(self.source_ids))
        self.active = False
        self.lens: Lens = lens_scores(decision_set)
        self.preferences: tuple[Preference, ...] | None = None  # PROMETHEE's; None: defaults
        self.problem = self.editorial

    def set(self, credibility: np.ndarray, active: bool) -> None:
        if len(credibility) != len(self.source_ids):
            raise ValueError(f"need {len(self.source_ids)} credibilities, one per source")
        self.credibility = np.clip(np.asarray(credibility, dtype=float), 0.0, 1.0)
        self.active = bool(active)
        self.lens = lens_scores(self.decision_set, self.weights)
        self._update()

    def set_preferences(self, preferences: tuple[Preference, ...] | None) -> None:
        """PROMETHEE's preference functions (None: each scale's default) for every problem."""
        self.preferences = preferences
        self.editorial = self.editorial.with_preferences(preferences)
        self._update()

    def _update(self) -> None:
        lensed = self.editorial.with_scores(self.lens.scores)
        self.problem = lensed if self.active else self.editorial

    @property
    def weights(self) -> dict[str, float]:
        return {sid: float(c) for sid, c in zip(self.source_ids, self.credibility, strict=True)}
