"""Screenshots of the real main window at projector sizes, for docs/: run as
`xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/window_screenshots.py`.

Each is grabbed from the X screen (what a projector shows), not rendered from a widget: the
window fills a 1024×768 screen in the light and the projector theme, with a cell selected so
the evidence shows. The user's own settings are never touched (a temporary config folder).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SHOTS = (("light", 0), ("projector", 0), ("projector", 3))  # theme, chart tab


def main() -> int:
    os.environ["POLICY_EXPLORER_CONFIG"] = tempfile.mkdtemp()
    os.environ["POLICY_EXPLORER_DATA"] = tempfile.mkdtemp()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.ui.app import create_window

    app = QApplication(sys.argv)
    window = create_window()
    screen = app.primaryScreen().geometry()
    window.setGeometry(screen)
    window.show()
    ds = window.session.decision_set
    window.session.select(ds.option_ids[1], ds.criterion_ids[2])
    pending = list(SHOTS)

    def next_shot() -> None:
        if not pending:
            app.quit()
            return
        theme, tab = pending[0]
        window.set_theme(theme)
        window.tabs.setCurrentIndex(tab)
        QTimer.singleShot(1200, grab)

    def grab() -> None:
        theme, tab = pending.pop(0)
        name = f"window-{screen.width()}x{screen.height()}-{theme}"
        name += "" if tab == 0 else f"-{window.tabs.tabText(tab).replace('&', '').lower()}"
        out = DOCS / f"{name}.png"
        app.primaryScreen().grabWindow(0).save(str(out))
        print(f"saved {out}")
        next_shot()

    QTimer.singleShot(1500, next_shot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
