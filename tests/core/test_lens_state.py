"""LensState: which scores the engine uses."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.engine import ScoreMatrix
from explorer.core.loader import load_decision_set
from explorer.core.robustness import lens_scores
from explorer.core.robustness.lens_state import LensState
from explorer.core.weighting import credibility_for


def test_off_means_editorial_and_on_means_the_lens(bundled_path):
    ds = load_decision_set(bundled_path).decision_set
    state = LensState(ds)
    editorial = ScoreMatrix.from_set(ds).scores
    assert not state.active and np.array_equal(state.problem.scores, editorial)
    cred = credibility_for(ds, {ds.sources[2].id: 0.5})
    assert cred[2] == 0.5 and cred.sum() == pytest.approx(len(ds.sources) - 0.5)
    state.set(cred, True)
    expected = lens_scores(ds, {ds.sources[2].id: 0.5}).scores
    assert np.array_equal(state.problem.scores, expected)
    state.set(cred, False)  # off again: editorial, but disagreement still for these weights
    assert np.array_equal(state.problem.scores, editorial)
    assert state.weights[ds.sources[2].id] == 0.5
    with pytest.raises(ValueError):
        state.set(np.ones(1), True)
