"""One option's slide: what it is, where it ranks, what carries it, and the quotes behind it.

Quotes are verbatim evidence, so one is shown whole or not at all: when a slide is too full the
type shrinks first (down to a size still readable across a room), then the second quote of each
stance goes, and only the summary — the one paraphrase on the slide — is ever shortened, and
then by whole sentences: a reader never sees an argument cut off mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QFont, QPainter

from explorer.core.briefing.content import Driver, OptionContent, Quote
from explorer.ui.briefing.paint.chart_paint import metrics, wrap
from explorer.ui.briefing.slides.slide_layout import (
    MIN_SCALE,
    Frame,
    footnote_flow,
    footnotes_height,
    heading_flow,
    heading_height,
    paint_footnotes,
    paint_heading,
    scales,
)
from explorer.ui.briefing.slides.slide_text import UNLIMITED, Flow, font, superscript
from explorer.ui.theme import Theme, criterion_colour

READABLE = 0.85  # the whole summary is worth shrinking the type only down to this scale
SUMMARY_MIN_LINES = 3
PORTRAIT = 1.15  # width / height below which the two columns stack
QUOTE_PLANS = ((2, 2), (2, 1), (1, 1), (1, 0), (0, 1), (0, 0))
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def _num(value: float) -> str:
    return f"{value:.3g}"


@dataclass
class _Plan:
    """One way to lay the slide out: the flows, measured, and whether they fit."""

    unit: float
    heading: Flow
    columns: list[tuple[Flow, float]]  # (flow, left x)
    notes: Flow
    quotes: list[Quote]
    body_top: float
    fits: bool


def _criterion_blocks(
    flow: Flow, drivers: tuple[Driver, ...], u: float, theme: Theme, total: float | None = None
) -> None:
    """One block per criterion: its name by its colour, then the numbers behind it — with its
    share of the option's total when `total` is given (strengths), without for weaknesses."""
    indent = u * 0.95
    for d in drivers:
        flow.add(
            d.name,
            font(u, 0.85),
            theme.foreground,
            max_lines=2,
            indent=indent,
            swatch=criterion_colour(d.index),
            space_before=u * 0.3,
        )
        share = "" if total is None else f"+{d.contribution:.2f} of its {total:.2f} · "
        flow.add(
            f"{share}weight {d.share:.0%} · score {_num(d.score)} ({d.scale_text})",
            font(u, 0.7),
            theme.muted,
            max_lines=2,
            indent=indent,
        )


def _standing_flow(flow: Flow, c: OptionContent, u: float, theme: Theme) -> None:
    """What carries the option and where it loses most (after the summary)."""
    if c.drivers:
        flow.add("What carries it", font(u, 0.8, bold=True), theme.muted, space_before=u * 0.7)
        _criterion_blocks(flow, c.drivers, u, theme, total=c.total)
    if c.weakest:
        flow.add("Where it loses most", font(u, 0.8, bold=True), theme.muted, space_before=u * 0.7)
        _criterion_blocks(flow, c.weakest, u, theme)
    if c.unassessed:
        flow.add(
            f"Not assessed: {', '.join(c.unassessed)} (counted at the scale midpoint)",
            font(u, 0.7, italic=True),
            theme.muted,
            max_lines=3,
            space_before=u * 0.5,
        )


def _quote_blocks(
    flow: Flow,
    quotes: list[Quote],
    heading: str,
    colour: str,
    u: float,
    theme: Theme,
    first_note: int | None,
) -> None:
    """Quotes of one stance under a coloured heading; first_note numbers them for footnotes."""
    if not quotes:
        return
    flow.add(heading, font(u, 0.8, bold=True), colour, space_before=u * 0.7)
    indent = u * 0.6
    for k, q in enumerate(quotes):
        mark = "" if first_note is None else superscript(first_note + k)
        # an unverified quote (not found in its source) is never shown as a quotation: no
        # quotation marks, muted, the warning in front and in its credit line
        verified = q.verified
        flow.add(
            f"“{q.text}”{mark}" if verified else f"⚠ [unverified] {q.text}{mark}",
            font(u, 0.88, italic=True),
            theme.foreground if verified else theme.muted,
            indent=indent,
            accent=colour if verified else theme.muted,
            keep_whole=True,
            space_before=u * 0.35,
        )
        credit = (
            f"on {q.criterion_name}"
            if first_note is not None
            else f"{q.citation.label} · on {q.criterion_name}"
        )
        if not verified:
            credit = f"Unverified: not found in its source · {credit}"
        flow.add(credit, font(u, 0.7), theme.muted, max_lines=3, indent=indent, keep_whole=True)


