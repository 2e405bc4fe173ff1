"""The published JSON Schemas agree with the loader: real sets pass, broken ones fail both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from broken_sets import BUNDLED, COMMUTE, ROOT, copy_commute, edit
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from explorer.core import loader, sections
from explorer.core.briefing.view_choices import ColourMode
from explorer.core.engine import Method
from explorer.core.loader import load_decision_set
from explorer.core.model import Direction, Stance
from explorer.core.problems import LoadError
from explorer.core.profiles import document as profile
from explorer.core.profiles.analysis_fields import VIEW_KEYS
from explorer.core.yamlsafe import read_yaml

SCHEMAS = ROOT / "resources" / "schemas"
NAMES = ["decision-set.schema.json", "option.schema.json", "profile.schema.json"]


def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _registry() -> Registry:
    # decision-set.schema.json refers to option.schema.json by relative name, as editors do
    return Registry().with_resources(
        (name, Resource.from_contents(_schema(name), default_specification=DRAFT202012))
        for name in NAMES
    )


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(_schema(name), registry=_registry())


def _schema_for(path: Path) -> str:
    return "decision-set.schema.json" if path.name == loader.HEADER_FILE else "option.schema.json"


def _errors(path: Path) -> list[str]:
    # the app's own reader: dates stay text, exactly the data the loader sees
    data = read_yaml(path).data
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in _validator(_schema_for(path)).iter_errors(data)
    ]


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft_2020_12(name):
    schema = _schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["title"] and schema["description"]


@pytest.mark.parametrize("path", sorted(COMMUTE.glob("*.yaml")), ids=lambda p: p.name)
def test_commute_files_validate(path):
    assert _errors(path) == []


def test_bundled_files_validate():
    files = sorted(BUNDLED.glob("*.yaml"))
    assert files, "the bundled set must exist"
    assert {p.name: _errors(p) for p in files} == {p.name: [] for p in files}


def test_single_file_set_validates(tmp_path):
    """A whole set in one file uses the header schema, with options inline."""
    header = read_yaml(COMMUTE / "decision-set.yaml").data
    header["options"] = [read_yaml(COMMUTE / f"{o}.yaml").data for o in ("bike", "bus", "car")]
    assert list(_validator("decision-set.schema.json").iter_errors(header)) == []
    header["options"][1]["assessments"]["time"]["score"] = "slow"
    assert not _validator("decision-set.schema.json").is_valid(header)


def _properties(schema: dict[str, Any]) -> set[str]:
    return set(schema["properties"])


def test_schema_fields_match_the_loader():
    """additionalProperties: false must list exactly what the loader accepts, or one drifts."""
    ds, opt = _schema("decision-set.schema.json"), _schema("option.schema.json")
    defs, odefs = ds["$defs"], opt["$defs"]
    assert _properties(ds) == loader.PART_KEYS
    assert _properties(defs["criterion"]) == sections.CRITERION_KEYS
    assert _properties(defs["criterion"]["properties"]["scale"]) == sections.SCALE_KEYS
    assert _properties(defs["source"]) == sections.SOURCE_KEYS
    assert _properties(odefs["option"]) == sections.OPTION_KEYS
    assert _properties(odefs["assessment"]) == sections.CELL_KEYS
    assert _properties(odefs["evidence"]) == sections.EVIDENCE_KEYS
    assert _properties(_schema("profile.schema.json")) == profile.KNOWN_KEYS
    for closed in (ds, defs["criterion"], defs["source"], odefs["option"], odefs["assessment"]):
        assert closed["additionalProperties"] is False
    # profiles keep fields they do not know (Profile.extra), so their schema must too
    assert _schema("profile.schema.json").get("additionalProperties", True) is not False


def test_schema_enums_match_the_model():
    ds, opt = _schema("decision-set.schema.json"), _schema("option.schema.json")
    direction = ds["$defs"]["criterion"]["properties"]["direction"]["enum"]
    assert direction == [d.value for d in Direction]
    assert opt["$defs"]["evidence"]["properties"]["stance"]["enum"] == [s.value for s in Stance]
    methods = _schema("profile.schema.json")["properties"]["method"]["enum"]
    assert methods == [m.value for m in Method]
    assert ds["properties"]["schema_version"]["$ref"] == "#/$defs/schemaVersion"
    assert ds["$defs"]["schemaVersion"]["const"] == loader.SCHEMA_VERSION


def test_every_property_is_documented():
    """Editors show title/description on hover; an undocumented field is a gap in the docs."""

    def walk(node: Any, where: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                # a $ref carries the title and description of the definition it points to
                if isinstance(prop, dict) and not {"title", "description", "$ref"} & set(prop):
                    missing.append(f"{where}.{key}")
            for key, value in node.items():
                if key not in {"if", "then", "else"}:  # conditions restate documented fields
                    missing += walk(value, f"{where}.{key}")
        return missing

    assert [m for name in NAMES for m in walk(_schema(name), name)] == []


BROKEN = [
    ("bike.yaml", "summary: Cycle to work.\n", "summary: Cycle to work.\ncolour: red\n"),
    ("bike.yaml", "summary: Cycle to work.\n", ""),
    ("bike.yaml", "    score: 1\n", "    score: cheap\n"),
    ("bike.yaml", "stance: supports, implied_score: 1}", "stance: agrees, implied_score: 1}"),
    ("bike.yaml", '{source: note, quote: "Cycling', '{src: note, quote: "Cycling'),
    ("bike.yaml", "assessments:\n", "assessment:\n"),
    ("bus.yaml", "    unassessed: true\n", "    unassessed: true\n    score: 3\n"),
    ("bus.yaml", "    unassessed: true\n", "    unassessed: yes please\n"),
    ("car.yaml", '      - {source: note, quote: "parking', '      - {source: note, quot: "parking'),
    ("decision-set.yaml", "direction: higher_is_better", "direction: up"),
    ("decision-set.yaml", "schema_version: 1", "schema_version: 2"),
    ("decision-set.yaml", "question: How should a city commuter get to work?\n", ""),
    ("decision-set.yaml", "    group: Money\n", "    group: Money\n    weight: 3\n"),
    ("decision-set.yaml", "scale: {min: 0, max: 5,", "scale: {min: 0, max: 5, step: 1,"),
    ("decision-set.yaml", "    origin: commute-note.txt\n", ""),
    ("decision-set.yaml", "id: commute", "id: my commute"),
    # the loader's ±1e15 bound on every number (explorer.core.fields.MAX_MAGNITUDE)
    ("bike.yaml", "    score: 1\n", "    score: 2.0e+15\n"),
    ("decision-set.yaml", "scale: {min: 0, max: 5,", "scale: {min: -5.0e+15, max: 5,"),
]


@pytest.mark.parametrize(("file", "old", "new"), BROKEN, ids=lambda v: str(v)[:28])
def test_broken_documents_fail_schema_and_loader(tmp_path, file, old, new):
    folder = copy_commute(tmp_path)
    edit(folder / file, old, new)
    assert _errors(folder / file), "the schema accepted a document the loader rejects"
    with pytest.raises(LoadError):
        load_decision_set(folder)


PROFILE = """schema_version: 1
name: Cheap first
decision_set: commute
method: topsis
weights: {cost: 3, time: 1, health: 1}
"""


def _profile_errors(text: str) -> list[str]:
    from explorer.core.yamlsafe import parse_yaml_text

    data = parse_yaml_text(text, "p.yaml").data
    return [e.message for e in _validator("profile.schema.json").iter_errors(data)]


PROFILE_V2 = """schema_version: 2
name: Cheap first
author: A. Analyst
description: |-
  Money is tight this year.
  Time matters less.
