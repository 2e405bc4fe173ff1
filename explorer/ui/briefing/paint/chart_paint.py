"""Drawing helpers every briefing painter shares: fonts, scales and axes, fitted text, legends.

One QPainter code path serves the presentation window, QPdfWriter pages, PNG (QImage) and SVG
(QSvgGenerator). So nothing here caches pixmaps (PDF and SVG must stay vector, their text
selectable) and no pen is cosmetic (a cosmetic width is device pixels: a hairline at 1200 dpi).

Units: every length, the target rect and font_px included, is in the painter's logical
coordinates, and fonts are sized with QFont.setPixelSize in those same units. That holds as is
for a widget, a QImage and a QSvgGenerator whose viewBox is its size. For a QPdfWriter the
caller either passes rect and font_px in device units (1 unit = 1/resolution inch) or scales
the painter first (painter.scale(resolution / 96) and a rect in 96-dpi pixels): pixel-sized
fonts follow the transform either way. Text is measured with metrics for painter.device() and
without hinting, so a wrap decided here is the wrap drawn on that device. Every gap and pen is
a fraction of font_px, so a chart at 1024×768 and at 3840×2160 is the same picture, only finer.

Painters never fill the background (the caller does, with theme.background) and draw nothing
outside their rect.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPen

from explorer.ui.theme import Theme
from explorer.ui.widgets.text_fit import wrap_text

BASE_PT = 10  # the light and dark themes' type size
MAX_TYPE_SCALE = 1.2
SINGLE_LINE_WIDEN = 1.45
TICK = 0.85  # tick labels and notes, relative to font_px
LEGEND = 0.9
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


def font_px_for(height: float, theme: Theme | None = None) -> float:
    """The base text size for a chart of this height: ~40 lines, as on a slide. A theme with
    larger type (the projector's) scales it up, capped so that a long legend still leaves
    room for the chart."""
    scale = 1.0 if theme is None else min(max(theme.font_pt / BASE_PT, 1.0), MAX_TYPE_SCALE)
    return max(height / 40.0, 6.0) * scale


@cache
def _family() -> str:
    """The family the default font resolves to, named outright: an SVG that says "Sans Serif"
    is set in whatever the viewer picks, and its labels then no longer fit where they were
    measured."""
    return QFontInfo(QFont()).family()


# OpenType features that merge letters into one glyph ("fl" → "ﬂ"): a PDF then holds the
# ligature, and pdftotext or a viewer's search no longer finds "influence" or "effectiveness"
_LIGATURES = ("liga", "clig", "dlig", "hlig")


def make_font(font_px: float, scale: float = 1.0, bold: bool = False) -> QFont:
    """Slide, PDF and chart-file type: every letter its own glyph, so the text stays
    searchable and copyable wherever it is written."""
    font = QFont(_family())
    font.setPixelSize(max(1, round(font_px * scale)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    for tag in _LIGATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def metrics(painter: QPainter, font: QFont) -> QFontMetricsF:
    return QFontMetricsF(font, painter.device())


def line_pen(colour: str | QColor, font_px: float, factor: float = 1.0) -> QPen:
    """A pen proportional to the type, so lines keep their weight at every resolution."""
    pen = QPen(QColor(colour), max(font_px / 14.0 * factor, 0.01))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def text_on(fill: QColor, theme: Theme) -> QColor:
    """Foreground or background, whichever reads better on `fill` (cell labels)."""
    fg, bg = QColor(theme.foreground), QColor(theme.background)
    luma = [0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() for c in (fg, bg, fill)]
    return fg if abs(luma[0] - luma[2]) >= abs(luma[1] - luma[2]) else bg


# ---- scales and ticks ------------------------------------------------------------------------
def nice_step(span: float, max_ticks: int) -> float:
    """The smallest round step (1, 2, 2.5 or 5 × 10^k) giving at most max_ticks intervals."""
    raw = max(span, 1e-12) / max(max_ticks, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * magnitude >= raw * (1 - 1e-9):
            return m * magnitude
    return 10.0 * magnitude


def nice_ticks(lo: float, hi: float, max_ticks: int) -> list[float]:
    """Round values from lo to hi (both inside), at most max_ticks + 1 of them."""
    if hi <= lo:
        hi = lo + 1.0
    step = nice_step(hi - lo, max_ticks)
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]


def tick_text(value: float, step: float, suffix: str = "") -> str:
    places = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if abs(step * 10**places - round(step * 10**places)) > 1e-9:
        places += 1  # 2.5, 0.25
    text = f"{value:.{places}f}"
    return ("0" if text.strip("-0.") == "" else text) + suffix


def percent(share: float) -> str:
    """A share as whole percent, never rounding a small non-zero share to a flat 0 % (or a
    near-certainty up to 100 %)."""
    if 0.0 < share < 0.005:
        return "<1%"
    if 0.995 <= share < 1.0:
        return ">99%"
    return f"{share:.0%}"


@dataclass(frozen=True)
class Scale:
    """A linear map from data values to painter coordinates (either direction)."""

    lo: float
    hi: float
    start: float  # coordinate of lo
    end: float  # coordinate of hi

    def at(self, value: float) -> float:
        span = self.hi - self.lo or 1.0
        return self.start + (value - self.lo) / span * (self.end - self.start)


def x_axis_height(painter: QPainter, font_px: float, titled: bool = True) -> float:
    tick = metrics(painter, make_font(font_px, TICK)).height()
    title = metrics(painter, make_font(font_px)).height() if titled else 0.0
    return font_px * 0.35 + tick + (font_px * 0.3 + title if titled else 0.0)


def draw_x_axis(
    painter: QPainter,
    scale: Scale,
    ticks: Sequence[tuple[float, str]],
    baseline: float,
    grid_top: float,
    theme: Theme,
    font_px: float,
    title: str = "",
) -> None:
    """Grid lines up to grid_top, the baseline, labels under the ticks and a centred title.

    Labels at the ends are slid inward rather than centred past the plot's edge.
    """
    painter.save()
    painter.setPen(line_pen(theme.grid, font_px, 0.8))
    for value, _ in ticks:
        x = scale.at(value)
        painter.drawLine(QPointF(x, grid_top), QPointF(x, baseline))
    painter.setPen(line_pen(theme.muted, font_px))
    painter.drawLine(QPointF(scale.start, baseline), QPointF(scale.end, baseline))
    font = make_font(font_px, TICK)
    fm = metrics(painter, font)
    painter.setFont(font)
    painter.setPen(QColor(theme.foreground))
    top = baseline + font_px * 0.35
    lo, hi = min(scale.start, scale.end), max(scale.start, scale.end)
    for value, text in ticks:
        w = fm.horizontalAdvance(text) + 2
        left = min(max(scale.at(value) - w / 2, lo - font_px), hi + font_px - w)
        painter.drawText(QRectF(left, top, w, fm.height()), CENTRE, text)
    if title:
        tfont = make_font(font_px)
        tfm = metrics(painter, tfont)
        painter.setFont(tfont)
        width = hi - lo + 2 * font_px
        text = tfm.elidedText(title, Qt.TextElideMode.ElideRight, width)
        y = top + fm.height() + font_px * 0.3
        painter.drawText(QRectF(lo - font_px, y, width, tfm.height()), CENTRE, text)
    painter.restore()


def y_axis_width(painter: QPainter, labels: Sequence[str], font_px: float, titled: bool) -> float:
    fm = metrics(painter, make_font(font_px, TICK))
    widest = max((fm.horizontalAdvance(t) for t in labels), default=0.0)
    title = metrics(painter, make_font(font_px)).height() + font_px * 0.4 if titled else 0.0
    return widest + font_px * 0.5 + title


def draw_y_axis(
    painter: QPainter,
    scale: Scale,
    ticks: Sequence[tuple[float, str]],
    axis_x: float,
    grid_right: float,
    theme: Theme,
    font_px: float,
    left: float,
    title: str = "",
) -> None:
    """Grid lines across to grid_right, labels right-aligned left of axis_x, the title turned
    upright at `left` (the axis' outer edge)."""
    painter.save()
    painter.setPen(line_pen(theme.grid, font_px, 0.8))
    for value, _ in ticks:
        y = scale.at(value)
        painter.drawLine(QPointF(axis_x, y), QPointF(grid_right, y))
    painter.setPen(line_pen(theme.muted, font_px))
    painter.drawLine(QPointF(axis_x, scale.start), QPointF(axis_x, scale.end))
    font = make_font(font_px, TICK)
    fm = metrics(painter, font)
    painter.setFont(font)
    painter.setPen(QColor(theme.foreground))
    lo, hi = min(scale.start, scale.end), max(scale.start, scale.end)
    for value, text in ticks:
        h = fm.height()
        top = min(max(scale.at(value) - h / 2, lo - h / 2), hi - h / 2)
        painter.drawText(QRectF(left, top, axis_x - left - font_px * 0.4, h), RIGHT, text)
    if title:
        tfont = make_font(font_px)
        tfm = metrics(painter, tfont)
        painter.setFont(tfont)
        length = hi - lo
        text = tfm.elidedText(title, Qt.TextElideMode.ElideRight, length)
        painter.translate(left, hi)
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, length, tfm.height()), CENTRE, text)
    painter.restore()