def _plan(
    painter: QPainter,
    fr: Frame,
    c: OptionContent,
    theme: Theme,
    scale: float,
    counts: tuple[int, int],
    first_note: int | None,
    cut_ok: bool = True,
) -> _Plan:
    u = fr.unit * scale
    box = fr.content
    heading = heading_flow(
        painter, box.width(), u, c.name, f"{c.rank_text} · total {c.total:.2f} · {c.method}", theme
    )
    supporting, contradicting = list(c.supporting[: counts[0]]), list(c.contradicting[: counts[1]])
    shown = supporting + contradicting
    notes = (
        Flow(painter, box.width())
        if first_note is None
        else footnote_flow(painter, box.width(), u, shown, first_note, theme)
    )
    body_top = box.top() + heading_height(heading, u)
    body_h = box.bottom() - footnotes_height(notes, u) - body_top
    portrait = box.width() / max(box.height(), 1.0) < PORTRAIT
    gutter = u * 1.5
    left_w = box.width() if portrait else (box.width() - gutter) * 0.42
    right_w = box.width() if portrait else box.width() - gutter - left_w

    def quotes_into(flow: Flow) -> None:
        sup_first = first_note
        con_first = None if first_note is None else first_note + len(supporting)
        _quote_blocks(
            flow, supporting, "Quotes that support its scores", theme.supports, u, theme, sup_first
        )
        _quote_blocks(
            flow,
            contradicting,
            "Quotes that contradict its scores",
            theme.contradicts,
            u,
            theme,
            con_first,
        )

    rest = Flow(painter, left_w)  # everything in the summary's column below it
    _standing_flow(rest, c, u, theme)
    if portrait:
        quotes_into(rest)
    summary_font = font(u, 0.9)
    line = metrics(painter, summary_font).height()
    lines = int((body_h - rest.height - (u * 0.7 if rest.blocks else 0.0)) // line)
    summary = whole_sentences(painter, c.summary, summary_font, left_w, max(lines, 1))
    left = Flow(painter, left_w)
    left.add(summary or c.summary, summary_font, theme.foreground, max_lines=max(lines, 1))
    left.blocks.extend(_with_space(rest.blocks, bool(left.blocks), u * 0.7))
    columns = [(left, box.left())]
    # shortened to its first sentences is allowed when cut_ok; cut inside a sentence never fits
    whole = summary == c.summary or (cut_ok and bool(summary))
    fits = lines >= SUMMARY_MIN_LINES and left.height <= body_h + 1e-6 and whole
    if not portrait:
        right = Flow(painter, right_w)
        quotes_into(right)
        if right.blocks:
            right.blocks[0].space_before = 0.0
        columns.append((right, box.left() + left_w + gutter))
        fits = fits and right.height <= body_h + 1e-6
    return _Plan(u, heading, columns, notes, shown, body_top, fits)


def sentences(text: str) -> list[str]:
    return [p for p in _SENTENCE_END.split(text.strip()) if p]


def whole_sentences(
    painter: QPainter, text: str, text_font: QFont, width: float, lines: int
) -> str:
    """The longest run of `text`'s first sentences that wraps into `lines` lines, "" when not
    even the first does: a summary is shortened by whole sentences, never mid-sentence."""
    parts = sentences(text)
    for k in range(len(parts), 0, -1):
        candidate = " ".join(parts[:k])
        if len(wrap(painter, candidate, text_font, width, UNLIMITED)) <= lines:
            return text.strip() if k == len(parts) else candidate
    return ""


def _with_space(blocks: list, after_summary: bool, gap: float) -> list:
    if blocks:
        blocks[0].space_before = gap if after_summary else 0.0
    return blocks


def _choose(
    painter: QPainter, fr: Frame, c: OptionContent, theme: Theme, first_note: int | None
) -> _Plan:
    """Every quote with the whole summary in readable type if possible; else the most quotes
    that fit at any allowed size, the summary shortened; the last resort trims."""
    for s in (s for s in scales() if s >= READABLE):
        plan = _plan(painter, fr, c, theme, s, QUOTE_PLANS[0], first_note, cut_ok=False)
        if plan.fits:
            return plan
    for counts in QUOTE_PLANS:
        for s in scales():
            plan = _plan(painter, fr, c, theme, s, counts, first_note)
            if plan.fits:
                return plan
    plan = _plan(painter, fr, c, theme, MIN_SCALE, (0, 0), first_note)
    body_h = fr.content.bottom() - plan.body_top
    for flow, _ in plan.columns:
        flow.trim(body_h)
    return plan


def paint_option(
    painter: QPainter,
    fr: Frame,
    c: OptionContent,
    theme: Theme,
    placed: list,
    first_note: int | None,
) -> list[Quote]:
    """Lay out and draw the slide in fr.content; returns the quotes shown, in footnote order."""
    plan = _choose(painter, fr, c, theme, first_note)
    below = paint_heading(painter, plan.heading, fr.content, plan.unit, theme, placed)
    for flow, x in plan.columns:
        flow.paint(painter, x, below.top(), placed)
    paint_footnotes(painter, plan.notes, fr.content, plan.unit, theme, placed)
    return plan.quotes
