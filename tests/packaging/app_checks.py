"""What every installed form of the app (wheel, pipx, bundle) must do from a folder of its own.

Each check runs the real program in a subprocess, in an empty folder outside the checkout, with
no PYTHONPATH and fresh user folders, so only what the installation itself carries can be used.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from explorer import __version__

BUNDLED_ID = "iraq-troop-posture"


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "POLICY_EXPLORER"))}
    env.update(
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        POLICY_EXPLORER_DATA=str(home / "data"),
        POLICY_EXPLORER_CONFIG=str(home / "config"),
        POLICY_EXPLORER_PROFILES=str(home / "profiles"),
        XDG_DATA_HOME=str(home / "xdg"),
    )
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 180) -> str:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def check_commands(cli: list[str], cwd: Path) -> None:
    """--version, validate, rank --format json and brief --out, as the README promises."""
    env = clean_env(cwd)
    version = run([*cli, "--version"], cwd, env)
    assert version.startswith(f"policy-explorer {__version__} ")
    assert f"bundled data: {BUNDLED_ID} " in version
    assert run([*cli, "validate"], cwd, env).startswith(f"OK: {BUNDLED_ID}")
    ranking = json.loads(run([*cli, "rank", "--format", "json"], cwd, env))
    assert ranking["decision_set"] == BUNDLED_ID
    assert len(ranking["ranking"]) == 5
    run([*cli, "brief", "--out", "brief.pdf"], cwd, env)
    assert (cwd / "brief.pdf").read_bytes().startswith(b"%PDF-")


def check_window(gui: list[str], cwd: Path) -> None:
    """The window opens the bundled set (shown, then closed on a timer) without a warning."""
    env = clean_env(cwd) | {"POLICY_EXPLORER_QUIT_AFTER_MS": "800"}
    out = run(gui, cwd, env)
    assert "window shown after" in out
    assert BUNDLED_ID in (cwd / "config" / "settings.ini").read_text(encoding="utf-8")
