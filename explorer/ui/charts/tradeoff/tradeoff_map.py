"""Tradeoff map: every option on two chosen axes, so the analyst sees what each one gives up.

Both axes are desirability (0 = worst end of the scale, 1 = best), so up and right are always
better and the efficient options sit on the upper-right edge. Point size is the option's overall
score; bars are the assessed score ranges; rings and a dashed line mark the Pareto front. Items
are built once per decision set and moved with setData on each result, so slider drags stay
smooth; all numbers come from explorer/core/tradeoff.py.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from explorer.core import tradeoff
from explorer.core.label_layout import LABEL_LIMIT, naming_order
from explorer.ui import theme
from explorer.ui.charts.chart_common import cache_axis, static_plot
from explorer.ui.charts.tradeoff.tradeoff_key import key_pixmap, point_size
from explorer.ui.charts.tradeoff.tradeoff_labels import MapLabels
from explorer.ui.charts.tradeoff.tradeoff_text import TICKS, axis_title, point_tooltip
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown

RING_EXTRA = 10.0  # Pareto ring diameter beyond the point
SELECTED_EXTRA = 8.0  # the selection ring's diameter beyond the Pareto ring
RING_PEN, SELECTED_PEN = 2.0, 3.5
BEAM = 0.012  # width of an error bar's end caps, in axis units
SELECTED_COLOUR = theme.CRITERION_COLOURS[1]


class TradeoffMap(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._choices: list[tradeoff.Axis] = []
        self._set_id: str | None = None
        self._ids: list[str] = []
        self._brushes: list[QBrush] = []
        self._titles_for: tuple[object, ...] = ()
        self._lo = self._hi = np.zeros((0, 0))
        self._x: tradeoff.AxisValues | None = None
        self._y: tradeoff.AxisValues | None = None
        self._front = tradeoff.ParetoFront(np.zeros(0, int), np.zeros(0, int))
        self._refit = True

        self.x_combo, self.y_combo = QComboBox(), QComboBox()
        top = QHBoxLayout()
        for text, combo, name in (("&X", self.x_combo, "X axis"), ("&Y", self.y_combo, "Y axis")):
            label = QLabel(f"{text} axis:")
            label.setBuddy(combo)
            combo.setAccessibleName(name)
            combo.setToolTip(f"Criterion or criterion group shown on the {name}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)  # the window must fit a 1024-pixel screen
            combo.currentIndexChanged.connect(self._on_axis_changed)
            top.addWidget(label)
            top.addWidget(combo, 1)
        self.plot = static_plot()
        self.plot.setAccessibleName("Tradeoff map chart")
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.installEventFilter(self)
        self.key = QLabel()
        self.key.setAccessibleName("Tradeoff map key")
        # a narrow window (a 1024-pixel screen) shrinks the key instead of being widened by it
        self.key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._key_full = QPixmap()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.key)

        pi = self.plot.getPlotItem()
        self._labels = MapLabels(pi)
        self.vb = pi.getViewBox()
        self.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.0)
        self.vb.sigResized.connect(self._place_labels)
        self.vb.sigResized.connect(self._axis_titles)
        for name in ("bottom", "left"):
            pi.getAxis(name).setTicks([TICKS])
        # no grid: ticks every 0.1 suffice, and a grid repaints the whole plot (~1 ms a tick)

        self.front_line = pg.PlotCurveItem()
        self.errors = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), beam=BEAM)
        self.rings = pg.ScatterPlotItem(pxMode=True, brush=None)
        self.points = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=self._tip)
        self.selected_ring = pg.ScatterPlotItem(pxMode=True, brush=None)
        for z, item in enumerate(
            (self.front_line, self.errors, self.rings, self.points, self.selected_ring)
        ):
            item.setZValue(z)
            pi.addItem(item)
        self.points.sigClicked.connect(self._on_clicked)

        session.setChanged.connect(self._on_set_changed)
        session.themeChanged.connect(self._follow_theme)
        session.views.tradeoffAxesChanged.connect(self._follow_view_state)
        session.resultChanged.connect(self._on_result)
        session.selectionChanged.connect(self._on_selection_changed)
        if session.decision_set is not None:
            self._on_set_changed()
            self._update()
            self._on_selection_changed()

    # ---- accessors (tests, main window) -------------------------------------------------
    @property
    def x_axis(self) -> tradeoff.Axis | None:
        return self._axis(self.x_combo)

    @property
    def y_axis(self) -> tradeoff.Axis | None:
        return self._axis(self.y_combo)

    def positions(self) -> dict[str, tuple[float, float]]:
        """Where the points are drawn, read back from the scatter item itself (file order)."""
        drawn = {str(p.data()): (p.pos().x(), p.pos().y()) for p in self.points.points()}
        return {oid: drawn[oid] for oid in self._ids if oid in drawn}

    def error_extents(self) -> dict[str, tuple[float, float, float, float]]:
        """(x low, x high, y low, y high) per option, as the error-bar item draws them; read back
        for tests, which would otherwise reach into pyqtgraph items."""
        o = self.errors.opts
        x, y = o["x"], o["y"]
        xl, xh = x - o["left"], x + o["right"]
        yl, yh = y - o["bottom"], y + o["top"]
        return {
            oid: (float(xl[i]), float(xh[i]), float(yl[i]), float(yh[i]))
            for i, oid in enumerate(self._ids)
        }

    def pareto_ids(self) -> list[str]:
        """Ids of the options ringed as Pareto-efficient on the axes shown; read back for tests,
        which would otherwise reach into pyqtgraph items."""
        return [self._ids[i] for i in self._front.efficient]

    def label_texts(self) -> dict[str, str]:
        """Option id -> the name drawn beside its point, for the names shown (perhaps elided); read
        back for tests, which would otherwise reach into pyqtgraph items."""
        return {self._ids[i]: text for i, text in self._labels.visible_texts().items()}

    def label_rects(self) -> dict[str, QRectF]:
        """Each shown name's box in the plot's scene pixels, where points map with mapToScene;
        read back for tests, which would otherwise reach into pyqtgraph items."""
        return {self._ids[i]: rect for i, rect in self._labels.rects(self.vb).items()}

    def bold_labels(self) -> list[str]:
        """Ids of the options whose name is drawn bold (the selected one); read back for tests,
        which would otherwise reach into pyqtgraph items."""
        return [self._ids[i] for i in self._labels.bold()]

    def tooltip(self, option_id: str) -> str:
        ds, result = self.session.decision_set, self.session.result
        if ds is None or result is None or self._x is None or self._y is None:
            return ""
        i = self._ids.index(option_id)
        return point_tooltip(ds, result, i, self.x_axis, self._x, self.y_axis, self._y)

    # ---- building -----------------------------------------------------------------------
    def _on_set_changed(self) -> None:
        ds = self.session.decision_set
        if ds is None:
            return
        keep = self.session.views.tradeoff_axes or (
            self.x_combo.currentData(),
            self.y_combo.currentData(),
        )
        same_set = ds.id == self._set_id
        self._set_id = ds.id
        self._choices = tradeoff.axes(ds)
        self._ids = ds.option_ids
        self._lo, self._hi = tradeoff.desirability_bounds(ds)
        keys = [a.key for a in self._choices]
        wanted = self.session.views.tradeoff_axes
        if wanted is not None and wanted[0] in keys and wanted[1] in keys:
            keep = wanted
        elif not (same_set and keep[0] in keys and keep[1] in keys):
            x, y = tradeoff.default_axes(self._choices, self.session.shares)
            keep = (x.key, y.key)
        for combo, key in ((self.x_combo, keep[0]), (self.y_combo, keep[1])):
            with QSignalBlocker(combo):
                combo.clear()
                for axis in self._choices:
                    combo.addItem(axis.label, axis.key)
                combo.setCurrentIndex(keys.index(key))
        self.session.views.set_tradeoff_axes(*keep)  # what slides and export will draw
        self._style()
        self._labels.rebuild([option.name for option in ds.options], self.session.theme)
        # Beyond the label limit the map is a cloud: beamless, aliased range bars read the
        # same and cost a third of the drawing (~3 ms a tick at 200 options).
        dense = len(ds.options) > LABEL_LIMIT
        muted = self.session.theme.muted
        self.errors.setData(
            beam=0 if dense else BEAM, pen=pg.mkPen(muted, width=1 if dense else 1.2)
        )
        self.plot.setAntialiasing(not dense)
        self._apply_fonts()
        self._axis_titles()
        self._refit = True  # fitted on the first result for this set (resultChanged follows)

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        if self.session.decision_set is not None:
            self._on_set_changed()  # restyles and redraws the key in the new colours
            self._on_result()
            self._on_selection_changed()

    def _style(self) -> None:
        """Theme colours for everything; runs per set, so a theme switch restyles on refresh."""
        t = self.session.theme
        fg, muted = QColor(t.foreground), QColor(t.muted)
        self.plot.setBackground(t.background)
        tick_font = QFont(self.font())
        tick_font.setPointSize(max(t.font_pt, 10))
        for name in ("bottom", "left"):
            axis = self.plot.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(t.grid))
            axis.setTextPen(pg.mkPen(fg))
            axis.setStyle(tickFont=tick_font)
            cache_axis(axis)
        self.front_line.setPen(pg.mkPen(fg, width=1.5, style=Qt.PenStyle.DashLine))
        self.errors.setData(pen=pg.mkPen(muted, width=1.2))
        self.rings.setPen(pg.mkPen(fg, width=RING_PEN))
        self._brushes = []  # one per option, in file order; none for a cloud of options
        if len(self._ids) <= LABEL_LIMIT:
            # Beyond the label limit the options' colours cycle and tell nobody apart, and
            # per-point brushes made pyqtgraph render a sprite per size × colour: 200 options
            # took ~20 ms a tick instead of ~8.
            for i in range(len(self._ids)):
                colour = theme.option_colour(i)
                colour.setAlpha(225)  # range bars behind a point still show through its edge
                self._brushes.append(pg.mkBrush(colour))
        point = QColor(t.highlight)
        point.setAlpha(210)
        self.points.setBrush(pg.mkBrush(point))
        self.points.setPen(pg.mkPen(t.background, width=1))
        self.selected_ring.setPen(pg.mkPen(SELECTED_COLOUR, width=SELECTED_PEN))
        self._key_full = key_pixmap(self.font(), self.devicePixelRatioF(), self.session.theme)
        self._fit_key()

    def _fit_key(self) -> None:
        full = self._key_full
        if full.isNull():
            return
        ratio = full.devicePixelRatio() or 1.0
        room = max(1, self.width() - 8) * ratio  # the layout's 4-pixel margins
        fitted = full
        if full.width() > room:
            fitted = full.scaledToWidth(int(room), Qt.TransformationMode.SmoothTransformation)
            fitted.setDevicePixelRatio(ratio)
        self.key.setFixedHeight(int(fitted.height() / ratio))
        self.key.setPixmap(fitted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_key()

    def _axis_titles(self) -> None:
        """Each title fitted to its axis's length: a long criterion name is shortened, never
        "(better →)", which a title cut at the plot's edge lost ("Iraq (better")."""
        t = self.session.theme
        pi = self.plot.getPlotItem()
        pt = max(t.font_pt, 10) + 1
        style = {"color": t.foreground, "font-size": f"{pt}pt"}
        font = QFont(self.font())
        font.setPointSize(pt)
        metrics = QFontMetrics(font)
        room = {"bottom": self.vb.width(), "left": self.vb.height()}
        wanted = (self.x_axis, self.y_axis, pt, int(room["bottom"]), int(room["left"]))
        if wanted == self._titles_for:
            return
        self._titles_for = wanted
        for side, axis in (("bottom", self.x_axis), ("left", self.y_axis)):
            if axis is not None:
                length = room[side] if room[side] > 50 else 400.0
                pi.setLabel(side, axis_title(axis, metrics, length - 8), **style)

    def _axis(self, combo: QComboBox) -> tradeoff.Axis | None:
        key = combo.currentData()
        return next((a for a in self._choices if a.key == key), None)

    # ---- updating -----------------------------------------------------------------------
    def _follow_view_state(self) -> None:
        """Axes set from outside (restored settings, a test, another view): show them."""
        wanted = self.session.views.tradeoff_axes
        if wanted is None or wanted == (self.x_combo.currentData(), self.y_combo.currentData()):
            return
        for combo, key in ((self.x_combo, wanted[0]), (self.y_combo, wanted[1])):
            index = combo.findData(key)
            if index >= 0:
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(index)
        self._on_axis_changed()

    def _on_axis_changed(self) -> None:
        self.session.views.set_tradeoff_axes(self.x_combo.currentData(), self.y_combo.currentData())
        self._axis_titles()
        self._update()
        self._fit_view()

    def _fit_view(self) -> None:
        """Zoom to the options' ranges, so a tight cluster still spreads out legibly."""
        if self._x is None or self._y is None:
            return
        x0, x1 = tradeoff.axis_extent(self._x.low, self._x.high)
        y0, y1 = tradeoff.axis_extent(self._y.low, self._y.high)
        self.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
        self._place_labels()

    def _keep_in_view(self, x: np.ndarray, y: np.ndarray) -> None:
        """Widen (never shrink) the view if a weight change moved a point out of it."""
        rect = self.vb.viewRect()
        if len(x) and (
            x.min() < rect.left()
            or x.max() > rect.right()
            or y.min() < rect.top()
            or y.max() > rect.bottom()
        ):
            self._fit_view()

    def _update(self) -> None:
        result, x_axis, y_axis = self.session.result, self.x_axis, self.y_axis
        if result is None or x_axis is None or y_axis is None:
            return
        args = (result.desirability, self._lo, self._hi, result.weights, result.contributions)
        self._x = xv = tradeoff.axis_values(x_axis, *args)
        self._y = yv = tradeoff.axis_values(y_axis, *args)
        x, y = xv.value, yv.value
        sizes = point_size(result.totals)
        self._front = front = tradeoff.pareto_front(x, y)
        top = result.order[::-1]  # best-ranked drawn last, on top of any point it overlaps
        per_point = {"brush": [self._brushes[i] for i in top.tolist()]} if self._brushes else {}
        self.points.setData(
            x=x[top], y=y[top], size=sizes[top], data=[self._ids[i] for i in top], **per_point
        )
        self.errors.setData(
            x=x, y=y, left=x - xv.low, right=xv.high - x, bottom=y - yv.low, top=yv.high - y
        )
        eff = front.efficient
        self.rings.setData(x=x[eff], y=y[eff], size=sizes[eff] + RING_EXTRA)
        self.front_line.setData(x=x[front.line], y=y[front.line])
        self._show_selected()
        self._name_points(steady=True)
        if self._refit:
            self._refit = False
            self._fit_view()
        else:
            self._keep_in_view(x, y)

    def _show_selected(self) -> None:
        oid, result = self.session.selected_option, self.session.result
        if oid not in self._ids or self._x is None or self._y is None or result is None:
            self.selected_ring.setData(x=[], y=[])
            return
        i = slice(self._ids.index(oid), self._ids.index(oid) + 1)
        size = point_size(result.totals[i]) + RING_EXTRA + SELECTED_EXTRA
        self.selected_ring.setData(x=self._x.value[i], y=self._y.value[i], size=size)

    def _place_labels(self) -> None:
        """Names placed afresh: the view was resized or refitted, or the selection changed."""
        self._name_points(steady=False)

    def _name_points(self, steady: bool) -> None:
        """Names beside their points, clear of every point, ring and other name. `steady`
        (a new result, e.g. a slider tick) keeps each name on its side while that stays clear,
        so names do not hop about as points glide past each other."""
        result = self.session.result
        if self._x is None or self._y is None or result is None or not self._labels:
            return
        selected = self.session.selected_option
        index = self._ids.index(selected) if selected in self._ids else None
        size = point_size(result.totals)
        radii = size / 2 + 0.5  # the point's 1-px outline
        radii[self._front.efficient] = (size[self._front.efficient] + RING_EXTRA + RING_PEN) / 2
        if index is not None:
            radii[index] = (size[index] + RING_EXTRA + SELECTED_EXTRA + SELECTED_PEN) / 2
        order = naming_order(result.order, self._front.efficient, index)
        self._labels.place(self.vb, self._x.value, self._y.value, radii, order, steady)

    # ---- selection ----------------------------------------------------------------------
    def _on_clicked(self, _item: object, points: list, _event: object) -> None:
        if len(points):
            self.session.select(option=str(points[0].data()))

    def _on_selection_changed(self) -> None:
        self._apply_fonts()
        self._show_selected()
        self._place_labels()

    def _apply_fonts(self) -> None:
        selected = self.session.selected_option
        index = self._ids.index(selected) if selected in self._ids else None
        self._labels.set_fonts(self.font(), index, self.session.theme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys walk the options best-first, so the map works without a mouse."""
        result = self.session.result
        if (
            watched is self.plot
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)  # always, for a key press: typed for key()
            and result is not None
        ):
            key = event.key()
            step: dict[int, int] = {  # key() is a plain int; Qt.Key is an IntEnum
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Up: -1,
            }
            if key in step:
                order = [self._ids[int(i)] for i in result.order]
                current = self.session.selected_option
                pos = order.index(current) + step[key] if current in order else 0
                self.session.select(option=order[pos % len(order)])
                return True
            if key == Qt.Key.Key_Escape:
                self.session.select()
                return True
        return super().eventFilter(watched, event)

    # ---- text ---------------------------------------------------------------------------
    def _tip(self, x: float, y: float, data: object) -> str:
        return self.tooltip(str(data))
