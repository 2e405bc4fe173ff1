"""UI fixtures: a Session loaded with the example set; widgets found as a user reaches them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QWidget

from explorer.ui.profiles import unsaved_prompt
from explorer.ui.state.session import Session

W = TypeVar("W", bound=QWidget)


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


def find_named(root: QWidget, kind: type[W], name: str) -> W:
    """The one `kind` under `root` that a screen reader announces as `name`: tests reach
    controls the way a user does rather than through accessors kept only for them."""
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} {kind.__name__} named {name!r}"
    return found[0]


@pytest.fixture
def named() -> Callable[..., Any]:
    """find_named, for tests."""
    return find_named
