"""One acceptability cell reads and looks the same in the heatmap and on the briefing slide.

That both views use these is checked where each is tested: the heatmap's texts are cell_text
of the sampled shares (test_robustness_view), and so are the slide's (test_chart_paint)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from explorer.ui import theme
from explorer.ui.robustness.acceptability_cell import cell_fill, cell_text


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (0.0, "0"),
        (0.003, "<1 %"),
        (0.05, "5 %"),
        (0.5, "50 %"),
        (0.997, ">99 %"),
        (1.0, "100 %"),
    ],
)
def test_text_never_rounds_a_rare_or_near_certain_rank_to_0_or_100(p, text):
    assert cell_text(p) == text


@pytest.mark.parametrize("th", [theme.LIGHT, theme.DARK, theme.PROJECTOR], ids=lambda t: t.name)
def test_fill_moves_from_the_background_to_the_highlight(th):
    def distance(c: QColor, to: str) -> float:
        t = QColor(to)
        return abs(c.red() - t.red()) + abs(c.green() - t.green()) + abs(c.blue() - t.blue())

    steps = [cell_fill(th, p) for p in (0.01, 0.05, 0.2, 0.5, 0.9)]
    gaps = [distance(c, th.highlight) for c in steps]
    assert gaps == sorted(gaps, reverse=True) and len(set(gaps)) == len(gaps)
    assert cell_fill(th, 1.0) == QColor(th.highlight)
    # 5 % is a visible tint, and a never-taken rank is neither background nor a tint
    assert distance(cell_fill(th, 0.05), th.background) > 30
    never = cell_fill(th, 0.0)
    assert never != QColor(th.background) and never not in steps
