"""Rank-acceptability throughput: samples per second for 20 000 samples.

Runs on the bundled set (falling back to a generated 5 × 10 set while the bundled one does not
load) and on a large generated set, for each weight/score sampling mode and both methods. Timings
on a shared machine are noisy, so this reports the median of several runs and never asserts.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.synthetic import synthetic_set  # noqa: E402
from explorer import paths  # noqa: E402
from explorer.core.engine import Method, ScoreMatrix  # noqa: E402
from explorer.core.loader import load_decision_set  # noqa: E402
from explorer.core.model import DecisionSet  # noqa: E402
from explorer.core.problems import LoadError  # noqa: E402
from explorer.core.robustness import rank_acceptability  # noqa: E402

SAMPLES = 20_000
REPEATS = 5


def bundled_or_generated() -> tuple[str, DecisionSet]:
    try:
        ds = load_decision_set(paths.bundled_set()).decision_set
        return f"bundled {ds.id}", ds
    except LoadError:
        return "generated (bundled set did not load)", synthetic_set(5, 10)


def measure(ds: DecisionSet, samples: int, **options: object) -> float:
    problem = ScoreMatrix.from_set(ds)
    _, lows, highs = ds.matrix()
    weights = np.ones(len(ds.criteria))
    times = []
    for repeat in range(REPEATS):
        start = time.perf_counter()
        rank_acceptability(problem, weights, lows, highs, samples=samples, seed=repeat, **options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    label, ds = bundled_or_generated()
    cases = [(label, ds, SAMPLES), ("generated 200 × 30", synthetic_set(200, 30), SAMPLES)]
    modes = [
        ("uniform", "fixed", Method.WSM),
        ("uniform", "uniform", Method.WSM),
        ("around", "uniform", Method.WSM),
        ("uniform", "uniform", Method.TOPSIS),
    ]
    print(f"{'set':<40}{'weights':>9}{'scores':>9}{'method':>8}{'seconds':>10}{'samples/s':>12}")
    for name, case, samples in cases:
        size = f"{name} ({len(case.options)}×{len(case.criteria)})"
        for weight_mode, score_mode, method in modes:
            seconds = measure(
                case, samples, weight_mode=weight_mode, score_mode=score_mode, method=method
            )
            print(
                f"{size:<40}{weight_mode:>9}{score_mode:>9}{method.value:>8}"
                f"{seconds:>10.3f}{samples / seconds:>12,.0f}"
            )


if __name__ == "__main__":
    main()
