"""Option names beside their points on the tradeoff map, each on the side where it collides least.

All names are painted by one item from cached QStaticText: a pyqtgraph TextItem per option
re-laid-out rich text on every repaint, and the map repaints on every slider tick. Which side a
name takes is decided by explorer/core/tradeoff.label_sides from pixel sizes measured here, once
per font change rather than once per tick.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from explorer.core import tradeoff
from explorer.ui import theme
from explorer.ui.view_item import ViewFillingItem

# per side in tradeoff.SIDES: the label's anchor and the direction it is pushed off its point
SIDE_GEOMETRY = (((0, 0.5), (1, 0)), ((1, 0.5), (-1, 0)), ((0.5, 1), (0, 1)), ((0.5, 0), (0, -1)))
PAD = 2.0  # px of background around each name


class _NameLayer(ViewFillingItem):
    """Paints each shown name in a translucent box at a pixel offset from its data point."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(10)
        self.texts: list[QStaticText] = []
        self.fonts: list[QFont] = []
        self.anchor = np.zeros((0, 2))  # data coordinates of each name's point
        self.offset = np.zeros((0, 2))  # px from the point to the box's top-left corner
        self.shown = np.zeros(0, dtype=bool)
        self.sizes = np.zeros((0, 2))
        self.fill = QColor()
        self.colour = QColor()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setPen(self.colour)
        for i in np.flatnonzero(self.shown).tolist():
            point = transform.map(QPointF(*self.anchor[i]))
            left, top = point.x() + self.offset[i][0], point.y() + self.offset[i][1]
            painter.fillRect(QRectF(left, top, *self.sizes[i]), self.fill)
            painter.setFont(self.fonts[i])
            painter.drawStaticText(QPointF(left + PAD, top + PAD), self.texts[i])
        painter.restore()


class MapLabels:
    """One name per option (file order), painted on the given plot."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self._layer = _NameLayer()
        plot_item.addItem(self._layer, ignoreBounds=True)
        self._names: list[str] = []
        self._bold: int | None = None

    def __len__(self) -> int:
        return len(self._names)

    def rebuild(self, names: list[str]) -> None:
        layer = self._layer
        self._names = list(names)
        layer.texts = []
        for name in names:
            text = QStaticText(name)
            text.setTextFormat(Qt.TextFormat.PlainText)
            layer.texts.append(text)
        n = len(names)
        layer.anchor, layer.offset = np.zeros((n, 2)), np.zeros((n, 2))
        layer.shown = np.zeros(n, dtype=bool)
        layer.fill = QColor(theme.current().background)
        layer.fill.setAlpha(200)  # names stay readable where they cross a range bar
        layer.colour = QColor(theme.current().foreground)
        layer.update()

    def set_fonts(self, base: QFont, selected: int | None) -> None:
        """The selected option's name in bold; label sizes are measured here, once per change."""
        plain = QFont(base)
        plain.setPointSize(max(theme.current().font_pt, 10))
        bold = QFont(plain)
        bold.setBold(True)
        layer = self._layer
        self._bold = selected
        layer.fonts = [bold if i == selected else plain for i in range(len(self._names))]
        sizes = []
        for text, font in zip(layer.texts, layer.fonts, strict=True):
            text.prepare(font=font)
            metrics = QFontMetricsF(font)
            sizes.append(
                (metrics.horizontalAdvance(text.text()) + 2 * PAD, metrics.height() + 2 * PAD)
            )
        layer.sizes = np.array(sizes, dtype=float).reshape(-1, 2)
        layer.update()

    def place(
        self,
        view: pg.ViewBox,
        x: np.ndarray,
        y: np.ndarray,
        radii: np.ndarray,
        shown: np.ndarray,
        priority: list[int],
    ) -> None:
        """Show the names in `shown`, placed in `priority` order (first placed, first served)
        beside points of the given pixel radii."""
        layer = self._layer
        rect, size = view.viewRect(), view.boundingRect()
        width, height = max(size.width(), 1.0), max(size.height(), 1.0)
        sx, sy = rect.width() / width, rect.height() / height  # data units per pixel
        pts = np.column_stack([(x - rect.left()) / sx, (rect.bottom() - y) / sy])
        sides = tradeoff.label_sides(pts, radii, layer.sizes, (0.0, 0.0, width, height), priority)
        layer.shown = np.asarray(shown, dtype=bool).copy()
        layer.anchor = np.column_stack([x, y])
        for i in priority:
            (ax, ay), (dx, dy) = SIDE_GEOMETRY[sides[i]]
            off = radii[i] + 4.0
            w, h = layer.sizes[i]
            shift = 0.0
            if dx == 0:  # centred above or below: slide along to stay inside the plot
                shift = min(0.0, width - 2 - (pts[i][0] + w / 2)) + max(0.0, w / 2 + 2 - pts[i][0])
            # pixel y runs down while data y runs up, hence the sign flip on dy
            layer.offset[i] = (dx * off + shift - ax * w, -dy * off - ay * h)
        layer.update()

    def visible_texts(self) -> dict[int, str]:
        return {i: self._names[i] for i in np.flatnonzero(self._layer.shown).tolist()}

    def bold(self) -> list[int]:
        return [] if self._bold is None else [self._bold]
