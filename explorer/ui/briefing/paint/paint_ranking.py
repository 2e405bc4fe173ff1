"""The ranking for briefings: one stacked bar per option, best on top, one segment per criterion.

The same picture as the app's ranking chart (ValueCharts-style stacking of each criterion's
contribution, the total at the bar's end, criterion colours in a legend), painted with plain
QPainter calls so it works on a slide widget, a PDF page, a PNG or an SVG alike.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.charts.chart_common import blend
from explorer.ui.charts.chart_text import rank_text
from explorer.ui.charts.ranking.ranking_axes import AXIS_LABELS, X_STEP
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme, criterion_colour

BAR = 0.62  # bar height as a share of the row, as in the app
MAX_ROW_LINES = 3.5  # rows never taller than this many text lines: few options, slim bars
UNASSESSED_FADE = 0.45
ZERO_WEIGHTS = "All criteria have zero weight, so no option can be ranked."


def paint_ranking(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """Options in rank order as stacked contribution bars. kw: none used."""
    ds, result = session.decision_set, session.result
    if ds is None or result is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    painter.save()
    pad = font_px * 0.3
    area = rect.adjusted(pad, pad, -pad, -pad)
    entries = [(criterion_colour(j), c.name) for j, c in enumerate(ds.criteria)]
    legend_h = cp.legend_height(painter, [n for _, n in entries], font_px, area.width())
    if result.weights_all_zero:
        legend = QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h)
        cp.draw_legend(painter, legend, entries, theme, font_px)
        cp.draw_message(painter, area.adjusted(0, 0, 0, -legend_h), ZERO_WEIGHTS, theme, font_px)
        painter.restore()
        return

    name_font, bold = cp.make_font(font_px), cp.make_font(font_px, bold=True)
    line_h = cp.metrics(painter, name_font).height()
    n = len(ds.options)
    unassessed = [
        [
            ds.assessment(o.id, c.id).unassessed and result.weights[j] > 0
            for j, c in enumerate(ds.criteria)
        ]
        for o in ds.options
    ]
    axis_h = cp.x_axis_height(painter, font_px)
    gap = font_px * 0.8
    # the note's wording depends on how many rows fit, and the rows on the note's height:
    # size the note for the longer wording, which is always enough
    notes = _notes(n, n - 1, any(map(any, unassessed)))
    note_h = cp.note_height(painter, notes, area.width(), font_px)
    rows_h = area.height() - axis_h - legend_h - gap - (note_h + font_px * 0.4 if note_h else 0)
    shown = max(1, min(n, int(rows_h // (line_h * 1.35))))
    notes = _notes(n, shown, any(any(unassessed[i]) for i in result.order[:shown].tolist()))
    note_h = cp.note_height(painter, notes, area.width(), font_px)
    row_h = min(rows_h / shown, line_h * MAX_ROW_LINES)
    block_h = row_h * shown
    below = axis_h + gap + legend_h + (note_h + font_px * 0.4 if note_h else 0)
    top = area.top() + max(0.0, (area.height() - block_h - below) / 2)
    baseline = top + block_h
    legend = QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h)
    legend.moveTop(min(legend.top(), baseline + axis_h + gap))
    cp.draw_legend(painter, legend, entries, theme, font_px)

    order = result.order[:shown].tolist()
    ranks = [rank_text(result, i) for i in order]
    rank_w = max(cp.block_width(painter, [r], bold) for r in ranks) + font_px * 0.5
    wrapped, name_w = cp.fit_names(
        painter, [ds.options[i].name for i in order], name_font, area.width() * 0.34, row_h
    )
    total_w = cp.block_width(painter, ["0.00"], bold) + font_px * 0.6
    bars_left = area.left() + rank_w + name_w + font_px * 0.6
    bars_right = area.right() - total_w
    x_top = max(X_STEP, min(1.0, math.ceil(float(result.totals.max()) / X_STEP - 1e-9) * X_STEP))
    scale = cp.Scale(0.0, x_top, bars_left, bars_right)
    steps = round(x_top / X_STEP)
    ticks = [(k * X_STEP, cp.tick_text(k * X_STEP, X_STEP)) for k in range(steps + 1)]
    cp.draw_x_axis(painter, scale, ticks, baseline, top, theme, font_px, AXIS_LABELS[result.method])

    gap_pen = cp.line_pen(theme.background, font_px, 0.7)
    bg = QColor(theme.background)
    for k, i in enumerate(order):
        row = QRectF(area.left(), top + k * row_h, area.width(), row_h)
        cp.draw_lines(
            painter,
            QRectF(row.left(), row.top(), rank_w, row_h),
            [ranks[k]],
            bold,
            theme.foreground,
        )
        name_rect = QRectF(row.left() + rank_w, row.top(), name_w, row_h)
        cp.draw_lines(painter, name_rect, wrapped[k], name_font, theme.foreground)
        bar_h = row_h * BAR
        y = row.center().y() - bar_h / 2
        x = 0.0
        painter.setPen(gap_pen)
        for j in range(len(ds.criteria)):
            width = float(result.contributions[i, j])
            if width <= 0:
                continue
            colour = criterion_colour(j)
            if unassessed[i][j]:
                colour = blend(colour, bg, UNASSESSED_FADE)
            painter.setBrush(QBrush(colour))
            x0, x1 = scale.at(x), scale.at(x + width)
            painter.drawRect(QRectF(x0, y, x1 - x0, bar_h))
            x += width
        end = scale.at(float(result.totals[i])) + font_px * 0.3
        cp.draw_lines(
            painter,
            QRectF(end, row.top(), area.right() - end, row_h),
            [f"{result.totals[i]:.2f}"],
            bold,
            theme.foreground,
        )
    if notes:
        note = QRectF(area.left(), legend.bottom() + font_px * 0.4, area.width(), note_h)
        cp.draw_note(painter, note, notes, theme, font_px)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()


def _notes(n: int, shown: int, pale: bool) -> str:
    parts = []
    if shown < n:
        parts.append(f"Top {shown} of {n} options shown.")
    if pale:
        parts.append("Pale segments: not assessed, counted at the scale midpoint.")
    return " ".join(parts)
