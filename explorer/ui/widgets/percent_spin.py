"""The weight's exact-entry box: a percentage that says so when it had to change what was typed.

A plain QDoubleSpinBox with a 0–100 range swallows the keystroke that would pass 100, so typing
"500" left "50" in the box and set the weight to 50 % without a word. This box lets any number
be typed, clamps it to the range when the entry is finished, and shows a note by the box.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QToolTip, QWidget


class PercentSpin(QDoubleSpinBox):
    clamped = Signal(str)  # the note shown, e.g. "500 % is more than the whole: set to 100 %"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0.0, 100.0)
        self.setDecimals(1)
        self.setSuffix(" %")

    def _number(self, text: str) -> float | None:
        core = text.strip().removesuffix(self.suffix().strip()).strip().replace(",", ".")
        try:
            return float(core)
        except ValueError:
            return None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        number = self._number(text)
        if number is not None and (number > self.maximum() or number < self.minimum()):
            # not yet acceptable, but never refused: fixup() clamps it when the entry ends
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def fixup(self, text: str) -> str:
        number = self._number(text)
        if number is None or self.minimum() <= number <= self.maximum():
            return super().fixup(text)
        limit = self.maximum() if number > self.maximum() else self.minimum()
        reason = "more than the whole" if number > self.maximum() else "below zero"
        note = f"{number:g} % is {reason}: set to {limit:g} %"
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), note, self)
        self.clamped.emit(note)
        return f"{limit:.{self.decimals()}f}{self.suffix()}"
