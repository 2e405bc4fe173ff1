"""The audience screen: the current slide full screen, large, in the projector theme.

Everything here is a paint: the slide is drawn by the renderer on each paint event, so a weight
change (a what-if question) costs one repaint of one window. The keys come from the shared
SlideNavigator, so the presenter view on the other screen drives this window too.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QScreen,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from explorer.ui.briefing.present.presenter_view import PresenterView
from explorer.ui.briefing.present.slide_canvas import (
    SlideSource,
    default_renderer,
    letterbox,
    paint_slide,
    projector_theme,
)
from explorer.ui.briefing.present.slide_navigator import SlideNavigator, add_undo_keys
from explorer.ui.briefing.present.whatif_overlay import NAME_CHARS, WIDE_NAME_CHARS, WhatIfOverlay
from explorer.ui.briefing.slides.slide_manager import SlideManager
from explorer.ui.state.session import Session

WHEEL_STEP = 120  # one notch of a mouse wheel; touchpads send fractions of it
CURSOR_HIDE_MS = 2500  # a still mouse pointer disappears from the slide
OVERLAY_MARGIN = 0.02  # of the window height, between the what-if panel and the screen edge
OVERLAY_TYPE = 0.019  # the what-if panel's type, as a fraction of the slide's height
MIN_OVERLAY_PX = 13


class PresentationWindow(QWidget):
    closed = Signal()  # the presentation ended (Esc, or the window was closed)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        screen: QScreen | None = None,
        renderer: SlideSource | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self._session = session
        self._theme = projector_theme()
        self.renderer = renderer if renderer is not None else default_renderer(session, self._theme)
        self.navigator = SlideNavigator(session, self.renderer, self)
        self._wheel = 0
        self._slide_area = QRectF(self.rect())
        self._screen = screen
        self._host_state = Qt.WindowState.WindowNoState  # the main window's, to put back
        self.presenter_view: PresenterView | None = None
        self.slide_manager: SlideManager | None = None
        self.setWindowTitle("Presentation")
        self.setAccessibleName("Presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted
        self.setMinimumSize(320, 180)
        self.setMouseTracking(True)  # moving the mouse brings the hidden pointer back
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_HIDE_MS)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        self._cursor_timer.start()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())

        self.overlay = WhatIfOverlay(session, self, slide_theme=self._theme)
        self.overlay.hide()
        add_undo_keys(self, session)
        self.overlay.restoreRequested.connect(self.navigator.return_to_briefed)

        self.navigator.changed.connect(self._on_navigated)
        self.navigator.leaveRequested.connect(self.close)
        self.navigator.whatIfRequested.connect(self.toggle_what_if)
        self.navigator.slidesRequested.connect(self.show_slide_manager)
        self.navigator.presenterRequested.connect(self.toggle_presenter)
        session.resultChanged.connect(self.update)
        session.deckChanged.connect(self.update)  # a hidden *other* slide changes only N
        session.acceptabilityChanged.connect(self._on_acceptability)
        self._on_navigated()

    def _on_acceptability(self) -> None:
        if self.navigator.current == "robustness":  # the only slide that shows sampling
            self.update()

    # ---- showing ---------------------------------------------------------------------------
    def present(self) -> None:
        """Full screen on the chosen screen (the projector when there are two)."""
        if (host := self.parentWidget()) is not None and not self.isVisible():
            self._host_state = host.window().windowState()
        if self._screen is not None:
            self.setGeometry(self._screen.geometry())
        # the robustness slide then shows the background run (filling in after a what-if)
        # instead of sampling on this thread in every repaint
        self._session.want_sampling(self, True)
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def show_presenter(self, screen: QScreen | None = None) -> PresenterView:
        """The presenter's own window: full screen on `screen`, or windowed for rehearsal."""
        if self.presenter_view is None:
            self.presenter_view = PresenterView(
                self._session,
                self,
                navigator=self.navigator,
                renderer=self.renderer,
                slide_theme=self._theme,
            )
            self.presenter_view.setWindowFlag(Qt.WindowType.Window)
        view = self.presenter_view
        if screen is not None:
            view.setScreen(screen)
            view.setGeometry(screen.geometry())
            view.showFullScreen()
        else:
            shown_on = self.screen() or self._screen
            assert shown_on is not None  # a shown widget is on some screen
            area = shown_on.availableGeometry()
            view.resize(round(area.width() * 0.8), round(area.height() * 0.8))
            view.move(area.center() - view.rect().center())
            view.showNormal()
        view.raise_()
        view.activateWindow()
        return view

    def toggle_presenter(self) -> None:
        if self.presenter_view is not None and self.presenter_view.isVisible():
            self.presenter_view.hide()
            self.activateWindow()
        else:
            self.show_presenter()

    def show_slide_manager(self) -> SlideManager:
        if self.slide_manager is None:
            self.slide_manager = SlideManager(
                self._session, self, renderer=self.renderer, slide_theme=self._theme
            )
            self.slide_manager.setWindowModality(Qt.WindowModality.NonModal)
            self.slide_manager.select_key(self.navigator.current)
        self.slide_manager.show()
        self.slide_manager.raise_()
        self.slide_manager.activateWindow()
        return self.slide_manager

    def toggle_what_if(self) -> None:
        self.overlay.setVisible(not self.overlay.isVisible() and not self.navigator.black)
        self._place_overlay()  # the slide makes room for the panel, or takes it back
        if not self.overlay.isVisible():
            self.setFocus()  # a slider keeping focus would eat the clicker's arrow keys
        self.update()

    # ---- navigation → window ---------------------------------------------------------------
    def _on_navigated(self) -> None:
        key = self.navigator.current
        title = self.renderer.title(key) if key else "No slides"
        self.setAccessibleDescription(f"Slide {self.navigator.counter()}: {title}")
        if self.navigator.black and self.overlay.isVisible():
            self.overlay.hide()  # a blacked-out screen shows nothing at all
            self._place_overlay()
        self.update()

    # ---- painting --------------------------------------------------------------------------
    def slide_rect(self) -> QRectF:
        """Where the slide is painted: the whole screen, or beside/above the what-if panel."""
        return letterbox(self._slide_area)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self.navigator.black:
            painter.fillRect(self.rect(), QColor("black"))
            return
        background = QColor(self._theme.background)
        key = self.navigator.current
        if key is None:
            painter.fillRect(self.rect(), background)
            self._paint_badge(painter, self.slide_rect(), "No slides to show (S: slides)", True)
            return
        # the slide's own footer carries the "n / N" counter (SlideRenderer numbers the slides
        # shown, as the navigator does), so the window adds none of its own over it
        painter.fillRect(self.rect(), background)
        rect = paint_slide(painter, self._slide_area, self.renderer, key, background)
        if self.navigator.what_if:
            self._paint_badge(painter, rect, "What-if weights · R restores the briefing", False)
        if self.navigator.buffer:
            self._paint_buffer(painter, rect)

    def _font(self, rect: QRectF, fraction: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(13, round(rect.height() * fraction)))
        font.setBold(bold)
        return font

    def _paint_badge(self, painter: QPainter, rect: QRectF, text: str, centre: bool) -> None:
        """A what-if warning in the top-right corner, so the room knows the chart is not the
        briefed one (or a centred message when there is nothing to show)."""
        font = self._font(rect, 0.024, bold=True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        pad = metrics.height() * 0.4
        width, height = metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad
        if centre:
            left, top = rect.center().x() - width / 2, rect.center().y() - height / 2
        else:
            margin = rect.height() * 0.018
            left, top = rect.right() - margin - width, rect.top() + margin
        box = QRectF(left, top, width, height)
        highlight = QColor(self._theme.highlight)
        painter.setPen(QPen(highlight, 2))
        fill = QColor(self._theme.background)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, height / 4, height / 4)
        painter.setPen(QColor(self._theme.foreground))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_buffer(self, painter: QPainter, rect: QRectF) -> None:
        """The typed slide number, so the presenter sees "go to 12" before pressing Enter."""
        number = int(self.navigator.buffer)
        target = min(max(number, 1), max(self.navigator.count, 1))
        key = self.navigator.keys[target - 1] if self.navigator.count else None
        title = self.renderer.title(key) if key else ""
        text = f"Go to slide {self.navigator.buffer}: {title}  (Enter)"
        font = self._font(rect, 0.04, bold=True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, round(rect.width() * 0.8))
        pad = metrics.height() * 0.5
        width, height = metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad
        box = QRectF(rect.center().x() - width / 2, rect.bottom() - height * 2.2, width, height)
        painter.setPen(QPen(QColor(self._theme.highlight), 3))
        painter.setBrush(QColor(self._theme.background))
        painter.drawRoundedRect(box, height / 4, height / 4)
        painter.setPen(QColor(self._theme.foreground))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _place_overlay(self) -> None:
        """Dock the what-if panel where it costs the slide least: at the side on a wide screen,
        below on a 4:3 one. The slide shrinks beside it rather than hiding under it, so the
        room sees the whole chart answer the question."""
        full = QRectF(self.rect())
        self._slide_area = full
        if not self.overlay.isVisible():
            return
        margin = round(self.height() * OVERLAY_MARGIN)
        pixels = max(MIN_OVERLAY_PX, round(letterbox(full).height() * OVERLAY_TYPE))
        w, h = full.width(), full.height()
        beside_size = self._fit_overlay(pixels, NAME_CHARS, margin)
        beside = QRectF(0, 0, max(w - beside_size.width() - 2 * margin, 0), h)
        below_size = self._fit_overlay(pixels, WIDE_NAME_CHARS, margin)
        below = QRectF(0, 0, w, max(h - below_size.height() - 2 * margin, 0))
        if letterbox(beside).width() >= letterbox(below).width():
            size = self._fit_overlay(pixels, NAME_CHARS, margin)
            self._slide_area = beside
            self.overlay.move(round(w - size.width() - margin), round((h - size.height()) / 2))
        else:
            size = below_size  # the panel was last laid out for this placement
            self._slide_area = below
            self.overlay.move(round((w - size.width()) / 2), round(h - size.height() - margin))
        self.overlay.resize(size)

    def _fit_overlay(self, pixels: int, name_chars: int, margin: int) -> QSize:
        """Lay the panel out, with smaller type until it fits the screen's height."""
        while True:
            self.overlay.set_pixel_size(pixels, name_chars)
            size = self.overlay.sizeHint()
            if size.height() <= self.height() - 2 * margin or pixels <= MIN_OVERLAY_PX:
                return size
            pixels -= 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlay()

    # ---- input -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.navigator.handle_key(event.key(), event.modifiers()):
            event.accept()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click advances like a clicker; the right button goes back."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.navigator.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.navigator.prev()
        else:
            super().mousePressEvent(event)
            return
        self.setFocus()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)

    def _hide_cursor(self) -> None:
        if not self.overlay.isVisible():  # the what-if sliders need a pointer
            self.setCursor(Qt.CursorShape.BlankCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= WHEEL_STEP:
            if self._wheel < 0:  # wheel towards the user: on through the talk
                self._wheel += WHEEL_STEP
                self.navigator.next()
            else:
                self._wheel -= WHEEL_STEP
                self.navigator.prev()
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._session.want_sampling(self, False)
        for window in (self.presenter_view, self.slide_manager):
            if window is not None:
                window.close()
        super().closeEvent(event)
        if (host := self.parentWidget()) is not None:  # back to the main window as it was
            host = host.window()
            host.setWindowState(self._host_state)
            host.show()
            host.raise_()
            host.activateWindow()
        self.closed.emit()
