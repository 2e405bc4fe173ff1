"""Rank acceptability for briefings: how often each option takes each rank over many weightings.

A heatmap of options (in the current rank order) by ranks, each cell the share of sampled
weightings giving that option that rank, with the percentage written in. Which run's numbers
(the session's background run, or one made for a file) is decided in acceptability_source.py.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from explorer.core.robustness import Acceptability
from explorer.core.wording import ordinal
from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.briefing.slides.acceptability_source import current_acceptability
from explorer.ui.robustness.acceptability_cell import WIDEST, cell_fill, cell_text
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

MAX_CELL = 7.0  # cell width cap, in font_px: a 3-option grid should not stretch across a slide
MAX_ROW_LINES = 3.0


def paint_acceptability(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """Options (current rank order) × ranks, each cell the share of sampled weightings that
    give the option that rank. kw: acceptability — an Acceptability to show (e.g. the live,
    possibly partial, snapshot); default: the session's finished run, else one run now.
    notes — False leaves out the sampling settings (a slide caption that gives them)."""
    ds, result = session.decision_set, session.result
    if ds is None or result is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    given = kw.get("acceptability")
    final = bool(kw.get("final", False))  # a PDF page: only a complete run will do
    acc = given if isinstance(given, Acceptability) else current_acceptability(session, final)
    if acc is None:  # a run for these weights has just started: its numbers follow shortly
        cp.draw_message(painter, rect, "Sampling rank acceptability…", theme, font_px)
        return
    painter.save()
    pad = font_px * 0.3
    area = rect.adjusted(pad, pad, -pad, -pad)
    name_font, bold = cp.make_font(font_px), cp.make_font(font_px, bold=True)
    cell_font = cp.make_font(font_px, cp.TICK)
    line_h = cp.metrics(painter, name_font).height()
    m = len(acc.option_ids)
    if not acc.done:  # a live, partial snapshot: say how far the sampling has got
        note = f"Sampling: {acc.samples:,} of {acc.requested:,} samples so far."
    elif kw.get("notes", True):
        note = f"{session.sampling.describe()} · {result.method.label}"
    else:
        note = ""
    # sized for the longest wording ("Top k of m" is only known once rows are fitted)
    note_h = cp.note_height(painter, f"Top {m} of {m} options shown. {note}", area.width(), font_px)
    head_h = line_h * 2.3  # axis title and the rank headers
    avail = area.height() - head_h - note_h - font_px * 0.6
    shown = max(1, min(m, int(avail // (line_h * 1.3))))
    order = [acc.option_ids.index(ds.options[i].id) for i in result.order[:shown].tolist()]
    row_h = min(avail / shown, line_h * MAX_ROW_LINES)
    names = [ds.option(acc.option_ids[k]).name for k in order]
    wrapped, name_w = cp.fit_names(painter, names, name_font, area.width() * 0.34, row_h)
    cell_w = min((area.width() - name_w - font_px) / m, font_px * MAX_CELL)
    grid_w = cell_w * m
    block_w = name_w + font_px + grid_w
    left = area.left() + (area.width() - block_w) / 2
    grid_left = left + name_w + font_px
    block_h = head_h + row_h * shown + note_h + font_px * 0.6
    top = area.top() + max(0.0, (area.height() - block_h) / 2)
    title = "Share of sampled weightings giving each rank (%)"
    fm = cp.metrics(painter, name_font)
    title = fm.elidedText(title, Qt.TextElideMode.ElideRight, area.width())
    title_rect = QRectF(area.left(), top, area.width(), line_h)
    cp.draw_lines(painter, title_rect, [title], name_font, theme.foreground, cp.CENTRE)
    headers = [ordinal(r + 1) for r in range(m)]
    if max(cp.block_width(painter, [h], bold) for h in headers) > cell_w * 0.95:
        headers = [str(r + 1) for r in range(m)]
    for r, text in enumerate(headers):
        cell = QRectF(grid_left + r * cell_w, top + line_h * 1.15, cell_w, line_h)
        cp.draw_lines(painter, cell, [text], bold, theme.foreground, cp.CENTRE)
    grid_top = top + head_h
    values = acc.acceptability
    fits = cp.block_width(painter, list(WIDEST), cell_font) < cell_w * 0.92
    painter.setPen(cp.line_pen(theme.background, font_px, 1.2))
    for row, k in enumerate(order):
        y = grid_top + row * row_h
        cp.draw_lines(
            painter, QRectF(left, y, name_w, row_h), wrapped[row], name_font, theme.foreground
        )
        for r in range(m):
            p = float(values[k, r])
            fill = cell_fill(theme, p)
            cell = QRectF(grid_left + r * cell_w, y, cell_w, row_h)
            painter.setPen(cp.line_pen(theme.background, font_px, 1.2))
            painter.setBrush(QBrush(fill))
            painter.drawRect(cell)
            if fits:
                colour = cp.text_on(fill, theme) if p > 0 else QColor(theme.muted)
                cp.draw_lines(painter, cell, [cell_text(p)], cell_font, colour, cp.CENTRE)
    if shown < m:
        note = f"Top {shown} of {m} options shown. {note}"
    note_rect = QRectF(area.left(), grid_top + row_h * shown + font_px * 0.6, area.width(), note_h)
    cp.draw_note(painter, note_rect, note, theme, font_px)
    painter.restore()
