"""The deck: the slides a briefing shows, the user's order and hidden slides, and speaker notes.

Slides are generated from the live analysis, so the deck stores only keys (strings such as
"ranking" or "option:refocus"), never slide content. The user's choices are saved with the
profile; keys that no longer exist (an option removed from the set) are ignored rather than
refused, and new slides (an option added) appear in their default place, so a profile made for
an earlier version of a set still presents sensibly. The views' choices the slides draw (the
tradeoff map's axes and the like, explorer/core/briefing/view_choices.py) travel with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from explorer.core.briefing.view_choices import ViewChoices
from explorer.core.model import DecisionSet

FIXED_BEFORE = ("title", "weights", "ranking", "tradeoff")
FIXED_AFTER = ("robustness", "methods", "reliance", "sources")
OPTION_PREFIX = "option:"
MAX_NOTE_CHARS = 20_000  # a speaker note is a paragraph or two; this keeps profiles small


def option_key(option_id: str) -> str:
    return OPTION_PREFIX + option_id


def option_of(key: str) -> str | None:
    """The option id a key stands for, or None for the fixed slides."""
    return key[len(OPTION_PREFIX) :] if key.startswith(OPTION_PREFIX) else None


def slide_keys(decision_set: DecisionSet, ranking: Sequence[int] | None = None) -> list[str]:
    """Every slide the set can show, in the default briefing order: the option slides in
    `ranking` order (option indices, leader first) when given, since an audience expects the
    leading option first, else in the set's order."""
    options = decision_set.options
    order = [options[int(i)] for i in ranking] if ranking is not None else options
    return [*FIXED_BEFORE, *(option_key(o.id) for o in order), *FIXED_AFTER]


@dataclass(frozen=True)
class DeckSettings:
    """The user's arrangement. Empty settings mean: every slide, default order, no notes, and
    the views' default choices."""

    order: tuple[str, ...] = ()
    hidden: frozenset[str] = frozenset()
    notes: Mapping[str, str] = field(default_factory=dict)
    views: ViewChoices = field(
        default_factory=ViewChoices
    )  # tradeoff axes, matrix colouring, sensitivity criterion

    def arrange(self, keys: Sequence[str]) -> list[str]:
        """All of `keys` (hidden ones too) in the user's order.

        Keys the user has placed come in their order; a key they never placed (a new option)
        goes right after the default-order key before it, so it lands where a reader expects.
        """
        known = set(keys)
        placed = [k for k in dict.fromkeys(self.order) if k in known]
        out = list(placed)
        for i, key in enumerate(keys):
            if key in placed:
                continue
            anchor = next((k for k in reversed(keys[:i]) if k in out), None)
            out.insert(0 if anchor is None else out.index(anchor) + 1, key)
        return out

    def visible(self, keys: Sequence[str]) -> list[str]:
        return [k for k in self.arrange(keys) if k not in self.hidden]

    def note(self, key: str) -> str:
        return self.notes.get(key, "")

    def with_hidden(self, key: str, hidden: bool) -> DeckSettings:
        new = set(self.hidden) | {key} if hidden else set(self.hidden) - {key}
        return replace(self, hidden=frozenset(new), notes=dict(self.notes))

    def with_order(self, keys: Iterable[str]) -> DeckSettings:
        return replace(self, order=tuple(dict.fromkeys(keys)), notes=dict(self.notes))

    def with_views(self, views: ViewChoices) -> DeckSettings:
        return replace(self, notes=dict(self.notes), views=views)

    def with_note(self, key: str, text: str) -> DeckSettings:
        notes = dict(self.notes)
        if text.strip():
            notes[key] = text[:MAX_NOTE_CHARS]
        else:
            notes.pop(key, None)
        return replace(self, notes=notes)

    @property
    def empty(self) -> bool:
        return not (self.order or self.hidden or self.notes) and self.views.empty

    def same_as(self, other: DeckSettings) -> bool:
        return (
            self.order == other.order
            and self.hidden == other.hidden
            and dict(self.notes) == dict(other.notes)
            and self.views == other.views
        )

    def to_data(self) -> dict[str, Any]:
        """Plain data for the profile's `briefing` field; empty parts are left out."""
        data: dict[str, Any] = {}
        if self.order:
            data["order"] = list(self.order)
        if self.hidden:
            data["hidden"] = sorted(self.hidden)
        if self.notes:
            data["notes"] = {k: self.notes[k] for k in sorted(self.notes)}
        if views := self.views.to_data():
            data["views"] = views
        return data
