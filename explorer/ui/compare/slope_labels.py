"""The slope graph's text: option names beside the first and last columns, ranks in the markers.

Painted by one item in device pixels so names sit a fixed gap from their column whatever the
data scale, right-aligned on the left and left-aligned on the right, and so a set with more
options than rows of text drops the names that would collide instead of overprinting them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from explorer.ui.widgets.text_fit import text_block_width
from explorer.ui.widgets.view_item import ViewFillingItem

LEFT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


class SlopeLabels(ViewFillingItem):
    def __init__(self, font: QFont) -> None:
        super().__init__()
        self._font, self._bold = QFont(font), QFont(font)
        self._bold.setBold(True)
        self._metrics = QFontMetrics(self._bold)
        self.setZValue(40)
        self._left: list[str] = []
        self._right: list[str] = []
        self._y_left = self._y_right = np.zeros(0)
        self._last_column = 0.0
        self._points = np.zeros((0, 2))
        self._point_text: list[str] = []
        self._point_ink: list[QColor] = []
        self._gap = 0.0
        self._ink = QColor("black")
        self._faded = QColor("grey")
        self._emphasis: int | None = None

    # ---- what to draw -----------------------------------------------------------------------
    def set_colours(self, ink: str, faded: QColor) -> None:
        self._ink, self._faded = QColor(ink), QColor(faded)
        self.update()

    def set_names(self, left: list[str], right: list[str], gap_px: float) -> None:
        """Names already wrapped to fit; gap_px clears the column's marker."""
        self._left, self._right, self._gap = left, right, gap_px
        self.update()

    def set_positions(
        self,
        y_left: np.ndarray,
        y_right: np.ndarray,
        last_column: float,
        points: np.ndarray,
        point_text: list[str],
        point_ink: list[QColor],
    ) -> None:
        """Name rows at both ends, and each marker's centre (x, y) with its rank text."""
        self._y_left, self._y_right = np.asarray(y_left, float), np.asarray(y_right, float)
        self._last_column = last_column
        self._points, self._point_text, self._point_ink = points, point_text, point_ink
        self.update()

    def set_emphasis(self, option: int | None) -> None:
        if option != self._emphasis:
            self._emphasis = option
            self.update()

    # ---- reading back (tests, layout) ---------------------------------------------------------
    def names(self) -> tuple[list[str], list[str]]:
        return list(self._left), list(self._right)

    def point_texts(self) -> list[str]:
        return list(self._point_text)

    def block_width(self, texts: list[str]) -> int:
        """Widest text block in the bold face, so emphasis never pushes a name into the plot."""
        return max((text_block_width(t, self._metrics) for t in texts), default=0)

    def block_height(self, text: str) -> float:
        return self._metrics.lineSpacing() * (text.count("\n") + 1)

    def visible_rows(self, y_px: np.ndarray, heights: np.ndarray, keep: int | None) -> np.ndarray:
        """Which names fit without touching a neighbour (the emphasised one always shows)."""
        shown = np.zeros(len(y_px), dtype=bool)
        taken: list[tuple[float, float]] = []
        if keep is not None and 0 <= keep < len(y_px):
            shown[keep] = True
            taken.append((y_px[keep] - heights[keep] / 2, y_px[keep] + heights[keep] / 2))
        for i in np.argsort(y_px, kind="stable").tolist():
            if shown[i]:
                continue
            top, bottom = y_px[i] - heights[i] / 2, y_px[i] + heights[i] / 2
            if all(bottom <= t or top >= b for t, b in taken):
                shown[i] = True
                taken.append((top, bottom))
        return shown

    # ---- painting -----------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        for x, texts, ys, align in (
            (0.0, self._left, self._y_left, LEFT),
            (self._last_column, self._right, self._y_right, RIGHT),
        ):
            if len(texts) != len(ys):
                continue
            anchors = [transform.map(QPointF(x, y)) for y in ys.tolist()]
            y_px = np.array([a.y() for a in anchors])
            heights = np.array([self.block_height(t) for t in texts])
            for i in np.flatnonzero(self.visible_rows(y_px, heights, self._emphasis)).tolist():
                self._draw_name(painter, anchors[i], texts[i], heights[i], align, i)
        painter.setFont(self._bold)
        for (x, y), text, ink in zip(
            self._points.tolist(), self._point_text, self._point_ink, strict=False
        ):
            centre = transform.map(QPointF(x, y))
            painter.setPen(ink)
            painter.drawText(QRectF(centre.x() - 20, centre.y() - 12, 40, 24), CENTRE, text)
        painter.restore()

    def _draw_name(
        self,
        painter: QPainter,
        anchor: QPointF,
        text: str,
        height: float,
        align: Qt.AlignmentFlag,
        i: int,
    ) -> None:
        emphasised = i == self._emphasis
        painter.setFont(self._bold if emphasised else self._font)
        faded = self._emphasis is not None and not emphasised
        painter.setPen(self._faded if faded else self._ink)
        width = text_block_width(text, self._metrics) + 2
        if align == LEFT:
            rect = QRectF(anchor.x() - self._gap - width, anchor.y() - height / 2, width, height)
        else:
            rect = QRectF(anchor.x() + self._gap, anchor.y() - height / 2, width, height)
        painter.drawText(rect, align, text)
