"""Session: the sources lens, the briefing deck and rank-acceptability sampling.

Each is checked against the Qt-free core it drives, so the window shows exactly the numbers the
CLI and the tests compute.
"""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.briefing.deck import DeckSettings
from explorer.core.engine import ScoreMatrix, evaluate
from explorer.core.profiles import dump_profile, parse_profile
from explorer.core.robustness import (
    SamplingSettings,
    lens_scores,
    rank_acceptability,
    stability_intervals,
)
from explorer.ui.state.session import Session


def _done(session: Session) -> bool:
    snap = session.acceptability
    return snap is not None and snap.done and not session.sampling_running


def test_switching_a_source_off_rescores_exactly_as_the_core_says(bundled_session, qtbot):
    s = bundled_session
    first = s.decision_set.sources[0].id
    editorial = ScoreMatrix.from_set(s.decision_set).scores
    assert not s.lens_active and np.array_equal(s.scores, editorial)
    with qtbot.waitSignal(s.resultChanged):
        s.set_source_weight(first, 0.0)
    assert s.lens_active and s.source_weights[first] == 0.0
    expected = lens_scores(s.decision_set, {first: 0.0}).scores
    assert np.array_equal(s.scores, expected)
    assert not np.array_equal(expected, editorial)  # the switch matters on this set
    assert np.allclose(s.result.totals, evaluate(s.problem, s.shares).totals)
    with qtbot.waitSignal(s.resultChanged):
        s.undo_stack.undo()
    assert not s.lens_active and np.array_equal(s.scores, editorial)


def test_lens_and_deck_make_the_profile_unsaved_and_round_trip(bundled_session, qtbot):
    s = bundled_session
    s.mark_saved(s.current_profile("Mine"))
    assert not s.dirty
    source = s.decision_set.sources[1].id
    s.set_source_weight(source, 0.25)
    assert s.dirty
    deck = DeckSettings().with_hidden("tradeoff", True).with_note("ranking", "Pause here.")
    with qtbot.waitSignal(s.deckChanged):
        s.set_deck(deck)
    profile = s.current_profile()
    assert profile.source_weights[source] == 0.25
    assert profile.briefing.hidden == frozenset({"tradeoff"})
    s.mark_saved(profile)
    assert not s.dirty
    s.set_deck(deck.with_note("ranking", "Changed."))
    assert s.dirty

    other = Session()
    other.set_decision_set(s.decision_set)
    reread = parse_profile(dump_profile(profile))
    with qtbot.waitSignal(other.deckChanged):
        other.open_profile(reread)
    other.flush()
    assert other.lens_active and other.source_weights[source] == 0.25
    assert other.deck.note("ranking") == "Pause here."
    assert np.array_equal(other.scores, s.scores)
    assert not other.dirty


def test_snapshot_and_restore_return_every_setting_in_one_undo_step(bundled_session):
    s = bundled_session
    briefed = s.snapshot()
    s.set_share(s.decision_set.criteria[0].id, 0.5)
    s.set_source_weight(s.decision_set.sources[0].id, 0.0)
    s.restore_snapshot(briefed)
    assert np.allclose(s.shares, briefed.shares) and not s.lens_active
    s.undo_stack.undo()
    assert s.lens_active and s.shares[0] == pytest.approx(0.5)


def test_analysis_is_per_result_and_matches_the_core(bundled_session, qtbot):
    s = bundled_session
    first = s.analysis
    assert s.analysis is first  # cached
    core = stability_intervals(s.problem, s.shares)
    assert [(i.low, i.high) for i in first.stability] == [(i.low, i.high) for i in core]
    with qtbot.waitSignal(s.resultChanged):
        s.set_share(s.decision_set.criteria[2].id, 0.4)
    assert s.analysis is not first
    assert s.analysis.stability[2].weight == pytest.approx(0.4)


