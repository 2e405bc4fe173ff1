"""The presenter's screen: the slide the room sees, the one coming next, notes and a clock.

It shares the SlideNavigator with the audience window, so either window's keys move both.
Speaker notes are edited here and saved in the session's deck (and so with the profile);
typing is committed after a short pause, not on every keystroke, so a note is one deck change
per thought rather than per letter.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.core.briefing.navigation import format_elapsed
from explorer.ui.briefing.present.slide_canvas import (
    SlideCanvas,
    SlideSource,
    projector_theme,
    slide_palette,
)
from explorer.ui.briefing.present.slide_navigator import SlideNavigator, add_undo_keys
from explorer.ui.briefing.present.whatif_overlay import WhatIfOverlay
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

NOTE_COMMIT_MS = 600  # a pause in typing long enough to be the end of a thought
CLOCK_TICK_MS = 500  # twice a second, so the shown second never lags by a whole one
CLICKER_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class PresenterView(QWidget):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        navigator: SlideNavigator,
        renderer: SlideSource | None = None,
        slide_theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.navigator = navigator
        self._theme = slide_theme or projector_theme()
        renderer = renderer or navigator.renderer
        self._renderer = renderer
        self._note_key: str | None = None
        self.setWindowTitle("Presenter view")
        self.setAccessibleName("Presenter view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        add_undo_keys(self, session)  # the notes box keeps Ctrl+Z for its own typing
        self.setPalette(slide_palette(self.palette(), self._theme))
        self.setAutoFillBackground(True)
        font = QFont(self.font())
        font.setPointSize(14)
        self.setFont(font)

        self.counter = self._label("", 18, bold=True, name="Slide counter")
        self.status = self._label("", 14, bold=True, name="Audience screen status")
        self.status.setStyleSheet(f"color: {self._theme.contradicts};")
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.clock = self._label("0:00", 30, bold=True, name="Elapsed time")
        self.clock.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.clock.setFixedWidth(self.clock.fontMetrics().horizontalAdvance("0:00:00") + 12)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.pause = self._button("Pause", "Pause or resume the timer", self.toggle_clock)
        self.reset = self._button("Reset", "Start the timer again from 0:00", self.reset_clock)
        top = QHBoxLayout()
        top.addWidget(self.counter, 1)
        top.addWidget(self.status)
        top.addSpacing(16)
        top.addWidget(self.clock)
        top.addWidget(self.pause)
        top.addWidget(self.reset)

        self.current = SlideCanvas(session, renderer=renderer, slide_theme=self._theme)
        self.current.setAccessibleName("Current slide")
        self.next = SlideCanvas(
            session, renderer=renderer, slide_theme=self._theme, empty_text="End of presentation"
        )
        self.next.setAccessibleName("Next slide")
        self.next_title = self._label("", 14, name="Next slide title")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Speaker notes")
        self.notes.setPlaceholderText("Speaker notes for this slide (saved with the profile)")
        self.notes.setToolTip("Notes for the current slide; only you see them")
        notes_font = QFont(font)
        notes_font.setPointSize(16)
        self.notes.setFont(notes_font)
        self.notes.installEventFilter(self)
        self.notes.textChanged.connect(self._note_edited)
        self.what_if = WhatIfOverlay(session, slide_theme=self._theme)
        self.what_if.restoreRequested.connect(navigator.return_to_briefed)
        self.what_if.set_pixel_size(17)
        self.what_if.hide()
        side = QVBoxLayout()
        side.addWidget(self.next_title)
        side.addWidget(self.next, 2)
        side.addWidget(self._label("Speaker notes", 14, bold=True))
        side.addWidget(self.notes, 3)
        side.addWidget(self.what_if)
        middle = QHBoxLayout()
        middle.addWidget(self.current, 3)
        middle.addLayout(side, 2)

        self.back = self._button("◀ Previous", "Previous slide (← ↑ PgUp)", navigator.prev)
        self.forward = self._button("Next ▶", "Next slide (→ ↓ PgDn Space)", navigator.next)
        self.black = self._button(
            "Black (B)", "Black out the audience screen", navigator.toggle_black
        )
        self.black.setCheckable(True)
        self.weights = self._button("What if (W)", "Weight sliders", navigator.whatIfRequested)
        self.slides = self._button(
            "Slides (S)", "Show, hide and reorder", navigator.slidesRequested
        )
        self.leave = self._button(
            "End show (Esc)", "Leave the presentation", navigator.leaveRequested
        )
        bottom = QHBoxLayout()
        for button in (self.back, self.forward, self.black, self.weights, self.slides):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.leave)

        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.setSpacing(10)
        box.addLayout(top)
        box.addLayout(middle, 1)
        box.addLayout(bottom)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_COMMIT_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._banked_ms = 0  # time from before the last pause
        self._running = True
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_TICK_MS)
        self._tick.timeout.connect(self._show_clock)

        navigator.changed.connect(self._on_navigated)
        navigator.whatIfRequested.connect(self._toggle_what_if)
        session.deckChanged.connect(self._load_note)
        session.weightsChanged.connect(self._show_status)
        self._on_navigated()

    # ---- building helpers ------------------------------------------------------------------
    def _label(self, text: str, points: int, bold: bool = False, name: str = "") -> QLabel:
        label = QLabel(text)
        font = QFont(self.font())
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text or "0:00:00") + 8)
        if name:
            label.setAccessibleName(name)
        return label

    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.split(" (")[0].strip("◀▶ "))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # clicks leave the keys with the view
        button.clicked.connect(slot)
        return button

    # ---- navigation → view -----------------------------------------------------------------
    def _on_navigated(self) -> None:
        nav = self.navigator
        key, upcoming = nav.current, nav.next_key
        if key != self._note_key:
            self.commit_note()  # the note typed for the slide we are leaving
            self._note_key = key
            self._load_note()
        self.current.set_key(key)
        self.next.set_key(upcoming)
        title = self._renderer.title(key) if key else "No slides"
        self.counter.setText(f"Slide {nav.counter()}  ·  {title}")
        after = self._renderer.title(upcoming) if upcoming else "End of presentation"
        self.next_title.setText(f"Next: {after}")
        self.notes.setEnabled(key is not None)
        with QSignalBlocker(self.black):
            self.black.setChecked(nav.black)
        self._show_status()

    def _show_status(self) -> None:
        """What the room sees that the presenter might have forgotten: black, or what-if."""
        parts = []
        if self.navigator.black:
            parts.append("Audience screen is black")
        if self.navigator.what_if:
            parts.append("What-if weights (R restores)")
        self.status.setText("  ·  ".join(parts))

    def _toggle_what_if(self) -> None:
        """The sliders take the next-slide preview's place: mid-question, the presenter needs
        the weights more than a look ahead."""
        showing = not self.what_if.isVisible()
        self.what_if.setVisible(showing)
        self.next.setVisible(not showing)
        self.next_title.setVisible(not showing)

    # ---- speaker notes ---------------------------------------------------------------------
    def _note_edited(self) -> None:
        self._note_timer.start()  # restarts with each keystroke

    def commit_note(self) -> None:
        """Save the editor's text as the note of the slide it belongs to, if it changed."""
        self._note_timer.stop()
        key = self._note_key
        if key is None:
            return
        # set_deck ignores a deck equal to the current one: an unchanged note costs nothing
        self._session.set_deck(self._session.deck.with_note(key, self.notes.toPlainText()))

    def _load_note(self) -> None:
        """Show the deck's note; an edit still waiting to be saved wins over a stale echo."""
        if self._note_timer.isActive():
            return
        text = self._session.deck.note(self._note_key) if self._note_key else ""
        if text != self.notes.toPlainText():
            with QSignalBlocker(self.notes):
                self.notes.setPlainText(text)

    # ---- clock -----------------------------------------------------------------------------
    def elapsed_seconds(self) -> float:
        running = self._clock.elapsed() if self._running else 0
        return (self._banked_ms + running) / 1000

    def toggle_clock(self) -> None:
        if self._running:
            self._banked_ms += self._clock.elapsed()
        else:
            self._clock.restart()
        self._running = not self._running
        self.pause.setText("Pause" if self._running else "Resume")
        self._show_clock()

    def reset_clock(self) -> None:
        self._banked_ms = 0
        self._clock.restart()
        self._show_clock()

    def _show_clock(self) -> None:
        self.clock.setText(format_elapsed(self.elapsed_seconds()))

    # ---- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.navigator.handle_key(event.key(), event.modifiers()):
            event.accept()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While typing notes, a clicker (PgUp/PgDn) still turns slides and Esc leaves the
        notes rather than the presentation."""
        if watched is self.notes and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in CLICKER_KEYS and not event.modifiers():
                self.navigator.handle_key(event.key(), event.modifiers())
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.commit_note()
                self.setFocus()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_clock()
        self._tick.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit_note()
        self._tick.stop()  # the clock keeps counting; only its label rests
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_note()
        self._tick.stop()
        super().closeEvent(event)
