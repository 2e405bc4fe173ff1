"""Helpers for tests that break a copy of the commute example set by editing its text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError, Problem

ROOT = Path(__file__).resolve().parents[2]
COMMUTE = ROOT / "tests" / "fixtures" / "commute"
BUNDLED = ROOT / "options" / "iraq-troop-posture"


def copy_commute(dest_parent: Path, name: str = "commute") -> Path:
    target = dest_parent / name
    shutil.copytree(COMMUTE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must occur exactly once, so a fixture change cannot silently no-op."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line of the only line containing `needle`."""
    hits = [i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits} of {path.name}"
    return hits[0]


def load_errors(path: Path, strict: bool = False) -> list[Problem]:
    """The problems a load must fail with; failing to raise fails the test."""
    with pytest.raises(LoadError) as info:
        load_decision_set(path, strict=strict)
    assert info.value.problems, "LoadError raised without problems"
    return info.value.problems


def triples(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return [(p.file, p.line, p.field) for p in problems]
