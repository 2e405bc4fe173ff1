"""The running presentation's shared position, and the keys a clicker or keyboard sends.

The audience window and the presenter view both show this one position, and a key pressed in
either moves it: with two screens the presenter's window usually has the keyboard focus, with
one screen the audience window has. The rules themselves (clamping, typed numbers, blackout)
are Qt-free in explorer.core.briefing.navigation; this object adds the session wiring, the
signals and the key map.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from explorer.core.briefing.navigation import Navigator
from explorer.ui.briefing.present.slide_canvas import SlideSource
from explorer.ui.state.session import Session
from explorer.ui.state.weight_history import WeightState

UNDO_KEYS = (QKeySequence.StandardKey.Undo,)
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo)
BUFFER_TIMEOUT_MS = 3000  # a typed slide number nobody confirms disappears again

NEXT_KEYS = frozenset({Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space})
PREV_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp})
BLACK_KEYS = frozenset({Qt.Key.Key_B, Qt.Key.Key_Period})  # clickers' "blank" button sends '.'
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): str(d) for d in range(10)}

KEY_HELP = (
    ("→ ↓ PgDn Space", "next slide"),
    ("← ↑ PgUp", "previous slide"),
    ("Home / End", "first / last slide"),
    ("number, Enter", "go to that slide"),
    ("B or .", "black screen"),
    ("W", "what-if weights"),
    ("R", "back to the briefed weights"),
    ("S", "show, hide and reorder slides"),
    ("P", "presenter view"),
    ("Esc", "end the presentation"),
)


def add_undo_keys(window: QWidget, session: Session) -> None:
    """Ctrl+Z / Ctrl+Shift+Z in a presentation window undo and redo what-if changes: the
    main window's Edit menu does not reach a separate full-screen window."""
    stack = session.undo_stack
    for keys, slot in ((UNDO_KEYS, stack.undo), (REDO_KEYS, stack.redo)):
        for key in keys:
            QShortcut(QKeySequence(key), window, slot)


class SlideNavigator(QObject):
    changed = Signal()  # slide, counter, typed number or blackout changed: repaint
    leaveRequested = Signal()  # Esc
    whatIfRequested = Signal()  # W: show or hide the weight sliders
    slidesRequested = Signal()  # S: the slide manager
    presenterRequested = Signal()  # P: the presenter view

    def __init__(
        self, session: Session, renderer: SlideSource, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._renderer = renderer
        self._nav = Navigator(renderer.keys())
        # What the talk was prepared with: R comes back to it after any what-if detour.
        self._briefed: WeightState = session.snapshot()
        self._buffer_timer = QTimer(self)
        self._buffer_timer.setSingleShot(True)
        self._buffer_timer.setInterval(BUFFER_TIMEOUT_MS)
        self._buffer_timer.timeout.connect(self.clear_buffer)
        session.deckChanged.connect(self.sync_keys)
        session.setChanged.connect(self.sync_keys)

    # ---- state -----------------------------------------------------------------------------
    @property
    def renderer(self) -> SlideSource:
        return self._renderer

    @property
    def current(self) -> str | None:
        return self._nav.current

    @property
    def next_key(self) -> str | None:
        return self._nav.next_key

    @property
    def keys(self) -> list[str]:
        return self._nav.keys

    @property
    def position(self) -> int:
        return self._nav.position

    @property
    def count(self) -> int:
        return self._nav.count

    @property
    def black(self) -> bool:
        return self._nav.black

    @property
    def buffer(self) -> str:
        return self._nav.buffer

    def counter(self) -> str:
        return self._nav.counter()

    @property
    def briefed(self) -> WeightState:
        return self._briefed

    @property
    def what_if(self) -> bool:
        """The weighting on screen is not the one the talk started with (say so on the slide)."""
        return not self._session.snapshot().same_as(self._briefed)

    # ---- commands --------------------------------------------------------------------------
    def next(self) -> None:
        self._apply(self._nav.next())

    def prev(self) -> None:
        self._apply(self._nav.prev())

    def home(self) -> None:
        self._apply(self._nav.home())

    def end(self) -> None:
        self._apply(self._nav.end())

    def jump(self, number: int) -> None:
        self._apply(self._nav.jump(number))

    def go_to_key(self, key: str) -> None:
        self._apply(self._nav.go_to_key(key))

    def toggle_black(self) -> None:
        self._apply(self._nav.toggle_black())

    def type_digit(self, digit: str) -> None:
        if self._nav.type_digit(digit):
            self._buffer_timer.start()  # restarts: each digit gives another few seconds
            self.changed.emit()

    def clear_buffer(self) -> None:
        self._apply(self._nav.clear_buffer())

    def return_to_briefed(self) -> None:
        """One undoable step back to the weighting the presentation started with."""
        self._session.restore_snapshot(self._briefed)

    def sync_keys(self) -> None:
        """The deck or the set changed: the shown slides follow, the current one stays put."""
        self._apply(self._nav.set_keys(self._renderer.keys()))

    def _apply(self, changed: bool) -> None:
        if not self._nav.buffer:
            self._buffer_timer.stop()
        if changed:
            self.changed.emit()

    # ---- keys ------------------------------------------------------------------------------
    def handle_key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        """Act on a presentation key; False for keys that are not ours (let others have them).

        Keys with Ctrl, Alt or Meta are never ours, so application shortcuts keep working.
        """
        blocking = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if modifiers & blocking:
            return False
        if key in DIGIT_KEYS:
            self.type_digit(DIGIT_KEYS[key])
        elif key in ENTER_KEYS:
            self._apply(self._nav.enter())
        elif key == Qt.Key.Key_Backspace:
            if self._nav.buffer:
                self._apply(self._nav.backspace())
            else:
                self.prev()
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREV_KEYS:
            self.prev()
        elif key == Qt.Key.Key_Home:
            self.home()
        elif key == Qt.Key.Key_End:
            self.end()
        elif key in BLACK_KEYS:
            self.toggle_black()
        elif key == Qt.Key.Key_Escape:
            if self._nav.buffer:
                self.clear_buffer()  # Esc first cancels a half-typed number
            else:
                self.leaveRequested.emit()
        elif key == Qt.Key.Key_W:
            self.whatIfRequested.emit()
        elif key == Qt.Key.Key_R:
            self.return_to_briefed()
        elif key == Qt.Key.Key_S:
            self.slidesRequested.emit()
        elif key == Qt.Key.Key_P:
            self.presenterRequested.emit()
        else:
            return False
        return True
