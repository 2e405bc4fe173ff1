"""Putting a profile onto a decision set, saying exactly what did not fit.

Someone else's profile may name criteria this set lacks (dropped) or lack criteria it has
(missing). Both are reported in the result rather than silently turned into zeros, so a caller
can decide: keep its current weights for the missing ones, ask the user, or accept 0. A profile
written for another set is refused unless the caller maps its criteria explicitly, because its
ids may coincide with this set's while meaning something else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from explorer.core.briefing.deck import DeckSettings
from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method
from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError, Problem
from explorer.core.profiles.document import Profile
from explorer.core.promethee import Preference


@dataclass(frozen=True)
class AppliedProfile:
    """A profile as the set sees it; arrays follow the set's criterion order."""

    profile: Profile
    criterion_ids: tuple[str, ...]
    weights: np.ndarray  # raw (not normalised); 0 where missing
    has_weight: np.ndarray  # bool: the profile gave this criterion a weight
    locked: np.ndarray  # bool
    method: Method
    matched: tuple[str, ...]  # set criteria that got a weight
    missing: tuple[str, ...]  # set criteria the profile says nothing about
    dropped: tuple[str, ...]  # profile criteria (its own ids) with no place in the set
    renamed: dict[str, str]  # profile id -> set id, where a mapping changed the id
    notes: tuple[Problem, ...]  # the above as warnings, ready to print
    source_weights: dict[str, float] | None = None  # the set's sources only; None = lens off

    @property
    def complete(self) -> bool:
        return not self.missing and not self.dropped


def _note(where: str, field: str, message: str) -> Problem:
    return Problem(where, 0, field, message, "warning")


def _refuse(where: str, field: str, message: str) -> LoadError:
    return LoadError([Problem(where, 0, field, message)])


def _targets(
    profile: Profile,
    decision_set: DecisionSet,
    mapping: Mapping[str, str | None] | None,
    where: str,
) -> dict[str, str | None]:
    """Profile id -> set id (None: dropped on purpose), checking the mapping makes sense."""
    mapping = dict(mapping or {})
    known = set(decision_set.criterion_ids)
    for source, target in mapping.items():
        if target is not None and target not in known:
            raise _refuse(where, f"mapping.{source}", f"'{target}' is not a criterion of this set")
    targets = {cid: mapping.get(cid, cid) for cid in profile.weights}
    seen: dict[str, str] = {}
    for source, target in targets.items():
        if target is not None and target in known:
            if target in seen:
                raise _refuse(
                    where,
                    f"mapping.{source}",
                    f"'{seen[target]}' and '{source}' both map to '{target}'",
                )
            seen[target] = source
    return targets


def apply_profile(
    profile: Profile,
    decision_set: DecisionSet,
    mapping: Mapping[str, str | None] | None = None,
) -> AppliedProfile:
    """Match the profile's weights and locks to the set's criteria.

    `mapping` (profile criterion id -> set criterion id, or None to drop it) is required for a
    profile made for another decision set; ids it leaves out are matched as they are.
    """
    where = profile.file or profile.name
    if profile.decision_set != decision_set.id and mapping is None:
        raise _refuse(
            where,
            "decision_set",
            f"profile is for decision set '{profile.decision_set}', not '{decision_set.id}'",
        )
    targets = _targets(profile, decision_set, mapping, where)
    chosen = dict(mapping or {})
    ids = tuple(decision_set.criterion_ids)
    by_target = {t: profile.weights[s] for s, t in targets.items() if t in ids}
    weights = np.array([float(by_target[c]) if c in by_target else 0.0 for c in ids])
    has_weight = np.array([c in by_target for c in ids], dtype=bool)
    lock_targets = {cid: chosen.get(cid, cid) for cid in profile.locks}
    locked = np.array([c in lock_targets.values() for c in ids], dtype=bool)
    dropped = tuple(s for s, t in targets.items() if t not in ids)
    missing = tuple(c for c in ids if c not in by_target)
    renamed = {s: t for s, t in targets.items() if t in ids and t != s}
    notes = [_note(where, f"weights.{s}", f"mapped to '{t}'") for s, t in renamed.items()]
    notes += [
        _note(
            where,
            f"weights.{s}",
            "unknown criterion, ignored" if targets[s] is not None else "dropped by the mapping",
        )
        for s in dropped
    ]
    notes += [_note(where, f"weights.{c}", "missing from the profile; weighted 0") for c in missing]
    notes += [
        _note(where, "locks", f"'{cid}' is not a criterion of this set; lock ignored")
        for cid, target in lock_targets.items()
        if target not in ids
    ]
    sources = None
    if profile.source_weights is not None:
        known = {src.id for src in decision_set.sources}
        sources = {k: float(v) for k, v in profile.source_weights.items() if k in known}
        notes += [
            _note(where, f"source_weights.{k}", "not a source of this set; ignored")
            for k in profile.source_weights
            if k not in known
        ]
    set_version, wrote_for = decision_set.version, profile.decision_set_version
    if set_version and wrote_for and set_version != wrote_for:
        notes.append(
            _note(
                where,
                "decision_set_version",
                f"made for version {wrote_for} of the set, this is {set_version}; "
                "check the criteria still mean what the author weighted",
            )
        )
    return AppliedProfile(
        profile,
        ids,
        weights,
        has_weight,
        locked,
        profile.method,
        tuple(c for c in ids if c in by_target),
        missing,
        dropped,
        renamed,
        tuple(notes),
        sources,
    )


