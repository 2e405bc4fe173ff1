"""Briefing slide content, without Qt: drivers, the quotes chosen, citations, the deck."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from explorer.core.briefing.content import (
    UNSAVED,
    BriefingState,
    Citation,
    Quote,
    option_content,
    ranking_caption,
    source_entries,
    strongest,
    title_content,
    top_drivers,
    weakest,
    weights_caption,
)
from explorer.core.briefing.deck import DeckSettings, option_key, option_of, slide_keys
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import DecisionSet, Stance
from explorer.core.robustness import lens_scores

ROOT = Path(__file__).resolve().parents[2]


def _load(path: Path) -> DecisionSet:
    return load_decision_set(path, search_dirs=[ROOT / "resources" / "sources"]).decision_set


@pytest.fixture
def commute(commute_path: Path) -> DecisionSet:
    return _load(commute_path)


@pytest.fixture
def bundled(bundled_path: Path) -> DecisionSet:
    return _load(bundled_path)


def state_for(
    ds: DecisionSet, weights: list[float] | None = None, method: Method = Method.WSM, **kw
) -> BriefingState:
    problem = ScoreMatrix.from_set(ds)
    w = np.ones(len(ds.criteria)) if weights is None else np.array(weights, dtype=float)
    return BriefingState(ds, evaluate(problem, w, method), problem.scores, **kw)


def test_drivers_are_the_largest_contributions_and_weakest_the_largest_shortfalls(commute):
    st = state_for(commute)
    bike = commute.option_ids.index("bike")
    drivers = top_drivers(st, bike)
    # bike: health 5/5 → 1/3, cost 1/10 (lower better) → 0.3, time 5/10 → 1/6
    assert [d.criterion for d in drivers] == ["health", "cost", "time"]
    assert [d.contribution for d in drivers] == pytest.approx([1 / 3, 0.3, 1 / 6])
    assert drivers[0].score == 5 and drivers[0].scale_text == "0–5, higher is better"
    car = commute.option_ids.index("car")
    top, weak = top_drivers(st, car), weakest(st, car)
    # car's health is 0 on a higher-is-better scale: it contributes nothing, loses a third
    assert "health" not in [d.criterion for d in top]
    assert [d.criterion for d in weak] == ["health"]
    assert weak[0].shortfall == pytest.approx(1 / 3)


def test_unassessed_cells_are_neither_drivers_nor_weaknesses_but_are_listed(commute):
    c = option_content(state_for(commute), "bus")
    assert "health" not in [d.criterion for d in c.drivers + c.weakest]
    assert c.unassessed == ("Health benefit",)
    assert not any(q.criterion == "health" for q in c.supporting + c.contradicting)


def test_supporting_quotes_follow_what_carries_the_total(commute):
    c = option_content(state_for(commute), "bike")
    assert [q.criterion for q in c.supporting] == ["health", "cost"]
    assert c.supporting[0].text == "it builds daily exercise into the commute."
    # put all the weight on time: the time quote becomes the strongest, the rest carry nothing
    c = option_content(state_for(commute, [0, 1, 0]), "bike")
    assert [q.criterion for q in c.supporting] == ["time"]


def test_contradicting_quotes_ranked_by_how_far_they_would_move_a_weighted_score(commute):
    st = state_for(commute)
    bus = option_content(st, "bus")
    assert [q.text for q in bus.contradicting] == [
        'Some riders say the bus is "reliable enough" - others call it the slowest way in.'
    ]
    quote = bus.contradicting[0]
    # implied 6 against the score 8 on a 0–10 scale, criterion share 1/3
    assert quote.strength == pytest.approx(2 / 10 / 3)
    car = option_content(st, "car")
    # no implied score: the far end of the cell's range (0..1 around 0) on a 0–5 scale
    assert car.contradicting[0].criterion == "health"
    assert car.contradicting[0].strength == pytest.approx(1 / 5 / 3)
    # a dispute on a criterion without weight cannot move the ranking: not shown
    assert option_content(state_for(commute, [1, 0, 1]), "bus").contradicting == ()


def test_each_quote_carries_its_citation(commute):
    c = option_content(state_for(commute), "bus")
    cite = c.contradicting[0].citation
    assert cite == Citation("note", "Commuting note", "2024")
    assert cite.label == "Commuting note (2024)"
    assert cite.reference == "“Commuting note,” 2024."


def test_switched_off_sources_give_no_quotes_and_credibility_scales_strength(commute):
    off = option_content(state_for(commute, source_weights={"note": 0.0}), "bike")
    assert off.supporting == () and off.contradicting == ()
    half = option_content(state_for(commute, source_weights={"note": 0.5}), "bike")
    full = option_content(state_for(commute), "bike")
    assert half.supporting[0].strength == pytest.approx(full.supporting[0].strength / 2)


def test_the_lens_scores_in_use_decide_the_contradicting_gap(commute):
    lens = lens_scores(commute)
    problem = ScoreMatrix.from_set(commute).with_scores(lens.scores)
    result = evaluate(problem, np.ones(3))
    st = BriefingState(commute, result, lens.scores, lens_active=True)
    bus = commute.option_ids.index("bus")
    time = commute.criterion_ids.index("time")
    quote = option_content(st, "bus").contradicting[0]
    assert quote.cell_score == pytest.approx(lens.scores[bus, time])
    assert quote.strength == pytest.approx(abs(6 - lens.scores[bus, time]) / 10 / 3)


def _quote(text: str, criterion: str, strength: float, stance=Stance.SUPPORTS) -> Quote:
    cite = Citation("s", "S", "", "s.txt")
    return Quote(text, stance, criterion, criterion, cite, None, 5.0, strength, 0.0)


def test_strongest_shows_each_sentence_once_and_spreads_over_criteria():
    quotes = [
        _quote("A", "x", 0.9),
        _quote("A ", "y", 0.8),  # the same sentence quoted again
        _quote("B", "x", 0.7),
        _quote("C", "z", 0.2),
        _quote("D", "w", 0.0),  # no strength: never shown
        _quote("E", "x", 0.95, Stance.CONTRADICTS),
    ]
    chosen = strongest(quotes, Stance.SUPPORTS, 2)
    assert [q.text for q in chosen] == ["A", "C"]  # B repeats criterion x, so C comes first
    assert [q.text for q in strongest(quotes, Stance.SUPPORTS, 5)] == ["A", "B", "C"]
    assert [q.text for q in strongest(quotes, Stance.CONTRADICTS, 5)] == ["E"]


def test_bundled_options_each_have_verbatim_cited_quotes_of_both_stances(bundled):
    st = state_for(bundled)
    sources = {s.id: s for s in bundled.sources}
    for option in bundled.options:
        c = option_content(st, option.id)
        assert c.summary == option.summary and c.name == option.name
        assert c.supporting and c.contradicting, option.id
        assert len({q.criterion for q in c.supporting}) == len(c.supporting)
        for q in c.supporting + c.contradicting:
            cell = bundled.assessment(option.id, q.criterion)
            assert any(e.quote == q.text and e.stance is q.stance for e in cell.evidence)
            source = sources[q.citation.source_id]
            assert (q.citation.title, q.citation.period, q.citation.publisher) == (
                source.title,
                source.period,
                source.publisher,
            )
    assert sorted(option_content(st, o.id).rank for o in bundled.options) == [1, 2, 3, 4, 5]


def test_rank_and_total_follow_the_result_under_topsis(bundled):
    st = state_for(bundled, method=Method.TOPSIS)
    for i, option in enumerate(bundled.options):
        c = option_content(st, option.id)
        assert c.rank == st.result.ranks[i] and c.total == pytest.approx(st.result.totals[i])
        assert c.method == "TOPSIS"


def test_title_names_the_profile_or_says_unsaved(commute):
    t = title_content(state_for(commute, day=date(2025, 3, 7)))
    assert (t.question, t.profile, t.day, t.method) == (
        "How should a city commuter get to work?",
        UNSAVED,
        "7 March 2025",
        "Weighted sum",
    )
    assert t.lens == ""
    assert UNSAVED == "Current weighting (not saved)" and (t.author, t.rationale) == ("", "")
    t = title_content(state_for(commute, profile_name="Frugal", modified=True))
    assert t.profile == "Frugal, modified"
    t = title_content(
        state_for(
            commute, profile_name="Frugal", profile_author="Ann", profile_rationale="Cost\n first."
        )
    )
    assert (t.profile, t.author, t.rationale) == ("Frugal", "Ann", "Cost first.")
    t = title_content(state_for(commute, lens_active=True, source_weights={"note": 0.0}))
    assert "switched off: Commuting note" in t.lens


def test_captions_say_who_leads_and_what_weighs_most(commute):
    assert ranking_caption(state_for(commute)).startswith("Bicycle leads with 0.80")
    # the near tie (or its absence) in words, from the same ranges as the window's headline
    assert ranking_caption(state_for(commute)).endswith(".")
    assert "range" in ranking_caption(state_for(commute))
    assert weights_caption(state_for(commute)) == "All 3 criteria weigh the same (33% each)."
    assert weights_caption(state_for(commute, [3, 1, 0])).startswith("Heaviest: Monthly cost 75%")
    assert ranking_caption(state_for(commute, [0, 0, 0])) == (
        "Every weight is zero, so every option ties."
    )


def test_sources_list_every_source_with_its_quotes(commute, bundled):
    (entry,) = source_entries(state_for(commute))
    assert (entry.quotes, entry.supporting, entry.contradicting) == (9, 7, 2)
    assert entry.backs == ("Bicycle",) and entry.opposes == ("Car",)
    assert entry.stance_text == "Argues for Bicycle; against Car"
    entries = source_entries(state_for(bundled))
    assert [e.citation.source_id for e in entries] == [s.id for s in bundled.sources]
    total = sum(len(a.evidence) for a in bundled.assessments.values())
    assert sum(e.quotes for e in entries) == total


def test_hidden_and_reordered_slides_are_respected_by_the_deck(bundled):
    keys = slide_keys(bundled)
    assert keys[:4] == ["title", "weights", "ranking", "tradeoff"]
    assert keys[-4:] == ["robustness", "methods", "reliance", "sources"]
    assert [option_of(k) for k in keys[4:-4]] == bundled.option_ids
    status = option_key(bundled.option_ids[0])
    deck = DeckSettings().with_order(["title", status, *keys[1:]]).with_hidden("tradeoff", True)
    shown = deck.visible(keys)
    assert shown[:2] == ["title", status] and "tradeoff" not in shown
    assert len(shown) == len(keys) - 1
    # every visible option slide still has content
    st = state_for(bundled)
    assert all(option_content(st, option_of(k)).supporting for k in shown if option_of(k))
