"""The frame every slide shares: margins, a heading, a running footer and footnotes.

Sizes are fractions of one unit taken from the slide's rect, so a slide at 1024×768, at
3840×2160 and on an A4 PDF page is the same picture; a slide that holds much text shrinks the
unit (never below MIN_SCALE of it) before anything is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from explorer.core.briefing.content import Quote
from explorer.ui.briefing.paint.chart_paint import metrics
from explorer.ui.briefing.slides.slide_text import Flow, draw_line, font, rule
from explorer.ui.theme import Theme

MIN_SCALE = 0.75  # the smallest type a slide shrinks to: small print still >= 10 pt at 768 px
PRINT_MIN_SCALE = 0.55  # pages only ever printed (the sources pages) may use smaller type
SHRINK = 0.95  # one step of shrinking
TITLE = 1.55
CAPTION = 0.95
FOOTER = 0.62
FOOTNOTE = 0.62
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def base_unit(rect: QRectF) -> float:
    """The body text size: a 30th of the height, narrower slides going by their width."""
    return max(min(rect.height() / 30.0, rect.width() / 40.0), 4.0)


def scales(smallest: float = MIN_SCALE) -> list[float]:
    """Type scales to try, largest first."""
    out, s = [], 1.0
    while s >= smallest:
        out.append(s)
        s *= SHRINK
    return out


@dataclass(frozen=True)
class Frame:
    unit: float
    content: QRectF  # inside the margins, above the footer
    footer: QRectF


def frame(rect: QRectF, unit: float) -> Frame:
    side, top = unit * 1.6, unit * 1.1
    inner = rect.adjusted(side, top, -side, -unit * 0.5)
    footer_h = unit * FOOTER * 1.6
    footer = QRectF(inner.left(), inner.bottom() - footer_h, inner.width(), footer_h)
    content = QRectF(inner.left(), inner.top(), inner.width(), inner.height() - footer_h - unit)
    return Frame(unit, content, footer)


def heading_flow(
    painter: QPainter,
    width: float,
    unit: float,
    title: str,
    caption: str,
    theme: Theme,
    alert: str = "",
) -> Flow:
    """The slide's heading: a bold title (≤ 2 lines), a muted caption (≤ 2 lines), and an
    alert an audience must not miss (≤ 5 smaller lines, bold: "without <source>, X leads")."""
    flow = Flow(painter, width)
    flow.add(title, font(unit, TITLE, bold=True), theme.foreground, max_lines=2)
    flow.add(caption, font(unit, CAPTION), theme.muted, max_lines=2, space_before=unit * 0.25)
    flow.add(
        alert,
        font(unit, CAPTION * 0.85, bold=True),
        theme.foreground,
        max_lines=5,
        space_before=unit * 0.25,
        indent=unit * 0.5,
        accent=theme.contradicts,
    )
    return flow


def paint_heading(
    painter: QPainter, flow: Flow, content: QRectF, unit: float, theme: Theme, placed: list
) -> QRectF:
    """Draw the heading at the top of `content`; returns the space left below it."""
    flow.paint(painter, content.left(), content.top(), placed)
    y = content.top() + flow.height + unit * 0.35
    rule(painter, QPointF(content.left(), y), content.width(), theme.grid, unit * 1.4)
    below = y + unit * 0.9
    return QRectF(content.left(), below, content.width(), content.bottom() - below)


def heading_height(flow: Flow, unit: float) -> float:
    return flow.height + unit * 0.35 + unit * 0.9


def paint_footer(
    painter: QPainter, fr: Frame, left: str, right: str, theme: Theme, placed: list
) -> None:
    """The running footer: what the analysis is (set, weighting, method) and the slide's place."""
    f = font(fr.unit, FOOTER)
    counter = font(fr.unit, FOOTER, bold=True)  # "n / N": what a presenter glances for
    rule(painter, QPointF(fr.footer.left(), fr.footer.top()), fr.footer.width(), theme.grid, 1)
    box = fr.footer.adjusted(0, fr.unit * 0.1, 0, 0)
    right_w = metrics(painter, counter).horizontalAdvance(right) + fr.unit if right else 0.0
    draw_line(painter, box.adjusted(0, 0, -right_w, 0), left, f, theme.muted, placed)
    if right:
        draw_line(painter, box, right, counter, theme.foreground, placed, RIGHT)


def footnote_flow(
    painter: QPainter, width: float, unit: float, quotes: Sequence[Quote], first: int, theme: Theme
) -> Flow:
    """The citations of quotes numbered on from `first`: one line per source, listing the
    numbers of all its quotes on the slide ("4, 5. Title…"), so two quotes from one report
    do not cost two footnotes' room."""
    numbers: dict[str, list[int]] = {}
    references: dict[str, str] = {}
    for k, quote in enumerate(quotes):
        numbers.setdefault(quote.citation.source_id, []).append(first + k)
        references[quote.citation.source_id] = quote.citation.reference
    flow = Flow(painter, width)
    f = font(unit, FOOTNOTE)
    for source, marks in numbers.items():
        label = ", ".join(str(n) for n in marks)
        flow.add(
            f"{label}. {references[source]}",
            f,
            theme.muted,
            max_lines=3,
            space_before=unit * 0.05,
        )
    return flow


def paint_footnotes(
    painter: QPainter, flow: Flow, content: QRectF, unit: float, theme: Theme, placed: list
) -> None:
    """Footnotes at the bottom of `content`, under a short rule."""
    if not flow.blocks:
        return
    top = content.bottom() - flow.height
    rule(painter, QPointF(content.left(), top - unit * 0.3), content.width() * 0.25, theme.grid, 1)
    flow.paint(painter, content.left(), top, placed)


def footnotes_height(flow: Flow, unit: float) -> float:
    return flow.height + unit * 0.6 if flow.blocks else 0.0


def fit(attempt: Callable[[float], bool], smallest: float = MIN_SCALE) -> float:
    """The largest scale at which `attempt(scale)` reports that everything fits, else the
    smallest tried (the caller then trims)."""
    tried = scales(smallest)
    for s in tried:
        if attempt(s):
            return s
    return tried[-1]