def weights_for(profile: Profile, decision_set: DecisionSet) -> tuple[np.ndarray, list[Problem]]:
    """The profile's weights in the set's criterion order, with what did not match reported.

    A profile for another decision set is refused outright: its weights would silently mean
    something else.
    """
    applied = apply_profile(profile, decision_set)
    return applied.weights, list(applied.notes)


def _tidy(weight: float) -> float:
    """Six decimals, and 2 rather than 2.0: slider arithmetic should not make diffs noisy."""
    value = round(float(weight), 6)
    return int(value) if value.is_integer() else value


def profile_from_weights(
    decision_set: DecisionSet,
    weights: Sequence[float] | np.ndarray,
    method: Method = Method.WSM,
    locked: Sequence[bool] | np.ndarray | None = None,
    base: Profile | None = None,
    name: str | None = None,
    source_weights: dict[str, float] | None = None,
    briefing: DeckSettings | None = None,
    elicitation: Elicitation | None = None,
    promethee: Mapping[str, Preference] | None = None,
) -> Profile:
    """A weighting on screen as a profile, ready to save.

    Everything else comes from `base` (the profile it was opened from): author, rationale,
    created time, unknown fields, and where it lives with the revision seen at load, so saving
    the result is an ordinary save with its conflict check. Criteria `base` had that this set
    lacks are not carried over: the profile now describes this set. Source weights and the
    briefing deck are what is on screen now, like the weights (None = lens off / default deck).
    The elicitation record (given, else `base`'s) is kept with `adjusted` saying whether these
    weights still are the ones it derived.
    """
    ids = decision_set.criterion_ids
    values = np.asarray(weights, dtype=float)
    if values.shape != (len(ids),) or not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError(f"need {len(ids)} finite non-negative weights, one per criterion")
    flags = [False] * len(ids) if locked is None else [bool(x) for x in locked]
    # a new profile starts from the defaults; `base` supplies everything not chosen here
    start = base if base is not None else Profile(name="", decision_set="", weights={})
    return replace(
        start,
        name=name or (base.name if base else "Untitled"),
        decision_set=decision_set.id,
        decision_set_version=decision_set.version,
        weights={cid: _tidy(w) for cid, w in zip(ids, values, strict=True)},
        method=Method(method),
        locks=tuple(cid for cid, flag in zip(ids, flags, strict=True) if flag),
        source_weights=None if source_weights is None else dict(source_weights),
        briefing=briefing if briefing is not None else DeckSettings(),
        elicitation=_record(elicitation, base, ids, values),
        promethee=dict(promethee) if promethee is not None else start.promethee,
    )


def _record(
    elicitation: Elicitation | None, base: Profile | None, ids: list[str], values: np.ndarray
) -> Elicitation | None:
    """The elicitation record (given, else base's) with `adjusted` for these weights."""
    record = elicitation if elicitation is not None else (base.elicitation if base else None)
    if record is None:
        return None
    total = float(values.sum())
    current = {
        c: (float(v) / total if total > 0 else 0.0) for c, v in zip(ids, values, strict=True)
    }
    return record.against(current)
