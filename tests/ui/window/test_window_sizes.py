"""The window stays responsive at every size a laptop, projector or monitor gives it.

At about 1024×768 the weight rows' word wrap and the scroll bar used to trigger each other for
ever (and the ranking's "Top N" notice did the same with its rows): the event loop never came
back. The walk runs in a subprocess so a stall kills only it, and fails the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.ui.theme import THEMES

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_size_settles_in_every_theme(tmp_path: Path, theme: str) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        POLICY_EXPLORER_DATA=str(tmp_path / "data"),
        POLICY_EXPLORER_CONFIG=str(tmp_path / "config"),
    )
    proc = subprocess.run(
        [sys.executable, str(HERE / "window_size_walk.py"), theme],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    lines = [line for line in proc.stdout.splitlines() if line.startswith(theme)]
    assert len(lines) >= 20
    width, height = (
        next(line for line in proc.stdout.splitlines() if line.startswith("minimum"))
        .split()[1]
        .split("x")
    )
    assert int(width) <= 1024 and int(height) <= 768, "the window must fit a 1024×768 screen"
    for line in lines:  # every size asked for at or above the minimum is the size given
        asked, got = line.split()[1], line.split()[3]
        aw, ah = map(int, asked.split("x"))
        if aw >= 1024 and ah >= 720:  # projector sizes and up: never forced larger
            assert asked == got, line
