"""Robustness charts for briefings: the tornado here; rank acceptability and one-way
sensitivity live in their own modules (size) and are re-exported, so all three robustness
painters import from one place.

Every number comes from the session's Analysis (explorer/core/robustness): the painters only lay
out and draw. The tornado answers "which single assessment, if it were wrong, would cost the
leader its lead?".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from explorer.core.robustness import Tornado
from explorer.core.wording import handover_text
from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.briefing.paint.paint_acceptability import paint_acceptability
from explorer.ui.briefing.paint.paint_sensitivity import paint_sensitivity
from explorer.ui.charts.chart_common import blend
from explorer.ui.charts.chart_text import number
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme, criterion_colour
from explorer.ui.widgets.text_fit import elide_distinct

__all__ = ["paint_acceptability", "paint_sensitivity", "paint_tornado"]

MAX_ROW_LINES = 3.0
PALE = 0.45  # tint of the "at the low score" half of a tornado bar
MAX_TORNADO_BARS = 12
MIN_TWO_LINE_BARS = 6


def paint_tornado(
    painter: QPainter, rect: QRectF, session: Session, theme: Theme, font_px: float, **kw: object
) -> None:
    """The cells whose assessed range moves the leader's lead most, largest first.
    kw: tornado — a Tornado to show (default: the session's analysis)."""
    ds, analysis = session.decision_set, session.analysis
    if ds is None or analysis is None:
        cp.draw_message(painter, rect, "No decision set loaded.", theme, font_px)
        return
    given = kw.get("tornado")
    tor = given if isinstance(given, Tornado) else analysis.tornado
    if not tor.bars:
        cp.draw_message(painter, rect, "No assessed score range moves the result.", theme, font_px)
        return
    painter.save()
    pad = font_px * 0.3
    area = rect.adjusted(pad, pad, -pad, -pad)
    name_font = cp.make_font(font_px)
    line_h = cp.metrics(painter, name_font).height()
    leader = ds.option(tor.leader).name
    key = ("Cell at its low score", "Cell at its high score")
    key_w = font_px * 1.4
    key_rows = cp.legend_rows(painter, key, font_px, area.width(), key_w)
    key_h = len(key_rows) * cp.metrics(painter, cp.make_font(font_px, cp.LEGEND)).height() * 1.15
    note = (
        f"Leader: {leader}. Each bar moves one cell to the low or high end of its assessed "
        "range, everything else fixed."
    )
    if tor.measure == "margin":
        note += " Left of the dashed line the leader is overtaken."
    n = len(tor.bars)
    flips = sum(b.flips for b in tor.bars)
    longest = f"{note} The {n} largest of {n} shown. " + handover_text(n, n - 1, n, n, n)
    # sized for the longest wording: how many bars fit is known only once the note is placed
    note_h = cp.note_height(painter, longest, area.width(), font_px)
    axis_h = cp.x_axis_height(painter, font_px)
    marks_h = line_h * 1.1  # "now" and "overtaken" above the bars
    below = axis_h + key_h + note_h + font_px * 1.2
    avail = area.height() - below - marks_h
    # two-line labels (criterion, then option and range) unless that leaves too few bars
    most = min(len(tor.bars), MAX_TORNADO_BARS)
    two_rows = int(avail // (line_h * 2.2))
    two = two_rows >= min(most, MIN_TWO_LINE_BARS)
    shown = max(1, min(most, two_rows if two else int(avail // (line_h * 1.3))))
    bars = tor.bars[:shown]
    if shown < n:
        note += f" The {shown} largest of {n} shown."
    if tor.measure == "margin":  # only the margin has a line to cross
        drawn, ties = sum(b.flips for b in bars), sum(b.ties for b in bars)
        note += " " + handover_text(drawn, shown, flips, n, ties)
    row_h = min(avail / shown, line_h * MAX_ROW_LINES)
    cap = area.width() * 0.5
    labels = _bar_labels(painter, session, bars, cap, font_px, two)
    name_w = max(cp.block_width(painter, lab, name_font) for lab in labels)
    values = [tor.base, *(b.at_low for b in bars), *(b.at_high for b in bars)]
    if tor.measure == "margin":
        values.append(0.0)
    lo, hi = min(values), max(values)
    span = hi - lo or 0.1
    lo, hi = lo - span * 0.05, hi + span * 0.05
    plot_left = area.left() + name_w + font_px
    plot_right = area.right() - font_px * 0.8
    ticks_v = cp.nice_ticks(lo, hi, max(2, int((plot_right - plot_left) / (font_px * 4))))
    lo, hi = min(lo, ticks_v[0]), max(hi, ticks_v[-1])
    step = ticks_v[1] - ticks_v[0] if len(ticks_v) > 1 else 0.1
    scale = cp.Scale(lo, hi, plot_left, plot_right)
    block_h = marks_h + row_h * shown
    top = area.top() + max(0.0, (area.height() - block_h - below) / 2)
    bars_top, baseline = top + marks_h, top + block_h
    if tor.measure == "margin":
        title = "Lead over the runner-up (score, 0–1)"
    else:
        title = "Leader's total score (0–1)"
    ticks = [(v, cp.tick_text(v, step)) for v in ticks_v]
    cp.draw_x_axis(painter, scale, ticks, baseline, bars_top, theme, font_px, title)
    bg = QColor(theme.background)
    for k, bar in enumerate(bars):
        y = bars_top + k * row_h
        _row_label(painter, QRectF(area.left(), y, name_w, row_h), labels[k], font_px, theme)
        colour = criterion_colour(ds.criterion_ids.index(bar.criterion))
        h = row_h * 0.62
        painter.setPen(Qt.PenStyle.NoPen)
        for value, fill in ((bar.at_low, blend(colour, bg, PALE)), (bar.at_high, colour)):
            x0, x1 = sorted((scale.at(tor.base), scale.at(value)))
            painter.setBrush(QBrush(fill))
            painter.drawRect(QRectF(x0, y + (row_h - h) / 2, x1 - x0, h))
    bounds = (area.left(), area.right())
    now, zero = scale.at(tor.base), scale.at(0.0)
    # captions point away from each other: "now" on the far side from the zero line
    right = tor.measure != "margin" or now >= zero
    _mark(painter, now, top, baseline, f"now {tor.base:.3f}", theme, font_px, right, bounds)
    if tor.measure == "margin" and lo < 0 < hi:
        _mark(painter, zero, top, baseline, "overtaken ←", theme, font_px, not right, bounds)
    key_rect = QRectF(area.left(), baseline + axis_h + font_px * 0.8, area.width(), key_h)
    fills = (blend(theme.muted, bg, PALE), QColor(theme.muted))
    font = cp.make_font(font_px, cp.LEGEND)
    kh = cp.metrics(painter, font).height() * 1.15
    for r, row in enumerate(key_rows):
        for i, x, text in row:
            left, mid = key_rect.left() + x, key_rect.top() + r * kh + kh / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fills[i]))
            painter.drawRect(QRectF(left, mid - font_px * 0.35, key_w, font_px * 0.7))
            tx = left + key_w + font_px * 0.35
            cp.draw_lines(
                painter,
                QRectF(tx, mid - kh / 2, key_rect.right() - tx, kh),
                [text],
                font,
                theme.foreground,
            )
    note_rect = QRectF(area.left(), key_rect.bottom() + font_px * 0.4, area.width(), note_h)
    cp.draw_note(painter, note_rect, note, theme, font_px)
    painter.restore()


def _bar_labels(
    painter: QPainter, session: Session, bars: tuple, cap: float, font_px: float, two: bool
) -> list[list[str]]:
    """Criterion, then option and score range; the option's name gives way first, the score
    range never (it is what the bar is about)."""
    ds = session.decision_set
    assert ds is not None
    font, small = cp.make_font(font_px), cp.make_font(font_px, cp.TICK)
    fm = cp.metrics(painter, small if two else font)
    elide = Qt.TextElideMode.ElideRight
    crits = [ds.criterion(bar.criterion).name for bar in bars]
    # criteria elided apart from each other, so no two rows read alike
    crits = elide_distinct(crits, cp.metrics(painter, font), cap if two else cap * 0.5)
    out = []
    for bar, crit in zip(bars, crits, strict=True):
        option = ds.option(bar.option).name
        scores = f" · {number(bar.score)} ({number(bar.low)}–{number(bar.high)})"
        if two:
            room = cap - fm.horizontalAdvance(scores)
            option = fm.elidedText(option, elide, max(room, fm.height()))
            out.append([crit, option + scores])
        else:
            room = cap - fm.horizontalAdvance(f"{crit} · {scores}")
            option = fm.elidedText(option, elide, max(room, fm.height()))
            out.append([f"{crit} · {option}{scores}"])
    return out


def _row_label(
    painter: QPainter, rect: QRectF, lines: list[str], font_px: float, theme: Theme
) -> None:
    """A tornado row's label beside its bar: the criterion, then (when a row holds two lines)
    the option and its score range, smaller and muted."""
    font, small = cp.make_font(font_px), cp.make_font(font_px, cp.TICK)
    h1 = cp.metrics(painter, font).height()
    h2 = cp.metrics(painter, small).height() if len(lines) > 1 else 0.0
    top = rect.center().y() - (h1 + h2) / 2
    first = QRectF(rect.left(), top, rect.width(), h1)
    cp.draw_lines(painter, first, lines[:1], font, theme.foreground, cp.RIGHT)
    if len(lines) > 1:
        second = QRectF(rect.left(), top + h1, rect.width(), h2)
        cp.draw_lines(painter, second, lines[1:], small, theme.muted, cp.RIGHT)


def _mark(
    painter: QPainter,
    x: float,
    top: float,
    bottom: float,
    text: str,
    theme: Theme,
    font_px: float,
    right: bool,
    bounds: tuple[float, float],
) -> None:
    """A vertical reference line (solid for "now", dashed for zero) with its caption above the
    bars, on the given side of the line and kept within bounds."""
    pen = cp.line_pen(theme.foreground, font_px, 1.4)
    pen.setStyle(Qt.PenStyle.SolidLine if text.startswith("now") else Qt.PenStyle.DashLine)
    font = cp.make_font(font_px, cp.TICK)
    h = cp.metrics(painter, font).height()
    painter.setPen(pen)
    painter.drawLine(QPointF(x, top + h), QPointF(x, bottom))
    w = cp.block_width(painter, [text], font) + 2
    left = x + font_px * 0.2 if right else x - font_px * 0.2 - w
    left = min(max(left, bounds[0]), bounds[1] - w)
    cp.draw_lines(painter, QRectF(left, top, w, h), [text], font, theme.foreground, cp.CENTRE)
