"""What was elicited, as a profile keeps it: the method, what the person said, what it gave.

A profile's weights are what the sliders show; the record says where they came from, so a
reader (or the briefing) can say "pairwise comparisons, consistency ratio 0.04" and whether the
weights were moved by hand afterwards (`adjusted`, decided when the profile is made from the
weights on screen, by comparing them with the derived weights).

In the file:

    elicitation:
      kind: ahp                      # rank-order | swing | ahp | ordinal
      comparisons: [{a: cost, b: speed, value: 3}, ...]   # ahp
      groups: {economy: [cost, jobs], ...}                # ahp hierarchy, optional
      people: 3                      # ahp: judgements combined from this many people
      consistency_ratio: 0.04        # ahp
      scheme: roc                    # rank-order
      order: [cost, [speed, jobs]]   # rank-order, ordinal: best first, a list is a tie
      swings: {cost: 100, speed: 60} # swing
      at_least: {cost: 0.1}          # ordinal
      at_most: {jobs: 0.4}           # ordinal
      weights: {cost: 0.5, ...}      # derived, shares summing to 1
      adjusted: false
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from explorer.core.elicitation.ahp import MAX_VALUE, MIN_VALUE, Comparison
from explorer.core.elicitation.rank_order import Scheme
from explorer.core.fields import ID_PATTERN, Fields

ADJUSTED_TOLERANCE = 1e-4  # a share moved by more than 0.01 points was moved by hand


class Kind(StrEnum):
    RANK_ORDER = "rank-order"
    SWING = "swing"
    AHP = "ahp"
    ORDINAL = "ordinal"

    @property
    def label(self) -> str:
        return {
            "rank-order": "ranking the criteria",
            "swing": "swing weighting",
            "ahp": "pairwise comparisons",
            "ordinal": "an order of the criteria only (imprecise weights)",
        }[self.value]


@dataclass(frozen=True)
class Elicitation:
    kind: Kind
    weights: dict[str, float]  # derived shares
    adjusted: bool = False
    scheme: Scheme | None = None
    order: tuple[tuple[str, ...], ...] = ()
    swings: dict[str, float] = field(default_factory=dict)
    comparisons: tuple[Comparison, ...] = ()
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people: int = 1
    consistency_ratio: float | None = None
    at_least: dict[str, float] = field(default_factory=dict)
    at_most: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        """How the weights were obtained, as the briefing says it."""
        text = self.kind.label
        if self.kind is Kind.RANK_ORDER and self.scheme is not None:
            text += f" ({self.scheme.label})"
        if self.kind is Kind.AHP:
            if self.people > 1:
                text += f" by {self.people} people (geometric mean)"
            if self.groups:
                text += ", groups then criteria within groups"
            if self.consistency_ratio is not None:
                text += f", consistency ratio {self.consistency_ratio:.2f}"
        if self.adjusted:
            text += "; adjusted by hand afterwards"
        return text

    def against(self, shares: Mapping[str, float]) -> Elicitation:
        """The record with `adjusted` saying whether `shares` differ from the derived weights."""
        moved = any(
            abs(float(shares.get(c, 0.0)) - w) > ADJUSTED_TOLERANCE for c, w in self.weights.items()
        ) or any(c not in self.weights and float(v) > ADJUSTED_TOLERANCE for c, v in shares.items())
        return replace(self, adjusted=moved)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value}
        if self.scheme is not None:
            data["scheme"] = self.scheme.value
        if self.order:
            data["order"] = [t[0] if len(t) == 1 else list(t) for t in self.order]
        if self.swings:
            data["swings"] = {c: _tidy(v) for c, v in self.swings.items()}
        if self.comparisons:
            data["comparisons"] = [
                {"a": c.a, "b": c.b, "value": _tidy(c.value)} for c in self.comparisons
            ]
        if self.groups:
            data["groups"] = {g: list(cs) for g, cs in self.groups.items()}
        if self.people > 1:
            data["people"] = self.people
        if self.consistency_ratio is not None:
            data["consistency_ratio"] = _tidy(self.consistency_ratio)
        if self.at_least:
            data["at_least"] = {c: _tidy(v) for c, v in self.at_least.items()}
        if self.at_most:
            data["at_most"] = {c: _tidy(v) for c, v in self.at_most.items()}
        data["weights"] = {c: _tidy(v) for c, v in self.weights.items()}
        data["adjusted"] = self.adjusted
        return data


def _tidy(value: float) -> float | int:
    v = round(float(value), 6)
    return int(v) if v.is_integer() else v


KEYS = {
    "kind",
    "scheme",
    "order",
    "swings",
    "comparisons",
    "groups",
    "people",
    "consistency_ratio",
    "at_least",
    "at_most",
    "weights",
    "adjusted",
}


def _ids(f: Fields, raw: Any, path: tuple[Any, ...]) -> list[str]:
    out: list[str] = []
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        if (
            isinstance(item, bool)
            or not isinstance(item, str | int)
            or not ID_PATTERN.match(str(item))
        ):
            f.report((*path, i), f"{item!r} is not a valid criterion id")
        else:
            out.append(str(item))
    if not isinstance(raw, list):
        f.report(path, "must be a list")
    return out


def _order(f: Fields, data: dict[str, Any], path: tuple[Any, ...]) -> tuple[tuple[str, ...], ...]:
    raw = data.get("order")
    if not isinstance(raw, list) or not raw:
        f.report((*path, "order"), "must be a non-empty list of criterion ids (a list is a tie)")
        return ()
    tiers: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        members = _ids(f, item, (*path, "order", i)) if isinstance(item, list) else None
        if members is None:
            members = _ids(f, [item], (*path, "order", i))
        for c in members:
            if c in seen:
                f.report((*path, "order", i), f"'{c}' is listed twice")
            seen.add(c)
        if members:
            tiers.append(tuple(members))
    return tuple(tiers)


def _shares(
    f: Fields, data: dict[str, Any], path: tuple[Any, ...], key: str, top: float, required: bool
) -> dict[str, float]:
    raw = f.mapping(data, path, key, required=required)
    out: dict[str, float] = {}
    raw = raw or {}
    for c in raw:
        if not ID_PATTERN.match(str(c)):
            f.report((*path, key, c), f"'{c}' is not a valid criterion id")
            continue
        value = f.number(raw, (*path, key), c)
        if value is None:
            continue
        if not 0.0 <= value <= top:
            f.report((*path, key, c), f"{value:g} is outside 0–{top:g}")
            continue
        out[str(c)] = float(value)
    return out


def _comparisons(f: Fields, data: dict[str, Any], path: tuple[Any, ...]) -> tuple[Comparison, ...]:
    raw = data.get("comparisons")
    if not isinstance(raw, list):
        f.report((*path, "comparisons"), "must be a list of {a, b, value}")
        return ()
    out = []
    for i, item in enumerate(raw):
        where = (*path, "comparisons", i)
        if not isinstance(item, dict):
            f.report(where, "must be a mapping {a, b, value}")
            continue
        f.unknown_keys(item, where, {"a", "b", "value"})
        a, b = f.identifier(item, where, "a"), f.identifier(item, where, "b")
        value = f.number(item, where, "value")
        if value is not None and not MIN_VALUE - 1e-9 <= value <= MAX_VALUE + 1e-9:
            f.report((*where, "value"), f"{value:g} is outside Saaty's 1/9 to 9")
            continue
        if a is not None and b is not None and value is not None:
            out.append(Comparison(a, b, float(value)))
    return tuple(out)


def parse_groups(
    f: Fields, data: dict[str, Any], path: tuple[Any, ...]
) -> dict[str, tuple[str, ...]]:
    raw = f.mapping(data, path, "groups", required=False)
    out: dict[str, tuple[str, ...]] = {}
    raw = raw or {}
    for g in raw:
        if not ID_PATTERN.match(str(g)):
            f.report((*path, "groups", g), f"'{g}' is not a valid group id")
            continue
        out[str(g)] = tuple(_ids(f, raw[g], (*path, "groups", g)))
    return out


def parse_comparison_file(
    f: Fields, data: Any
) -> tuple[tuple[Comparison, ...], dict[str, tuple[str, ...]]]:
    """A comparisons file (`comparisons: [{a, b, value}]`, optional `groups`), problems to f."""
    if not isinstance(data, dict):
        f.report((), "must be a mapping with 'comparisons' (and optionally 'groups')")
        return (), {}
    f.unknown_keys(data, (), {"comparisons", "groups"})
    return _comparisons(f, data, ()), parse_groups(f, data, ())


def parse_elicitation(data: dict[str, Any], f: Fields) -> Elicitation | None:
    """The profile's `elicitation` mapping, or None when it has none (or it is malformed)."""
    if "elicitation" not in data:
        return None
    raw = f.mapping(data, (), "elicitation")
    if raw is None:
        return None
    path = ("elicitation",)
    f.unknown_keys(raw, path, KEYS)
    chosen = f.choice(raw, path, "kind", [k.value for k in Kind])
    weights = _shares(f, raw, path, "weights", 1.0, required=True)
    adjusted = raw.get("adjusted", False)
    if not isinstance(adjusted, bool):
        f.report((*path, "adjusted"), "must be true or false")
        adjusted = False
    if chosen is None:
        return None
    kind = Kind(chosen)
    fields: dict[str, Any] = {}
    if kind is Kind.RANK_ORDER:
        scheme = "roc"
        if "scheme" in raw:
            scheme = f.choice(raw, path, "scheme", [s.value for s in Scheme]) or "roc"
        fields["scheme"] = Scheme(scheme)
    if kind in (Kind.RANK_ORDER, Kind.ORDINAL):
        fields["order"] = _order(f, raw, path)
    if kind is Kind.SWING:
        fields["swings"] = _shares(f, raw, path, "swings", 100.0, required=True)
    if kind is Kind.AHP:
        fields["comparisons"] = _comparisons(f, raw, path)
        fields["groups"] = parse_groups(f, raw, path)
        if "people" in raw:
            people = f.number(raw, path, "people")
            if people is not None and (people < 1 or int(people) != people):
                f.report((*path, "people"), "must be a whole number of at least 1")
            elif people is not None:
                fields["people"] = int(people)
        if "consistency_ratio" in raw:
            cr = f.number(raw, path, "consistency_ratio")
            if cr is not None and cr < 0:
                f.report((*path, "consistency_ratio"), "must not be negative")
            elif cr is not None:
                fields["consistency_ratio"] = float(cr)
    if kind is Kind.ORDINAL:
        fields["at_least"] = _shares(f, raw, path, "at_least", 1.0, required=False)
        fields["at_most"] = _shares(f, raw, path, "at_most", 1.0, required=False)
    return Elicitation(kind, weights, adjusted, **fields)
