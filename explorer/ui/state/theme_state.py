"""The theme every view draws in, as the session's part: the one place a view reads its colours
from and the one signal that tells it they changed.

Views once followed a switch three ways — a full re-announce of the set, Qt's PaletteChange, or
a module global read at paint time — so some repainted twice and some not at all. Now a switch
sets the application palette (for plain widgets) and emits `changed` once; slides and exported
files are given their theme explicitly and never read this.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from explorer.ui import theme as themes
from explorer.ui.theme import Theme


class ThemeState(QObject):
    changed = Signal()  # a new theme: views restyle

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = themes.LIGHT

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Apply `theme` to the application's widgets and tell the views (once)."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            themes.apply(app, theme)
        if theme != self._theme:
            self._theme = theme
            self.changed.emit()
