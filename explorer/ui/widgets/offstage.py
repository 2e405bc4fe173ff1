"""Views in background tabs skip per-tick work and catch up when they are shown.

A slider tick updates every view; one the user cannot see need not redraw until it is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


def offstage(widget: QWidget) -> bool:
    """The window shows but this widget does not (a background tab).

    Such a view can skip per-tick work and catch up when shown. A widget that was never shown
    at all (tests, export) still updates, so its contents are always current when read.
    """
    return not widget.isVisible() and widget.window().isVisible()


class UpdatesWhenShown:
    """Mixin for a QWidget view: connect results to `_on_result`; implement `_update`."""

    _stale = False

    def _update(self) -> None:
        raise NotImplementedError

    def _on_result(self) -> None:
        if offstage(self):  # type: ignore[arg-type]  # mixed into a QWidget
            self._stale = True  # a background tab catches up when shown, not on every tick
        else:
            self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self._update()
