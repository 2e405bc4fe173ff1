"""Tornado: which cells' assessed ranges swing the leading option's margin most.

Each bar is one option × criterion cell, moved alone from its low to its high score with
everything else fixed (session.analysis.tornado, measure "margin": the leader's total minus the
best other option's). The bar starts at the current margin; the part drawn in one colour is the
cell at its low score, the other colour its high score. A bar reaching past the dashed zero line
means the evidence's own uncertainty in that one cell could hand over the lead. Items are built
once per set; each result re-feeds the bars and the row labels.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

from explorer.core.robustness import Tornado, TornadoBar
from explorer.core.wording import handover_text
from explorer.ui.charts import chart_common as cc
from explorer.ui.charts.chart_text import number
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown
from explorer.ui.widgets.text_fit import elide_distinct, fit_axis_width

MAX_BARS = 10  # the rest swing less; a projector cannot show 50 rows legibly
MIN_BARS = 1
BAR_HEIGHT = 0.64
LABEL_SHARE = 0.42  # at most this share of the chart's width goes to the row labels
ROW_GAP_PX = 8  # between one row's two-line label and the next


class TornadoChart(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._bars: list[TornadoBar] = []
        self._names: dict[str, str] = {}
        self._criteria: dict[str, str] = {}
        self._label_width = 0
        self._label_texts: list[str] = []
        self._y_range = (0.0, 0.0)
        self.setAccessibleName("Tornado chart")

        self.plot = cc.static_plot()
        self.plot.setAccessibleName("Tornado chart: swing of the leader's margin per cell")
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pi = self.plot.getPlotItem()
        self._vb = pi.getViewBox()
        self._vb.disableAutoRange()
        self._vb.invertY(True)
        self._low = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT)
        self._high = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT)
        self._base = pg.InfiniteLine(angle=90, movable=False)
        self._zero = pg.InfiniteLine(
            angle=90, movable=False, label="← overtaken", labelOpts={"position": 0.02}
        )
        for item in (self._low, self._high, self._base, self._zero):
            pi.addItem(item)
        self._outline = QGraphicsRectItem()  # around the bar of the selected cell
        self._outline.setZValue(50)
        self._outline.hide()
        self._vb.addItem(self._outline, ignoreBounds=True)
        self._tips: list[QGraphicsRectItem] = []  # one transparent rect per row, for tooltips
        self._rows = MAX_BARS  # as many rows as fit the height, two label lines each
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self._vb.sigResized.connect(self._resized)

        self.caption = QLabel()
        self.caption.setAccessibleName("Tornado chart key")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Up/Down walk the bars
        session.selectionChanged.connect(self._show_selection)
        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.resultChanged.connect(self._on_result)
        if session.decision_set is not None:
            self._rebuild()

    # ---- accessors (tests) --------------------------------------------------------------------
    def bar_labels(self) -> list[str]:
        """Row labels top to bottom, unwrapped ("option · criterion"); read back for tests, which
        would otherwise reach into pyqtgraph items."""
        return [self._row_name(bar) for bar in self._bars]

    def bar_extents(self) -> list[tuple[float, float]]:
        """(left, right) of each drawn bar, top to bottom; read back for tests, which would
        otherwise reach into pyqtgraph items."""
        out = []
        for k in range(len(self._bars)):
            ends = []
            for item in (self._low, self._high):
                x0, width = item.opts["x0"][k], item.opts["width"][k]
                ends += [x0, x0 + width]
            out.append((float(min(ends)), float(max(ends))))
        return out

    def base_value(self) -> float:
        return float(self._base.value())

    def tooltip(self, row: int) -> str:
        return self._tips[row].toolTip()

    # ---- building ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        ds = self._session.decision_set
        if ds is None:
            return
        self._names = {o.id: o.name for o in ds.options}
        self._criteria = {c.id: c.name for c in ds.criteria}
        while len(self._tips) < MAX_BARS:
            tip = QGraphicsRectItem()
            tip.setPen(cc.cosmetic_pen("#000000", 0, Qt.PenStyle.NoPen))
            tip.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            tip.setZValue(100)
            self._vb.addItem(tip, ignoreBounds=True)
            self._tips.append(tip)
        self._style()
        self._label_width = 0  # re-wrap for the new names
        self._update()

    def _style(self) -> None:
        t = self._session.theme
        cc.style_plot(self.plot, t)
        self._low.setOpts(brush=pg.mkBrush(cc.blend(t.foreground, t.background, 0.35)), pen=None)
        self._high.setOpts(brush=pg.mkBrush(t.highlight), pen=None)
        self._base.setPen(cc.cosmetic_pen(t.foreground, 1.5))
        self._zero.setPen(cc.cosmetic_pen(t.contradicts, 1.5, Qt.PenStyle.DashLine))
        self._zero.label.setColor(t.contradicts)
        self._zero.label.setFont(cc.chart_font(t))
        self.caption.setFont(cc.chart_font(t))

    # ---- updating ---------------------------------------------------------------------------
    def _update(self) -> None:
        session, ds = self._session, self._session.decision_set
        analysis = session.analysis
        if ds is None or analysis is None or len(ds.options) < 2:
            self._bars = []
            self._show([], 0.0)
            self.caption.setText("A tornado needs at least two options.")
            return
        tornado = analysis.tornado
        self._bars = list(tornado.bars[: self._rows])
        self._show(self._bars, tornado.base)
        self._describe(tornado)

    def _show(self, bars: list[TornadoBar], base: float) -> None:
        n = len(bars)
        at_low = np.array([b.at_low for b in bars])
        at_high = np.array([b.at_high for b in bars])
        y = np.arange(n, dtype=float)
        self._low.setOpts(x0=np.minimum(at_low, base), width=np.abs(at_low - base), y=y)
        self._high.setOpts(x0=np.minimum(at_high, base), width=np.abs(at_high - base), y=y)
        self._base.setValue(base)
        values = np.concatenate([at_low, at_high, [base, 0.0]])
        low, high = float(values.min()), float(values.max())
        pad = max((high - low) * 0.06, 1e-3)
        self._fit(low - pad, high + pad, n)
        for k, tip in enumerate(self._tips):
            if k < n:
                top = k - BAR_HEIGHT / 2
                tip.setRect(QRectF(low - pad, top, high - low + 2 * pad, BAR_HEIGHT))
                tip.setToolTip(self._bar_tip(bars[k], base))
                tip.show()
            else:
                tip.hide()
        self._label_rows()
        self._show_selection()

    def _fit(self, low: float, high: float, rows: int) -> None:
        """Rescale only when the bars leave the view or fill less than half of it: a new range
        redraws the axis, and during a drag the bars move a little on every tick."""
        (x0, x1), _ = self._vb.viewRange()
        y_range = (-1.0, max(rows, 1) - 0.4)  # half a row above the top bar for the zero label
        refit = low < x0 or high > x1 or (high - low) < 0.5 * (x1 - x0)
        if refit or y_range != self._y_range:
            self._y_range = y_range
            # a little slack either side, so small moves stay inside
            slack = 0.08 * (high - low) if refit else 0.0
            x_range = (low - slack, high + slack) if refit else (x0, x1)
            self._vb.setRange(xRange=x_range, yRange=y_range, padding=0.0)

    def _label_rows(self) -> None:
        """Row names on two lines (option ·, criterion) in at most LABEL_SHARE of the width."""
        t = self._session.theme
        metrics = QFontMetrics(cc.chart_font(t))
        width = max(120, int(self.width() * LABEL_SHARE))
        # each line elided apart from the others, so no two rows read alike
        options = elide_distinct([self._names[b.option] for b in self._bars], metrics, width - 12)
        criteria = elide_distinct([self._criteria[b.criterion] for b in self._bars], metrics, width)
        texts = [f"{o} ·\n{c}" for o, c in zip(options, criteria, strict=True)]
        axis = self.plot.getPlotItem().getAxis("left")
        if texts != self._label_texts:  # new ticks redraw the axis: only when names change
            self._label_texts = texts
            axis.setTicks([[(float(k), text) for k, text in enumerate(texts)], []])
        if width != self._label_width:
            self._label_width = width
            fit_axis_width(axis, texts, metrics)

    def _describe(self, tornado: Tornado) -> None:
        t = self._session.theme
        leader = escape(self._names[tornado.leader])
        rival = escape(self._names[tornado.runner_up]) if tornado.runner_up else "the rest"
        measure = tornado.method.total_name
        low = cc.blend(t.foreground, t.background, 0.35).name()
        k, n = len(self._bars), len(tornado.bars)
        shown = (
            f"all {n} cells that move it" if k == n else f"the {k} of {n} cells that move it most"
        )
        text = (
            f"How far {leader}'s lead ({measure} minus the best other option's, now "
            f"{tornado.base:.3f} over {rival}) moves when one cell runs across its assessed "
            f"range; {shown}. "
            f'<span style="color:{low}">█</span>&nbsp;cell at its low score '
            f'<span style="color:{t.highlight}">█</span>&nbsp;at its high score. '
        )
        drawn = sum(bar.flips for bar in self._bars)
        ties = sum(bar.ties for bar in self._bars)
        flips = sum(bar.flips for bar in tornado.bars)
        said = escape(handover_text(drawn, k, flips, n, ties), quote=False)
        text += f'<span style="color:{t.contradicts}">{said}</span>' if drawn else said
        self.caption.setText(text)

    def _row_name(self, bar: TornadoBar) -> str:
        return f"{self._names[bar.option]} · {self._criteria[bar.criterion]}"

    def _bar_tip(self, bar: TornadoBar, base: float) -> str:
        def outcome(value: float) -> str:
            return f"{value:+.3f}" + (" — overtaken" if value < 0 else "")

        ds = self._session.decision_set
        unassessed = ds is not None and ds.assessment(bar.option, bar.criterion).unassessed
        score = "Not assessed: the scale midpoint" if unassessed else "Score"
        return (
            f"<b>{escape(self._row_name(bar))}</b><br>"
            f"{score} {number(bar.score)} (range {number(bar.low)}–{number(bar.high)})<br>"
            f"Leader's margin now {base:+.3f}<br>"
            f"At the low score {number(bar.low)}: {outcome(bar.at_low)}<br>"
            f"At the high score {number(bar.high)}: {outcome(bar.at_high)}<br>"
            "Click to see the evidence for this cell"
        )

    # ---- chart → session -------------------------------------------------------------------
    def selected_row(self) -> int | None:
        """The row of the selected option × criterion cell, if it is among the bars."""
        cell = (self._session.selected_option, self._session.selected_criterion)
        rows = [k for k, bar in enumerate(self._bars) if (bar.option, bar.criterion) == cell]
        return rows[0] if rows else None

    def _show_selection(self) -> None:
        row = self.selected_row()
        if row is None:
            self._outline.hide()
            return
        bar = self._bars[row]
        left = min(bar.at_low, bar.at_high, self.base_value())
        right = max(bar.at_low, bar.at_high, self.base_value())
        height = BAR_HEIGHT + 0.16
        self._outline.setRect(QRectF(left, row - height / 2, right - left, height))
        self._outline.setPen(cc.cosmetic_pen(self._session.theme.foreground, 2.0))
        self._outline.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down select the next bar's cell, so the evidence can be walked without a mouse."""
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is None or not self._bars:
            super().keyPressEvent(event)
            return
        row = self.selected_row()
        row = 0 if row is None else min(max(row + step, 0), len(self._bars) - 1)
        bar = self._bars[row]
        self._session.select(option=bar.option, criterion=bar.criterion)

    def _clicked(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        row = round(self._vb.mapSceneToView(event.scenePos()).y())
        if 0 <= row < len(self._bars):
            bar = self._bars[row]
            self._session.select(option=bar.option, criterion=bar.criterion)

    def _resized(self) -> None:
        """Show as many rows as fit: a row needs its two label lines."""
        line = QFontMetrics(cc.chart_font(self._session.theme)).lineSpacing()
        height = self._vb.height()
        rows = MAX_BARS if height <= 0 else int(height // (2 * line + ROW_GAP_PX))
        rows = min(MAX_BARS, max(MIN_BARS, rows))
        if rows != self._rows:
            self._rows = rows
            self._update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._bars:
            self._label_rows()

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        if self._session.decision_set is not None:
            self._rebuild()
            self._on_result()
