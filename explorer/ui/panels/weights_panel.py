"""The analyst's weights: one row per criterion, grouped, plus the scoring method.

Rows are built only when a new decision set arrives (setChanged); every other change arrives as
weightsChanged and just re-shows values, so dragging a slider never rebuilds or queues anything.
Each new result hands every row its stability interval (session.analysis) for the band behind
its slider. The rows scroll so a 30-criterion set still fits a ~350 px side panel on a projector.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from explorer.core.engine import Method
from explorer.core.model import Criterion
from explorer.ui.panels.weight_row import WeightRow
from explorer.ui.state.session import Session
from explorer.ui.widgets.row_scroll import RowScroll


def _grouped(criteria: tuple[Criterion, ...]) -> list[tuple[str, list[tuple[int, Criterion]]]]:
    """Groups in order of first appearance; ungrouped criteria first, so no heading claims them."""
    groups: dict[str, list[tuple[int, Criterion]]] = {"": []}
    for i, criterion in enumerate(criteria):
        groups.setdefault(criterion.group, []).append((i, criterion))
    return [(name, members) for name, members in groups.items() if members]


BAND_REFRESH_MS = 100  # stability bands refresh at most this often during a drag


class WeightsPanel(QWidget):
    """Left-hand panel: method selector, weight rows in a scroll area, Equal/Reset buttons."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: dict[str, WeightRow] = {}
        self.setMinimumWidth(270)

        method_label = QLabel("&Method")
        self._method = QComboBox()
        for method in Method:
            self._method.addItem(method.label, method)
        self._method.setAccessibleName("Scoring method")
        self._method.setToolTip(
            "Weighted sum: each option's total is the weighted sum of its desirabilities.\n"
            "TOPSIS: closeness to the ideal option and distance from the worst.\n"
            "TOPSIS (scale-relative): the same on each score's place on its scale, so a shifted "
            "scale (0–10 or 10–20) ranks alike.\n"
            "PROMETHEE II: net outranking flow from pairwise preferences per criterion."
        )
        method_label.setBuddy(self._method)
        self._method.currentIndexChanged.connect(self._method_chosen)

        self._band_caption = QLabel()
        self._band_caption.setWordWrap(True)
        self._band_caption.setAccessibleName("Stability band caption")
        self._band_caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted

        self._scroll = RowScroll()

        self._equal = QPushButton("&Equal weights")
        self._equal.setAccessibleName("Equal weights")
        self._equal.setToolTip("Give every criterion the same share (locks are ignored)")
        self._equal.clicked.connect(session.equal_weights)
        self._reset = QPushButton("&Reset")
        self._reset.setAccessibleName("Reset weights")
        self._reset.setToolTip("Back to the weights the set or profile was opened with")
        self._reset.clicked.connect(session.reset_weights)

        header = QHBoxLayout()
        header.addWidget(method_label)
        header.addWidget(self._method, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._equal)
        buttons.addWidget(self._reset)
        title = QLabel("Weights")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addLayout(header)
        layout.addWidget(self._band_caption)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(buttons)

        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.weightsChanged.connect(self._sync)
        session.selectionChanged.connect(self._show_selection)
        # Bands follow a drag or held arrow key at up to 10 Hz rather than on every tick:
        # redrawing every row's band cost ~3 ms a tick, more than the charts. A change after a
        # pause shows at once; the last change of a burst shows within BAND_REFRESH_MS.
        self._band_timer = QTimer(self)
        self._band_timer.setSingleShot(True)
        self._band_timer.setInterval(BAND_REFRESH_MS)
        self._band_timer.timeout.connect(self._band_due)
        self._band_pending = False
        self._band_method: Method | None = None
        session.resultChanged.connect(self._on_result)
        self._rebuild()

    # ---- accessors for the main window and tests -------------------------------------------
    def slider(self, criterion_id: str) -> QSlider:
        return self._rows[criterion_id].slider

    def spin(self, criterion_id: str) -> QDoubleSpinBox:
        return self._rows[criterion_id].spin

    def share_label(self, criterion_id: str) -> QLabel:
        return self._rows[criterion_id].share_label

    def row(self, criterion_id: str) -> WeightRow:
        return self._rows[criterion_id]

    # ---- session → panel -------------------------------------------------------------------
    def _rebuild(self) -> None:
        """A new set: new rows. The old container goes with its rows in one deleteLater."""
        self._rows.clear()
        container, column = self._scroll.fresh_column(spacing=2)
        decision_set = self._session.decision_set
        if decision_set is not None:
            for group, members in _grouped(decision_set.criteria):
                if group:
                    heading = QLabel(group)
                    font = heading.font()
                    font.setBold(True)
                    heading.setFont(font)
                    heading.setContentsMargins(6, 8, 6, 0)
                    heading.setAccessibleName(f"Criteria group {group}")
                    column.addWidget(heading)
                for index, criterion in members:
                    row = WeightRow(self._session, criterion, index, container)
                    column.addWidget(row)
                    self._rows[criterion.id] = row
        column.addStretch(1)
        self._scroll.setWidget(container)
        self._fix_tab_order()
        self._sync()
        self._show_selection()
        self._show_stability()

    def _fix_tab_order(self) -> None:
        """Method, then each row top to bottom (slider, spin, lock), then the buttons."""
        chain: list[QWidget] = [self._method]
        for row in self._rows.values():
            chain += [row.slider, row.spin, row.lock]
        chain += [self._equal, self._reset]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _sync(self) -> None:
        for row in self._rows.values():
            row.sync()
        with QSignalBlocker(self._method):
            self._method.setCurrentIndex(self._method.findData(self._session.method))
        has_set = bool(self._rows)
        self._equal.setEnabled(has_set)
        self._reset.setEnabled(has_set)

    def _on_result(self) -> None:
        result = self._session.result
        method = None if result is None else result.method
        if method is not self._band_method:  # the bands now mean something else: say so now
            self._band_timer.stop()
            self._band_pending = False
        if self._band_timer.isActive():
            self._band_pending = True  # shown when the interval is up
            return
        self._show_stability()
        self._band_timer.start()

    def _band_due(self) -> None:
        if self._band_pending:
            self._band_pending = False
            self._show_stability()
            self._band_timer.start()

    def _show_stability(self) -> None:
        """Every row's band from the cached analysis; rows repaint only what moved."""
        ds, result = self._session.decision_set, self._session.result
        if ds is None or result is None or not self._rows:
            self._band_caption.setText("")
            return
        self._band_method = result.method
        wsm_only = result.method is not Method.WSM
        names = {option.id: option.name for option in ds.options}
        # All-zero weights rank nothing, so there is no leader whose lead could be stable.
        no_band = [None] * len(ds.criteria)
        analysis = self._session.analysis
        assert analysis is not None  # made with every result
        intervals = no_band if result.weights_all_zero else analysis.stability
        for criterion, interval in zip(ds.criteria, intervals, strict=True):
            self._rows[criterion.id].set_stability(interval, names, wsm_only)
        caption = (
            "Band behind each slider: where the leader stays first; its darker edge: where the "
            "whole ranking holds"
        )
        if wsm_only:
            caption += f" (weighted-sum analysis, not {result.method.label})"
        self._band_caption.setText(caption + ". Hover a slider for the numbers.")

    def _show_selection(self) -> None:
        selected = self._session.selected_criterion
        for criterion_id, row in self._rows.items():
            row.set_selected(criterion_id == selected)

    # ---- panel → session -------------------------------------------------------------------
    def _method_chosen(self, index: int) -> None:
        self._session.set_method(self._method.itemData(index))

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._show_selection()  # the highlight of the selected row
        for row in self._rows.values():
            row.update()  # the stability band
