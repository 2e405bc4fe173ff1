"""The ranking's two axes: option names down the left, the total's scale along the bottom.

Both are fitted by hand rather than left to pyqtgraph: auto-sizing learns a size only after the
first paint (the plot would jump), and an auto-ranged scale would rescale under a dragging hand.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from explorer.core.engine import Method, Result
from explorer.ui.charts.chart_common import chart_font
from explorer.ui.theme import Theme
from explorer.ui.widgets.text_fit import fit_axis_width, wrap_text

X_STEP = 0.2  # the total axis ends at the next multiple of this above the leader
AXIS_LABELS = {
    Method.WSM: "Weighted-sum score (0–1)",
    Method.TOPSIS: "TOPSIS closeness (0–1)",
    Method.TOPSIS_SCALE: "TOPSIS closeness, scale-relative (0–1)",
    Method.PROMETHEE: "PROMETHEE II net flow, as (φ + 1) / 2 (0–1)",
}


class RankingAxes:
    """Fits the axes of one plot item; the chart says when (new set, resize, new result)."""

    def __init__(self, item: pg.PlotItem, theme: Theme) -> None:
        self._item = item
        self._view = item.getViewBox()
        self._left, self._bottom = item.getAxis("left"), item.getAxis("bottom")
        self._left.setStyle(tickLength=0)  # names need no tick marks
        self._theme = theme
        self._tick_names: list[str] = []
        self._fitted: tuple[object, ...] = ()
        self._ticks: list[tuple[float, str]] = []
        self._x_top, self._x_top_width = 0.0, 0  # right end of the total axis, and for what width
        self._x_method: Method | None = None

    def forget(self) -> None:
        """A new set: its names and scale are fitted afresh."""
        self._ticks = []
        self._fitted = ()
        self._x_top, self._x_top_width = 0.0, 0

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self._left.setTickPen(pg.mkPen(None))
        self._item.showGrid(x=True, y=False, alpha=0.25)
        ticks_px = QFontMetrics(chart_font(theme)).height()  # auto height clips the label
        label_px = QFontMetrics(chart_font(theme, 1)).height()
        self._bottom.setHeight(ticks_px + label_px + 8)

    def fit_names(self, names: list[str], cap_px: int, row_px: float = 1e9) -> None:
        """Names must be readable: widen the axis to the longest, wrapping only very long ones,
        and only onto a second line when a row is tall enough for two (else they would overlap
        the next name; the tooltip has the full name)."""
        metrics = QFontMetrics(chart_font(self._theme))
        lines = 2 if row_px >= 2.2 * metrics.lineSpacing() else 1
        fitted = (tuple(names), cap_px, lines, self._theme)
        if fitted == self._fitted:  # called on every view resize: re-lay-out only on a change
            return
        self._fitted = fitted
        self._tick_names = [wrap_text(name, metrics, cap_px, max_lines=lines) for name in names]
        fit_axis_width(self._left, self._tick_names, metrics)

    def show_names(self, rows: np.ndarray, shown_rows: int) -> None:
        """Each option's name beside its row, wherever the row is (mid-glide too)."""
        if len(self._tick_names) != len(rows):
            return  # names are fitted later in the same rebuild
        limit = shown_rows - 0.5 + 1  # rows gliding in from just below still get names
        ticks = [
            (y, name) for y, name in zip(rows.tolist(), self._tick_names, strict=True) if y < limit
        ]
        if ticks != self._ticks:  # an axis re-lays-out all its text on every setTicks
            self._ticks = ticks
            self._left.setTicks([ticks, []])

    def show_method(self, method: Method) -> None:
        if method is not self._x_method:  # TOPSIS and WSM totals are not comparable
            self._x_method, self._x_top = method, 0.0
        if self._bottom.labelText != AXIS_LABELS[method]:
            self._item.setLabel("bottom", AXIS_LABELS[method])

    def fit_scale(self, result: Result | None) -> None:
        """Scale to the leader in steps of 0.2, with room right of the bars for the labels.

        Bars use the width a projector needs, yet the axis stays still under a dragging hand:
        it only widens during a session (to the next step) and is refitted per set or method.
        """
        width_px = self._view.width()
        if width_px <= 0 or result is None or not len(result.totals):
            return
        top = min(1.0, np.ceil(float(result.totals.max()) / X_STEP - 1e-9) * X_STEP)
        top = max(top, X_STEP)
        if top <= self._x_top and self._x_top_width == width_px:
            return
        self._x_top, self._x_top_width = max(top, self._x_top), width_px
        metrics = QFontMetrics(chart_font(self._theme, 1))
        label_px = metrics.horizontalAdvance(" 0.00 =10 ▲10 ") + 6
        usable = max(width_px - label_px, width_px * 0.5)
        span = self._x_top * width_px / usable
        self._view.setXRange(-0.02 * self._x_top, span, padding=0)  # a little room for the "0"
        steps = round(self._x_top / X_STEP)
        ticks = [
            (k * X_STEP, f"{k * X_STEP:.1f}".rstrip("0").rstrip(".")) for k in range(steps + 1)
        ]
        self._bottom.setTicks([ticks, []])
