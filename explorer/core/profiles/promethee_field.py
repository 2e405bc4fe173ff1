"""A profile's PROMETHEE thresholds: the preference function per criterion, where edited.

    promethee:
      cost: {function: linear, q: 0.5, p: 3}
      time: {function: usual}

Criteria not listed keep the defaults from their scale (promethee.default_preference), so a
profile states only what its author changed, and a set's rescaled criterion is not pinned to
thresholds chosen for its old scale unless someone chose them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.core.fields import ID_PATTERN, Fields
from explorer.core.model import DecisionSet
from explorer.core.promethee import Preference, PreferenceKind, default_preference


def parse_promethee(data: dict[str, Any], f: Fields) -> dict[str, Preference]:
    raw = f.mapping(data, (), "promethee", required=False)
    out: dict[str, Preference] = {}
    raw = raw or {}
    for cid in raw:
        where = ("promethee", cid)
        if not ID_PATTERN.match(str(cid)):
            f.report(where, f"'{cid}' is not a valid criterion id")
            continue
        entry = raw[cid]
        if not f.is_mapping(entry, where):
            continue
        f.unknown_keys(entry, where, {"function", "q", "p"})
        kind = f.choice(entry, where, "function", [k.value for k in PreferenceKind])
        q = f.number(entry, where, "q", required=False) if "q" in entry else 0.0
        p = f.number(entry, where, "p", required=False) if "p" in entry else 0.0
        if kind is None or q is None or p is None:
            continue
        try:
            out[str(cid)] = Preference(PreferenceKind(kind), float(q), float(p))
        except ValueError as exc:
            f.report(where, str(exc))
    return out


def promethee_data(preferences: Mapping[str, Preference]) -> dict[str, Any] | None:
    """Sorted by id, only the thresholds a function uses; None when nothing was edited."""
    out: dict[str, Any] = {}
    for cid in sorted(preferences):
        pref = preferences[cid]
        entry: dict[str, Any] = {"function": pref.kind.value}
        if pref.kind.uses_q:
            entry["q"] = _tidy(pref.q)
        if pref.kind.uses_p:
            entry["p"] = _tidy(pref.p)
        out[cid] = entry
    return out or None


def _tidy(value: float) -> float | int:
    v = round(float(value), 6)
    return int(v) if v.is_integer() else v


def preferences_for(
    decision_set: DecisionSet, edited: Mapping[str, Preference]
) -> tuple[Preference, ...] | None:
    """One preference function per criterion of the set (None: every one the default)."""
    if not any(c.id in edited for c in decision_set.criteria):
        return None
    return tuple(
        edited.get(c.id) or default_preference(c.scale.min, c.scale.max)
        for c in decision_set.criteria
    )
