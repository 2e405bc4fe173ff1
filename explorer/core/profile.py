"""Weighting profiles: the unit analysts keep and share.

Unknown fields are preserved (`extra`) so a profile written by a newer feature survives a round
trip through an older one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from explorer.core.engine import Method
from explorer.core.fields import Fields
from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError, Problem
from explorer.core.yamlsafe import YamlDoc, parse_yaml_text, read_yaml

PROFILE_SCHEMA_VERSION = 1
MAX_PROFILE_BYTES = 256 * 1024
KNOWN_KEYS = {"schema_version", "name", "decision_set", "method", "weights"}


@dataclass(frozen=True)
class Profile:
    name: str
    decision_set: str
    weights: dict[str, float]  # as written; normalised when applied to a set
    method: Method = Method.WSM
    extra: dict[str, Any] = field(default_factory=dict)
    file: str = ""


def _parse(doc: YamlDoc) -> Profile:
    problems: list[Problem] = []
    f = Fields(doc, problems)
    data = doc.data
    version = f.number(data, (), "schema_version")
    if version is not None and version != PROFILE_SCHEMA_VERSION:
        f.report(("schema_version",), f"{version:g} is not a profile version this app reads")
    name = f.text(data, (), "name")
    set_id = f.text(data, (), "decision_set")
    method = Method.WSM
    if "method" in data:
        chosen = f.choice(data, (), "method", [m.value for m in Method])
        method = Method(chosen) if chosen else method
    weights: dict[str, float] = {}
    raw = f.mapping(data, (), "weights")
    for key in raw or {}:
        value = f.number(raw, ("weights",), key)
        if value is not None and value < 0:
            f.report(("weights", key), f"{value:g} is negative; weights must be >= 0")
        elif value is not None:
            weights[str(key)] = value
    if any(p.severity == "error" for p in problems) or name is None or set_id is None:
        raise LoadError(problems)
    extra = {k: v for k, v in data.items() if k not in KNOWN_KEYS}
    return Profile(name, set_id, weights, method, extra, doc.file)


def load_profile(path: Path) -> Profile:
    return _parse(read_yaml(Path(path), MAX_PROFILE_BYTES))


def parse_profile(text: str, file: str = "<profile>") -> Profile:
    return _parse(parse_yaml_text(text, file))


def weights_for(profile: Profile, decision_set: DecisionSet) -> tuple[np.ndarray, list[Problem]]:
    """The profile's weights in the set's criterion order, with what did not match reported.

    A profile for another decision set is refused outright: its weights would silently mean
    something else.
    """
    where = profile.file or profile.name
    if profile.decision_set != decision_set.id:
        raise LoadError(
            [
                Problem(
                    where,
                    0,
                    "decision_set",
                    f"profile is for decision set '{profile.decision_set}', "
                    f"not '{decision_set.id}'",
                )
            ]
        )
    notes = [
        Problem(where, 0, f"weights.{cid}", "unknown criterion, ignored", "warning")
        for cid in profile.weights
        if cid not in decision_set.criterion_ids
    ]
    notes += [
        Problem(where, 0, f"weights.{cid}", "missing from the profile; weighted 0", "warning")
        for cid in decision_set.criterion_ids
        if cid not in profile.weights
    ]
    vector = np.array([profile.weights.get(cid, 0.0) for cid in decision_set.criterion_ids])
    return vector, notes
