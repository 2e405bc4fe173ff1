"""The choices a view offers (which two axes the tradeoff map plots) as state of their own.

They once lived only in the map's two combo boxes, so the slides and a chart exported to a file
drew the default pair while the screen showed another. Now the map, the slide, the export and
the saved settings all read this one object; the map writes it when the user picks an axis and
follows it, with its combos' signals blocked, when anything else sets it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ViewState(QObject):
    tradeoffAxesChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tradeoff: tuple[str, str] | None = None  # axis keys; None: the set's defaults

    @property
    def tradeoff_axes(self) -> tuple[str, str] | None:
        return self._tradeoff

    def set_tradeoff_axes(self, x_key: str | None, y_key: str | None) -> None:
        axes = None if x_key is None or y_key is None else (str(x_key), str(y_key))
        if axes != self._tradeoff:
            self._tradeoff = axes
            self.tradeoffAxesChanged.emit()
