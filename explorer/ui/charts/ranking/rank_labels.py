"""The text at the end of each ranking bar: the total, a tie's shared rank, a rank-change mark.

A silent reorder is easy to miss, so an option that changes place gets a ▲/▼ mark saying how
far it moved, held for a moment and then faded. This module keeps that bookkeeping (who moved,
since when) apart from the chart's drawing of bars and rows.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtGui import QColor, QFont

from explorer.core.engine import Result
from explorer.ui.charts.chart_common import blend
from explorer.ui.charts.chart_text import tie_flags
from explorer.ui.theme import Theme
from explorer.ui.widgets.text_layer import Run, TextLayer


class RankLabels(QObject):
    """Owns the label item (`layer`, for the chart to place in its view) and the marks."""

    MARK_HOLD_MS = 1000
    MARK_FADE_MS = 800

    def __init__(self, font: QFont, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer = TextLayer(font, self._runs)
        self._theme = theme
        self._text_colours = (QColor(theme.foreground), QColor(theme.muted))
        self._totals = np.zeros(0)
        self._ranks = np.zeros(0, dtype=int)
        self._tied = np.zeros(0, dtype=bool)
        self._marks: dict[int, int] = {}  # option index -> net places moved (+ = up)
        self._mark_born: dict[int, int] = {}
        self._clock = QElapsedTimer()
        self._clock.start()
        self._fade = QTimer(self, interval=40)
        self._fade.timeout.connect(self._fade_marks)

    def clear_marks(self) -> None:
        """A new set: moves within the old one mean nothing now."""
        self._fade.stop()
        self._marks.clear()
        self._mark_born.clear()

    def restyle(self, theme: Theme) -> None:
        self._theme = theme
        self._text_colours = (QColor(theme.foreground), QColor(theme.muted))

    def set_result(self, result: Result, previous_ranks: np.ndarray | None) -> None:
        self._totals, self._ranks, self._tied = result.totals, result.ranks, tie_flags(result)
        self._note_rank_changes(result, previous_ranks)

    def place(self, y: np.ndarray) -> None:
        """Each label at the end of its bar (the total), on its row's current position."""
        self.layer.set_positions(self._totals, y)

    def text(self, i: int) -> str:
        return self.layer.text(i)

    def marks(self) -> dict[int, str]:
        """Option index -> the ▲/▼ mark still showing next to its total."""
        return {i: _mark_text(net) for i, net in self._marks.items()}

    def _runs(self, i: int) -> list[Run]:
        """Total, tie rank and rank-change mark for one bar (formatted only when painted)."""
        th, (fg, muted) = self._theme, self._text_colours
        runs: list[Run] = [(f" {self._totals[i]:.2f}", fg, False)]
        if self._tied[i]:
            runs.append((f" ={self._ranks[i]}", muted, False))
        net = self._marks.get(i)
        if net:
            age = self._clock.elapsed() - self._mark_born[i]
            alpha = 1.0 - max(0, age - self.MARK_HOLD_MS) / self.MARK_FADE_MS
            base = th.supports if net > 0 else th.contradicts
            runs.append((f" {_mark_text(net)}", blend(base, th.background, alpha), True))
        return runs

    def _note_rank_changes(self, result: Result, previous: np.ndarray | None) -> None:
        """Accumulate moves while a mark shows: a jittery drag ending where it began stays quiet."""
        if previous is None or previous.shape != result.ranks.shape:
            return
        now = self._clock.elapsed()
        for i in np.flatnonzero(previous != result.ranks).tolist():
            net = self._marks.get(i, 0) + int(previous[i] - result.ranks[i])
            if net:
                self._marks[i], self._mark_born[i] = net, now
            else:
                self._marks.pop(i, None)
                self._mark_born.pop(i, None)
        if self._marks and not self._fade.isActive():
            self._fade.start()

    def _fade_marks(self) -> None:
        now = self._clock.elapsed()
        life = self.MARK_HOLD_MS + self.MARK_FADE_MS
        for i in [i for i, born in self._mark_born.items() if now - born >= life]:
            self._marks.pop(i, None)
            self._mark_born.pop(i, None)
        self.layer.update()
        if not self._marks:
            self._fade.stop()


def _mark_text(net: int) -> str:
    return f"▲{net}" if net > 0 else f"▼{-net}"
