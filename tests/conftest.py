"""Shared test setup: headless Qt, isolated user directories, the example sets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTPUT = Path(__file__).resolve().parent / "output"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's real settings, profiles or autosaves."""
    monkeypatch.setenv("POLICY_EXPLORER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("POLICY_EXPLORER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("POLICY_EXPLORER_PROFILES", str(tmp_path / "profiles"))
    monkeypatch.setenv("POLICY_EXPLORER_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def commute_path() -> Path:
    return FIXTURES / "commute"


@pytest.fixture
def bundled_path() -> Path:
    return ROOT / "options" / "iraq-troop-posture"


@pytest.fixture
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
