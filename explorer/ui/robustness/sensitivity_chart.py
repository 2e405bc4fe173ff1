"""One-way sensitivity: every option's total as one criterion's share runs from 0 to 100 %.

The chart answers "how much would this weight have to move before the answer changes?": the
curves come from session.analysis.sensitivity (the others rescaled in proportion, as the sliders
do), a vertical line marks the current share, dots mark every crossover, and the shaded region is
the weight's stability interval, the same one the weights panel paints behind the slider. Items
are built once per set and re-fed with setData on every result.
"""

from __future__ import annotations

import math
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from explorer.core.engine import Method
from explorer.core.robustness import Crossover, Sensitivity, StabilityInterval
from explorer.core.wording import percent, stability_text
from explorer.ui import theme
from explorer.ui.charts import chart_common as cc
from explorer.ui.state.session import Session
from explorer.ui.widgets.fitted_legend import FittedLegend
from explorer.ui.widgets.live_caption import LiveCaption
from explorer.ui.widgets.offstage import UpdatesWhenShown

LINE_PX, SELECTED_PX = 2.0, 4.0
DOT_PX = 9
REGION_ALPHA = 0.18  # the stable region: this much of the "supports" colour over the background
Y_STEP = 0.05  # the total axis snaps to multiples of this, so small changes never rescale it
MIN_PLOT_PX = 100  # below this the lines and crossovers cannot be told apart
# Below this chart height the weight's axis title goes (the "Weight of:" box above names it):
# at 1024 × 768 in the projector theme it took a third of the plot's height.
COMPACT_PLOT_PX = 260
MAX_LABELS = 12  # crossover labels beyond this many are left to the tooltips

# short enough for the axis of a small plot; the caption below names the method in full
AXIS_TITLES = {
    Method.WSM: "Total",
    Method.TOPSIS: "TOPSIS closeness",
    Method.TOPSIS_SCALE: "Closeness (scale)",
    Method.PROMETHEE: "Flow score",
}


def _same_line(curve: pg.PlotCurveItem, x: np.ndarray, y: np.ndarray) -> bool:
    """Whether `curve` already draws (x, y), to far below a pixel.

    Dragging the weight this chart sweeps leaves every curve where it is (the other weights
    keep their ratios, so the totals along the axis do not move; only the "now" line does).
    Handing pyqtgraph the same data again would repaint the whole plot on every tick.
    """
    shown_x, shown_y = curve.getData()
    if shown_x is None or shown_y is None or len(shown_x) != len(x) or not len(x):
        return False
    # plain max-abs comparisons: np.allclose's generality cost more than the check saves
    return float(np.abs(shown_x - x).max()) <= 1e-9 and float(np.abs(shown_y - y).max()) <= 1e-9