# ---- text ------------------------------------------------------------------------------------
def wrap(painter: QPainter, text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """Word-wrapped to `width`, the last line elided (text_fit's rules, this device's metrics)."""
    fm = metrics(painter, font)
    return wrap_text(text, fm, max(width, 1.0), max_lines=max(max_lines, 1)).split("\n")


def block_width(painter: QPainter, lines: Sequence[str], font: QFont) -> float:
    fm = metrics(painter, font)
    return max((fm.horizontalAdvance(s) for s in lines), default=0.0)


def draw_lines(
    painter: QPainter,
    rect: QRectF,
    lines: Sequence[str],
    font: QFont,
    colour: str | QColor,
    align: Qt.AlignmentFlag = LEFT,
) -> None:
    """The lines as one block centred vertically in rect."""
    fm = metrics(painter, font)
    h = fm.height()
    top = rect.center().y() - h * len(lines) / 2
    painter.setFont(font)
    painter.setPen(QColor(colour))
    for k, line in enumerate(lines):
        painter.drawText(QRectF(rect.left(), top + k * h, rect.width(), h), align, line)


def fit_names(
    painter: QPainter, names: Sequence[str], font: QFont, cap: float, row_height: float
) -> tuple[list[list[str]], float]:
    """Names wrapped to at most `cap` wide in as many lines as a row holds (≤ 2); the column
    width is what the widest wrapped name needs. Rows too low for two lines let a name run
    wider (the bars give way before a name is cut)."""
    two = row_height >= metrics(painter, font).height() * 2.1
    width = cap if two else cap * SINGLE_LINE_WIDEN
    wrapped = [wrap(painter, name, font, width, 2 if two else 1) for name in names]
    return wrapped, max((block_width(painter, w, font) for w in wrapped), default=0.0)


def draw_message(painter: QPainter, rect: QRectF, text: str, theme: Theme, font_px: float) -> None:
    """A sentence in place of a chart (no set, all weights zero)."""
    font = make_font(font_px, 1.1)
    lines = wrap(painter, text, font, rect.width() * 0.8, 4)
    draw_lines(painter, rect, lines, font, theme.muted, CENTRE)


def note_height(painter: QPainter, text: str, width: float, font_px: float) -> float:
    if not text:
        return 0.0
    font = make_font(font_px, TICK)
    return len(wrap(painter, text, font, width, 3)) * metrics(painter, font).height()


def draw_note(painter: QPainter, rect: QRectF, text: str, theme: Theme, font_px: float) -> None:
    """A muted footnote, centred and wrapped (≤ 3 lines) to the rect's width."""
    if text:
        font = make_font(font_px, TICK)
        lines = wrap(painter, text, font, rect.width(), 3)
        draw_lines(painter, rect, lines, font, theme.muted, CENTRE)


def spread(centres: Sequence[float], heights: Sequence[float], lo: float, hi: float) -> list[float]:
    """Label centres moved apart along one axis so no two overlap, kept within lo..hi.

    Pushed down in order of position, then back up from hi: the least movement that keeps
    the labels in their original order (line-end labels).
    """
    order = sorted(range(len(centres)), key=lambda i: centres[i])
    out = list(centres)
    edge = lo
    for i in order:
        out[i] = max(out[i], edge + heights[i] / 2)
        edge = out[i] + heights[i] / 2
    edge = hi
    for i in reversed(order):
        out[i] = min(out[i], edge - heights[i] / 2)
        edge = out[i] - heights[i] / 2
    return out


def draw_axes(
    painter: QPainter,
    plot: QRectF,
    x: tuple[Scale, Sequence[tuple[float, str]], str],
    y: tuple[Scale, Sequence[tuple[float, str]], str],
    theme: Theme,
    font_px: float,
    left: float,
) -> None:
    """Both axes of an x–y plot (scale, ticks, title each) with their grid, framing `plot`."""
    (sx, x_ticks, x_title), (sy, y_ticks, y_title) = x, y
    draw_x_axis(painter, sx, x_ticks, plot.bottom(), plot.top(), theme, font_px, x_title)
    draw_y_axis(painter, sy, y_ticks, plot.left(), plot.right(), theme, font_px, left, y_title)


# ---- legend ----------------------------------------------------------------------------------
def legend_rows(
    painter: QPainter, names: Sequence[str], font_px: float, width: float, key_w: float = 0.0
) -> list[list[tuple[int, float, str]]]:
    """Entries flowed into centred rows: (index, x offset, text) per entry; each entry starts
    with a key key_w wide (default: a colour square)."""
    fm = metrics(painter, make_font(font_px, LEGEND))
    swatch = (key_w or fm.ascent() * 0.8) + font_px * 0.35
    gap = font_px * 1.2
    rows: list[list[tuple[int, float, float, str]]] = [[]]
    x = 0.0
    for i, name in enumerate(names):
        text = fm.elidedText(name, Qt.TextElideMode.ElideRight, max(width - swatch, 1.0))
        w = swatch + fm.horizontalAdvance(text)
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0.0
        rows[-1].append((i, x, w, text))
        x += w + gap
    out = []
    for row in rows:
        used = row[-1][1] + row[-1][2] if row else 0.0
        shift = (width - used) / 2
        out.append([(i, x + shift, text) for i, x, _, text in row])
    return out


def legend_height(painter: QPainter, names: Sequence[str], font_px: float, width: float) -> float:
    rows = legend_rows(painter, names, font_px, width)
    return len(rows) * metrics(painter, make_font(font_px, LEGEND)).height() * 1.15


def draw_legend(
    painter: QPainter,
    rect: QRectF,
    entries: Sequence[tuple[QColor, str]],
    theme: Theme,
    font_px: float,
) -> None:
    """Colour squares with names, flowed into centred rows across rect."""
    font = make_font(font_px, LEGEND)
    fm = metrics(painter, font)
    rows = legend_rows(painter, [name for _, name in entries], font_px, rect.width())
    row_h = fm.height() * 1.15
    side = fm.ascent() * 0.8
    painter.save()
    painter.setFont(font)
    for r, row in enumerate(rows):
        y = rect.top() + r * row_h
        for i, x, text in row:
            left = rect.left() + x
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(entries[i][0])
            painter.drawRect(QRectF(left, y + (row_h - side) / 2, side, side))
            painter.setPen(QColor(theme.foreground))
            tx = left + side + font_px * 0.35
            painter.drawText(QRectF(tx, y, rect.right() - tx, row_h), LEFT, text)
    painter.restore()
