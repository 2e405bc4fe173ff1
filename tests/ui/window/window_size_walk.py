"""Run in a subprocess by test_window_sizes: walk the real main window through a grid of sizes
and themes, printing one line per step. A watchdog (faulthandler) kills the process when one
step stalls for more than STALL_S, so a layout that never settles fails instead of hanging."""

from __future__ import annotations

import faulthandler
import sys
import time

from PySide6.QtWidgets import QApplication

STALL_S = 2.0
SIZES = [
    (1024, 768),
    (1024, 720),
    (1100, 768),
    (1200, 768),
    (1200, 800),
    (1280, 720),
    (1366, 768),
    (1440, 900),
    (1920, 1080),
    (2560, 1440),
    (3840, 2160),
    (1155, 600),
]
# the band where three columns meet the tab layout, where loops were found
SWEEP = [(w, 768) for w in range(1000, 1401, 40)]


def main() -> int:
    app = QApplication(sys.argv)
    from explorer.ui.app import create_window

    window = create_window()
    window.resize(1440, 900)
    window.show()
    for theme in sys.argv[1:]:
        faulthandler.dump_traceback_later(STALL_S, exit=True)
        window.set_theme(theme)
        window.resize(1024, 768)  # the narrow layout, whose minimum is the window's minimum
        for _ in range(5):
            app.processEvents()
        faulthandler.cancel_dump_traceback_later()
        smallest = window.minimumSizeHint()
        print(f"minimum {smallest.width()}x{smallest.height()}", flush=True)
        steps = [(smallest.width(), smallest.height()), *SIZES, *SWEEP, (1440, 900)]
        for width, height in steps:
            faulthandler.dump_traceback_later(STALL_S, exit=True)
            start = time.perf_counter()
            window.resize(width, height)
            for _ in range(5):
                app.processEvents()
            faulthandler.cancel_dump_traceback_later()
            got = window.size()
            ms = 1000 * (time.perf_counter() - start)
            line = f"{theme} {width}x{height} -> {got.width()}x{got.height()} {ms:.0f} ms"
            print(line, flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
