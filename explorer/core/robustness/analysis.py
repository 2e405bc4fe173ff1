"""Every robustness answer for one state of the analysis, computed when first asked for.

The window recomputes its result on every slider tick; most robustness answers are read only by
the views on screen. One Analysis per result, with each answer computed lazily and kept, means a
tick costs nothing for a view nobody is looking at, while every view that is shown (and the
briefing) reads the same numbers for the same weights.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any

import numpy as np

from explorer.core.elicitation.ordinal import OrdinalConstraints
from explorer.core.engine import Method, ScoreMatrix
from explorer.core.model import DecisionSet
from explorer.core.robustness.changes import (
    ScoreChange,
    WeightChange,
    score_changes,
    weight_changes,
    what_would_change,
)
from explorer.core.robustness.common import shares
from explorer.core.robustness.sensitivity import Sensitivity, one_way
from explorer.core.robustness.smaa import Acceptability, ScoreMode, WeightMode, rank_acceptability
from explorer.core.robustness.stability import (
    StabilityInterval,
    stability_interval,
    stability_intervals,
)
from explorer.core.robustness.tornado import Tornado, tornado
from explorer.core.robustness.total_range import TotalRanges, total_ranges

MAX_SAMPLES = 10_000_000
# Beyond this many options, sensitivity crosses only the contenders' curves (sensitivity.py):
# a reader follows the race at the top, and all pairs of 200 options are ~10 000 crossings.
CONTENDERS_ABOVE = 12


@dataclass(frozen=True)
class SamplingSettings:
    """How rank acceptability samples (see smaa.py). The defaults answer "over all weightings,
    with every score anywhere in its assessed range": the question a briefer is asked first,
    with the uncertainty the assessments admit. They are the one set of defaults the window,
    the slides, the PDF and the `robustness` command share, so one profile gives one answer
    everywhere (the window once said 58 % where the command said 31.9 %)."""

    samples: int = 20_000
    seed: int = 0
    weights: WeightMode = "uniform"
    spread: float = 0.1
    scores: ScoreMode = "uniform"
    order: OrdinalConstraints | None = None  # weights="ordinal": the order (and bounds) to keep

    def __post_init__(self) -> None:
        if not 1 <= self.samples <= MAX_SAMPLES:
            raise ValueError(f"samples must be between 1 and {MAX_SAMPLES:,}")
        if self.weights not in ("uniform", "around", "ordinal"):
            raise ValueError(f"unknown weight mode {self.weights!r}")
        if self.weights == "ordinal" and self.order is None:
            raise ValueError("ordinal weights need the order of the criteria")
        if self.scores not in ("fixed", "uniform"):
            raise ValueError(f"unknown score mode {self.scores!r}")
        if self.weights == "around" and not 0.0 < self.spread < 1.0:
            raise ValueError("spread must be between 0 and 1 (exclusive)")

    def options(self) -> dict[str, Any]:
        """Keyword arguments for acceptability_steps / rank_acceptability."""
        return {
            "samples": self.samples,
            "seed": self.seed,
            "weight_mode": self.weights,
            "spread": self.spread,
            "score_mode": self.scores,
            "constraints": self.order,
        }

    def describe(self) -> str:
        weights = {
            "uniform": "weights uniform over all weightings",
            "around": f"weights around the current ones (spread {self.spread:g})",
            "ordinal": "weights uniform over those in the order "
            + (self.order.describe() if self.order else ""),
        }[self.weights]
        scores = "scores as assessed" if self.scores == "fixed" else "scores anywhere in range"
        return f"{self.samples:,} samples, seed {self.seed}; {weights}; {scores}"

    def audience_text(self) -> str:
        """The run as an audience needs it, for slides and paper: what was varied and how
        often, without the settings only a rerun needs (the seed, the spread)."""
        weights = {
            "uniform": "weightings drawn at random from all possible ones",
            "around": "weightings drawn at random near the current one",
            "ordinal": "weightings drawn at random among those that keep the order "
            + (self.order.describe() if self.order else ""),
        }[self.weights]
        scores = (
            "scores as assessed"
            if self.scores == "fixed"
            else "each score anywhere in its assessed range"
        )
        return f"{self.samples:,} {weights}, {scores}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.order is None:
            del data["order"]  # the JSON of runs without an order stays as it was
        else:
            data["order"] = [list(t) for t in self.order.tiers]
            data["at_least"], data["at_most"] = dict(self.order.lower), dict(self.order.upper)
        return data


class Analysis:
    """Robustness of one result. Stability and the what-would-change answers are the exact
    weighted-sum analyses whatever the method; sensitivity, tornado and acceptability follow
    the method."""

    def __init__(
        self,
        decision_set: DecisionSet,
        problem: ScoreMatrix,
        weights: np.ndarray,
        method: Method = Method.WSM,
    ) -> None:
        self.decision_set = decision_set
        self.problem = problem
        self.weights = shares(np.asarray(weights, dtype=float))
        self.method = Method(method)
        self._sensitivity: dict[str, Sensitivity] = {}
        self._stability_one: dict[str, StabilityInterval] = {}
        self._acceptability: dict[SamplingSettings, Acceptability] = {}

    @cached_property
    def ranges(self) -> tuple[np.ndarray, np.ndarray]:
        """The cells' low and high scores (options × criteria)."""
        _, lows, highs = self.decision_set.matrix()
        return lows, highs

    @cached_property
    def total_ranges(self) -> TotalRanges:
        """Each option's weighted-sum total with its cells at their worst and best ends."""
        lows, highs = self.ranges
        return total_ranges(self.problem, self.weights, lows, highs)

    @cached_property
    def stability(self) -> list[StabilityInterval]:
        return stability_intervals(self.problem, self.weights)

    def stability_of(self, criterion: str) -> StabilityInterval:
        """One criterion's interval. The sensitivity chart needs only its own criterion's on
        every tick; working out all of them for it was a fifth of that chart's update."""
        if "stability" in self.__dict__:  # already worked out for all (the weights' bands)
            return self.stability[self.problem.criterion_ids.index(criterion)]
        if criterion not in self._stability_one:
            self._stability_one[criterion] = stability_interval(
                self.problem, self.weights, criterion
            )
        return self._stability_one[criterion]

    def sensitivity(self, criterion: str) -> Sensitivity:
        if criterion not in self._sensitivity:
            many = len(self.problem.option_ids) > CONTENDERS_ABOVE
            self._sensitivity[criterion] = one_way(
                self.problem, self.weights, criterion, self.method, contenders_only=many
            )
        return self._sensitivity[criterion]

    @cached_property
    def weight_changes(self) -> list[WeightChange]:
        return weight_changes(self.decision_set, self.weights, self.problem)

    @cached_property
    def score_changes(self) -> list[ScoreChange]:
        return score_changes(self.decision_set, self.weights, self.problem)

    @cached_property
    def changes(self) -> list[str]:
        known = (self.weight_changes, self.score_changes, self.stability)
        return what_would_change(self.decision_set, self.weights, self.problem, computed=known)

    @cached_property
    def tornado(self) -> Tornado:
        lows, highs = self.ranges
        return tornado(self.problem, self.weights, lows, highs, method=self.method)

    def cached_acceptability(self, settings: SamplingSettings) -> Acceptability | None:
        """A complete run already made for this result and these settings, if there is one."""
        return self._acceptability.get(settings)

    def acceptability(self, settings: SamplingSettings | None = None) -> Acceptability:
        """A full run, synchronously (the PDF and the CLI); the window samples on a thread."""
        settings = settings or SamplingSettings()
        if settings not in self._acceptability:
            lows, highs = self.ranges
            self._acceptability[settings] = rank_acceptability(
                self.problem, self.weights, lows, highs, method=self.method, **settings.options()
            )
        return self._acceptability[settings]
