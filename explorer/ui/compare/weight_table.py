"""Criteria × profiles: each profile's weight share, and where the profiles disagree.

The disagreement column is what a briefer points at: for two profiles the signed difference
(second minus first, in percentage points, coloured by sign and signed in text so colour is
never the only cue); for more, the spread between the highest and lowest share. Every number
comes from the Comparison; the table only formats and sorts it.
"""

from __future__ import annotations

from html import escape

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QIcon,
    QPixmap,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from explorer.core.profiles import Comparison
from explorer.ui import theme
from explorer.ui.compare.compare_text import points
from explorer.ui.state.session import Session
from explorer.ui.widgets.text_fit import wrap_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_MARK_PX = 20  # header padding plus the sort arrow
NAME_MIN_PX = 150
HEADER_PX = 80  # profile names wrap to this, so five profiles still leave the criteria room
NEGLIGIBLE = 0.0005  # under 0.05 points: shown muted, as no real difference


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class WeightDifferenceTable(QTableView):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName("Weight differences between profiles")
        self._model = QStandardItemModel(0, 0, self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setSortRole(SORT_ROLE)
        self.setModel(self._proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._shape: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._rows: list[dict[str, object]] = []
        self.selectionModel().currentRowChanged.connect(self._row_chosen)
        session.selectionChanged.connect(self._show_selection)

    # ---- input --------------------------------------------------------------------------------
    def set_comparison(
        self, comparison: Comparison | None, criterion_names: dict[str, str]
    ) -> None:
        if comparison is None or not comparison.names:
            self._model.clear()
            self._shape, self._rows = ((), ()), []
            return
        shape = (comparison.names, comparison.criterion_ids)
        if shape != self._shape:
            self._build(comparison, criterion_names)
        self._fill(comparison, criterion_names)

    def rows(self) -> list[dict[str, object]]:
        """Per criterion in set order: id, {profile: share}, and the difference/spread shown."""
        return [dict(row) for row in self._rows]

    def cell_text(self, row: int, column: int) -> str:
        """Text of a cell as displayed (after any sorting)."""
        return str(self._proxy.index(row, column).data() or "")

    # ---- building -----------------------------------------------------------------------------
    def _build(self, comparison: Comparison, criterion_names: dict[str, str]) -> None:
        k, m = len(comparison.names), len(comparison.criterion_ids)
        metrics = QFontMetrics(self.horizontalHeader().font())
        heads = [wrap_text(name, metrics, HEADER_PX, max_lines=3) for name in comparison.names]
        last = "Difference\n(points)" if k == 2 else "Spread\n(points)"
        self._model.clear()
        self._model.setColumnCount(k + 2)
        self._model.setRowCount(m)
        self._model.setHorizontalHeaderLabels(["Criterion", *heads, last])
        if k == 2:
            tip = f"{comparison.names[1]} minus {comparison.names[0]}, in percentage points"
        else:
            tip = "Highest share minus lowest share across the profiles, in percentage points"
        self._model.horizontalHeaderItem(k + 1).setToolTip(tip)
        for p, name in enumerate(comparison.names):
            self._model.horizontalHeaderItem(p + 1).setToolTip(f"Weight share under {name}")
        for j, cid in enumerate(comparison.criterion_ids):
            item = QStandardItem(criterion_names.get(cid, cid))
            item.setData(criterion_names.get(cid, cid).casefold(), SORT_ROLE)
            item.setData(cid, ID_ROLE)
            item.setIcon(swatch(theme.criterion_colour(j)))
            item.setToolTip(f"<b>{escape(criterion_names.get(cid, cid))}</b>")
            self._model.setItem(j, 0, item)
            for col in range(1, k + 2):
                cell = QStandardItem()
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._model.setItem(j, col, cell)
        self._shape = (comparison.names, comparison.criterion_ids)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        number_px = metrics.horizontalAdvance("100.0%") + 2 * SORT_MARK_PX
        for col, head in enumerate([*heads, last], start=1):
            widest = max(metrics.horizontalAdvance(line) for line in head.split("\n"))
            header.resizeSection(col, max(number_px, widest + SORT_MARK_PX))
        self._fit_name_column()
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # set order until a header is clicked

    def _fit_name_column(self) -> None:
        """Criterion names take the width the numbers leave, but never less than a readable
        minimum (the table scrolls sideways instead): Stretch would squeeze them to nothing."""
        header = self.horizontalHeader()
        if header.count() == 0:
            return
        others = sum(header.sectionSize(col) for col in range(1, header.count()))
        header.resizeSection(0, max(NAME_MIN_PX, self.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_name_column()

    def _fill(self, comparison: Comparison, criterion_names: dict[str, str]) -> None:
        th = self._session.theme
        k = len(comparison.names)
        weights = comparison.weights
        extra = difference_values(comparison)
        self._rows = []
        for j, cid in enumerate(comparison.criterion_ids):
            name = criterion_names.get(cid, cid)
            shares = ", ".join(
                f"{weights[p, j]:.1%} under {escape(pn)}" for p, pn in enumerate(comparison.names)
            )
            for p in range(k):
                cell = self._model.item(j, p + 1)
                cell.setText(f"{weights[p, j]:.1%}")
                cell.setData(float(weights[p, j]), SORT_ROLE)
                cell.setToolTip(
                    f"<b>{escape(name)}</b><br>{weights[p, j]:.1%} of the weight under "
                    f"{escape(comparison.names[p])}"
                )
            value = float(extra[j])
            cell = self._model.item(j, k + 1)
            cell.setText(points(value) if k == 2 else f"{value * 100:.1f}")
            cell.setData(value, SORT_ROLE)
            if abs(value) < NEGLIGIBLE:
                colour = th.muted
            elif k == 2:
                colour = th.supports if value > 0 else th.contradicts
            else:
                colour = th.foreground
            cell.setForeground(QBrush(QColor(colour)))
            what = "difference" if k == 2 else "spread"
            cell.setToolTip(f"<b>{escape(name)}</b><br>{shares}<br>{what} {points(value)} points")
            self._rows.append(
                {
                    "criterion": cid,
                    "weights": {pn: float(weights[p, j]) for p, pn in enumerate(comparison.names)},
                    "value": value,
                }
            )
        self._proxy.invalidate()
        self._show_selection()

    # ---- selection ----------------------------------------------------------------------------
    def _row_chosen(self) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        cid = self._proxy.index(index.row(), 0).data(ID_ROLE)
        self._session.select(option=self._session.selected_option, criterion=cid)

    def _show_selection(self) -> None:
        wanted = self._session.selected_criterion
        blocker = QSignalBlocker(self.selectionModel())
        for row in range(self._proxy.rowCount()):
            if self._proxy.index(row, 0).data(ID_ROLE) == wanted:
                self.selectRow(row)
                self.setCurrentIndex(self._proxy.index(row, 0))
                break
        else:
            self.clearSelection()
        blocker.unblock()
        self.viewport().update()


def difference_values(comparison: Comparison) -> np.ndarray:
    """What the last column shows: B − A for two profiles, the spread for more."""
    if len(comparison.names) == 2:
        return comparison.weight_difference(0, 1)
    return comparison.weight_spread()
