"""The slides that are not about one option: title, charts, robustness, sources, references.

Each function lays its slide out inside a Frame's content rect, shrinking the type to fit
(slide_layout.fit) and cutting only what may be cut: a list of statements or sources loses
whole entries from the end, never half a sentence, and says how many it left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from explorer.core.briefing.content import SourceEntry, TitleContent
from explorer.ui.briefing.slides.slide_layout import (
    MIN_SCALE,
    PRINT_MIN_SCALE,
    Frame,
    fit,
    heading_flow,
    paint_heading,
)
from explorer.ui.briefing.slides.slide_text import CENTRE, UNLIMITED, Flow, font, rule
from explorer.ui.theme import Theme

CHART_TYPE = 0.72  # chart text relative to the slide's body text
Painter = Callable[[QPainter, QRectF, float], None]  # (painter, rect, font_px)


def paint_title(painter: QPainter, fr: Frame, t: TitleContent, theme: Theme, placed: list) -> None:
    """The opening slide: the question large and centred, then who weighted it, how, and when."""
    box = fr.content

    def build(scale: float) -> tuple[Flow, Flow]:
        u = fr.unit * scale
        top, bottom = Flow(painter, box.width()), Flow(painter, box.width())
        top.add(t.set_title, font(u, 1.0, bold=True), theme.muted, max_lines=2, align=CENTRE)
        top.add(
            t.question,
            font(u, 2.1, bold=True),
            theme.foreground,
            max_lines=5,
            align=CENTRE,
            space_before=u * 0.6,
        )
        bottom.add(f"Weighting: {t.profile}", font(u, 1.1), theme.foreground, align=CENTRE)
        if t.author:
            bottom.add(f"by {t.author}", font(u, 0.95), theme.foreground, align=CENTRE)
        if t.rationale:
            bottom.add(
                t.rationale,
                font(u, 0.85, italic=True),
                theme.foreground,
                max_lines=4,
                align=CENTRE,
                space_before=u * 0.3,
            )
        if t.weights_from:
            bottom.add(
                t.weights_from,
                font(u, 0.85),
                theme.foreground,
                max_lines=2,
                align=CENTRE,
                space_before=u * 0.3,
            )
        bottom.add(
            f"{t.method} · {t.day}",
            font(u, 0.95),
            theme.muted,
            align=CENTRE,
            space_before=u * 0.3,
        )
        bottom.add(
            t.lens,
            font(u, 0.8, italic=True),
            theme.muted,
            max_lines=3,
            align=CENTRE,
            space_before=u * 0.6,
        )
        return top, bottom

    gap = fr.unit * 1.6
    scale = fit(lambda s: sum(f.height for f in build(s)) + gap <= box.height())
    top, bottom = build(scale)
    spare = box.height() - top.height - bottom.height - gap
    if spare < 0:
        bottom.trim(max(box.height() - top.height - gap, 0.0))
        spare = 0.0
    y = box.top() + spare * 0.45
    top.paint(painter, box.left(), y, placed)
    y += top.height + gap / 2
    bar_w = fr.unit * 4
    rule(painter, QPointF(box.center().x() - bar_w / 2, y), bar_w, theme.highlight, fr.unit * 2)
    bottom.paint(painter, box.left(), y + gap / 2, placed)


def paint_chart(
    painter: QPainter,
    fr: Frame,
    title: str,
    caption: str,
    chart: Painter,
    theme: Theme,
    placed: list,
    alert: str = "",
) -> None:
    """A heading with a one-line takeaway (and an alert, if any), and the chart below it."""
    heading = heading_flow(painter, fr.content.width(), fr.unit, title, caption, theme, alert)
    body = paint_heading(painter, heading, fr.content, fr.unit, theme, placed)
    chart(painter, body, fr.unit * CHART_TYPE)


def paint_robustness(
    painter: QPainter,
    fr: Frame,
    caption: str,
    chart: Painter,
    statements: Sequence[str],
    statements_heading: str,
    theme: Theme,
    placed: list,
) -> None:
    """Rank acceptability on the left; on the right, the smallest changes that would hand the
    lead to another option, as many whole statements as fit (smallest change first)."""
    box = fr.content
    heading = heading_flow(
        painter, box.width(), fr.unit, "How firm is the ranking?", caption, theme
    )
    body = paint_heading(painter, heading, box, fr.unit, theme, placed)
    portrait = body.width() < body.height() * 1.2
    gutter = fr.unit * 1.2
    if portrait:
        chart_rect = QRectF(body.left(), body.top(), body.width(), body.height() * 0.55)
        text_rect = QRectF(body.left(), chart_rect.bottom() + gutter, body.width(), 0)
        text_rect.setBottom(body.bottom())
    else:
        chart_w = (body.width() - gutter) * 0.56
        chart_rect = QRectF(body.left(), body.top(), chart_w, body.height())
        text_rect = QRectF(chart_rect.right() + gutter, body.top(), 0, body.height())
        text_rect.setRight(body.right())
    chart(painter, chart_rect, fr.unit * CHART_TYPE)

    def build(scale: float, count: int) -> Flow:
        u = fr.unit * scale
        flow = Flow(painter, text_rect.width())
        flow.add(statements_heading, font(u, 0.85, bold=True), theme.foreground, max_lines=2)
        for text in statements[:count]:
            flow.add(
                text,
                font(u, 0.78),
                theme.foreground,
                indent=u * 0.6,
                accent=theme.highlight,
                keep_whole=True,
                space_before=u * 0.45,
            )
        # statements that do not fit are left out: a slide cannot point to a view the audience
        # does not have
        if not statements:
            flow.add("Nothing within the scales.", font(u, 0.78), theme.muted)
        return flow

    flow = _fit_entries(lambda s, n: build(s, n), len(statements), text_rect.height(), 4)
    flow.paint(painter, text_rect.left(), text_rect.top(), placed)


def _fit_entries(
    build: Callable[[float, int], Flow], total: int, height: float, wanted: int
) -> Flow:
    """As many entries as fit (at most `wanted` before shrinking helps), largest type first."""
    for count in range(min(total, wanted), -1, -1):

        def fits(s: float, n: int = count) -> bool:
            return build(s, n).height <= height

        scale = fit(fits)
        flow = build(scale, count)
        if flow.height <= height:
            return flow
    flow = build(MIN_SCALE, 0)
    flow.trim(height)
    return flow


def _source_blocks(
    flow: Flow,
    entry: SourceEntry,
    u: float,
    theme: Theme,
    lens: bool,
    detail: bool,
    notes: Sequence[int] = (),
    full: bool = True,
) -> None:
    """One source: title, then when and who, the quotes it supplies, and what it argues.
    Not `full`: the title and the argument are held to a few lines each."""
    c = entry.citation
    title_lines, text_lines = (UNLIMITED, UNLIMITED) if full else (2, 3)
    flow.add(
        c.title,
        font(u, 0.9, bold=True),
        theme.foreground,
        max_lines=title_lines,
        space_before=u * 0.7,
    )
    meta = [p for p in (c.author, c.publisher, c.period) if p]
    meta = [p for k, p in enumerate(meta) if p not in meta[:k]]  # an outlet that is its author
    meta.append(
        f"{entry.quotes} quotes ({entry.supporting} supporting, {entry.contradicting} "
        "contradicting)"
    )
    if lens:
        meta.append(
            "switched off" if entry.credibility <= 0 else f"credibility {entry.credibility:.0%}"
        )
    flow.add(" · ".join(meta), font(u, 0.7), theme.muted, max_lines=2)
    if detail:
        if c.url:
            accessed = f" (accessed {c.accessed})" if c.accessed else ""
            flow.add(c.url + accessed, font(u, 0.7), theme.muted, max_lines=2)
        if entry.stance_text:
            flow.add(entry.stance_text + ".", font(u, 0.7), theme.muted, max_lines=3)
    if notes:
        cited = ", ".join(str(n) for n in notes)
        label = "Footnote" if len(notes) == 1 else "Footnotes"
        flow.add(f"{label} {cited}", font(u, 0.7), theme.muted, max_lines=3)
    flow.add(entry.position, font(u, 0.75, italic=True), theme.foreground, max_lines=text_lines)


def _columns(painter: QPainter, blocks: list[Flow], columns: int, width: float) -> list[Flow]:
    """Entries split into columns of about equal height, in reading order (down, then across)."""
    heights = [f.height for f in blocks]
    split = len(blocks)
    if columns == 2 and len(blocks) > 1:
        split = min(
            range(1, len(blocks)),
            key=lambda k: max(sum(heights[:k]), sum(heights[k:])),
        )
    out = []
    for part in (blocks[:split], blocks[split:])[:columns]:
        flow = Flow(painter, width)
        for k, entry in enumerate(part):
            if entry.blocks and k == 0:
                entry.blocks[0].space_before = 0.0
            flow.blocks.extend(entry.blocks)
        out.append(flow)
    return out


@dataclass
class _SourceLayout:
    flows: list[Flow]
    width: float
    count: int  # entries laid out, from the first


def _layout_sources(
    painter: QPainter,
    entries: Sequence[SourceEntry],
    body: QRectF,
    unit: float,
    add: Callable[[Flow, SourceEntry, float, bool], None],
    more: Callable[[Flow, int, float], None] | None,
    shorten_first: bool,
    smallest: float = MIN_SCALE,
) -> _SourceLayout:
    """Source entries in one or two columns, whichever holds them in larger type.

    When they cannot all fit even in small type, either their titles and arguments are
    shortened first (a slide: everything should be on it) or the last entries are left for
    a following page (`shorten_first` False: a document, where nothing need be cut).
    `add(flow, entry, unit, full)` sets one entry; `more(flow, left, unit)` says what is left.
    """
    gutter = unit * 1.5

    def build(scale: float, count: int, full: bool, columns: int) -> _SourceLayout:
        u = unit * scale
        width = (body.width() - gutter * (columns - 1)) / columns
        blocks = []
        for entry in entries[:count]:
            flow = Flow(painter, width)
            add(flow, entry, u, full)
            flow.blocks[0].space_before = u * 0.7  # _columns clears it at a column's top
            blocks.append(flow)
        flows = _columns(painter, blocks, columns, width)
        if more is not None and count < len(entries):
            more(flows[-1], len(entries) - count, u)
        return _SourceLayout(flows, width, count)

    def fits(layout: _SourceLayout) -> bool:
        return max(f.height for f in layout.flows) <= body.height()

    def best(count: int, full: bool) -> _SourceLayout | None:
        found, found_scale = None, 0.0
        for columns in (1, 2):

            def fits_in(s: float, c: int = columns) -> bool:
                return fits(build(s, count, full, c))

            scale = fit(fits_in, smallest)
            layout = build(scale, count, full, columns)
            if fits(layout) and scale > found_scale:
                found, found_scale = layout, scale
        return found

    plans = [(len(entries), True)]
    fewer = range(len(entries) - 1, 0, -1)
    if shorten_first:
        plans += [(len(entries), False), *((n, False) for n in fewer)]
    else:
        plans += [(n, True) for n in fewer]
    for count, full in plans:
        layout = best(count, full)
        if layout is not None:
            return layout
    layout = build(smallest, min(len(entries), 1), False, 1)
    for flow in layout.flows:
        flow.trim(body.height())
    return layout


def _paint_columns(
    painter: QPainter, layout: _SourceLayout, body: QRectF, unit: float, placed: list
) -> None:
    gap = (body.width() - layout.width * len(layout.flows)) / max(len(layout.flows) - 1, 1)
    for col, flow in enumerate(layout.flows):
        flow.paint(painter, body.left() + col * (layout.width + gap), body.top(), placed)


def paint_sources(
    painter: QPainter,
    fr: Frame,
    entries: Sequence[SourceEntry],
    caption: str,
    theme: Theme,
    placed: list,
    lens: bool,
) -> None:
    """The sources slide: every document the analysis draws on, with how many quotes it gives."""
    heading = heading_flow(painter, fr.content.width(), fr.unit, "Sources", caption, theme)
    body = paint_heading(painter, heading, fr.content, fr.unit, theme, placed)

    def add(flow: Flow, entry: SourceEntry, u: float, full: bool) -> None:
        _source_blocks(flow, entry, u, theme, lens, False, full=full)

    def more(flow: Flow, left: int, u: float) -> None:
        text = f"… and {left} more source{'s' if left > 1 else ''}"
        flow.add(text, font(u, 0.7, italic=True), theme.muted, space_before=u * 0.6)

    layout = _layout_sources(painter, entries, body, fr.unit, add, more, shorten_first=True)
    _paint_columns(painter, layout, body, fr.unit, placed)


def paint_references(
    painter: QPainter,
    fr: Frame,
    entries: Sequence[SourceEntry],
    start: int,
    notes: Mapping[str, Sequence[int]],
    theme: Theme,
    placed: list,
    age: str = "",
) -> int:
    """The PDF's closing page: every source in full from `start`, with the footnotes that cite
    it, and how old the newest is. Returns the index of the first source left for a following
    page (len when done)."""
    caption = "Every document the decision set draws on, and the footnotes that cite it"
    if age:
        caption += ". " + age
    if start:
        caption += " (continued)"
    heading = heading_flow(painter, fr.content.width(), fr.unit, "Sources cited", caption, theme)
    body = paint_heading(painter, heading, fr.content, fr.unit, theme, placed)

    def add(flow: Flow, entry: SourceEntry, u: float, full: bool) -> None:
        cited = notes.get(entry.citation.source_id, ())
        _source_blocks(flow, entry, u, theme, False, True, cited, full=full)

    layout = _layout_sources(
        painter, entries[start:], body, fr.unit, add, None, False, PRINT_MIN_SCALE
    )
    _paint_columns(painter, layout, body, fr.unit, placed)
    return start + max(layout.count, 1)
