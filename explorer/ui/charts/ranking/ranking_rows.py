"""Where each ranking bar is, in data units: its segments, and its row mid-glide included.

The chart draws, outlines, labels and hit-tests bars from the same few arrays; keeping them and
the arithmetic on them here leaves the chart with the Qt wiring (items, animation, signals).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF

from explorer.core.engine import Result


def row_positions(result: Result) -> np.ndarray:
    """Row per option: 0 for the best (drawn on top, the y axis is inverted)."""
    pos = np.empty(len(result.order), dtype=float)
    pos[result.order] = np.arange(len(result.order), dtype=float)
    return pos


class BarRows:
    """Segment starts and widths (options × criteria) and each option's row: where a glide
    started (y_from), where it ends (y_to) and where the row is drawn now (y_now)."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.x0 = np.zeros((0, 0))
        self.width = np.zeros((0, 0))
        self.y_from = self.y_to = self.y_now = np.zeros(0)

    def reset(self, result: Result, criteria: int) -> None:
        """A new set: every row in its place, no segments until the first result is shown."""
        self.y_to = row_positions(result)
        self.y_from = self.y_to.copy()
        self.y_now = self.y_to.copy()
        self.x0 = np.zeros((len(self.y_to), criteria))
        self.width = np.zeros((len(self.y_to), criteria))

    def set_contributions(self, contributions: np.ndarray) -> None:
        self.width = contributions
        self.x0 = np.cumsum(contributions, axis=1) - contributions

    def jump(self, target: np.ndarray) -> None:
        self.y_from = self.y_to = self.y_now = target

    def start_glide(self, target: np.ndarray) -> None:
        self.y_from, self.y_to = self.y_now.copy(), target

    def glide(self, t: float) -> None:
        self.y_now = self.y_from + (self.y_to - self.y_from) * t

    def settle(self) -> None:
        self.y_now = self.y_to.copy()

    def on_screen(self, shown_rows: int) -> np.ndarray:
        """Option indices whose rows are in (or gliding into) the shown rows."""
        return np.flatnonzero(self.y_now < shown_rows + 0.5)

    def nearest(self, y: float) -> int:
        return int(np.argmin(np.abs(self.y_now - y)))

    def segment_rect(self, i: int, j: int) -> QRectF:
        y, h = float(self.y_now[i]), self.height / 2
        return QRectF(float(self.x0[i, j]), y - h, float(self.width[i, j]), 2 * h)

    def hit(self, x: float, y: float, on_bars: bool) -> tuple[int, int | None] | None:
        """(option, criterion or None) at a view point; criterion only where bars are drawn."""
        rows = np.flatnonzero(np.abs(self.y_now - y) <= self.height / 2)
        if rows.size == 0:
            return None
        i = int(rows[0])
        if on_bars:
            inside = (self.x0[i] <= x) & (x < self.x0[i] + self.width[i])
            cols = np.flatnonzero(inside & (self.width[i] > 0))
            if cols.size:
                return i, int(cols[0])
        return i, None
