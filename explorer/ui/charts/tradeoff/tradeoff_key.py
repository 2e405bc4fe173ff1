"""The tradeoff map's key: what point size, rings, the dashed front and range bars mean."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from explorer.core import tradeoff
from explorer.ui import theme

MIN_SIZE, MAX_SIZE = 6.0, 40.0  # point diameter in px for a total of 0 and of 1
KEY_TOTALS = (0.25, 0.5, 1.0)


def point_size(totals: np.ndarray) -> np.ndarray:
    """Absolute, not relative, so the key stays true as the weights move.

    Whole pixels: pyqtgraph renders one cached sprite per distinct size, so continuous sizes
    would redraw sprites on every slider tick.
    """
    return np.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * tradeoff.bubble_fraction(totals))


def key_pixmap(base_font: QFont, device_ratio: float, t: theme.Theme) -> QPixmap:
    """Drawn once per set (and theme): what point size, rings, the dashed line and bars mean."""
    font = QFont(base_font)
    font.setPointSize(max(t.font_pt, 10))
    ratio = max(device_ratio, 1.0)
    height = int(MAX_SIZE + 6)
    pix = QPixmap(int(760 * ratio), int(height * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    fm = p.fontMetrics()
    mid = height / 2

    def text(x: float, s: str) -> float:
        p.setPen(QColor(t.foreground))
        p.drawText(QPointF(x, mid + fm.ascent() / 2 - 1), s)
        return x + fm.horizontalAdvance(s) + 6

    x = text(0, "Total score:")
    for total in KEY_TOTALS:
        d = float(point_size(np.array([total]))[0])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.muted))  # size only: the options have colours of their own
        p.drawEllipse(QRectF(x, mid - d / 2, d, d))
        x = text(x + d + 3, f"{total:g}")
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor(t.foreground), 2))
    p.drawEllipse(QRectF(x + 12, mid - 9, 18, 18))
    x = text(x + 36, "efficient")
    p.setPen(QPen(QColor(t.foreground), 1.5, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x + 6, mid), QPointF(x + 30, mid))
    x = text(x + 36, "front")
    p.setPen(QPen(QColor(t.muted), 1.5))
    p.drawLine(QPointF(x + 6, mid), QPointF(x + 30, mid))
    for end in (x + 6, x + 30):
        p.drawLine(QPointF(end, mid - 5), QPointF(end, mid + 5))
    x = text(x + 36, "score range")
    p.end()
    return pix.copy(0, 0, int(min(x, 760) * ratio), int(height * ratio))
