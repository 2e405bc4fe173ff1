"""A profile's optional analysis settings: source credibility and the briefing deck.

Both are optional, so a profile without them (every v1 file, every v2 file written before these
existed) means what it always meant: editorial scores, every slide in the default order. Unknown
source ids or slide keys are accepted here and ignored when applied — a colleague's profile made
for a newer version of the set should still open — but malformed values are errors with a line.
"""

from __future__ import annotations

from typing import Any

from explorer.core.briefing.deck import MAX_NOTE_CHARS, DeckSettings
from explorer.core.fields import ID_PATTERN, Fields


def parse_source_weights(data: dict[str, Any], f: Fields) -> dict[str, float] | None:
    """`source_weights: {source_id: credibility 0..1}`; present (even empty) = the lens is on."""
    if "source_weights" not in data:
        return None
    raw = f.mapping(data, (), "source_weights")
    if raw is None:
        return None
    out: dict[str, float] = {}
    for key in raw:
        if not ID_PATTERN.match(str(key)):
            f.report(("source_weights", key), f"'{key}' is not a valid source id")
            continue
        value = f.number(raw, ("source_weights",), key)
        if value is None:
            continue
        if not 0.0 <= value <= 1.0:
            f.report(("source_weights", key), f"{value:g} is outside 0–1 (0 = switched off)")
            continue
        out[str(key)] = raw[key]
    return out


def parse_briefing(data: dict[str, Any], f: Fields) -> DeckSettings:
    """`briefing: {order: [keys], hidden: [keys], notes: {key: text}}`."""
    raw = f.mapping(data, (), "briefing", required=False)
    if not raw:
        return DeckSettings()
    f.unknown_keys(raw, ("briefing",), {"order", "hidden", "notes"})
    order = f.text_list(raw, ("briefing",), "order")
    hidden = f.text_list(raw, ("briefing",), "hidden")
    notes: dict[str, str] = {}
    for key in f.mapping(raw, ("briefing",), "notes", required=False) or {}:
        if f.text(raw["notes"], ("briefing", "notes"), key) is None:  # checks it is text
            continue
        text = str(raw["notes"][key])  # as typed: indentation and line breaks are the note's
        if len(text) > MAX_NOTE_CHARS:
            f.report(("briefing", "notes", key), f"is over {MAX_NOTE_CHARS} characters")
        elif text.strip():
            notes[str(key)] = text
    return DeckSettings(tuple(dict.fromkeys(order)), frozenset(hidden), notes)


def source_weights_data(weights: dict[str, float] | None) -> dict[str, float] | None:
    """Sorted by id so a re-save of the same lens writes the same bytes."""
    return None if weights is None else {k: weights[k] for k in sorted(weights)}
