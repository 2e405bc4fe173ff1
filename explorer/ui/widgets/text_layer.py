"""One graphics item that paints many short labels, for charts that relabel on every tick.

A chart with a label per bar or point would otherwise hold hundreds of TextItems; this module
keeps that cost to one item whose text is laid out only when painted, and at most once per
distinct string.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QStaticText
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from explorer.ui.widgets.view_item import ViewFillingItem

Run = tuple[str, QColor, bool]  # text, colour, bold


class TextLayer(ViewFillingItem):
    """Many short labels painted by one item, each anchored at a data point (left, v-centred).

    Hundreds of TextItems would each re-lay-out rich text on every slider tick; here an update
    stores two arrays and asks for one repaint, and the text is formatted only when painted.
    """

    def __init__(self, font: QFont, runs: Callable[[int], list[Run]], gap_px: float = 6) -> None:
        super().__init__()
        self._fonts = (QFont(font), QFont(font))
        self._fonts[1].setBold(True)
        self._half_height = QFontMetrics(self._fonts[1]).height() / 2
        self._cache: dict[tuple[str, bool], QStaticText] = {}
        self._runs = runs
        self._gap = gap_px
        self._x = self._y = np.zeros(0)
        self.setZValue(40)

    def set_positions(self, x: np.ndarray, y: np.ndarray) -> None:
        self._x, self._y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self.update()

    def text(self, index: int) -> str:
        return "".join(run[0] for run in self._runs(index))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.transform()
        view = self.viewRect()
        lo, hi = (view.top() - 1, view.bottom() + 1) if view is not None else (-np.inf, np.inf)
        painter.save()
        painter.resetTransform()
        for i in np.flatnonzero((self._y >= lo) & (self._y <= hi)).tolist():  # on screen only
            anchor = transform.map(QPointF(self._x[i], self._y[i]))
            x = anchor.x() + self._gap
            for text, colour, bold in self._runs(i):
                painter.setFont(self._fonts[bold])
                painter.setPen(colour)
                static = self._static_text(text, bold)
                painter.drawStaticText(QPointF(x, anchor.y() - self._half_height), static)
                x += static.size().width()
        painter.restore()

    def _static_text(self, text: str, bold: bool) -> QStaticText:
        """Laid-out text, cached: totals repeat ("0.62"), so layout happens once per string."""
        key = (text, bold)
        static = self._cache.get(key)
        if static is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self._fonts[bold])
            self._cache[key] = static
        return static
