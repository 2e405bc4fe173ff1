"""The "How much rests on the sources" slide and PDF page: the evidence check, laid out.

Left, the ranking on the scores beside the ranking with every cell rescored from its evidence;
right, who leads with each source switched off (a changed leader in bold); below, how many
cells no quote opposes or only one source backs, and the cells furthest from their evidence.
The words are explorer.core.briefing.reliance's; this module only places them.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter

from explorer.core.briefing.reliance import RelianceContent
from explorer.ui.briefing.slides.slide_layout import Frame, heading_flow, paint_heading
from explorer.ui.briefing.slides.slide_text import Flow, font
from explorer.ui.theme import Theme

TITLE = "How much rests on the sources"


def _ranking(flow: Flow, heading: str, names: tuple[str, ...], u: float, theme: Theme) -> None:
    flow.add(heading, font(u, 0.8, bold=True), theme.foreground, space_before=u * 0.4)
    for k, name in enumerate(names):
        flow.add(f"{k + 1}. {name}", font(u, 0.78), theme.foreground, max_lines=2)


def paint_reliance(
    painter: QPainter, fr: Frame, c: RelianceContent, theme: Theme, placed: list
) -> None:
    caption = "Each source switched off in turn, and every cell rescored from its quotes"
    heading = heading_flow(painter, fr.content.width(), fr.unit, TITLE, caption, theme, c.headline)
    body = paint_heading(painter, heading, fr.content, fr.unit, theme, placed)
    u = fr.unit
    gutter = u * 1.2
    half = (body.width() - gutter) / 2
    left = Flow(painter, half)
    _ranking(left, "On the scores", c.scored, u, theme)
    _ranking(left, "Rescored from the evidence", c.implied, u, theme)
    right = Flow(painter, half)
    right.add("Leader with one source switched off", font(u, 0.8, bold=True), theme.foreground)
    for w in c.without:
        colour = theme.contradicts if w.changes else theme.foreground
        right.add(
            f"Without {w.source}: {w.leader}",
            font(u, 0.74, bold=w.changes),
            colour,
            max_lines=3,
            space_before=u * 0.3,
            keep_whole=True,
        )
    foot = Flow(painter, body.width())
    foot.add(c.counts, font(u, 0.72), theme.muted, max_lines=3)
    if c.gaps:
        foot.add(
            "Furthest from their evidence: " + "; ".join(c.gaps) + ".",
            font(u, 0.72),
            theme.muted,
            max_lines=3,
            space_before=u * 0.2,
        )
    foot_top = body.bottom() - foot.height
    room = foot_top - body.top() - u * 0.5
    left.trim(room)
    right.trim(room)
    left.paint(painter, body.left(), body.top(), placed)
    right.paint(painter, body.left() + half + gutter, body.top(), placed)
    foot.paint(painter, body.left(), foot_top, placed)
