"""Regenerates docs/screenshot.png from a real window: `xvfb-run -a -s "-screen 0 1600x1000x24"
.venv/bin/python scripts/readme_screenshot.py`. Grabs the whole X screen, not a widget render."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from explorer.ui.app import create_window

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshot.png"


def main() -> int:
    app = QApplication(sys.argv)
    window = create_window()
    window.setGeometry(0, 0, 1600, 1000)
    window.show()
    ds = window.session.decision_set
    window.session.select(ds.option_ids[1], ds.criterion_ids[6])

    def grab() -> None:
        shot = app.primaryScreen().grabWindow(0)
        shot.save(str(OUT))
        print(f"saved {OUT} ({shot.width()}×{shot.height()})")
        app.quit()

    QTimer.singleShot(2500, grab)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
