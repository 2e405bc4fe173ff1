"""Rank acceptability: how often each option takes each rank over many sampled weightings.

A ranking under one weighting invites "but what if the weights were different?"; this table
answers with the share of samples in which each option comes 1st, 2nd, … (session.acceptability,
sampled on the session's worker thread). Cell text is the percentage and colour intensity the
probability, so a strong diagonal reads as a robust ranking at a glance. Partial results are
shown as they arrive, labelled "n / N samples". The cells are built once per set; each snapshot
only rewrites their text and colours.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.robustness import Acceptability
from explorer.core.robustness.analysis import SamplingSettings
from explorer.core.wording import ordinal, percent
from explorer.ui import theme
from explorer.ui.charts import chart_common as cc
from explorer.ui.robustness.acceptability_cell import NO_SAMPLES, cell_fill, cell_text
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown

SNAPSHOT_MS = 50  # progressive display at up to 20 updates a second


def central_text(
    snap: Acceptability, option_id: str, names: dict[str, str], criterion_names: dict[str, str]
) -> str:
    """The option's central weights, largest first, as tooltip lines."""
    central = snap.central(option_id)
    if central is None:
        return f"{escape(names[option_id])} never ranked first in these samples."
    lines = [
        f"{escape(criterion_names[cid])} {percent(share)}"
        for cid, share in sorted(central.items(), key=lambda kv: -kv[1])
    ]
    return (
        f"Central weights: the typical weighting under which {escape(names[option_id])} "
        "ranks first<br>" + "<br>".join(lines)
    )


class AcceptabilityHeatmap(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ids: list[str] = []
        self._rows: list[str] = []  # option id shown in each table row (best first)
        # What the cells show, so ticks that change nothing cost nothing.
        self._shown: tuple[object, ...] = ()
        self._snap: Acceptability | None = None
        self._later = QTimer(self, singleShot=True, interval=SNAPSHOT_MS)
        self._later.timeout.connect(self._on_result)
        self.setAccessibleName("Rank acceptability")

        self.status = QLabel()
        self.status.setAccessibleName("Rank acceptability samples")
        self.status.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setAccessibleName("Rank acceptability table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # tooltips by keyboard too
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setShowGrid(False)
        self.table.cellClicked.connect(self._clicked)
        self.table.cellActivated.connect(self._clicked)  # Enter on the current cell
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.resultChanged.connect(self._on_result)
        session.acceptabilityChanged.connect(self._on_snapshot)
        if session.decision_set is not None:
            self._rebuild()

    # ---- accessors (tests) --------------------------------------------------------------------
    def cell(self, option_id: str, rank: int) -> QTableWidgetItem:
        """The item showing how often `option_id` takes `rank` (1-based)."""
        return self._item(self._rows.index(option_id), rank)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # _rebuild gives every cell an item
        return item

    def texts(self) -> dict[str, list[str]]:
        return {
            oid: [self.cell(oid, r + 1).text() for r in range(len(self._ids))] for oid in self._rows
        }

    # ---- building ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        ds = self._session.decision_set
        if ds is None:
            return
        t = self._session.theme
        self._ids = list(ds.option_ids)
        self._rows = list(self._ids)
        m = len(self._ids)
        self.table.clear()
        self.table.setRowCount(m)
        self.table.setColumnCount(m + 1)
        self.table.setHorizontalHeaderLabels(["Option"] + [ordinal(r + 1) for r in range(m)])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        width = self.table.fontMetrics().horizontalAdvance(" 100 % ") + 16
        for c in range(1, m + 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(c, width)
            head = self.table.horizontalHeaderItem(c)
            assert head is not None  # setHorizontalHeaderLabels made one per column
            head.setToolTip(f"Share of samples ranking it {ordinal(c)}")
        font = cc.chart_font(t)
        for r in range(m):
            for c in range(m + 1):
                item = QTableWidgetItem()
                item.setFont(font)
                align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignHCenter
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self._shown = ()
        self._update()

    # ---- updating ---------------------------------------------------------------------------
    def _on_snapshot(self) -> None:
        """Snapshots can come every few milliseconds: show the newest at most SNAPSHOT_MS apart."""
        if not self._later.isActive():
            self._later.start()

    def _update(self) -> None:
        session, ds, result = self._session, self._session.decision_set, self._session.result
        if ds is None or result is None or not self._ids:
            return
        rows = [self._ids[int(i)] for i in result.order]
        snap = session.acceptability
        if snap is not None and tuple(snap.option_ids) != tuple(self._ids):
            snap = None  # a snapshot of another set, still in flight
        # A snapshot of another state (earlier weights, scores or method) stays on screen,
        # greyed, until the new run's first chunk replaces it.
        stale = snap is not None and not session.acceptability_current
        self._show_status(snap, stale)
        shown = (rows, stale, self._session.theme.name)
        if shown == self._shown and snap is self._snap:
            return  # a drag tick that changed neither the order nor the numbers
        self._rows, self._shown, self._snap = rows, shown, snap
        t = self._session.theme
        names = {o.id: o.name for o in ds.options}
        criterion_names = {c.id: c.name for c in ds.criteria}
        probabilities = None if snap is None else snap.acceptability
        base, muted = QColor(t.background), QColor(t.muted)
        for r, oid in enumerate(self._rows):
            i = self._ids.index(oid)
            name = self._item(r, 0)
            name.setText(names[oid])
            central = "" if snap is None else central_text(snap, oid, names, criterion_names)
            name.setToolTip(f"<b>{escape(names[oid])}</b><br>{central}")
            for k in range(len(self._ids)):
                item = self._item(r, k + 1)
                if snap is None or probabilities is None:  # one is None with the other
                    item.setText(NO_SAMPLES)
                    item.setBackground(QBrush(base))
                    item.setForeground(QBrush(muted))
                    item.setToolTip("")
                    continue
                p = float(probabilities[i, k])
                colour = cell_fill(t, p)
                item.setText(cell_text(p))
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(muted if stale else theme.readable_text(colour)))
                item.setToolTip(self._cell_tip(snap, names[oid], k + 1, p, central))

    def _show_status(self, snap: Acceptability | None, stale: bool) -> None:
        session = self._session
        settings: SamplingSettings = session.sampling
        if session.sampling_error:
            text = f"Sampling failed: {session.sampling_error}"
        elif snap is None:
            text = (
                "Waiting for the first samples…"
                if session.sampling_running
                else "Sampling runs while this view is on screen."
            )
        else:
            text = f"{snap.samples:,} / {snap.requested:,} samples"
            if stale:
                text += " (earlier settings: resampling…)"
            elif not snap.done:
                text += " (sampling…)"
        self.status.setText(text)
        self.status.setToolTip(settings.describe())

    @staticmethod
    def _cell_tip(snap: Acceptability, name: str, rank: int, p: float, central: str) -> str:
        tip = (
            f"<b>{escape(name)}</b> ranks {ordinal(rank)} in {p:.1%} of "
            f"{snap.samples:,} sampled weightings"
        )
        return f"{tip}<br><br>{central}" if rank == 1 and central else tip

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._rows):
            self._session.select(option=self._rows[row], criterion=self._session.selected_criterion)

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        if self._session.decision_set is not None:
            self._rebuild()
            self._on_result()
