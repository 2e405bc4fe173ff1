"""The Problems list: every warning found when the decision set on screen was loaded.

A set outside the bundled one may load with warnings (a quote not found in its source, a source
text missing). A count in the status bar tells an analyst that something is wrong but not what;
this panel lists each one as FILE:LINE: field: message, the same line the command line prints,
so it can be fixed or at least named in a briefing. Unverified quotes are also marked where they
are shown (evidence panel, slides, PDF); this is where they are all listed at once.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from explorer.core.problems import Problem
from explorer.ui.state.session import Session


def problems_summary(title: str, warnings: list[Problem]) -> str:
    if not warnings:
        return f"No problems were found when {title} was loaded."
    count = "1 warning" if len(warnings) == 1 else f"{len(warnings)} warnings"
    return (
        f"{title} loaded with {count}. Quotes named here were not found in their source "
        "and are marked unverified wherever they are shown."
    )


class ProblemsPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Problems")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Problem list")
        self.list.setWordWrap(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.list.setFont(mono)
        self.copy = QPushButton("&Copy all")
        self.copy.setAccessibleName("Copy all problems")
        self.copy.clicked.connect(self._copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.copy)
        session.setChanged.connect(self._rebuild)
        self._rebuild()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _rebuild(self) -> None:
        ds = self.session.decision_set
        warnings = list(self.session.warnings) if ds is not None else []
        self.list.clear()
        for problem in warnings:
            self.list.addItem(str(problem))
        self.summary.setText(
            "No decision set loaded." if ds is None else problems_summary(ds.title, warnings)
        )
        self.copy.setEnabled(bool(warnings))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.lines()))
