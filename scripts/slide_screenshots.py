"""Screenshots of every slide type as the audience sees it: the real presentation window on a
real (Xvfb) X screen, grabbed from the screen itself, not rendered offscreen.

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/slide_screenshots.py OUT_DIR [PROFILE]

Writes OUT_DIR/<screen size>-<slide>.png for the title, weights, ranking, tradeoff, first option,
robustness and sources slides, plus one with the what-if sliders open; with PROFILE (a profile
YAML) the deck is briefed under that profile, its author and rationale on the title slide.
tests/test_xvfb_slides.py runs it at 1024×768, 1920×1080 and 3840×2160.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from explorer.core.briefing.deck import slide_keys
from explorer.core.profiles import load_profile
from explorer.ui.app import create_window
from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.profiles import unsaved_prompt

SLIDE_TYPES = ("title", "weights", "ranking", "tradeoff", "option", "robustness", "sources")
SETTLE_MS = 400  # a slide change repaints at once; this leaves the X server time to show it


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    unsaved_prompt.ask = lambda parent, name: unsaved_prompt.Choice.DISCARD  # a throwaway run
    window = create_window()
    window.show()
    if len(sys.argv) > 2:
        window.session.open_profile(load_profile(Path(sys.argv[2])))
        window.session.flush()  # the ranking, and so the option slides' order, now
    screen = app.primaryScreen().geometry()
    tag = f"{screen.width()}x{screen.height()}"
    plan: list[tuple[str, str]] = []
    session = window.session
    keys = session.deck.visible(slide_keys(session.decision_set, list(session.result.order)))
    for kind in SLIDE_TYPES:
        key = next(k for k in keys if k == kind or (kind == "option" and k.startswith("option:")))
        plan.append((kind, key))

    def start() -> None:
        window.present()
        QTimer.singleShot(SETTLE_MS, lambda: step(0))

    def show() -> PresentationWindow:
        return window.findChildren(PresentationWindow)[0]

    def step(i: int) -> None:
        if i == len(plan):
            show().toggle_what_if()
            QTimer.singleShot(SETTLE_MS, finish)
            return
        kind, key = plan[i]
        show().navigator.go_to_key(key)
        QTimer.singleShot(SETTLE_MS, lambda: (grab(kind), step(i + 1)))

    def grab(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(out / f"{tag}-{name}.png"))

    def finish() -> None:
        grab("what-if")
        print(f"saved {len(plan) + 1} screenshots at {tag} in {out}")
        app.closeAllWindows()
        app.quit()

    QTimer.singleShot(1500, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
