"""Issue 12: every kind of hostile set opened through the window reaches the problems dialog,
and the set on screen stays (one once validated and then segfaulted the score matrix)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from explorer.core import sections
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


def _replace(old: str, new: str, file: str = "bike.yaml"):
    def apply(folder: Path) -> None:
        text = (folder / file).read_text("utf-8")
        assert text.count(old) == 1
        (folder / file).write_text(text.replace(old, new), encoding="utf-8")

    return apply


def _loop(folder: Path) -> None:
    header = folder / "decision-set.yaml"
    header.unlink()
    header.symlink_to(header)


BREAKAGES = {
    "309-digit score": _replace("    score: 1\n", "    score: " + "9" * 309 + "\n"),
    "scale span overflows": _replace(
        "{min: 0, max: 5,", "{min: -1.0e+308, max: 1.0e+308,", "decision-set.yaml"
    ),
    "!!bool maybe": _replace("    score: 1\n", "    score: 1\n    unassessed: !!bool maybe\n"),
    "empty !!float": _replace("    score: 1\n", "    score: !!float ''\n"),
    "NUL byte": _replace("Nearly free", "Nearly\x00free"),
    "source outside": _replace(
        "    file: commute-note.txt", "    file: /etc/passwd", "decision-set.yaml"
    ),
    "symlink loop header": _loop,
    "FIFO option": lambda folder: os.mkfifo(folder / "walk.yaml"),
    "folder named .yaml": lambda folder: (folder / "walk.yaml").mkdir(),
    "dangling option link": lambda folder: (folder / "walk.yaml").symlink_to("gone.yaml"),
}


@pytest.fixture
def window(qtbot, commute_path: Path) -> MainWindow:
    win = MainWindow(Session(), AppSettings())
    qtbot.addWidget(win)
    assert win.open_path(commute_path)
    return win


@pytest.mark.parametrize("kind", sorted(BREAKAGES))
def test_a_hostile_set_reaches_the_dialog_and_keeps_the_set(
    window: MainWindow, tmp_path: Path, commute_path: Path, kind: str
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(commute_path, broken)
    BREAKAGES[kind](broken)
    before = window.session.decision_set
    assert not window.open_path(broken)
    assert window.session.decision_set is before
    dialog = window.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText().strip()
    dialog.close()


def test_a_fault_while_loading_reaches_the_dialog_too(
    window: MainWindow, commute_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fault(*args: object) -> None:
        raise KeyError("a bug no input should reach")

    monkeypatch.setattr(sections, "criterion", fault)
    before = window.session.decision_set
    assert not window.open_path(commute_path)
    assert window.session.decision_set is before
    assert "fault in this app" in window.problems_dialog.text.toPlainText()
    window.problems_dialog.close()
