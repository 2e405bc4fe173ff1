"""Help ▸ About: what the app is and exactly which build is running.

The versions are the ones a bug report needs (app, Qt, Python, the bundled data's), shown as
selectable text with a button that copies them all, so a user can paste them into a report.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from explorer import __version__, paths
from explorer.versions import data_summary

TITLE = "Policy Options Explorer"
TAGLINE = (
    "Weight the criteria that matter, watch the ranking change, and read the verbatim "
    "source quote behind every score."
)


def version_details() -> list[tuple[str, str]]:
    return [
        ("Version", __version__),
        ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ("Python", f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
        ("Bundled data", data_summary()),
        ("Data folder", str(paths.project_root())),
    ]


def details_text(details: list[tuple[str, str]]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in details)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {TITLE}")
        self.details = version_details()
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{TITLE} {__version__}</h2><p>{TAGLINE}</p>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        for label, value in self.details:
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            form.addRow(f"{label}:", text)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            "&Copy details", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(f"{TITLE}\n{details_text(self.details)}")


def show_about(parent: QWidget) -> AboutDialog:
    """Opened window-modal and not waited for, so the caller (and a test) carries on."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
