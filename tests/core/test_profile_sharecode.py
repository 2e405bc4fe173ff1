"""Share codes: exact round trips, tolerant of pasting, refusing any damaged code."""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import replace

import pytest

from explorer import __version__
from explorer.core.problems import LoadError
from explorer.core.profiles import (
    ShareCodeError,
    decode_share_code,
    dump_profile,
    load_profile,
    parse_profile,
    share_code,
    write_profile,
)
from explorer.core.profiles.sharecode import MAX_PROFILE_BYTES

# as this app writes it, app_version included: a written file then equals the source byte for byte
TEXT = f"""schema_version: 2
name: Team Østfold ✓
author: Ana Lyst
description: |-
  Two lines of rationale,
  with "quotes" and a colon: here.
created: '2025-01-31T09:30:00Z'
modified: '2025-02-01T10:00:00Z'
app_version: {__version__}
decision_set: commute
method: topsis
weights:
  cost: 3
  time: 0.125
  health: 1
locks:
- time
slides:
- title: Why
  body: null
zeta: 1
alpha:
- true
- 2.5e-07
"""
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@pytest.fixture
def code() -> str:
    return share_code(parse_profile(TEXT))


def test_file_to_code_to_file_is_byte_identical(tmp_path, code):
    source = tmp_path / "source.yaml"
    source.write_text(TEXT, encoding="utf-8")
    assert dump_profile(load_profile(source)) == TEXT  # the fixture is in canonical form
    rebuilt = write_profile(
        tmp_path / "rebuilt.yaml", decode_share_code(share_code(load_profile(source)))
    )
    assert (tmp_path / "rebuilt.yaml").read_bytes() == source.read_bytes()
    assert rebuilt.extra == {
        "slides": [{"title": "Why", "body": None}],
        "zeta": 1,
        "alpha": [True, 2.5e-07],
    }


def test_code_is_one_line_of_safe_characters(code):
    assert code.startswith("PX2-")
    assert set(code[4:]) <= set(ALPHABET)
    assert code == share_code(parse_profile(TEXT))  # deterministic


def test_pasting_damage_that_loses_nothing_is_tolerated(code):
    wrapped = "\n".join(code[i : i + 60] for i in range(0, len(code), 60))
    for pasted in (f"  {wrapped}\n", code.lower(), " ".join(code), f"\t{code}\r\n"):
        assert decode_share_code(pasted) == parse_profile(TEXT)


def test_every_single_changed_character_is_refused(code):
    checked = 0
    for i, original in enumerate(code):
        for replacement in {"A", "Q", "7", "2", "X"} - {original}:
            damaged = code[:i] + replacement + code[i + 1 :]
            with pytest.raises(ShareCodeError):
                decode_share_code(damaged)
            checked += 1
    assert checked > 4 * len(code)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda c: c[:-1], "damaged or cut off"),
        (lambda c: c[:-8], "checksum does not match"),
        (lambda c: c[:40], "damaged or cut off|checksum does not match"),
        (lambda c: c + "A", "damaged or cut off|checksum does not match"),
        (lambda c: c + "AAAAAAAA", "checksum does not match"),
        (lambda c: c.replace("PX2-", "PX9-"), "newer than this app reads"),
        (lambda c: c.replace("PX2-", "PX1-"), "not a share-code format"),
        (lambda c: c.replace("PX2-", "XP2-"), "not a profile share code"),
        (lambda c: c[:20] + "0" + c[21:], "characters it cannot have: '0'"),
        (lambda c: c[:20] + "!" + c[21:], "characters it cannot have: '!'"),
        (lambda c: "", "empty"),
        (lambda c: "PX2-", "cut off"),
    ],
)
def test_damaged_codes_get_a_clear_message(code, damage, message):
    with pytest.raises(ShareCodeError, match=message):
        decode_share_code(damage(code))


def _forge(payload: bytes, version: int = 2) -> str:
    packed = zlib.compress(payload)
    body = zlib.crc32(packed).to_bytes(4, "big") + packed
    return f"PX{version}-" + base64.b32encode(body).decode().rstrip("=")


def test_an_intact_code_holding_an_invalid_profile_is_refused_like_a_file():
    bad = {"schema_version": 2, "name": "x", "decision_set": "y", "weights": {"a": -1}}
    with pytest.raises(LoadError, match=r"share code: weights\.a: -1 is negative"):
        decode_share_code(_forge(json.dumps(bad).encode()))
    with pytest.raises(LoadError, match="newer than this app reads"):
        decode_share_code(_forge(json.dumps({**bad, "schema_version": 7}).encode()))
    with pytest.raises(ShareCodeError, match="does not hold a profile"):
        decode_share_code(_forge(b"[1, 2]"))
    with pytest.raises(ShareCodeError, match="does not hold a profile"):
        decode_share_code(_forge(b"\xff\xfe not json"))


def test_a_decompression_bomb_is_refused():
    with pytest.raises(ShareCodeError, match="unpacks to over"):
        decode_share_code(_forge(b" " * (MAX_PROFILE_BYTES + 10)))


def test_a_v1_profile_travels_as_v2():
    v1 = parse_profile("schema_version: 1\nname: Old\ndecision_set: commute\nweights: {cost: 1}\n")
    back = decode_share_code(share_code(v1))
    assert back == v1 and back.read_version == 2


def test_values_json_cannot_spell_still_round_trip():
    odd = replace(parse_profile(TEXT), extra={"nan": float("inf"), "big": 10**30})
    back = decode_share_code(share_code(odd))
    assert back.extra == {"nan": float("inf"), "big": 10**30}
