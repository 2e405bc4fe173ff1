"""The Help menu's reference sheets: every keyboard shortcut and the glossary.

The shortcut sheet is read from the window's own actions and the presentation's key map when it
opens, so it can never list a key that does nothing or miss one that was added.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from explorer.core.glossary import GLOSSARY
from explorer.ui.briefing.present.slide_navigator import KEY_HELP


def _menu_rows(menu: QMenu, path: str) -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        name = f"{path} › {action.text().replace('&', '')}"
        if isinstance(sub := action.menu(), QMenu):  # QAction.menu() is typed as a QObject
            rows += _menu_rows(sub, name)
        elif action.shortcuts():
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            rows.append((name, keys))
    return rows


def shortcut_rows(window: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(command, keys)]): the menu bar's commands with keys, then the presentation's."""
    bar = window.menuBar()  # type: ignore[attr-defined]
    window_rows: list[tuple[str, str]] = []
    for action in bar.actions():
        if isinstance(action, QAction) and isinstance(menu := action.menu(), QMenu):
            window_rows += _menu_rows(menu, action.text().replace("&", ""))
    presenting = [(what, keys) for keys, what in KEY_HELP]
    presenting.append(("undo / redo a what-if change", "Ctrl+Z / Ctrl+Shift+Z"))
    return [("Main window", window_rows), ("During a presentation", presenting)]


def _sheet(parent: QWidget | None, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a fresh sheet each time
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.resize(620, 560)
    browser = QTextBrowser()
    browser.setAccessibleName(title)
    browser.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.browser = browser  # type: ignore[attr-defined]
    return dialog


def shortcut_sheet(window: QWidget) -> QDialog:
    parts = []
    for section, rows in shortcut_rows(window):
        parts.append(f"<h3>{escape(section)}</h3><table cellpadding='3'>")
        parts += [
            f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>" for what, keys in rows
        ]
        parts.append("</table>")
    return _sheet(window, "Keyboard shortcuts", "".join(parts))


def glossary_sheet(parent: QWidget | None) -> QDialog:
    html = "".join(f"<h3>{escape(term)}</h3><p>{escape(text)}</p>" for term, text in GLOSSARY)
    return _sheet(parent, "Glossary", html)


def open_sheet(make: Callable[[QWidget], QDialog], parent: QWidget) -> QDialog:
    """Modeless, so a user can keep the sheet open beside the window while trying the keys."""
    dialog = make(parent)
    dialog.show()
    dialog.raise_()
    return dialog


# (menu text, sheet, shortcut) for the Help menu
SHEETS = (
    ("&Keyboard shortcuts", shortcut_sheet, "F1"),
    ("&Glossary", glossary_sheet, None),
)
