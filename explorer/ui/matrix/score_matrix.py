"""The score matrix: every option × criterion score at once, heat-coloured by desirability
or by how far apart the sources are.

Charts summarise; the matrix is where an analyst checks a single number and its range, and
jumps from it to the evidence. Weight changes only move the Total and Rank columns, so a slider
tick repaints those two columns and nothing else; a source's credibility moves only the columns
whose cells it is quoted in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from explorer.ui.matrix.matrix_colour_key import MatrixColourKey
from explorer.ui.matrix.score_matrix_lens import ColourMode
from explorer.ui.matrix.score_matrix_model import (
    FIRST_CRITERION,
    TOTAL,
    ModelIndex,
    ScoreMatrixModel,
)
from explorer.ui.state.session import Session


class _CellDelegate(QStyledItemDelegate):
    """Marks the selection with a frame so the heat colour and its text stay readable."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session  # its theme, read at paint time

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, opt, index)
        if selected:
            painter.save()
            pen = QPen(QColor(self._session.theme.highlight), 3)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(opt.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class ScoreMatrixView(QTableView):
    """Options × criteria table with Total and Rank; selecting a cell selects it everywhere."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._syncing = False
        self.matrix_model = ScoreMatrixModel(session, self)
        self.setModel(self.matrix_model)  # sorts itself; a sort by total follows the weights
        self.setItemDelegate(_CellDelegate(session, self))
        self.setAccessibleName("Score matrix")
        self.setAccessibleDescription(
            "Options by criteria; select a cell to read its evidence. ◔ marks thin evidence."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click restores the file order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().lineSpacing() * 2.6))
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._content_widths: list[int] = []
        # the key lives in the corner above the option names; the corner button it covers
        # would "select all", which a single-selection table cannot do anyway
        self.setCornerButtonEnabled(False)
        self.colour_key = MatrixColourKey(session, self)
        self.colour_key.modeChanged.connect(session.views.set_matrix_colour)  # the user's pick
        session.views.matrixColourChanged.connect(self._follow_colour)
        self._fit_key()
        self.setSortingEnabled(True)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.clicked.connect(self._select_index)
        session.setChanged.connect(self._on_set_changed)
        session.themeChanged.connect(self._follow_theme)
        session.scoresChanged.connect(self.matrix_model.refresh_sources)
        session.resultChanged.connect(self.matrix_model.refresh_totals)
        session.selectionChanged.connect(self._on_selection_changed)
        if session.decision_set is not None:
            self._on_set_changed()
            self._on_selection_changed()
        self._follow_colour()

    # ---- colour mode ---------------------------------------------------------------------
    @property
    def colour_mode(self) -> ColourMode:
        return self.matrix_model.colour_mode

    def set_colour_mode(self, mode: ColourMode | str) -> None:
        """Colour by desirability or by source disagreement (also chosen in the corner key):
        the session's view state, which this view follows."""
        self.session.views.set_matrix_colour(mode)

    def _follow_colour(self) -> None:
        mode = self.session.views.matrix_colour
        self.matrix_model.set_colour_mode(mode)
        self.colour_key.set_mode(mode)  # blocked: not announced back as a choice

    def _fit_key(self) -> None:
        """Headers at least as large as the key, so it is never clipped; then place it."""
        key = self.colour_key
        self.verticalHeader().setMinimumWidth(key.width())
        self.horizontalHeader().setMinimumHeight(key.needed_height())
        self.updateGeometries()

    def updateGeometries(self) -> None:
        """Put the key exactly where the table puts its corner: left of the column headers,
        above the row headers."""
        super().updateGeometries()
        rows, columns = self.verticalHeader(), self.horizontalHeader()
        self.colour_key.setGeometry(rows.x(), columns.y(), rows.width(), columns.height())
        self.colour_key.raise_()

    def dataChanged(self, top_left: ModelIndex, bottom_right: ModelIndex, roles: Any = ()) -> None:
        """Repaint just the changed columns' strip.

        QAbstractItemView repaints the whole viewport for any multi-cell change; on each weight
        tick only Total and Rank change, and repainting every visible cell through the delegate
        cost ~10 ms at 200 options × 30 criteria.
        """
        if top_left.row() == bottom_right.row() and top_left.column() == bottom_right.column():
            super().dataChanged(top_left, bottom_right, roles)
            return
        left = self.columnViewportPosition(top_left.column())
        right_col = bottom_right.column()
        right = self.columnViewportPosition(right_col) + self.columnWidth(right_col)
        if left < 0 and right <= 0:
            return  # the strip is scrolled out of view
        viewport = self.viewport()
        viewport.update(max(left, 0), 0, right - max(left, 0), viewport.height())

    # ---- session → view ------------------------------------------------------------------
    def _on_set_changed(self) -> None:
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.matrix_model.rebuild()
        self.resizeColumnsToContents()
        metrics = self.fontMetrics()
        self._fit_key()
        self._content_widths = [
            min(
                max(self.columnWidth(col), metrics.horizontalAdvance("0.000") + 24),
                24 * metrics.averageCharWidth(),
            )
            for col in range(self.matrix_model.columnCount())
        ]
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Content widths, with any spare room shared by the criteria so the table fills
        its tab; when space is short the table scrolls rather than squeezing the numbers."""
        widths = list(self._content_widths)
        spare = self.viewport().width() - sum(widths)
        criteria = len(widths) - FIRST_CRITERION
        if spare > 0 and criteria > 0:
            for col in range(FIRST_CRITERION, len(widths)):
                widths[col] += spare // criteria
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _on_selection_changed(self) -> None:
        """Mirror the session's selection. A flag guards the feedback path instead of a
        QSignalBlocker: blocking the selection model would also stop the view repainting."""
        opt, crit = self.session.selected_option, self.session.selected_criterion
        model, selection = self.matrix_model, self.selectionModel()
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag
            if opt is None:
                selection.clear()
                if crit is not None:
                    top = model.index(0, model.column_of(crit))
                    selection.select(top, flags.ClearAndSelect | flags.Columns)
                return
            index = model.index(model.row_of(opt), model.column_of(crit))
            if crit is None:
                selection.setCurrentIndex(index, flags.NoUpdate)
                row = QItemSelection(index, model.index(index.row(), TOTAL))
                selection.select(row, flags.ClearAndSelect | flags.Rows)
            else:
                selection.setCurrentIndex(index, flags.ClearAndSelect)
            self.scrollTo(index)
        finally:
            self._syncing = False

    # ---- view → session ------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self._select_index(current)

    def _select_index(self, index: QModelIndex) -> None:
        if self._syncing or not index.isValid():
            return
        model = self.matrix_model
        self.session.select(
            option=model.option_id(index.row()), criterion=model.criterion_id(index.column())
        )

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self.matrix_model.refresh_all()  # heat colours
