"""Each option's rank under every scoring method, its expected rank from rank acceptability,
how far the methods agree (Kendall's tau), and whether the leader holds across them.

Everything shown comes from explorer.core.methods_comparison, the same numbers as
`policy-explorer methods`; the expected rank waits for the sampler, which runs only while this
view (or another that shows acceptability) is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.engine import Method
from explorer.core.methods_comparison import MethodsComparison, compare_methods
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
    acc = session.acceptability if session.acceptability_current else None
    return compare_methods(
        problem, session.result.weights, [o.name for o in ds.options], acceptability=acc
    )


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
        self.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._session.want_sampling(self, event.type() == QEvent.Type.Show)
        return False

    def _update(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        comparison = methods_comparison(self._session)
        if comparison is None:
            self.table.clear()
            self.summary.setText("")
            self.agreement.setText("")
            return
        methods = comparison.methods
        heads = [SHORT_LABELS[m] for m in methods] + ["Expected rank"]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        for k, m in enumerate(methods):
            header = self.table.horizontalHeaderItem(k)
            if header is not None:
                header.setToolTip(m.label)
        result = self._session.result
        order: list[int] = [] if result is None else [int(i) for i in result.order]
        self.table.setRowCount(len(order))
        self.table.setVerticalHeaderLabels([comparison.names[int(i)] for i in order])
        for row, i in enumerate(order):
            cells = [str(int(comparison.ranks[m][i])) for m in methods]
            expected = comparison.expected_rank
            cells.append(WAITING if expected is None else f"{expected[i]:.2f}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col < len(methods) and text == "1":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)
        self.summary.setText(comparison.sentence())
        self.agreement.setText(agreement_text(comparison))
