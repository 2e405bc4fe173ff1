"""A caption whose words change on every slider tick without re-laying-out the window.

A word-wrapped QLabel asks its layout to recompute on every setText, and in a tab full of
charts that relayout cost ~8 ms a tick, more than all the charts' updates together. This
widget keeps a fixed height of a few lines, so new text is only a repaint; text longer than the
lines is elided, and the full text is in the tooltip and the accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class LiveCaption(QWidget):
    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setToolTip(text)
            self.setAccessibleDescription(text)
            self.update()

    def setFont(self, font: QFont | str | Sequence[str]) -> None:
        super().setFont(font)
        self._fit_height()

    def _fit_height(self) -> None:
        line = QFontMetricsF(self.font()).lineSpacing()
        self.setFixedHeight(int(line * self._lines + 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        metrics = QFontMetricsF(self.font())
        width = max(1.0, self.width() - 4.0)
        layout = QTextLayout(self._text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        y, shown = 2.0, 0
        lines = []
        while shown < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append((line.textStart(), line.textLength(), y))
            y += metrics.lineSpacing()
            shown += 1
        layout.endLayout()
        for i, (start, length, top) in enumerate(lines):
            piece = self._text[start : start + length].rstrip()
            if i == len(lines) - 1 and start + length < len(self._text):
                piece = metrics.elidedText(self._text[start:], Qt.TextElideMode.ElideRight, width)
            rect = QRectF(2.0, top, width, metrics.lineSpacing())
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, piece
            )
        painter.end()
