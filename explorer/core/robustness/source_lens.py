"""Sources as a lens: rescore every cell from its quotes with each source trusted 0–1.

Rule for a cell, given a credibility c_s in 0..1 per source (1 when not given, 0 = switched off):

* each quote implies a number: its `implied_score` when it has one; a *supporting* quote without
  one implies the cell's own editorial score (it backs the score as written); a *contradicting*
  quote without one implies no number (it says the score is wrong, not where the truth is), so it
  adds nothing to the mean;
* the cell's score is the credibility-weighted mean of those numbers, each quote weighted by its
  source's credibility (so a source quoted twice counts twice, as it does in the evidence panel);
* a cell left with no weighted number (every quote's source off, or no usable quote) keeps its
  editorial score; unassessed cells keep their neutral midpoint — the lens never invents a score
  the editors declined to give.

Quotes from switched-off sources are skipped outright rather than multiplied by zero, so turning a
source off gives bit-for-bit the scores of the same set with that source's quotes deleted.

With every source at full credibility the lens shows the evidence's own consensus, which differs
from the editorial score wherever quotes imply other numbers (that gap is part of the point).

Disagreement per cell is max − min of the active sources' own implied scores (each source's mean
over its numeric quotes in the cell), ignoring credibility except that switched-off sources do
not count: a range reads directly in score units ("the sources are 3 points apart"), where a
standard deviation over two or three sources would be unstable. It is 0 with fewer than two
sources giving numbers; `voices` says how many did, so a view can tell "agree" from "alone".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from explorer.core.model import Assessment, DecisionSet, Evidence, Stance


@dataclass(frozen=True)
class Lens:
    scores: np.ndarray  # options × criteria, ready for ScoreMatrix.with_scores
    disagreement: np.ndarray  # options × criteria, max − min of the sources' implied scores
    voices: np.ndarray  # options × criteria ints: active sources implying a number
    weight: np.ndarray  # options × criteria: total credibility behind each recomputed score
    kept: np.ndarray  # options × criteria bools: editorial (or midpoint) score kept


def implied_value(cell: Assessment, evidence: Evidence) -> float | None:
    """The number a quote stands for under the rule above, or None."""
    if evidence.implied_score is not None:
        return float(evidence.implied_score)
    if evidence.stance is Stance.SUPPORTS and cell.score is not None:
        return float(cell.score)
    return None


def check_credibility(decision_set: DecisionSet, credibility: Mapping[str, float]) -> None:
    known = {s.id for s in decision_set.sources}
    for source, value in credibility.items():
        if source not in known:
            raise KeyError(f"unknown source {source!r}")
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"credibility of {source!r} must be between 0 and 1, not {value}")


def lens_scores(decision_set: DecisionSet, credibility: Mapping[str, float] | None = None) -> Lens:
    """Scores recomputed from the evidence with the given source credibilities."""
    credibility = dict(credibility or {})
    check_credibility(decision_set, credibility)
    editorial, _, _ = decision_set.matrix()
    shape = editorial.shape
    scores = editorial.copy()
    disagreement = np.zeros(shape)
    voices = np.zeros(shape, dtype=int)
    weight = np.zeros(shape)
    kept = np.ones(shape, dtype=bool)
    for i, option in enumerate(decision_set.options):
        for j, crit in enumerate(decision_set.criteria):
            cell = decision_set.assessment(option.id, crit.id)
            if cell.unassessed:
                continue
            numerator = denominator = 0.0
            by_source: dict[str, list[float]] = {}
            for ev in cell.evidence:
                c = float(credibility.get(ev.source, 1.0))
                value = implied_value(cell, ev)
                if c <= 0.0 or value is None:
                    continue  # skipped, not zero-weighted: see the module docstring
                numerator += c * value
                denominator += c
                by_source.setdefault(ev.source, []).append(value)
            if denominator > 0.0:
                scores[i, j] = numerator / denominator
                weight[i, j] = denominator
                kept[i, j] = False
            means = [sum(v) / len(v) for v in by_source.values()]
            voices[i, j] = len(means)
            if len(means) > 1:
                disagreement[i, j] = max(means) - min(means)
    return Lens(scores, disagreement, voices, weight, kept)
