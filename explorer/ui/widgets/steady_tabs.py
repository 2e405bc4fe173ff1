"""A tab widget that lays itself out again only when something it lays out has changed.

QTabWidget answers every layout request from its pages by laying out its tab bar and page
again and repainting itself whole. A page asks on every change of a word-wrapped label's text,
even when the label keeps its size, and a drag changes such labels on every tick (the methods
tab's agreement figures, the sensitivity caption). Each tick then repainted the whole tab area,
tab bar and table included, and the request travelled on to the splitters: about 4 ms, a third
of a tick at the 95th percentile on the methods tab.

A request is passed on only when what QTabWidget's layout reads, or what it reports to its
parent, differs from when it last laid out: the tab bar's and corner widgets' size needs and the
widget's own size hints (and height for its width, where a page wraps text). Every other change
(resize, show, style, font) reaches QTabWidget as before; after a font change or a show the
next request always goes through.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

# events on which QTabWidget lays itself out for the state it then has
_LAID_OUT = {QEvent.Type.Resize, QEvent.Type.StyleChange}
# events after which its children's size needs may change with no layout of its own yet (a new
# font reaches the tab bar after the tab widget; a shown widget lays out only if marked dirty):
# the next request is always let through
_UNSURE = {QEvent.Type.FontChange, QEvent.Type.Show}

_CORNERS = (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)


class SteadyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: tuple[object, ...] | None = None

    def _layout_inputs(self) -> tuple[object, ...]:
        bar = self.tabBar()
        corners: list[object] = []
        for corner in _CORNERS:
            widget = self.cornerWidget(corner)
            shown = widget is not None and widget.isVisibleTo(self)
            corners.append(widget.sizeHint() if widget is not None and shown else None)
        height_for_width = self.heightForWidth(self.width()) if self.hasHeightForWidth() else -1
        return (
            self.size(),
            bar.isVisibleTo(self),
            bar.sizeHint(),
            bar.minimumSizeHint(),
            *corners,
            self.sizeHint(),
            self.minimumSizeHint(),
            height_for_width,
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            inputs = self._layout_inputs()
            if inputs == self._laid_out:
                return True  # nothing this widget lays out, or reports upward, has changed
            self._laid_out = inputs
            return super().event(event)
        handled = super().event(event)
        if event.type() in _LAID_OUT:
            self._laid_out = self._layout_inputs()
        elif event.type() in _UNSURE:
            self._laid_out = None
        return handled

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._laid_out = None  # laid out directly, not through a request: compare afresh

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self._laid_out = None
