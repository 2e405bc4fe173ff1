"""The scrolling column of rows the weights and sources panels hold, one row per criterion or
source, rebuilt whole when a new decision set opens.

The vertical scroll bar is always there. Rows wrap their names to the width they get, so a bar
that came and went with the content's height would change the width, hence the wrapping, hence
the height again: at some window sizes (1024×768) the two triggered each other forever and
froze the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class RowScroll(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # tab goes to the rows, not the frame

    def fresh_column(self, spacing: int) -> tuple[QWidget, QVBoxLayout]:
        """Drop the old rows (their container goes in one deleteLater) and give an empty
        column to fill; hand the container back with setWidget once it is filled."""
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(spacing)
        return container, column
