"""Rank-acceptability sampling on a worker thread, restartable at any moment.

The worker runs explorer.core.robustness.acceptability_steps chunk by chunk and hands each
cumulative snapshot to the GUI thread through a queued Qt signal. A new job (the weights moved)
supersedes the running one: the worker notices between chunks, so a cancel costs at most one
chunk (about 2 ms on the bundled set). numpy releases the GIL inside its big array operations,
and the worker's Python work between them is short, so the GUI thread keeps painting; the
benchmark measures the frame times while sampling runs.

One long-lived thread (not one per job) because a slider drag restarts the job dozens of times
a second; the thread is stopped and joined when nobody wants sampling any more.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal, SignalInstance

from explorer.core.engine import Method, ScoreMatrix
from explorer.core.robustness import Acceptability, SamplingSettings, acceptability_steps

# About 2 ms of work per chunk on this machine (~20 ns per sample × option × criterion): the
# worker checks for a newer job and lets the GUI thread take the GIL this often.
CHUNK_ELEMENTS = 100_000
EMIT_EVERY_S = 0.05  # views get at most ~20 snapshots a second, plus the final one


def chunk_for(options: int, criteria: int) -> int:
    return max(8, min(2_000, CHUNK_ELEMENTS // max(1, options * criteria)))


@dataclass(frozen=True)
class Job:
    number: int
    problem: ScoreMatrix
    weights: np.ndarray
    lows: np.ndarray
    highs: np.ndarray
    method: Method
    settings: SamplingSettings


class Sampler(QObject):
    # (job number, snapshot): emitted from the worker, delivered queued in the GUI thread
    snapshot = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._job: Job | None = None  # the newest job; the worker drops anything older
        self._jobs = 0
        self._stop = False
        self._thread: threading.Thread | None = None

    @property
    def current(self) -> int:
        """The number of the newest job: snapshots of older ones are stale."""
        return self._jobs

    def start(
        self,
        problem: ScoreMatrix,
        weights: np.ndarray,
        lows: np.ndarray,
        highs: np.ndarray,
        method: Method,
        settings: SamplingSettings,
    ) -> int:
        with self._cond:
            self._jobs += 1
            self._job = Job(
                self._jobs, problem, weights.copy(), lows, highs, Method(method), settings
            )
            self._stop = False
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="acceptability-sampler", daemon=True
                )
                self._thread.start()
            self._cond.notify()
            return self._jobs

    def cancel(self) -> None:
        """Drop the running job (its further snapshots are never delivered)."""
        with self._cond:
            self._jobs += 1
            self._job = None

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the thread and wait for it: no snapshot can arrive after this returns."""
        with self._cond:
            self._jobs += 1
            self._job = None
            self._stop = True
            self._cond.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    # ---- worker thread -------------------------------------------------------------------
    def _next_job(self) -> Job | None:
        with self._cond:
            while self._job is None and not self._stop:
                self._cond.wait()
            job, self._job = self._job, None
            return None if self._stop else job

    def _superseded(self, job: Job) -> bool:
        return self._stop or self._jobs != job.number

    def _run(self) -> None:
        while (job := self._next_job()) is not None:
            try:
                self._sample(job)
            except Exception as exc:  # reported to the view; the thread keeps serving
                if not self._superseded(job):
                    self._emit(self.failed, job.number, f"{type(exc).__name__}: {exc}")

    def _sample(self, job: Job) -> None:
        lows, highs = (job.lows, job.highs) if job.settings.scores == "uniform" else (None, None)
        m, n = job.problem.scores.shape
        steps = acceptability_steps(
            job.problem,
            job.weights,
            lows,
            highs,
            method=job.method,
            chunk=chunk_for(m, n),
            **job.settings.options(),
        )
        last = 0.0
        for snap in steps:
            if self._superseded(job):
                return
            now = time.monotonic()
            if snap.done or now - last >= EMIT_EVERY_S:
                last = now
                self._emit(self.snapshot, job.number, snap)
            time.sleep(0)  # hand the GIL to the GUI thread between chunks

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the QObject is gone (app shutting down): nobody to tell
            with self._cond:
                self._stop = True


__all__ = ["Acceptability", "Sampler"]
