"""A chart legend that never takes more than a few lines, whatever the window's width.

A word-wrapped legend of ten criteria took four or five lines of a 1024×768 window in the
projector theme and squeezed the ranking it explains. This one packs its entries into at most
`max_lines` lines for the width it has and ends with "+N more" (their names in its tooltip);
the bars' own tooltips still name every segment. Its height depends on its width only, so a
change of height can never feed back into it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SEPARATOR = "&nbsp;&nbsp; "
SEPARATOR_TEXT = "   "


class LegendLabel(QLabel):
    """A legend whose entries are links, reached by keyboard as one Tab stop: Tab enters and
    leaves it, the arrow keys move between its entries and Enter acts on one. (A plain QLabel
    with keyboard links makes every entry a Tab stop, ten for ten criteria.)"""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        forward = event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down)
        if forward or event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            QLabel.focusNextPrevChild(self, forward)  # the next or previous entry, if any
            event.accept()
            return
        super().keyPressEvent(event)


class FittedLegend(LegendLabel):
    def __init__(self, max_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self._entries: list[tuple[str, str]] = []  # (html, the same as plain text)
        self._lines = 1
        self._packed_for = -1
        self._hidden = 0
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        """Charts hand their entries over on every update; packing (a text measurement per
        entry) runs only when they change."""
        if entries == self._entries:
            return
        self._entries = list(entries)
        self._packed_for = -1
        self._pack()

    def setFont(self, font: QFont | str | Sequence[str]) -> None:
        super().setFont(font)
        self._packed_for = -1
        self._pack()

    def sizeHint(self) -> QSize:
        spacing = QFontMetricsF(self.font()).lineSpacing()
        return QSize(100, int(self._lines * spacing + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._pack()

    def _pack(self) -> None:
        width = self.width() if self.width() > 40 else 600
        if width == self._packed_for:
            return
        self._packed_for = width
        metrics = QFontMetricsF(self.font())
        gap = metrics.horizontalAdvance(SEPARATOR_TEXT)
        lines: list[list[str]] = [[]]
        used = 0.0
        shown = 0
        for html, plain in self._entries:
            need = metrics.horizontalAdvance(plain) + (gap if lines[-1] else 0)
            if lines[-1] and used + need > width:
                if len(lines) == self._max_lines:
                    break
                lines.append([])
                used, need = 0.0, metrics.horizontalAdvance(plain)
            lines[-1].append(html)
            used += need
            shown += 1
        self._hidden = len(self._entries) - shown
        if self._hidden:
            more = f"+{self._hidden} more"
            while lines[-1] and used + gap + metrics.horizontalAdvance(more) > width:
                lines[-1].pop()
                shown -= 1
                self._hidden += 1
                more = f"+{self._hidden} more"
                used = self._line_width(lines[-1], metrics, gap)
            lines[-1].append(f"<i>{escape(more)}</i>")
            self.setToolTip(
                "Also: " + ", ".join(plain.lstrip("■●▲◆▼ ") for _, plain in self._entries[shown:])
            )
        else:
            self.setToolTip("")
        self.setText("<br>".join(SEPARATOR.join(line) for line in lines if line))
        lines_used = max(1, sum(1 for line in lines if line))
        if lines_used != self._lines:
            self._lines = lines_used
            self.updateGeometry()

    def _line_width(self, htmls: list[str], metrics: QFontMetricsF, gap: float) -> float:
        plains = {html: plain for html, plain in self._entries}
        return sum(metrics.horizontalAdvance(plains[h]) for h in htmls) + gap * max(
            0, len(htmls) - 1
        )
