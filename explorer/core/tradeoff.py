"""Two-axis tradeoff geometry: where each option sits, how sure we are, and who is efficient.

An axis is one criterion or one criterion group, always on the desirability scale (0 = worst end
of the scale, 1 = best), so "right/up is better" holds whatever the criterion's direction. A
group axis is the weight-share-weighted mean of its criteria, so it moves with the sliders the
same way the totals do. Kept free of Qt so the numbers behind the chart are tested on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.core.engine import TIE_TOLERANCE, ScoreMatrix, desirability
from explorer.core.model import DecisionSet

CRITERION_PREFIX = "criterion:"
GROUP_PREFIX = "group:"


@dataclass(frozen=True)
class Axis:
    key: str  # "criterion:<id>" or "group:<name>": stable across reloads, used by combo boxes
    label: str  # what the analyst reads: the criterion's full name or "Group: <name>"
    columns: tuple[int, ...]  # criterion indices the axis aggregates
    is_group: bool


@dataclass(frozen=True)
class AxisValues:
    """One axis evaluated for every option under one weight vector."""

    value: np.ndarray  # per option, desirability 0..1
    low: np.ndarray  # pessimistic end of the range, desirability
    high: np.ndarray  # optimistic end
    share: float  # the axis' criteria's combined share of the total weight
    contribution: np.ndarray  # per option, what the axis' criteria add to the total


@dataclass(frozen=True)
class ParetoFront:
    efficient: np.ndarray  # option indices not dominated on the two axes, ascending
    line: np.ndarray  # the same indices ordered for drawing: x ascending, then y descending


def groups(decision_set: DecisionSet) -> list[str]:
    """Group names in order of first appearance; ungrouped criteria belong to none."""
    seen: list[str] = []
    for crit in decision_set.criteria:
        if crit.group and crit.group not in seen:
            seen.append(crit.group)
    return seen


def axes(decision_set: DecisionSet) -> list[Axis]:
    """Every criterion, then every group (if the set has any)."""
    out = [
        Axis(CRITERION_PREFIX + c.id, c.name, (j,), False)
        for j, c in enumerate(decision_set.criteria)
    ]
    for name in groups(decision_set):
        cols = tuple(j for j, c in enumerate(decision_set.criteria) if c.group == name)
        out.append(Axis(GROUP_PREFIX + name, f"Group: {name}", cols, True))
    return out


def default_axes(choices: Sequence[Axis], shares: np.ndarray) -> tuple[Axis, Axis]:
    """The first two groups when groups actually aggregate, else the two heaviest criteria.

    Groups that each hold one criterion add nothing over the criteria themselves, so they only
    win when some group has two or more members. Ties in weight go to file order.
    """
    crits = [a for a in choices if not a.is_group]
    grps = [a for a in choices if a.is_group]
    if len(grps) >= 2 and any(len(g.columns) > 1 for g in grps):
        return grps[0], grps[1]
    if not crits:
        raise ValueError("a tradeoff map needs at least one criterion")
    w = np.asarray(shares, dtype=float)
    order = sorted(range(len(crits)), key=lambda i: (-w[crits[i].columns[0]], i))
    first = crits[order[0]]
    second = crits[order[1]] if len(order) > 1 else first
    return first, second


def desirability_bounds(decision_set: DecisionSet) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's low/high score range as a desirability range (options × criteria).

    For a lower-is-better criterion the high score is the *low* desirability, so the two ends
    are sorted after conversion rather than mapped low→low.
    """
    problem = ScoreMatrix.from_set(decision_set)
    _, lows, highs = decision_set.matrix()
    a, b = desirability(problem, lows), desirability(problem, highs)
    return np.minimum(a, b), np.maximum(a, b)


def axis_extent(
    low: np.ndarray, high: np.ndarray, margin: float = 0.06, min_span: float = 0.3
) -> tuple[float, float]:
    """The part of 0..1 worth showing on an axis: every option's range, padded, within 0..1.

    Zooming to the options keeps a tight cluster legible; the view is fitted when the axes or
    the set change and only widened during a drag, so axes do not jump under the user's hand.
    """
    if low.size == 0:
        return 0.0, 1.0
    a, b = float(np.min(low)) - margin, float(np.max(high)) + margin
    if b - a < min_span:
        mid = (a + b) / 2
        a, b = mid - min_span / 2, mid + min_span / 2
    a, b = max(a, 0.0), min(b, 1.0)
    if b - a < min_span:  # pushed against an end: extend the other way
        a, b = (0.0, min_span) if a <= 0.0 else (1.0 - min_span, 1.0)
    return a, b


def within_weights(weights: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """The axis' criteria's weights rescaled to sum to 1; equal when they are all zero.

    Equal rather than undefined, so a group whose sliders are all at zero still has a place.
    """
    w = np.asarray(weights, dtype=float)[list(columns)]
    total = w.sum()
    if total <= 0:
        return np.full(len(w), 1.0 / len(w))
    return w / total


def axis_values(
    axis: Axis,
    d: np.ndarray,
    d_low: np.ndarray,
    d_high: np.ndarray,
    weights: np.ndarray,
    contributions: np.ndarray,
) -> AxisValues:
    """Positions and ranges on one axis.

    A group's range is the weighted mean of its criteria's range ends: every criterion at its
    pessimistic (optimistic) end at once, the widest spread the assessments allow.
    """
    cols = list(axis.columns)
    w = within_weights(weights, cols)
    weights = np.asarray(weights, dtype=float)
    return AxisValues(
        value=d[:, cols] @ w,
        low=d_low[:, cols] @ w,
        high=d_high[:, cols] @ w,
        share=float(weights[cols].sum()),
        contribution=np.asarray(contributions)[:, cols].sum(axis=1),
    )


def bubble_fraction(totals: np.ndarray) -> np.ndarray:
    """How large an option's point is drawn, 0..1 of the largest, from its total (0..1).

    Absolute, so a key can say what a size means and it stays true as weights move; with the
    power the totals of a close race (0.40 against 0.59) differ by about half in diameter and
    twice in area, where a linear scale gave points a few pixels apart.
    """
    return np.clip(np.asarray(totals, dtype=float), 0.0, 1.0) ** 1.5


def pareto_front(x: np.ndarray, y: np.ndarray, tolerance: float = TIE_TOLERANCE) -> ParetoFront:
    """Options no other option beats on both axes (both maximised).

    j dominates i when j ≥ i on both and > on at least one (within `tolerance`, so rounding in
    group means cannot split a tie). Exact duplicates do not dominate each other: both stay.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(x) == 0:
        empty = np.zeros(0, dtype=int)
        return ParetoFront(empty, empty)
    ge = (x[None, :] >= x[:, None] - tolerance) & (y[None, :] >= y[:, None] - tolerance)
    gt = (x[None, :] > x[:, None] + tolerance) | (y[None, :] > y[:, None] + tolerance)
    dominated = np.any(ge & gt, axis=1)  # row i: does any j dominate i
    efficient = np.flatnonzero(~dominated)
    line = efficient[np.lexsort((-y[efficient], x[efficient]))]
    return ParetoFront(efficient, line)


def dominators(
    x: np.ndarray, y: np.ndarray, index: int, tolerance: float = TIE_TOLERANCE
) -> np.ndarray:
    """Indices of the options that dominate option `index`: the tooltip names who beats it."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    xi, yi = x[index], y[index]
    ge = (x >= xi - tolerance) & (y >= yi - tolerance)
    gt = (x > xi + tolerance) | (y > yi + tolerance)
    return np.flatnonzero(ge & gt)
