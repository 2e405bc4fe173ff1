"""Frame times of the window while rank-acceptability sampling runs on its worker thread.

A 60 Hz timer stands in for the display: every tick repaints the whole main window (all views
in place, synchronously) and records the time since the previous tick and the paint time. The
same run is made with sampling off (baseline) and on (a job far larger than the run, so the
worker computes throughout), idle and with the weights jumping every 250 ms (which cancels and
restarts the job). A frame is "late" when its tick comes more than 25 ms after the previous one
(a 16.7 ms frame plus the timer's own slack). Noisy shared machine: compare the columns, never
assert. Also reports the worker's throughput while the window paints.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.synthetic import synthetic_set  # noqa: E402
from explorer import paths  # noqa: E402
from explorer.core.robustness import SamplingSettings  # noqa: E402
from explorer.ui.main_window import MainWindow  # noqa: E402
from explorer.ui.profiles import unsaved_prompt  # noqa: E402
from explorer.ui.state.session import Session  # noqa: E402
from explorer.ui.state.settings import AppSettings  # noqa: E402

FRAME_MS = 16
LATE_MS = 25.0
RUN_S = 4.0


def frames(window: MainWindow, sampling: bool, jumps: bool) -> dict[str, float]:
    app = QApplication.instance()
    session = window.session
    owner = object()
    if sampling:
        # "around": every weight change cancels and restarts the run (uniform runs need no restart)
        session.set_sampling(SamplingSettings(samples=10_000_000, seed=3, weights="around"))
        session.want_sampling(owner, True)
    intervals: list[float] = []
    paints: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    rng = np.random.default_rng(0)
    ids = session.decision_set.criterion_ids
    next_jump = [0.25e9]

    def tick() -> None:
        now = clock.nsecsElapsed()
        intervals.append((now - last[0]) / 1e6)
        last[0] = now
        if jumps and now >= next_jump[0]:
            next_jump[0] += 0.25e9
            session.set_share(ids[int(rng.integers(len(ids)))], float(rng.uniform(0.05, 0.5)))
        t0 = time.perf_counter()
        window.repaint()
        paints.append(1000 * (time.perf_counter() - t0))

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(FRAME_MS)
    timer.timeout.connect(tick)
    timer.start()
    t_start = time.perf_counter()
    first = session.acceptability.samples if session.acceptability else 0
    while time.perf_counter() - t_start < RUN_S:
        app.processEvents()
        time.sleep(0.0005)
    timer.stop()
    done = session.acceptability.samples if session.acceptability else 0
    if sampling:
        session.want_sampling(owner, False)
    intervals = intervals[5:]
    return {
        "frames": len(intervals),
        "median": statistics.median(intervals),
        "p95": float(np.percentile(intervals, 95)),
        "max": max(intervals),
        "late": 100.0 * sum(i > LATE_MS for i in intervals) / len(intervals),
        "paint": statistics.median(paints),
        "rate": (done - first) / RUN_S if sampling and not jumps else float("nan"),
    }


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    unsaved_prompt.ask = lambda parent, name: unsaved_prompt.Choice.DISCARD
    scratch = tempfile.mkdtemp(prefix="policy-explorer-bench-")
    for name in ("CONFIG", "DATA", "PROFILES"):
        os.environ[f"POLICY_EXPLORER_{name}"] = str(Path(scratch) / name.lower())
    print(
        f"{'set, scenario':<46}{'frames':>7}{'median':>8}{'p95':>8}{'max':>8}"
        f"{'late %':>8}{'paint':>8}{'samples/s':>12}"
    )
    for label, load in (
        ("bundled", lambda s: s.load(paths.bundled_set())),
        ("200 × 30", lambda s: s.set_decision_set(synthetic_set(200, 30))),
    ):
        session = Session()
        window = MainWindow(session, AppSettings(Path(scratch) / "bench.ini"))
        load(session)
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        for jumps in (False, True):
            for sampling in (False, True):
                r = frames(window, sampling, jumps)
                scenario = f"{label}, {'weights jump 4/s' if jumps else 'idle'}, "
                scenario += "sampling" if sampling else "no sampling"
                rate = "" if np.isnan(r["rate"]) else f"{r['rate']:,.0f}"
                print(
                    f"{scenario:<46}{r['frames']:>7}{r['median']:>8.1f}{r['p95']:>8.1f}"
                    f"{r['max']:>8.1f}{r['late']:>8.1f}{r['paint']:>8.1f}{rate:>12}"
                )
        window.close()


if __name__ == "__main__":
    main()
