"""Briefing slides painted from the live session: one renderer for the projector, the PDF and
the print dialog.

The renderer is not a widget and keeps no slide content: every paint reads the session as it
is, so a weight changed during a briefing shows on the next paint, and a PDF written at any
moment matches the screen. Content (which quotes, which drivers) comes from
explorer.core.briefing.content; this module only lays it out in whatever rect it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from explorer.core.briefing import content
from explorer.core.briefing.content import BriefingState, Quote, SourceEntry
from explorer.core.briefing.deck import option_of, slide_keys
from explorer.core.briefing.reliance import evidence_headline, reliance_content
from explorer.core.engine import Method
from explorer.core.tradeoff import Axis
from explorer.ui.briefing.paint.paint_acceptability import paint_acceptability
from explorer.ui.briefing.paint.paint_ranking import paint_ranking
from explorer.ui.briefing.paint.paint_tradeoff import chosen_axes, paint_tradeoff
from explorer.ui.briefing.paint.paint_weights import paint_weights
from explorer.ui.briefing.slides.slide_layout import Frame, base_unit, frame, paint_footer
from explorer.ui.briefing.slides.slide_option import paint_option
from explorer.ui.briefing.slides.slide_pages import (
    Painter,
    paint_chart,
    paint_references,
    paint_robustness,
    paint_sources,
    paint_title,
)
from explorer.ui.briefing.slides.slide_reliance import TITLE as RELIANCE_TITLE
from explorer.ui.briefing.slides.slide_reliance import paint_reliance
from explorer.ui.methods.methods_view import methods_comparison
from explorer.ui.methods.paint_methods import SHORT, paint_methods
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

ChartFn = Callable[..., None]  # paint_<name>(painter, rect, session, theme, font_px, **kw)
TITLES = {
    "title": "Title",
    "weights": "The criteria and their weights",
    "ranking": "Ranking",
    "tradeoff": "Tradeoff map",
    "robustness": "How firm is the ranking?",
    "methods": "Does the ranking depend on the method?",
    "reliance": RELIANCE_TITLE,
    "sources": "Sources",
}


def _axis_name(axis: Axis) -> str:
    return f"{axis.label.removeprefix('Group: ')} criteria" if axis.is_group else axis.label


def briefing_state(session: Session, day: date | None = None) -> BriefingState:
    """The session's analysis as the Qt-free content functions take it."""
    ds, result = session.decision_set, session.result
    assert ds is not None and result is not None
    profile = session.active_profile
    return BriefingState(
        ds,
        result,
        session.scores,
        session.audit_credibility,  # the lens's trust while it is on; off: every source counts
        None if profile is None else profile.name,
        session.dirty,
        session.lens_active,
        day or date.today(),
        "" if profile is None else profile.author,
        "" if profile is None else profile.description,
        session.elicitation,
    )


