"""Each option's total range and the near-tie sentence, against numbers worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.engine import ScoreMatrix
from explorer.core.robustness import near_tie_text, total_ranges, within_reach

# two criteria on 0–10: the first higher-is-better, the second lower-is-better (a cost)
PROBLEM = ScoreMatrix(
    ("a", "b", "c"),
    ("good", "cost"),
    np.array([[8.0, 4.0], [7.0, 3.0], [2.0, 9.0]]),
    np.array([0.0, 0.0]),
    np.array([10.0, 10.0]),
    np.array([True, False]),
)
LOWS = np.array([[6.0, 2.0], [5.0, 3.0], [1.0, 8.0]])
HIGHS = np.array([[9.0, 6.0], [9.0, 5.0], [3.0, 10.0]])
W = np.array([0.5, 0.5])


def test_ranges_take_each_cells_worst_and_best_end() -> None:
    r = total_ranges(PROBLEM, W, LOWS, HIGHS)
    # a: scored 0.5·0.8 + 0.5·0.6 = 0.70; worst 0.5·0.6 + 0.5·(1−0.6) = 0.50 (a cost's worst
    # end is its high score); best 0.5·0.9 + 0.5·(1−0.2) = 0.85
    assert r.total[0] == pytest.approx(0.70)
    assert (r.low[0], r.high[0]) == pytest.approx((0.50, 0.85))
    # b: 0.5·0.7 + 0.5·0.7 = 0.70 … worst 0.5·0.5 + 0.5·0.5 = 0.50, best 0.5·0.9 + 0.5·0.7 = 0.80
    assert (r.low[1], r.total[1], r.high[1]) == pytest.approx((0.50, 0.70, 0.80))
    # c: 0.5·0.2 + 0.5·0.1 = 0.15; worst 0.05, best 0.5·0.3 + 0.5·0.2 = 0.25
    assert (r.low[2], r.total[2], r.high[2]) == pytest.approx((0.05, 0.15, 0.25))


def test_near_tie_names_the_options_the_ranges_cannot_separate() -> None:
    r = total_ranges(PROBLEM, W, LOWS, HIGHS)
    order = np.array([0, 1, 2])
    assert within_reach(r, order) == [1]
    assert near_tie_text(["A", "B", "C"], r, order) == (
        "Too close to call: A and B are within each other's ranges."
    )


def test_a_lead_beyond_every_range_is_said_to_hold() -> None:
    tight = total_ranges(PROBLEM, W, PROBLEM.scores, PROBLEM.scores)  # no uncertainty at all
    order = np.array([0, 1, 2])
    tight = type(tight)(tight.low, tight.high, tight.total + np.array([0.1, 0.0, 0.0]))
    assert within_reach(tight, order) == []
    assert near_tie_text(["A", "B", "C"], tight, order).startswith("A leads beyond")


def test_several_close_options_lead_with_the_verdict() -> None:
    r = total_ranges(PROBLEM, W, LOWS, HIGHS)
    wide = type(r)(r.low - 1.0, r.high + 1.0, r.total)  # every range overlaps every other
    text = near_tie_text(["A", "B", "C"], wide, np.array([0, 1, 2]))
    assert text == (
        "Too close to call: 2 others are within A's range and it within theirs (B and C)."
    )


def test_a_long_list_of_close_options_names_the_first_few() -> None:
    n = 9
    ranges = type(total_ranges(PROBLEM, W, LOWS, HIGHS))(
        np.zeros(n), np.ones(n), np.linspace(0.6, 0.5, n)
    )
    text = near_tie_text([f"O{i}" for i in range(n)], ranges, np.arange(n))
    assert text.endswith("(O1, O2, O3, O4 and 4 more).")
