"""The evidence check on a set small enough to work out by hand (tests/fixtures/audit-small).

The set: criteria gain (higher is better) and harm (lower is better), both 0..10, equal weights,
weighted sum, so an option's total is 0.5·gain/10 + 0.5·(1 − harm/10). Sources P, Q, R.

    cell          score  quotes (source stance implied)            lens, all trusted
    extend gain     8    P sup 8, Q con 2                            (8 + 2) / 2 = 5
    extend harm     2    P sup 2                                     2
    yield gain      6    Q sup 6, R sup 8                            (6 + 8) / 2 = 7
    yield harm      4    Q sup 4, R sup 3                            (4 + 3) / 2 = 3.5
    stop gain       4    R sup (no number: backs its 4), Q con (—)   4
    stop harm       5    Q con (no number)                           none: keeps 5

Totals (gain part + harm part):
    scored:        extend 0.40 + 0.40 = 0.80   yield 0.30 + 0.30 = 0.60   stop 0.20 + 0.25 = 0.45
    implied:       extend 0.25 + 0.40 = 0.65   yield 0.35 + 0.325 = 0.675 stop 0.45
    without P:     extend gain 2 (Q alone), harm keeps 2: 0.10 + 0.40 = 0.50; yield 0.675; stop 0.45
    without Q:     extend 8, 2: 0.80; yield 8, 3: 0.40 + 0.35 = 0.75; stop 0.45
    without R:     extend 0.65; yield 6, 4: 0.60; stop gain keeps 4: 0.45
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np
import pytest

from explorer import paths
from explorer.core.audit import audit
from explorer.core.briefing.content import BriefingState, option_content
from explorer.core.briefing.reliance import evidence_headline, reliance_content
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.export_csv import evidence_csv
from explorer.core.loader import load_decision_set
from explorer.core.model import DecisionSet
from explorer.core.robustness.lens_state import LensState
from explorer.core.weighting import credibility_for

SMALL = Path(__file__).resolve().parent.parent / "fixtures" / "audit-small"
EQUAL = np.ones(2)


def bundled() -> DecisionSet:
    return load_decision_set(
        paths.bundled_set(), strict=True, search_dirs=[paths.sources_dir()]
    ).decision_set


@pytest.fixture(scope="module")
def small() -> DecisionSet:
    return load_decision_set(SMALL, strict=True).decision_set


def cells(ds: DecisionSet, credibility: dict[str, float] | None = None) -> dict:
    return {(c.option, c.criterion): c for c in audit(ds, EQUAL, credibility=credibility).cells}


def test_each_cell_against_its_evidence(small: DecisionSet) -> None:
    got = {
        key: (c.score, c.implied, c.gap, c.sources, c.unopposed, c.supports, c.contradicts)
        for key, c in cells(small).items()
    }
    assert got == {
        ("extend", "gain"): (8, 5.0, -3.0, ("p", "q"), False, 1, 1),
        ("extend", "harm"): (2, 2.0, 0.0, ("p",), True, 1, 0),
        ("yield", "gain"): (6, 7.0, 1.0, ("q", "r"), True, 2, 0),
        ("yield", "harm"): (4, 3.5, -0.5, ("q", "r"), True, 2, 0),
        # R's supporting quote has no number, so it implies the cell's own 4; Q's adds nothing
        ("stop", "gain"): (4, 4.0, 0.0, ("q", "r"), False, 1, 1),
        # the only quote contradicts without a number: no implied score, no gap
        ("stop", "harm"): (5, None, None, ("q",), False, 0, 1),
    }


def test_single_source_and_unopposed_lists(small: DecisionSet) -> None:
    result = audit(small, EQUAL)
    single = [(c.option, c.criterion) for c in result.single_source]
    assert single == [("extend", "harm"), ("stop", "harm")]
    unopposed = [(c.option, c.criterion) for c in result.unopposed]
    assert unopposed == [("extend", "harm"), ("yield", "gain"), ("yield", "harm")]


def test_quotes_in_more_than_two_cells(small: DecisionSet) -> None:
    # Q's "gains claimed … overstated" is in extend gain, stop gain and (with a doubled space,
    # the same words) stop harm; P's sentence is in two cells only, which is not flagged
    (shared,) = audit(small, EQUAL).shared_quotes
    assert shared.source == "q"
    assert shared.quote == "The gains claimed for it are overstated."
    assert shared.cells == (("extend", "gain"), ("stop", "gain"), ("stop", "harm"))


def test_evidence_per_option_by_source_and_stance(small: DecisionSet) -> None:
    got = {o.option: (o.by_source, o.supports, o.contradicts) for o in audit(small, EQUAL).options}
    assert got == {
        "extend": ({"p": 2, "q": 1, "r": 0}, 2, 1),
        "yield": ({"p": 0, "q": 2, "r": 2}, 4, 0),
        "stop": ({"p": 0, "q": 2, "r": 1}, 1, 2),
    }


def test_rankings_scored_implied_and_leave_one_out(small: DecisionSet) -> None:
    result = audit(small, EQUAL)
    assert result.ranking.order == ("extend", "yield", "stop")  # 0.80, 0.60, 0.45
    assert result.implied_ranking.order == ("yield", "extend", "stop")  # 0.675, 0.65, 0.45
    got = {off.source: off.ranking.order for off in result.leave_one_out}
    assert got == {
        "p": ("yield", "extend", "stop"),  # 0.675, 0.50, 0.45
        "q": ("extend", "yield", "stop"),  # 0.80, 0.75, 0.45
        "r": ("extend", "yield", "stop"),  # 0.65, 0.60, 0.45
    }
    assert [off.ranking.leader for off in result.leave_one_out] == ["yield", "extend", "extend"]


def test_headline_names_what_changes_the_leader(small: DecisionSet) -> None:
    assert audit(small, EQUAL).headline == (
        "Extend leads; rescored from the evidence, Yield leads; without “Paper P”, Yield leads."
    )


def test_no_headline_when_the_leader_holds(small: DecisionSet) -> None:
    # all weight on harm: scored extend 2 < yield 4 < stop 5 (lower is better); implied
    # extend 2, yield 3.5, stop keeps 5; without P extend keeps 2; without Q yield 3;
    # without R yield 4. Extend leads throughout.
    result = audit(small, np.array([0.0, 1.0]))
    assert result.ranking.leader == "extend"
    assert result.headline is None


def test_credibility_weights_the_implied_score(small: DecisionSet) -> None:
    # Q at half trust: extend gain (1·8 + 0.5·2) / 1.5 = 6, gap −2;
    # yield harm (0.5·4 + 1·3) / 1.5 = 10/3
    got = cells(small, {"q": 0.5})
    assert got[("extend", "gain")].implied == pytest.approx(6.0)
    assert got[("extend", "gain")].gap == pytest.approx(-2.0)
    assert got[("yield", "harm")].implied == pytest.approx(10 / 3)
    # a source switched off implies nothing: stop harm rests on Q alone
    assert cells(small, {"q": 0.0})[("stop", "harm")].implied is None


def test_unassessed_cell_has_no_score_and_is_not_unopposed(small: DecisionSet) -> None:
    key = ("stop", "harm")
    blank = dataclasses.replace(small.assessments[key], score=None, low=None, high=None)
    ds = dataclasses.replace(small, assessments={**small.assessments, key: blank})
    cell = cells(ds)[key]
    assert (cell.score, cell.implied, cell.gap, cell.unopposed) == (None, None, None, False)


def _switched_off_by_hand(
    ds: DecisionSet, shares: np.ndarray, method: Method, source: str, trust: dict[str, float]
) -> tuple[str, ...]:
    """What the Sources panel does: the session's LensState gets that source at 0, lens on."""
    state = LensState(ds)
    credibility = credibility_for(ds, trust)
    credibility[state.source_ids.index(source)] = 0.0
    state.set(credibility, True)
    result = evaluate(state.problem, shares, method)
    return tuple(ds.option_ids[int(i)] for i in result.order)


