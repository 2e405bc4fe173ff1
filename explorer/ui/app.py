"""Application start-up: one QApplication, one Session, one MainWindow."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from explorer import __version__, paths
from explorer.desktop import ICON_NAME, ICON_SIZES
from explorer.ui import theme
from explorer.ui.main_window import MainWindow, quit_after
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings

_STARTED = time.perf_counter()


def configure_charts() -> None:
    """pyqtgraph's global options, as the window runs with them (the benchmarks measure the
    same: without this they timed unantialiased charts nobody sees)."""
    pg.setConfigOptions(antialias=True)


def create_window(set_path: str | None = None) -> MainWindow:
    """Build the window and open a set: the one asked for, else the last one, else the bundled."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = AppSettings()
    configure_charts()
    session = Session()
    session.set_theme(theme.chosen(settings.theme))  # the app's palette too, before any view
    window = MainWindow(session, settings)
    if set_path:
        window.open_path(Path(set_path))
    else:
        last = settings.last_set
        if not (last and Path(last).exists() and window.open_path(Path(last))):
            window.open_path(paths.bundled_set())
    if settings.theme == "system":
        app.styleHints().colorSchemeChanged.connect(lambda _: window.set_theme("system"))
    return window


def app_icon() -> QIcon:
    """The window and taskbar icon, from the PNG sizes (no SVG plug-in needed in a bundle)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(paths.icons_dir() / f"{ICON_NAME}-{size}.png"), QSize(size, size))
    return icon


def run(set_path: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)  # instance() is typed as the core application
    app.setApplicationName("Policy Options Explorer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(ICON_NAME)  # Wayland and X11 desktops match the window to its entry
    app.setWindowIcon(app_icon())
    window = create_window(set_path)
    window.show()
    QTimer.singleShot(0, window.offer_recovery)  # asked over the window, not before it
    # The smoke test and the start-up benchmark read this line and close the window on a timer.
    if ms := os.environ.get("POLICY_EXPLORER_QUIT_AFTER_MS"):
        QTimer.singleShot(
            0,
            lambda: print(
                f"window shown after {1000 * (time.perf_counter() - _STARTED):.0f} ms", flush=True
            ),
        )
        quit_after(int(ms))
    return app.exec()
