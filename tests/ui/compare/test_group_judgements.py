"""The group view combines stakeholders' pairwise judgements (geometric mean), not only their
weights, and can put the result on the sliders."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from explorer.core.elicitation.ahp import Comparison, ahp
from explorer.core.elicitation.group import aggregate_judgements, combine_pairwise
from explorer.core.elicitation.record import Elicitation, Kind
from explorer.core.profiles import profile_from_weights
from explorer.ui.compare.group_panel import GroupPanel

PEOPLE = [
    [
        Comparison("cost", "time", 3),
        Comparison("cost", "health", 5),
        Comparison("time", "health", 2),
    ],
    [
        Comparison("cost", "time", 1),
        Comparison("health", "cost", 2),
        Comparison("time", "health", 1),
    ],
    [Comparison("time", "cost", 2), Comparison("cost", "health", 1)],  # one pair left out
]


def profiles(ds):
    out = []
    for k, judgements in enumerate(PEOPLE):
        result = ahp(ds.criterion_ids, judgements)
        record = Elicitation(Kind.AHP, result.weights, comparisons=tuple(judgements))
        weights = [result.weights[c] for c in ds.criterion_ids]
        p = profile_from_weights(ds, weights, name=f"P{k}", elicitation=record)
        out.append(p)
    return out


def test_combine_pairwise_is_ahp_of_the_geometric_means(session):
    ds = session.decision_set
    records = [p.elicitation for p in profiles(ds)]
    combined = combine_pairwise([*records, None], ds.criterion_ids)
    expected = ahp(ds.criterion_ids, aggregate_judgements(PEOPLE))
    assert combined.weights == pytest.approx(expected.weights)
    assert combined.people == 3
    assert combined.consistency_ratio == pytest.approx(expected.consistency_ratio)
    assert combine_pairwise(records[:1], ds.criterion_ids) is None
    grouped = replace(records[0], groups={"a": ("cost", "time"), "b": ("health",)})
    with pytest.raises(ValueError, match="differently"):
        combine_pairwise([grouped, records[1]], ds.criterion_ids)


def test_the_group_panel_offers_the_combined_judgements(qtbot, session):
    ds = session.decision_set
    panel = GroupPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_profiles(profiles(ds), ds)
    combined = combine_pairwise([p.elicitation for p in profiles(ds)], ds.criterion_ids)
    assert combined.people == 3
    assert "3 people compared criteria in pairs" in panel.judgements.text()
    assert panel.use_judgements.isVisible()
    qtbot.mouseClick(panel.use_judgements, Qt.MouseButton.LeftButton)
    session.flush()
    np.testing.assert_allclose(session.shares, [combined.weights[c] for c in ds.criterion_ids])
    assert session.undo_stack.undoText() == "Group's combined judgements"
    assert session.elicitation.people == 3
    panel.set_profiles(profiles(ds)[:1], ds)  # one person: nothing to combine
    assert not panel.use_judgements.isVisible() and not panel.judgements.isVisible()
