"""A graphics item that claims the whole view, for layers redrawn on every slider tick.

Layers whose content moves every tick (stacked bars, bar labels) would otherwise announce a
geometry change per tick; claiming the view rect means a change is just a repaint, and only a
change of the view's range moves the geometry.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF


class ViewFillingItem(pg.GraphicsObject):
    def boundingRect(self) -> QRectF:
        rect = self.viewRect()
        return QRectF() if rect is None else rect

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
