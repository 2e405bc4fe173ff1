"""Publication dates and the age of the newest evidence (shown on the sources slide and PDF)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from explorer.core.loader import load_decision_set
from explorer.core.source_dates import PartialDate, evidence_age, parse_date, published_text

COMMUTE = Path(__file__).resolve().parents[1] / "fixtures" / "commute"


@pytest.mark.parametrize(
    ("text", "parsed", "spoken", "latest"),
    [
        ("2024", PartialDate(2024), "2024", date(2024, 12, 31)),
        ("2024-02", PartialDate(2024, 2), "February 2024", date(2024, 2, 29)),
        ("2020-01-08", PartialDate(2020, 1, 8), "8 January 2020", date(2020, 1, 8)),
    ],
)
def test_partial_dates(text, parsed, spoken, latest):
    assert parse_date(text) == parsed
    assert parsed.text == spoken and parsed.latest == latest


@pytest.mark.parametrize("text", ["", "January 2020", "2024-13", "2023-02-29", "20240", "24"])
def test_what_is_no_date(text):
    assert parse_date(text) is None


def _with_dates(*published: str):
    ds = load_decision_set(COMMUTE).decision_set
    base = ds.sources[0]
    sources = tuple(
        replace(base, id=f"s{k}", title=f"Source {k}", published=p) for k, p in enumerate(published)
    )
    return replace(ds, sources=sources)


def test_the_newest_source_sets_the_age_and_a_year_old_warns():
    ds = _with_dates("2020-01", "2024", "")
    age = evidence_age(ds, date(2026, 12, 3))
    assert age.newest == PartialDate(2024) and age.newest_source == "Source 1"
    assert age.days == (date(2026, 12, 3) - date(2024, 12, 31)).days and age.stale
    assert age.text == (
        "Evidence may be out of date. Newest evidence: 2024 (1–2 years old). 1 source undated."
    )
    fresh = evidence_age(_with_dates("2026-10-01"), date(2026, 12, 3))
    assert not fresh.stale and fresh.text == "Newest evidence: 1 October 2026 (about 2 months old)."
    exact = evidence_age(_with_dates("2023-06-01"), date(2026, 12, 3))
    assert exact.text == "Evidence may be out of date. Newest evidence: 1 June 2023 (3 years old)."
    # a year-old day is not yet stale; the next day it is
    assert not evidence_age(_with_dates("2025-12-03"), date(2026, 12, 3)).stale
    assert evidence_age(_with_dates("2025-12-02"), date(2026, 12, 3)).stale


def test_no_dated_source_says_the_age_is_unknown():
    age = evidence_age(_with_dates("", ""), date(2026, 12, 3))
    assert age.newest is None and not age.stale and age.undated == 2
    assert "age is unknown" in age.text


def test_a_citation_says_the_period_or_else_the_date():
    src = load_decision_set(COMMUTE).decision_set.sources[0]
    assert published_text(replace(src, published="2024-03")) == "March 2024"
    assert published_text(replace(src, published="")) == "2024"  # the period
