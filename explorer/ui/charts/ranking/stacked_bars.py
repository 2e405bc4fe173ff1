"""Every segment of a horizontal stacked bar chart, painted by one graphics item.

One pyqtgraph BarGraphItem per criterion meant, on every slider tick, one re-recorded QPicture
and a storm of boundingRect calls per criterion; here an update stores three arrays and asks
for one repaint, and painting is one drawRects batch per colour.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from explorer.ui.widgets.view_item import ViewFillingItem


class StackedBars(ViewFillingItem):
    def __init__(self, colours: list[QColor], height: float, gap: QPen) -> None:
        super().__init__()
        self._brushes = [QBrush(c) for c in colours]
        self._height = height
        self._gap = gap  # a thin outline in the background colour separates segments
        self._x0 = self._width = np.zeros((0, len(colours)))
        self._y = np.zeros(0)
        self._rects: list[list[QRectF]] | None = None  # per colour, built on the next paint

    def set_data(self, x0: np.ndarray, width: np.ndarray, y: np.ndarray) -> None:
        """Rows × colours arrays (segment starts and widths) and one y per row."""
        self._x0, self._width, self._y = x0, width, y
        self._rects = None
        self.update()

    def segments(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """What is drawn: x0 and width (rows × colours) and y (rows)."""
        return self._x0, self._width, self._y

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._rects is None:  # hover and glide frames repaint without new data
            half = self._height / 2
            top = self._y - half
            self._rects = [
                [
                    QRectF(float(self._x0[i, j]), float(top[i]), float(self._width[i, j]), half * 2)
                    for i in np.flatnonzero(self._width[:, j] > 0).tolist()
                ]
                for j in range(len(self._brushes))
            ]
        painter.setPen(self._gap)
        for brush, rects in zip(self._brushes, self._rects, strict=True):
            if rects:
                painter.setBrush(brush)
                painter.drawRects(rects)
