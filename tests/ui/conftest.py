"""UI fixtures: a Session loaded with the example set."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.ui.profiles import unsaved_prompt
from explorer.ui.state.session import Session


@pytest.fixture(autouse=True)
def _never_block_on_unsaved_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window with unsaved changes asks; in tests the answer is Discard unless a
    test says otherwise, since a modal dialog would block the run."""
    monkeypatch.setattr(unsaved_prompt, "ask", lambda parent, name: unsaved_prompt.Choice.DISCARD)


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
