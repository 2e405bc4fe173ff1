"""Option profiles: parallel coordinates of desirability, one line per option across the criteria.

Where the ranking shows totals, this shows shape: which option is strong everywhere, which wins
on two criteria and collapses on a third. Desirability does not depend on the weights, so the
lines move only when the set changes; what follows the sliders is the band behind each criterion
axis, as wide as that criterion's weight share, so the analyst sees which columns count.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QWidget

from explorer.ui import theme
from explorer.ui.charts import chart_common as cc
from explorer.ui.charts import chart_text
from explorer.ui.state.session import Session
from explorer.ui.widgets import text_fit

# pyqtgraph symbol and the legend glyph that looks like it, cycled per option
SYMBOLS = (("o", "●"), ("s", "■"), ("t1", "▲"), ("d", "◆"), ("t", "▼"), ("star", "★"), ("+", "✚"))
POINT_HIT_PX = 9
LINE_HIT_PX = 5
SLANT_DEG = 30  # criterion names too long to wrap are slanted, ending at their tick
SLANT_MAX_PX = 190
BAND_PER_EQUAL_SHARE = 0.3  # band width (in criterion slots) of a criterion with an equal share
BAND_ALPHA = 60 / 255  # how strongly a band shows its criterion colour over the background


class ProfilesChart(cc.ChartBase):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Option profiles chart", "Options", parent)
        self._item.setLabel("left", "Desirability")
        # All profiles as one curve and one scatter (one paint call each, whatever the size);
        # the selected profile is redrawn on top by its own item.
        self._lines = pg.PlotCurveItem()
        self._markers = pg.ScatterPlotItem()
        self._chosen = pg.PlotDataItem()
        self._chosen.setZValue(10)
        for item in (self._lines, self._markers, self._chosen):
            self._view.addItem(item)
            # Profiles do not depend on the weights: only the bands behind them move per tick,
            # so the antialiased lines are blitted from a pixmap instead of redrawn.
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._bands: pg.BarGraphItem | None = None
        self._d = np.zeros((0, 0))  # desirability as drawn, options × criteria
        self._unassessed = np.zeros((0, 0), dtype=bool)
        self._hovered: tuple[int, int | None] | None = None
        self._mouse = QPointF()  # last mouse position, view coordinates
        self._axis_names: list[str] = []
        self._slanted: list[QGraphicsSimpleTextItem] = []
        self._view.sigResized.connect(self._place_slanted)

        self._connect_session()

    # ---- read-only accessors (tests, export) --------------------------------------------------
    def line_data(self, option_id: str) -> np.ndarray:
        """The desirabilities drawn for one option, in criterion order; read back for tests,
        which would otherwise reach into pyqtgraph items."""
        ds = self._session.decision_set
        assert ds is not None
        _, ys = self._lines.getData()
        return np.asarray(ys, dtype=float).reshape(self._d.shape)[ds.option_ids.index(option_id)]

    def line_width(self, option_id: str) -> float:
        """The pen width one option's line is drawn with (the chosen one stands out); read back
        for tests, which would otherwise reach into pyqtgraph items."""
        chosen = option_id == self._session.selected_option and self._chosen.isVisible()
        return (self._chosen.opts if chosen else self._lines.opts)["pen"].widthF()

    def band_widths(self) -> np.ndarray:
        """Width of the weight band behind each criterion axis, in criterion slots; read back for
        tests, which would otherwise reach into pyqtgraph items."""
        return np.zeros(0) if self._bands is None else np.asarray(self._bands.opts["width"])

    def axis_labels(self) -> list[str]:
        """Criterion names as the axis shows them (wrapped, or slanted and perhaps elided); read
        back for tests, which would otherwise reach into pyqtgraph items."""
        return [label.text() for label in self._slanted] or list(self._axis_names)

    # ---- building, once per decision set ----------------------------------------------------
    def _rebuild(self) -> None:
        if self._bands is not None:
            self._view.removeItem(self._bands)
        self._bands, self._hovered = None, None
        self._hover.clear()
        self._axis_tip.clear()
        ds = self._session.decision_set
        if ds is None:
            return
        self._restyle()
        n, m = len(ds.options), len(ds.criteria)
        self._bands = pg.BarGraphItem(
            x=np.arange(m, dtype=float),
            width=np.zeros(m),
            y0=0.0,
            height=1.0,
            pen=pg.mkPen(None),
            # Opaque, pre-mixed with the background they sit on (they never overlap, nothing
            # is under them): a translucent fill this size cost 1.4 ms of every tick's repaint.
            brushes=[
                cc.blend(theme.criterion_colour(j), self._theme.background, BAND_ALPHA)
                for j in range(m)
            ],
        )
        self._bands.setZValue(-10)
        self._view.addItem(self._bands)
        self._d = np.full((n, m), np.nan)  # forces the first _update to draw
        self._unassessed = np.array(
            [[ds.assessment(o.id, c.id).unassessed for c in ds.criteria] for o in ds.options]
        )
        self._view.setRange(xRange=(-0.5, m - 0.5), yRange=(-0.04, 1.04), padding=0)
        ticks = [(0, "0 worst"), (0.25, "0.25"), (0.5, "0.5"), (0.75, "0.75"), (1, "1 best")]
        self._item.getAxis("left").setTicks([ticks, []])
        metrics = QFontMetrics(cc.chart_font(self._theme))
        text_fit.fit_axis_width(self._item.getAxis("left"), [t for _, t in ticks], metrics)
        self._item.showGrid(x=True, y=True, alpha=0.2)
        self._fit_bottom_axis()

    def _fit_bottom_axis(self) -> None:
        """Criterion names wrapped into their slots (≤ 3 lines) when they fit whole; otherwise
        slanted, which gives a long name room at the cost of height (the tooltip has it all)."""
        ds = self._session.decision_set
        for label in self._slanted:
            self._plot.scene().removeItem(label)
        self._slanted = []
        if ds is None:
            return
        font = cc.chart_font(self._theme)
        metrics, axis = QFontMetrics(font), self._item.getAxis("bottom")
        slot = max(48, int((self.width() - axis.x() - 24) / len(ds.criteria)) - 8)
        names = [text_fit.wrap_text(c.name, metrics, slot, max_lines=3) for c in ds.criteria]
        if not any("…" in name for name in names):
            self._axis_names = names
            lines = max(name.count("\n") + 1 for name in names)
            axis.setHeight(lines * metrics.lineSpacing() + 14)
            axis.setTicks([list(enumerate(names)), []])
            return
        self._axis_names = [c.name for c in ds.criteria]  # elided to fit in _place_slanted
        axis.setTicks([[(j, "") for j in range(len(names))], []])
        for name in self._axis_names:
            label = QGraphicsSimpleTextItem(name, axis)
            label.setFont(font)
            label.setBrush(QColor(self._theme.foreground))
            label.setRotation(-SLANT_DEG)
            self._slanted.append(label)
        widest = min(SLANT_MAX_PX, max(metrics.horizontalAdvance(n) for n in self._axis_names))
        angle = np.radians(SLANT_DEG)
        axis.setHeight(int(widest * np.sin(angle) + metrics.height() * np.cos(angle)) + 14)
        self._place_slanted()

    def _place_slanted(self) -> None:
        """Each slanted name ends at its tick; names are elided so none runs off the left edge."""
        if not self._slanted:
            return
        axis = self._item.getAxis("bottom")
        metrics = QFontMetrics(self._slanted[0].font())
        reach = np.cos(np.radians(SLANT_DEG))  # horizontal extent per pixel of text
        for j, label in enumerate(self._slanted):
            scene_x = self._view.mapViewToScene(QPointF(j, 0)).x()
            room = (scene_x - 4) / reach
            text = self._axis_names[j]
            elided = metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, int(min(SLANT_MAX_PX, room))
            )
            label.setText(elided)
            rect = label.boundingRect()  # rotate about the end of the text, which sits at the tick
            label.setTransformOriginPoint(rect.width(), rect.height() / 2)
            tick = axis.mapFromScene(QPointF(scene_x, 0)).x()
            label.setPos(tick - rect.width(), 8 - rect.height() / 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bottom_axis()

    # ---- updating in place, once per result -------------------------------------------------
    def _update(self) -> None:
        result = self._session.result
        if result is None or self._bands is None:
            return
        if not np.array_equal(self._d, result.desirability):
            # only a new set or new scores move the lines; weights never do
            self._d = result.desirability.copy()
            self._show_selection()
        m = len(result.weights)
        self._bands.setOpts(width=np.minimum(result.weights * m * BAND_PER_EQUAL_SHARE, 0.95))
        self._refresh_hover()

    # ---- selection ------------------------------------------------------------------------
    def _show_selection(self) -> None:
        """Selected option thick in its own colour; the rest thinner, muted further
        while something is selected so the highlighted profile stands out."""
        ds = self._session.decision_set
        if ds is None:
            return
        th = self._theme
        selected = self._session.selected_option
        # opaque blends, and 1 px lines for big sets: wide translucent strokes are slow to paint
        if selected in ds.option_ids:
            others = cc.blend(th.muted, th.background, 0.6)
        else:
            others = cc.blend(th.foreground, th.background, 0.6)
        n, m = self._d.shape
        if n == 0 or m == 0 or np.isnan(self._d).any():  # not drawn yet
            return
        x = np.tile(np.arange(m, dtype=float), n)
        connect = np.ones(n * m, dtype=bool)
        connect[m - 1 :: m] = False  # no line from one option's last point to the next's first
        pen = cc.cosmetic_pen(others, 2.0 if n <= 12 else 1.0)
        self._lines.setData(x, self._d.ravel(), connect=connect, pen=pen)
        (fill, hollow_fill), (edge, hollow_edge) = _marker(others, th)
        hollow = self._unassessed.ravel().tolist()
        self._markers.setData(
            x=x,
            y=self._d.ravel(),
            symbol=[SYMBOLS[i % len(SYMBOLS)][0] for i in range(n) for _ in range(m)],
            size=9,
            brush=[hollow_fill if h else fill for h in hollow],
            pen=[hollow_edge if h else edge for h in hollow],
        )
        self._chosen.setVisible(selected in ds.option_ids)
        if selected in ds.option_ids:
            i = ds.option_ids.index(selected)
            colour = theme.option_colour(i)  # the option's one colour, as in every chart
            (fill, hollow_fill), (edge, hollow_edge) = _marker(colour, th)
            hollow = self._unassessed[i].tolist()
            self._chosen.setData(
                x[:m],
                self._d[i],
                pen=cc.cosmetic_pen(colour, 3.5),
                symbol=SYMBOLS[i % len(SYMBOLS)][0],
                symbolSize=12,
                symbolBrush=[hollow_fill if h else fill for h in hollow],
                symbolPen=[hollow_edge if h else edge for h in hollow],
            )
        self._legend.set_entries(self._legend_entries())

    def _legend_entries(self) -> list[tuple[str, str]]:
        ds = self._session.decision_set
        assert ds is not None
        th, selected = self._theme, self._session.selected_option
        entries = []
        for i, option in enumerate(ds.options):
            chosen = option.id == selected
            swatch = theme.option_colour(i).name() if chosen else th.muted
            glyph = SYMBOLS[i % len(SYMBOLS)][1]
            entries.append(
                cc.legend_entry(option.id, glyph, swatch, option.name, th.foreground, chosen)
            )
        if self._unassessed.any():
            html = f'<span style="color:{th.muted}">○&nbsp;not&nbsp;assessed</span>'
            entries.append((html, "○ not assessed"))
        return entries

    def _legend_clicked(self, option_id: str) -> None:
        self._session.select(option=option_id, criterion=self._session.selected_criterion)

    def _key_order(self) -> list[int]:
        ds = self._session.decision_set
        return [] if ds is None else list(range(len(ds.options)))

    # ---- mouse ----------------------------------------------------------------------------
    def _hit(self, scene_pos: QPointF) -> tuple[int, int | None] | None:
        """(option, criterion) for a point within a few pixels, else (option, None) for a line
        segment; the selected option wins ties so its points stay reachable when others overlap."""
        if not self._d.size or not self._view.sceneBoundingRect().contains(scene_pos):
            return None
        p = self._view.mapSceneToView(scene_pos)
        px, py = self._view.viewPixelSize()
        m = self._d.shape[1]
        x = np.arange(m, dtype=float)
        dx = (x[None, :] - p.x()) / px
        dy = (self._d - p.y()) / py
        dist = np.hypot(dx, dy)
        preferred = self._selected_index()
        if preferred is not None:
            dist[preferred] -= 0.5  # tie-break only
        i, j = np.unravel_index(int(np.argmin(dist)), dist.shape)
        if dist[i, j] <= POINT_HIT_PX:
            return int(i), int(j)
        if m < 2:
            return None
        k = int(np.clip(np.floor(p.x()), 0, m - 2))  # the segment between criteria k and k+1
        t = float(np.clip(p.x() - k, 0.0, 1.0))
        y_at = self._d[:, k] + (self._d[:, k + 1] - self._d[:, k]) * t
        slope_px = (self._d[:, k + 1] - self._d[:, k]) / py * px  # rise per pixel of run
        gap = np.abs(y_at - p.y()) / py / np.sqrt(1 + slope_px**2)
        near = int(np.argmin(gap))
        return (near, None) if gap[near] <= LINE_HIT_PX else None

    def _selected_index(self) -> int | None:
        ds, option = self._session.decision_set, self._session.selected_option
        return ds.option_ids.index(option) if ds and option in ds.option_ids else None

    def _axis_hit(self, scene_pos: QPointF) -> int | None:
        """Criterion whose name on the bottom axis is under a scene point."""
        m = self._d.shape[1]
        if not m or not cc.scene_rect(self._item.getAxis("bottom")).contains(scene_pos):
            return None
        j = round(self._view.mapSceneToView(scene_pos).x())
        return j if 0 <= j < m else None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        ds, result, j = self._session.decision_set, self._session.result, self._axis_hit(scene_pos)
        if j is None or ds is None or result is None:
            self._axis_tip.clear()
        else:
            left = self._view.mapViewToScene(QPointF(j - 0.5, 0)).x()
            right = self._view.mapViewToScene(QPointF(j + 0.5, 0)).x()
            axis = cc.scene_rect(self._item.getAxis("bottom"))
            rect = QRectF(left, axis.top(), right - left, axis.height())
            self._axis_tip.show_at(rect, chart_text.criterion_tooltip(ds, result, j))
        hit = self._hit(scene_pos)
        if self._view.sceneBoundingRect().contains(scene_pos):
            self._mouse = self._view.mapSceneToView(scene_pos)
        if hit != self._hovered or (hit is not None and hit[1] is None):  # line tips follow
            self._hovered = hit
            self._refresh_hover()

    def _refresh_hover(self) -> None:
        ds, result = self._session.decision_set, self._session.result
        if self._hovered is None or ds is None or result is None:
            self._hover.clear()
            return
        i, j = self._hovered
        px, py = self._view.viewPixelSize()
        if j is None:  # on a line between points: name the option
            text = chart_text.option_tooltip(ds, result, i)
            p = self._mouse
            rect = QRectF(p.x() - 6 * px, p.y() - 6 * py, 12 * px, 12 * py)
        else:
            text = chart_text.cell_tooltip(ds, result, i, j)
            r = POINT_HIT_PX
            rect = QRectF(j - r * px, float(self._d[i, j]) - r * py, 2 * r * px, 2 * r * py)
        self._hover.show_at(rect.normalized(), text)

    def _clicked(self, pos: QPointF) -> bool:
        ds, hit, axis_j = self._session.decision_set, self._hit(pos), self._axis_hit(pos)
        if ds is None:
            return False
        if axis_j is not None:  # a criterion name: keep the option, pick the criterion
            option = self._session.selected_option
            self._session.select(option=option, criterion=ds.criteria[axis_j].id)
        elif hit is not None:
            i, j = hit
            crit = ds.criteria[j].id if j is not None else self._session.selected_criterion
            self._session.select(option=ds.options[i].id, criterion=crit)
        return axis_j is not None or hit is not None


def _marker(colour: QColor, th: theme.Theme) -> tuple[tuple[QBrush, QBrush], tuple[QPen, QPen]]:
    """(filled, hollow) brushes and pens for one line colour."""
    brushes = (QBrush(colour), QBrush(QColor(th.background)))
    pens = (cc.cosmetic_pen(th.background, 1.0), cc.cosmetic_pen(colour, 1.5))
    return brushes, pens
