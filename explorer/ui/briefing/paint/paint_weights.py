"""The weighting for briefings: each criterion's share of the total weight as a bar.

Criteria are listed under their groups, in the set's order, with each group's combined share in
its heading, so an audience sees at once how much of the decision rests on, say, security.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter

from explorer.core import tradeoff
from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme, criterion_colour

BAR = 0.62
MAX_ROW_LINES = 2.8
UNGROUPED = "Other criteria"


def weight_rows(session: Session) -> list[tuple[str, int | list[int]]]:
    """('group', member indices) headings and ('criterion', index) rows in drawing order."""
    ds = session.decision_set
    assert ds is not None
    names = tradeoff.groups(ds)
    if not names:
        return [("criterion", j) for j in range(len(ds.criteria))]
    rows: list[tuple[str, int | list[int]]] = []
    for name in [*names, ""]:
        members = [j for j, c in enumerate(ds.criteria) if c.group == name]
        if members:
            rows.append(("group", members))
            rows.extend(("criterion", j) for j in members)
    return rows


def paint_weights(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """Criterion shares as bars, grouped as in the set. kw: none used."""
    ds = session.decision_set
    if ds is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    painter.save()
    shares = session.shares
    pad = font_px * 0.3
    area = rect.adjusted(pad, pad, -pad, -pad)
    rows = weight_rows(session)
    name_font, bold = cp.make_font(font_px), cp.make_font(font_px, bold=True)
    line_h = cp.metrics(painter, name_font).height()
    axis_h = cp.x_axis_height(painter, font_px)
    n_head = sum(kind == "group" for kind, _ in rows)
    n_crit = len(rows) - n_head
    avail = area.height() - axis_h
    head_h = min(line_h * 1.6, avail / len(rows))
    row_h = min((avail - n_head * head_h) / n_crit, line_h * MAX_ROW_LINES)
    block_h = row_h * n_crit + head_h * n_head
    top = area.top() + max(0.0, (area.height() - block_h - axis_h) / 2)
    indent = font_px * 1.0 if any(kind == "group" for kind, _ in rows) else 0.0
    crits = [j for kind, j in rows if kind == "criterion" and isinstance(j, int)]
    wrapped, name_w = cp.fit_names(
        painter, [ds.criteria[j].name for j in crits], name_font, area.width() * 0.4, row_h
    )
    value_w = cp.block_width(painter, ["100%"], bold) + font_px * 0.6
    bars_left = area.left() + indent + name_w + font_px * 0.8
    bars_right = area.right() - value_w
    # room past the longest bar, and never so tight that equal weights fill the axis
    reach = max(float(shares.max()) * 1.15, 1.5 / len(shares)) if len(shares) else 0.1
    top_value = min(1.0, math.ceil(reach * 10 - 1e-9) / 10)
    length = bars_right - bars_left
    max_ticks = max(2, int(length / (font_px * 4)))
    values = cp.nice_ticks(0.0, top_value * 100, max_ticks)
    step = values[1] - values[0] if len(values) > 1 else 10.0
    scale = cp.Scale(0.0, top_value, bars_left, bars_right)
    ticks = [(v / 100, cp.tick_text(v, step, "%")) for v in values]
    baseline = top + block_h
    cp.draw_x_axis(
        painter, scale, ticks, baseline, top, theme, font_px, "Share of the total weight (%)"
    )
    k, y = 0, top
    for kind, item in rows:
        h = head_h if kind == "group" else row_h
        row = QRectF(area.left(), y, area.width(), h)
        y += h
        if kind == "group":
            members = item if isinstance(item, list) else [item]
            name = ds.criteria[members[0]].group or UNGROUPED
            share = float(sum(shares[j] for j in members))
            fm = cp.metrics(painter, bold)
            text = fm.elidedText(
                f"{name} · {cp.percent(share)}", Qt.TextElideMode.ElideRight, area.width()
            )
            # sits on its members rather than floating between groups
            heading = QRectF(
                row.left(), row.bottom() - fm.height() * 1.1, area.width(), fm.height()
            )
            cp.draw_lines(painter, heading, [text], bold, theme.foreground, cp.LEFT)
            continue
        j = int(item)  # type: ignore[arg-type]
        name_rect = QRectF(row.left() + indent, row.top(), name_w, row_h)
        cp.draw_lines(painter, name_rect, wrapped[k], name_font, theme.foreground)
        k += 1
        share = float(shares[j])
        bar_h = row_h * BAR
        end = scale.at(min(share, top_value))
        if share > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(criterion_colour(j)))
            painter.drawRect(
                QRectF(bars_left, row.center().y() - bar_h / 2, end - bars_left, bar_h)
            )
        label = QRectF(end + font_px * 0.3, row.top(), area.right() - end, row_h)
        cp.draw_lines(painter, label, [cp.percent(share)], bold, theme.foreground)
    painter.restore()
