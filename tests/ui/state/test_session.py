"""The shared Session: one path for weight changes, coalesced so drags never queue work."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer.core.problems import LoadError
from explorer.ui.state.session import Session


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


def test_opening_a_profile_applies_it_and_tracks_unsaved_changes(
    bundled_session: Session, bundled_path: Path
) -> None:
    from explorer.core.profiles import load_profile

    session = bundled_session
    starter = sorted((bundled_path / "profiles").glob("*.yaml"))[0]
    profile = load_profile(starter)
    changes = []
    session.profileChanged.connect(lambda: changes.append(session.dirty))
    applied = session.open_profile(profile)
    assert session.active_profile == profile and not session.dirty
    weights = np.array([profile.weights[c] for c in session.decision_set.criterion_ids])
    assert session.shares == pytest.approx(weights / weights.sum())
    assert applied.missing == ()
    session.set_share(session.decision_set.criterion_ids[0], 0.5)
    assert session.dirty and changes[-1] is True
    session.undo_stack.undo()
    assert not session.dirty  # back to exactly what was opened
    session.set_share(session.decision_set.criterion_ids[0], 0.5)
    saved = session.current_profile()
    session.mark_saved(saved)
    assert not session.dirty and session.active_profile.weights == saved.weights


def test_a_profile_for_another_set_is_refused_and_changes_nothing(session: Session) -> None:
    from explorer.core.profiles import Profile

    shares = session.shares
    with pytest.raises(LoadError, match="not 'commute'"):
        session.open_profile(Profile("x", "some-other-set", {"cost": 1.0}))
    assert np.array_equal(session.shares, shares) and session.active_profile is None
