"""One Weighting per profile: everything the profile sets, in the set's order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer.core.briefing.deck import DeckSettings
from explorer.core.engine import Method
from explorer.core.loader import load_decision_set
from explorer.core.profiles import profile_from_weights
from explorer.core.weighting import weighting_of


def test_a_profile_carries_weights_locks_method_credibility_lens_and_deck(
    bundled_path: Path,
) -> None:
    ds = load_decision_set(bundled_path).decision_set
    n = len(ds.criteria)
    weights = np.arange(1, n + 1, dtype=float)
    locked = np.zeros(n, dtype=bool)
    locked[3] = True
    deck = DeckSettings().with_hidden("tradeoff", True)
    source = ds.sources[1].id
    profile = profile_from_weights(
        ds,
        weights / weights.sum(),
        Method.TOPSIS,
        locked,
        name="test",
        source_weights={source: 0.2},
        briefing=deck,
    )
    w = weighting_of(profile, ds)
    assert w.shares == pytest.approx(weights / weights.sum(), abs=1e-6)
    assert w.locked.tolist() == locked.tolist()
    assert w.method is Method.TOPSIS
    assert w.lens
    assert w.credibility[1] == pytest.approx(0.2)
    assert np.all(np.delete(w.credibility, 1) == 1.0)  # sources it does not name: full trust
    assert "tradeoff" in w.deck.hidden


def test_without_source_weights_the_lens_is_off(bundled_path: Path) -> None:
    ds = load_decision_set(bundled_path).decision_set
    n = len(ds.criteria)
    profile = profile_from_weights(ds, np.full(n, 1 / n), Method.WSM, np.zeros(n, bool), name="x")
    w = weighting_of(profile, ds)
    assert not w.lens and np.all(w.credibility == 1.0)
