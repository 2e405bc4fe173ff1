"""UI fixtures: a Session loaded with the example set."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.ui.session import Session


@pytest.fixture
def session(qapp, commute_path: Path) -> Session:
    s = Session()
    s.load(commute_path)
    return s


@pytest.fixture
def bundled_session(qapp, bundled_path: Path) -> Session:
    s = Session()
    s.load(bundled_path)
    return s
