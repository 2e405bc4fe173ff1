"""How the ranking and profile charts put a result into words: numbers, ranks, tooltips.

Both charts explain a cell the same way (score, range, share, contribution, rank), so the
analyst reads one vocabulary everywhere; the text is built from the Result and the assessment,
never recomputed here.
"""

from __future__ import annotations

from html import escape

import numpy as np

from explorer.core.engine import Method, Result
from explorer.core.model import DecisionSet, Direction
from explorer.core.robustness import TotalRanges


def number(value: float) -> str:
    """Scores as the analyst typed them: 4, 4.5, 0.25 (no trailing zeros)."""
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def rank_text(result: Result, option_index: int) -> str:
    """Competition rank, with '=' marking a tie (so '=2' reads 'joint second')."""
    rank = int(result.ranks[option_index])
    return f"={rank}" if result.tied(option_index) else str(rank)


def tie_flags(result: Result) -> np.ndarray:
    """Per option: shares its rank. Result.tied for all at once (it is O(n) per call)."""
    return np.bincount(result.ranks)[result.ranks] > 1


def cell_tooltip(decision_set: DecisionSet, result: Result, i: int, j: int) -> str:
    """Everything behind one option × criterion cell, as rich text for a tooltip."""
    option = decision_set.options[i]
    crit = decision_set.criteria[j]
    cell = decision_set.assessment(option.id, crit.id)
    scale = f"{number(crit.scale.min)}–{number(crit.scale.max)}"
    better = "higher" if crit.direction is Direction.HIGHER_IS_BETTER else "lower"
    if cell.score is None:  # unassessed (spelled out so the score below is known to be set)
        score = (
            "<i>Not assessed</i> — counted as the scale midpoint "
            f"{number((crit.scale.min + crit.scale.max) / 2)} (range {scale})"
        )
    else:
        low = cell.low if cell.low is not None else cell.score
        high = cell.high if cell.high is not None else cell.score
        score = f"Score <b>{number(cell.score)}</b> (range {number(low)}–{number(high)})"
    n = len(decision_set.options)
    rows = [
        f"<b>{escape(option.name)}</b> — {escape(crit.name)}",
        score,
        f"Scale {scale}, {better} is better",
        f"Desirability {result.desirability[i, j]:.2f} (0 worst, 1 best)",
        f"Weight share {result.weights[j]:.0%}",
        f"Contribution {result.contributions[i, j]:.3f} of total {result.totals[i]:.3f}",
        f"Rank {rank_text(result, i)} of {n}",
    ]
    return "<br>".join(rows)


def option_tooltip(
    decision_set: DecisionSet, result: Result, i: int, ranges: TotalRanges | None = None
) -> str:
    option = decision_set.options[i]
    text = (
        f"<b>{escape(option.name)}</b><br>{escape(option.summary)}<br>"
        f"Total {result.totals[i]:.2f}, rank {rank_text(result, i)} of {len(result.totals)}"
    )
    if ranges is not None and result.method is Method.WSM:
        text += (
            f"<br>With every cell at its worst or best assessed end: "
            f"{ranges.low[i]:.2f}–{ranges.high[i]:.2f} (the line under the bar)"
        )
    return text


def criterion_tooltip(decision_set: DecisionSet, result: Result, j: int) -> str:
    crit = decision_set.criteria[j]
    better = "Higher" if crit.direction is Direction.HIGHER_IS_BETTER else "Lower"
    return (
        f"<b>{escape(crit.name)}</b><br>{escape(crit.definition)}<br>"
        f"{better} is better · weight share {result.weights[j]:.0%}"
    )
