"""Sources as a lens: rescoring from the quotes, and switching a source off removes it exactly."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from explorer import paths
from explorer.core.engine import ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import (
    Assessment,
    Criterion,
    DecisionSet,
    Direction,
    Evidence,
    Option,
    Source,
    Stance,
)
from explorer.core.robustness import implied_value, lens_scores

S, C = Stance.SUPPORTS, Stance.CONTRADICTS


def lens_set() -> DecisionSet:
    """One option, four criteria (0..10, higher is better), three sources."""
    crits = tuple(Criterion(c, c, "hand", Direction.HIGHER_IS_BETTER) for c in ("m", "n", "u", "k"))
    sources = tuple(Source(s, s.upper(), f"{s}.txt", f"{s}.txt", "") for s in ("s1", "s2", "s3"))
    cells = {
        # m: s1 says 6 and (no number, supporting) backs the editorial 5; s2 says 2; s3 says 9
        ("o", "m"): Assessment(
            "o",
            "m",
            5.0,
            2.0,
            9.0,
            evidence=(
                Evidence("s1", "a", S, 6.0),
                Evidence("s2", "b", C, 2.0),
                Evidence("s1", "c", S),
                Evidence("s3", "d", S, 9.0),
            ),
        ),
        # n: only s2, plus an unnumbered contradiction from s1 that implies nothing
        ("o", "n"): Assessment(
            "o", "n", 7.0, 6.0, 8.0, evidence=(Evidence("s2", "e", S, 8.0), Evidence("s1", "f", C))
        ),
        ("o", "u"): Assessment("o", "u", None, None, None, evidence=(Evidence("s1", "g", S, 1.0),)),
        ("o", "k"): Assessment("o", "k", 4.0, 4.0, 4.0),  # no quotes at all
    }
    return DecisionSet("lens", "Lens", "?", crits, sources, (Option("o", "O", "hand"),), cells)


def without_source(ds: DecisionSet, source: str) -> DecisionSet:
    cells = {
        key: dataclasses.replace(
            cell, evidence=tuple(e for e in cell.evidence if e.source != source)
        )
        for key, cell in ds.assessments.items()
    }
    return dataclasses.replace(ds, assessments=cells)


def test_full_credibility_is_the_plain_mean_of_implied_scores() -> None:
    lens = lens_scores(lens_set())
    m, n, u, k = lens.scores[0]
    assert m == pytest.approx((6 + 2 + 5 + 9) / 4)  # the unnumbered support counts as 5
    assert n == 8.0  # the unnumbered contradiction adds nothing
    assert u == 5.0  # unassessed keeps its neutral midpoint even with a numbered quote
    assert k == 4.0  # no quotes: the editorial score stays
    np.testing.assert_array_equal(lens.kept[0], [False, False, True, True])
    np.testing.assert_array_equal(lens.voices[0], [3, 1, 0, 0])
    # per-source means on m: s1 (6 + 5) / 2 = 5.5, s2 2, s3 9 → spread 7
    np.testing.assert_allclose(lens.disagreement[0], [7.0, 0.0, 0.0, 0.0])


def test_credibility_weights_each_quote_by_its_source() -> None:
    lens = lens_scores(lens_set(), {"s2": 0.5, "s3": 0.25})
    expected = (6 + 5 + 0.5 * 2 + 0.25 * 9) / (2 + 0.5 + 0.25)
    assert lens.scores[0, 0] == pytest.approx(expected)
    assert lens.weight[0, 0] == pytest.approx(2.75)
    assert lens.disagreement[0, 0] == pytest.approx(7.0)  # credibility does not shrink a dispute


def test_switching_a_source_off_removes_it_exactly() -> None:
    ds = lens_set()
    off = lens_scores(ds, {"s2": 0.0})
    gone = lens_scores(without_source(ds, "s2"))
    np.testing.assert_array_equal(off.scores, gone.scores)
    np.testing.assert_array_equal(off.disagreement, gone.disagreement)
    assert off.scores[0, 0] == pytest.approx((6 + 5 + 9) / 3)
    assert off.scores[0, 1] == 7.0 and off.kept[0, 1]  # n had only s2's number: editorial again
    assert off.disagreement[0, 0] == pytest.approx(3.5)  # s1 5.5 vs s3 9


def test_switching_off_each_bundled_source_equals_deleting_its_quotes() -> None:
    ds = load_decision_set(paths.bundled_set()).decision_set
    base = lens_scores(ds)
    ids = [s.id for s in ds.sources]
    for k, source in enumerate(ids):
        other = ids[(k + 1) % len(ids)]  # a partly trusted source alongside, to test weighting too
        off = lens_scores(ds, {source: 0.0, other: 0.7})
        gone = lens_scores(without_source(ds, source), {other: 0.7})
        np.testing.assert_array_equal(off.scores, gone.scores)
        np.testing.assert_array_equal(off.disagreement, gone.disagreement)
        assert not np.array_equal(off.scores, base.scores)  # every source matters somewhere
    # The lens feeds the engine directly.
    problem = ScoreMatrix.from_set(ds).with_scores(base.scores)
    assert evaluate(problem, np.ones(len(ds.criteria))).totals.shape == (len(ds.options),)


def test_implied_value_rule() -> None:
    cell = Assessment("o", "m", 5.0, 4.0, 6.0)
    assert implied_value(cell, Evidence("s", "q", S, 3.0)) == 3.0
    assert implied_value(cell, Evidence("s", "q", C, 3.0)) == 3.0
    assert implied_value(cell, Evidence("s", "q", S)) == 5.0
    assert implied_value(cell, Evidence("s", "q", C)) is None


def test_bad_credibility_is_refused() -> None:
    with pytest.raises(KeyError):
        lens_scores(lens_set(), {"nobody": 0.5})
    with pytest.raises(ValueError):
        lens_scores(lens_set(), {"s1": 1.5})
