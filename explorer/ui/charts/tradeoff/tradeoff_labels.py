"""Option names beside their points on the tradeoff map, clear of other points and names.

All names are painted by one item from cached QStaticText: a pyqtgraph TextItem per option
re-laid-out rich text on every repaint, and the map repaints on every slider tick. Where each name
goes is decided by explorer/core/label_layout (the same placement as the briefing's slide) from
pixel sizes measured here once per font change, and only when the points' pixels change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from explorer.core import label_layout
from explorer.ui import theme
from explorer.ui.widgets.view_item import ViewFillingItem

PAD = 2.0  # px of background around each name
SWATCH_PX = 4.0  # the option's colour along the left edge of its name
LEADER_PX = 1.5  # a name moved off its point: the line back to it, in the option's colour


class _NameLayer(ViewFillingItem):
    """Paints each shown name in a translucent box at a pixel offset from its data point."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(10)
        self.texts: list[QStaticText] = []
        self.fonts: list[QFont] = []
        self.anchor = np.zeros((0, 2))  # data coordinates of each name's point
        self.offset = np.zeros((0, 2))  # px from the point to the box's top-left corner
        self.leader = np.zeros((0, 4))  # px from the point to a leader line's ends; NaN: none
        self.shown = np.zeros(0, dtype=bool)
        self.sizes = np.zeros((0, 2))
        self.fill = QColor()
        self.colour = QColor()
        self.swatches: list[QColor] = []  # each option's colour, on the edge of its name
        self.line = QPen()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        shown = np.flatnonzero(self.shown).tolist()
        for i in shown:
            if not np.isnan(self.leader[i, 0]):
                # in the option's colour, like the swatch on its name: a grey leader line ran
                # along the point's own range bar and could not be seen
                self.line.setColor(self.swatches[i] if i < len(self.swatches) else self.colour)
                painter.setPen(self.line)
                point = transform.map(QPointF(*self.anchor[i]))
                painter.drawLine(QLineF(*self.leader[i]).translated(point))
        painter.setPen(self.colour)
        for i in shown:
            point = transform.map(QPointF(*self.anchor[i]))
            left, top = point.x() + self.offset[i][0], point.y() + self.offset[i][1]
            painter.fillRect(QRectF(left, top, *self.sizes[i]), self.fill)
            if i < len(self.swatches):  # ties a name moved off its point back to the point
                painter.fillRect(QRectF(left, top, SWATCH_PX, self.sizes[i][1]), self.swatches[i])
            painter.setFont(self.fonts[i])
            painter.drawStaticText(QPointF(left + PAD + SWATCH_PX, top + PAD), self.texts[i])
        painter.restore()


class MapLabels:
    """One name per option (file order), painted on the given plot."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self._layer = _NameLayer()
        plot_item.addItem(self._layer, ignoreBounds=True)
        self._names: list[str] = []
        self._bold: int | None = None
        self._slots = np.zeros(0, dtype=int)  # last placement, so names keep their side
        self._key: tuple = ()  # what the last placement was computed from

    def __len__(self) -> int:
        return len(self._names)

    def rebuild(self, names: list[str], t: theme.Theme) -> None:
        layer = self._layer
        self._names = list(names)
        layer.texts = []
        for name in names:
            text = QStaticText(name)
            text.setTextFormat(Qt.TextFormat.PlainText)
            layer.texts.append(text)
        n = len(names)
        layer.anchor, layer.offset = np.zeros((n, 2)), np.zeros((n, 2))
        layer.leader = np.full((n, 4), np.nan)
        layer.shown = np.zeros(n, dtype=bool)
        layer.fill = QColor(t.background)
        layer.fill.setAlpha(200)  # names stay readable where they cross a range bar
        layer.colour = QColor(t.foreground)
        layer.line = QPen(QColor(t.muted), LEADER_PX)
        layer.swatches = [theme.option_colour(i) for i in range(n)]
        self._slots = np.full(n, -1)
        self._key = ()
        layer.update()

    def set_fonts(self, base: QFont, selected: int | None, t: theme.Theme) -> None:
        """The selected option's name in bold; label sizes are measured here, once per change."""
        plain = QFont(base)
        plain.setPointSize(max(t.font_pt, 10))
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
                (
                    metrics.horizontalAdvance(text.text()) + 2 * PAD + SWATCH_PX,
                    metrics.height() + 2 * PAD,
                )
            )
        layer.sizes = np.array(sizes, dtype=float).reshape(-1, 2)
        layer.update()

    def place(
        self,
        view: pg.ViewBox,
        x: np.ndarray,
        y: np.ndarray,
        radii: np.ndarray,
        order: list[int],
        steady: bool = False,
    ) -> None:
        """Name the options in `order` (most important first) beside points at data (x, y)
        whose discs, rings included, have the given pixel radii; `steady` keeps each name where
        it was while that spot stays clear.

        Runs when the points' pixels may have moved (a result, a resize, a new selection);
        when nothing the placement depends on changed, the names stay as they are.
        """
        layer = self._layer
        rect, size = view.viewRect(), view.boundingRect()
        width, height = max(size.width(), 1.0), max(size.height(), 1.0)
        sx, sy = rect.width() / width, rect.height() / height  # data units per pixel
        pts = np.column_stack([(x - rect.left()) / sx, (rect.bottom() - y) / sy])
        key = (pts.tobytes(), np.asarray(radii).tobytes(), layer.sizes.tobytes(), tuple(order))
        if key == self._key:
            return
        self._key = key
        layout = label_layout.place_labels(
            pts,
            radii,
            layer.sizes,
            (0.0, 0.0, width, height),
            order,
            prefer=self._slots if steady else None,
        )
        self._slots = layout.slot
        layer.shown = layout.shown
        layer.anchor = np.column_stack([x, y])
        layer.offset = np.where(layout.shown[:, None], layout.boxes[:, :2] - pts, 0.0)
        layer.leader = layout.leaders - np.tile(pts, 2)
        layer.update()

    def rects(self, view: pg.ViewBox) -> dict[int, QRectF]:
        """Each shown name's box in scene pixels, as painted (tests, screenshots)."""
        layer, out = self._layer, {}
        for i in np.flatnonzero(layer.shown).tolist():
            point = view.mapViewToScene(QPointF(*layer.anchor[i]))
            left, top = point.x() + layer.offset[i][0], point.y() + layer.offset[i][1]
            out[i] = QRectF(left, top, *layer.sizes[i])
        return out

    def visible_texts(self) -> dict[int, str]:
        return {i: self._names[i] for i in np.flatnonzero(self._layer.shown).tolist()}

    def bold(self) -> list[int]:
        return [] if self._bold is None else [self._bold]
