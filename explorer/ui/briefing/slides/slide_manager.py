"""Choosing the briefing's slides: show or hide each, put them in order, glance at the notes.

Every change goes to the session as a new DeckSettings, so the running presentation, the
presenter view and the saved profile all follow it. The list re-reads the deck on deckChanged
and only rebuilds when the order differs, so a drag the list has already made is not undone
and redone under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.briefing.present.slide_canvas import (
    SlideSource,
    default_renderer,
    projector_theme,
    thumbnail,
)
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

KEY_ROLE = Qt.ItemDataRole.UserRole
THUMB = QSize(192, 108)
THUMB_DELAY_MS = 300  # thumbnails follow a weight drag once it pauses, not on every tick


def faded(pixmap: QPixmap, background: QColor) -> QPixmap:
    out = QPixmap(pixmap.size())
    out.fill(background)
    painter = QPainter(out)
    painter.setOpacity(0.3)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    return out


class SlideManager(QDialog):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        renderer: SlideSource | None = None,
        slide_theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._theme = slide_theme or projector_theme()
        self._renderer = renderer or default_renderer(session, self._theme)
        self.setWindowTitle("Slides")
        self.setAccessibleName("Slides")

        self.list = QListWidget()
        self.list.setAccessibleName("Slides in presentation order")
        self.list.setToolTip(
            "Tick a slide to show it, untick to hide it; drag or use Move up/down to reorder"
        )
        self.list.setIconSize(THUMB)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)  # long slide titles wrap beside the thumbnail
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemChanged.connect(self._checked)
        self.list.model().rowsMoved.connect(self._moved)
        self.list.currentItemChanged.connect(self._show_note)

        self.up = QPushButton("Move &up")
        self.up.setAccessibleName("Move slide up")
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down = QPushButton("Move &down")
        self.down.setAccessibleName("Move slide down")
        self.down.clicked.connect(lambda: self.move_current(+1))
        self.show_all = QPushButton("Show &all")
        self.show_all.setAccessibleName("Show all slides")
        self.show_all.setToolTip("Show every slide again (the order is kept)")
        self.show_all.clicked.connect(self._show_all)
        buttons = QVBoxLayout()
        for button in (self.up, self.down, self.show_all):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note.setAccessibleName("Speaker notes of the selected slide")
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 4)
        notes = QGroupBox("Speaker notes")
        notes_box = QVBoxLayout(notes)
        notes_box.addWidget(self.note)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        box = QVBoxLayout(self)
        box.addLayout(row, 1)
        box.addWidget(notes)
        box.addWidget(close)
        self.resize(640, 760)

        self._pixmaps: dict[str, QPixmap] = {}
        self._thumbs = QTimer(self)
        self._thumbs.setSingleShot(True)
        self._thumbs.setInterval(THUMB_DELAY_MS)
        self._thumbs.timeout.connect(self._paint_thumbnails)
        session.deckChanged.connect(self.sync)
        session.setChanged.connect(self.sync)
        session.resultChanged.connect(self._result_changed)
        session.acceptabilityChanged.connect(self._acceptability_changed)
        self.sync()

    # ---- reading ---------------------------------------------------------------------------
    def keys(self) -> list[str]:
        """The slides in the list's order (hidden ones too)."""
        return [self.list.item(i).data(KEY_ROLE) for i in range(self.list.count())]

    def select_key(self, key: str | None) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(KEY_ROLE) == key:
                self.list.setCurrentRow(i)
                return

    # ---- session → list --------------------------------------------------------------------
    def sync(self) -> None:
        keys = self._renderer.keys(include_hidden=True)
        hidden = self._session.deck.hidden
        current = self.list.currentItem()
        current_key = current.data(KEY_ROLE) if current else None
        with QSignalBlocker(self.list):
            if keys != self.keys():
                self.list.clear()
                for key in keys:
                    item = QListWidgetItem()
                    item.setData(KEY_ROLE, key)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                        | Qt.ItemFlag.ItemIsDragEnabled
                    )
                    self.list.addItem(item)
                self._paint_thumbnails()
            number = 0
            for i, key in enumerate(keys):
                item = self.list.item(i)
                shown = key not in hidden
                number += shown
                title = self._renderer.title(key)
                item.setText(f"{number}. {title}" if shown else f"Hidden: {title}")
                item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
                role = QPalette.ColorRole.Text if shown else QPalette.ColorRole.PlaceholderText
                item.setForeground(self.palette().color(role))
                item.setToolTip(f"{title}: {'shown' if shown else 'hidden'}")
            self._set_icons()
        self.select_key(current_key or (keys[0] if keys else None))
        self._show_note()

    def _result_changed(self) -> None:
        if self.isVisible():
            self._thumbs.start()

    def _acceptability_changed(self) -> None:
        """A finished run replaces the robustness thumbnail's partial numbers."""
        snap = self._session.acceptability
        if snap is not None and snap.done and self._session.acceptability_current:
            self._result_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._paint_thumbnails()  # the weights may have moved while the dialog was closed

    def _paint_thumbnails(self) -> None:
        background = QColor(self._theme.background)
        self._pixmaps = {
            key: thumbnail(self._renderer, key, THUMB, background) for key in self.keys()
        }
        self._set_icons()

    def _set_icons(self) -> None:
        """Hidden slides' thumbnails are faded, so the shown deck reads at a glance."""
        hidden = self._session.deck.hidden
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(KEY_ROLE)
            pixmap = self._pixmaps.get(key)
            if pixmap is None:
                continue
            if key in hidden:
                pixmap = faded(pixmap, QColor(self._theme.background))
            item.setIcon(QIcon(pixmap))

    def _show_note(self) -> None:
        item = self.list.currentItem()
        text = self._session.deck.note(item.data(KEY_ROLE)) if item else ""
        self.note.setText(text or "No notes for this slide.")
        self.up.setEnabled(item is not None and self.list.row(item) > 0)
        self.down.setEnabled(item is not None and self.list.row(item) < self.list.count() - 1)

    # ---- list → session --------------------------------------------------------------------
    def _checked(self, item: QListWidgetItem) -> None:
        hidden = item.checkState() != Qt.CheckState.Checked
        self._session.set_deck(self._session.deck.with_hidden(item.data(KEY_ROLE), hidden))

    def _moved(self, *_: QModelIndex | int) -> None:
        # Deferred: the list finishes its drop before the session hears of the new order.
        QTimer.singleShot(0, self, self._commit_order)

    def _commit_order(self) -> None:
        self._session.set_deck(self._session.deck.with_order(self.keys()))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        keys = self.keys()
        target = row + step
        if row < 0 or not 0 <= target < len(keys):
            return
        keys.insert(target, keys.pop(row))
        self._session.set_deck(self._session.deck.with_order(keys))
        self.list.setCurrentRow(target)
        self.list.setFocus()

    def _show_all(self) -> None:
        deck = self._session.deck
        for key in self.keys():
            deck = deck.with_hidden(key, False)
        self._session.set_deck(deck)
