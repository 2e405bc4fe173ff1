"""The real entry points start a window and quit on a timer, in a subprocess, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        POLICY_EXPLORER_QUIT_AFTER_MS="1200",
        POLICY_EXPLORER_DATA=str(tmp_path / "data"),
        POLICY_EXPLORER_CONFIG=str(tmp_path / "config"),
    )
    return env


def _check(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, proc.stderr
    assert "window shown after" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert "Error" not in proc.stderr


def test_python_dash_m_opens_the_bundled_set_and_quits(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "explorer"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    _check(proc)
    settings = (tmp_path / "config" / "settings.ini").read_text()
    assert "iraq-troop-posture" in settings  # the last set is remembered for the next launch


@pytest.mark.parametrize("name", ["policy-explorer", "policy-explorer-gui"])
def test_installed_scripts_open_the_window(tmp_path: Path, commute_path: Path, name: str) -> None:
    """The console script (the terminal's, with no subcommand) and the gui-script (menus')."""
    script = Path(sys.executable).parent / name
    if not script.exists():
        pytest.skip("package not installed as a script (run through `make test`)")
    proc = subprocess.run(
        [str(script), "--set", str(commute_path)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    _check(proc)
