"""The score matrix's table model: each cell's text, colours and tooltip, and the row order.

The view (score_matrix.py) only displays and selects; everything a cell says comes from here,
read from the session on demand, and rows are sorted here on numpy keys (see sort) so that a
sort by total can follow the weights live.

Cells show the scores in use (session.scores): the editorial ones, or with the sources lens on,
the ones recomputed from the quotes, marked ↻ where they differ. They can be coloured by
desirability or by how far apart the sources are (session.lens.disagreement).
"""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from explorer.core.evidence import thin_matrix, thin_reason
from explorer.core.model import DecisionSet, Direction
from explorer.core.robustness.lens_summary import disagreement_phrase
from explorer.ui import theme
from explorer.ui.matrix.score_matrix_lens import (
    RESCORED_MARK,
    ColourMode,
    MatrixLens,
    disagreement_colour,
)
from explorer.ui.state.session import Session

TOTAL, RANK, FIRST_CRITERION = 0, 1, 2
THIN_MARK = "◔"
ModelIndex = QModelIndex | QPersistentModelIndex


def _fmt(value: float) -> str:
    return f"{value:.3g}"


class ScoreMatrixModel(QAbstractTableModel):
    """Reads the session on demand; caches only what is fixed for the life of a decision set,
    plus the lens-dependent arrays, so a change can be traced to the columns it touches."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._set: DecisionSet | None = None
        self._lows = self._highs = np.zeros((0, 0))
        self._unassessed = self._thin = np.zeros((0, 0), dtype=bool)
        self._order = np.zeros(0, dtype=int)  # display row → option index
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._mode = ColourMode.DESIRABILITY
        self._lens = MatrixLens()  # scores shown, ↻ marks, spreads: as last read from the session
        self._pending = np.zeros(0, dtype=bool)  # criteria repainted before the result caught up

    def rebuild(self) -> None:
        self.beginResetModel()
        self._set = ds = self.session.decision_set
        self._order = np.arange(0 if ds is None else len(ds.options))
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self._lens.reset(ds)
        if ds is not None:
            _, self._lows, self._highs = ds.matrix()
            self._unassessed = np.array(
                [[ds.assessment(o.id, c.id).unassessed for c in ds.criteria] for o in ds.options],
                dtype=bool,
            ).reshape(self._lows.shape)
            self._thin = thin_matrix(ds)
            self._pending = np.zeros(len(ds.criteria), dtype=bool)
            self._pull()
        self.endResetModel()

    # ---- session → model -----------------------------------------------------------------
    def _pull(self) -> np.ndarray:
        return self._lens.pull(self.session, self._mode is ColourMode.DISAGREEMENT)

    def refresh_sources(self) -> None:
        """Source weights or the lens switch may have changed: repaint the columns they moved.

        The result (and with it desirability) arrives a moment later; those columns are kept
        pending and repainted again then, so no cell keeps a stale heat colour.
        """
        changed = self._pull()
        if changed.any():
            self._pending |= changed
            self._emit_criteria(changed)
            if self._sort[0] >= FIRST_CRITERION:
                self._apply_order(self._sorted_order())

    def refresh_totals(self) -> None:
        """Weights move only Total and Rank; the lens also moves the columns it rescored."""
        if not self.rowCount():
            return
        changed = self._pull() | self._pending
        self._pending = np.zeros_like(self._pending)
        if self._sort[0] in (TOTAL, RANK) or (self._sort[0] >= FIRST_CRITERION and changed.any()):
            self._apply_order(self._sorted_order())
        self.dataChanged.emit(self.index(0, TOTAL), self.index(self.rowCount() - 1, RANK))
        self._emit_criteria(changed)

    def _emit_criteria(self, changed: np.ndarray) -> None:
        """One dataChanged per run of adjacent changed columns: the view repaints strips."""
        last = self.rowCount() - 1
        j = 0
        while j < len(changed):
            if not changed[j]:
                j += 1
                continue
            end = j
            while end + 1 < len(changed) and changed[end + 1]:
                end += 1
            self.dataChanged.emit(
                self.index(0, FIRST_CRITERION + j), self.index(last, FIRST_CRITERION + end)
            )
            j = end + 1

    # ---- colour mode ---------------------------------------------------------------------
    @property
    def colour_mode(self) -> ColourMode:
        return self._mode

    def set_colour_mode(self, mode: ColourMode | str) -> None:
        mode = ColourMode(mode)
        if mode is self._mode:
            return
        self._mode = mode
        self._lens.forget()  # spreads are diffed only while on show: read them afresh
        self._pull()
        if self._sort[0] >= FIRST_CRITERION:
            self._apply_order(self._sorted_order())
        if self.rowCount():
            self._emit_criteria(np.ones(len(self._pending), dtype=bool))
            last = self.columnCount() - 1
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_CRITERION, last)

    # ---- sorting -------------------------------------------------------------------------
    # Sorting lives here, on numpy keys, rather than in a QSortFilterProxyModel: a proxy asks
    # data() for every comparison, ~12 ms per re-sort at 200 options, far over the per-tick
    # budget when a sort by total follows the weights live.
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._apply_order(self._sorted_order())

    def _sorted_order(self) -> np.ndarray:
        result, (column, order) = self.session.result, self._sort
        index = np.arange(len(self._order))
        if result is None or not 0 <= column < self.columnCount():
            return index
        if column == TOTAL:
            keys = result.totals
        elif column == RANK:
            keys = result.ranks.astype(float)
        elif self._mode is ColourMode.DISAGREEMENT:  # sort by what the colour shows
            keys = self._lens.disagreement[:, column - FIRST_CRITERION].copy()
        else:  # by desirability, so "best first" means the same on every criterion
            j = column - FIRST_CRITERION
            keys = np.where(self._unassessed[:, j], -1.0, result.desirability[:, j])
        if order == Qt.SortOrder.DescendingOrder:
            keys = -keys
        return np.lexsort((index, keys))  # stable: ties keep the set's order

    def _apply_order(self, order: np.ndarray) -> None:
        if np.array_equal(order, self._order):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = np.empty_like(order)
        new_row[order] = np.arange(len(order))
        old = self.persistentIndexList()
        moved = [self.index(int(new_row[self._order[p.row()]]), p.column()) for p in old]
        self._order = order
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def refresh_all(self) -> None:
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # ---- shape ---------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if self._set is None or parent.isValid() else len(self._set.options)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if self._set is None or parent.isValid():
            return 0
        return FIRST_CRITERION + len(self._set.criteria)

    def option_id(self, row: int) -> str:
        assert self._set is not None
        return self._set.options[int(self._order[row])].id

    def criterion_id(self, column: int) -> str | None:
        assert self._set is not None
        return None if column < FIRST_CRITERION else self._set.criteria[column - FIRST_CRITERION].id

    def row_of(self, option_id: str) -> int:
        """The display row of an option, wherever the current sort has put it."""
        if self._set is None:
            return -1
        i = self._set.option_ids.index(option_id)
        return int(np.flatnonzero(self._order == i)[0])

    def column_of(self, criterion_id: str | None) -> int:
        if self._set is None or criterion_id is None:
            return TOTAL
        return FIRST_CRITERION + self._set.criterion_ids.index(criterion_id)

    # ---- data ----------------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self.session.result
        if self._set is None or result is None or not index.isValid():
            return None
        i, col = int(self._order[index.row()]), index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if col in (TOTAL, RANK):
            return self._option_data(i, col, role)
        j = col - FIRST_CRITERION
        unassessed = bool(self._unassessed[i, j])
        if role == Qt.ItemDataRole.DisplayRole:
            if unassessed:
                return "n/a"
            s, lo, hi = self._lens.shown[i, j], self._lows[i, j], self._highs[i, j]
            score = f"{_fmt(s)}{RESCORED_MARK}" if self._lens.rescored[i, j] else _fmt(s)
            text = score if lo == hi == s else f"{score}  [{_fmt(lo)}–{_fmt(hi)}]"
            return f"{text} {THIN_MARK}" if self._thin[i, j] else text
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            t = self.session.theme
            if unassessed:
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor(t.foreground))
                return QBrush(QColor(t.muted), Qt.BrushStyle.BDiagPattern)
            if self._mode is ColourMode.DISAGREEMENT:
                colour = disagreement_colour(t, float(self._lens.level[i, j]))
            else:
                colour = theme.heat_colour(t, float(result.desirability[i, j]))
            return QBrush(
                colour if role == Qt.ItemDataRole.BackgroundRole else theme.readable_text(colour)
            )
        if role == Qt.ItemDataRole.FontRole and unassessed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(i, j)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._cell_tooltip(i, j).replace("\n", "; ")
        return None

    def _option_data(self, i: int, col: int, role: int) -> Any:
        result = self.session.result
        assert result is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TOTAL:
                return f"{result.totals[i]:.3f}"
            return f"={result.ranks[i]}" if result.tied(i) else str(result.ranks[i])
        if role == Qt.ItemDataRole.FontRole and col == TOTAL:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._option_tooltip(i)
        return None

    def _option_tooltip(self, i: int) -> str:
        result = self.session.result
        assert self._set is not None and result is not None
        option = self._set.options[i]
        tie = " (tied)" if result.tied(i) else ""
        return (
            f"{option.name}\nTotal {result.totals[i]:.3f} ({self.session.method.label})\n"
            f"Rank {result.ranks[i]}{tie} of {len(self._set.options)}"
        )

    def _cell_tooltip(self, i: int, j: int) -> str:
        result = self.session.result
        assert self._set is not None and result is not None
        option, crit = self._set.options[i], self._set.criteria[j]
        lines = [f"{option.name} × {crit.name}"]
        if self._unassessed[i, j]:
            lines.append("Not assessed: counted as the scale midpoint, full range uncertain")
        else:
            lens = self._lens
            scale = f"on {_fmt(crit.scale.min)}–{_fmt(crit.scale.max)}"
            span = f"{_fmt(self._lows[i, j])}–{_fmt(self._highs[i, j])}"
            score = _fmt(lens.shown[i, j])
            if lens.rescored[i, j]:
                lines.append(
                    f"Score {score} {RESCORED_MARK} rescored from the sources "
                    f"(editorial {_fmt(lens.editorial[i, j])}, range {span}) {scale}"
                )
            else:
                lines.append(f"Score {score} (range {span}) {scale}")
            spread = disagreement_phrase(int(lens.voices[i, j]), float(lens.disagreement[i, j]))
            lines.append(f"Sources: {spread}")
        lines += [
            f"Desirability {result.desirability[i, j]:.2f}",
            f"Weight share {result.weights[j]:.0%}",
            f"Contribution {result.contributions[i, j]:.3f} of total {result.totals[i]:.3f}",
            f"Rank {result.ranks[i]} of {len(self._set.options)}",
        ]
        if self._thin[i, j]:
            reason = thin_reason(self._set.assessment(option.id, crit.id))
            lines.append(f"{THIN_MARK} Thin evidence: {reason}")
        return "\n".join(lines)

    def _sort_hint(self) -> str:
        if self._mode is ColourMode.DISAGREEMENT:
            return "Click to sort by source disagreement, most disputed first"
        return "Click to sort best first"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._set is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            i = int(self._order[section])
            option = self._set.options[i]
            if role == Qt.ItemDataRole.DisplayRole:
                return textwrap.fill(option.name, 26, max_lines=2, placeholder="…")
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{option.summary}\n\n{self._option_tooltip(i)}"
            return None
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # one click shows the best first, whatever the column
            first = Qt.SortOrder.AscendingOrder if section == RANK else Qt.SortOrder.DescendingOrder
            return first.value
        if section in (TOTAL, RANK):
            if role == Qt.ItemDataRole.DisplayRole:
                return "Total" if section == TOTAL else "Rank"
            if role == Qt.ItemDataRole.ToolTipRole and section == TOTAL:
                return f"Overall score ({self.session.method.label}); click to sort best first"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Rank under the current weights (= marks a tie)"
            return None
        j = section - FIRST_CRITERION
        crit = self._set.criteria[j]
        if role == Qt.ItemDataRole.DisplayRole:
            return textwrap.fill(crit.name, 13, max_lines=4, placeholder="…")
        if role == Qt.ItemDataRole.ToolTipRole:
            better = "lower" if crit.direction is Direction.LOWER_IS_BETTER else "higher"
            scale = crit.scale
            share = self.session.result.weights[j] if self.session.result is not None else 0.0
            return (
                f"{crit.name}\n{crit.definition}\n{better.capitalize()} is better; scale "
                f"{_fmt(scale.min)} ({scale.min_label or 'min'}) – {_fmt(scale.max)} "
                f"({scale.max_label or 'max'})\nWeight share {share:.0%}\n{self._sort_hint()}"
            )
        return None
