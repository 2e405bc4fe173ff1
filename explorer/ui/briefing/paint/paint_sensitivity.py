"""One-way sensitivity for briefings: every option's total as one criterion's share runs 0–100 %.

The others' shares are rescaled in proportion, as the sliders do, so the chart answers "what if
we cared more (or less) about this?". Crossovers are ringed; where the leader changes the share
is written on the chart. Curves, crossovers and the leader's stability interval all come from
the session's Analysis; each line is named at its right end, so colour is never the only key.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPolygonF

from explorer.core.engine import Method
from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.charts.chart_common import blend
from explorer.ui.charts.ranking.ranking_axes import AXIS_LABELS
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme, option_colour

BAND = 0.14  # tint of the share range over which the leader stays on top
END_TOLERANCE = 1e-6


def sensitivity_criterion(session: Session, criterion_id: object = None) -> str:
    """The criterion asked for, else the one the sensitivity chart shows, else the selected one,
    else the most weighted (file order)."""
    ds = session.decision_set
    assert ds is not None
    ids = ds.criterion_ids
    shown = session.views.sensitivity_criterion
    for candidate in (criterion_id, shown, session.selected_criterion):
        if candidate in ids:
            return str(candidate)
    return ids[int(np.argmax(session.shares))]


def paint_sensitivity(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """kw: criterion_id (default: the chart's criterion on screen, the selected one or the most
    weighted)."""
    ds, analysis, result = session.decision_set, session.analysis, session.result
    if ds is None or analysis is None or result is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    cid = sensitivity_criterion(session, kw.get("criterion_id"))
    j = ds.criterion_ids.index(cid)
    sens = analysis.sensitivity(cid)
    painter.save()
    pad = font_px * 0.3
    area = rect.adjusted(pad, pad, -pad, -pad)
    # the band is the exact weighted-sum stability interval: shown only when the curves are WSM
    stab = analysis.stability_of(cid) if sens.method is Method.WSM else None
    note = ""
    if stab is not None:
        leader = ds.option(stab.leader).name
        if stab.low <= END_TOLERANCE and stab.high >= 1 - END_TOLERANCE:
            note, stab = f"{leader} stays top at every share of this criterion. ", None
        else:
            note = (
                f"Shaded: {leader} stays top while this share is between "
                f"{cp.percent(stab.low)} and {cp.percent(stab.high)}. "
            )
    note += "Other criteria keep their proportions. Rings: two options tie."
    note_h = cp.note_height(painter, note, area.width(), font_px)

    label_font = cp.make_font(font_px, cp.TICK)
    label_h = cp.metrics(painter, label_font).height()
    names = [cp.wrap(painter, o.name, label_font, area.width() * 0.2, 3) for o in ds.options]
    dot = font_px * 0.5
    labels_w = max(cp.block_width(painter, n, label_font) for n in names) + dot + font_px * 0.6
    top_v = float(np.max(sens.totals)) if sens.totals.size else 1.0
    y_hi = min(1.0, max(0.1, np.ceil(top_v * 10 - 1e-9) / 10))
    y_room = (area.height() - note_h) / (font_px * 3)
    y_ticks = _ticks(0.0, y_hi, y_room)
    y_w = cp.y_axis_width(painter, [t for _, t in y_ticks], font_px, titled=True)
    x_h = cp.x_axis_height(painter, font_px)
    marks_h = label_h * 1.2
    plot = QRectF(
        area.left() + y_w,
        area.top() + marks_h,
        area.width() - y_w - labels_w - font_px * 0.6,
        area.height() - marks_h - x_h - note_h - font_px * 0.6,
    )
    sx = cp.Scale(0.0, 1.0, plot.left(), plot.right())
    sy = cp.Scale(0.0, y_hi, plot.bottom(), plot.top())
    bg = QColor(theme.background)
    if stab is not None:
        band = QRectF(
            sx.at(stab.low), plot.top(), sx.at(stab.high) - sx.at(stab.low), plot.height()
        )
        painter.fillRect(band, blend(theme.highlight, bg, BAND))
    x_ticks = [
        (v / 100, f"{v:g}%")
        for v in cp.nice_ticks(0, 100, max(2, int(plot.width() / (font_px * 4))))
    ]
    x_title = f"{ds.criteria[j].name}: share of the total weight (%)"
    y_title = AXIS_LABELS[sens.method]
    cp.draw_axes(
        painter, plot, (sx, x_ticks, x_title), (sy, y_ticks, y_title), theme, font_px, area.left()
    )
    leader_i = int(result.order[0])
    for i in list(range(len(ds.options)))[::-1]:  # file order, the first option on top
        pen = cp.line_pen(option_colour(i), font_px, 3.0 if i == leader_i else 2.0)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        poly = QPolygonF(
            [QPointF(sx.at(g), sy.at(t)) for g, t in zip(sens.grid, sens.totals[i], strict=True)]
        )
        painter.drawPolyline(poly)
    ring = font_px * 0.32
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(cp.line_pen(theme.foreground, font_px, 1.4))
    flips = []
    for c in sens.crossovers:
        centre = QPointF(sx.at(c.weight), sy.at(c.total))
        painter.drawEllipse(centre, ring, ring)
        if stab is not None and any(
            abs(c.weight - b) < END_TOLERANCE for b in (stab.low, stab.high)
        ):
            flips.append(c.weight)
    _current(painter, sx.at(sens.current), plot, f"now {cp.percent(sens.current)}", theme, font_px)
    for w in sorted(set(flips)):
        x = sx.at(w)
        w_text = cp.block_width(painter, [cp.percent(w)], label_font) + 2
        left = min(max(x - w_text / 2, plot.left()), plot.right() - w_text)
        cp.draw_lines(
            painter,
            QRectF(left, plot.top() - marks_h, w_text, label_h),
            [cp.percent(w)],
            label_font,
            theme.foreground,
            cp.CENTRE,
        )

    # names at the right ends, spread apart so none overlap
    ends = [sy.at(float(t[-1])) for t in sens.totals]
    heights = [label_h * len(n) + font_px * 0.15 for n in names]
    centres = cp.spread(ends, heights, area.top(), plot.bottom())
    lx = plot.right() + font_px * 0.6
    for i, name in enumerate(names):
        cy = centres[i]
        if abs(cy - ends[i]) > font_px * 0.3:  # moved off its line's end: a leader line back
            painter.setPen(cp.line_pen(option_colour(i), font_px, 1.0))
            painter.drawLine(QPointF(plot.right(), ends[i]), QPointF(lx, cy))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(option_colour(i)))
        painter.drawEllipse(QPointF(lx + dot / 2, cy), dot / 2, dot / 2)
        box = QRectF(
            lx + dot + font_px * 0.3, cy - heights[i] / 2, area.right() - lx - dot, heights[i]
        )
        cp.draw_lines(painter, box, name, label_font, theme.foreground)
    note_rect = QRectF(area.left(), area.bottom() - note_h, area.width(), note_h)
    cp.draw_note(painter, note_rect, note, theme, font_px)
    painter.restore()


def _ticks(lo: float, hi: float, room: float) -> list[tuple[float, str]]:
    values = cp.nice_ticks(lo, hi, max(2, int(room)))
    step = values[1] - values[0] if len(values) > 1 else 0.1
    return [(v, cp.tick_text(v, step)) for v in values]


def _current(
    painter: QPainter, x: float, plot: QRectF, text: str, theme: Theme, font_px: float
) -> None:
    """The current share: a solid line with its caption at the top of the plot."""
    painter.setPen(cp.line_pen(theme.foreground, font_px, 1.4))
    painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    font = cp.make_font(font_px, cp.TICK, bold=True)
    h = cp.metrics(painter, font).height()
    w = cp.block_width(painter, [text], font) + 2
    left = min(max(x + font_px * 0.25, plot.left()), plot.right() - w)
    cp.draw_lines(
        painter, QRectF(left, plot.top() + font_px * 0.2, w, h), [text], font, theme.foreground
    )
