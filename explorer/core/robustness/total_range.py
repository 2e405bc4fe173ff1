"""Each option's total with the uncertainty its cells admit, and a near tie said in words.

A ranking shown as bare totals (0.59 against 0.57) reads as settled when the assessed ranges
say otherwise. The range of an option's weighted-sum total is exact: with the weights fixed the
total is a sum over cells, so its lowest value takes every cell's least desirable end and its
highest every cell's most desirable end (which end that is depends on the criterion's
direction). Ranges are a weighted-sum notion; under TOPSIS an option's closeness depends on all
the others, so the same numbers are shown as the weighted sum's, and said to be.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.core.engine import ScoreMatrix, desirability

LISTED = 4  # names a near-tie sentence lists before it says how many more


@dataclass(frozen=True)
class TotalRanges:
    low: np.ndarray  # per option: the weighted-sum total with every cell at its worst end
    high: np.ndarray  # … and at its best end
    total: np.ndarray  # the weighted-sum total as scored


def total_ranges(
    problem: ScoreMatrix, weights: np.ndarray, lows: np.ndarray, highs: np.ndarray
) -> TotalRanges:
    w = np.asarray(weights, dtype=float)
    d_low, d_high = desirability(problem, lows), desirability(problem, highs)
    worst, best = np.minimum(d_low, d_high), np.maximum(d_low, d_high)
    return TotalRanges(worst @ w, best @ w, desirability(problem) @ w)


def within_reach(ranges: TotalRanges, order: np.ndarray) -> list[int]:
    """Options (by index, in rank order) whose range reaches the leader's total and whose total
    lies within the leader's range: the ones the assessments cannot tell apart from it."""
    lead = int(order[0])
    return [
        int(i)
        for i in order[1:]
        if ranges.high[i] >= ranges.total[lead] and ranges.total[i] >= ranges.low[lead]
    ]


def near_tie_text(names: list[str], ranges: TotalRanges, order: np.ndarray) -> str:
    """One sentence for the ranking's headline, e.g. "Refocus and Phased withdrawal are within
    each other's ranges"; when no other comes that close, says the lead holds."""
    close = within_reach(ranges, order)
    lead = names[int(order[0])]
    if not close:
        return f"{lead} leads beyond the assessed ranges of every other option."
    others = [names[i] for i in close]
    if len(others) == 1:
        return f"Too close to call: {lead} and {others[0]} are within each other's ranges."
    # the verdict first: on a narrow screen the list is what gets cut; a long list names the
    # closest few (a sentence naming 199 options helps nobody, and cost a frame to lay out)
    if len(others) > LISTED:
        listed = ", ".join(others[:LISTED]) + f" and {len(others) - LISTED} more"
    else:
        listed = ", ".join(others[:-1]) + f" and {others[-1]}"
    return (
        f"Too close to call: {len(others)} others are within {lead}'s range and it within "
        f"theirs ({listed})."
    )
