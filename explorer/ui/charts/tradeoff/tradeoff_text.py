"""What the tradeoff map says in words: its axis ticks and titles, and each point's tooltip.

A point's tooltip answers "why is it here?": its value, range, weight and contribution on both
axes, the underlying score on a single-criterion axis, and which options beat it on both. The
numbers all come from explorer/core/tradeoff.py; this module only phrases them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from explorer.core import tradeoff
from explorer.core.engine import Result
from explorer.core.model import DecisionSet, Direction

# plain numbers: "1 best" at the end of an axis was clipped by the plot's edge, and the title
# already says which way is better
TICKS = [(v / 10, f"{v / 10:g}") for v in range(11)]


def axis_title(
    axis: tradeoff.Axis, metrics: QFontMetrics | None = None, room_px: float = 0.0
) -> str:
    """The axis's name and which way is better; the name is elided to fit `room_px`."""
    label, suffix = axis.label, " (better →)"
    if metrics is not None and room_px > 0:
        space = room_px - metrics.horizontalAdvance(suffix)
        label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(max(space, 20)))
    return f"{escape(label)}{suffix}"


def point_tooltip(
    ds: DecisionSet,
    result: Result,
    i: int,
    x_axis: tradeoff.Axis | None,
    x: tradeoff.AxisValues,
    y_axis: tradeoff.Axis | None,
    y: tradeoff.AxisValues,
) -> str:
    """Rich text for option i's point, with the map's current axes and their values."""
    lines = [
        f"<b>{escape(ds.options[i].name)}</b> — rank {result.ranks[i]} of {len(ds.options)}"
        f" · total {result.totals[i]:.3f} ({result.method.label})"
    ]
    for axis, v in ((x_axis, x), (y_axis, y)):
        if axis is not None:
            lines.append(_axis_line(ds, axis, v, i))
    beaters = tradeoff.dominators(x.value, y.value, i)
    if len(beaters):
        names = ", ".join(escape(ds.options[j].name) for j in beaters)
        verb = "is" if len(beaters) == 1 else "are"
        lines.append(f"Not efficient here: {names} {verb} at least as good on both axes.")
    else:
        lines.append("Pareto-efficient: no option is better on both axes.")
    return "<br>".join(lines)


def _axis_line(ds: DecisionSet, axis: tradeoff.Axis, v: tradeoff.AxisValues, i: int) -> str:
    head = (
        f"{escape(axis.label)}: <b>{v.value[i]:.2f}</b> "
        f"(range {v.low[i]:.2f}–{v.high[i]:.2f}) · weight {v.share:.0%}"
        f" · adds {v.contribution[i]:.3f} to the total"
    )
    if axis.is_group:
        return head
    crit = ds.criteria[axis.columns[0]]
    cell = ds.assessment(ds.options[i].id, crit.id)
    better = "lower" if crit.direction is Direction.LOWER_IS_BETTER else "higher"
    scale = f"{crit.scale.min:g}–{crit.scale.max:g}, {better} is better"
    if cell.score is None:
        return f"{head}<br>&nbsp;&nbsp;not assessed: placed at the scale midpoint ({scale})"
    low = cell.low if cell.low is not None else cell.score
    high = cell.high if cell.high is not None else cell.score
    return f"{head}<br>&nbsp;&nbsp;score {cell.score:g} (range {low:g}–{high:g}) on {scale}"
