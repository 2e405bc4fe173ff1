"""One fuzz case at a time in a separate process, with a memory cap and a time limit.

A case that blows up memory or hangs must fail the test, not take the test run (or the machine)
with it. The worker is a fresh interpreter (no Qt, one BLAS thread) whose address space is
capped with RLIMIT_AS; the parent waits a fixed time for each answer and kills the worker when
it does not come, then starts a new one. A crash (a signal, a segfault) shows as the worker
dying, and is reported with its exit code.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from typing import Any

MEMORY_MB = int(os.environ.get("FUZZ_MEMORY_MB", "1024"))
SECONDS = float(os.environ.get("FUZZ_CASE_SECONDS", "10"))
GOOD = {"accepted", "refused"}


def _serve(conn: Any, memory_mb: int) -> None:
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import targets  # after the cap: everything the cases touch is under it

    while True:
        try:
            name, payload = conn.recv()
        except EOFError:
            return
        started = time.perf_counter()
        try:
            answer = getattr(targets, name)(payload)
        except MemoryError:
            answer = {"kind": "memory", "detail": f"MemoryError under a {memory_mb} MB cap"}
        except BaseException:  # every escape is the finding, reported back
            answer = {"kind": "traceback", "detail": traceback.format_exc()[-3000:]}
        answer["seconds"] = time.perf_counter() - started
        # the worker's peak so far (Linux reports KiB): an upper bound for this case's memory
        answer["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(answer)


class Sandbox:
    def __init__(self, memory_mb: int = MEMORY_MB, seconds: float = SECONDS) -> None:
        self.memory_mb = memory_mb
        self.seconds = seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._conn: Any = None
        self._tmp = tempfile.mkdtemp(prefix="fuzz-")

    def _start(self) -> None:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread: less address space
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        os.environ["FUZZ_TMPDIR"] = self._tmp
        parent, child = self._context.Pipe()
        self._process = self._context.Process(
            target=_serve, args=(child, self.memory_mb), daemon=True
        )
        self._process.start()
        child.close()
        self._conn = parent

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
            self._conn.close()
        self._process = self._conn = None

    def run(self, name: str, payload: Any) -> dict[str, Any]:
        if self._process is None or not self._process.is_alive():
            self._start()
        self._conn.send((name, payload))
        if not self._conn.poll(self.seconds):
            self._stop()
            return {"kind": "hang", "detail": f"no answer within {self.seconds:g} s"}
        try:
            return self._conn.recv()
        except (EOFError, ConnectionError):
            self._process.join(5)
            code = self._process.exitcode
            self._stop()
            return {"kind": "crash", "detail": f"worker died (exit code {code})"}

    def close(self) -> None:
        self._stop()
        shutil.rmtree(self._tmp, ignore_errors=True)


def checked(run: Callable[[str, Any], dict[str, Any]], stats: dict[str, Any], cls: str):
    """A runner that tallies each outcome per input class (the figures the report quotes)."""

    def go(name: str, payload: Any) -> dict[str, Any]:
        answer = run(name, payload)
        tally = stats.setdefault(cls, {})
        tally[answer["kind"]] = tally.get(answer["kind"], 0) + 1
        for key in ("seconds", "peak_mb"):
            if key in answer:
                tally[f"max {key}"] = round(max(tally.get(f"max {key}", 0), answer[key]), 3)
        return answer

    return go
