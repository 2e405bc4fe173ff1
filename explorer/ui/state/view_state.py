"""The choices the views offer — which two axes the tradeoff map plots, what colours the score
matrix, which criterion's weight the sensitivity chart runs along — as state of their own.

They once lived only in the views' combo boxes, so the slides and a chart exported to a file
drew the defaults while the screen showed another choice. Now the view, the slide, the export
and the saved settings all read this one object; a view writes it when the user picks and
follows it, with its combo's signals blocked, when anything else sets it. (The sampling
settings are the same kind of choice and live with sampling, in the session's `sampler`.)
A profile's deck saves them too (explorer/core/briefing/view_choices.py, their Qt-free form):
the profile binding sets them here when a profile is applied and reads them back to save.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from explorer.core.briefing.view_choices import ColourMode, ViewChoices

__all__ = ["ColourMode", "ViewState"]


class ViewState(QObject):
    tradeoffAxesChanged = Signal()
    matrixColourChanged = Signal()
    sensitivityCriterionChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tradeoff: tuple[str, str] | None = None  # axis keys; None: the set's defaults
        self._matrix_colour = ColourMode.DESIRABILITY
        self._sensitivity: str | None = None  # a criterion id; None: the view's default

    def reset(self) -> None:
        """A new set: the map picks its axes afresh. The colouring names nothing of a set, and
        a sensitivity criterion the new set lacks is ignored by every reader (so reopening the
        same set keeps it)."""
        self.set_tradeoff_axes(None, None)

    @property
    def choices(self) -> ViewChoices:
        """All three as the deck saves them."""
        return ViewChoices(self._tradeoff, self._matrix_colour, self._sensitivity)

    def set_choices(self, choices: ViewChoices) -> None:
        """A profile's choices, already resolved for the set (ViewChoices.resolved): each view
        follows through the signal of the part that changed, its combo's signals blocked."""
        axes = choices.tradeoff_axes
        self.set_tradeoff_axes(*(axes if axes is not None else (None, None)))
        if choices.matrix_colour is not None:
            self.set_matrix_colour(choices.matrix_colour)
        self.set_sensitivity_criterion(choices.sensitivity_criterion)

    @property
    def tradeoff_axes(self) -> tuple[str, str] | None:
        return self._tradeoff

    def set_tradeoff_axes(self, x_key: str | None, y_key: str | None) -> None:
        axes = None if x_key is None or y_key is None else (str(x_key), str(y_key))
        if axes != self._tradeoff:
            self._tradeoff = axes
            self.tradeoffAxesChanged.emit()

    @property
    def matrix_colour(self) -> ColourMode:
        """Heat by how good a score is, or the spread of the evidence behind it."""
        return self._matrix_colour

    def set_matrix_colour(self, mode: ColourMode | str) -> None:
        mode = ColourMode(mode)  # ValueError for a mode that does not exist
        if mode is not self._matrix_colour:
            self._matrix_colour = mode
            self.matrixColourChanged.emit()

    @property
    def sensitivity_criterion(self) -> str | None:
        """The criterion whose weight the sensitivity chart (and its slide) runs along."""
        return self._sensitivity

    def set_sensitivity_criterion(self, criterion_id: str | None) -> None:
        if criterion_id != self._sensitivity:
            self._sensitivity = criterion_id
            self.sensitivityCriterionChanged.emit()
