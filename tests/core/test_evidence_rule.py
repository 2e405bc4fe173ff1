"""The evidence rule (docs/evidence-rule.md), as far as a program can check it, on the bundled set.

Each check returns the problems it finds, one readable line each, so a failure names the cell and
the quote to fix. Every check is also run on a copy of the set broken on purpose, to prove it can
fail: a check that passes on anything would prove nothing about the bundled set.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from explorer import paths
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, DecisionSet, Evidence, Stance
from explorer.core.quotes import find_quote, normalise
from explorer.core.robustness import lens_scores

RULE = Path(__file__).resolve().parents[2] / "docs" / "evidence-rule.md"

REUSE_LIMIT = 2  # §4: cells one quote (or a longer quote containing it) may appear in
REUSED_LIMIT = 4  # §4: the same, for the quotes listed under "Reused quotes"
DEPARTURE = 2.0  # §5: a score this far from its quotes' mean must say why
DEPARTURE_WORDS = "departs from the quotes"
SUPPORTS_WITHIN = 1.0  # §2
CONTRADICTS_BEYOND = 1.5  # §2

# "holding.10": sentence punctuation with a note number glued to it
FOOTNOTE = re.compile(r"[.?!,;:”\"’)]\d{1,2}(?=\s|$)")
CLOSERS = '”"’)]'


def reused_quotes() -> set[str]:
    """The exceptions listed in the rule itself, so the test and the document cannot drift."""
    text = RULE.read_text(encoding="utf-8")
    section = text.split("## Reused quotes", 1)[1]
    quotes = {normalise(m) for m in re.findall(r'^- "(.+)"$', section, flags=re.M)}
    assert quotes, "the rule lists no reused quotes: the section was renamed or reformatted"
    return quotes


def _cells(ds: DecisionSet):
    return ds.assessments.values()


def _where(cell: Assessment) -> str:
    return f"{cell.option} × {cell.criterion}"


def check_every_cell_has_scored_evidence(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§1: a cell rests on quotes, and each quote says what score it argues for."""
    problems = []
    for cell in _cells(ds):
        if not cell.evidence:
            problems.append(f"{_where(cell)}: no evidence")
        for ev in cell.evidence:
            if ev.implied_score is None:
                problems.append(f"{_where(cell)}: no implied_score for {ev.quote[:50]!r}")
    return problems


