"""One rank-acceptability cell, as the heatmap on screen and the briefing's slide both show it.

The share of sampled weightings that give an option a rank is worded and tinted here, once. The
two views used to decide it apart ("5 %" on screen, "5%" on the slide; a never-taken rank "0" in
one and "–" in the other; two colour ramps), so one sampling run read differently in the app
and in the deck. Only the painting (a table item, a QPainter rect) stays with each view.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from explorer.ui.charts.chart_common import blend
from explorer.ui.theme import Theme

NO_SAMPLES = "–"  # a cell before any sample arrived
TINT_GAMMA = 0.6  # small shares still show: 5 % reads as a tint, not as background
NEVER_TINT = 0.35  # a rank never taken keeps a faint cell, so the grid still reads as a grid
WIDEST = ("100 %", ">99 %")  # the longest texts a cell can hold, for fitting its width


def cell_text(p: float) -> str:
    """Whole percent, but never a misleading 0 % or 100 % for a rare or near-certain rank."""
    if p <= 0:
        return "0"
    if p >= 1:
        return "100 %"
    if p < 0.005:
        return "<1 %"
    if p > 0.995:
        return ">99 %"
    return f"{p * 100:.0f} %"


def cell_fill(theme: Theme, p: float) -> QColor:
    """The cell's colour: the highlight, stronger the more samples give the option this rank."""
    if p <= 0:
        return blend(theme.grid, theme.background, NEVER_TINT)
    return blend(theme.highlight, theme.background, min(p, 1.0) ** TINT_GAMMA)
