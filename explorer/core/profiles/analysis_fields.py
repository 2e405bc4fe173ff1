"""A profile's optional analysis settings: source credibility and the briefing deck.

Both are optional, so a profile without them (every v1 file, every v2 file written before these
existed) means what it always meant: editorial scores, every slide in the default order, the
views' default choices. Unknown source ids, slide keys, axis keys or criterion ids are accepted
here and ignored when applied — a colleague's profile made for a newer version of the set should
still open — but malformed values are errors with a line.

`briefing.views` (the tradeoff axes, matrix colouring and sensitivity criterion) was added
within format 2, as `source_weights`, `briefing` and `elicitation` were, without a bump: it is
optional and absent means what every older file meant (the views' defaults), so no migration has
anything to do. A bump would make every file this app writes unreadable to an older app; without
one, an older app refuses only a file that carries views, with a line naming `briefing.views`
(its `briefing` takes no unknown keys), and never half-reads it.
"""

from __future__ import annotations

from typing import Any

from explorer.core.briefing.deck import MAX_NOTE_CHARS, DeckSettings
from explorer.core.briefing.view_choices import ColourMode, ViewChoices
from explorer.core.fields import ID_PATTERN, Fields
from explorer.core.tradeoff import CRITERION_PREFIX, GROUP_PREFIX
from explorer.core.yamlsafe import shown

AXIS_PREFIXES = (CRITERION_PREFIX, GROUP_PREFIX)
VIEW_KEYS = {"tradeoff_axes", "matrix_colour", "sensitivity_criterion"}


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
    """`briefing: {order: [keys], hidden: [keys], notes: {key: text}, views: {...}}`."""
    raw = f.mapping(data, (), "briefing", required=False)
    if not raw:
        return DeckSettings()
    f.unknown_keys(raw, ("briefing",), {"order", "hidden", "notes", "views"})
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
    views = parse_views(raw, f)
    return DeckSettings(tuple(dict.fromkeys(order)), frozenset(hidden), notes, views)


def parse_views(briefing: dict[str, Any], f: Fields) -> ViewChoices:
    """`views: {tradeoff_axes: [x key, y key], matrix_colour: mode, sensitivity_criterion: id}`,
    every part optional."""
    where = ("briefing", "views")
    raw = f.mapping(briefing, ("briefing",), "views", required=False)
    if raw is None:
        return ViewChoices()
    f.unknown_keys(raw, where, VIEW_KEYS)
    axes = _axes(raw, f, where) if "tradeoff_axes" in raw else None
    colour = None
    if "matrix_colour" in raw:
        chosen = f.choice(raw, where, "matrix_colour", [m.value for m in ColourMode])
        colour = ColourMode(chosen) if chosen else None
    criterion = None
    if "sensitivity_criterion" in raw:
        criterion = f.text(raw, where, "sensitivity_criterion")
        if criterion is not None and not ID_PATTERN.match(criterion):
            f.report(
                (*where, "sensitivity_criterion"), f"'{criterion}' is not a valid criterion id"
            )
            criterion = None
    return ViewChoices(axes, colour, criterion)


def _axes(views: dict[str, Any], f: Fields, where: tuple[str, str]) -> tuple[str, str] | None:
    """Two axis keys, x then y. A key this set lacks is fine (ignored when applied); one that
    no set could have (no `criterion:` or `group:` in front) is a typo worth a line."""
    value = views["tradeoff_axes"]
    path = (*where, "tradeoff_axes")
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        f.report(
            path,
            f"must be two axis keys, x then y, such as [criterion:cost, group:Impact], "
            f"not {shown(value)}",
        )
        return None
    for i, key in enumerate(value):
        if not any(key.startswith(p) and key != p for p in AXIS_PREFIXES):
            f.report((*path, i), f"'{key}' is not an axis key (criterion:<id> or group:<name>)")
            return None
    return (value[0], value[1])


def source_weights_data(weights: dict[str, float] | None) -> dict[str, float] | None:
    """Sorted by id so a re-save of the same lens writes the same bytes."""
    return None if weights is None else {k: weights[k] for k in sorted(weights)}