def check_no_quote_in_more_than_two_cells(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§4: a quote, counted together with the longer quotes that contain it."""
    exceptions = reused_quotes()
    used: dict[str, set[str]] = {}
    for cell in _cells(ds):
        for ev in cell.evidence:
            used.setdefault(normalise(ev.quote), set()).add(_where(cell))
    problems = []
    for quote in used:
        cells = set().union(*(where for longer, where in used.items() if quote in longer))
        limit = REUSED_LIMIT if quote in exceptions else REUSE_LIMIT
        if len(cells) > limit:
            problems.append(f"{quote[:60]!r} in {len(cells)} cells: {sorted(cells)}")
    return problems


def check_quotes_carry_no_footnote_marker(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§3: a quote stops before a note number ("holding." not "holding.10")."""
    return [
        f"{_where(cell)}: footnote marker in {ev.quote[:60]!r}"
        for cell in _cells(ds)
        for ev in cell.evidence
        if FOOTNOTE.search(normalise(ev.quote))
    ]


def check_quotes_end_at_a_sentence_end(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§3: a quote ends where its sentence ends, in the quote and in the source.

    The source must go on with a note number, a line end, or a new sentence: a lower-case word
    after the quote means it stopped at an abbreviation ("the U.S.") inside a sentence.
    """
    problems = []
    for cell in _cells(ds):
        for ev in cell.evidence:
            quote = ev.quote.rstrip()
            if quote.rstrip(CLOSERS)[-1:] not in ".?!":
                problems.append(f"{_where(cell)}: ends mid-sentence: …{quote[-40:]!r}")
                continue
            text = texts[ev.source]
            span = find_quote(text, quote)
            if span is None:
                problems.append(f"{_where(cell)}: not found in its source: {quote[:50]!r}")
                continue
            after = re.sub(r"^\d{1,2}", "", text[span[1] :]).lstrip(" \t")
            if after and after[0] != "\n" and after[0].islower():
                problems.append(f"{_where(cell)}: the source's sentence goes on: …{quote[-40:]!r}")
    return problems


def check_stance_follows_the_implied_score(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§2: supports within 1 point of the score, contradicts 1.5 points or more away."""
    problems = []
    for cell in _cells(ds):
        for ev in cell.evidence:
            if ev.implied_score is None or cell.score is None:
                continue
            gap = abs(ev.implied_score - cell.score)
            if ev.stance is Stance.SUPPORTS and gap > SUPPORTS_WITHIN:
                problems.append(
                    f"{_where(cell)}: 'supports' {gap:g} points away: {ev.quote[:50]!r}"
                )
            if ev.stance is Stance.CONTRADICTS and gap < CONTRADICTS_BEYOND:
                problems.append(
                    f"{_where(cell)}: 'contradicts' only {gap:g} points away: {ev.quote[:50]!r}"
                )
    return problems


def check_departures_are_explained(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§5: a score far from the credibility-weighted mean of its quotes says why it departs."""
    implied = lens_scores(ds).scores  # every source fully trusted
    problems = []
    for i, option in enumerate(ds.options):
        for j, crit in enumerate(ds.criteria):
            cell = ds.assessment(option.id, crit.id)
            if cell.score is None:
                continue
            gap = abs(cell.score - implied[i, j])
            if gap > DEPARTURE and DEPARTURE_WORDS not in cell.rationale:
                problems.append(
                    f"{_where(cell)}: score {cell.score:g} vs quotes {implied[i, j]:.2f}, "
                    f"and the rationale does not say it {DEPARTURE_WORDS}"
                )
    return problems


def check_every_document_is_cited(ds: DecisionSet, texts: dict[str, str]) -> list[str]:
    """§7: no document is left out of the evidence."""
    cited = {ev.source for cell in _cells(ds) for ev in cell.evidence}
    return [f"{s.id}: never quoted" for s in ds.sources if s.id not in cited]


Check = Callable[[DecisionSet, dict[str, str]], list[str]]
CHECKS: dict[str, Check] = {
    f.__name__.removeprefix("check_"): f
    for f in (
        check_every_cell_has_scored_evidence,
        check_no_quote_in_more_than_two_cells,
        check_quotes_carry_no_footnote_marker,
        check_quotes_end_at_a_sentence_end,
        check_stance_follows_the_implied_score,
        check_departures_are_explained,
        check_every_document_is_cited,
    )
}


@pytest.fixture(scope="module")
def bundled() -> DecisionSet:
    result = load_decision_set(paths.bundled_set(), strict=True, search_dirs=[paths.sources_dir()])
    return result.decision_set


@pytest.fixture(scope="module")
def texts(bundled: DecisionSet) -> dict[str, str]:
    return {s.id: s.path.read_text(encoding="utf-8") for s in bundled.sources}


def only_options(ds: DecisionSet, keep: set[str]) -> DecisionSet:
    return replace(
        ds,
        options=tuple(o for o in ds.options if o.id in keep),
        assessments={k: v for k, v in ds.assessments.items() if k[0] in keep},
    )


@pytest.mark.parametrize("name", CHECKS)
def test_whole_set_meets_the_rule(name: str, bundled: DecisionSet, texts) -> None:
    assert CHECKS[name](bundled, texts) == []


# --- each check fails on a copy broken on purpose ------------------------------------------


def with_cell(ds: DecisionSet, option: str, criterion: str, **changes) -> DecisionSet:
    cells = dict(ds.assessments)
    cells[(option, criterion)] = replace(cells[(option, criterion)], **changes)
    return replace(ds, assessments=cells)


def with_first_item(ds: DecisionSet, option: str, criterion: str, **changes) -> DecisionSet:
    cell = ds.assessment(option, criterion)
    first = replace(cell.evidence[0], **changes)
    return with_cell(ds, option, criterion, evidence=(first, *cell.evidence[1:]))


def _no_evidence(ds: DecisionSet) -> DecisionSet:
    return with_cell(ds, "governance_pivot", "us_cost", evidence=())


def _reused_thrice(ds: DecisionSet) -> DecisionSet:
    borrowed = ds.assessment("governance_pivot", "us_cost").evidence[1]  # used in two cells
    cell = ds.assessment("complete_withdrawal", "us_cost")
    return with_cell(ds, cell.option, cell.criterion, evidence=(*cell.evidence, borrowed))


def _footnote(ds: DecisionSet) -> DecisionSet:
    quote = (
        "The ceasefire that Iran pressured Iraqi militias into in February seems to be holding.10"
    )
    return with_first_item(ds, "status_quo", "personnel_risk", quote=quote)


def _cut_short(ds: DecisionSet) -> DecisionSet:
    quote = "The ceasefire that Iran pressured Iraqi militias into in February seems to be"
    return with_first_item(ds, "status_quo", "personnel_risk", quote=quote)


def _flipped_stance(ds: DecisionSet) -> DecisionSet:
    return with_first_item(ds, "complete_withdrawal", "personnel_risk", stance=Stance.CONTRADICTS)


def _unexplained_departure(ds: DecisionSet) -> DecisionSet:
    return with_cell(ds, "governance_pivot", "minority_security", score=10.0, high=10.0)


def _source_dropped(ds: DecisionSet) -> DecisionSet:
    cells = {
        key: replace(
            cell, evidence=tuple(e for e in cell.evidence if e.source != "not_leaving_2020")
        )
        for key, cell in ds.assessments.items()
    }
    return replace(ds, assessments=cells)


BREAKAGES: dict[str, tuple[Callable[[DecisionSet], DecisionSet], str]] = {
    "every_cell_has_scored_evidence": (_no_evidence, "governance_pivot × us_cost"),
    "no_quote_in_more_than_two_cells": (_reused_thrice, "complete_withdrawal × us_cost"),
    "quotes_carry_no_footnote_marker": (_footnote, "status_quo × personnel_risk"),
    "quotes_end_at_a_sentence_end": (_cut_short, "status_quo × personnel_risk"),
    "stance_follows_the_implied_score": (_flipped_stance, "complete_withdrawal × personnel_risk"),
    "departures_are_explained": (_unexplained_departure, "governance_pivot × minority_security"),
    "every_document_is_cited": (_source_dropped, "not_leaving_2020"),
}


def test_every_check_has_a_breakage() -> None:
    assert set(BREAKAGES) == set(CHECKS)


@pytest.mark.parametrize("name", CHECKS)
def test_each_check_fails_on_a_broken_copy(name: str, bundled: DecisionSet, texts) -> None:
    breaker, where = BREAKAGES[name]
    problems = CHECKS[name](breaker(bundled), texts)
    assert problems and any(where in p for p in problems), problems


def test_sentence_end_check_sees_through_an_abbreviation(texts) -> None:
    """A quote stopping at "U.S." ends in a full stop, yet its sentence goes on."""
    quote = "The 2,500 U.S."
    cell = Assessment(
        "x", "y", 5.0, 4.0, 6.0, "", (Evidence("century_2024_reset", quote, Stance.SUPPORTS, 5.0),)
    )
    ds = DecisionSet("s", "t", "q", (), (), (), {("x", "y"): cell})
    problems = check_quotes_end_at_a_sentence_end(ds, texts)
    assert problems and "goes on" in problems[0]
