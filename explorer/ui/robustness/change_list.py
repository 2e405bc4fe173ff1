"""What would change the answer, in plain language: the smallest single changes that hand the
lead to another option.

The sentences are session.analysis.changes (weight changes, smallest first, then the smallest
score changes), plus every other score change that stays inside the cell's assessed range: a
change the evidence itself allows is the one a reader most needs to see. A score row names its
cell; clicking it selects that option and criterion, so the evidence panel shows the quotes the
score rests on. A weight row selects its criterion, so the sensitivity chart shows that weight.
Rows are reused from one result to the next; only their text changes. During a slider drag
the sentences (which re-wrap a whole list) follow once the drag pauses, not on every tick.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from explorer.core.engine import Method
from explorer.core.model import DecisionSet
from explorer.core.robustness import ScoreChange
from explorer.ui.charts import chart_common as cc
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown

KIND = Qt.ItemDataRole.UserRole  # "heading", "note", "weight" or "score"
CELL = Qt.ItemDataRole.UserRole + 1  # (option id | None, criterion id)
WEIGHT_HEADING = "If one weight moved (the others rescaled)"
SCORE_HEADING = "If one score were different (click a row to see its evidence)"
DRAG_PAUSE_MS = 120
NO_SCORE_CHANGE = "No single score change within its scale hands over the lead."


class ChangeList(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName("What would change the result")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("What would change the result: method note")
        self.caption.hide()
        self.list = QListWidget()
        self.list.setAccessibleName("What would change the result: statements")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)

        self._after_drag = QTimer(self, singleShot=True, interval=DRAG_PAUSE_MS)
        self._after_drag.timeout.connect(self._on_result)
        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.resultChanged.connect(self._on_result)
        session.selectionChanged.connect(self._show_selection)
        if session.decision_set is not None:
            self._rebuild()

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        if self._session.decision_set is not None:
            self._rebuild()
            self._on_result()

    # ---- accessors (tests) --------------------------------------------------------------------
    def rows(self) -> list[tuple[str, str]]:
        """(kind, text) of every visible row, top to bottom."""
        out = []
        for k in range(self.list.count()):
            item = self.list.item(k)
            if not item.isHidden():
                out.append((str(item.data(KIND)), item.text()))
        return out

    def _on_result(self) -> None:
        if self._session.in_gesture:
            self._after_drag.start()  # (re)started on every tick: fires when the drag pauses
        else:
            super()._on_result()

    # ---- building ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """A new set (or theme): fonts re-read; the rows themselves are reused."""
        t = self._session.theme
        self.list.setFont(cc.chart_font(t))
        self.caption.setFont(cc.chart_font(t))
        self._update()

    def _update(self) -> None:
        session, ds = self._session, self._session.decision_set
        analysis = session.analysis
        if ds is None or analysis is None:
            return
        self.caption.setVisible(session.method is not Method.WSM)
        self.caption.setText(
            f"Weighted-sum analysis: a guide to {session.method.label}, not its exact thresholds."
        )
        rows: list[tuple[str, str, tuple[str | None, str] | None]] = []
        if len(ds.options) < 2:
            rows.append(("note", "Only one option: nothing can overtake it.", None))
        else:
            scores = {c.text: c for c in analysis.score_changes}
            weights = {c.text: c for c in analysis.weight_changes}
            texts = analysis.changes
            rows.append(("heading", WEIGHT_HEADING, None))
            for text in texts:
                if text in scores:
                    continue
                change = weights.get(text)
                if change is None:  # a tie, or the weights that cannot change the leader
                    rows.append(("note", text, None))
                else:
                    rows.append(("weight", text, (None, change.criterion)))
            listed = [scores[text] for text in texts if text in scores]
            listed += [c for c in analysis.score_changes if c.within_range and c not in listed]
            rows.append(("heading", SCORE_HEADING, None))
            if not listed:
                rows.append(("note", NO_SCORE_CHANGE, None))
            rows += [("score", _score_text(c, ds), (c.option, c.criterion)) for c in listed]
        self._fill(rows)
        self._show_selection()

    def _fill(self, rows: list[tuple[str, str, tuple[str | None, str] | None]]) -> None:
        t = self._session.theme
        link, muted = QBrush(QColor(t.highlight)), QBrush(QColor(t.muted))
        plain = QBrush(QColor(t.foreground))
        for k, (kind, text, cell) in enumerate(rows):
            item = self.list.item(k)
            if item is None:
                item = QListWidgetItem()
                self.list.addItem(item)
            if item.isHidden():
                item.setHidden(False)
            # Only what differs is set: each change re-lays out the word-wrapped list.
            if item.text() != text:
                item.setText(text)
                item.setToolTip(_tooltip(kind, text))
            if item.data(KIND) != kind or item.font().bold() != (kind == "heading"):
                item.setData(KIND, kind)
                font = QFont(self.list.font())
                font.setBold(kind == "heading")
                item.setFont(font)
                flags = Qt.ItemFlag.ItemIsEnabled
                if kind in ("weight", "score"):
                    flags |= Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags)
            if item.data(CELL) != cell:
                item.setData(CELL, cell)
            colour = link if kind == "score" else muted if kind == "note" else plain
            if item.foreground() != colour:
                item.setForeground(colour)
        for k in range(len(rows), self.list.count()):
            if not self.list.item(k).isHidden():
                self.list.item(k).setHidden(True)

    # ---- session ↔ list ---------------------------------------------------------------------
    def _show_selection(self) -> None:
        """Highlight the row of the selected cell (or weight), so the link is visible."""
        session = self._session
        wanted = (session.selected_option, session.selected_criterion)
        target = None
        for k in range(self.list.count()):
            item = self.list.item(k)
            cell = item.data(CELL)
            if item.isHidden() or cell is None:
                continue
            if tuple(cell) == wanted or (item.data(KIND) == "weight" and cell[1] == wanted[1]):
                target = item if target is None or item.data(KIND) == "score" else target
        with QSignalBlocker(self.list):
            if target is None:
                self.list.clearSelection()
            else:
                self.list.setCurrentItem(target)

    def _activated(self, item: QListWidgetItem) -> None:
        cell = item.data(CELL)
        if cell is None:
            return
        option, criterion = cell
        if item.data(KIND) == "weight":
            option = self._session.selected_option
        self._session.select(option=option, criterion=criterion)


def _score_text(change: ScoreChange, ds: DecisionSet) -> str:
    """The sentence, led by the cell it is about so the rows can be scanned by cell."""
    option, criterion = ds.option(change.option).name, ds.criterion(change.criterion).name
    return f"{option} · {criterion}\n{change.text}"


def _tooltip(kind: str, text: str) -> str:
    if kind == "score":
        cell = escape(text.split("\n", 1)[0])
        return f"Click to show the quotes behind <b>{cell}</b> in the evidence panel"
    if kind == "weight":
        return "Click to show this weight in the sensitivity chart"
    return ""
