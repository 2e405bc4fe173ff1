"""What-would-change statements and the tornado: the sentences must say what the numbers say.

The hand set (x, y higher-is-better on 0..10; equal weights):
    A  x 8 (range 6–9)   y 2 (2–2)    total 0.5, leader
    B  x 2 (range 1–5)   y 6 (5–7)    total 0.4, runner-up
B overtakes A when x's share falls below 0.4 or y's rises above 0.6. The gap is 0.1, so one cell
must move desirability by 0.1 / 0.5 = 0.2 (2 points): B's x 2 → 4, B's y 6 → 8, A's x 8 → 6
(A's y would need −0, below the scale).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import numpy as np
import pytest

from explorer import paths
from explorer.core.engine import Method, ScoreMatrix, evaluate
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
from explorer.core.robustness import (
    score_changes,
    tornado,
    weight_changes,
    weight_path,
    what_would_change,
)

WEIGHT_TEXT = re.compile(
    r"^(?P<challenger>.+) overtakes (?P<leader>.+) if the weight on (?P<criterion>.+) "
    r"(?P<direction>rises|falls) from (?P<now>[\d.]+) % to (?P<then>[\d.]+) %"
)
SCORE_TEXT = re.compile(
    r"score on (?P<criterion>.+) were (?P<proposed>-?[\d.]+) instead of (?P<current>-?[\d.]+) "
    r"\((?:unassessed, counted as the midpoint; )?range (?P<low>-?[\d.]+)–(?P<high>-?[\d.]+); "
    r"(?:no quotes|(?P<quotes>\d+) quotes? from (?P<sources>\d+) sources?)\), "
    r"(?P<where>inside|outside) that range$"
)


def hand_set() -> DecisionSet:
    crits = tuple(Criterion(c, f"Crit {c}", "hand", Direction.HIGHER_IS_BETTER) for c in "xy")
    options = (Option("a", "Alpha", "hand"), Option("b", "Beta", "hand"))
    src = (Source("s1", "One", "one.txt", "one.txt", ""), Source("s2", "Two", "two.txt", "", ""))
    two = (Evidence("s1", "q1", Stance.SUPPORTS), Evidence("s2", "q2", Stance.SUPPORTS))
    cells = {
        ("a", "x"): Assessment("a", "x", 8.0, 6.0, 9.0, evidence=two[:1]),
        ("a", "y"): Assessment("a", "y", 2.0, 2.0, 2.0),
        ("b", "x"): Assessment("b", "x", 2.0, 1.0, 5.0, evidence=two),
        ("b", "y"): Assessment("b", "y", 6.0, 5.0, 7.0, evidence=two[:1] * 3),
    }
    return DecisionSet("hand", "Hand", "?", crits, src, options, cells)


@pytest.fixture(scope="module")
def bundled() -> DecisionSet:
    return load_decision_set(paths.bundled_set()).decision_set


def test_weight_changes_by_hand() -> None:
    ds = hand_set()
    changes = {c.criterion: c for c in weight_changes(ds, np.ones(2))}
    x, y = changes["x"], changes["y"]
    assert (x.leader, x.challenger, x.direction) == ("a", "b", "falls")
    assert x.threshold == pytest.approx(0.4) and x.proposed == pytest.approx(0.39)
    assert x.text == "Beta overtakes Alpha if the weight on Crit x falls from 50 % to 39 %"
    assert y.direction == "rises" and y.threshold == pytest.approx(0.6)
    assert y.text == "Beta overtakes Alpha if the weight on Crit y rises from 50 % to 61 %"


def test_score_changes_by_hand() -> None:
    changes = {(c.option, c.criterion): c for c in score_changes(hand_set(), np.ones(2))}
    assert set(changes) == {("b", "x"), ("b", "y"), ("a", "x")}  # a's y cannot fall below 0
    bx = changes[("b", "x")]
    assert bx.threshold == pytest.approx(4.0) and bx.proposed == pytest.approx(4.1)
    assert bx.within_range and bx.quotes == 2 and bx.sources == ("s1", "s2")
    assert bx.text == (
        "Beta would overtake Alpha if its score on Crit x were 4.1 instead of 2 "
        "(range 1–5; 2 quotes from 2 sources), inside that range"
    )
    by = changes[("b", "y")]
    assert by.proposed == pytest.approx(8.1) and not by.within_range
    assert by.text.endswith("(range 5–7; 3 quotes from 1 source), outside that range")
    ax = changes[("a", "x")]
    assert ax.new_leader == "b" and ax.proposed == pytest.approx(5.9) and not ax.within_range
    assert ax.text == (
        "Beta would take the lead from Alpha if Alpha's score on Crit x were 5.9 instead of 8 "
        "(range 6–9; 1 quote from 1 source), outside that range"
    )


def _check_weight_sentences(ds: DecisionSet, weights: np.ndarray) -> int:
    problem = ScoreMatrix.from_set(ds)
    names = {o.id: o.name for o in ds.options}
    w = weights / weights.sum()
    changes = weight_changes(ds, weights)
    for c in changes:
        m = WEIGHT_TEXT.match(c.text)
        assert m, c.text
        assert m["challenger"] == names[c.challenger] and m["leader"] == names[c.leader]
        assert m["criterion"] == ds.criterion(c.criterion).name
        assert float(m["now"]) == pytest.approx(c.current * 100, abs=0.5)
        then = float(m["then"]) / 100
        assert then == pytest.approx(c.proposed, abs=1e-12)
        # The quoted share is past the tie, on the side the sentence says, and true as written.
        assert (then > c.threshold) if m["direction"] == "rises" else (then < c.threshold)
        j = ds.criterion_ids.index(c.criterion)
        totals = evaluate(problem, weight_path(w, j, np.array([then]))[0]).totals
        ids = ds.option_ids
        assert totals[ids.index(c.challenger)] > totals[ids.index(c.leader)]
    sizes = [c.size for c in changes]
    assert sizes == sorted(sizes)
    return len(changes)


def _check_score_sentences(ds: DecisionSet, weights: np.ndarray) -> int:
    problem = ScoreMatrix.from_set(ds)
    ids = ds.option_ids
    changes = score_changes(ds, weights)
    for c in changes:
        m = SCORE_TEXT.search(c.text)
        assert m, c.text
        assert m["criterion"] == ds.criterion(c.criterion).name
        assert float(m["proposed"]) == pytest.approx(c.proposed)
        assert float(m["current"]) == pytest.approx(c.current)
        assert (float(m["low"]), float(m["high"])) == pytest.approx((c.low, c.high))
        cell = ds.assessment(c.option, c.criterion)
        assert int(m["quotes"] or 0) == len(cell.evidence)
        assert int(m["sources"] or 0) == len({e.source for e in cell.evidence})
        assert (m["where"] == "inside") == (c.low <= c.proposed <= c.high)
        i, k = ids.index(c.option), ds.criterion_ids.index(c.criterion)
        for value, ahead in ((c.threshold, None), (float(m["proposed"]), c.new_leader)):
            scores = problem.scores.copy()
            scores[i, k] = value
            totals = evaluate(problem.with_scores(scores), weights).totals
            lead, new = totals[ids.index(c.leader)], totals[ids.index(c.new_leader)]
            if ahead is None:  # the exact threshold is a tie
                assert new == pytest.approx(lead, abs=1e-9)
            else:
                assert new > lead and ids[int(np.argmax(totals))] == ahead
    relative = [round(c.relative, 9) for c in changes]  # exact ties differ by float noise
    assert relative == sorted(relative)
    return len(changes)


def test_sentences_match_their_numbers(commute_path: Path, bundled: DecisionSet) -> None:
    ds = load_decision_set(commute_path).decision_set
    found = 0
    for weights in (np.ones(3), np.array([0.1, 0.6, 0.3]), np.array([0.0, 0.55, 0.45])):
        found += _check_weight_sentences(ds, weights) + _check_score_sentences(ds, weights)
    rng = np.random.default_rng(7)
    for weights in (np.ones(len(bundled.criteria)), rng.random(len(bundled.criteria))):
        found += _check_weight_sentences(bundled, weights)
        found += _check_score_sentences(bundled, weights)
    assert found > 10


def test_what_would_change_lists_weights_then_scores(commute_path: Path) -> None:
    ds = load_decision_set(commute_path).decision_set
    texts = what_would_change(ds, np.ones(3))
    assert texts == [
        "Car overtakes Bicycle if the weight on Door-to-door time rises from 33 % to 76 %",
        "Bicycle stays ahead whatever the weight on Monthly cost or Health benefit "
        "(each moved alone)",
    ]
    texts = what_would_change(hand_set(), np.ones(2), score_limit=1)
    assert len(texts) == 3 and texts[-1].startswith("Beta would overtake Alpha if its score")


def test_tornado_margin_by_hand() -> None:
    ds = hand_set()
    _, lows, highs = ds.matrix()
    t = tornado(ScoreMatrix.from_set(ds), np.ones(2), lows, highs)
    assert (t.leader, t.runner_up, t.base) == ("a", "b", pytest.approx(0.1))
    got = [(b.option, b.criterion, b.at_low, b.at_high, b.swing) for b in t.bars]
    assert got == [
        ("b", "x", pytest.approx(0.15), pytest.approx(-0.05), pytest.approx(0.2)),
        ("a", "x", pytest.approx(0.0), pytest.approx(0.15), pytest.approx(0.15)),
        ("b", "y", pytest.approx(0.15), pytest.approx(0.05), pytest.approx(0.1)),
    ]  # a's y has no range, so no bar
    assert [b.flips for b in t.bars] == [True, False, False]


def test_tornado_total_only_moves_with_the_leaders_cells() -> None:
    ds = hand_set()
    _, lows, highs = ds.matrix()
    t = tornado(ScoreMatrix.from_set(ds), np.ones(2), lows, highs, measure="total")
    assert [(b.option, b.criterion) for b in t.bars] == [("a", "x")]
    assert (t.bars[0].at_low, t.bars[0].at_high) == (pytest.approx(0.4), pytest.approx(0.55))


@pytest.mark.parametrize("method", [Method.WSM, Method.TOPSIS])
def test_tornado_agrees_with_the_engine(commute_path: Path, method: Method) -> None:
    ds = load_decision_set(commute_path).decision_set
    problem = ScoreMatrix.from_set(ds)
    _, lows, highs = ds.matrix()
    w = np.array([0.3, 0.3, 0.4])
    t = tornado(problem, w, lows, highs, method=method)
    ids = ds.option_ids
    top = ids.index(t.leader)
    assert [b.swing for b in t.bars] == sorted((b.swing for b in t.bars), reverse=True)
    bars = {(b.option, b.criterion): b for b in t.bars}
    for i, option in enumerate(ids):
        for k, crit in enumerate(ds.criterion_ids):
            margins = []
            for bound in (lows, highs):
                scores = problem.scores.copy()
                scores[i, k] = bound[i, k]
                totals = evaluate(problem.with_scores(scores), w, method).totals
                margins.append(totals[top] - np.delete(totals, top).max())
            if (option, crit) in bars:
                bar = bars[(option, crit)]
                assert (bar.at_low, bar.at_high) == pytest.approx(margins, abs=1e-12)
            else:  # left out only when the cell's range cannot move the margin
                assert margins[0] == pytest.approx(margins[1], abs=1e-12)
    # Under the weighted sum car (third) cannot move bike's margin over bus; under TOPSIS any
    # score moves every option's closeness.
    assert len(bars) == (6 if method is Method.WSM else 9)


def test_unassessed_cells_and_ties_are_said_plainly() -> None:
    ds = hand_set()
    cells = dict(ds.assessments)
    cells[("b", "y")] = Assessment("b", "y", None, None, None)  # midpoint 5, range 0–10
    unassessed = dataclasses.replace(ds, assessments=cells)
    by = next(
        c for c in score_changes(unassessed, np.ones(2)) if c.option == "b" and c.criterion == "y"
    )
    assert by.unassessed and by.threshold == pytest.approx(8.0)
    assert by.text == (
        "Beta would overtake Alpha if its score on Crit y were 8.1 instead of 5 "
        "(unassessed, counted as the midpoint; range 0–10; no quotes), inside that range"
    )
    cells[("b", "y")] = Assessment("b", "y", 8.0, 8.0, 8.0)  # Beta now totals 0.5 too
    tied = dataclasses.replace(ds, assessments=cells)
    texts = what_would_change(tied, np.ones(2))
    assert texts[0] == "Alpha and Beta are tied for the lead at the current weights"


def test_analysis_reuses_its_lists_and_says_the_same(bundled_path) -> None:
    """The window's Analysis hands its cached lists to what_would_change: same sentences."""
    import numpy as np

    from explorer.core.engine import ScoreMatrix
    from explorer.core.loader import load_decision_set
    from explorer.core.robustness import Analysis, what_would_change

    ds = load_decision_set(bundled_path).decision_set
    w = np.linspace(1, 2, len(ds.criteria))
    analysis = Analysis(ds, ScoreMatrix.from_set(ds), w)
    assert analysis.changes == what_would_change(ds, w, ScoreMatrix.from_set(ds))
