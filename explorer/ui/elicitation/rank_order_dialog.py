"""Rank the criteria by dragging them into order; ties are marked "same place as above"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from explorer.core.elicitation.rank_order import Scheme, rank_order_weights
from explorer.core.elicitation.record import Elicitation, Kind
from explorer.ui.elicitation.base_dialog import ElicitationDialog
from explorer.ui.state.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole


class RankOrderDialog(ElicitationDialog):
    UNDO_TEXT = "Weights from a ranking"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Rank the criteria", parent)
        hint = QLabel(
            "Drag the criteria into order, most important first. Tick a criterion to put it "
            "in the same place as the one above it (a tie)."
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.list = QListWidget()
        self.list.setAccessibleName("Criteria in order of importance")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        current = session.shares
        for k in sorted(range(len(self.criteria)), key=lambda k: -current[k]):
            item = QListWidgetItem(self.criteria[k].name)
            item.setData(ID_ROLE, self.criteria[k].id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.model().rowsMoved.connect(self.update_preview)
        self.list.itemChanged.connect(self.update_preview)
        self.body.addWidget(self.list)
        form = QFormLayout()
        self.scheme = QComboBox()
        self.scheme.setAccessibleName("How an order becomes weights")
        for scheme in Scheme:
            self.scheme.addItem(scheme.label, scheme.value)
        self.scheme.currentIndexChanged.connect(self.update_preview)
        form.addRow("&Weights from the order by", self.scheme)
        self.body.addLayout(form)
        self.finish_layout()

    def tiers(self) -> list[list[str]]:
        out: list[list[str]] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            tied = item.checkState() == Qt.CheckState.Checked and out
            if tied:
                out[-1].append(item.data(ID_ROLE))
            else:
                out.append([item.data(ID_ROLE)])
        return out

    def place(self, criterion_id: str, row: int) -> None:
        """Put a criterion at `row` (what a drag does; for the keyboard and for tests)."""
        for r in range(self.list.count()):
            if self.list.item(r).data(ID_ROLE) == criterion_id:
                item = self.list.takeItem(r)
                self.list.insertItem(row, item)
                break
        self.update_preview()

    def record(self) -> Elicitation:
        scheme = Scheme(self.scheme.currentData())
        tiers = self.tiers()
        return Elicitation(
            Kind.RANK_ORDER,
            rank_order_weights(tiers, scheme),
            scheme=scheme,
            order=tuple(tuple(t) for t in tiers),
        )