class SlideRenderer:
    """Paints any slide of the session's deck into any rect, at any size or aspect ratio.

    `placed` holds, after each paint, the box and text of every line drawn, so tests and the
    presenter can check that nothing was clipped or overlaps.
    """

    def __init__(self, session: Session, theme: Theme, day: date | None = None) -> None:
        self.session = session
        self.theme = theme
        self.day = day
        self.placed: list[tuple[QRectF, str]] = []
        self.printing = False  # painting for paper (PDF, print): footnotes, complete runs only

    # ---- the deck ------------------------------------------------------------------------
    def keys(self, include_hidden: bool = False) -> list[str]:
        """The slides in the user's order (hidden ones only when asked)."""
        ds = self.session.decision_set
        if ds is None:
            return []
        result = self.session.result
        every = slide_keys(ds, None if result is None else list(result.order))
        deck = self.session.deck
        return deck.arrange(every) if include_hidden else deck.visible(every)

    def title(self, key: str) -> str:
        option = option_of(key)
        ds = self.session.decision_set
        if option is not None and ds is not None and option in ds.option_ids:
            return ds.option(option).name
        return TITLES.get(key, key)

    def state(self) -> BriefingState:
        return briefing_state(self.session, self.day)

    # ---- painting ------------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        rect: QRectF,
        key: str,
        footnotes: bool = False,
        first_note: int = 1,
    ) -> list[Quote]:
        """Draw slide `key` filling rect; returns the quotes shown, in reading order.

        On screen a quote is credited inline with its source's title; with footnotes=True (PDF,
        print) it carries a superscript number, counting on from `first_note`, and the
        citations are set as footnotes at the foot of the slide.
        """
        self.placed = []
        self.printing = footnotes
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setClipRect(rect)
        painter.fillRect(rect, QColor(self.theme.background))
        shown: list[Quote] = []
        if self.session.decision_set is not None and self.session.result is not None:
            fr = frame(rect, base_unit(rect))
            shown = self._paint_slide(painter, fr, key, first_note if footnotes else None)
            self._footer(painter, fr, key)
        painter.restore()
        return shown

    def paint_references(
        self,
        painter: QPainter,
        rect: QRectF,
        notes: dict[str, list[int]],
        start: int = 0,
    ) -> int:
        """The PDF's closing sources page from source `start`, naming the footnotes that cite
        each source; returns where a following page should start (the count when done)."""
        self.placed = []
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setClipRect(rect)
        painter.fillRect(rect, QColor(self.theme.background))
        fr = frame(rect, base_unit(rect))
        entries = self.sources()
        age = content.evidence_age_text(self.state())
        done = paint_references(painter, fr, entries, start, notes, self.theme, self.placed, age)
        paint_footer(painter, fr, self._context(), "Sources cited", self.theme, self.placed)
        painter.restore()
        return done

    def sources(self) -> list[SourceEntry]:
        return content.source_entries(self.state())

    # ---- internals -----------------------------------------------------------------------
    def _context(self) -> str:
        t = content.title_content(self.state())
        return f"{t.set_title} · {t.profile} · {t.method}"

    def _footer(self, painter: QPainter, fr: Frame, key: str) -> None:
        visible = self.keys()
        place = f"{visible.index(key) + 1} / {len(visible)}" if key in visible else "Hidden"
        paint_footer(painter, fr, self._context(), place, self.theme, self.placed)

    def _paint_slide(
        self, painter: QPainter, fr: Frame, key: str, first_note: int | None
    ) -> list[Quote]:
        session, theme, placed = self.session, self.theme, self.placed
        state = self.state()
        option = option_of(key)
        if option is not None and option in state.decision_set.option_ids:
            c = content.option_content(state, option)
            return paint_option(painter, fr, c, theme, placed, first_note)
        if key == "title":
            paint_title(painter, fr, content.title_content(state), theme, placed)
        elif key == "weights":
            caption = content.weights_caption(state)
            paint_chart(
                painter, fr, TITLES[key], caption, self._chart(paint_weights), theme, placed
            )
        elif key == "ranking":
            caption = content.ranking_caption(state)
            alert = evidence_headline(state) or ""  # the window's line beside its ranking
            chart = self._chart(paint_ranking)
            paint_chart(painter, fr, TITLES[key], caption, chart, theme, placed, alert)
        elif key == "tradeoff":
            x, y = (_axis_name(a) for a in chosen_axes(session))
            caption = f"{x} (across) against {y} (up): further up and right is better on both"
            chart = self._chart(paint_tradeoff)
            paint_chart(painter, fr, TITLES[key], caption, chart, theme, placed)
        elif key == "robustness":
            self._robustness(painter, fr)
        elif key == "methods":
            comparison = methods_comparison(session)
            caption = "" if comparison is None else comparison.sentence(SHORT, agreement=False)
            chart = self._chart(paint_methods)
            paint_chart(painter, fr, TITLES[key], caption, chart, theme, placed)
        elif key == "reliance":
            paint_reliance(painter, fr, reliance_content(state), theme, placed)
        elif key == "sources":
            entries = content.source_entries(state)
            caption = content.sources_caption(state, entries)
            paint_sources(painter, fr, entries, caption, theme, placed, state.lens_active)
        return []

    def _chart(self, painter_fn: ChartFn) -> Painter:
        """A chart painter bound to this session and theme, as the slide layouts call it."""

        def draw(painter: QPainter, rect: QRectF, font_px: float) -> None:
            painter.save()
            painter.setClipRect(rect)
            painter_fn(painter, rect, self.session, self.theme, font_px)
            painter.restore()

        return draw

    def _robustness(self, painter: QPainter, fr: Frame) -> None:
        session = self.session
        analysis = session.analysis
        statements = [] if analysis is None else list(analysis.changes)
        caption = f"How often each option takes each rank across {session.sampling.audience_text()}"
        final = self.printing  # paper gets a complete run; a screen may show one in progress

        def chart(p: QPainter, rect: QRectF, font_px: float) -> None:
            p.save()
            p.setClipRect(rect)
            # the caption gives the sampling settings, so the chart leaves its note out
            paint_acceptability(p, rect, session, self.theme, font_px, notes=False, final=final)
            p.restore()

        heading = "What would change the lead"
        if session.method is not Method.WSM:  # the exact analyses are the weighted sum's
            heading += " (weighted sum)"
        paint_robustness(painter, fr, caption, chart, statements, heading, self.theme, self.placed)
