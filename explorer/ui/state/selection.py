"""What the user has picked out: an option, a criterion, or both (a cell of the matrix).

The session's part every chart follows and every click writes; kept apart from the weighting
because selecting is never undone, never saved and never changes a result.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    changed = Signal()  # the selected option and/or criterion

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._option: str | None = None
        self._criterion: str | None = None

    @property
    def option(self) -> str | None:
        return self._option

    @property
    def criterion(self) -> str | None:
        return self._criterion

    @property
    def cell(self) -> tuple[str, str] | None:
        """(option, criterion) when both are selected: one score of the matrix."""
        if self._option is None or self._criterion is None:
            return None
        return (self._option, self._criterion)

    def select(self, option: str | None = None, criterion: str | None = None) -> None:
        if (option, criterion) != (self._option, self._criterion):
            self._option, self._criterion = option, criterion
            self.changed.emit()

    def reset(self) -> None:
        """A new set: nothing selected, announced by the session with the set."""
        self._option = self._criterion = None
