"""Sources as a lens: switch sources off or trust them less, and see the scores follow.

The analyst's question is "does the ranking rest on one source I do not trust?". The panel
answers it with one row per source (on/off and a credibility slider) over a master switch that
rescores every cell from its quotes, and a plain sentence saying what the lens changes now
("7 cells rescored; leader unchanged"). Rows are built only when a new set arrives; every other
change arrives as weightsChanged (re-show values) or resultChanged (re-word the sentence).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.engine import ScoreMatrix
from explorer.core.robustness.lens_summary import LensSummary, source_usage, summarise_lens
from explorer.ui.panels.source_row import SourceRow
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown
from explorer.ui.widgets.row_scroll import RowScroll

LENS_TOOLTIP = (
    "<p>On: each cell's score becomes the credibility-weighted mean of the scores its quotes "
    "imply (a supporting quote without a number backs the editorial score; a contradicting one "
    "without a number adds nothing). Cells no active source gives a number for keep their "
    "editorial score. Off: the editorial scores are used, whatever the sliders say.</p>"
)


class SourcesPanel(UpdatesWhenShown, QWidget):
    """Side panel: lens switch, what it changes, one row per source, Reset."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: dict[str, SourceRow] = {}
        self._editorial: ScoreMatrix | None = None  # per set, so re-wording never rebuilds it
        self.setAccessibleName("Sources panel")
        self.setMinimumWidth(270)

        title = QLabel("Sources")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)

        self.lens_check = QCheckBox("Rescore cells from the evidence")
        self.lens_check.setAccessibleName("Rescore cells from the evidence")
        self.lens_check.setToolTip(LENS_TOOLTIP)
        self.lens_check.toggled.connect(self._lens_toggled)
        hint = QLabel(
            "Scores become the trust-weighted mean of what each cell's quotes imply. "
            "Untick a source, or trust it less, to see whether the ranking depends on it."
        )
        hint.setWordWrap(True)
        self._hint = hint

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the sources lens changes")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._scroll = RowScroll()

        self.reset_button = QPushButton("Reset sources")
        self.reset_button.setAccessibleName("Reset sources")
        self.reset_button.setToolTip("Every source on and fully trusted; editorial scores again")
        self.reset_button.clicked.connect(session.reset_sources)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.lens_check)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(buttons)

        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.scoresChanged.connect(self._sync)
        session.resultChanged.connect(self._on_result)  # a hidden tab catches up when shown
        self._rebuild()

    # ---- accessors for the main window and tests -------------------------------------------
    def row(self, source_id: str) -> SourceRow:
        return self._rows[source_id]

    @property
    def rows(self) -> list[SourceRow]:
        return list(self._rows.values())

    # ---- session → panel -------------------------------------------------------------------
    def _rebuild(self) -> None:
        """A new set: new rows. The old container goes with its rows in one deleteLater."""
        self._rows.clear()
        container, column = self._scroll.fresh_column(spacing=0)
        decision_set = self._session.decision_set
        self._editorial = None
        if decision_set is not None:
            self._editorial = ScoreMatrix.from_set(decision_set)
            usage = source_usage(decision_set)
            for source in decision_set.sources:
                row = SourceRow(self._session, source, usage[source.id], container)
                column.addWidget(row)
                self._rows[source.id] = row
        column.addStretch(1)
        self._scroll.setWidget(container)
        self._style()
        self._fix_tab_order()
        self._sync()
        self._show_summary()

    def _style(self) -> None:
        """Theme colours, applied per set: a theme switch re-announces the set (refresh)."""
        t = self._session.theme
        muted = self._hint.palette()
        muted.setColor(QPalette.ColorRole.WindowText, QColor(t.muted))
        self._hint.setPalette(muted)
        self.summary.setStyleSheet(
            f"QLabel {{ border-style: solid; border-width: 0 0 0 3px; border-color: {t.highlight};"
            " padding: 4px 4px 4px 8px; }"
        )

    def _fix_tab_order(self) -> None:
        """Lens switch, then each row top to bottom (tick, slider, spin), then Reset."""
        chain: list[QWidget] = [self.lens_check]
        for row in self._rows.values():
            chain += [row.check, row.slider, row.spin]
        chain.append(self.reset_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _sync(self) -> None:
        for row in self._rows.values():
            row.sync()
        with QSignalBlocker(self.lens_check):
            self.lens_check.setChecked(self._session.lens_active)
        has_set = bool(self._rows)
        self.lens_check.setEnabled(has_set)
        self.reset_button.setEnabled(has_set)

    def summarise(self) -> LensSummary | None:
        """What the lens changes under the weights on screen (None without a set)."""
        session, ds = self._session, self._session.decision_set
        lens = session.lens
        if ds is None or lens is None:
            return None
        return summarise_lens(
            ds,
            lens,
            session.source_weights,
            session.shares,
            session.method,
            active=session.lens_active,
            editorial=self._editorial,
        )

    # ---- panel → session -------------------------------------------------------------------
    def _lens_toggled(self, checked: bool) -> None:
        self._session.set_lens_active(checked)
        self._sync()  # nothing is emitted when the switch could not move: re-show it anyway

    def _update(self) -> None:
        self._show_summary()

    def _show_summary(self) -> None:
        summary = self.summarise()
        self.summary.setText("No decision set open." if summary is None else summary.text)

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._style()
        self._rebuild()
