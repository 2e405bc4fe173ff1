"""Undo for the weighting: every change to shares, locks, method, source credibility or the
elicitation record is one QUndoCommand (elicited weights and their record undo together).

A slider drag sends dozens of changes; while a gesture is open (slider pressed → released)
consecutive changes merge into the command that began it, so one drag is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QUndoCommand

from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method
from explorer.core.promethee import Preference

_MERGE_ID = 0x57E1  # any constant: QUndoStack only merges commands sharing an id


@dataclass(frozen=True)
class WeightState:
    """Everything the user sets that changes the result: undone and saved together."""

    shares: np.ndarray
    locked: np.ndarray
    method: Method
    credibility: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per source, 0..1
    lens: bool = False  # cells rescored from the evidence with `credibility`
    elicitation: Elicitation | None = None  # how the shares were elicited, if they were
    preferences: tuple[Preference, ...] | None = None  # PROMETHEE's; None: the scales' defaults

    def same_as(self, other: WeightState) -> bool:
        # rescaling the others by exactly 1 still moves them by float rounding: not a change
        return (
            self.shares.shape == other.shares.shape  # an edit to the set added a criterion
            and np.allclose(self.shares, other.shares, rtol=0.0, atol=1e-12)
            and np.array_equal(self.locked, other.locked)
            and self.method is other.method
            and self.same_scores_as(other)
            and self.elicitation == other.elicitation
        )

    def same_scores_as(self, other: WeightState) -> bool:
        """Exactly the same lens settings (what undo and the lens state follow)."""
        return (
            self.lens == other.lens
            and np.array_equal(self.credibility, other.credibility)
            and self.preferences == other.preferences
        )

    def saves_as(self, other: WeightState) -> bool:
        """Would save to the same profile: credibilities kept while the lens is off apply to
        nothing and are not saved, so they do not make a profile unsaved."""
        if self.lens or other.lens:
            return self.same_as(other)
        plain = WeightState(
            self.shares,
            self.locked,
            self.method,
            elicitation=self.elicitation,
            preferences=self.preferences,
        )
        return plain.same_as(
            WeightState(
                other.shares,
                other.locked,
                other.method,
                elicitation=other.elicitation,
                preferences=other.preferences,
            )
        )


class WeightChange(QUndoCommand):
    def __init__(
        self,
        text: str,
        before: WeightState,
        after: WeightState,
        restore: Callable[[WeightState], None],
        gesture: int | None,
    ) -> None:
        super().__init__(text)
        self.before, self.after = before, after
        self._restore = restore
        self._gesture = gesture

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            isinstance(other, WeightChange)
            and self._gesture is not None
            and other._gesture == self._gesture
        ):
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        self._restore(self.after)

    def undo(self) -> None:
        self._restore(self.before)
