"""Text set on a slide: paragraphs stacked in a column, measured before anything is drawn.

A slide must fit its rect at any size and on any device (a QImage for the screen, a QPdfWriter
page), so every block is wrapped with the metrics of the device it will be drawn on and the
column's height is known before painting: the slide layout can then shrink the type or drop a
block instead of letting text run off the slide. Text is drawn as text (never a pixmap), so
the PDF keeps it selectable and vector.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from explorer.ui.briefing.paint.chart_paint import make_font, metrics, wrap

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
UNLIMITED = 10_000
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    """A footnote mark as Unicode superscript digits: it wraps and extracts with its quote."""
    return str(number).translate(SUPERSCRIPT)


def font(unit: float, scale: float = 1.0, bold: bool = False, italic: bool = False) -> QFont:
    f = make_font(unit, scale, bold)
    f.setItalic(italic)
    return f


@dataclass
class Block:
    """One wrapped paragraph, with optional marks drawn beside it."""

    lines: list[str]
    font: QFont
    colour: QColor
    line_height: float
    space_before: float = 0.0
    indent: float = 0.0  # the text starts this far in (room for a swatch or accent)
    align: Qt.AlignmentFlag = LEFT
    accent: QColor | None = None  # a bar down the block's left edge (quotes)
    swatch: QColor | None = None  # a square before the first line (criterion colour)
    keep_whole: bool = False  # never cut: a verbatim quote is shown whole or not at all
    text: str = ""

    @property
    def height(self) -> float:
        return self.space_before + len(self.lines) * self.line_height


@dataclass
class Flow:
    """A column of blocks of one width, top to bottom."""

    painter: QPainter
    width: float
    blocks: list[Block] = field(default_factory=list)

    def add(
        self,
        text: str,
        text_font: QFont,
        colour: str | QColor,
        *,
        max_lines: int = UNLIMITED,
        space_before: float = 0.0,
        indent: float = 0.0,
        align: Qt.AlignmentFlag = LEFT,
        accent: str | QColor | None = None,
        swatch: str | QColor | None = None,
        keep_whole: bool = False,
    ) -> Block:
        if not text:
            return Block([], text_font, QColor(colour), 0.0)
        fm = metrics(self.painter, text_font)
        lines = wrap(self.painter, text, text_font, self.width - indent, max_lines)
        block = Block(
            lines,
            text_font,
            QColor(colour),
            fm.height(),
            space_before if self.blocks else 0.0,
            indent,
            align,
            None if accent is None else QColor(accent),
            None if swatch is None else QColor(swatch),
            keep_whole,
            text,
        )
        self.blocks.append(block)
        return block

    @property
    def height(self) -> float:
        return sum(b.height for b in self.blocks)

    def trim(self, height: float) -> bool:
        """Drop what does not fit in `height`; True when nothing had to go.

        A block that fits only in part keeps the lines that fit, the last one ending in "…",
        unless it is keep_whole (then it goes, with everything after it).
        """
        used = 0.0
        for k, block in enumerate(self.blocks):
            if used + block.height <= height + 1e-6:
                used += block.height
                continue
            room = int((height - used - block.space_before) // max(block.line_height, 1e-6))
            keep = k
            if room >= 1 and not block.keep_whole:
                block.lines = block.lines[:room]
                block.lines[-1] = _ellipsis(self.painter, block, self.width)
                keep = k + 1
            del self.blocks[keep:]
            return False
        return True

    def paint(self, painter: QPainter, left: float, top: float, placed: list) -> None:
        """Draw the column from (left, top); each line's box goes into `placed` (for checks)."""
        y = top
        for block in self.blocks:
            y += block.space_before
            painter.setFont(block.font)
            painter.setPen(block.colour)
            text_left = left + block.indent
            width = self.width - block.indent
            if block.accent is not None:
                bar = max(block.line_height * 0.14, 1.0)
                painter.fillRect(
                    QRectF(left, y, bar, len(block.lines) * block.line_height), block.accent
                )
            if block.swatch is not None:
                side = block.line_height * 0.55
                pad = (block.line_height - side) / 2
                painter.fillRect(QRectF(left, y + pad, side, side), block.swatch)
            for line in block.lines:
                box = QRectF(text_left, y, width, block.line_height)
                painter.drawText(box, block.align, line)
                placed.append((_ink(painter, block, box, line), line))
                y += block.line_height


def _ellipsis(painter: QPainter, block: Block, width: float) -> str:
    fm = metrics(painter, block.font)
    return fm.elidedText(block.lines[-1] + " …", Qt.TextElideMode.ElideRight, width - block.indent)


def _ink(painter: QPainter, block: Block, box: QRectF, line: str) -> QRectF:
    """Where the line's glyphs actually sit in its box (the checks compare these)."""
    advance = metrics(painter, block.font).horizontalAdvance(line)
    if block.align & Qt.AlignmentFlag.AlignHCenter:
        return QRectF(box.center().x() - advance / 2, box.top(), advance, box.height())
    return QRectF(box.left(), box.top(), advance, box.height())


def draw_line(
    painter: QPainter,
    box: QRectF,
    text: str,
    text_font: QFont,
    colour: str | QColor,
    placed: list,
    align: Qt.AlignmentFlag = LEFT,
) -> None:
    """One line elided to its box: running footers, headings beside charts."""
    fm = metrics(painter, text_font)
    shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
    painter.setFont(text_font)
    painter.setPen(QColor(colour))
    painter.drawText(box, align, shown)
    advance = fm.horizontalAdvance(shown)
    if align & Qt.AlignmentFlag.AlignRight:
        ink = QRectF(box.right() - advance, box.top(), advance, box.height())
    elif align & Qt.AlignmentFlag.AlignHCenter:
        ink = QRectF(box.center().x() - advance / 2, box.top(), advance, box.height())
    else:
        ink = QRectF(box.left(), box.top(), advance, box.height())
    placed.append((ink, shown))


def rule(painter: QPainter, left: QPointF, width: float, colour: str, unit: float) -> None:
    """A thin horizontal rule (heading underline, footnote separator)."""
    painter.fillRect(QRectF(left.x(), left.y(), width, max(unit * 0.06, 1.0)), QColor(colour))
