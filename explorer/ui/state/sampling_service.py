"""When rank-acceptability sampling runs, on what, and which snapshot the views see.

The session owns one of these. Sampling runs only while a view that shows it is on screen
(`want`), restarts whenever the result changes, and — while a slider is being dragged — waits
until the drag pauses, so a drag does not restart a job on every tick. A snapshot from a
superseded job is never shown: the views only ever see numbers for the weights on screen (or
the previous complete run, until the first chunk of the new one arrives).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from explorer.core.engine import Method, ScoreMatrix
from explorer.core.robustness import Acceptability, SamplingSettings
from explorer.ui.state.sampler import Sampler

RESTART_AFTER_MS = 60  # a pause in a drag this long restarts sampling


@dataclass(frozen=True)
class SamplingInput:
    problem: ScoreMatrix
    weights: np.ndarray
    lows: np.ndarray
    highs: np.ndarray
    method: Method

    def key(self, settings: SamplingSettings) -> tuple[object, ...]:
        """What the sampled numbers depend on. Uniform weight sampling ignores the current
        weights, so moving a slider then needs no new run."""
        weights = tuple(self.weights.round(12)) if settings.weights == "around" else ()
        return (id(self.problem), self.problem.scores.shape, self.method, settings, weights)


class SamplingService(QObject):
    changed = Signal()  # a new snapshot, or sampling started/stopped/failed
    settingsChanged = Signal()  # the settings sampling runs with

    def __init__(
        self,
        source: Callable[[], SamplingInput | None],
        busy: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._busy = busy  # True while a slider is dragged
        self.settings = SamplingSettings()
        self.acceptability: Acceptability | None = None
        self.error = ""
        self._shown_key: tuple[object, ...] | None = None  # what `acceptability` was run on
        self._job_key: tuple[object, ...] | None = None  # what the running job samples
        # the matrices behind the two keys, held so the id() in each key cannot be reused
        self._job_problem: ScoreMatrix | None = None
        self._shown_problem: ScoreMatrix | None = None
        self._job = 0  # the job whose snapshots are wanted; 0 = none, -1 = one is due
        self._owners: set[int] = set()
        self._sampler = Sampler(self)
        self._sampler.snapshot.connect(self._on_snapshot)
        self._sampler.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESTART_AFTER_MS)
        self._timer.timeout.connect(self._start)

    @property
    def running(self) -> bool:
        return self._job != 0

    @property
    def current(self) -> bool:
        """`acceptability` belongs to the state on screen now (partial if still running)."""
        data = self._source()
        return (
            self.acceptability is not None
            and data is not None
            and self._shown_key == data.key(self.settings)
        )

    @property
    def wanted(self) -> bool:
        return bool(self._owners)

    def want(self, owner: object, wanted: bool) -> None:
        before = self.wanted
        if wanted:
            self._owners.add(id(owner))
        else:
            self._owners.discard(id(owner))
        if self.wanted == before:
            return
        if self.wanted:
            self.restart()
        else:
            self.stop()

    def set_settings(self, settings: SamplingSettings) -> None:
        if settings != self.settings:
            self.settings = settings
            self.acceptability = None  # numbers for other settings would mislead
            self.settingsChanged.emit()
            self.restart()

    def restart(self) -> None:
        """The result changed: the running job is stale at once; a new one starts now, or when
        a drag pauses — unless the numbers would not change (uniform weights, same scores)."""
        data = self._source()
        key = None if data is None else data.key(self.settings)
        if key is not None and self.running and key == self._job_key:
            return  # being sampled for exactly this already
        self._sampler.cancel()
        self._timer.stop()
        self._job, self._job_key = 0, None
        done = self.acceptability is not None and self.acceptability.done
        if key is not None and key == self._shown_key and done:
            self.changed.emit()  # sampled for exactly this already: current again
            return
        if not self.wanted:
            return
        if self._busy():
            self._job = -1
            self._timer.start()
        else:
            self._start()
        self.changed.emit()

    def stop(self) -> None:
        """Nobody is looking: stop the thread and wait for it to finish its chunk."""
        self._timer.stop()
        self._sampler.shutdown()
        if self._job != 0:
            self._job = 0
            self.changed.emit()

    def _start(self) -> None:
        data = self._source() if self.wanted else None
        if data is None:
            self._job = 0
            return
        self._job_problem, self._job_key = data.problem, data.key(self.settings)
        self._job = self._sampler.start(
            data.problem, data.weights, data.lows, data.highs, data.method, self.settings
        )

    def _on_snapshot(self, job: int, snap: Acceptability) -> None:
        if job != self._job:
            return  # superseded while it was queued
        self.acceptability, self.error = snap, ""
        self._shown_key, self._shown_problem = self._job_key, self._job_problem
        if snap.done:
            self._job = 0
        self.changed.emit()

    def _on_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._job, self.error = 0, message
            self.changed.emit()
