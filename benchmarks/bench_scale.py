"""Large decision sets: load, rank and robustness times from 20 × 10 up to 1,000 × 50.

Each size is generated (benchmarks/synthetic.py) and written as a folder the loader reads, every
cell citing a verbatim quote, so loading pays for parsing, validation and quote checks as on a
real set. Measured in this process, median (and slowest) over repeats:

- load: load_decision_set with no cache; cached: the same with the cache of validated sets hit
- rank: both methods scored at equal weights (what `rank` does after loading)
- robustness: what `robustness` does after loading: 20 000 samples (uniform weights, scores
  within their ranges), weight stability and the what-would-change sentences, under the
  weighted sum; and the same sampling under TOPSIS

and end to end, as a user runs them (a fresh interpreter each time, imports included):
`policy-explorer rank` with an empty cache and with the cache filled by the previous run.

Timings on a shared machine are noisy: this reports medians and never asserts.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.synthetic import synthetic_set, write_set_folder  # noqa: E402
from explorer.core.engine import Method, ScoreMatrix, evaluate  # noqa: E402
from explorer.core.loader import load_decision_set  # noqa: E402
from explorer.core.robustness import (  # noqa: E402
    rank_acceptability,
    shares,
    stability_intervals,
    what_would_change,
)
from explorer.core.set_cache import SetCache  # noqa: E402

SIZES = [(20, 10), (100, 20), (200, 30), (500, 50), (1000, 50)]
SAMPLES = 20_000


def timed(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(median, slowest) wall-clock seconds over `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def cli_rank(folder: Path, cache: Path) -> None:
    env = {**os.environ, "POLICY_EXPLORER_CACHE": str(cache)}
    subprocess.run(
        [sys.executable, "-m", "explorer", "rank", "--set", str(folder)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def main() -> None:
    repeats = int(os.environ.get("BENCH_REPEATS", "5"))
    print(f"medians over {repeats} runs (slowest in brackets), seconds")
    header = (
        f"{'set':<12}{'MB':>6}{'load':>16}{'cached':>14}{'rank':>14}"
        f"{'robustness':>16}{'TOPSIS sampling':>18}{'CLI rank':>16}{'CLI rank cached':>18}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for m, n in SIZES:
            folder = write_set_folder(synthetic_set(m, n), Path(tmp) / f"s{m}x{n}")
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            cache = SetCache(Path(tmp) / f"cache{m}x{n}", min_bytes=0)
            load = timed(lambda f=folder: load_decision_set(f), repeats)
            load_decision_set(folder, cache=cache)
            cached = timed(lambda f=folder, c=cache: load_decision_set(f, cache=c), repeats)

            ds = load_decision_set(folder).decision_set
            problem = ScoreMatrix.from_set(ds)
            _, lows, highs = ds.matrix()
            w = shares(np.ones(n))

            def rank(p: ScoreMatrix = problem, w: np.ndarray = w) -> None:
                evaluate(p, w, Method.WSM)
                evaluate(p, w, Method.TOPSIS)

            def robustness(ds=ds, p=problem, w=w, lo=lows, hi=highs) -> None:
                rank_acceptability(p, w, lo, hi, samples=SAMPLES, score_mode="uniform")
                stability_intervals(p, w)
                what_would_change(ds, w, p)

            def topsis(p=problem, w=w, lo=lows, hi=highs) -> None:
                rank_acceptability(
                    p, w, lo, hi, samples=SAMPLES, score_mode="uniform", method=Method.TOPSIS
                )

            ranked = timed(rank, repeats)
            robust = timed(robustness, max(1, repeats // 2))
            topsis_time = timed(topsis, max(1, repeats // 2))
            cold = timed(lambda f=folder: cli_rank(f, Path(tempfile.mkdtemp(dir=tmp))), 3)
            warm_dir = Path(tmp) / f"cli{m}x{n}"
            cli_rank(folder, warm_dir)
            warm = timed(lambda f=folder, d=warm_dir: cli_rank(f, d), 3)

            def cell(t: tuple[float, float]) -> str:
                return f"{t[0]:.3f} ({t[1]:.2f})"

            print(
                f"{f'{m} × {n}':<12}{megabytes:>6.1f}{cell(load):>16}{cell(cached):>14}"
                f"{cell(ranked):>14}{cell(robust):>16}{cell(topsis_time):>18}"
                f"{cell(cold):>16}{cell(warm):>18}",
                flush=True,
            )


if __name__ == "__main__":
    main()
