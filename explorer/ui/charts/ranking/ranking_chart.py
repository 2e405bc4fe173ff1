"""The ranking: one stacked bar per option, best on top, segments coloured by criterion.

ValueCharts-style stacking shows not only who wins but what carries each option. While the
analyst drags a slider the widths change in place; when the order changes the rows glide to
their new places (≤ 250 ms, positions only — values are never held back) and a fading ▲/▼ mark
says who moved, because a silent reorder is easy to miss.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import QFontMetricsF, QPainterPath, QResizeEvent
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QLabel, QWidget

from explorer.core.engine import Method
from explorer.core.robustness import near_tie_text
from explorer.ui import theme
from explorer.ui.charts import chart_common as cc
from explorer.ui.charts.chart_text import cell_tooltip, option_tooltip, rank_text
from explorer.ui.charts.ranking.rank_labels import RankLabels
from explorer.ui.charts.ranking.ranking_axes import RankingAxes
from explorer.ui.charts.ranking.ranking_rows import BarRows, row_positions
from explorer.ui.charts.ranking.stacked_bars import StackedBars
from explorer.ui.state.session import Session
from explorer.ui.widgets.live_caption import LiveCaption

BAR_HEIGHT = 0.62
RANGE_Y = BAR_HEIGHT / 2 + 0.09  # the range line sits in the gap just under its bar
RANGE_CAP = 0.1
MIN_ROW_PX = 24  # below this a bar and its name stop being readable
MIN_FULL_ROWS = 8  # sets this small always show their whole ranking
EVIDENCE_LINE_MS = 250  # the evidence headline waits this long after the last weight change
ZERO_WEIGHTS = (
    "All criteria have zero weight, so no option can be ranked.\n"
    "Give at least one criterion some weight, or press “Equal weights”."
)


class RankingChart(cc.ChartBase):
    REORDER_MS = 220  # long enough to follow, short enough never to lag a slider

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Ranking chart", "Criterion colours", parent)
        self._view.invertY(True)
        self._axes = RankingAxes(self._item, self._theme)
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
        # The uncertainty in the headline: whether the assessed ranges can tell the leader
        # from the rest, in one line that only repaints as the weights move.
        self._headline = LiveCaption(lines=1)
        self._headline.setAccessibleName("Ranking in words")
        self._layout.insertWidget(0, self._headline)
        # When one source switched off, or every cell rescored from its quotes, changes the
        # leader, say so beside the ranking (explorer.core.audit). Worked out once the weights
        # settle: the check reruns the engine once per source, which a drag need not pay for.
        self._evidence_line = LiveCaption(lines=2)
        self._evidence_line.setAccessibleName("Evidence headline")
        self._evidence_line.hide()
        self._layout.insertWidget(1, self._evidence_line)
        self._evidence_later = QTimer(self, interval=EVIDENCE_LINE_MS, singleShot=True)
        self._evidence_later.timeout.connect(self._show_evidence_line)
        # each total's range (cells at their worst and best ends), just under its bar
        # (one plain path item: pyqtgraph's ErrorBarItem re-announced its bounds to the view on
        # every update, ~0.8 ms a tick at 200 options)
        self._ranges = QGraphicsPathItem()
        self._ranges.setZValue(5)
        self._range_ends: dict[str, tuple[float, float]] = {}

        self._bars: StackedBars | None = None
        self._labels = RankLabels(cc.chart_font(self._theme, 1), self._theme, self)
        self._names: list[str] = []
        self._rows = BarRows(BAR_HEIGHT)
        self._drawn = np.zeros(0, dtype=int)  # option indices fed to the bar items (on screen)
        self._hovered: tuple[int, int | None] | None = None

        self._outline = QGraphicsRectItem()
        self._outline.setZValue(50)
        self._segment_outline = QGraphicsRectItem()
        self._segment_outline.setZValue(51)
        for extra in (self._labels.layer, self._outline, self._segment_outline, self._ranges):
            self._view.addItem(extra, ignoreBounds=True)

        self._anim = QVariantAnimation(self, startValue=0.0, endValue=1.0)
        self._anim.setDuration(self.REORDER_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._animate)
        self._describe_later = QTimer(self, interval=300, singleShot=True)
        self._describe_later.timeout.connect(self._describe)

        self._view.sigResized.connect(self._fit_x_range)
        self._view.sigResized.connect(self._fit_left_axis)  # rows may now fit one name line
        self._connect_session()

    # ---- read-only accessors (tests, export) --------------------------------------------------
    def bar_segments(self) -> dict[tuple[str, str], tuple[float, float, float]]:
        """(option id, criterion id) -> (x0, width, y) as currently drawn; read back for tests,
        which would otherwise reach into pyqtgraph items."""
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
        """Option id -> the total printed beside its bar; read back for tests, which would
        otherwise reach into pyqtgraph items."""
        ds = self._session.decision_set
        if ds is None:
            return {}
        return {o.id: self._labels.text(i).strip() for i, o in enumerate(ds.options)}

    def rank_marks(self) -> dict[str, str]:
        """Option id -> the ▲/▼ mark still showing next to its total; read back for tests, which
        would otherwise reach into pyqtgraph items."""
        ds = self._session.decision_set
        if ds is None:
            return {}
        return {ds.options[i].id: mark for i, mark in self._labels.marks().items()}

    def outlined_option(self) -> str | None:
        """The option whose bar the selection outline is drawn around, if any; read back for
        tests, which would otherwise reach into pyqtgraph items."""
        ds = self._session.decision_set
        if ds is None or not self._outline.isVisible():
            return None
        centre = self._outline.rect().center().y()
        return ds.options[self._rows.nearest(centre)].id

    def message(self) -> str:
        """The message shown instead of the bars ('' while bars are shown)."""
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def headline(self) -> str:
        """The ranking in words above the bars (the near-tie sentence)."""
        return self._headline.text()

    def total_range_lines(self) -> dict[str, tuple[float, float]]:
        """Option id -> (low, high) of the range line drawn under its bar, {} when hidden; read
        back for tests, which would otherwise reach into pyqtgraph items."""
        return dict(self._range_ends) if self._ranges.isVisible() else {}

    def axis_label(self) -> str:
        """The bottom axis title as drawn (it names the method's score); read back for tests,
        which would otherwise reach into pyqtgraph items."""
        return self._item.getAxis("bottom").labelText

    def settle(self) -> None:
        """Finish a running reorder now (before export, and in tests)."""
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
        self._rows.settle()
        self._place_rows()

    # ---- building, once per decision set ----------------------------------------------------
    def _rebuild(self) -> None:
        ds, result = self._session.decision_set, self._session.result
        self._anim.stop()
        if self._bars is not None:
            self._view.removeItem(self._bars)
            self._bars = None
        self._labels.clear_marks()
        self._axes.forget()
        self._hover.clear()
        self._axis_tip.clear()
        self._hovered = None
        if ds is None or result is None:
            return
        self._restyle()
        self._ranges.setPen(cc.cosmetic_pen(self._theme.foreground, 1.4))
        self._headline.setFont(cc.legend_font(self._theme))
        emphasis = cc.legend_font(self._theme)
        emphasis.setBold(True)
        self._evidence_line.setFont(emphasis)
        self._labels.restyle(self._theme)
        m = len(ds.criteria)
        self._names = [o.name for o in ds.options]
        self._rows.reset(result, m)
        pen = cc.cosmetic_pen(self._theme.background, 1.0)  # a thin gap between segments
        colours = [theme.criterion_colour(j) for j in range(m)]
        self._bars = StackedBars(colours, BAR_HEIGHT, pen)
        self._view.addItem(self._bars)
        self._shown_rows = 0
        self.updateGeometry()  # the minimum height follows the number of options
        self._fit_rows()
        self._axes.restyle(self._theme)
        fg = self._theme.foreground
        self._outline.setPen(cc.cosmetic_pen(fg, 2.5))
        self._segment_outline.setPen(cc.cosmetic_pen(fg, 2, Qt.PenStyle.DashLine))
        self._legend.set_entries(self._legend_entries())
        self._fit_left_axis()
        self._fit_x_range()

    def _legend_entries(self) -> list[tuple[str, str]]:
        ds = self._session.decision_set
        assert ds is not None
        return [
            cc.legend_entry(
                c.id, "■", theme.criterion_colour(j).name(), c.name, self._theme.foreground
            )
            for j, c in enumerate(ds.criteria)
        ]

    def _fit_left_axis(self) -> None:
        if self._names:
            rows = min(len(self._names), self._rows_that_fit())
            row_px = self._plot_height() / max(1, rows)
            self._axes.fit_names(self._names, max(140, int(self.width() * 0.34)), row_px)
            self._set_ticks()

    def _plot_height(self) -> float:
        """The rows' height with the "Top N of M" notice hidden, whether or not it shows.

        Measured with the notice showing, the answer would decide whether the notice shows, and
        at some heights the two flipped each other on every layout pass.
        """
        height = self._view.height() if self._view.height() > 0 else self.height()
        if self._truncated.isVisibleTo(self):
            height += self._truncated.height() + self._layout.spacing()
        return height

    def _row_px(self) -> float:
        """A row tall enough for its name in the chart's type (projector names are 16 pt)."""
        spacing = QFontMetricsF(cc.chart_font(self._theme)).lineSpacing()
        return max(MIN_ROW_PX, 1.25 * spacing)

    def _rows_that_fit(self) -> int:
        height, row_px = self._plot_height(), self._row_px()
        if height // row_px < len(self._names):  # the notice will take its line
            height -= self._truncated.sizeHint().height() + self._layout.spacing()
        return max(3, int(height // row_px))

    def minimumSizeHint(self) -> QSize:
        """Room for a small set's whole ranking (up to MIN_FULL_ROWS rows) at a readable height:
        a splitter may squeeze the chart, never below that."""
        hint = super().minimumSizeHint()
        rows = min(max(len(self._names), 3), MIN_FULL_ROWS)
        axis = self._item.getAxis("bottom").height()
        legend = self._legend.sizeHint().height()
        return QSize(hint.width(), int(rows * self._row_px() + axis + legend + 24))

    def _set_ticks(self) -> None:
        self._axes.show_names(self._rows.y_now, self._shown_rows)

    def _fit_rows(self) -> None:
        """Show as many rows as fit at a readable height, best first; say so when cut."""
        n = len(self._names)
        rows = min(n, self._rows_that_fit())
        if rows == self._shown_rows:
            return
        self._shown_rows = rows
        self._view.setYRange(-0.5, rows - 0.5, padding=0.02)
        if self._bars is not None and self._rows.width.shape[0] == len(self._rows.y_now):
            self._push_bars()
        self._truncated.setVisible(rows < n)
        self._truncated.setText(
            f"Top {rows} of {n} options shown (enlarge the chart for more; "
            "the score matrix lists every option)"
        )
        self._set_ticks()

    def _fit_x_range(self) -> None:
        self._axes.fit_scale(self._session.result)

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
        self._rows.set_contributions(result.contributions)
        self._push_bars()
        self._axes.show_method(result.method)
        self._fit_x_range()
        self._labels.set_result(result, self._session.previous_ranks)
        target = row_positions(result)
        if not np.array_equal(target, self._rows.y_to):
            if self._anim.state() == QAbstractAnimation.State.Running:
                # Reordering again mid-glide means a drag: follow it directly, since gliding
                # behind the slider would lag; the rank marks still show who moved.
                self._anim.stop()
                self._rows.jump(target)
                self._place_rows()
            else:
                # values are final already; only the rows glide to their new places
                self._rows.start_glide(target)
                self._anim.start()
        self._labels.place(self._rows.y_now)
        self._show_selection()
        self._refresh_hover()
        self._show_headline()
        self._evidence_later.start()  # restarted on every tick: runs once the weights settle
        if not self._describe_later.isActive():
            self._describe_later.start()

    def _animate(self, t: float) -> None:
        self._rows.glide(float(t))
        self._place_rows()

    def _push_bars(self) -> None:
        """Only rows on screen are handed over: with hundreds of options most are out of view."""
        if self._bars is None:
            return
        self._drawn = drawn = self._rows.on_screen(self._shown_rows)
        rows = self._rows
        self._bars.set_data(rows.x0[drawn], rows.width[drawn], rows.y_now[drawn])
        self._push_ranges()

    def _push_ranges(self) -> None:
        """The weighted sum's ranges; under TOPSIS a closeness has no range of its own."""
        analysis, result = self._session.analysis, self._session.result
        drawn = self._drawn
        if analysis is None or result is None or result.method is not Method.WSM:
            self._ranges.setVisible(False)
            return
        r = analysis.total_ranges
        if len(r.total) != len(self._rows.y_now):
            return
        self._ranges.setVisible(not result.weights_all_zero)
        path = QPainterPath()
        ids = self._session.decision_set.option_ids if self._session.decision_set else ()
        self._range_ends = {}
        for i in drawn.tolist():
            low, high, y = float(r.low[i]), float(r.high[i]), float(self._rows.y_now[i]) + RANGE_Y
            path.moveTo(low, y)
            path.lineTo(high, y)
            for x in (low, high):
                path.moveTo(x, y - RANGE_CAP / 2)
                path.lineTo(x, y + RANGE_CAP / 2)
            self._range_ends[ids[i]] = (low, high)
        self._ranges.setPath(path)

    def _show_headline(self) -> None:
        session = self._session
        ds, result, analysis = session.decision_set, session.result, session.analysis
        if ds is None or result is None or analysis is None or result.weights_all_zero:
            self._headline.setText("")
            return
        names = [o.name for o in ds.options]
        text = near_tie_text(names, analysis.total_ranges, result.order)
        if result.method is not Method.WSM:
            text = f"By the weighted sum's ranges: {text}"
        self._headline.setText(text)

    def _show_evidence_line(self) -> None:
        check = self._session.audit
        text = "" if check is None or check.headline is None else check.headline
        self._evidence_line.setText(text)
        self._evidence_line.setVisible(bool(text))

    def _place_rows(self) -> None:
        self._push_bars()
        self._labels.place(self._rows.y_now)
        self._set_ticks()
        self._show_selection()
        self._refresh_hover()

    def _describe(self) -> None:
        """A screen-reader summary of the ranking; debounced, nobody listens at 60 Hz."""
        result = self._session.result
        if result is None or len(result.totals) != len(self._names):
            return
        parts = [
            f"{rank_text(result, i)}. {self._names[i]} {result.totals[i]:.2f}"
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
        y, h = float(self._rows.y_now[i]), BAR_HEIGHT / 2 + 0.06
        self._outline.setRect(QRectF(-0.004, y - h, float(result.totals[i]) + 0.008, 2 * h))
        self._outline.show()
        crit = self._session.selected_criterion
        self._segment_outline.setVisible(crit in ds.criterion_ids)
        if crit in ds.criterion_ids:
            self._segment_outline.setRect(self._rows.segment_rect(i, ds.criterion_ids.index(crit)))

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
        return self._rows.hit(p.x(), p.y(), on_bars=in_view)

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
            y = float(self._rows.y_now[i])
            top = self._view.mapViewToScene(QPointF(0, y - BAR_HEIGHT / 2)).y()
            bottom = self._view.mapViewToScene(QPointF(0, y + BAR_HEIGHT / 2)).y()
            left = cc.scene_rect(self._item.getAxis("left")).left()
            rect = QRectF(left, top, self._view.sceneBoundingRect().right() - left, bottom - top)
            analysis = self._session.analysis
            ranges = analysis.total_ranges if analysis is not None else None
            tip = option_tooltip(ds, result, i, ranges)
            self._axis_tip.show_at(rect.normalized(), tip)
            return
        self._axis_tip.clear()
        self._hover.show_at(self._rows.segment_rect(i, j), cell_tooltip(ds, result, i, j))

    def _clicked(self, scene_pos: QPointF) -> bool:
        hit, ds = self._hit(scene_pos), self._session.decision_set
        if hit is None or ds is None:
            return False
        i, j = hit
        crit = ds.criteria[j].id if j is not None else None
        self._session.select(option=ds.options[i].id, criterion=crit)
        return True
