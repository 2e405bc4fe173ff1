"""The tradeoff map for briefings: every option on two criteria or criterion groups.

The same picture as the app's tradeoff map: both axes are desirability (0 = worst end of the
scale, 1 = best), so up and right are better; point size is the overall score, whiskers the
assessed ranges, rings and a dashed line the Pareto front. Every number comes from
explorer/core/tradeoff.py, and every name's place from explorer/core/label_layout.py, the
placement the live map uses.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from explorer.core import label_layout, tradeoff
from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme, option_colour

KEY = ("Overall score (larger = higher)", "Pareto-efficient", "Pareto front", "Assessed range")
LABEL_FILL = 0.8  # opacity of the background behind names, so whiskers never hide them


def chosen_axes(session: Session, x: object = None, y: object = None) -> tuple:
    """The axes a key names ("criterion:<id>", "group:<name>"), else the pair the map shows
    (session.views), else the map's defaults."""
    ds = session.decision_set
    assert ds is not None
    choices = tradeoff.axes(ds)
    by_key = {a.key: a for a in choices}
    shown = session.views.tradeoff_axes
    if shown is not None and shown[0] in by_key and shown[1] in by_key:
        default = (by_key[shown[0]], by_key[shown[1]])
    else:
        default = tradeoff.default_axes(choices, session.shares)
    return by_key.get(str(x), default[0]), by_key.get(str(y), default[1])


