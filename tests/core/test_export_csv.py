"""CSV export: parsed back with csv.reader, every value matches the set and the result."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import numpy as np
import pytest
from broken_sets import BUNDLED, COMMUTE

from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.export_csv import (
    BOM,
    EVIDENCE_HEADER,
    evidence_csv,
    matrix_csv,
    write_csv,
)
from explorer.core.loader import load_decision_set
from explorer.core.model import DecisionSet, Evidence, Stance
from explorer.core.robustness import lens_scores


def _rows(text: str) -> list[list[str]]:
    assert not text.startswith(BOM)
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def commute() -> DecisionSet:
    return load_decision_set(COMMUTE).decision_set


@pytest.fixture(scope="module")
def bundled() -> DecisionSet:
    return load_decision_set(BUNDLED).decision_set


def test_matrix_rows_follow_the_ranking(commute: DecisionSet) -> None:
    ds = commute
    shares = np.array([0.5, 0.3, 0.2])
    scores, _, _ = ds.matrix()
    result = evaluate(ScoreMatrix.from_set(ds), shares, Method.TOPSIS)
    rows = _rows(matrix_csv(ds, scores, result, shares))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["Rank", "Tied", "Option ID", "Option", "Total (TOPSIS)"]
    assert header[5:8] == [
        "Monthly cost score (weight 50.0%)",
        "Monthly cost low",
        "Monthly cost high",
    ]
    assert header[8] == "Door-to-door time score (weight 30.0%)"
    assert len(header) == 5 + 3 * 3
    assert [r[2] for r in body] == [ds.options[int(i)].id for i in result.order]
    for row in body:
        i = ds.option_ids.index(row[2])
        assert int(row[0]) == result.ranks[i]
        assert row[3] == ds.options[i].name
        assert float(row[4]) == pytest.approx(result.totals[i], abs=1e-9)
        for j, crit in enumerate(ds.criteria):
            cell = ds.assessment(row[2], crit.id)
            score, low, high = row[5 + 3 * j : 8 + 3 * j]
            if cell.unassessed:
                assert (score, low, high) == ("", "", "")  # bus × health: not a midpoint
            else:
                assert (float(score), float(low), float(high)) == (cell.score, cell.low, cell.high)
    assert sum(r[2] == "bus" and r[5 + 3 * 2] == "" for r in body) == 1


def test_matrix_writes_the_scores_in_use_and_marks_ties(bundled: DecisionSet) -> None:
    ds = bundled
    shares = np.full(len(ds.criteria), 0.1)
    lens = lens_scores(ds, {ds.sources[0].id: 0.0})
    result = evaluate(ScoreMatrix.from_set(ds).with_scores(lens.scores), shares)
    body = _rows(matrix_csv(ds, lens.scores, result, shares))[1:]
    for row in body:
        i = ds.option_ids.index(row[2])
        written = [float(row[5 + 3 * j]) for j in range(len(ds.criteria))]
        np.testing.assert_allclose(written, lens.scores[i], rtol=1e-9)
    # all-zero weights tie every option: the rank stays a plain number, the tie is its own column
    tied = evaluate(ScoreMatrix.from_set(ds), np.zeros(len(ds.criteria)))
    rows = _rows(matrix_csv(ds, ds.matrix()[0], tied, np.zeros(len(ds.criteria))))[1:]
    assert {(r[0], r[1]) for r in rows} == {("1", "yes")}
    with pytest.raises(ValueError):
        matrix_csv(ds, np.zeros((2, 2)), result, shares)


def test_evidence_has_one_row_per_quote(bundled: DecisionSet) -> None:
    ds = bundled
    rows = _rows(evidence_csv(ds))
    assert tuple(rows[0]) == EVIDENCE_HEADER
    body = rows[1:]
    expected = [
        (o.id, c.id, ev)
        for o in ds.options
        for c in ds.criteria
        for ev in ds.assessment(o.id, c.id).evidence
    ]
    assert len(body) == len(expected) > 100
    col = {name: k for k, name in enumerate(EVIDENCE_HEADER)}
    for row, (option, crit, ev) in zip(body, expected, strict=True):
        source = ds.source(ev.source)
        cell = ds.assessment(option, crit)
        assert row[col["Option ID"]] == option and row[col["Criterion ID"]] == crit
        assert row[col["Option"]] == ds.option(option).name
        assert row[col["Criterion"]] == ds.criterion(crit).name
        assert float(row[col["Editorial score"]]) == cell.score
        assert row[col["Stance"]] == ev.stance.value
        implied = row[col["Implied score"]]
        assert (float(implied) if implied else None) == ev.implied_score
        assert row[col["Quote"]] == ev.quote  # verbatim, commas and curly quotes included
        assert row[col["Source ID"]] == ev.source
        assert row[col["Source title"]] == source.title
        assert row[col["Period"]] == source.period
        assert row[col["Publisher"]] == source.publisher
        assert row[col["Document"]] == source.file
        assert row[col["Origin"]] == source.origin


def test_awkward_text_survives_and_formulas_are_defused(commute: DecisionSet) -> None:
    awkward = 'He said "stop", then,\nleft; naïve – “quoted”'
    cell = commute.assessment("bike", "cost")
    quotes = (
        Evidence("note", awkward, Stance.SUPPORTS, 1.0),
        Evidence("note", '=HYPERLINK("http://x")', Stance.CONTRADICTS),
    )
    cells = dict(commute.assessments)
    cells[("bike", "cost")] = dataclasses.replace(cell, evidence=quotes)
    ds = dataclasses.replace(commute, assessments=cells)
    body = _rows(evidence_csv(ds))[1:]
    quote = EVIDENCE_HEADER.index("Quote")
    assert body[0][quote] == awkward
    assert body[1][quote] == '\'=HYPERLINK("http://x")'  # text to a spreadsheet, not a formula
    assert body[1][EVIDENCE_HEADER.index("Implied score")] == ""


def test_bom_and_atomic_write(commute: DecisionSet, tmp_path: Path) -> None:
    text = evidence_csv(commute, bom=True)
    assert text.startswith(BOM) and text.count(BOM) == 1
    target = tmp_path / "evidence.csv"
    target.write_text("old", encoding="utf-8")
    write_csv(target, text)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig") == text[1:]
    assert [p.name for p in tmp_path.iterdir()] == ["evidence.csv"]  # no temp file left behind
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == list(EVIDENCE_HEADER)
