"""One slide painted letter-boxed at 16:9: the shared drawing step of the audience window, the
presenter's current/next previews and the slide manager's thumbnails.

Slides are painted by a renderer straight onto the widget's painter on every paint event, so a
weight change costs one paint and no slide is ever cached stale.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.ui import theme
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

SLIDE_ASPECT = 16 / 9  # the widest a slide gets
MIN_ASPECT = 4 / 3  # the narrowest: an old projector


class SlideSource(Protocol):
    """What the presentation needs from a slide renderer (explorer.ui.briefing.slides.slides)."""

    def keys(self, include_hidden: bool = False) -> list[str]: ...

    def title(self, key: str) -> str: ...

    # what it returns (the renderer's quotes) is not the presentation's business
    def paint(
        self, painter: QPainter, rect: QRectF, key: str, footnotes: bool = False
    ) -> object: ...


def projector_theme() -> Theme:
    """High contrast for the back of a room, whatever theme the main window uses."""
    return theme.PROJECTOR


def slide_palette(palette: QPalette, slide_theme: Theme) -> QPalette:
    """Controls shown with the slides (what-if panel, presenter view) in the slides' colours,
    whatever theme the main window uses."""
    t = slide_theme
    background = QColor(t.background)
    button = background.darker(112) if background.lightnessF() > 0.5 else background.lighter(160)
    for role, colour in (
        (QPalette.ColorRole.Window, background),
        (QPalette.ColorRole.WindowText, QColor(t.foreground)),
        (QPalette.ColorRole.Base, background),
        (QPalette.ColorRole.AlternateBase, button),
        (QPalette.ColorRole.Text, QColor(t.foreground)),
        (QPalette.ColorRole.Button, button),
        (QPalette.ColorRole.ButtonText, QColor(t.foreground)),
        (QPalette.ColorRole.Highlight, QColor(t.highlight)),
        (QPalette.ColorRole.HighlightedText, background),
        (QPalette.ColorRole.PlaceholderText, QColor(t.muted)),
    ):
        palette.setColor(role, colour)
    return palette


def default_renderer(session: Session, slide_theme: Theme) -> SlideSource:
    return SlideRenderer(session, slide_theme)


def letterbox(area: QRectF, aspect: float | None = None) -> QRectF:
    """The largest rectangle of `aspect` centred in `area`: bars left/right or top/bottom.

    With no aspect given, a screen between 4:3 and 16:9 is used whole — slides lay out for any
    proportions, and a 4:3 projector should not lose a quarter of its height to bars — and
    anything wider or taller is boxed to the nearer of the two.
    """
    if area.width() <= 0 or area.height() <= 0:
        return QRectF(area.topLeft(), area.topLeft())
    if aspect is None:
        aspect = min(max(area.width() / area.height(), MIN_ASPECT), SLIDE_ASPECT)
    width = min(area.width(), area.height() * aspect)
    height = width / aspect
    return QRectF(
        area.x() + (area.width() - width) / 2,
        area.y() + (area.height() - height) / 2,
        width,
        height,
    )


def paint_slide(
    painter: QPainter, area: QRectF, renderer: SlideSource, key: str, background: QColor
) -> QRectF:
    """Fill `area` with the theme background and paint `key` letter-boxed in it."""
    painter.fillRect(area, background)
    rect = letterbox(area)
    if rect.width() >= 1:
        painter.save()
        painter.setClipRect(rect)  # a renderer that overshoots must not spill into the bars
        renderer.paint(painter, rect, key)
        painter.restore()
    return rect


def thumbnail(renderer: SlideSource, key: str, size: QSize, background: QColor) -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_slide(painter, QRectF(0, 0, size.width(), size.height()), renderer, key, background)
    painter.end()
    return pixmap


class SlideCanvas(QWidget):
    """Shows one slide by key; an empty key shows `empty_text` (e.g. after the last slide)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        renderer: SlideSource,
        slide_theme: Theme,
        empty_text: str = "End of presentation",
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._renderer = renderer
        self._theme = slide_theme
        self._key: str | None = None
        self._empty_text = empty_text
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        session.resultChanged.connect(self.update)
        session.acceptabilityChanged.connect(self._on_acceptability)

    def _on_acceptability(self) -> None:
        if self._key == "robustness":  # the only slide that shows sampled numbers
            self.update()

    @property
    def key(self) -> str | None:
        return self._key

    def set_key(self, key: str | None) -> None:
        if key != self._key:
            self._key = key
            title = self._renderer.title(key) if key else self._empty_text
            self.setToolTip(title)
            self.setAccessibleDescription(title)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / SLIDE_ASPECT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = QColor(self._theme.background)
        area = QRectF(self.rect())
        if self._key:
            paint_slide(painter, area, self._renderer, self._key, background)
            return
        painter.fillRect(area, background)
        font = QFont(self.font())
        font.setPointSize(max(12, self.font().pointSize()))
        painter.setFont(font)
        painter.setPen(QColor(self._theme.muted))
        painter.drawText(letterbox(area), Qt.AlignmentFlag.AlignCenter, self._empty_text)