def test_sampling_runs_only_when_wanted_and_matches_the_core(bundled_session, qtbot):
    s = bundled_session
    s.set_sampling(SamplingSettings(samples=4000, seed=7))
    qtbot.wait(30)
    assert s.acceptability is None and not s.sampling_running  # nobody asked
    seen: list[int] = []
    s.acceptabilityChanged.connect(lambda: seen.append(getattr(s.acceptability, "samples", 0)))
    owner = object()
    s.want_sampling(owner, True)
    qtbot.waitUntil(lambda: _done(s), timeout=10_000)
    assert len({n for n in seen if n}) > 1  # progressive: partial snapshots came first
    _, lows, highs = s.decision_set.matrix()
    settings = SamplingSettings(samples=4000, seed=7)
    core = rank_acceptability(s.problem, s.shares, lows, highs, **settings.options())
    assert np.array_equal(s.acceptability.rank_counts, core.rank_counts)
    assert np.allclose(s.acceptability.acceptability.sum(axis=1), 1.0)
    s.want_sampling(owner, False)
    assert not s.sampling_running


def test_a_weight_change_restarts_sampling_on_the_new_weights(bundled_session, qtbot):
    s = bundled_session
    settings = SamplingSettings(samples=3000, seed=1, weights="around", spread=0.2)
    s.set_sampling(settings)
    owner = object()
    s.want_sampling(owner, True)
    qtbot.waitUntil(lambda: _done(s), timeout=10_000)
    before = s.acceptability
    for value in (0.2, 0.3, 0.6):  # a burst: only the last weights may be sampled
        s.set_share(s.decision_set.criteria[0].id, value)
    qtbot.waitUntil(lambda: _done(s) and s.acceptability is not before, timeout=10_000)
    _, lows, highs = s.decision_set.matrix()
    core = rank_acceptability(s.problem, s.shares, lows, highs, **settings.options())
    assert np.array_equal(s.acceptability.rank_counts, core.rank_counts)
    assert np.nanmax(s.acceptability.central_weights[:, 0]) > 0.4  # sampled around 60 %
    s.want_sampling(owner, False)


def test_sampling_settings_are_checked():
    with pytest.raises(ValueError):
        SamplingSettings(samples=0)
    with pytest.raises(ValueError):
        SamplingSettings(weights="around", spread=1.0)


def test_credibilities_kept_while_the_lens_is_off_are_not_unsaved_work(bundled_session):
    """Unticking "Rescore" keeps the sliders for later, but nothing of them is in effect or
    saved, so the saved profile is not marked unsaved by them (and reopening loses nothing)."""
    s = bundled_session
    s.mark_saved(s.current_profile("Mine"))
    s.set_source_weight(s.decision_set.sources[0].id, 0.3)
    assert s.dirty
    s.set_lens_active(False)
    assert not s.dirty  # the same profile as saved: editorial scores, same weights
    assert s.current_profile().source_weights is None
    assert s.source_weights[s.decision_set.sources[0].id] == 0.3  # remembered in the session
    s.reset_sources()
    assert s.source_weights[s.decision_set.sources[0].id] == 1.0


def test_acceptability_is_marked_stale_when_what_it_sampled_changes(bundled_session, qtbot):
    s = bundled_session
    s.set_sampling(SamplingSettings(samples=2000, seed=2))
    owner = object()
    s.want_sampling(owner, True)
    qtbot.waitUntil(lambda: _done(s), timeout=10_000)
    first = s.acceptability
    assert s.acceptability_current
    # uniform weights: a weight change needs no new run and the numbers stay current
    s.set_share(s.decision_set.criteria[0].id, 0.3)
    s.flush()
    assert s.acceptability is first and s.acceptability_current and not s.sampling_running
    # new scores (a source switched off): the old run is kept on screen but is not current
    s.set_source_weight(s.decision_set.sources[0].id, 0.0)
    s.flush()
    assert not s.acceptability_current or s.acceptability is not first
    qtbot.waitUntil(lambda: _done(s) and s.acceptability is not first, timeout=10_000)
    assert s.acceptability_current
    s.want_sampling(owner, False)
