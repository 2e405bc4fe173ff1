"""The bundled Iraq decision set: complete, traceable, balanced (issue: bundled decision set)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer import paths
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import DecisionSet, Stance
from explorer.core.quotes import contains_quote

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def bundled() -> DecisionSet:
    result = load_decision_set(paths.bundled_set(), strict=True, search_dirs=[paths.sources_dir()])
    assert result.warnings == []
    return result.decision_set


def test_required_options_and_criteria_are_present(bundled: DecisionSet) -> None:
    assert len(bundled.options) >= 5
    assert len(bundled.criteria) >= 9
    assert {
        "status_quo",
        "refocus_mission",
        "phased_withdrawal",
        "governance_pivot",
        "complete_withdrawal",
    } <= set(bundled.option_ids)
    for crit in bundled.criteria:
        assert crit.definition and crit.scale.min_label and crit.scale.max_label


def test_every_quote_is_verbatim_in_its_source(bundled: DecisionSet) -> None:
    texts = {s.id: s.path.read_text(encoding="utf-8") for s in bundled.sources}
    for cell in bundled.assessments.values():
        for ev in cell.evidence:
            assert contains_quote(texts[ev.source], ev.quote), (cell.option, cell.criterion)


def test_every_cell_has_score_range_and_quote(bundled: DecisionSet) -> None:
    for option in bundled.options:
        for crit in bundled.criteria:
            cell = bundled.assessment(option.id, crit.id)
            assert cell.score is not None
            assert cell.low <= cell.score <= cell.high
            assert cell.rationale
            assert len(cell.evidence) >= 1


def test_sources_are_all_cited_and_options_cite_two(bundled: DecisionSet) -> None:
    cited = {ev.source for c in bundled.assessments.values() for ev in c.evidence}
    assert cited == {s.id for s in bundled.sources}
    for option in bundled.options:
        own = {
            ev.source
            for crit in bundled.criteria
            for ev in bundled.assessment(option.id, crit.id).evidence
        }
        assert len(own) >= 2, option.id


def test_disagreement_is_recorded_and_ranges_cover_it(bundled: DecisionSet) -> None:
    contradicting = [
        ev
        for c in bundled.assessments.values()
        for ev in c.evidence
        if ev.stance is Stance.CONTRADICTS
    ]
    assert len(contradicting) >= 10
    for cell in bundled.assessments.values():
        for ev in cell.evidence:
            if ev.implied_score is not None:
                assert cell.low <= ev.implied_score <= cell.high, (cell.option, cell.criterion)


def test_sources_record_origin_period_and_position(bundled: DecisionSet) -> None:
    origins = {s.origin for s in bundled.sources}
    assert len(origins) == 5
    for src in bundled.sources:
        assert src.period and src.position and src.title


def test_contrasting_weightings_give_different_leaders(bundled: DecisionSet) -> None:
    matrix = ScoreMatrix.from_set(bundled)
    ids = bundled.criterion_ids

    def leader(emphasis: list[str], method: Method = Method.WSM) -> str:
        w = np.array([4.0 if c in emphasis else 1.0 for c in ids])
        return bundled.option_ids[int(evaluate(matrix, w, method).order[0])]

    leaders = {
        leader([]),
        leader(["personnel_risk", "escalation_risk"]),
        leader(["iraqi_sovereignty", "political_feasibility"]),
        leader(["iraqi_stability", "us_leverage"]),
        leader(["counter_isis", "iranian_influence", "minority_security"]),
    }
    assert len(leaders) >= 3


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the original documents are not beside the repo")
def test_source_files_keep_the_original_lines(bundled: DecisionSet) -> None:
    for src in bundled.sources:
        original = (SEEDS / src.origin).read_text(encoding="utf-8").splitlines()
        kept = [line for line in src.path.read_text(encoding="utf-8").splitlines() if line.strip()]
        positions = [original.index(line) for line in kept]  # ValueError if a line was altered
        assert positions == sorted(positions), src.id


def test_sources_carry_citations_from_the_documents(bundled: DecisionSet) -> None:
    """Each source cites what its document says; what is our own wording is marked so."""
    by_id = {s.id: s for s in bundled.sources}
    assert by_id["century_2024_reset"].publisher == "Century International"
    assert by_id["century_2024_reset"].published == "2024"
    for src in bundled.sources:
        assert src.published[:4] in {"2020", "2024"}, src.id
        for text in (src.title, src.publisher, src.author):
            assert "_" not in text and ".txt" not in text  # no file names in a citation


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the original documents are not beside the repo")
def test_outlets_not_named_in_full_are_marked_editorial(bundled: DecisionSet) -> None:
    for src in bundled.sources:
        original = (SEEDS / src.origin).read_text(encoding="utf-8")
        for text in (src.publisher, src.author):
            if text and not (text.startswith("[") and text.endswith("]")):  # [supplied]
                assert text in original, (src.id, text)
