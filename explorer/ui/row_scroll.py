"""The scrolling column of rows the weights and sources panels hold, one row per criterion or
source, rebuilt whole when a new decision set opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class RowScroll(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
