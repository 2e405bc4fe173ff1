"""The questions the profile panel asks, each behind one module-level function.

Every blocking dialog (name, file, conflict, mapping, share code, messages) is reached through a
function here, never constructed inline, so tests answer by monkeypatching the function instead
of driving a modal event loop, and every caller asks the same question the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError, Problem
from explorer.core.profiles import (
    AppliedProfile,
    Profile,
    ProfileConflictError,
    ProfileError,
    ProfileExistsError,
    ShareCodeError,
    decode_share_code,
)
from explorer.ui.problems_dialog import ProblemsDialog

YAML_FILTER = "Profiles (*.yaml *.yml);;All files (*)"
IGNORE = "Ignore (not used here)"
T = TypeVar("T")


# ---- the functions the panel calls (tests replace these) ----------------------------------
def ask_name(parent: QWidget | None, title: str, default: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, "Profile name:", text=default)
    text = text.strip()
    return text if ok and text else None


def ask_save_details(
    parent: QWidget | None, title: str, name: str, author: str, rationale: str
) -> SaveDetails | None:
    """Name, author and rationale for a profile about to be saved (the last two optional)."""
    dialog = SaveDetailsDialog(title, SaveDetails(name, author, rationale), parent)
    return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_open_file(parent: QWidget | None) -> Path | None:
    file, _ = QFileDialog.getOpenFileName(parent, "Import profile", str(Path.home()), YAML_FILTER)
    return Path(file) if file else None


def choose_save_file(parent: QWidget | None, default: Path) -> Path | None:
    file, _ = QFileDialog.getSaveFileName(parent, "Export profile", str(default), YAML_FILTER)
    return Path(file) if file else None


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_problems(parent: QWidget | None, title: str, problems: list[Problem]) -> None:
    dialog = ProblemsDialog(title, problems, parent)
    dialog.setWindowTitle("Cannot read profile")
    dialog.exec()


def ask_conflict(parent: QWidget | None, name: str, detail: str = "") -> str:
    """'overwrite', 'copy' or 'cancel' for a save that would replace someone else's file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Profile changed elsewhere")
    box.setText(f"“{name}” cannot be saved without replacing another version of it.")
    box.setInformativeText(detail)
    overwrite = box.addButton("&Overwrite theirs", QMessageBox.ButtonRole.DestructiveRole)
    copy = box.addButton("Save as &copy", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    return "overwrite" if clicked is overwrite else "copy" if clicked is copy else "cancel"


def ask_mapping(
    parent: QWidget | None, profile: Profile, decision_set: DecisionSet
) -> dict[str, str | None] | None:
    dialog = MappingDialog(profile, decision_set, parent)
    return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_share_code(parent: QWidget | None) -> str | None:
    dialog = ShareCodeDialog(parent)
    return dialog.code() if dialog.exec() == QDialog.DialogCode.Accepted else None


# ---- text ---------------------------------------------------------------------------------
def applied_report(applied: AppliedProfile, decision_set: DecisionSet) -> str:
    """What did not fit when a profile was opened; empty when it fitted exactly."""
    names = {c.id: c.name for c in decision_set.criteria}
    lines = []
    if applied.missing:
        missing = ", ".join(names.get(c, c) for c in applied.missing)
        lines.append(f"Not in this profile, weighted 0: {missing}")
    if applied.dropped:
        lines.append(f"Not in this decision set, ignored: {', '.join(applied.dropped)}")
    for source, target in applied.renamed.items():
        lines.append(f"Mapped: {source} → {names.get(target, target)}")
    covered = ("weights.",)  # already said above, in words
    lines += [p.message for p in applied.notes if not p.field.startswith(covered)]
    return "\n".join(lines)


def problems_of(exc: LoadError) -> list[Problem]:
    return exc.problems + exc.warnings


def attempt(parent: QWidget | None, work: Callable[[], T], title: str = "Not changed") -> T | None:
    """Run one library operation; its refusal is shown to the user, never swallowed."""
    try:
        return work()
    except LoadError as exc:
        show_problems(parent, title, problems_of(exc))
    except (ProfileError, OSError) as exc:
        inform(parent, title, str(exc))
    return None


def write_or_ask(
    parent: QWidget | None,
    name: str,
    write: Callable[[bool], Profile],
    copy: Callable[[], Profile],
) -> Profile | None:
    """`write(force=False)`; if another version is in the way, the user picks: overwrite it
    (`write(True)`), keep both (`copy()`), or cancel (None). Nothing is replaced unasked."""
    try:
        return write(False)
    except (ProfileConflictError, ProfileExistsError) as exc:
        answer = ask_conflict(parent, name, str(exc))
    except (ProfileError, OSError) as exc:
        inform(parent, "Profile not saved", str(exc))
        return None
    if answer == "overwrite":
        return attempt(parent, lambda: write(True), "Profile not saved")
    return attempt(parent, copy, "Profile not saved") if answer == "copy" else None


# ---- dialogs ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SaveDetails:
    name: str
    author: str = ""
    rationale: str = ""  # saved as the profile's description


class SaveDetailsDialog(QDialog):
    """Asks who weighted the set and why as the weighting is saved: the title slide, the
    profile list and Compare name the author and rationale, so a briefing says whose view it
    is. Only the name is required."""

    def __init__(self, title: str, details: SaveDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.name = QLineEdit(details.name)
        self.name.setAccessibleName("Profile name")
        self.author = QLineEdit(details.author)
        self.author.setAccessibleName("Author (optional)")
        self.author.setPlaceholderText("Who made this weighting")
        self.rationale = QPlainTextEdit(details.rationale)
        self.rationale.setAccessibleName("Rationale (optional)")
        self.rationale.setPlaceholderText("Why these weights, in a sentence or two")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Author (optional):", self.author)
        form.addRow("&Rationale (optional):", self.rationale)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.name.selectAll()
        self._check()

    def details(self) -> SaveDetails:
        return SaveDetails(
            self.name.text().strip(),
            self.author.text().strip(),
            self.rationale.toPlainText().strip(),
        )

    def _check(self) -> None:
        ok = bool(self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)


class MappingDialog(QDialog):
    """Which criterion of this set each criterion of a foreign profile stands for.

    Ids are only pre-matched when they are identical, and the user still sees and confirms
    each line, because the same id in two sets may mean different things.
    """

    def __init__(
        self, profile: Profile, decision_set: DecisionSet, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Profile for another decision set")
        self.setAccessibleName("Map profile criteria")
        intro = QLabel(
            f"“{profile.name}” was made for decision set “{profile.decision_set}”, not "
            f"“{decision_set.id}”. It is not opened as it is: choose which criterion of "
            "this set each of its criteria stands for, or ignore it."
        )
        intro.setWordWrap(True)
        self.intro = intro
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for cid, weight in profile.weights.items():
            combo = QComboBox()
            combo.addItem(IGNORE, None)
            for criterion in decision_set.criteria:
                combo.addItem(criterion.name, criterion.id)
            found = combo.findData(cid)
            combo.setCurrentIndex(max(found, 0))
            combo.setAccessibleName(f"Criterion for {cid}")
            combo.currentIndexChanged.connect(self._check)
            form.addRow(f"{cid} (weight {weight:g})", combo)
            self.combos[cid] = combo
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open with this mapping")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self._check()

    def mapping(self) -> dict[str, str | None]:
        return {cid: combo.currentData() for cid, combo in self.combos.items()}

    def _check(self) -> None:
        """Two profile criteria on one set criterion would silently add up: not allowed."""
        targets = [t for t in self.mapping().values() if t is not None]
        if not targets:
            problem = "Map at least one criterion."
        elif len(set(targets)) < len(targets):
            problem = "Two criteria are mapped to the same criterion of this set."
        else:
            problem = ""
        self.warning.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class ShareCodeDialog(QDialog):
    """A box to paste a share code into, checked as it is typed so a damaged code never gets
    as far as the panel; the checksum message says to ask for the code again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste share code")
        self.setAccessibleName("Paste share code")
        self.resize(480, 220)
        label = QLabel("Paste a profile share code (it starts with PX2-):")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Share code")
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._check)
        clip = QGuiApplication.clipboard().text().strip()
        if clip.upper().startswith("PX"):
            self.text.setPlainText(clip)
        self._check()

    def code(self) -> str:
        return self.text.toPlainText().strip()

    def _check(self) -> None:
        ok = False
        if not self.code():
            self.verdict.setText("")
        else:
            try:
                profile = decode_share_code(self.code())
            except ShareCodeError as exc:
                self.verdict.setText(str(exc))
            except LoadError as exc:
                self.verdict.setText(f"The code is intact but its profile is invalid:\n{exc}")
            else:
                ok = True
                self.verdict.setText(f"“{profile.name}” for {profile.decision_set}")
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)