def paint_tradeoff(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """kw: x, y — axis keys as in explorer.core.tradeoff.Axis.key (default: the app's)."""
    ds, result = session.decision_set, session.result
    if ds is None or result is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    painter.save()
    x_axis, y_axis = chosen_axes(session, kw.get("x"), kw.get("y"))
    lo, hi = tradeoff.desirability_bounds(ds)
    args = (result.desirability, lo, hi, result.weights, result.contributions)
    xv, yv = tradeoff.axis_values(x_axis, *args), tradeoff.axis_values(y_axis, *args)
    pad = font_px * 0.3
    area = rect.adjusted(pad, pad, -pad, -pad)

    key_w = font_px * 1.6
    rows = cp.legend_rows(painter, KEY, font_px, area.width(), key_w)
    key_h = len(rows) * cp.metrics(painter, cp.make_font(font_px, cp.LEGEND)).height() * 1.15
    plot_area = area.adjusted(0, 0, 0, -(key_h + font_px * 0.6))
    (x0, x1), (y0, y1) = (
        tradeoff.axis_extent(xv.low, xv.high),
        tradeoff.axis_extent(yv.low, yv.high),
    )
    plot = _frame(painter, plot_area, font_px, (x0, x1), (y0, y1), theme, x_axis, y_axis)
    sx = cp.Scale(x0, x1, plot.left(), plot.right())
    sy = cp.Scale(y0, y1, plot.bottom(), plot.top())
    px = np.array([sx.at(v) for v in xv.value])
    py = np.array([sy.at(v) for v in yv.value])
    radii = font_px * (0.2 + 0.7 * tradeoff.bubble_fraction(result.totals))
    front = tradeoff.pareto_front(xv.value, yv.value)

    muted = cp.line_pen(theme.muted, font_px, 1.1)
    cap = font_px * 0.25
    painter.setPen(muted)
    for i in range(len(px)):  # assessed ranges: whiskers with end caps
        xl, xh, yl, yh = sx.at(xv.low[i]), sx.at(xv.high[i]), sy.at(yv.low[i]), sy.at(yv.high[i])
        painter.drawLine(QPointF(xl, py[i]), QPointF(xh, py[i]))
        painter.drawLine(QPointF(px[i], yl), QPointF(px[i], yh))
        for x in (xl, xh):
            painter.drawLine(QPointF(x, py[i] - cap), QPointF(x, py[i] + cap))
        for y in (yl, yh):
            painter.drawLine(QPointF(px[i] - cap, y), QPointF(px[i] + cap, y))
    dashed = cp.line_pen(theme.foreground, font_px, 1.4)
    dashed.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(dashed)
    if len(front.line) > 1:
        painter.drawPolyline(QPolygonF([QPointF(px[i], py[i]) for i in front.line.tolist()]))
    painter.setPen(cp.line_pen(theme.background, font_px, 1.0))
    for i in result.order[::-1].tolist():  # the leader drawn last, on top
        painter.setBrush(QBrush(option_colour(i)))
        painter.drawEllipse(QPointF(px[i], py[i]), radii[i], radii[i])
    painter.setPen(cp.line_pen(theme.foreground, font_px, 1.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ring = font_px * 0.3
    for i in front.efficient.tolist():
        painter.drawEllipse(QPointF(px[i], py[i]), radii[i] + ring, radii[i] + ring)

    outer = radii + cp.line_pen(theme.background, font_px).widthF() / 2  # the outline
    outer[front.efficient] = radii[front.efficient] + ring + font_px / 14.0 * 0.9
    _labels(painter, plot, session, theme, font_px, np.column_stack([px, py]), outer, front)
    key = QRectF(area.left(), area.bottom() - key_h, area.width(), key_h)
    _key(painter, key, rows, key_w, theme, font_px)
    painter.restore()


def _frame(
    painter: QPainter,
    area: QRectF,
    font_px: float,
    xr: tuple[float, float],
    yr: tuple[float, float],
    theme: Theme,
    x_axis: tradeoff.Axis,
    y_axis: tradeoff.Axis,
) -> QRectF:
    """Both axes with ticks and titles; returns the plot rect inside them."""
    y_ticks = _ticks(yr, area.height() / (font_px * 3))
    y_w = cp.y_axis_width(painter, [t for _, t in y_ticks], font_px, titled=True)
    x_h = cp.x_axis_height(painter, font_px)
    plot = QRectF(
        area.left() + y_w,
        area.top() + font_px * 0.6,
        area.width() - y_w - font_px * 0.8,
        area.height() - x_h - font_px * 0.6,
    )
    x_ticks = _ticks(xr, plot.width() / (font_px * 4))
    sx = cp.Scale(*xr, plot.left(), plot.right())
    sy = cp.Scale(*yr, plot.bottom(), plot.top())
    title = "{} (0 = worst, 1 = best)".format
    x, y = (sx, x_ticks, title(x_axis.label)), (sy, y_ticks, title(y_axis.label))
    cp.draw_axes(painter, plot, x, y, theme, font_px, area.left())
    return plot


def _ticks(extent: tuple[float, float], room: float) -> list[tuple[float, str]]:
    values = cp.nice_ticks(extent[0], extent[1], max(2, int(room)))
    step = values[1] - values[0] if len(values) > 1 else 0.1
    return [(v, cp.tick_text(v, step)) for v in values]


def _labels(
    painter: QPainter,
    plot: QRectF,
    session: Session,
    theme: Theme,
    font_px: float,
    centres: np.ndarray,
    radii: np.ndarray,
    front: tradeoff.ParetoFront,
) -> None:
    """Each name beside its point, clear of every point, ring and other name, inside the plot;
    a name that cannot sit beside its point is joined to it by a line."""
    ds, result = session.decision_set, session.result
    assert ds is not None and result is not None
    font = cp.make_font(font_px, cp.TICK)
    line_h = cp.metrics(painter, font).height()
    pad = font_px * 0.15
    lines = [cp.wrap(painter, o.name, font, plot.width() * 0.3, 2) for o in ds.options]
    sizes = np.array(
        [(cp.block_width(painter, ls, font) + 2 * pad, line_h * len(ls) + 2 * pad) for ls in lines]
    ).reshape(-1, 2)
    layout = label_layout.place_labels(
        centres,
        radii,
        sizes,
        (plot.left(), plot.top(), plot.right(), plot.bottom()),
        label_layout.naming_order(result.order, front.efficient),
        gap=font_px * 0.2,
        spacing=font_px * 0.1,
    )
    shown = np.flatnonzero(layout.shown).tolist()
    for i in shown:  # in the option's colour: a grey line ran along the range bars unseen
        if not np.isnan(layout.leaders[i, 0]):
            painter.setPen(cp.line_pen(option_colour(i), font_px, 1.4))
            painter.drawLine(QLineF(*layout.leaders[i]))
    fill = QColor(theme.background)
    fill.setAlphaF(LABEL_FILL)
    for i in shown:
        left, top, right, bottom = layout.boxes[i]
        box = QRectF(left, top, right - left, bottom - top)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(fill))
        painter.drawRect(box)
        cp.draw_lines(painter, box.adjusted(pad, pad, -pad, -pad), lines[i], font, theme.foreground)


def _key(
    painter: QPainter,
    rect: QRectF,
    rows: list[list[tuple[int, float, str]]],
    key_w: float,
    theme: Theme,
    font_px: float,
) -> None:
    """What point size, rings, the dashed line and the whiskers mean."""
    font = cp.make_font(font_px, cp.LEGEND)
    row_h = cp.metrics(painter, font).height() * 1.15
    fg = theme.foreground
    for r, row in enumerate(rows):
        mid = rect.top() + r * row_h + row_h / 2
        for kind, x, text in row:
            left = rect.left() + x
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if kind == 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor(theme.muted)))  # size only, not an option
                for k, r_ in enumerate((0.16, 0.24, 0.32)):
                    painter.drawEllipse(
                        QPointF(left + key_w * (0.15 + 0.33 * k), mid), font_px * r_, font_px * r_
                    )
            elif kind == 1:
                painter.setPen(cp.line_pen(fg, font_px, 1.8))
                painter.drawEllipse(QPointF(left + key_w / 2, mid), font_px * 0.35, font_px * 0.35)
            else:
                pen: QPen = cp.line_pen(fg if kind == 2 else theme.muted, font_px, 1.4)
                pen.setStyle(Qt.PenStyle.DashLine if kind == 2 else Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(left, mid), QPointF(left + key_w, mid))
                if kind == 3:
                    for x_ in (left, left + key_w):
                        painter.drawLine(
                            QPointF(x_, mid - font_px * 0.25), QPointF(x_, mid + font_px * 0.25)
                        )
            tx = left + key_w + font_px * 0.35
            cp.draw_lines(
                painter, QRectF(tx, mid - row_h / 2, rect.right() - tx, row_h), [text], font, fg
            )
