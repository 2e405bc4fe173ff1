"""Starting a presentation from the main window: which screen gets what, and coming back.

With two or more screens the slides go to a screen the main window is not on (the projector)
and the presenter view takes the main window's screen; with one screen the slides fill it and
P opens the presenter view windowed, for rehearsal. Leaving (Esc) puts the main window back
as it was: same window state, raised and focused (PresentationWindow.closeEvent).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.briefing.present.slide_canvas import SlideSource
from explorer.ui.briefing.slides.slide_manager import SlideManager
from explorer.ui.state.session import Session


def pick_screens(home: QScreen | None) -> tuple[QScreen | None, QScreen | None]:
    """(audience, presenter): the presenter screen is None when there is only one screen."""
    screens = QGuiApplication.screens()
    home = home or QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not home]
    if not others:
        return home, None
    return others[0], home


def start_presentation(
    session: Session, main_window: QWidget, *, renderer: SlideSource | None = None
) -> PresentationWindow | None:
    """F5 / View ▸ Present / the toolbar's Present: show the slides full screen.

    A second call while presenting brings the running presentation back to the front instead
    of starting another. Returns None when no decision set is loaded (nothing to present).
    """
    running = main_window.findChild(
        PresentationWindow, options=Qt.FindChildOption.FindDirectChildrenOnly
    )
    if running is not None and running.isVisible():
        running.present()
        return running
    if session.decision_set is None:
        return None
    audience, presenter = pick_screens(main_window.screen())
    window = PresentationWindow(session, main_window, screen=audience, renderer=renderer)
    # deleted once closed; PresentationWindow puts the main window back itself, so no Python
    # closure is connected to a signal of a window that deletes itself (PySide crashes on it)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.present()
    if presenter is not None:
        window.show_presenter(presenter)
    return window


def open_slide_manager(session: Session, parent: QWidget) -> SlideManager:
    """View ▸ Slides…: arrange the briefing outside a presentation (one dialog per window)."""
    manager = parent.findChild(SlideManager, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if manager is None:
        manager = SlideManager(session, parent)
    manager.show()
    manager.raise_()
    manager.activateWindow()
    return manager
