"""Latency from a weight change to every visible chart repainted, and cold-start time.

Drives the real widgets offscreen: a slider's setValue, then event-loop turns in which the
session's coalesced recompute runs and Qt repaints every dirty region of the window.
Run with `make bench`; figures go in the README.
Timings on a shared machine are noisy, so this reports medians, p95 and ratios, never asserts.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.synthetic import synthetic_set  # noqa: E402
from explorer import paths  # noqa: E402
from explorer.ui.app import configure_charts  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402
from explorer.ui.profiles import unsaved_prompt  # noqa: E402
from explorer.ui.state.session import Session  # noqa: E402
from explorer.ui.state.settings import AppSettings  # noqa: E402


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def drag_latency(window: MainWindow, steps: int = 300, jumps: bool = False) -> list[float]:
    """Milliseconds per slider step, until every visible view has repainted.

    A drag moves a slider a pixel or a few per mouse event (~5 units of 1000 on a 200 px
    slider), sweeping one criterion at a time; `jumps` instead sets random values, the worst
    case where every other row's displayed share changes on every step.
    """
    session = window.session
    ids = session.decision_set.criterion_ids
    app = QApplication.instance()
    rng = np.random.default_rng(1)
    times = []
    if not jumps:
        session.begin_gesture()  # as a pressed slider does: one undo step, throttled extras
    for step in range(steps):
        slider = window.weights_panel.slider(ids[(step // 30) % len(ids)])
        if jumps:
            value = int(rng.integers(0, 1000))
        else:
            direction = 1 if (step // 15) % 2 == 0 else -1
            value = int(np.clip(slider.value() + direction * rng.integers(2, 12), 0, 1000))
        t0 = time.perf_counter()
        slider.setValue(value)  # the session schedules one recompute for this turn
        # Event-loop turns, as after a mouse move: the coalesced recompute runs and every view
        # updates; pyqtgraph's scenes report changes by a queued signal, so Qt paints the dirty
        # regions of the window on the second turn (checked by counting paint events).
        for _ in range(3):
            app.processEvents()
        times.append(1000 * (time.perf_counter() - t0))
    session.end_gesture()
    return times[10:]  # first steps warm caches


def matplotlib_ranking(session: Session, steps: int = 60) -> list[float]:
    """The same stacked ranking chart redrawn with matplotlib (Agg), for the ratio."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    result = session.result
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    times = []
    rng = np.random.default_rng(2)
    n_crit = len(session.decision_set.criteria)
    for _ in range(steps):
        session.set_weights(rng.random(n_crit))
        session.flush()
        result = session.result
        t0 = time.perf_counter()
        ax.clear()
        left = np.zeros(len(result.totals))
        order = result.order[::-1]
        for j in range(result.contributions.shape[1]):
            widths = result.contributions[order, j]
            ax.barh(np.arange(len(order)), widths, left=left)
            left += widths
        fig.canvas.draw()
        times.append(1000 * (time.perf_counter() - t0))
    plt.close(fig)
    return times[5:]


def cold_start(args: list[str], runs: int = 5) -> list[float]:
    """Wall time from process start to the window-shown line on stdout."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICY_EXPLORER_QUIT_AFTER_MS="300")
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        assert proc.stdout is not None
        for line in proc.stdout:
            if "window shown" in line:
                out.append(1000 * (time.perf_counter() - t0))
                break
        proc.wait()
    return out


def report(label: str, values: list[float]) -> str:
    return (
        f"{label:<44} median {statistics.median(values):7.2f} ms   p95 {_pct(values, 95):7.2f} ms"
    )


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    configure_charts()
    # the benchmark's weightings are throwaway: closing must not stop to ask about saving them
    unsaved_prompt.ask = lambda parent, name: unsaved_prompt.Choice.DISCARD
    # never touch the user's real settings, profiles or autosave (child processes inherit this)
    scratch = tempfile.mkdtemp(prefix="policy-explorer-bench-")
    for name in ("CONFIG", "DATA", "PROFILES"):
        os.environ[f"POLICY_EXPLORER_{name}"] = str(Path(scratch) / name.lower())
    lines: list[str] = []

    def out(line: str) -> None:
        """Each figure as it is measured (the whole run takes minutes), and again at the end."""
        print(line, flush=True)
        lines.append(line)

    for label, load in (
        ("bundled set", lambda s: s.load(paths.bundled_set())),
        (
            "generated 200 options × 30 criteria",
            lambda s: s.set_decision_set(synthetic_set(200, 30)),
        ),
    ):
        session = Session()
        window = MainWindow(
            session, AppSettings(Path(os.environ["POLICY_EXPLORER_CONFIG"]) / "b.ini")
        )
        load(session)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            app.processEvents()
            name = window.tabs.tabText(tab).replace("&", "")
            out(report(f"{label}, drag, ranking + {name}", drag_latency(window)))
            out(report(f"{label}, jumps, ranking + {name}", drag_latency(window, 150, True)))
        if label == "bundled set":
            mpl = matplotlib_ranking(session)
            out(report("bundled set, matplotlib ranking chart alone", mpl))
        window.close()
    bare = cold_start([sys.executable, str(ROOT / "benchmarks" / "bare_window.py")])
    full = cold_start([sys.executable, "-m", "explorer"])
    out(report("cold start: bare QMainWindow + 1 pyqtgraph plot", bare))
    out(report("cold start: policy-explorer, bundled set", full))
    out(f"cold-start ratio (app / bare): {statistics.median(full) / statistics.median(bare):.2f}")
    print("\nSummary:\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
