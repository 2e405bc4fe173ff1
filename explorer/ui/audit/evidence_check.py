"""The Evidence check view: `policy-explorer audit` for the weighting on screen.

Every number comes from explorer.core.audit for the session's own weights, method and source
credibilities, so this view, the command line and the briefing say the same. The tables are
rebuilt only while the view is on screen (a background tab catches up when shown): the audit
costs a couple of milliseconds, the table items more, and a slider drag should pay for neither.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.audit import SHARED_QUOTE_CELLS, Audit, counts_line, summary_line
from explorer.core.robustness.lens_summary import points
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import UpdatesWhenShown, offstage
from explorer.ui.widgets.steady_tabs import SteadyTabWidget

CELL_COLUMNS = ("Option", "Criterion", "Score", "Evidence", "Gap", "Sources", "Notes")
NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NAME_COLUMN_PX = 220  # widest an option or criterion column starts
SETTLE_MS = 200  # the tables follow this long after the last weight change


def signed(value: float | None) -> str:
    """A gap as people read it: +1, −0.5, 0; a dash when there is no implied score."""
    if value is None:
        return "—"
    return ("+" if value > 0 else "−" if value < 0 else "") + points(abs(value))


def cell_notes(unopposed: bool, single: bool, unverified: int, scored: bool, implied: bool) -> str:
    notes = []
    if not scored:
        notes.append("unassessed")
    elif not implied:
        notes.append("no implied score")
    if unopposed:
        notes.append("unopposed")
    if single:
        notes.append("single source")
    if unverified:
        notes.append(f"{unverified} unverified")
    return ", ".join(notes)


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)  # one line a row; the whole text is in each item's tooltip
    return table


def _item(text: str, numeric: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if numeric:
        item.setTextAlignment(NUMERIC)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    item.setToolTip(text)
    return item


class EvidenceCheckView(UpdatesWhenShown, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Evidence check")
        self.audit: Audit | None = None
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("Evidence headline")
        font = QFont(self.headline.font())
        font.setBold(True)
        self.headline.setFont(font)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("Evidence counts")
        self.rankings = _table([], "Rankings with each source switched off")
        self.rankings.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.cells = _table(list(CELL_COLUMNS), "Cells: score against evidence")
        # sortable by any column, but first shown in the set's order (no sort indicator)
        self.cells.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.cells.setSortingEnabled(True)
        self.options = _table([], "Evidence per option")
        self.shared = _table(["Cells", "Source", "Quote"], "Quotes used in several cells")

        # one table per question, each with the whole view's room (the chart column is short)
        self.pages = SteadyTabWidget()
        self.pages.setAccessibleName("Evidence check tables")
        self.pages.setDocumentMode(True)
        pages = (
            (
                "Rankings",
                "Ranking on the scores, rescored from the evidence, and with each source "
                "switched off in turn (exactly as switching it off in the Sources panel)",
                self.rankings,
            ),
            (
                "Cells",
                "Each cell's score against its evidence-implied score: the credibility-weighted "
                "mean of the numbers its quotes imply (— where they imply none)",
                self.cells,
            ),
            ("By option", "Each option's quotes by source and by stance", self.options),
            ("Shared quotes", f"Quotes used in more than {SHARED_QUOTE_CELLS} cells", self.shared),
        )
        for name, title, table in pages:
            self.pages.addTab(self._titled(title, table), name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.counts)
        self.legend = QLabel()  # under the tables: the S1… tags they use, in full
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Sources named in the tables")
        small = QFont(self.legend.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        self.legend.setFont(small)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.legend)
        # filling the tables costs ~30 ms: on screen they follow once the weights settle,
        # not on every tick of a drag
        self._later = QTimer(self, interval=SETTLE_MS, singleShot=True)
        self._later.timeout.connect(self._update)
        session.setChanged.connect(self._on_result)
        session.resultChanged.connect(self._on_result)
        self._stale = True  # a set may be loaded already: fill in when first shown

    def _on_result(self) -> None:
        if offstage(self):
            self._stale = True
        else:
            self._later.start()

    def flush(self) -> None:
        """Fill the tables now rather than once the weights settle (tests, screenshots)."""
        self._later.stop()
        self._update()

    @staticmethod
    def _titled(title: str, table: QTableWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(title)
        label.setWordWrap(True)
        label.setBuddy(table)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        return box

    def _update(self) -> None:
        ds = self.session.decision_set
        if ds is None:
            return
        result = self.session.audit
        if result is None:
            return
        self.audit = result
        self.headline.setText(summary_line(ds, result))
        self.counts.setText(counts_line(result))
        self.legend.setText(
            "Sources: " + " · ".join(f"S{k + 1} {src.title}" for k, src in enumerate(ds.sources))
        )
        self._fill_rankings(result)
        self._fill_cells(result)
        self._fill_options(result)
        self._fill_shared(result)

    def _fill_rankings(self, result: Audit) -> None:
        """Options down (in scored order), rankings across: each cell is the option's place
        in that ranking, the leader's 1 in bold where it differs from the scored leader."""
        ds = self.session.decision_set
        assert ds is not None
        names = {o.id: o.name for o in ds.options}
        tags = {s.id: f"S{k + 1}" for k, s in enumerate(ds.sources)}
        columns = [("Scored", "On the editorial scores", result.ranking)]
        columns.append(
            ("Evidence", "Every cell rescored from its evidence", result.implied_ranking)
        )
        columns += [
            (f"Without {tags[o.source]}", f"Without {ds.source(o.source).title}", o.ranking)
            for o in result.leave_one_out
        ]
        table = self.rankings
        table.clear()
        table.setColumnCount(len(columns) + 1)
        table.setRowCount(len(ds.options))
        table.setHorizontalHeaderLabels(["Option", *(short for short, _, _ in columns)])
        for col, (_, full, ranking) in enumerate(columns, start=1):
            header_item = table.horizontalHeaderItem(col)
            if header_item is not None:
                header_item.setToolTip(full)
            moved = ranking.leaders != result.ranking.leaders
            place = {option: k + 1 for k, option in enumerate(ranking.order)}
            for row, option in enumerate(result.ranking.order):
                first = place[option] == 1
                item = _item(str(place[option]), numeric=True, bold=first and moved)
                tip = f"{full}: {names[option]} is {place[option]} of {len(place)}"
                item.setToolTip(tip + (" — the leader changes" if first and moved else ""))
                table.setItem(row, col, item)
        for row, option in enumerate(result.ranking.order):
            table.setItem(row, 0, _item(names[option]))
        self._fit_name_columns(table, 1)

    def _fill_cells(self, result: Audit) -> None:
        ds = self.session.decision_set
        assert ds is not None
        options = {o.id: o.name for o in ds.options}
        crits = {c.id: c.name for c in ds.criteria}
        tags = {s.id: f"S{k + 1}" for k, s in enumerate(ds.sources)}
        table = self.cells
        table.setSortingEnabled(False)
        table.setRowCount(len(result.cells))
        for row, c in enumerate(result.cells):
            titles = "\n".join(ds.source(s).title for s in c.sources)
            sources = _item(", ".join(tags[s] for s in c.sources) or "—")
            sources.setToolTip(titles or "no quotes")
            values = [
                _item(options[c.option]),
                _item(crits[c.criterion]),
                _item("—" if c.score is None else points(c.score), numeric=True),
                _item("—" if c.implied is None else points(c.implied), numeric=True),
                _item(signed(c.gap), numeric=True),
                sources,
                _item(
                    cell_notes(
                        c.unopposed,
                        c.single_source,
                        c.unverified,
                        c.score is not None,
                        c.implied is not None,
                    )
                ),
            ]
            # sorting by gap sorts by its size, not by the text with its sign
            values[4].setData(Qt.ItemDataRole.UserRole, abs(c.gap) if c.gap is not None else -1)
            for col, item in enumerate(values):
                table.setItem(row, col, item)
        table.setSortingEnabled(True)
        self._fit_name_columns(table, 2)

    @staticmethod
    def _fit_name_columns(table: QTableWidget, count: int) -> None:
        """Names get a readable share, not their full length, so the numbers stay in view
        (a long name is whole in its tooltip)."""
        header = table.horizontalHeader()
        for col in range(count):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            table.resizeColumnToContents(col)
            table.setColumnWidth(col, min(table.columnWidth(col), NAME_COLUMN_PX))

    def _fill_options(self, result: Audit) -> None:
        ds = self.session.decision_set
        assert ds is not None
        tags = [f"S{k + 1}" for k in range(len(ds.sources))]
        table = self.options
        table.clear()
        columns = ["Option", *tags, "Supports", "Contradicts"]
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(columns)
        for k, source in enumerate(ds.sources):
            item = table.horizontalHeaderItem(k + 1)
            if item is not None:
                item.setToolTip(source.title)
        table.setRowCount(len(result.options))
        for row, o in enumerate(result.options):
            cells = [_item(ds.option(o.option).name)]
            cells += [_item(str(o.by_source[s.id]), numeric=True) for s in ds.sources]
            cells += [_item(str(o.supports), numeric=True), _item(str(o.contradicts), numeric=True)]
            for col, item in enumerate(cells):
                table.setItem(row, col, item)
        self._fit_name_columns(table, 1)

    def _fill_shared(self, result: Audit) -> None:
        ds = self.session.decision_set
        assert ds is not None
        table = self.shared
        table.setRowCount(len(result.shared_quotes))
        for row, q in enumerate(result.shared_quotes):
            where = "\n".join(f"{ds.option(o).name} × {ds.criterion(c).name}" for o, c in q.cells)
            count = _item(str(len(q.cells)), numeric=True)
            count.setToolTip(where)
            table.setItem(row, 0, count)
            table.setItem(row, 1, _item(ds.source(q.source).title))
            shown = f"“{q.quote}”" if q.verified else f"⚠ [unverified] {q.quote}"
            quote = _item(shown)
            quote.setToolTip(f"{shown}\n\n{where}")
            table.setItem(row, 2, quote)
