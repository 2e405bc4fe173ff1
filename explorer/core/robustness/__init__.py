"""Robustness analyses: how far the weights or scores can move before the result changes.

Qt-free and built on explorer.core.engine, so the CLI, the views and the tests share one answer.
Weight stability, what-would-change statements and score crossovers are exact for the weighted
sum; one-way sensitivity, rank acceptability and the tornado also run under TOPSIS by evaluation.
"""

from explorer.core.robustness.analysis import Analysis, SamplingSettings
from explorer.core.robustness.changes import (
    ScoreChange,
    WeightChange,
    score_changes,
    weight_changes,
    what_would_change,
)
from explorer.core.robustness.common import shares, weight_path
from explorer.core.robustness.sensitivity import Crossover, Sensitivity, one_way
from explorer.core.robustness.smaa import (
    Acceptability,
    acceptability_steps,
    concentration,
    rank_acceptability,
    sample_weights,
)
from explorer.core.robustness.source_lens import Lens, implied_value, lens_scores
from explorer.core.robustness.stability import (
    StabilityInterval,
    stability_interval,
    stability_intervals,
)
from explorer.core.robustness.tornado import Tornado, TornadoBar, tornado
from explorer.core.robustness.total_range import (
    TotalRanges,
    near_tie_text,
    total_ranges,
    within_reach,
)

__all__ = [
    "Acceptability",
    "Analysis",
    "Crossover",
    "Lens",
    "SamplingSettings",
    "ScoreChange",
    "Sensitivity",
    "StabilityInterval",
    "Tornado",
    "TornadoBar",
    "TotalRanges",
    "WeightChange",
    "acceptability_steps",
    "concentration",
    "implied_value",
    "lens_scores",
    "near_tie_text",
    "one_way",
    "rank_acceptability",
    "sample_weights",
    "score_changes",
    "shares",
    "stability_interval",
    "stability_intervals",
    "tornado",
    "total_ranges",
    "weight_changes",
    "weight_path",
    "what_would_change",
    "within_reach",
]
