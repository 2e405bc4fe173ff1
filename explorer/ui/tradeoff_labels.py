"""Option names beside their points on the tradeoff map, each on the side where it collides least.

The name items are built once per decision set; on each result they are only moved, shown or
hidden. Which side a name takes is decided by explorer/core/tradeoff.label_sides from pixel
sizes measured here, once per font change rather than once per tick.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from explorer.core import tradeoff
from explorer.ui import theme

# per side in tradeoff.SIDES: the label's anchor and the direction it is pushed off its point
SIDE_GEOMETRY = (((0, 0.5), (1, 0)), ((1, 0.5), (-1, 0)), ((0.5, 1), (0, 1)), ((0.5, 0), (0, -1)))


class MapLabels:
    """One text item per option (file order), added to and removed from the given plot."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        self._plot_item = plot_item
        self._items: list[pg.TextItem] = []
        self._sizes = np.zeros((0, 2))
        self._shown = np.zeros(0, dtype=bool)  # which labels are visible

    def __len__(self) -> int:
        return len(self._items)

    def rebuild(self, names: list[str]) -> None:
        for label in self._items:
            self._plot_item.removeItem(label)
        self._items = []
        fill = QColor(theme.current().background)
        fill.setAlpha(200)  # labels stay readable where they cross a range bar
        for name in names:
            label = pg.TextItem(name, color=theme.current().foreground, fill=fill)
            label.setZValue(10)
            self._plot_item.addItem(label)
            self._items.append(label)
        self._shown = np.ones(len(self._items), dtype=bool)

    def set_fonts(self, base: QFont, selected: int | None) -> None:
        """The selected option's name in bold; label sizes are measured here, once per change."""
        plain = QFont(base)
        plain.setPointSize(max(theme.current().font_pt, 10))
        bold = QFont(plain)
        bold.setBold(True)
        for i, label in enumerate(self._items):
            label.setFont(bold if i == selected else plain)
        self._sizes = np.array(
            [[lab.boundingRect().width(), lab.boundingRect().height()] for lab in self._items]
        ).reshape(-1, 2)

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
        rect, size = view.viewRect(), view.boundingRect()
        width, height = max(size.width(), 1.0), max(size.height(), 1.0)
        sx, sy = rect.width() / width, rect.height() / height  # data units per pixel
        pts = np.column_stack([(x - rect.left()) / sx, (rect.bottom() - y) / sy])
        sides = tradeoff.label_sides(pts, radii, self._sizes, (0.0, 0.0, width, height), priority)
        for i in np.flatnonzero(shown != self._shown):
            self._items[i].setVisible(bool(shown[i]))
        self._shown = shown
        for i in priority:
            anchor, (dx, dy) = SIDE_GEOMETRY[sides[i]]
            off = radii[i] + 4.0
            shift = 0.0
            if dx == 0:  # centred above or below: slide along to stay inside the plot
                half = self._sizes[i][0] / 2
                shift = min(0.0, width - 2 - (pts[i][0] + half)) + max(0.0, half + 2 - pts[i][0])
            self._items[i].setAnchor(anchor)
            self._items[i].setPos(x[i] + (dx * off + shift) * sx, y[i] + dy * off * sy)

    def visible_texts(self) -> dict[int, str]:
        return {i: lab.toPlainText() for i, lab in enumerate(self._items) if lab.isVisible()}

    def bold(self) -> list[int]:
        return [i for i, lab in enumerate(self._items) if lab.textItem.font().bold()]