@pytest.mark.parametrize("method", list(Method))
def test_leave_one_out_is_switching_the_source_off(method: Method) -> None:
    ds = bundled()
    shares = np.linspace(1.0, 2.0, len(ds.criteria))
    trust = {ds.sources[0].id: 0.5}
    result = audit(ds, shares, method, trust)
    assert [off.source for off in result.leave_one_out] == [s.id for s in ds.sources]
    for off in result.leave_one_out:
        assert off.ranking.order == _switched_off_by_hand(ds, shares, method, off.source, trust)
    state = LensState(ds)
    state.set(credibility_for(ds, trust), True)
    lens = evaluate(state.problem, shares, method)
    assert result.implied_ranking.order == tuple(ds.option_ids[int(i)] for i in lens.order)


def test_bundled_set_headline_names_every_source_that_moves_the_leader() -> None:
    # whatever the review of the bundled scores decides: a headline exactly when some check
    # moves the leader, naming each source whose removal does so and no other
    ds = bundled()
    result = audit(ds, np.ones(len(ds.criteria)))
    leader = result.ranking.leaders
    movers = {o.source for o in result.leave_one_out if o.ranking.leaders != leader}
    if not movers and result.implied_ranking.leaders == leader:
        assert result.headline is None
        return
    assert result.headline is not None
    assert result.headline.startswith(ds.option(result.ranking.leader).name + " lead")
    for source in ds.sources:
        assert (f"“{source.title}”" in result.headline) == (source.id in movers)
    assert ("rescored from the evidence" in result.headline) == (
        result.implied_ranking.leaders != leader
    )


