"""The sampler's matrix products on one BLAS thread.

They are small (a chunk of samples times options or criteria), and a second BLAS thread only adds
hand-offs: on a two-core machine the 200 × 30 run took 2–5× as long with two threads as with one
(benchmarks/bench_robustness.py). numpy's OpenBLAS starts one thread per core, and its thread count
is one setting for the whole process, so it is lowered only while a chunk is computed, and a lock
keeps two samplers (the window's worker and the main thread, say) from restoring each other's
setting out of order.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController

_lock = threading.RLock()
_controller: ThreadpoolController | None = None  # finding the loaded libraries takes ~1 ms


@contextmanager
def one_blas_thread() -> Iterator[None]:
    global _controller
    with _lock:
        if _controller is None:
            _controller = ThreadpoolController()
        with _controller.limit(limits=1, user_api="blas"):
            yield
