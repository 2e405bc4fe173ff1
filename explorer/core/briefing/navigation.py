"""Where a running presentation is: the current slide, a typed slide number, a blacked-out screen.

Qt-free so every rule a presenter relies on (a clicker's next/back, "12 Enter", blackout) is
tested without a window, and the audience window and the presenter view share one position.

The navigator follows slide *keys*, not positions: when the user hides or reorders slides
mid-talk, the slide on screen stays on screen and only its number changes.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_DIGITS = 4  # nobody presents 10 000 slides; more digits are a stuck key


class Navigator:
    """The presenter's position in a list of slide keys."""

    def __init__(self, keys: Sequence[str] = ()) -> None:
        self._keys: list[str] = list(keys)
        self._index = 0
        self._black = False
        self._buffer = ""

    # ---- state -----------------------------------------------------------------------------
    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    @property
    def count(self) -> int:
        return len(self._keys)

    @property
    def index(self) -> int:
        """0-based position of the current slide (0 when there are no slides)."""
        return self._index

    @property
    def position(self) -> int:
        """1-based slide number as the counter shows it; 0 for an empty deck."""
        return self._index + 1 if self._keys else 0

    @property
    def current(self) -> str | None:
        return self._keys[self._index] if self._keys else None

    @property
    def next_key(self) -> str | None:
        """The slide after this one, for the presenter's preview; None on the last slide."""
        i = self._index + 1
        return self._keys[i] if i < len(self._keys) else None

    @property
    def black(self) -> bool:
        return self._black

    @property
    def buffer(self) -> str:
        """Digits typed towards a jump, not yet confirmed with Enter."""
        return self._buffer

    @property
    def at_end(self) -> bool:
        return not self._keys or self._index == len(self._keys) - 1

    def counter(self) -> str:
        return f"{self.position} / {self.count}"

    # ---- moves -----------------------------------------------------------------------------
    # Every move answers whether anything visible changed, so a window repaints only then.
    # A step (next/back) while blacked out only lifts the blackout: the audience should see the
    # slide the presenter is on before the talk moves past it. A named target (Home, End, a
    # number, a slide picked in the presenter view) goes there and lifts it.

    def next(self) -> bool:
        return self._go(self._index + 1)

    def prev(self) -> bool:
        return self._go(self._index - 1)

    def home(self) -> bool:
        return self._go(0, explicit=True)

    def end(self) -> bool:
        return self._go(len(self._keys) - 1, explicit=True)

    def jump(self, number: int) -> bool:
        """Go to slide `number` (1-based, as the counter shows); out-of-range numbers clamp."""
        return self._go(number - 1, explicit=True)

    def go_to_key(self, key: str) -> bool:
        if key not in self._keys:
            return False
        return self._go(self._keys.index(key), explicit=True)

    def toggle_black(self) -> bool:
        self._buffer = ""
        self._black = not self._black
        return True

    def _go(self, index: int, explicit: bool = False) -> bool:
        changed = bool(self._buffer) or self._black
        self._buffer = ""
        if self._black:
            self._black = False
            if not explicit:
                return True
        if not self._keys:
            return changed
        index = min(max(index, 0), len(self._keys) - 1)
        changed = changed or index != self._index
        self._index = index
        return changed

    # ---- typed slide numbers ---------------------------------------------------------------
    def type_digit(self, digit: str) -> bool:
        if len(digit) != 1 or not digit.isdigit() or len(self._buffer) >= MAX_DIGITS:
            return False
        if not self._buffer and digit == "0":
            return False  # there is no slide 0, and a leading zero reads as a typo
        self._buffer += digit
        return True

    def backspace(self) -> bool:
        if not self._buffer:
            return False
        self._buffer = self._buffer[:-1]
        return True

    def clear_buffer(self) -> bool:
        had = bool(self._buffer)
        self._buffer = ""
        return had

    def enter(self) -> bool:
        """Jump to the typed number; with nothing typed, Enter advances like a clicker."""
        if self._buffer:
            return self.jump(int(self._buffer))
        return self.next()

    # ---- the deck changes under the presenter ----------------------------------------------
    def set_keys(self, keys: Sequence[str]) -> bool:
        """New slide list (hidden, reordered, a new set). Stay on the same slide if it is still
        shown; if it was hidden, stay at the same place in the talk. Answers whether the counter
        or the slide changed."""
        keys = list(keys)
        if keys == self._keys:
            return False
        current = self.current
        before = (self.current, self.position, self.count)
        if current in keys:
            self._index = keys.index(current)
        else:
            self._index = min(self._index, max(len(keys) - 1, 0))
        self._keys = keys
        return (self.current, self.position, self.count) != before


def format_elapsed(seconds: float) -> str:
    """The presenter's clock: m:ss under an hour, h:mm:ss after (a long Q&A)."""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
