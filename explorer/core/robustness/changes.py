"""What would change the result: the smallest single changes that hand the lead to another option.

Two kinds, both for the weighted sum and both exact:

* one criterion's weight share (the others rescaled in proportion, as the sliders do), from the
  stability intervals: the share at which a rival draws level, and the first round percentage
  past it, where the rival is ahead;
* one cell's score, everything else fixed: a rival's cell rising (or falling, for lower-is-better
  criteria) until it passes the leader, or one of the leader's own cells dropping until the
  runner-up passes it. Changes are compared as a fraction of the criterion's scale so that a
  0–5 scale and a 0–10 scale are measured alike.

Each record carries the exact numbers and the sentence built from them; the sentence quotes a
round number just past the tie point, so it is true as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from explorer.core.engine import ScoreMatrix, desirability, evaluate, rank, wsm_totals
from explorer.core.model import DecisionSet
from explorer.core.robustness.common import (
    decimals,
    display_step,
    fmt_number,
    leader,
    shares,
    step_past,
    weight_path,
)
from explorer.core.robustness.stability import StabilityInterval, stability_intervals


@dataclass(frozen=True)
class WeightChange:
    criterion: str
    leader: str  # option ids
    challenger: str  # the option that goes ahead of the leader
    new_leader: str  # who leads at `proposed` (the challenger unless a third option got there too)
    direction: Literal["rises", "falls"]
    current: float  # shares 0..1
    threshold: float  # exact share where challenger and leader tie
    proposed: float  # the round share quoted in the sentence, just past the threshold
    text: str

    @property
    def size(self) -> float:
        return abs(self.proposed - self.current)


@dataclass(frozen=True)
class ScoreChange:
    option: str  # the cell whose score changes
    criterion: str
    leader: str
    new_leader: str
    current: float
    threshold: float  # exact score at which new_leader and leader tie
    proposed: float  # the round score quoted in the sentence, just past the threshold
    low: float
    high: float
    within_range: bool  # proposed lies inside the cell's low–high range
    unassessed: bool
    quotes: int
    sources: tuple[str, ...]  # distinct source ids behind the cell, in quote order
    relative: float  # |threshold − current| as a fraction of the criterion's scale
    text: str


def _pct(share: float, places: int) -> str:
    return f"{fmt_number(share * 100, places)} %"


def _share_text(current: float, proposed: float) -> tuple[str, str]:
    """Percentages with just enough places that the two numbers read differently."""
    for places in (0, 1, 2, 3):
        a, b = _pct(current, places), _pct(proposed, places)
        if a != b:
            return a, b
    return _pct(current, 4), _pct(proposed, 4)


def _proposed_share(threshold: float, current: float, upward: bool) -> float:
    for step in (0.01, 0.001, 0.0001):
        value = min(max(step_past(threshold, step, upward), 0.0), 1.0)
        if round(value * 100, decimals(step * 100)) != round(current * 100, decimals(step * 100)):
            return value
    return min(max(step_past(threshold, 0.0001, upward), 0.0), 1.0)


def weight_changes(
    decision_set: DecisionSet, weights: np.ndarray, problem: ScoreMatrix | None = None
) -> list[WeightChange]:
    """Per criterion and direction, the share change that hands over the lead; smallest first."""
    problem = problem if problem is not None else ScoreMatrix.from_set(decision_set)
    w = shares(weights)
    names = {o.id: o.name for o in decision_set.options}
    out = []
    for j, interval in enumerate(stability_intervals(problem, w)):
        crit = decision_set.criterion(interval.criterion).name
        ends: tuple[tuple[Literal["rises", "falls"], float, str | None], ...] = (
            ("falls", interval.low, interval.overtaken_below),
            ("rises", interval.high, interval.overtaken_above),
        )
        for direction, threshold, challenger in ends:
            if challenger is None:
                continue
            proposed = _proposed_share(threshold, interval.weight, direction == "rises")
            res = evaluate(problem, weight_path(w, j, np.array([proposed]))[0])
            new_leader = problem.option_ids[int(res.order[0])]
            now, then = _share_text(interval.weight, proposed)
            text = (
                f"{names[challenger]} overtakes {names[interval.leader]} if the weight on "
                f"{crit} {direction} from {now} to {then}"
            )
            if new_leader != challenger:
                text += f" ({names[new_leader]} then leads)"
            out.append(
                WeightChange(
                    interval.criterion,
                    interval.leader,
                    challenger,
                    new_leader,
                    direction,
                    interval.weight,
                    threshold,
                    proposed,
                    text,
                )
            )
    out.sort(key=lambda c: (c.size, c.criterion, c.direction))
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def score_changes(
    decision_set: DecisionSet, weights: np.ndarray, problem: ScoreMatrix | None = None
) -> list[ScoreChange]:
    """Every single-cell score change that would hand over the lead, smallest (relative) first.

    Cells on a criterion weighted 0, or that would need a score outside the scale, cannot.
    `problem` may carry other scores (e.g. a source lens); ranges and quotes come from the set.
    """
    problem = problem if problem is not None else ScoreMatrix.from_set(decision_set)
    w = shares(weights)
    _, lows, highs = decision_set.matrix()
    d = desirability(problem)
    totals = wsm_totals(d, w)
    top = leader(totals)
    rivals = np.delete(np.arange(len(totals)), top)
    if not len(rivals):
        return []
    runner = int(rivals[np.argmax(totals[rivals])])
    span = problem.maxs - problem.mins
    names = {o.id: o.name for o in decision_set.options}
    out = []
    for i, option in enumerate(decision_set.options):
        for k, crit in enumerate(decision_set.criteria):
            if w[k] <= 0:
                continue
            if i == top:  # the leader's own score falls until the runner-up passes it
                needed, new = -(totals[top] - totals[runner]) / w[k], runner
            else:  # a rival's score improves until it passes the leader
                needed, new = (totals[top] - totals[i]) / w[k], i
            better_up = bool(problem.benefit[k])  # raising the score raises desirability
            upward = (i != top) == better_up  # rivals improve, the leader worsens
            score = float(problem.scores[i, k])
            threshold = score + (needed if better_up else -needed) * span[k]
            proposed = step_past(threshold, display_step(span[k]), upward)
            if not problem.mins[k] <= proposed <= problem.maxs[k]:
                continue
            cell = decision_set.assessment(option.id, crit.id)
            sources = tuple(dict.fromkeys(e.source for e in cell.evidence))
            lo, hi = float(lows[i, k]), float(highs[i, k])
            places = decimals(display_step(span[k]))
            inside = lo <= proposed <= hi

            def num(x: float, places: int = places) -> str:
                return fmt_number(x, places)

            quoted = (
                f"{_plural(len(cell.evidence), 'quote')} from {_plural(len(sources), 'source')}"
                if cell.evidence
                else "no quotes"
            )
            basis = f"range {num(lo)}–{num(hi)}; {quoted}"
            if cell.unassessed:
                basis = f"unassessed, counted as the midpoint; {basis}"
            new_name, top_name = names[problem.option_ids[new]], names[problem.option_ids[top]]
            if new == i:  # the rival's own cell
                lead = f"{new_name} would overtake {top_name} if its score"
            else:
                lead = f"{new_name} would take the lead from {top_name} if {option.name}'s score"
            text = (
                f"{lead} on {crit.name} were {num(proposed)} instead of {num(score)} "
                f"({basis}), {'inside' if inside else 'outside'} that range"
            )
            out.append(
                ScoreChange(
                    option.id,
                    crit.id,
                    problem.option_ids[top],
                    problem.option_ids[new],
                    score,
                    float(threshold),
                    proposed,
                    lo,
                    hi,
                    inside,
                    cell.unassessed,
                    len(cell.evidence),
                    sources,
                    abs(threshold - score) / span[k],
                    text,
                )
            )
    # Raising a rival's score and lowering the leader's on the same criterion close the same gap,
    # so such pairs tie exactly in real arithmetic; rounding keeps float noise (which differs with
    # how the weights were normalised) from deciding their order, and the rival's own cell goes
    # first, the more direct reading of "what would change the leader".
    out.sort(key=lambda c: (round(c.relative, 9), c.option == c.leader, c.option, c.criterion))
    return out


def what_would_change(
    decision_set: DecisionSet,
    weights: np.ndarray,
    problem: ScoreMatrix | None = None,
    score_limit: int = 3,
    *,
    computed: tuple[list[WeightChange], list[ScoreChange], list[StabilityInterval]] | None = None,
) -> list[str]:
    """The sentences: a tie for the lead if there is one, every weight change (smallest first),
    the criteria whose weight alone cannot change the leader, then the smallest score changes.

    `computed` passes in weight_changes, score_changes and stability_intervals already worked
    out for these weights (the window's Analysis keeps them), so they are not done twice."""
    problem = problem if problem is not None else ScoreMatrix.from_set(decision_set)
    if len(problem.option_ids) < 2:
        return []
    w = shares(weights)
    totals = wsm_totals(desirability(problem), w)
    names = [o.name for o in decision_set.options]
    texts = []
    ranks, order = rank(totals)
    tied = [names[i] for i in order if ranks[i] == 1]
    if len(tied) > 1:
        texts.append(f"{_join(tied, 'and')} are tied for the lead at the current weights")
    if computed is None:
        computed = (
            weight_changes(decision_set, weights, problem),
            score_changes(decision_set, weights, problem),
            stability_intervals(problem, w),
        )
    by_weight, by_score, intervals = computed
    texts += [c.text for c in by_weight]
    steady = [
        decision_set.criterion(i.criterion).name
        for i in intervals
        if i.overtaken_below is None and i.overtaken_above is None
    ]
    if steady and len(w) > 1:
        top = names[leader(totals)]
        texts.append(
            f"{top} stays ahead whatever the weight on {_join(steady, 'or')} (each moved alone)"
        )
    texts += [c.text for c in by_score[:score_limit]]
    return texts


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"
