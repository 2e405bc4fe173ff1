"""What the sources lens changes, counted and phrased: rescored cells, leader, usage, spreads."""

from __future__ import annotations

import numpy as np
import pytest
from test_robustness_lens import lens_set

from explorer import paths
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.robustness import lens_scores
from explorer.core.robustness.lens_summary import (
    disagreement_level,
    disagreement_phrase,
    full_warning_points,
    points,
    rescored_cells,
    source_usage,
    summarise_lens,
)


@pytest.fixture(scope="module")
def bundled():
    return load_decision_set(paths.bundled_set()).decision_set


def test_counts_cells_that_look_different_and_the_leader(bundled) -> None:
    ds = bundled
    shares = np.full(len(ds.criteria), 1 / len(ds.criteria))
    credibility = {ds.sources[0].id: 0.0, ds.sources[1].id: 0.4}
    lens = lens_scores(ds, credibility)
    summary = summarise_lens(ds, lens, credibility, shares, Method.WSM, active=True)
    editorial, _, _ = ds.matrix()
    expected = int(np.sum(np.abs(lens.scores - editorial) > 0.005))
    assert expected > 0 and summary.rescored == expected
    diff = np.abs(lens.scores - editorial)
    assert summary.largest_shift == pytest.approx(diff.max())
    before = evaluate(ScoreMatrix.from_set(ds), shares)
    after = evaluate(ScoreMatrix.from_set(ds).with_scores(lens.scores), shares)
    assert summary.leaders_editorial == (ds.options[int(before.order[0])].name,)
    assert summary.leaders_lens == (ds.options[int(after.order[0])].name,)
    assert summary.moved == int(np.sum(before.ranks != after.ranks))
    assert summary.sources_off == (ds.sources[0].title,)
    assert summary.sources_reduced == (ds.sources[1].title,)
    text = summary.text
    assert text.startswith(f"{expected} cells rescored (by up to {points(diff.max())} points)")
    assert "1 source off, 1 trusted less." in text
    if summary.leader_changes:
        assert "leader changes:" in text
    else:
        assert f"leader unchanged ({summary.leaders_lens[0]})" in text


def test_inactive_lens_says_what_switching_on_would_do() -> None:
    ds = lens_set()
    lens = lens_scores(ds)
    summary = summarise_lens(ds, lens, {}, np.ones(4) / 4, active=False)
    # m: 5.5 against the editorial 5, n: 8 against 7; u (unassessed) and k (no quotes) kept
    assert summary.rescored == 2 and summary.largest_shift == pytest.approx(1.0)
    assert summary.text == (
        "Off: the editorial scores are in use. Switched on, it would rescore 2 cells; "
        "the leader would stay O."
    )
    active = summarise_lens(ds, lens_scores(ds, {"s1": 0, "s2": 0}), {"s1": 0, "s2": 0}, [1] * 4)
    # only s3's 9 is left, on m; n falls back to its editorial 7
    assert active.rescored == 1
    assert active.text == (
        "1 cell rescored (by up to 4 points); leader unchanged (O). 2 sources off."
    )


def test_rescored_cells_ignores_invisible_differences() -> None:
    editorial = np.array([[5.0, 7.0, 3.0]])
    scores = np.array([[5.004, 7.5, 3.0]])
    np.testing.assert_array_equal(rescored_cells(editorial, scores), [[False, True, False]])


def test_source_usage_counts_quotes_cells_and_numbers() -> None:
    usage = source_usage(lens_set())
    assert (usage["s1"].quotes, usage["s1"].cells, usage["s1"].numeric) == (4, 3, 2)
    assert (usage["s2"].quotes, usage["s2"].cells, usage["s2"].numeric) == (2, 2, 2)
    assert (usage["s3"].quotes, usage["s3"].cells, usage["s3"].numeric) == (1, 1, 1)


def test_disagreement_level_is_relative_to_half_the_scale(bundled) -> None:
    ds = lens_set()  # every criterion 0..10: full colour at 5 points
    level = disagreement_level(ds, np.array([[0.0, 2.5, 5.0, 9.0]]))
    np.testing.assert_allclose(level, [[0.0, 0.5, 1.0, 1.0]])
    assert full_warning_points(ds) == 5.0
    assert full_warning_points(bundled) == 5.0


def test_disagreement_phrase() -> None:
    assert disagreement_phrase(3, 4.0) == "3 sources, 4 points apart"
    assert disagreement_phrase(2, 1.0) == "2 sources, 1 point apart"
    assert disagreement_phrase(2, 2.25) == "2 sources, 2.25 points apart"
    assert disagreement_phrase(2, 0.0) == "2 sources, in agreement"
    assert disagreement_phrase(1, 0.0).startswith("1 source implies a score")
    assert disagreement_phrase(0, 0.0) == "no source implies a score"