created: 2025-01-31T09:30:00Z
modified: '2025-02-01T10:00:00+01:00'
decision_set: commute
decision_set_version: '1.0'
method: wsm
weights:
  cost: 3
  time: 1
  health: 1
locks:
- cost
"""


def test_profile_validates():
    assert _profile_errors(PROFILE) == []
    assert profile.parse_profile(PROFILE).weights == {"cost": 3, "time": 1, "health": 1}
    extra = PROFILE + "note: kept for later versions\n"
    assert _profile_errors(extra) == []
    assert profile.parse_profile(extra).extra == {"note": "kept for later versions"}


def test_profile_v2_validates():
    assert _profile_errors(PROFILE_V2) == []
    loaded = profile.parse_profile(PROFILE_V2)
    assert (loaded.author, loaded.locks, loaded.created) == (
        "A. Analyst",
        ("cost",),
        "2025-01-31T09:30:00Z",
    )


def test_profile_with_view_choices_validates():
    views = (
        "briefing:\n  views:\n    tradeoff_axes: [criterion:cost, group:Money]\n"
        "    matrix_colour: disagreement\n    sensitivity_criterion: gone\n"
    )
    assert _profile_errors(PROFILE_V2 + views) == []
    loaded = profile.parse_profile(PROFILE_V2 + views).briefing.views
    assert loaded.tradeoff_axes == ("criterion:cost", "group:Money")
    views_schema = _schema("profile.schema.json")["properties"]["briefing"]["properties"]["views"]
    assert _properties(views_schema) == VIEW_KEYS and views_schema["additionalProperties"] is False
    assert views_schema["properties"]["matrix_colour"]["enum"] == [m.value for m in ColourMode]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("cost: 3", "cost: -3"),
        ("cost: 3", "cost: lots"),
        ("method: topsis", "method: ahp"),
        ("decision_set: commute\n", ""),
        ("schema_version: 1", "schema_version: 3"),
        ("weights: {cost: 3, time: 1, health: 1}", "weights: [3, 1, 1]"),
        ("cost: 3", "1cost!: 3"),
        ("method: topsis", "method: topsis\ncreated: 31/01/2025"),
        ("method: topsis", "method: topsis\nlocks: [cost, cost]"),
        ("method: topsis", "method: topsis\nlocks: cost"),
        ("method: topsis", "method: topsis\nbriefing: {views: {matrix_colour: pink}}"),
        ("method: topsis", "method: topsis\nbriefing: {views: {tradeoff_axes: [criterion:x]}}"),
        ("method: topsis", "method: topsis\nbriefing: {views: {tradeoff_axes: [cost, time]}}"),
        ("method: topsis", "method: topsis\nbriefing: {views: {sensitivity: cost}}"),
        ("method: topsis", "method: topsis\nbriefing: {views: {sensitivity_criterion: a b}}"),
    ],
)
def test_broken_profiles_fail_schema_and_loader(old, new):
    assert PROFILE.count(old) == 1
    text = PROFILE.replace(old, new)
    assert _profile_errors(text)
    with pytest.raises(LoadError):
        profile.parse_profile(text)
