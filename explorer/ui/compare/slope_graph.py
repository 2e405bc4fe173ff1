"""Rankings side by side: one column per profile, each option a line through its ranks.

A slope graph shows at a glance what a table of ranks hides: which options hold their place
whatever the weighting and which swing. Options are placed by their position in each profile's
order (1 on top), so tied options sit on neighbouring rows instead of on top of each other; the
marker says the rank, with "=" for a tie. Lines are grouped by colour into a handful of curves,
so a live "current weighting" column moves with a few setData calls, not one per option.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QWidget

from explorer.core.profiles import Comparison
from explorer.core.wording import ordinal
from explorer.ui import theme
from explorer.ui.charts import chart_common as cc
from explorer.ui.charts.chart_text import tie_flags
from explorer.ui.compare.slope_labels import SlopeLabels
from explorer.ui.state.session import Session
from explorer.ui.widgets.text_fit import wrap_text

POINT_HIT_PX = 12
LINE_HIT_PX = 6
LINE_PX, CHOSEN_PX = 2.5, 5.0
MIN_COLUMN_PX = 100  # room between columns for a wrapped profile name and readable slopes
GOOD_COLUMN_PX = 220  # wider adds nothing: the slopes are already easy to follow
MIN_NAME_PX, MAX_NAME_PX = 100, 260
FADE = 0.28  # how much of its colour a line keeps while another is highlighted


class SlopeGraph(cc.ChartBase):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Rankings by profile", "Options", parent)
        self._legend.hide()  # names sit at both ends of the lines
        self._item.hideAxis("left")
        self._item.hideAxis("bottom")
        self._item.showAxis("top")
        self._top = self._item.getAxis("top")
        self._top.setStyle(tickLength=0)
        self._view.invertY(True)
        self._palette = len(theme.CRITERION_COLOURS)
        self._curves = [pg.PlotCurveItem() for _ in range(self._palette)]
        self._chosen = pg.PlotCurveItem()
        self._chosen.setZValue(20)
        self._points = pg.ScatterPlotItem(pxMode=True)
        self._points.setZValue(30)
        self._labels = SlopeLabels(cc.chart_font(self._theme))
        for item in (*self._curves, self._chosen, self._points, self._labels):
            self._view.addItem(item)
        self._comparison: Comparison | None = None
        self._option_names: list[str] = []
        self._column_tips: list[str] = []
        self._pos = np.zeros((0, 0))  # profiles × options: row each option is drawn on
        self._hovered: int | None = None
        self._emphasis: int | None = -1  # forces the first styling
        self._marker_px = 24
        self._tick_cache: list[tuple[float, str]] = []
        self._point_data: tuple[np.ndarray, list[str]] = (np.zeros((0, 2)), [])
        self._hover_hit: tuple[int, int | None] | None = None
        self._mouse = QPointF()
        self._view.sigResized.connect(self._fit)
        self._session.selectionChanged.connect(self._show_selection)
        self._session.setChanged.connect(self._forget)

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._forget()  # the comparison view sets its comparison again, drawn in the new colours
        self._restyle()

    def _forget(self) -> None:
        """A new set or theme: the next comparison rebuilds every item, in the current colours."""
        self._comparison = None

    # ---- input --------------------------------------------------------------------------------
    def set_comparison(
        self, comparison: Comparison | None, option_names: list[str], column_tips: list[str]
    ) -> None:
        """New rankings; items are rebuilt only when the columns or the options change."""
        old = self._comparison
        self._comparison, self._column_tips = comparison, column_tips
        same = (
            old is not None
            and comparison is not None
            and old.names == comparison.names
            and old.option_ids == comparison.option_ids
            and option_names == self._option_names
        )
        self._option_names = option_names
        if not same:
            self._rebuild()
        self._update()

    # ---- accessors (tests) --------------------------------------------------------------------
    def ranks(self) -> dict[str, dict[str, int]]:
        """{profile name: {option id: rank as drawn in its marker}}."""
        c = self._comparison
        if c is None:
            return {}
        return {
            name: {oid: int(r) for oid, r in zip(c.option_ids, c.results[p].ranks, strict=True)}
            for p, name in enumerate(c.names)
        }

    def rows(self) -> np.ndarray:
        """profiles × options: the row (1 = top) each marker is drawn on."""
        return self._pos.copy()

    def end_names(self) -> tuple[list[str], list[str]]:
        """The option names drawn at the left and right ends of the lines; read back for tests,
        which would otherwise reach into pyqtgraph items."""
        return self._labels.names()

    def marker_texts(self) -> list[str]:
        """The rank texts drawn in the markers; read back for tests, which would otherwise reach
        into pyqtgraph items."""
        return self._labels.point_texts()

    def column_names(self) -> list[str]:
        """The profile names drawn over the columns; read back for tests, which would otherwise
        reach into pyqtgraph items."""
        return [text for _, text in self._tick_cache]

    def highlighted(self) -> str | None:
        c, i = self._comparison, self._emphasis
        return None if c is None or i is None or i < 0 else c.option_ids[i]

    def marker_scene_pos(self, profile: int, option_id: str) -> QPointF:
        """Where one option's marker is drawn in one column, in scene pixels, so a test can point
        the real mouse at it (the drawn rows are the graph's own state)."""
        assert self._comparison is not None
        i = self._comparison.option_ids.index(option_id)
        return self._view.mapViewToScene(QPointF(profile, self._pos[profile, i]))

    # ---- building, once per set of columns ----------------------------------------------------
    def _rebuild(self) -> None:
        self._restyle()
        self._hovered, self._emphasis = None, -1
        self._pos = np.zeros((0, 0))  # the next update redraws everything
        self._hover.clear()
        self._axis_tip.clear()
        th = self._theme
        self._top.setPen(pg.mkPen(None))
        self._top.setTickPen(pg.mkPen(QColor(0, 0, 0, 0)))  # NoPen still leaves a dot per tick
        self._top.setTextPen(pg.mkPen(th.foreground))
        self._top.setTickFont(cc.chart_font(th, bold=True))
        cc.cache_axis(self._top)
        self._labels.set_colours(th.foreground, cc.blend(th.foreground, th.background, 0.45))
        metrics = QFontMetrics(cc.chart_font(th, bold=True))
        c = self._comparison
        n = 0 if c is None else len(c.option_ids)
        self._marker_px = max(24, metrics.horizontalAdvance(f"={n}") + 10)
        self._fit()

    def _fit(self) -> None:
        """Room for the names at both ends, profile names wrapped into their columns.

        Done on resize as well as rebuild: the names get pixels, the columns what is left.
        """
        c = self._comparison
        if c is None or not c.option_ids:
            self._labels.set_names([], [], 0)
            self._tick_cache = []
            self._top.setTicks([[], []])
            return
        k, n = len(c.names), len(c.option_ids)
        width, height = max(self._view.width(), 200.0), max(self._view.height(), 100.0)
        metrics = QFontMetrics(cc.chart_font(self._theme))
        lines = int(np.clip(height / n / (1.15 * metrics.lineSpacing()), 1, 3))
        gap = self._marker_px / 2 + 8
        span = max(k - 1, 1)
        # columns first (slopes need run to be read), names get what is left, within limits
        column = max(MIN_COLUMN_PX, min(GOOD_COLUMN_PX, 0.5 * width / span))
        room = (width - (k - 1) * column) / 2 - gap - 6
        cap = int(min(MAX_NAME_PX, max(MIN_NAME_PX, room)))
        names = [wrap_text(name, metrics, cap, max_lines=lines) for name in self._option_names]
        side = self._labels.block_width(names) + gap + 6
        per_column = max((width - 2 * side) / span, 40.0)
        self._view.setRange(
            xRange=(-side / per_column, span + side / per_column),
            yRange=(0.5, n + 0.5),
            padding=0,
        )
        self._labels.set_names(names, names, gap)
        header = QFontMetrics(cc.chart_font(self._theme, bold=True))
        slot = int(min(per_column - 4, 2 * side - 12, MAX_NAME_PX)) if k > 1 else int(2 * side)
        heads = [wrap_text(name, header, max(slot, 60), max_lines=3) for name in c.names]
        self._tick_cache = [(float(p), head) for p, head in enumerate(heads)]
        self._top.setTicks([self._tick_cache, []])
        rows = max(head.count("\n") + 1 for head in heads)
        self._top.setHeight(rows * header.lineSpacing() + 10)

    # ---- updating in place --------------------------------------------------------------------
    def _update(self) -> None:
        c = self._comparison
        if c is None or not c.option_ids:
            for item in (*self._curves, self._chosen):
                item.setData([], [])
            self._points.setData([], [])
            self._labels.set_positions(np.zeros(0), np.zeros(0), 0, np.zeros((0, 2)), [], [])
            self._pos = np.zeros((0, 0))
            return
        k, n = len(c.names), len(c.option_ids)
        pos = np.empty((k, n))
        for p, result in enumerate(c.results):
            pos[p, result.order] = np.arange(1, n + 1)
        texts = []
        for result in c.results:
            tied = tie_flags(result)
            texts += [f"={r}" if t else str(r) for r, t in zip(result.ranks, tied, strict=True)]
        if np.array_equal(pos, self._pos) and texts == self._point_data[1]:
            self._refresh_hover()  # totals moved, ranks did not: only the tooltip can change
            return
        self._pos = pos
        x = np.tile(np.arange(k, dtype=float), n)
        rows = pos.T  # options × profiles
        for g, curve in enumerate(self._curves):
            members = np.arange(g, n, self._palette)
            connect = np.ones(members.size * k, dtype=bool)
            connect[k - 1 :: k] = False  # no line from one option's last column to the next's first
            curve.setData(x[: members.size * k], rows[members].ravel(), connect=connect)
        points = np.column_stack([np.repeat(np.arange(k, dtype=float), n), pos.ravel()])
        self._point_data = (points, texts)
        self._style(force=True)
        self._refresh_hover()

    def _style(self, force: bool = False) -> None:
        """Colours for the highlight: the hovered option, else the session's selection."""
        c = self._comparison
        if c is None:
            return
        selected = self._session.selected_option
        emphasis = self._hovered
        if emphasis is None and selected in c.option_ids:
            emphasis = c.option_ids.index(selected)
        if emphasis == self._emphasis and not force:
            return
        self._emphasis = emphasis
        th, n, k = self._theme, len(c.option_ids), len(c.names)
        keep = 1.0 if emphasis is None else FADE
        for g, curve in enumerate(self._curves):
            colour = cc.blend(theme.option_colour(g), th.background, keep)
            curve.setPen(cc.cosmetic_pen(colour, LINE_PX))
        self._chosen.setVisible(emphasis is not None)
        if emphasis is not None:
            self._chosen.setData(np.arange(k, dtype=float), self._pos[:, emphasis])
            self._chosen.setPen(cc.cosmetic_pen(theme.option_colour(emphasis), CHOSEN_PX))
        fills = [cc.blend(theme.option_colour(i), th.background, keep) for i in range(n)]
        if emphasis is not None:
            fills[emphasis] = theme.option_colour(emphasis)
        brushes = [pg.mkBrush(fills[i]) for _ in range(k) for i in range(n)]
        sizes = [self._marker_px + (4 if i == emphasis else 0) for _ in range(k) for i in range(n)]
        points, texts = self._point_data
        self._points.setData(
            pos=points, size=sizes, brush=brushes, pen=pg.mkPen(th.background, width=1.5)
        )
        inks = [_ink_on(fills[i]) for _ in range(k) for i in range(n)]
        self._labels.set_positions(
            self._pos[0], self._pos[-1], float(max(k - 1, 0)), points, texts, inks
        )
        self._labels.set_emphasis(emphasis)

    def _show_selection(self) -> None:
        self._style()

    def _key_order(self) -> list[int]:
        c = self._comparison
        return [] if c is None or not c.results else c.results[-1].order.tolist()

    def _legend_clicked(self, key: str) -> None:  # the legend is hidden
        pass

    # ---- mouse --------------------------------------------------------------------------------
    def _hit(self, scene_pos: QPointF) -> tuple[int, int | None] | None:
        """(option, column) for a marker, (option, None) for a line or an end name."""
        c = self._comparison
        if c is None or not self._pos.size:
            return None
        if not self._view.sceneBoundingRect().contains(scene_pos):
            return None
        p = self._view.mapSceneToView(scene_pos)
        px, py = self._view.viewPixelSize()
        k = len(c.names)
        dx = (np.arange(k, dtype=float)[:, None] - p.x()) / px
        dist = np.hypot(dx, (self._pos - p.y()) / py)
        col, i = np.unravel_index(int(np.argmin(dist)), dist.shape)
        if dist[col, i] <= max(POINT_HIT_PX, self._marker_px / 2):
            return int(i), int(col)
        if p.x() < 0 or p.x() > k - 1 or k < 2:  # beside the columns: the names
            ends = self._pos[0] if p.x() < 0 else self._pos[-1]
            near = int(np.argmin(np.abs(ends - p.y())))
            return (near, None) if abs(ends[near] - p.y()) <= 0.5 else None
        j = int(np.clip(np.floor(p.x()), 0, k - 2))
        t = p.x() - j
        y_at = self._pos[j] + (self._pos[j + 1] - self._pos[j]) * t
        slope = (self._pos[j + 1] - self._pos[j]) / py * px
        gap = np.abs(y_at - p.y()) / py / np.sqrt(1 + slope**2)
        near = int(np.argmin(gap))
        return (near, None) if gap[near] <= LINE_HIT_PX else None

    def _axis_hit(self, scene_pos: QPointF) -> int | None:
        c = self._comparison
        if c is None or not cc.scene_rect(self._top).contains(scene_pos):
            return None
        p = round(self._view.mapSceneToView(scene_pos).x())
        return p if 0 <= p < len(c.names) else None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        column = self._axis_hit(scene_pos)
        if column is None or column >= len(self._column_tips):
            self._axis_tip.clear()
        else:
            rect = cc.scene_rect(self._top)
            x = self._view.mapViewToScene(QPointF(column, 0)).x()
            half = max(40.0, min(rect.width() / (2 * len(self._column_tips)), 130.0))
            self._axis_tip.show_at(
                QRectF(x - half, rect.top(), 2 * half, rect.height()), self._column_tips[column]
            )
        hit = self._hit(scene_pos)
        self._hovered = None if hit is None else hit[0]
        self._style()
        self._hover_hit = hit
        self._mouse = self._view.mapSceneToView(scene_pos)
        self._refresh_hover()

    def _refresh_hover(self) -> None:
        hit, c = self._hover_hit, self._comparison
        if hit is None or c is None or hit[0] >= len(c.option_ids):
            self._hover.clear()
            return
        i, col = hit
        px, py = self._view.viewPixelSize()
        if col is None:
            p = self._mouse
            rect = QRectF(p.x() - 6 * px, p.y() - 6 * py, 12 * px, 12 * py)
            self._hover.show_at(rect.normalized(), self._option_tip(i))
            return
        r = self._marker_px / 2
        rect = QRectF(col - r * px, self._pos[col, i] - r * py, 2 * r * px, 2 * r * py)
        self._hover.show_at(rect.normalized(), self._point_tip(i, col))

    def _point_tip(self, i: int, col: int) -> str:
        c = self._comparison
        assert c is not None
        result, n = c.results[col], len(c.option_ids)
        rank = int(result.ranks[i])
        joint = "joint " if result.tied(i) else ""
        return (
            f"<b>{escape(self._option_names[i])}</b><br>"
            f"{escape(c.names[col])}: {joint}{ordinal(rank)} of {n}<br>"
            f"Total {result.totals[i]:.3f} ({result.method.label})"
        )

    def _option_tip(self, i: int) -> str:
        c = self._comparison
        assert c is not None
        rows = [f"<b>{escape(self._option_names[i])}</b>"]
        for name, result in zip(c.names, c.results, strict=True):
            joint = "=" if result.tied(i) else ""
            rows.append(
                f"{escape(name)}: {joint}{ordinal(int(result.ranks[i]))}, "
                f"total {result.totals[i]:.3f}"
            )
        return "<br>".join(rows)

    def _clicked(self, scene_pos: QPointF) -> bool:
        hit, c = self._hit(scene_pos), self._comparison
        if hit is None or c is None:
            return False
        crit = self._session.selected_criterion
        self._session.select(option=c.option_ids[hit[0]], criterion=crit)
        return True

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._hovered, self._hover_hit = None, None
        self._hover.clear()
        self._style()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


def _ink_on(fill: QColor) -> QColor:
    """Black or white rank digits, whichever reads on the marker colour."""
    luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF()
    return QColor("#1A1A1A") if luminance > 0.6 else QColor("#FFFFFF")
