"""The ranking: one stacked bar per option, best on top, segments coloured by criterion.

ValueCharts-style stacking shows not only who wins but what carries each option. While the
analyst drags a slider the widths change in place; when the order changes the rows glide to
their new places (≤ 250 ms, positions only — values are never held back) and a fading ▲/▼ mark
says who moved, because a silent reorder is easy to miss.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QElapsedTimer,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QWidget

from explorer.core.engine import Method, Result
from explorer.ui import chart_common as cc
from explorer.ui import theme
from explorer.ui.session import Session
from explorer.ui.stacked_bars import StackedBars

BAR_HEIGHT = 0.62
MIN_ROW_PX = 24  # below this a bar and its name stop being readable
X_STEP = 0.2  # the total axis ends at the next multiple of this above the leader
AXIS_LABELS = {
    Method.WSM: "Weighted-sum score (0–1)",
    Method.TOPSIS: "TOPSIS closeness (0–1)",
}
ZERO_WEIGHTS = (
    "All criteria have zero weight, so no option can be ranked.\n"
    "Give at least one criterion some weight, or press “Equal weights”."
)


class RankingChart(cc.ChartBase):
    REORDER_MS = 220  # long enough to follow, short enough never to lag a slider
    MARK_HOLD_MS = 1000
    MARK_FADE_MS = 800

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Ranking chart", "Criterion colours", parent)
        self._view.invertY(True)
        self._item.getAxis("left").setStyle(tickLength=0)  # names need no tick marks
        self._message = QLabel(ZERO_WEIGHTS, alignment=Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setFont(cc.chart_font(self._theme, 2))
        self._message.hide()
        self._layout.insertWidget(1, self._message, 1)
        # Large sets show the top of the ranking at a readable size; the matrix lists all.
        self._shown_rows = 0
        self._truncated = QLabel()
        self._truncated.setAccessibleName("Ranking rows shown")
        self._truncated.hide()
        self._layout.insertWidget(0, self._truncated)

        self._bars: StackedBars | None = None
        self._labels = cc.TextLayer(cc.chart_font(self._theme, 1), self._label_runs)
        self._totals = np.zeros(0)
        self._ranks = np.zeros(0, dtype=int)
        self._text_colours = (QColor(self._theme.foreground), QColor(self._theme.muted))
        self._tied = np.zeros(0, dtype=bool)
        self._names: list[str] = []
        self._tick_names: list[str] = []
        self._x0 = np.zeros((0, 0))
        self._width = np.zeros((0, 0))
        self._y_from = self._y_to = self._y_now = np.zeros(0)
        self._drawn = np.zeros(0, dtype=int)  # option indices fed to the bar items (on screen)
        self._ticks: list[tuple[float, str]] = []
        self._x_top, self._x_top_width = 0.0, 0  # right end of the total axis, and for what width
        self._x_method: Method | None = None
        self._marks: dict[int, int] = {}  # option index -> net places moved (+ = up)
        self._mark_born: dict[int, int] = {}
        self._clock = QElapsedTimer()
        self._clock.start()
        self._hovered: tuple[int, int | None] | None = None

        self._outline = QGraphicsRectItem()
        self._outline.setZValue(50)
        self._segment_outline = QGraphicsRectItem()
        self._segment_outline.setZValue(51)
        for extra in (self._labels, self._outline, self._segment_outline):
            self._view.addItem(extra, ignoreBounds=True)

        self._anim = QVariantAnimation(self, startValue=0.0, endValue=1.0)
        self._anim.setDuration(self.REORDER_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._animate)
        self._fade = QTimer(self, interval=40, timeout=self._fade_marks)
        self._describe_later = QTimer(self, interval=300, singleShot=True, timeout=self._describe)

        self._view.sigResized.connect(self._fit_x_range)
        self._connect_session()

    # ---- read-only accessors (tests, export) --------------------------------------------------
    def bar_segments(self) -> dict[tuple[str, str], tuple[float, float, float]]:
        """(option id, criterion id) -> (x0, width, y) as currently drawn."""
        ds = self._session.decision_set
        out: dict[tuple[str, str], tuple[float, float, float]] = {}
        if ds is None:
            return out
        if self._bars is None:
            return out
        x0, width, y = self._bars.segments()
        for j, crit in enumerate(ds.criteria):
            for k, i in enumerate(self._drawn.tolist()):
                out[(ds.options[i].id, crit.id)] = (
                    float(x0[k, j]),
                    float(width[k, j]),
                    float(y[k]),
                )
        return out

    def total_labels(self) -> dict[str, str]:
        ds = self._session.decision_set
        if ds is None:
            return {}
        return {o.id: self._labels.text(i).strip() for i, o in enumerate(ds.options)}

    def rank_marks(self) -> dict[str, str]:
        """Option id -> the ▲/▼ mark still showing next to its total."""
        ds = self._session.decision_set
        if ds is None:
            return {}
        return {ds.options[i].id: _mark_text(net) for i, net in self._marks.items()}

    def outlined_option(self) -> str | None:
        """The option whose bar the selection outline is drawn around, if any."""
        ds = self._session.decision_set
        if ds is None or not self._outline.isVisible():
            return None
        centre = self._outline.rect().center().y()
        return ds.options[int(np.argmin(np.abs(self._y_now - centre)))].id

    def message(self) -> str:
        """The message shown instead of the bars ('' while bars are shown)."""
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def axis_label(self) -> str:
        return self._item.getAxis("bottom").labelText

    def settle(self) -> None:
        """Finish a running reorder now (before export, and in tests)."""
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
        self._y_now = self._y_to.copy()
        self._place_rows()

    # ---- building, once per decision set ----------------------------------------------------
    def _rebuild(self) -> None:
        ds, result = self._session.decision_set, self._session.result
        self._anim.stop()
        self._fade.stop()
        if self._bars is not None:
            self._view.removeItem(self._bars)
            self._bars = None
        self._marks.clear()
        self._mark_born.clear()
        self._ticks = []
        self._hover.clear()
        self._axis_tip.clear()
        self._hovered = None
        if ds is None or result is None:
            return
        self._restyle()
        self._item.getAxis("left").setTickPen(pg.mkPen(None))
        self._text_colours = (QColor(self._theme.foreground), QColor(self._theme.muted))
        n, m = len(ds.options), len(ds.criteria)
        self._names = [o.name for o in ds.options]
        self._y_to = _positions(result)
        self._y_from = self._y_to.copy()
        self._y_now = self._y_to.copy()
        self._x0 = np.zeros((n, m))
        self._width = np.zeros((n, m))
        pen = cc.cosmetic_pen(self._theme.background, 1.0)  # a thin gap between segments
        colours = [theme.criterion_colour(j) for j in range(m)]
        self._bars = StackedBars(colours, BAR_HEIGHT, pen)
        self._view.addItem(self._bars)
        self._shown_rows = 0
        self._fit_rows()
        self._x_top, self._x_top_width = 0.0, 0  # refit for a new set
        self._item.showGrid(x=True, y=False, alpha=0.25)
        ticks_px = QFontMetrics(cc.chart_font(self._theme)).height()  # auto height clips the label
        label_px = QFontMetrics(cc.chart_font(self._theme, 1)).height()
        self._item.getAxis("bottom").setHeight(ticks_px + label_px + 8)
        fg = self._theme.foreground
        self._outline.setPen(cc.cosmetic_pen(fg, 2.5))
        self._segment_outline.setPen(cc.cosmetic_pen(fg, 2, Qt.PenStyle.DashLine))
        self._legend.setText(self._legend_html())
        self._fit_left_axis()
        self._fit_x_range()

    def _legend_html(self) -> str:
        ds = self._session.decision_set
        assert ds is not None
        return "&nbsp;&nbsp; ".join(
            cc.legend_entry(
                c.id, "■", theme.criterion_colour(j).name(), c.name, self._theme.foreground
            )
            for j, c in enumerate(ds.criteria)
        )

    def _fit_left_axis(self) -> None:
        """Names must be readable: widen the axis to the longest, wrapping only very long ones."""
        if not self._names:
            return
        axis = self._item.getAxis("left")
        metrics = QFontMetrics(cc.chart_font(self._theme))
        cap = max(140, int(self.width() * 0.34))
        self._tick_names = [cc.wrap_text(name, metrics, cap, max_lines=2) for name in self._names]
        cc.fit_axis_width(axis, self._tick_names, metrics)
        self._set_ticks()

    def _set_ticks(self) -> None:
        if len(self._tick_names) != len(self._y_now):
            return  # names are fitted later in the same rebuild
        limit = self._shown_rows - 0.5 + 1  # rows gliding in from just below still get names
        ticks = [
            (y, name)
            for y, name in zip(self._y_now.tolist(), self._tick_names, strict=True)
            if y < limit
        ]
        if ticks != self._ticks:  # an axis re-lays-out all its text on every setTicks
            self._ticks = ticks
            self._item.getAxis("left").setTicks([ticks, []])

    def _fit_rows(self) -> None:
        """Show as many rows as fit at a readable height, best first; say so when cut."""
        n = len(self._names)
        height = self._view.height() if self._view.height() > 0 else self.height()
        fit = max(3, int(height // MIN_ROW_PX))
        rows = min(n, fit)
        if rows == self._shown_rows:
            return
        self._shown_rows = rows
        self._view.setYRange(-0.5, rows - 0.5, padding=0.02)
        if self._bars is not None and self._width.shape[0] == len(self._y_now):
            self._push_bars()
        self._truncated.setVisible(rows < n)
        self._truncated.setText(
            f"Top {rows} of {n} options shown (enlarge the chart for more; "
            "the score matrix lists every option)"
        )
        self._set_ticks()

    def _fit_x_range(self) -> None:
        """Scale to the leader in steps of 0.2, with room right of the bars for the labels.

        Bars use the width a projector needs, yet the axis stays still under a dragging hand:
        it only widens during a session (to the next step) and is refitted per set or method.
        """
        width_px = self._view.width()
        result = self._session.result
        if width_px <= 0 or result is None or not len(result.totals):
            return
        top = min(1.0, np.ceil(float(result.totals.max()) / X_STEP - 1e-9) * X_STEP)
        top = max(top, X_STEP)
        if top <= self._x_top and self._x_top_width == width_px:
            return
        self._x_top, self._x_top_width = max(top, self._x_top), width_px
        metrics = QFontMetrics(cc.chart_font(self._theme, 1))
        label_px = metrics.horizontalAdvance(" 0.00 =10 ▲10 ") + 6
        usable = max(width_px - label_px, width_px * 0.5)
        span = self._x_top * width_px / usable
        self._view.setXRange(-0.02 * self._x_top, span, padding=0)  # a little room for the "0"
        steps = round(self._x_top / X_STEP)
        ticks = [
            (k * X_STEP, f"{k * X_STEP:.1f}".rstrip("0").rstrip(".")) for k in range(steps + 1)
        ]
        self._item.getAxis("bottom").setTicks([ticks, []])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_left_axis()
        self._fit_rows()

    # ---- updating in place, once per result -------------------------------------------------
    def _update(self) -> None:
        result = self._session.result
        if result is None or self._bars is None:
            return
        if self._plot.isHidden() != result.weights_all_zero:
            self._plot.setVisible(not result.weights_all_zero)
            self._message.setVisible(result.weights_all_zero)
        contributions = result.contributions
        self._width = contributions
        self._x0 = np.cumsum(contributions, axis=1) - contributions
        self._push_bars()
        if result.method is not self._x_method:  # TOPSIS and WSM totals are not comparable
            self._x_method, self._x_top = result.method, 0.0
        self._fit_x_range()
        self._totals, self._ranks, self._tied = result.totals, result.ranks, cc.tie_flags(result)
        self._note_rank_changes(result)
        target = _positions(result)
        if not np.array_equal(target, self._y_to):
            if self._anim.state() == QAbstractAnimation.State.Running:
                # Reordering again mid-glide means a drag: follow it directly, since gliding
                # behind the slider would lag; the rank marks still show who moved.
                self._anim.stop()
                self._y_from = self._y_to = self._y_now = target
                self._place_rows()
            else:
                # values are final already; only the rows glide to their new places
                self._y_from, self._y_to = self._y_now.copy(), target
                self._anim.start()
        self._labels.set_positions(self._totals, self._y_now)
        self._show_selection()
        if self._item.getAxis("bottom").labelText != AXIS_LABELS[result.method]:
            self._item.setLabel("bottom", AXIS_LABELS[result.method])
        self._refresh_hover()
        if not self._describe_later.isActive():
            self._describe_later.start()

    def _animate(self, t: float) -> None:
        self._y_now = self._y_from + (self._y_to - self._y_from) * float(t)
        self._place_rows()

    def _push_bars(self) -> None:
        """Only rows on screen are handed over: with hundreds of options most are out of view."""
        if self._bars is None:
            return
        self._drawn = np.flatnonzero(self._y_now < self._shown_rows + 0.5)
        rows = self._drawn
        self._bars.set_data(self._x0[rows], self._width[rows], self._y_now[rows])

    def _place_rows(self) -> None:
        self._push_bars()
        self._labels.set_positions(self._totals, self._y_now)
        self._set_ticks()
        self._show_selection()
        self._refresh_hover()

    def _label_runs(self, i: int) -> list[cc.Run]:
        """Total, tie rank and rank-change mark for one bar (formatted only when painted)."""
        th, (fg, muted) = self._theme, self._text_colours
        runs: list[cc.Run] = [(f" {self._totals[i]:.2f}", fg, False)]
        if self._tied[i]:
            runs.append((f" ={self._ranks[i]}", muted, False))
        net = self._marks.get(i)
        if net:
            age = self._clock.elapsed() - self._mark_born[i]
            alpha = 1.0 - max(0, age - self.MARK_HOLD_MS) / self.MARK_FADE_MS
            base = th.supports if net > 0 else th.contradicts
            runs.append((f" {_mark_text(net)}", cc.blend(base, th.background, alpha), True))
        return runs

    def _note_rank_changes(self, result: Result) -> None:
        """Accumulate moves while a mark shows: a jittery drag ending where it began stays quiet."""
        previous = self._session.previous_ranks
        if previous is None or previous.shape != result.ranks.shape:
            return
        now = self._clock.elapsed()
        for i in np.flatnonzero(previous != result.ranks).tolist():
            net = self._marks.get(i, 0) + int(previous[i] - result.ranks[i])
            if net:
                self._marks[i], self._mark_born[i] = net, now
            else:
                self._marks.pop(i, None)
                self._mark_born.pop(i, None)
        if self._marks and not self._fade.isActive():
            self._fade.start()

    def _fade_marks(self) -> None:
        now = self._clock.elapsed()
        life = self.MARK_HOLD_MS + self.MARK_FADE_MS
        for i in [i for i, born in self._mark_born.items() if now - born >= life]:
            self._marks.pop(i, None)
            self._mark_born.pop(i, None)
        self._labels.update()
        if not self._marks:
            self._fade.stop()

    def _describe(self) -> None:
        """A screen-reader summary of the ranking; debounced, nobody listens at 60 Hz."""
        result = self._session.result
        if result is None or len(result.totals) != len(self._names):
            return
        parts = [
            f"{cc.rank_text(result, i)}. {self._names[i]} {result.totals[i]:.2f}"
            for i in result.order.tolist()
        ]
        self.setAccessibleDescription("; ".join(parts))

    # ---- selection ------------------------------------------------------------------------
    def _show_selection(self) -> None:
        ds, result = self._session.decision_set, self._session.result
        option = self._session.selected_option
        if ds is None or result is None or option not in ds.option_ids:
            self._outline.hide()
            self._segment_outline.hide()
            return
        i = ds.option_ids.index(option)
        y, h = float(self._y_now[i]), BAR_HEIGHT / 2 + 0.06
        self._outline.setRect(QRectF(-0.004, y - h, float(result.totals[i]) + 0.008, 2 * h))
        self._outline.show()
        crit = self._session.selected_criterion
        self._segment_outline.setVisible(crit in ds.criterion_ids)
        if crit in ds.criterion_ids:
            self._segment_outline.setRect(self._segment_rect(i, ds.criterion_ids.index(crit)))

    def _segment_rect(self, i: int, j: int) -> QRectF:
        y, h = float(self._y_now[i]), BAR_HEIGHT / 2
        return QRectF(float(self._x0[i, j]), y - h, float(self._width[i, j]), 2 * h)

    def _legend_clicked(self, criterion_id: str) -> None:
        self._session.select(option=self._session.selected_option, criterion=criterion_id)

    def _key_order(self) -> list[int]:
        result = self._session.result
        return [] if result is None else result.order.tolist()

    # ---- mouse ----------------------------------------------------------------------------
    def _hit(self, scene_pos: QPointF) -> tuple[int, int | None] | None:
        """(option index, criterion index or None) under a scene point: bar, label or name."""
        if self._bars is None or self._session.result is None:
            return None
        in_view = self._view.sceneBoundingRect().contains(scene_pos)
        in_axis = cc.scene_rect(self._item.getAxis("left")).contains(scene_pos)
        if not (in_view or in_axis):
            return None
        p = self._view.mapSceneToView(scene_pos)
        rows = np.flatnonzero(np.abs(self._y_now - p.y()) <= BAR_HEIGHT / 2)
        if rows.size == 0:
            return None
        i = int(rows[0])
        if in_view:
            inside = (self._x0[i] <= p.x()) & (p.x() < self._x0[i] + self._width[i])
            cols = np.flatnonzero(inside & (self._width[i] > 0))
            if cols.size:
                return i, int(cols[0])
        return i, None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self._hit(scene_pos)
        if hit != self._hovered:
            self._hovered = hit
            self._refresh_hover()

    def _refresh_hover(self) -> None:
        ds, result = self._session.decision_set, self._session.result
        if self._hovered is None or ds is None or result is None:
            self._hover.clear()
            self._axis_tip.clear()
            return
        i, j = self._hovered
        if j is None:  # on a name or total: the option itself, over the whole row
            self._hover.clear()
            top = self._view.mapViewToScene(QPointF(0, self._y_now[i] - BAR_HEIGHT / 2)).y()
            bottom = self._view.mapViewToScene(QPointF(0, self._y_now[i] + BAR_HEIGHT / 2)).y()
            left = cc.scene_rect(self._item.getAxis("left")).left()
            rect = QRectF(left, top, self._view.sceneBoundingRect().right() - left, bottom - top)
            self._axis_tip.show_at(rect.normalized(), cc.option_tooltip(ds, result, i))
            return
        self._axis_tip.clear()
        self._hover.show_at(self._segment_rect(i, j), cc.cell_tooltip(ds, result, i, j))

    def _clicked(self, scene_pos: QPointF) -> bool:
        hit, ds = self._hit(scene_pos), self._session.decision_set
        if hit is None or ds is None:
            return False
        i, j = hit
        crit = ds.criteria[j].id if j is not None else None
        self._session.select(option=ds.options[i].id, criterion=crit)
        return True


def _positions(result: Result) -> np.ndarray:
    """Row per option: 0 for the best (drawn on top, the y axis is inverted)."""
    pos = np.empty(len(result.order), dtype=float)
    pos[result.order] = np.arange(len(result.order), dtype=float)
    return pos


def _mark_text(net: int) -> str:
    return f"▲{net}" if net > 0 else f"▼{-net}"
