"""Hostile decision sets, profiles and share codes: never a traceback, crash, hang or blow-up,
and nothing accepted that breaks what the app relies on (see targets.py for each check)."""

from __future__ import annotations

import pytest
from conftest import STATS
from hypothesis import given, settings
from mutations import decision_sets, profiles, share_codes
from sandbox import GOOD, checked


def _expect_good(answer: dict) -> None:
    assert answer["kind"] in GOOD, f"{answer['kind']}: {answer['detail']}"


@settings(settings.get_profile("fuzz"))
@given(payload=decision_sets())
def test_broken_decision_sets(sandbox, payload):
    _expect_good(checked(sandbox.run, STATS, "decision sets")("decision_set", payload))


@settings(settings.get_profile("fuzz"))
@given(raw=profiles())
def test_broken_profiles(sandbox, raw):
    _expect_good(checked(sandbox.run, STATS, "profiles")("profile", raw))


@settings(settings.get_profile("fuzz"))
@given(code=share_codes())
def test_broken_share_codes(sandbox, code):
    _expect_good(checked(sandbox.run, STATS, "share codes")("code", code))


def test_the_sandbox_catches_a_blow_up_and_a_hang(sandbox):
    """Without this the limits above could be silently absent."""
    assert sandbox.run("memory_probe", 4096)["kind"] == "memory"
    slow = type(sandbox)(seconds=1)
    try:
        assert slow.run("sleep_probe", 30)["kind"] == "hang"
    finally:
        slow.close()
    assert sandbox.run("memory_probe", 10)["kind"] == "accepted"  # and it goes on working


pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
