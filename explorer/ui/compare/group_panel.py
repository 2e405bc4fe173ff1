"""The group view: several stakeholders' profiles combined, and where their rankings part.

Top: the group ranking with each option's spread of stakeholder ranks (a dot strip, the range
and the standard deviation), so a briefer can say "everyone puts X first; Y is contested".
Bottom: the combined weighting (mean of normalised weights, each stakeholder counting once) and
how far apart the stakeholders are on each criterion. Every number is combine_profiles'.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.core.elicitation.group import combine_pairwise
from explorer.core.elicitation.record import Elicitation
from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError
from explorer.core.profiles import GroupView, Profile, combine_profiles
from explorer.core.wording import ordinal
from explorer.ui import theme
from explorer.ui.compare.compare_text import join_names
from explorer.ui.compare.group_delegates import (
    BAR_ROLE,
    SPREAD_ROLE,
    BarDelegate,
    RankSpreadDelegate,
)
from explorer.ui.compare.weight_table import ID_ROLE, SORT_ROLE, swatch
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import offstage

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RANK_HEADERS = ("Group\nrank", "Option", "Group\ntotal", "Stakeholders' ranks", "Range", "Std\ndev")
SPREAD_PX = 190
WEIGHT_HEADERS = ("Criterion", "Mean weight", "Spread (points)")


def _table(
    name: str, headers: tuple[str, ...], parent: QWidget, sort_column: int
) -> tuple[QTableView, QStandardItemModel]:
    """A sortable read-only table; sort_column -1 keeps the set's order until a header click."""
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(list(headers))
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view, model


def _cell(
    text: str, sort: object, tip: str = "", align: Qt.AlignmentFlag | None = None
) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(sort, SORT_ROLE)
    if tip:
        item.setToolTip(tip)
    if align is not None:
        item.setTextAlignment(align)
    return item


class GroupPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName("Group view")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("About the group view")
        self.ranking, self._ranks = _table("Group ranking and rank spread", RANK_HEADERS, self, 0)
        self.ranking.setItemDelegateForColumn(
            3, RankSpreadDelegate(lambda: session.theme, self.ranking)
        )
        self.weights, self._weights = _table("Combined weighting", WEIGHT_HEADERS, self, -1)
        self.weights.setItemDelegateForColumn(1, BarDelegate(self.weights))
        for view, stretch in ((self.ranking, 1), (self.weights, 0)):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.ranking.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.ranking.horizontalHeader().resizeSection(3, SPREAD_PX)
        self.ranking.setWordWrap(True)  # long option names take two lines, not an ellipsis
        self.ranking.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.ranking)
        self.splitter.addWidget(self.weights)
        self.judgements = QLabel()
        self.judgements.setWordWrap(True)
        self.judgements.setAccessibleName("Pairwise judgements combined")
        self.use_judgements = QPushButton("Use the combined &judgements")
        self.use_judgements.setAccessibleName("Use the weights from the combined judgements")
        self.use_judgements.clicked.connect(self._use_judgements)
        self._combined: Elicitation | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.judgements)
        layout.addWidget(self.use_judgements, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.splitter, 1)
        self._profiles: list[Profile] = []
        self._set: DecisionSet | None = None
        self._group: GroupView | None = None
        self._rows: list[dict[str, object]] = []
        self._stale = False
        session.selectionChanged.connect(self._show_selection)

    # ---- input and accessors ------------------------------------------------------------------
    def set_profiles(self, profiles: list[Profile], decision_set: DecisionSet | None) -> None:
        """Combine these; worked out now if on screen, else when shown or asked for."""
        self._profiles, self._set = list(profiles), decision_set
        self._stale = True
        if not offstage(self):
            self._compute()

    def group(self) -> GroupView | None:
        if self._stale:
            self._compute()
        return self._group

    def rows(self) -> list[dict[str, object]]:
        """Per option in set order: group rank and total, stakeholder ranks and their spread."""
        if self._stale:
            self._compute()
        return [dict(row) for row in self._rows]

    def mean_weights(self) -> dict[str, float]:
        g = self.group()
        if g is None:
            return {}
        ids = g.comparison.criterion_ids
        return {cid: float(w) for cid, w in zip(ids, g.mean_weights, strict=True)}

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._compute()

    # ---- computing and filling ----------------------------------------------------------------
    def _compute(self) -> None:
        self._stale = False
        self._group, self._rows = None, []
        ds = self._set
        if ds is None or not self._profiles:
            self._show_message("Check one or more profiles to combine them into a group view.")
            return
        try:
            self._group, _ = combine_profiles(self._profiles, ds)
        except (ValueError, LoadError) as exc:
            self._show_message(f"These profiles cannot be combined: {exc}")
            return
        self._fill(self._group, ds)
        self._show_judgements(ds)

    def _show_judgements(self, ds: DecisionSet) -> None:
        try:
            combined = combine_pairwise([p.elicitation for p in self._profiles], ds.criterion_ids)
        except ValueError as exc:
            combined, text = None, f"The pairwise comparisons cannot be combined: {exc}."
        else:
            text = ""
        self._combined = combined
        if combined is not None:
            names = {c.id: c.name for c in ds.criteria}
            top = sorted(combined.weights.items(), key=lambda kv: -kv[1])[:3]
            shown = ", ".join(f"{escape(names.get(c, c))} {w:.0%}" for c, w in top)
            cr = combined.consistency_ratio
            text = (
                f"{combined.people} people compared criteria in pairs; their judgements combined "
                f"pair by pair (geometric mean) give {shown}…"
                + ("" if cr is None else f" (consistency ratio {cr:.2f})")
            )
        self.judgements.setText(text)
        self.judgements.setVisible(bool(text))
        self.use_judgements.setVisible(combined is not None)

    def _use_judgements(self) -> None:
        if self._combined is not None:
            self._session.apply_elicitation(self._combined, "Group's combined judgements")

    def _show_message(self, text: str) -> None:
        self._combined = None
        self.judgements.setVisible(False)
        self.use_judgements.setVisible(False)
        self.intro.setText(text)
        self._ranks.setRowCount(0)
        self._weights.setRowCount(0)

    def _fill(self, g: GroupView, ds: DecisionSet) -> None:
        c, result = g.comparison, g.result
        names, n = list(c.names), len(c.option_ids)
        self.intro.setText(
            f"<b>{len(names)} stakeholder{'s' if len(names) != 1 else ''}</b>: "
            f"{escape(join_names(names))}. Each profile's weights are normalised and averaged, "
            f"so everyone counts once; the group ranking uses {result.method.label}. "
            "Dots are stakeholders' ranks (a number: how many share it), the band their range, "
            "the diamond the group's rank."
        )
        self._ranks.setRowCount(0)
        self._rows = []
        for i, option in enumerate(ds.options):
            ranks = [int(r) for r in c.ranks[:, i]]
            low, high = int(g.rank_min[i]), int(g.rank_max[i])
            group_rank = int(result.ranks[i])
            who = "<br>".join(
                f"{escape(name)}: {ordinal(r)}" for name, r in zip(names, ranks, strict=True)
            )
            agree = "all agree" if low == high else f"{ordinal(low)}–{ordinal(high)}"
            spread_tip = (
                f"<b>{escape(option.name)}</b><br>{who}<br>Group: {ordinal(group_rank)}; "
                f"mean rank {g.rank_mean[i]:.2f}, std dev {g.rank_std[i]:.2f}"
            )
            name_item = _cell(option.name, option.name.casefold(), f"<b>{escape(option.name)}</b>")
            name_item.setData(option.id, ID_ROLE)
            spread = _cell("", float(g.rank_std[i]), spread_tip)
            spread.setData((ranks, group_rank, n), SPREAD_ROLE)
            self._ranks.appendRow(
                [
                    _cell(ordinal(group_rank), group_rank, spread_tip, RIGHT),
                    name_item,
                    _cell(f"{result.totals[i]:.3f}", float(result.totals[i]), spread_tip, RIGHT),
                    spread,
                    _cell(agree, high - low, spread_tip, RIGHT),
                    _cell(f"{g.rank_std[i]:.2f}", float(g.rank_std[i]), spread_tip, RIGHT),
                ]
            )
            self._rows.append(
                {
                    "option": option.id,
                    "group_rank": group_rank,
                    "group_total": float(result.totals[i]),
                    "ranks": dict(zip(names, ranks, strict=True)),
                    "rank_min": low,
                    "rank_max": high,
                    "rank_mean": float(g.rank_mean[i]),
                    "rank_std": float(g.rank_std[i]),
                    "range_text": agree,
                }
            )
        self._fill_weights(g, ds)
        self._show_selection()
        self.ranking.resizeRowsToContents()
        for row in range(self.ranking.model().rowCount()):  # breathing room for wrapped names
            self.ranking.setRowHeight(row, max(32, self.ranking.rowHeight(row) + 8))
        self._share_height()

    def _share_height(self) -> None:
        """Split the height by row counts, so neither table scrolls while the other has room."""
        rows = (self._ranks.rowCount(), self._weights.rowCount())
        if not all(rows):
            return
        need = [
            view.horizontalHeader().sizeHint().height() + view.verticalHeader().length() + 4
            for view in (self.ranking, self.weights)
        ]
        total = max(sum(self.splitter.sizes()), sum(need))
        first = min(need[0], total - min(need[1], total // 2))
        self.splitter.setSizes([first, total - first])

    def _fill_weights(self, g: GroupView, ds: DecisionSet) -> None:
        c = g.comparison
        spread = c.weight_spread()
        top = float(g.mean_weights.max()) or 1.0
        self._weights.setRowCount(0)
        for j, crit in enumerate(ds.criteria):
            shares = "<br>".join(
                f"{escape(name)}: {c.weights[p, j]:.1%}" for p, name in enumerate(c.names)
            )
            tip = f"<b>{escape(crit.name)}</b><br>{shares}<br>Mean {g.mean_weights[j]:.1%}"
            name = _cell(crit.name, crit.name.casefold(), tip)
            name.setIcon(swatch(theme.criterion_colour(j)))
            mean = _cell(f"{g.mean_weights[j]:.1%}", float(g.mean_weights[j]), tip, RIGHT)
            mean.setData((float(g.mean_weights[j]) / top, theme.criterion_colour(j)), BAR_ROLE)
            gap = _cell(f"{spread[j] * 100:.1f}", float(spread[j]), tip, RIGHT)
            self._weights.appendRow([name, mean, gap])

    # ---- selection ----------------------------------------------------------------------------
    def _row_chosen(self) -> None:
        index = self.ranking.currentIndex()
        if index.isValid():
            option = index.sibling(index.row(), 1).data(ID_ROLE)
            self._session.select(option=option, criterion=self._session.selected_criterion)

    def _show_selection(self) -> None:
        wanted = self._session.selected_option
        proxy = self.ranking.model()
        blocker = QSignalBlocker(self.ranking.selectionModel())
        for row in range(proxy.rowCount()):
            if proxy.index(row, 1).data(ID_ROLE) == wanted:
                self.ranking.selectRow(row)
                break
        else:
            self.ranking.clearSelection()
        blocker.unblock()