def test_a_quote_not_in_its_source_is_loaded_unverified_and_counted(tmp_path: Path) -> None:
    shutil.copytree(SMALL, tmp_path / "set")
    option = tmp_path / "set" / "2-yield.yaml"
    option.write_text(option.read_text().replace("the harm is small.", "the harm is tiny."))
    loaded = load_decision_set(tmp_path / "set")  # not strict: a warning, not an error
    assert any("not found verbatim" in str(w) for w in loaded.warnings)
    ds = loaded.decision_set
    flags = [e.verified for e in ds.assessment("yield", "harm").evidence]
    assert flags == [True, False]
    assert cells(ds)[("yield", "harm")].unverified == 1
    assert cells(ds)[("yield", "gain")].unverified == 0
    quotes = option_content(state_for(ds), "yield").supporting
    assert {q.text: q.verified for q in quotes}["the harm is tiny."] is False


def state_for(ds: DecisionSet, weights: np.ndarray = EQUAL) -> BriefingState:
    problem = ScoreMatrix.from_set(ds)
    return BriefingState(ds, evaluate(problem, weights), problem.scores)


def test_reliance_slide_says_the_audit_in_words(small: DecisionSet) -> None:
    content = reliance_content(state_for(small))
    assert content.headline == (
        "Extend leads; rescored from the evidence, Yield leads; without “Paper P”, Yield leads."
    )
    assert content.scored == ("Extend", "Yield", "Stop")
    assert content.implied == ("Yield", "Extend", "Stop")
    assert [(w.source, w.leader, w.changes) for w in content.without] == [
        ("Paper P", "Yield", True),
        ("Paper Q", "Extend", False),
        ("Paper R", "Extend", False),
    ]
    assert content.counts == (
        "3 of 6 scored cells have no contradicting evidence; 2 rest on a single source; "
        "1 quote is used in more than 2 cells."
    )
    # gaps: extend gain −3, yield gain +1, yield harm −0.5 (largest first)
    assert content.gaps == (
        "Extend × Gain: scored 8, evidence 5",
        "Yield × Gain: scored 6, evidence 7",
        "Yield × Harm: scored 4, evidence 3.5",
    )
    assert evidence_headline(state_for(small, np.array([0.0, 1.0]))) is None


def test_a_shared_quote_not_in_its_source_is_flagged_everywhere_it_is_listed(
    tmp_path: Path,
) -> None:
    shutil.copytree(SMALL, tmp_path / "set")
    for name in ("1-extend.yaml", "3-stop.yaml"):
        path = tmp_path / "set" / name
        path.write_text(path.read_text().replace("are overstated", "are much overstated"))
    ds = load_decision_set(tmp_path / "set").decision_set
    (shared,) = audit(ds, EQUAL).shared_quotes
    assert (shared.quote, shared.verified) == (
        "The gains claimed for it are much overstated.",
        False,
    )
    rows = evidence_csv(ds).splitlines()
    found = [row.rsplit(",", 1)[-1] for row in rows[1:]]
    assert found.count("no") == 3 and found.count("yes") == 7
