"""The shared Session: one path for weight changes, coalesced so drags never queue work."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer.core.problems import LoadError
from explorer.ui.session import Session


def test_a_burst_of_changes_is_computed_once_on_the_latest_weights(session: Session, qtbot) -> None:
    results = []
    session.resultChanged.connect(lambda: results.append(session.result))
    for value in np.linspace(0.1, 0.7, 25):  # 25 slider ticks within one event-loop turn
        session.set_share("cost", float(value))
    assert results == []  # nothing computed while the burst is still arriving
    qtbot.waitUntil(lambda: len(results) == 1)
    qtbot.wait(20)
    assert len(results) == 1
    assert results[0].weights[0] == pytest.approx(0.7)


def test_weights_changed_reaches_controls_immediately(session: Session) -> None:
    seen = []
    session.weightsChanged.connect(lambda: seen.append(session.shares[0]))
    session.set_share("cost", 0.5)
    assert seen == [pytest.approx(0.5)]


def test_failed_load_keeps_everything(session: Session, tmp_path: Path) -> None:
    before, shares = session.decision_set, session.shares
    (tmp_path / "decision-set.yaml").write_text("schema_version: 1\nid: [unclosed\n")
    with pytest.raises(LoadError):
        session.load(tmp_path)
    assert session.decision_set is before
    assert np.array_equal(session.shares, shares)


def test_reset_returns_to_reference_weights(session: Session) -> None:
    session.set_weights(np.array([2.0, 1.0, 1.0]), as_reference=True)
    session.set_share("time", 0.9)
    session.reset_weights()
    assert session.shares == pytest.approx([0.5, 0.25, 0.25])
