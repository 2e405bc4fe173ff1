"""The methods table as a chart painter: for the methods slide, the PDF and chart export.

Rows are the options (leader first), columns the methods and the expected rank; a rank 1 is
bold, and a rank that differs from the weighted sum's is marked so the eye finds where the
methods disagree without reading every number.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter

from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.methods.methods_view import SHORT_LABELS, WAITING, methods_comparison
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

SHORT = SHORT_LABELS


def paint_methods(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """Each option's rank under every method and its expected rank. kw: none used."""
    comparison = methods_comparison(session)
    result = session.result
    if comparison is None or result is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    painter.save()
    font, bold = cp.make_font(font_px), cp.make_font(font_px, bold=True)
    heads = [SHORT[m] for m in comparison.methods] + ["Expected rank"]
    names = [comparison.names[int(i)] for i in result.order]
    line_h = cp.metrics(painter, font).height()
    note = (
        f"• a rank other than the weighted sum's. Agreement between methods (Kendall's tau, "
        f"1 = the same order): {comparison.mean_agreement:.2f} on average."
    )
    rect = rect.adjusted(0, 0, 0, -cp.note_height(painter, note, rect.width(), font_px) - line_h)
    cp.draw_note(
        painter,
        QRectF(
            rect.left(),
            rect.bottom() + line_h * 0.5,
            rect.width(),
            cp.note_height(painter, note, rect.width(), font_px),
        ),
        note,
        theme,
        font_px,
    )
    rows = len(names) + 1
    row_h = min(line_h * 1.8, rect.height() / max(rows, 1))
    wrapped, name_w = cp.fit_names(painter, names, font, rect.width() * 0.38, row_h)
    col_w = (rect.width() - name_w - font_px) / len(heads)
    top = rect.top() + max(0.0, (rect.height() - rows * row_h) / 2)
    left = rect.left() + name_w + font_px
    for k, head in enumerate(heads):
        cell = QRectF(left + k * col_w, top, col_w, row_h)
        lines = cp.wrap(painter, head, bold, col_w * 0.95, 2)
        cp.draw_lines(painter, cell, lines, bold, theme.foreground, cp.CENTRE)
    painter.setPen(cp.line_pen(theme.grid, font_px))
    painter.drawLine(QLineF(rect.left(), top + row_h, rect.right(), top + row_h))
    base = comparison.ranks[comparison.methods[0]]
    for r, i in enumerate(result.order):
        y = top + (r + 1) * row_h
        cp.draw_lines(
            painter, QRectF(rect.left(), y, name_w, row_h), wrapped[r], font, theme.foreground
        )
        for k, m in enumerate(comparison.methods):
            rank = int(comparison.ranks[m][i])
            moved = rank != int(base[i])
            text = f"{rank}{' •' if moved else ''}"
            colour = QColor(theme.foreground)
            cell = QRectF(left + k * col_w, y, col_w, row_h)
            cp.draw_lines(painter, cell, [text], bold if rank == 1 else font, colour, cp.CENTRE)
        expected = comparison.expected_rank
        text = WAITING if expected is None else f"{expected[i]:.2f}"
        cell = QRectF(left + len(comparison.methods) * col_w, y, col_w, row_h)
        cp.draw_lines(painter, cell, [text], font, theme.muted, cp.CENTRE)
    painter.restore()
