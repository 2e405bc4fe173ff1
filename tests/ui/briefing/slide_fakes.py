"""A stand-in slide renderer that records what it was asked to paint.

It follows the session's deck exactly as the real SlideRenderer does (same keys, same order,
same hidden slides), so navigation tests check the window, not the slides' drawing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from explorer.core.briefing.deck import option_of, slide_keys
from explorer.ui import theme
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.state.session import Session


class FakeRenderer:
    def __init__(self, session: Session) -> None:
        self._session = session
        self.painted: list[str] = []  # keys, in paint order

    def keys(self, include_hidden: bool = False) -> list[str]:
        decision_set = self._session.decision_set
        if decision_set is None:
            return []
        keys = slide_keys(decision_set)
        deck = self._session.deck
        return deck.arrange(keys) if include_hidden else deck.visible(keys)

    def title(self, key: str) -> str:
        option = option_of(key)
        if option is not None:
            return self._session.decision_set.option(option).name
        return key.capitalize()

    def paint(self, painter: QPainter, rect: QRectF, key: str, footnotes: bool = False) -> None:
        self.painted.append(key)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.title(key))


class Recording:
    """The real SlideRenderer, noting which keys it painted (for repaint checks)."""

    def __init__(self, session: Session) -> None:
        self._real = SlideRenderer(session, theme.PROJECTOR)
        self.painted: list[str] = []

    def keys(self, include_hidden: bool = False) -> list[str]:
        return self._real.keys(include_hidden)

    def title(self, key: str) -> str:
        return self._real.title(key)

    def paint(self, painter: QPainter, rect: QRectF, key: str, footnotes: bool = False) -> None:
        self.painted.append(key)
        self._real.paint(painter, rect, key, footnotes)


RENDERERS = ("fake", "real")


def make_renderer(kind: str, session: Session) -> FakeRenderer | Recording:
    """Window tests run against both: the fake isolates the window, the real one proves the
    window works with the slides users see."""
    return FakeRenderer(session) if kind == "fake" else Recording(session)
