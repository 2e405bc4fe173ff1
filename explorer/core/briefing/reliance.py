"""What the "How much rests on the sources" slide and PDF page say, and the line the ranking slide
adds: the evidence check (explorer.core.audit) for the weighting on screen, in words.

The numbers are the audit's, computed for the briefing's own weights, method and credibilities,
so the slide, the window's Evidence check view and `policy-explorer audit` cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.audit import Audit, audit, counts_line, summary_line
from explorer.core.briefing.content import BriefingState
from explorer.core.robustness.lens_summary import points

GAPS = 3  # cells listed as furthest from their evidence


@dataclass(frozen=True)
class WithoutSource:
    source: str  # title
    leader: str  # option name (names joined when tied)
    changes: bool  # the leader differs from the scored ranking's


@dataclass(frozen=True)
class RelianceContent:
    headline: str
    scored: tuple[str, ...]  # option names, best first
    implied: tuple[str, ...]  # the same, every cell rescored from its evidence
    without: tuple[WithoutSource, ...]  # one per source, set order
    counts: str  # unopposed, single-source, shared and unverified quotes in one sentence
    gaps: tuple[str, ...]  # the cells furthest from their evidence, as phrases


def briefing_audit(state: BriefingState) -> Audit:
    res = state.result
    return audit(state.decision_set, res.weights, res.method, state.source_weights)


def evidence_headline(state: BriefingState) -> str | None:
    """The ranking slide's extra line: only when a source or the evidence changes the leader."""
    return briefing_audit(state).headline


def reliance_content(state: BriefingState) -> RelianceContent:
    ds = state.decision_set
    result = briefing_audit(state)
    names = {o.id: o.name for o in ds.options}

    def leader(ids: tuple[str, ...]) -> str:
        return " = ".join(names[o] for o in ids)

    without = tuple(
        WithoutSource(
            ds.source(off.source).title,
            leader(off.ranking.leaders),
            off.ranking.leaders != result.ranking.leaders,
        )
        for off in result.leave_one_out
    )
    crits = {c.id: c.name for c in ds.criteria}
    far = sorted(
        (c for c in result.cells if c.gap is not None and abs(c.gap) > 0),
        key=lambda c: -abs(c.gap or 0.0),
    )[:GAPS]
    gaps = tuple(
        f"{names[c.option]} × {crits[c.criterion]}: scored {points(c.score or 0.0)}, "
        f"evidence {points(c.implied or 0.0)}"
        for c in far
    )
    return RelianceContent(
        summary_line(ds, result),
        tuple(names[o] for o in result.ranking.order),
        tuple(names[o] for o in result.implied_ranking.order),
        without,
        counts_line(result),
        gaps,
    )
