"""Compare weighting profiles: rankings side by side, where the weights differ, what moved each
option, and what a group of stakeholders agrees on.

The analyst checks two or more profiles (saved ones for this decision set, the starter profiles
shipped with it, and the weighting on screen) and every tab follows. All numbers come from
explorer.core.profiles.compare; the tabs only draw and word them. The on-screen weighting is
read from the session, so its column moves with the sliders (work is deferred while the view is
hidden). Each checked profile is shown under a unique label: a saved and a starter profile may
share a name, and a briefer must be able to tell which column is which.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.problems import LoadError
from explorer.core.profiles import Comparison, Profile, ProfileLibrary, compare_profiles
from explorer.ui.compare.compare_entries import (
    CURRENT,
    CURRENT_NAME,
    KEY_ROLE,
    Entry,
    entry_item,
    header_item,
    offered_profiles,
    profile_credit,
)
from explorer.ui.compare.group_panel import GroupPanel
from explorer.ui.compare.rank_drivers import RankDriversPanel
from explorer.ui.compare.slope_graph import SlopeGraph
from explorer.ui.compare.weight_table import WeightDifferenceTable
from explorer.ui.state.session import Session
from explorer.ui.widgets.steady_tabs import SteadyTabWidget

__all__ = ["CURRENT_NAME", "CompareView", "show_compare_window"]


class CompareView(QWidget):
    checkedChanged = Signal()  # the profiles being compared changed (not their weights)
    comparisonChanged = Signal()  # new numbers on screen

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        library: ProfileLibrary | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._library = library if library is not None else ProfileLibrary()
        self.setWindowTitle("Compare profiles")
        self.setAccessibleName("Compare profiles")
        self._entries: dict[str, Entry] = {}
        self._set_id: str | None = None
        self._comparison: Comparison | None = None
        self._stale = False  # the numbers are out of date (hidden while the sliders moved)
        self._stale_list = False  # the library may have changed while hidden

        heading = QLabel("&Profiles to compare")
        self.profile_list = QListWidget()
        self.profile_list.setAccessibleName("Profiles to compare")
        self.profile_list.setAccessibleDescription("Space checks or unchecks the current profile")
        heading.setBuddy(self.profile_list)
        self.refresh_button = QPushButton("Re&load list")
        self.refresh_button.setAccessibleName("Reload the profile list")
        self.refresh_button.clicked.connect(self.reload_profiles)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("Comparison notes")
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(heading)
        side_layout.addWidget(self.profile_list, 1)
        side_layout.addWidget(self.refresh_button)
        side_layout.addWidget(self.notes)

        self.slope_graph = SlopeGraph(session)
        self.difference_table = WeightDifferenceTable(session)
        self.drivers = RankDriversPanel(session)
        self.group_panel = GroupPanel(session)
        rankings = QSplitter(Qt.Orientation.Vertical)
        rankings.setAccessibleName("Rankings and weights")
        rankings.setChildrenCollapsible(False)
        rankings.addWidget(self.slope_graph)
        rankings.addWidget(self.difference_table)
        rankings.setStretchFactor(0, 1)
        rankings.setStretchFactor(1, 1)
        rankings.setSizes([360, 300])  # the table shows most criteria without scrolling
        self.tabs = SteadyTabWidget()
        self.tabs.setAccessibleName("Comparison views")
        self.tabs.addTab(rankings, "&Rankings and weights")
        self.tabs.addTab(self.drivers, "What &drives the changes")
        self.tabs.addTab(self.group_panel, "&Group view")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([210, 790])
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)

        self.profile_list.itemChanged.connect(self._item_changed)
        session.setChanged.connect(self.reload_profiles)
        session.themeChanged.connect(self._follow_theme)
        session.resultChanged.connect(self._on_result)
        session.profileChanged.connect(self._on_profile)
        if session.decision_set is not None:
            self.reload_profiles()

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self.reload_profiles()  # entries, notes and every pane in the new colours

    # ---- the profile list ---------------------------------------------------------------------
    def reload_profiles(self) -> None:
        """Re-read the library and the set's starter profiles, keeping what was checked."""
        self._stale_list = False
        ds = self._session.decision_set
        new_set = ds is None or ds.id != self._set_id
        checked = set() if new_set else set(self._checked_keys())
        self._set_id = None if ds is None else ds.id
        groups = [] if ds is None else offered_profiles(self._library, ds)
        if new_set:  # a first look: the shipped stakeholders, else the screen and one saved
            starters = [e.key for e in groups[2][1]] if groups else []
            saved = [e.key for e in groups[1][1][:1]] if groups else []
            checked = set(starters) if len(starters) >= 2 else {CURRENT, *saved}
        current = self.profile_list.currentItem()
        current_key = current.data(KEY_ROLE) if current is not None else None
        self._entries = {}
        with QSignalBlocker(self.profile_list):
            self.profile_list.clear()
            for title, entries in groups:
                if not entries:
                    continue
                self.profile_list.addItem(header_item(title, self._session.theme.muted))
                for entry in entries:
                    self._entries[entry.key] = entry
                    row = entry_item(entry, entry.key in checked)
                    self.profile_list.addItem(row)
                    if entry.key == current_key:  # a keyboard user keeps their place
                        self.profile_list.setCurrentItem(row)
        self._recompute()
        self.checkedChanged.emit()

    def _checked_keys(self) -> list[str]:
        keys = []
        for row in range(self.profile_list.count()):
            item = self.profile_list.item(row)
            if item.data(KEY_ROLE) and item.checkState() == Qt.CheckState.Checked:
                keys.append(item.data(KEY_ROLE))
        return keys

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item.data(KEY_ROLE):
            self._recompute()
            self.checkedChanged.emit()

    # ---- public accessors ---------------------------------------------------------------------
    def checked_profiles(self) -> list[Profile]:
        """The checked profiles as compared: under their list labels, the session's read now."""
        out = []
        for key in self._checked_keys():
            entry = self._entries[key]
            if entry.profile is None:
                out.append(self._session.current_profile(name=entry.label))
            else:
                out.append(replace(entry.profile, name=entry.label))
        return out

    def comparison(self) -> Comparison | None:
        self._catch_up()
        return self._comparison

    def slope_ranks(self) -> dict[str, dict[str, int]]:
        """Profile -> option -> the rank its slope marker shows; for tests (caught up first)."""
        self._catch_up()
        return self.slope_graph.ranks()

    def difference_rows(self) -> list[dict[str, object]]:
        """The difference rows at full precision (cells round); for tests (caught up first)."""
        self._catch_up()
        return self.difference_table.rows()

    def driver_texts(self) -> list[str]:
        """The driver statements as listed; for tests (caught up first: hidden, it waits)."""
        self._catch_up()
        return self.drivers.texts()

    def group_rows(self) -> list[dict[str, object]]:
        """The group tab's rows at full precision (cells round); for tests (caught up first)."""
        self._catch_up()
        return self.group_panel.rows()

    def group_weights(self) -> dict[str, float]:
        """The group mean weights at full precision (shown rounded); for tests (caught up first)."""
        self._catch_up()
        return self.group_panel.mean_weights()

    # ---- recomputing --------------------------------------------------------------------------
    def _on_result(self) -> None:
        """The sliders moved: only the current weighting's column can have changed."""
        if CURRENT not in self._checked_keys():
            return
        if self.isVisible():
            self._recompute()
        else:
            self._stale = True  # a closed window catches up when shown or read

    def _on_profile(self) -> None:
        """A save or open may have added a profile to the library."""
        if self.isVisible():
            self.reload_profiles()
        else:
            self._stale_list = True

    def _catch_up(self) -> None:
        if self._stale_list:
            self._stale_list = False
            self.reload_profiles()
        elif self._stale:
            self._recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._catch_up()

    def _recompute(self) -> None:
        self._stale = False
        ds = self._session.decision_set
        profiles = self.checked_profiles() if ds is not None else []
        comparison, notes = None, []
        if ds is not None and profiles:
            try:
                comparison, applied = compare_profiles(profiles, ds)
            except (LoadError, ValueError) as exc:
                notes.append(f"Cannot compare: {escape(str(exc))}")
            else:
                names = {c.id: c.name for c in ds.criteria}
                for a in applied:
                    if a.missing:
                        lacking = ", ".join(names[c] for c in a.missing)
                        notes.append(
                            f"<b>{escape(a.profile.name)}</b> has no weight for "
                            f"{escape(lacking)} (counted as 0)."
                        )
        if len(profiles) < 2:
            notes.insert(0, "Check two or more profiles to compare them.")
        notes += [credit for p in profiles if (credit := profile_credit(p))]
        self._comparison = comparison
        option_names = {} if ds is None else {o.id: o.name for o in ds.options}
        criterion_names = {} if ds is None else {c.id: c.name for c in ds.criteria}
        self.slope_graph.set_comparison(
            comparison,
            [option_names[o] for o in comparison.option_ids] if comparison else [],
            [self._entries[key].tooltip for key in self._checked_keys()] if comparison else [],
        )
        self.difference_table.set_comparison(comparison, criterion_names)
        self.drivers.set_comparison(comparison, option_names, criterion_names)
        self.group_panel.set_profiles(profiles if comparison else [], ds)
        muted = self._session.theme.muted
        self.notes.setText(f'<span style="color:{muted}">{"<br>".join(notes)}</span>')
        self.notes.setVisible(bool(notes))
        self.comparisonChanged.emit()


def show_compare_window(
    session: Session, parent: QWidget | None = None, library: ProfileLibrary | None = None
) -> CompareView:
    """A CompareView in its own window (owned by `parent`, so it closes with the app)."""
    view = CompareView(session, parent, library)
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.resize(1100, 760)
    view.show()
    view.raise_()
    return view
