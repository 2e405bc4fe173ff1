"""Each option's rank under every scoring method, its expected rank from rank acceptability,
how far the methods agree (Kendall's tau), and whether the leader holds across them.

Everything shown comes from explorer.core.methods_comparison, the same numbers as
`policy-explorer methods`; the expected rank waits for the sampler, which runs only while this
view (or another that shows acceptability) is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.engine import Method, Result
from explorer.core.methods_comparison import MethodsComparison, compare_methods
from explorer.core.robustness.smaa import Acceptability
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown

WAITING = "…"
SHORT_LABELS = {
    Method.WSM: "Weighted sum",
    Method.TOPSIS: "TOPSIS",
    Method.TOPSIS_SCALE: "TOPSIS (scale)",
    Method.PROMETHEE: "PROMETHEE II",
}


def methods_comparison(session: Session) -> MethodsComparison | None:
    """The comparison for what is on screen (expected ranks once a current run exists)."""
    ds, problem = session.decision_set, session.problem
    if ds is None or problem is None or session.result is None:
        return None
    return compare_methods(
        problem,
        session.result.weights,
        [o.name for o in ds.options],
        acceptability=current_acceptability(session),
    )


def current_acceptability(session: Session) -> Acceptability | None:
    return session.acceptability if session.acceptability_current else None


def agreement_text(comparison: MethodsComparison) -> str:
    pairs = [f"{a.label} ~ {b.label} {t:.2f}" for (a, b), t in comparison.agreement.items()]
    return "Agreement between methods (Kendall's tau, 1 = same order): " + "; ".join(pairs)


class MethodsView(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Does the leader hold across methods")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.table = QTableWidget()
        self.table.setAccessibleName("Rank of each option under each method")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.agreement.setAccessibleName("Agreement between methods")
        self.note = QLabel(
            "Expected rank: the mean rank over the robustness view's sampled weightings "
            f"({session.sampling.audience_text()}); {WAITING} while sampling runs."
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.agreement)
        layout.addWidget(self.note)
        layout.addStretch(1)
        # four methods and their agreement on every tick cost ~2 ms: a background tab waits
        session.resultChanged.connect(self._on_result)
        session.setChanged.connect(self._on_result)
        session.acceptabilityChanged.connect(self._on_result)
        self._scored: tuple[Result, MethodsComparison] | None = None  # the result it scored
        self._shape: tuple[tuple[Method, ...], tuple[str, ...]] | None = None  # table built for
        self.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._session.want_sampling(self, event.type() == QEvent.Type.Show)
        return False

    def _update(self) -> None:
        self.refresh()

    def _comparison(self) -> MethodsComparison | None:
        """Four methods are scored once per engine result; a sampling snapshot (which arrives
        on the same tick as the result, and then as chunks finish) only swaps the expected
        ranks. Same numbers as methods_comparison(), at a fraction of the cost per tick."""
        result = self._session.result
        if result is None or self._scored is None or self._scored[0] is not result:
            comparison = methods_comparison(self._session)
            self._scored = None if comparison is None or result is None else (result, comparison)
            return comparison
        return self._scored[1].with_acceptability(current_acceptability(self._session))

    def refresh(self) -> None:
        comparison = self._comparison()
        if comparison is None:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self._shape = None
            self.summary.setText("")
            self.agreement.setText("")
            return
        methods = comparison.methods
        result = self._session.result
        order: list[int] = [] if result is None else [int(i) for i in result.order]
        shape = (methods, comparison.names)
        if shape != self._shape:
            self._build(methods, len(order))
            self._shape = shape
        for row, i in enumerate(order):
            self._set_cell(row, -1, comparison.names[i])
            for col, m in enumerate(methods):
                self._set_cell(row, col, str(int(comparison.ranks[m][i])), leader=True)
            expected = comparison.expected_rank
            self._set_cell(row, len(methods), WAITING if expected is None else f"{expected[i]:.2f}")
        self.summary.setText(comparison.sentence())
        self.agreement.setText(agreement_text(comparison))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Option names take at most 40 % of the table's width (elided, in full as a tooltip):
        the five number columns need the rest for their headings."""
        super().resizeEvent(event)
        self.table.verticalHeader().setMaximumWidth(max(120, self.table.width() * 2 // 5))

    def _build(self, methods: tuple[Method, ...], rows: int) -> None:
        """Rows, columns and their items, made once per set and method list: a tick only
        changes texts (a new QTableWidgetItem per cell per tick cost most of the view's time)."""
        # two lines each ("Weighted / sum"): on one line, five columns beside the option names
        # were cut to "eighted su" at 1024 px wide
        heads = [SHORT_LABELS[m].replace(" ", "\n", 1) for m in methods] + ["Expected\nrank"]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        for k, m in enumerate(methods):
            header = self.table.horizontalHeaderItem(k)
            if header is not None:
                header.setToolTip(m.label)
        self.table.setRowCount(rows)
        for row in range(rows):
            self.table.setVerticalHeaderItem(row, QTableWidgetItem())
            for col in range(len(heads)):
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the heading's hint: its height is not laid out yet for the two-line labels just set
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def _set_cell(self, row: int, col: int, text: str, leader: bool = False) -> None:
        """Column -1 is the row's heading. Qt repaints a cell only when its text changes."""
        item = self.table.verticalHeaderItem(row) if col < 0 else self.table.item(row, col)
        if item is None or item.text() == text:
            return
        item.setText(text)
        if col < 0:
            item.setToolTip(text)  # the name in full where the heading column is cut short
        if leader:
            font = item.font()
            font.setBold(text == "1")
            item.setFont(font)
