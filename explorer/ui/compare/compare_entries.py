"""What the comparison window offers to compare: the on-screen weighting, the analyst's saved
profiles for this decision set and the starter profiles shipped beside it.

Each gets a label unique in the list, because the label is the name the profile is compared
under: a saved "Balanced" and the starter "Balanced" must be told apart in every column header.
Unreadable files and profiles written for another set are left out (the profile panel is where
they are repaired or mapped).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidgetItem

from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError
from explorer.core.profiles import Profile, ProfileLibrary, load_profile, starter_profiles

CURRENT = "current"
CURRENT_NAME = "Current weighting (unsaved)"
CURRENT_TIP = "The weighting on screen now, saved or not; its column follows the sliders."
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SAVED, STARTERS = "Saved profiles", "Starter profiles"


@dataclass(frozen=True)
class Entry:
    key: str  # "current", "library:<path>" or "starter:<path>"
    label: str  # unique within the list; the profile is compared under this name
    profile: Profile | None  # None: the session's weighting, read when compared
    tooltip: str


def offered_profiles(library: ProfileLibrary, ds: DecisionSet) -> list[tuple[str, list[Entry]]]:
    """(section title, entries) in list order, labels made unique."""
    groups = [
        ("Now", [Entry(CURRENT, CURRENT_NAME, None, CURRENT_TIP)]),
        (SAVED, library_entries(library, ds.id)),
        (STARTERS, starter_entries(ds)),
    ]
    unique_labels(groups)
    return groups


def library_entries(library: ProfileLibrary, set_id: str) -> list[Entry]:
    entries = []
    for info in library.list_profiles():
        if info.error or info.decision_set != set_id:
            continue
        try:
            profile = load_profile(info.path)
        except LoadError:
            continue
        entries.append(Entry(f"library:{info.path}", profile.name, profile, profile_tip(profile)))
    return entries


def starter_entries(ds: DecisionSet) -> list[Entry]:
    if ds.location is None:
        return []
    entries = []
    for path in starter_profiles(ds.location):
        try:
            profile = load_profile(path)
        except LoadError:
            continue
        if profile.decision_set == ds.id:
            entries.append(Entry(f"starter:{path}", profile.name, profile, profile_tip(profile)))
    return entries


def unique_labels(groups: list[tuple[str, list[Entry]]]) -> None:
    """Rename in place so no two entries share a label: '(starter)' / '(saved)', then numbers."""
    kinds = {SAVED: "saved", STARTERS: "starter"}
    counts: dict[str, int] = {}
    for _, entries in groups:
        for entry in entries:
            counts[entry.label.casefold()] = counts.get(entry.label.casefold(), 0) + 1
    seen: set[str] = set()
    for g, (title, entries) in enumerate(groups):
        for i, entry in enumerate(entries):
            label = entry.label
            if counts[label.casefold()] > 1 and title in kinds:
                label = f"{label} ({kinds[title]})"
            base, n = label, 1
            while label.casefold() in seen:
                n += 1
                label = f"{base} {n}"
            seen.add(label.casefold())
            if label != entry.label:
                groups[g][1][i] = replace(entry, label=label)


def header_item(title: str, muted: str) -> QListWidgetItem:
    item = QListWidgetItem(title)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable: arrow keys skip it
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    item.setForeground(QBrush(QColor(muted)))
    return item


def entry_item(entry: Entry, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(entry.label)
    item.setData(KEY_ROLE, entry.key)
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
    )
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setToolTip(entry.tooltip)
    return item


def profile_credit(profile: Profile) -> str:
    """ "<b>Name</b> by Author: rationale" under the list, so who weighted each compared
    profile, and why, is read beside the numbers (empty when the profile says neither)."""
    if not (profile.author or profile.description):
        return ""
    text = f"<b>{escape(profile.name)}</b>"
    if profile.author:
        text += f" by {escape(profile.author)}"
    if profile.description:
        text += ": " + escape(" ".join(profile.description.split()))
    return text


def profile_tip(profile: Profile) -> str:
    parts = [f"<b>{escape(profile.name)}</b>"]
    if profile.author:
        parts.append(f"by {escape(profile.author)}")
    if profile.description:
        parts.append(escape(profile.description))
    parts.append(f"Method: {profile.method.label}")
    if profile.path is not None:
        parts.append(f"<i>{escape(profile.path.name)}</i>")
    return "<br>".join(parts)
