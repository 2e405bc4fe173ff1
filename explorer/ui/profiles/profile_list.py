"""The profile library as a grouped list: this set's profiles, other sets', unreadable, starters.

Profiles made for another decision set stay visible (greyed, grouped under their set) rather
than hidden, so a colleague's file is never "lost" just because it needs mapping; unreadable
files are listed too, with their first problem in the tooltip, so they can be fixed or deleted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView, QWidget

from explorer.core.problems import display_path
from explorer.core.profiles import ProfileInfo, filter_infos
from explorer.ui.state.session import Session

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP, LIBRARY, OTHER, BROKEN, STARTER = "group", "library", "other", "broken", "starter"
PROFILE_KINDS = (LIBRARY, OTHER, BROKEN, STARTER)


def same_file(a: Path | None, b: Path | None) -> bool:
    return a is not None and b is not None and Path(a).resolve() == Path(b).resolve()


class ProfileList(QTreeView):
    """Groups of rows (name, author, modified); the open profile bold, with • while unsaved."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._infos: list[ProfileInfo] = []
        self._starters: list[ProfileInfo] = []
        self._filter = ""
        self._names: dict[Path, str] = {}
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self.setAccessibleName("Profile library")
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        session.profileChanged.connect(self.mark_active)
        session.themeChanged.connect(self._follow_theme)

    # ---- content -------------------------------------------------------------------------
    def set_profiles(self, infos: list[ProfileInfo], starters: list[ProfileInfo]) -> None:
        self._infos, self._starters = list(infos), list(starters)
        self._rebuild()

    def set_filter(self, text: str) -> None:
        self._filter = text
        self._rebuild()

    def _rebuild(self) -> None:
        keep = self.selected_path()
        ds = self._session.decision_set
        set_id = ds.id if ds is not None else ""
        infos = filter_infos(self._infos, self._filter)
        broken = [i for i in infos if i.error]
        here = [i for i in infos if not i.error and i.decision_set == set_id]
        others = sorted(
            (i for i in infos if not i.error and i.decision_set != set_id),
            key=lambda i: (i.decision_set, i.name.casefold()),
        )
        self._items.clear()
        self._items.setHorizontalHeaderLabels(["Name", "Author", "Modified"])
        self._names = {i.path: i.path.name if i.error else i.name for i in infos}
        title = ds.title if ds is not None else "this decision set"
        self._group(f"For {title} ({len(here)})", here, LIBRARY)
        for other_set in dict.fromkeys(i.decision_set for i in others):
            members = [i for i in others if i.decision_set == other_set]
            self._group(f"Made for another set: {other_set} ({len(members)})", members, OTHER)
        if broken:
            self._group(f"Unreadable files ({len(broken)})", broken, BROKEN)
        if self._starters:
            starters = filter_infos(self._starters, self._filter)
            self._names.update((i.path, i.name) for i in starters)
            self._group(f"Starter profiles, illustrative ({len(starters)})", starters, STARTER)
        self.expandAll()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # a long author ("... (illustrative)") must not squeeze the names: it elides instead
        header.resizeSection(1, header.fontMetrics().horizontalAdvance("M") * 8)
        self.mark_active()
        if keep is not None:
            self.select_path(keep)

    def _group(self, title: str, infos: list[ProfileInfo], kind: str) -> None:
        heading = QStandardItem(title)
        heading.setData(GROUP, KIND_ROLE)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        for info in infos:
            heading.appendRow(self._row(info, kind))
        self._items.appendRow(heading)
        self.setFirstColumnSpanned(self._items.rowCount() - 1, QModelIndex(), True)

    def _row(self, info: ProfileInfo, kind: str) -> list[QStandardItem]:
        name = QStandardItem(self._names[info.path])
        author = QStandardItem(info.author or "—")
        modified = QStandardItem(info.modified[:10])
        if info.error:
            tip = f"{display_path(info.path)}\ncannot be read: {info.error}"
            name.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        else:
            lines = (
                info.name,
                f"by {info.author}" if info.author else "",
                f"decision set: {info.decision_set}",
                f"modified: {info.modified}" if info.modified else "",
                info.description,
                display_path(info.path),
            )
            tip = "\n".join(line for line in lines if line)
        muted = QColor(self._session.theme.muted)
        for item in (name, author, modified):
            item.setData(kind, KIND_ROLE)
            item.setData(str(info.path), PATH_ROLE)
            item.setToolTip(tip)
            if kind in (OTHER, BROKEN):
                item.setForeground(muted)
        return [name, author, modified]

    def mark_active(self) -> None:
        active = self._session.active_profile
        dirty = self._session.dirty
        for _kind, index in self.entries():
            item = self._items.itemFromIndex(index)
            path = Path(index.data(PATH_ROLE))
            is_active = active is not None and same_file(active.path, path)
            base = self._names.get(path, item.text())
            item.setText(f"{base} •" if is_active and dirty else base)
            item.setData(
                f"{base}, open, unsaved changes" if is_active and dirty else base,
                Qt.ItemDataRole.AccessibleTextRole,
            )
            font = item.font()
            font.setBold(is_active)
            item.setFont(font)

    # ---- reading back --------------------------------------------------------------------
    def entries(self) -> list[tuple[str, QModelIndex]]:
        """(kind, index of the name cell) for every profile row shown, top to bottom."""
        found = []
        for g in range(self._items.rowCount()):
            group = self._items.index(g, 0)
            for r in range(self._items.rowCount(group)):
                index = self._items.index(r, 0, group)
                found.append((index.data(KIND_ROLE), index))
        return found

    def groups(self) -> list[str]:
        return [self._items.item(g).text() for g in range(self._items.rowCount())]

    def selected_index(self) -> QModelIndex | None:
        rows = self.selectionModel().selectedRows(0)
        return rows[0] if rows and rows[0].data(KIND_ROLE) in PROFILE_KINDS else None

    def selected_kind(self) -> str | None:
        index = self.selected_index()
        return index.data(KIND_ROLE) if index is not None else None

    def selected_path(self) -> Path | None:
        index = self.selected_index()
        return Path(index.data(PATH_ROLE)) if index is not None else None

    def select_path(self, path: Path | None) -> bool:
        for _kind, index in self.entries():
            if same_file(Path(index.data(PATH_ROLE)), path):
                self.setCurrentIndex(index)
                return True
        return False

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._rebuild()
