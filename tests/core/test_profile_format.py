"""The profile file format: migration, canonical writing, unknown fields kept, bad input refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError
from explorer.core.profiles import (
    MIGRATIONS,
    PROFILE_SCHEMA_VERSION,
    Profile,
    ProfileError,
    dump_profile,
    load_profile,
    parse_profile,
    starter_profiles,
    weights_for,
    write_profile,
)

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "options" / "iraq-troop-posture"

V1 = """schema_version: 1
name: Cheap first
decision_set: commute
method: topsis
weights: {cost: 3, time: 1.5, health: 1}
slides: [{title: Why cost, body: "money is tight"}, 2]
"""

V2 = """schema_version: 2
name: Cheap first
author: Ana Lyst
description: |-
  Money is tight this year.
  Health still counts — a little.
created: '2025-01-31T09:30:00Z'
modified: '2025-02-01T10:00:00Z'
decision_set: commute
decision_set_version: '1'
method: topsis
weights:
  cost: 3
  time: 1.5
  health: 1
locks:
- cost
source_weights:
  note: 0.5
notes: later issue
"""


def test_v1_is_migrated_to_v2_on_load():
    assert set(MIGRATIONS) == {1} and PROFILE_SCHEMA_VERSION == 2
    p = parse_profile(V1, "old.yaml")
    assert p.read_version == 1
    assert (p.name, p.decision_set, p.method) == ("Cheap first", "commute", Method.TOPSIS)
    assert p.weights == {"cost": 3, "time": 1.5, "health": 1}
    assert (p.author, p.description, p.created, p.locks) == ("", "", "", ())
    assert p.extra == {"slides": [{"title": "Why cost", "body": "money is tight"}, 2]}
    text = dump_profile(p)
    assert text.startswith("schema_version: 2\nname: Cheap first\n")
    again = parse_profile(text)
    assert again == p and again.read_version == 2


def test_v2_fields_and_unknown_fields_round_trip_exactly():
    p = parse_profile(V2)
    assert p.author == "Ana Lyst"
    assert p.description == "Money is tight this year.\nHealth still counts — a little."
    assert (p.created, p.modified, p.decision_set_version) == (
        "2025-01-31T09:30:00Z",
        "2025-02-01T10:00:00Z",
        "1",
    )
    assert p.locks == ("cost",)
    assert p.source_weights == {"note": 0.5}
    assert p.extra == {"notes": "later issue"}
    # V2 is written in the canonical form, so it comes back byte for byte
    assert dump_profile(p) == V2


def test_writing_is_stable_and_keeps_integers():
    p = parse_profile(V1)
    once = dump_profile(p)
    assert dump_profile(parse_profile(once)) == once
    assert "  cost: 3\n" in once and "  time: 1.5\n" in once  # 3 is not rewritten as 3.0
    assert "\nauthor:" not in once  # empty optional text is left out, not written as ''


def test_save_then_load_is_identical(tmp_path):
    p = replace(parse_profile(V2), name="Ünïcode ✓", extra={"z": [1, {"b": None}], "a": True})
    saved = write_profile(tmp_path / "p.yaml", p)
    loaded = load_profile(tmp_path / "p.yaml")
    assert loaded == p == saved
    assert loaded.revision == saved.revision != ""
    assert list(loaded.extra) == ["z", "a"]  # unknown fields keep their order


def test_profile_equality_ignores_where_it_came_from(tmp_path):
    a = parse_profile(V2, "a.yaml")
    b = write_profile(tmp_path / "b.yaml", a)
    assert a == b and a.file != b.file and b.path == (tmp_path / "b.yaml").resolve()


def test_newer_version_is_refused_clearly():
    with pytest.raises(LoadError) as err:
        parse_profile(V2.replace("schema_version: 2", "schema_version: 3"), "new.yaml")
    assert str(err.value) == (
        "new.yaml:1: schema_version: profile format 3 is newer than this app reads (up to 2); "
        "update Policy Options Explorer to open it"
    )


BROKEN = [
    ("weights:\n  cost: 3", "weights:\n  cost: [3", ":14: YAML syntax error"),
    ("  cost: 3", "  cost: -3", ":13: weights.cost: -3 is negative; weights must be >= 0"),
    ("  cost: 3", "  cost: .nan", ":13: weights.cost: must be a finite number, not nan"),
    ("  cost: 3", "  cost: .inf", ":13: weights.cost: must be a finite number, not inf"),
    ("  cost: 3", "  cost: lots", ":13: weights.cost: must be a number, not text ('lots')"),
    ("  cost: 3", "  cost: true", ":13: weights.cost: must be a number, not a boolean"),
    ("  cost: 3", "  1cost!: 3", ":13: weights.1cost!: '1cost!' is not a valid criterion id"),
    ("name: Cheap first", "name: [a, b]", ":2: name: must be text, not a list"),
    ("method: topsis", "method: ahp", ":11: method: 'ahp' must be one of: wsm, topsis"),
    ("locks:\n- cost", "locks: cost", ":16: locks: must be a list, not text"),
    ("locks:\n- cost", "locks: [cost, cost]", ":16: locks[1]: 'cost' is listed twice"),
    ("created: '2025-01-31T09:30:00Z'", "created: yesterday", ":7: created: 'yesterday'"),
    ("created: '2025-01-31T09:30:00Z'", "created: '2025-13-31T09:30:00Z'", ":7: created:"),
    ("created: '2025-01-31T09:30:00Z'", "created: 2025-13-31T09:30:00Z", "created: '2025-13-31"),
    ("schema_version: 2", "schema_version: two", ":1: schema_version: must be a whole number"),
    ("schema_version: 2", "schema_version: 1.5", ":1: schema_version: must be a whole number"),
    ("schema_version: 2\n", "", ":1: schema_version: is required but missing"),
    ("decision_set: commute\n", "", "decision_set: is required but missing"),
    ("notes: later issue", "notes: !!python/object:os.system ls", ":20: notes: tag"),
    ("notes: later issue", "notes: !secret x", "tag !secret is not allowed"),
    ("notes: later issue", "name: again", ":20: name: duplicate key"),
]


@pytest.mark.parametrize(("old", "new", "message"), BROKEN, ids=lambda v: str(v)[:24])
def test_bad_profiles_are_refused_with_file_and_line(old, new, message):
    assert V2.count(old) == 1
    with pytest.raises(LoadError) as err:
        parse_profile(V2.replace(old, new), "bad.yaml")
    assert message in str(err.value), str(err.value)
    assert str(err.value).startswith("bad.yaml")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "bad.yaml:1: file is empty"),
        (b"- a list\n", "bad.yaml:1: the top level must be a mapping (key: value)"),
        (b"name: caf\xe9\n", "bad.yaml:1: not UTF-8 text (byte 0xe9)"),
    ],
)
def test_unreadable_bytes_are_refused(tmp_path, raw, message):
    (tmp_path / "bad.yaml").write_bytes(raw)
    with pytest.raises(LoadError) as err:
        load_profile(tmp_path / "bad.yaml")
    assert str(err.value).startswith(str(tmp_path / "bad.yaml"))
    assert str(err.value).endswith(message.removeprefix("bad.yaml"))


def test_huge_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text(V2 + "padding: '" + "x" * 300_000 + "'\n")
    with pytest.raises(LoadError, match="over the 262144-byte limit"):
        load_profile(path)


def test_an_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 7):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]\n"
    with pytest.raises(LoadError, match="alias bomb"):
        parse_profile("schema_version: 2\nname: x\ndecision_set: y\nweights: {}\n" + bomb)


def test_refusing_to_overwrite_a_broken_file_changes_nothing(tmp_path):
    target = tmp_path / "mine.yaml"
    broken = b"schema_version: 2\nname: [unclosed\n"
    target.write_bytes(broken)
    with pytest.raises(ProfileError) as err:
        write_profile(target, parse_profile(V2), overwrite=True)
    assert "refusing to overwrite" in str(err.value)
    assert "mine.yaml:3: YAML syntax error" in str(err.value)
    assert target.read_bytes() == broken
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_overwriting_keeps_the_previous_version_as_backup(tmp_path):
    target = tmp_path / "p.yaml"
    first = write_profile(target, parse_profile(V2))
    old_bytes = target.read_bytes()
    second = write_profile(target, replace(first, author="Someone else"), overwrite=True)
    assert load_profile(target) == second
    assert (tmp_path / "p.yaml.bak").read_bytes() == old_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml", "p.yaml.bak"]


def test_weights_for_accepts_v1_and_v2_alike():
    ds = load_decision_set(ROOT / "tests" / "fixtures" / "commute").decision_set
    v1, notes1 = weights_for(parse_profile(V1), ds)
    v2, notes2 = weights_for(parse_profile(V2), ds)
    assert v1.tolist() == v2.tolist() == [3.0, 1.5, 1.0]
    assert notes1 == notes2 == []


def test_starter_profiles_load_and_rank_differently():
    files = starter_profiles(BUNDLED)
    names = {p.stem for p in files}
    assert names == {
        "balanced",
        "counter-iran-counter-isis",
        "force-protection-first",
        "sovereignty-first",
    }
    ds = load_decision_set(BUNDLED).decision_set
    problem = ScoreMatrix.from_set(ds)
    orders = {}
    for path in files:
        profile: Profile = load_profile(path)
        assert "illustrative" in profile.author.lower()
        assert profile.description.startswith("Illustrative starter profile, not a recommendation")
        assert "\n" not in profile.description  # a one-line rationale
        assert dump_profile(profile).encode() == path.read_bytes()  # written canonically
        weights, notes = weights_for(profile, ds)
        assert notes == []  # every criterion weighted, nothing unknown
        result = evaluate(problem, weights, profile.method)
        orders[path.stem] = tuple(ds.option_ids[i] for i in result.order)
    assert len(set(orders.values())) == 4
    assert orders["force-protection-first"][0] == "complete_withdrawal"
    assert orders["sovereignty-first"][0] == "phased_withdrawal"
    assert orders["balanced"][-1] == "status_quo"
    assert np.unique([o[0] for o in orders.values()]).size == 3


BRIEFED = V2.replace(
    "notes: later issue\n",
    "briefing:\n  order:\n  - ranking\n  - title\n  hidden:\n  - sources\n"
    "  notes:\n    ranking: |-\n      Pause here.\n      Take questions.\n",
)


def test_briefing_settings_round_trip_exactly():
    p = parse_profile(BRIEFED)
    assert p.briefing.order == ("ranking", "title")
    assert p.briefing.hidden == frozenset({"sources"})
    assert p.briefing.note("ranking") == "Pause here.\nTake questions."
    assert p.extra == {}
    assert dump_profile(p) == BRIEFED


def test_lens_off_and_empty_deck_are_not_written():
    p = parse_profile(V1)
    assert p.source_weights is None and p.briefing.empty
    text = dump_profile(p)
    assert "source_weights" not in text and "briefing" not in text
    # the lens switched on with every source trusted fully is still "on"
    on = dump_profile(replace(p, source_weights={}))
    assert parse_profile(on).source_weights == {}


@pytest.mark.parametrize(
    ("snippet", "field", "line"),
    [
        ("source_weights:\n  note: 1.5\n", "source_weights.note", 8),
        ("source_weights:\n  note: high\n", "source_weights.note", 8),
        ("source_weights: [note]\n", "source_weights", 7),
        ("briefing:\n  hidden: title\n", "briefing.hidden", 8),
        ("briefing:\n  shuffle: true\n", "briefing.shuffle", 8),
        ("briefing:\n  notes:\n    title: [1, 2]\n", "briefing.notes.title", 9),
    ],
)
def test_bad_analysis_settings_name_the_field_and_line(snippet, field, line):
    text = V1.rstrip("\n") + "\n" + snippet
    with pytest.raises(LoadError) as err:
        parse_profile(text, "p.yaml")
    problems = err.value.problems
    assert [(p.field, p.line) for p in problems] == [(field, line)], problems


def test_speaker_notes_keep_their_layout():
    deck = parse_profile(BRIEFED).briefing.with_note("title", "  Indented first line\nthen two\n\n")
    p = replace(parse_profile(BRIEFED), briefing=deck)
    again = parse_profile(dump_profile(p))
    assert again.briefing.note("title") == "  Indented first line\nthen two\n\n"
    assert again == p


def test_a_write_records_the_app_version_and_a_read_keeps_the_writers(tmp_path):
    from explorer import __version__

    written_by_older = V2.replace(
        "decision_set: commute", "app_version: 0.0.9\ndecision_set: commute"
    )
    older = parse_profile(written_by_older)
    assert older.app_version == "0.0.9"  # read and kept as the file says
    assert dump_profile(older) == written_by_older  # a dump alone does not restamp it
    saved = write_profile(tmp_path / "p.yaml", older)
    text = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert f"\napp_version: {__version__}\ndecision_set: commute\n" in text
    assert saved.app_version == load_profile(tmp_path / "p.yaml").app_version == __version__
    assert saved == older  # provenance, not content
    never_written = parse_profile(V2)
    assert never_written.app_version == "" and "app_version" not in dump_profile(never_written)