class SensitivityChart(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._writing = False  # guard: the chart is setting the view state, not following it
        self._ids: list[str] = []
        self._curves: list[pg.PlotCurveItem] = []
        self._styled: tuple[object, ...] = ()  # (selection, theme, curves) the pens were set for
        self._sensitivity: Sensitivity | None = None
        self._interval: StabilityInterval | None = None
        self._y_range = (0.0, 0.0)
        self._titles: dict[str, str] = {}  # axis titles as last set
        # what the "now" label and the crossover dots show, so an unchanged one is not redrawn
        self._now_label = ""
        self._dot_spots: list[tuple[float, float]] = []
        self.setAccessibleName("Sensitivity chart")

        self.combo = QComboBox()
        self.combo.setAccessibleName("Sensitivity criterion")
        self.combo.setToolTip("The criterion whose weight runs along the horizontal axis")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.combo.currentIndexChanged.connect(self._chosen)
        label = QLabel("&Weight of:")
        label.setBuddy(self.combo)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.combo, 1)

        self.plot = cc.static_plot()
        self.plot.setAccessibleName("Sensitivity chart: totals against the weight")
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combo and legend take the keys
        pi = self.plot.getPlotItem()
        self._vb = pi.getViewBox()
        self._vb.disableAutoRange()
        self._vb.setXRange(0, 1, padding=0.04)
        self._region = pg.LinearRegionItem(movable=False)
        self._region.setZValue(-10)
        self._now = pg.InfiniteLine(angle=90, movable=False, label="now", labelOpts={})
        self._now.setZValue(25)  # over the curves and dots, so its label is never struck through
        self._dots = pg.ScatterPlotItem(pxMode=True, size=DOT_PX, hoverable=True, tip=self._tip)
        self._dots.setZValue(20)
        for item in (self._region, self._now, self._dots):
            pi.addItem(item)
        self._labels: list[pg.TextItem] = []
        self._vb.sigResized.connect(self._place_labels)
        self._vb.sigResized.connect(self._fit_x_ticks)
        self._vb.sigResized.connect(self._describe)  # the axis title fits the new width
        self._x_step = 0
        self.plot.setMinimumHeight(MIN_PLOT_PX)  # a squeezed tab scrolls rather than crush it
        self._compact = False
        self.plot.installEventFilter(self)

        self.legend = FittedLegend(max_lines=3)
        self.legend.setAccessibleName("Sensitivity chart legend")
        self.legend.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.legend.linkActivated.connect(self._legend_clicked)
        self.caption = LiveCaption(lines=3)  # changes every tick: a QLabel would relayout
        self.caption.setAccessibleName("Sensitivity in words")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption)

        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.resultChanged.connect(self._on_result)
        session.selectionChanged.connect(self._on_selection)
        session.views.sensitivityCriterionChanged.connect(self._follow_criterion)
        if session.decision_set is not None:
            self._rebuild()

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        if self._session.decision_set is not None:
            self._rebuild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            self._fit_height()
        return False

    def _fit_height(self) -> None:
        """A short chart keeps its plot: the weight's axis title goes, the ticks stay."""
        compact = self.plot.height() < COMPACT_PLOT_PX
        axis = self.plot.getPlotItem().getAxis("bottom")
        t = self._session.theme
        ticks = QFontMetricsF(cc.chart_font(t)).height()
        title = 0.0 if compact else QFontMetricsF(cc.chart_font(t, 1)).height()
        height = int(ticks + title + 10)
        if compact != self._compact or axis.height() != height:
            self._compact = compact
            axis.showLabel(not compact)
            axis.setHeight(height)

    # ---- accessors (tests, main window) -----------------------------------------------------
    @property
    def criterion(self) -> str | None:
        """The criterion whose weight is on the x axis (the view state slides also draw)."""
        return self._criterion

    @property
    def _criterion(self) -> str | None:
        return self._session.views.sensitivity_criterion

    def _write_criterion(self, criterion: str) -> None:
        self._writing = True
        try:
            self._session.views.set_sensitivity_criterion(criterion)
        finally:
            self._writing = False

    def curve(self, option_id: str) -> tuple[np.ndarray, np.ndarray]:
        """The drawn curve of one option, read back from its item."""
        x, y = self._curves[self._ids.index(option_id)].getData()
        return np.asarray(x), np.asarray(y)

    def curve_visible(self, option_id: str) -> bool:
        """Whether one option's curve is drawn (with many options, only the contenders' and the
        selected one's are); read back for tests, which would otherwise reach into pyqtgraph
        items."""
        return self._curves[self._ids.index(option_id)].isVisible()

    def current_share(self) -> float:
        """The share the 'now' line is drawn at; read back for tests, which would otherwise reach
        into pyqtgraph items."""
        return float(self._now.value())

    def crossovers(self) -> list[tuple[float, float]]:
        """(share, total) of every dot drawn."""
        return [(p.pos().x(), p.pos().y()) for p in self._dots.points()]

    def crossover_labels(self) -> list[str]:
        """The crossover notes drawn on the chart; read back for tests, which would otherwise
        reach into pyqtgraph items."""
        return [item.toPlainText() for item in self._labels if item.isVisible()]

    def region(self) -> tuple[float, float] | None:
        """The shaded stability interval, None when hidden (TOPSIS)."""
        if not self._region.isVisible():
            return None
        low, high = self._region.getRegion()
        return float(low), float(high)

    # ---- building -------------------------------------------------------------------------
    def _rebuild(self) -> None:
        ds = self._session.decision_set
        if ds is None:
            return
        pi = self.plot.getPlotItem()
        for curve in self._curves:
            pi.removeItem(curve)
        self._ids = list(ds.option_ids)
        self._curves = []
        self._styled = ()
        for i, option in enumerate(ds.options):
            curve = pg.PlotCurveItem()
            curve.setToolTip(option.name)
            curve.setZValue(i)
            pi.addItem(curve)
            self._curves.append(curve)
        keep = self._criterion if self._criterion in ds.criterion_ids else None
        wanted = self._session.selected_criterion
        self._write_criterion(wanted if wanted in ds.criterion_ids else keep or ds.criterion_ids[0])
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for criterion in ds.criteria:
                self.combo.addItem(criterion.name, criterion.id)
            self.combo.setCurrentIndex(self.combo.findData(self._criterion))
        self._style()
        self._update()

    def _style(self) -> None:
        """Theme colours on everything; per set, so a theme switch restyles on refresh."""
        t = self._session.theme
        cc.style_plot(self.plot, t)
        self._titles.clear()  # re-set in the theme's colour
        # opaque, pre-mixed with the background it alone lies on: a translucent fill cost
        # ~0.4 ms of the plot's ~2 ms repaint on every slider tick, and looks the same
        self._region.setBrush(pg.mkBrush(cc.blend(t.supports, t.background, REGION_ALPHA)))
        for line in self._region.lines:
            line.setPen(pg.mkPen(None))
        self._now.setPen(cc.cosmetic_pen(t.foreground, 1.5, Qt.PenStyle.DashLine))
        self._now.label.setColor(t.foreground)
        backing = QColor(t.background)
        backing.setAlpha(210)  # the curves stay visible through it, faintly
        self._now.label.fill = pg.mkBrush(backing)  # TextItem has no setter for its fill
        self._now.label.setFont(cc.chart_font(t))
        self._now.label.setPosition(0.8)  # clear of the plot's top edge on a short chart
        self._dots.setPen(cc.cosmetic_pen(t.background, 1.0))
        self._dots.setBrush(pg.mkBrush(t.foreground))
        for label in self._labels:
            label.setColor(t.foreground)
        self.caption.setFont(cc.legend_font(t))
        self.legend.setFont(cc.legend_font(t))
        self._fit_x_ticks()
        self._fit_height()  # style_plot sized the axis for its title

    # ---- updating -------------------------------------------------------------------------
    def _update(self) -> None:
        session, ds = self._session, self._session.decision_set
        analysis = session.analysis
        if ds is None or analysis is None or self._criterion is None:
            return
        sens = self._sensitivity = analysis.sensitivity(self._criterion)
        # With many options only the contenders' curves (and the selected option's) are drawn:
        # 200 lines are an unreadable tangle and cost a frame on every tick.
        shown = None if sens.contenders is None else {*sens.contenders, session.selected_option}
        for oid, curve, totals in zip(self._ids, self._curves, sens.totals, strict=True):
            visible = shown is None or oid in shown
            if curve.isVisible() != visible:
                curve.setVisible(visible)
            if visible and not _same_line(curve, sens.grid, totals):
                curve.setData(sens.grid, totals)
        self._now.setValue(sens.current)
        label = f"now {percent(sens.current)}"
        if label != self._now_label:
            self._now_label = label
            self._now.label.setFormat(label)
        dots = [(c.weight, c.total) for c in sens.crossovers]
        if dots != self._dot_spots:
            self._dot_spots = dots
            self._dots.setData(
                x=[x for x, _ in dots], y=[y for _, y in dots], data=list(range(len(dots)))
            )
        wsm = sens.method is Method.WSM
        self._interval = analysis.stability_of(self._criterion) if wsm else None
        self._region.setVisible(self._interval is not None)
        if self._interval is not None:
            self._region.setRegion((self._interval.low, self._interval.high))
        self._fit_y(sens.totals)
        self._show_selection()
        self._describe()
        self._place_labels()

    def _fit_y(self, totals: np.ndarray) -> None:
        """Snap the total axis to Y_STEP, so it rescales only when the curves leave it."""
        if not totals.size:
            return
        low = max(0.0, math.floor(float(totals.min()) / Y_STEP) * Y_STEP)
        high = min(1.0, math.ceil(float(totals.max()) / Y_STEP) * Y_STEP)
        if high - low < Y_STEP:
            low, high = max(0.0, low - Y_STEP), min(1.0, high + Y_STEP)
        if (low, high) != self._y_range:
            self._y_range = (low, high)
            self._vb.setYRange(low, high, padding=0.02)
        method = self._session.method
        self._axis_title("left", AXIS_TITLES[method])

    def _weight_title(self, name: str) -> str:
        """ "Weight of <name> (others rescaled)", the name shortened to fit the axis: a long
        name at projector size ran off both ends of the plot."""
        metrics = QFontMetricsF(cc.chart_font(self._session.theme, 1))
        frame = "Weight of  (others rescaled)"
        room = max(60.0, self._vb.width() - metrics.horizontalAdvance(frame) - 12)
        short = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        return f"Weight of {short} (others rescaled)"

    def _fit_x_ticks(self) -> None:
        """Every 10 % when the labels fit side by side, else every 20 % or 25 %: at projector
        size eleven labels ran together ("0 %10 %20 %…")."""
        axis = self.plot.getPlotItem().getAxis("bottom")
        label_px = (
            QFontMetricsF(cc.chart_font(self._session.theme)).horizontalAdvance("100 %") * 1.6
        )
        width = max(1.0, self._vb.width())
        step = next((s for s in (10, 20, 25, 50) if width / (100 / s) >= label_px), 50)
        if step != self._x_step:
            self._x_step = step
            axis.setTicks([[(t / 100, f"{t} %") for t in range(0, 101, step)]])

    def _axis_title(self, side: str, text: str) -> None:
        """Set only on a change: a new title makes the axis redraw, which costs a slider tick."""
        if self._titles.get(side) != text:
            self._titles[side] = text
            plot_item = self.plot.getPlotItem()
            plot_item.setLabel(side, text, color=self._session.theme.foreground)
            cc.no_si_prefix(plot_item.getAxis(side))
            if side == "bottom" and self._compact:
                plot_item.getAxis(side).showLabel(False)  # setLabel shows it again

    def _describe(self) -> None:
        ds = self._session.decision_set
        if ds is None or self._criterion is None or self._sensitivity is None:
            return
        crit = ds.criterion(self._criterion)
        self._axis_title("bottom", self._weight_title(crit.name))
        names = {o.id: o.name for o in ds.options}
        if self._interval is None:
            n = len(self._sensitivity.crossovers)
            text = (
                f"{self._session.method.label} {self._session.method.total_name} as the weight "
                f"of {crit.name} runs from 0 to 100 %; "
                f"{n} crossover{'s' if n != 1 else ''} (hover a dot for who overtakes whom)."
            )
        else:
            subject = f"the weight of {crit.name}"
            text = stability_text(self._interval, names, False, subject, ranking=False)
            text = "Shaded: " + text.replace("\n", " ")
        self.caption.setText(text)

    def _show_selection(self) -> None:
        """Every curve in its option's colour; the selected option's drawn thicker, on top."""
        selected = self._session.selected_option
        styled = (selected, self._session.theme, len(self._curves))
        if styled == self._styled:  # a new pen repaints a curve: only on a real change
            self._legend_text()
            return
        self._styled = styled
        for i, (oid, curve) in enumerate(zip(self._ids, self._curves, strict=True)):
            chosen = oid == selected
            curve.setPen(
                cc.cosmetic_pen(theme.option_colour(i), SELECTED_PX if chosen else LINE_PX)
            )
            curve.setZValue(len(self._ids) + 1 if chosen else i)
        self._legend_text()

    def _legend_text(self) -> None:
        ds, t = self._session.decision_set, self._session.theme
        if ds is None:
            return
        selected = self._session.selected_option
        sens = self._sensitivity
        drawn = None if sens is None or sens.contenders is None else set(sens.contenders)
        entries = [
            cc.legend_entry(
                o.id, "━", theme.option_colour(i).name(), o.name, t.foreground, o.id == selected
            )
            for i, o in enumerate(ds.options)
            if drawn is None or o.id in drawn or o.id == selected
        ]
        if drawn is not None:
            hidden = len(ds.options) - len(
                [o for o in ds.options if o.id in drawn or o.id == selected]
            )
            note = f"({hidden} options that never contend not drawn)"
            entries.append((escape(note).replace(" ", "&nbsp;"), note))
        if self._region.isVisible():
            band = cc.blend(t.supports, t.background, 0.3).name()
            entries.append(
                (
                    f'<span style="color:{band}">█</span>&nbsp;leader&nbsp;stays&nbsp;first',
                    "█ leader stays first",
                )
            )
        self.legend.set_entries(entries)

    def _place_labels(self) -> None:
        """A percentage beside each crossover dot, skipping any that would overlap another."""
        sens = self._sensitivity
        crossings = list(sens.crossovers) if sens is not None else []
        leader = self._interval.leader if self._interval is not None else None
        # Crossings that involve the leader say when the answer changes: label those first.
        ranked = sorted(
            crossings, key=lambda c: (leader not in (c.ahead_below, c.ahead_above), c.weight)
        )
        metrics = QFontMetricsF(cc.chart_font(self._session.theme))
        plot_rect = self._vb.sceneBoundingRect()
        # Keep clear of the "now" label at the top of the current-weight line.
        now = self._vb.mapViewToScene(QPointF(self._now.value(), 0))
        now_text = metrics.horizontalAdvance(self._now.label.toPlainText())
        placed = [QRectF(now.x() - 4, plot_rect.top(), now_text + 12, metrics.height() * 1.6)]
        shown = 0
        for c in ranked:
            if shown >= MAX_LABELS:
                break
            # Where the label will sit, worked out here: a TextItem learns its own scene
            # geometry only when painted.
            text = percent(c.weight)
            anchor = self._vb.mapViewToScene(QPointF(c.weight, c.total))
            width, height = metrics.horizontalAdvance(text) + 4, metrics.height() + 2
            rect = QRectF(anchor.x() - width / 2, anchor.y() - height * 1.25, width, height)
            if not plot_rect.contains(rect) or any(rect.intersects(r) for r in placed):
                continue
            label = self._label(shown)
            label.setText(text)
            label.setPos(c.weight, c.total)
            label.show()
            placed.append(rect)
            shown += 1
        for label in self._labels[shown:]:
            label.hide()

    def _label(self, k: int) -> pg.TextItem:
        """The k-th label of a pool that only grows: no item is made per tick once it exists."""
        while len(self._labels) <= k:
            t = self._session.theme
            label = pg.TextItem(color=t.foreground, anchor=(0.5, 1.25))
            label.setFont(cc.chart_font(t))
            label.setZValue(30)
            self.plot.getPlotItem().addItem(label, ignoreBounds=True)
            self._labels.append(label)
        return self._labels[k]

    # ---- session ↔ chart -------------------------------------------------------------------
    def _on_selection(self) -> None:
        ds = self._session.decision_set
        wanted = self._session.selected_criterion
        if ds is not None and wanted in ds.criterion_ids and wanted != self._criterion:
            self._session.views.set_sensitivity_criterion(wanted)  # followed below
        elif self._sensitivity is not None and self._sensitivity.contenders is not None:
            self._on_result()  # a newly selected option's curve is drawn beside the contenders
        else:
            self._show_selection()

    def _chosen(self, index: int) -> None:
        criterion = self.combo.itemData(index)
        if criterion is None or criterion == self._criterion:
            return
        self._write_criterion(criterion)
        self._session.select(option=self._session.selected_option, criterion=criterion)
        self._update()

    def _follow_criterion(self) -> None:
        """The criterion was set elsewhere (the selection, a profile, a test): show it."""
        ds, wanted = self._session.decision_set, self._criterion
        if self._writing or ds is None or wanted not in ds.criterion_ids or not self._curves:
            return  # the next rebuild picks a criterion of the new set
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.combo.findData(wanted))
        self._on_result()

    def _legend_clicked(self, option_id: str) -> None:
        self._session.select(option=option_id, criterion=self._criterion)

    def _tip(self, x: float, y: float, data: int) -> str:
        sens, ds = self._sensitivity, self._session.decision_set
        if sens is None or ds is None:
            return ""
        names = {o.id: o.name for o in ds.options}
        crit = ds.criterion(sens.criterion).name
        return crossover_tooltip(sens.crossovers[data], crit, names)


def crossover_tooltip(c: Crossover, criterion_name: str, names: dict[str, str]) -> str:
    return (
        f"<b>{escape(percent(c.weight))}</b> of the weight on {escape(criterion_name)}:<br>"
        f"{escape(names[c.ahead_above])} overtakes {escape(names[c.ahead_below])} "
        f"(both {c.total:.3f})"
    )
