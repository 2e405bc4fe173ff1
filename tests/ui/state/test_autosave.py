"""Autosave and recovery: a killed session's unsaved weighting is offered back on next launch."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from explorer import paths
from explorer.core.briefing.view_choices import ColourMode
from explorer.core.profiles import load_profile
from explorer.core.recovery import FILE_NAME, read_recovery
from explorer.ui.main_window import MainWindow
from explorer.ui.state import autosave
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings

ROOT = Path(__file__).resolve().parents[3]

CRASHING_SESSION = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from explorer.ui.app import create_window
    window = create_window(sys.argv[1])
    window.show()
    window.session.set_share("cost", 0.6)
    clock = QElapsedTimer(); clock.start()
    while clock.elapsed() < 1500:  # several autosave intervals
        app.processEvents()
    os._exit(9)  # die like a kill: no close event, no clean-up
    """
)


def test_killed_session_is_offered_back(tmp_path: Path, commute_path: Path, qtbot, monkeypatch):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICY_EXPLORER_AUTOSAVE_MS="200")
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION, str(commute_path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 9, done.stderr
    file = paths.user_data_dir() / FILE_NAME
    recovery = read_recovery(file)
    assert recovery is not None and recovery.set_path == commute_path.resolve()

    asked = []
    monkeypatch.setattr(autosave, "ask_restore", lambda parent, rec: asked.append(rec) or True)
    monkeypatch.setattr("explorer.ui.main_window.ask_restore", autosave.ask_restore)
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.offer_recovery()
    assert len(asked) == 1
    assert window.session.decision_set.id == "commute"
    assert window.session.shares[0] == pytest.approx(0.6)
    assert window.session.dirty  # restored as unsaved work, not silently saved
    window.close()
    assert not file.exists()  # a clean exit leaves nothing to recover


def test_declined_or_clean_state_writes_nothing(qtbot, commute_path: Path, monkeypatch):
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(commute_path)
    window.autosave.save_now()
    file = window.autosave.file
    assert not file.exists()  # nothing unsaved, nothing written
    window.session.set_share("cost", 0.5)
    window.autosave.save_now()
    assert file.exists()
    window.session.undo_stack.undo()  # back to the clean state
    window.autosave.save_now()
    assert not file.exists()
    window.session.set_share("cost", 0.5)
    window.autosave.save_now()
    monkeypatch.setattr("explorer.ui.main_window.ask_restore", lambda parent, rec: False)
    window.offer_recovery()
    assert not file.exists()  # declined: discarded


def test_unreadable_autosave_is_set_aside_with_a_message(qtbot, commute_path: Path) -> None:
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(commute_path)
    file = window.autosave.file
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("name: [broken\n")
    window.offer_recovery()
    assert not file.exists()
    assert file.with_name(file.name + ".unreadable").exists()
    assert "autosave.yaml" in window.problems_dialog.text.toPlainText()
    window.problems_dialog.close()


def test_title_shows_profile_and_unsaved_mark(qtbot, commute_path: Path) -> None:
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(commute_path)
    assert window.windowTitle().startswith("Untitled weighting[*] — Getting to work")
    assert not window.isWindowModified()
    window.session.set_share("cost", 0.5)
    assert window.isWindowModified()


def test_autosave_waits_while_a_slider_is_dragged(qtbot, commute_path: Path) -> None:
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(commute_path)
    window.session.begin_gesture()
    window.session.set_share("cost", 0.5)
    window.autosave.save_now()
    assert not window.autosave.file.exists()
    window.session.end_gesture()
    window.autosave.save_now()
    assert window.autosave.file.exists()


def test_restore_keeps_credibilities_lens_and_deck(qtbot, bundled_path: Path) -> None:
    """The issue's case: one source at 20 % credibility and the tradeoff slide hidden; after a
    crash and restore, all of it is back (it used to come back at 100 %, lens off, slide on)."""
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(bundled_path)
    session = window.session
    source = session.decision_set.sources[1].id
    session.set_source_weight(source, 0.2)
    session.set_deck(session.deck.with_hidden("tradeoff", True))
    session.set_share(session.decision_set.criteria[0].id, 0.3)
    window.autosave.save_now()
    recovery = read_recovery(window.autosave.file)
    assert recovery is not None

    fresh = MainWindow(Session(), AppSettings())
    qtbot.addWidget(fresh)
    fresh.open_path(bundled_path)
    autosave.restore(fresh.session, recovery)
    restored = fresh.session
    assert restored.lens_active
    assert restored.source_weights[source] == pytest.approx(0.2)
    assert "tradeoff" in restored.deck.hidden
    assert restored.shares[0] == pytest.approx(0.3, abs=1e-5)  # profiles keep 6 places
    assert restored.dirty
    assert restored.result.totals == pytest.approx(session.result.totals, abs=1e-5)
    restored.undo_stack.undo()  # one undoable step back to what was open
    assert not restored.lens_active


def test_restore_keeps_the_views_choices(qtbot, commute_path: Path, tmp_path: Path) -> None:
    """The tradeoff axes, matrix colouring and sensitivity criterion picked on top of an open
    profile come back with the rest of the unsaved work, on the views and in the slides."""
    profile = tmp_path / "team.yaml"
    profile.write_text(
        "schema_version: 2\nname: Team\ndecision_set: commute\n"
        "weights: {cost: 1, time: 1, health: 1}\n",
        encoding="utf-8",
    )
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(commute_path)
    window.session.open_profile(load_profile(profile))
    views = window.session.views
    views.set_tradeoff_axes("criterion:health", "criterion:time")
    views.set_matrix_colour(ColourMode.DISAGREEMENT)
    views.set_sensitivity_criterion("health")
    assert window.session.dirty  # only the views changed, and that is unsaved work
    window.autosave.save_now()
    recovery = read_recovery(window.autosave.file)
    assert recovery is not None and recovery.profile_path == profile.resolve()

    fresh = MainWindow(Session(), AppSettings())
    qtbot.addWidget(fresh)
    fresh.open_path(commute_path)
    autosave.restore(fresh.session, recovery)
    restored = fresh.session
    assert restored.views.tradeoff_axes == ("criterion:health", "criterion:time")
    assert restored.views.matrix_colour is ColourMode.DISAGREEMENT
    assert restored.views.sensitivity_criterion == "health"
    assert (fresh.tradeoff_map.x_combo.currentData(), fresh.tradeoff_map.y_combo.currentData()) == (
        "criterion:health",
        "criterion:time",
    )
    assert restored.dirty and restored.active_profile.path == profile.resolve()
