"""Every slide type as the audience sees it, on a real X screen (Xvfb), at the three sizes the
issue names; PNGs go to tests/output/xvfb/ for a person to look at.

CI installs Xvfb (scripts/qt-system-libs.sh does, as root); elsewhere without it this skips
and says why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "slide_screenshots.py"
NAMES = ("title", "weights", "ranking", "tradeoff", "option", "robustness", "sources", "what-if")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (3840, 2160)])
def test_every_slide_type_on_a_real_screen(size, tmp_path, output_dir, qapp) -> None:
    w, h = size
    out = output_dir / "xvfb"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # a real xcb window
    env.update(PYTHONPATH=str(ROOT), POLICY_EXPLORER_CONFIG=str(tmp_path / "config"))
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", sys.executable, str(SCRIPT), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    for name in NAMES:
        image = QImage(str(out / f"{w}x{h}-{name}.png"))
        assert (image.width(), image.height()) == (w, h), name
        # a slide, not a blank or black screen: many distinct colours across the picture
        step_x, step_y = max(1, w // 64), max(1, h // 48)
        colours = {image.pixel(x, y) for x in range(0, w, step_x) for y in range(0, h, step_y)}
        assert len(colours) > 8, f"{name} at {w}x{h} looks empty"
