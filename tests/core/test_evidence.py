"""Thin-evidence rules and per-source quote listing, without Qt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from explorer.core.evidence import (
    find_citation,
    is_thin,
    read_source_text,
    source_citations,
    source_label,
    source_titles,
    thin_matrix,
    thin_reason,
    utf16_offset,
)
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, DecisionSet, Evidence, Stance
from explorer.core.quotes import find_quote, normalise


@pytest.fixture
def commute(commute_path: Path) -> DecisionSet:
    return load_decision_set(commute_path).decision_set


def _cell(*sources: str, score: float | None = 5.0) -> Assessment:
    evidence = tuple(Evidence(s, f"quote {i}", Stance.SUPPORTS) for i, s in enumerate(sources))
    return Assessment("o", "c", score, score, score, "", evidence)


def test_thin_rules() -> None:
    assert is_thin(_cell())
    assert thin_reason(_cell()) == "no quotes"
    assert is_thin(_cell("a"))
    assert thin_reason(_cell("a")) == "only one quote"
    assert is_thin(_cell("a", "a", "a"))
    assert thin_reason(_cell("a", "a", "a")) == "all 3 quotes come from one source"
    assert not is_thin(_cell("a", "b"))
    assert thin_reason(_cell("a", "b")) is None
    # unassessed cells are flagged as unassessed, not as thin
    assert not is_thin(_cell(score=None))


def test_thin_matrix_matches_commute(commute: DecisionSet) -> None:
    thin = thin_matrix(commute)
    assert thin.shape == (3, 3)
    # every commute cell cites the single note; bus × health is unassessed
    bus, health = commute.option_ids.index("bus"), commute.criterion_ids.index("health")
    expected = [
        [not commute.assessment(o, c).unassessed for c in commute.criterion_ids]
        for o in commute.option_ids
    ]
    assert thin.tolist() == expected
    assert not thin[bus, health]


def test_source_citations_in_text_order(commute: DecisionSet) -> None:
    text = read_source_text(commute.source("note"))
    assert text is not None
    citations = source_citations(commute, "note", text)
    # every evidence item in the set cites the note
    total = sum(len(a.evidence) for a in commute.assessments.values())
    assert len(citations) == total
    starts = [c.span[0] for c in citations if c.span]
    assert starts == sorted(starts)
    for c in citations:
        assert c.span is not None
        assert normalise(text[c.span[0] : c.span[1]]) == normalise(c.quote)
    assert citations[0].quote.startswith("Cycling costs")
    assert (citations[0].option, citations[0].criterion) == ("bike", "cost")
    assert citations[-1].criterion == "time" and citations[-1].option == "bus"
    assert citations[-1].evidence.stance is Stance.CONTRADICTS


def test_missing_quotes_go_last(commute: DecisionSet) -> None:
    cell = commute.assessment("bike", "cost")
    odd = replace(cell, evidence=(Evidence("note", "not in the note at all", Stance.SUPPORTS),))
    changed = replace(commute, assessments={**commute.assessments, ("bike", "cost"): odd})
    text = read_source_text(commute.source("note")) or ""
    citations = source_citations(changed, "note", text)
    assert citations[-1].span is None
    assert citations[-1].quote == "not in the note at all"
    assert all(c.span is not None for c in citations[:-1])


def test_find_citation_prefers_the_asking_cell(commute: DecisionSet) -> None:
    text = read_source_text(commute.source("note")) or ""
    citations = source_citations(commute, "note", text)
    quote = "Driving is the fastest door-to-door option in this city"
    car = find_citation(citations, quote, "car", "time")
    bike = find_citation(citations, quote, "bike", "time")
    assert car is not None and bike is not None and car != bike
    assert citations[car].option == "car" and citations[bike].option == "bike"
    # typography-insensitive, and unknown quotes give None
    curly = "Some riders say the bus is “reliable enough” — others call it the slowest way in."
    index = find_citation(citations, curly)
    assert index is not None and citations[index].option == "bus"
    assert find_citation(citations, "nothing like this") is None


def test_labels_and_titles(commute: DecisionSet) -> None:
    note = commute.source("note")
    assert source_label(note) == "Commuting note (2024)"
    assert source_label(replace(note, period="")) == "Commuting note"
    assert source_titles(commute, ("note", "ghost")) == ["Commuting note", "ghost"]


def test_read_source_text_unifies_line_endings(tmp_path: Path, commute: DecisionSet) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    src = replace(commute.source("note"), path=path)
    assert read_source_text(src) == "one\ntwo\nthree\n"
    assert read_source_text(replace(src, path=None)) is None
    assert read_source_text(replace(src, path=tmp_path / "absent.txt")) is None


def test_utf16_offset() -> None:
    text = "a😀b c"
    assert utf16_offset(text, 0) == 0
    assert utf16_offset(text, 2) == 3  # past the emoji, which is two UTF-16 units
    assert utf16_offset(text, len(text)) == len(text) + 1


def test_quotes_are_located_verbatim_and_typographically(commute: DecisionSet) -> None:
    text = read_source_text(commute.source("note")) or ""
    for cell in commute.assessments.values():
        for item in cell.evidence:
            span = find_quote(text, item.quote)
            assert span is not None
            assert normalise(text[span[0] : span[1]]) == normalise(item.quote)
    # typographic variants are found too
    span = find_quote(text, 'the bus is "reliable enough" - others')
    assert span is not None and text[span[0] : span[1]].startswith("the bus is “reliable")
    assert find_quote(text, "  ") is None
    assert find_quote(text, "absent words") is None
