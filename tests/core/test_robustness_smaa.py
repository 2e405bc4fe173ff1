"""Rank acceptability: probabilities, convergence to exact values, determinism, progress.

Exact reference: A (x 8, y 2) against B (x 2, y 6), both higher-is-better on 0..10. With two
criteria a uniform weighting is x's share t ~ U(0, 1); A wins exactly when t > 0.4, so
P(A first) = 0.6, A's central weights are (E[t | t > 0.4], …) = (0.7, 0.3) and B's (0.2, 0.8).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from explorer.core.engine import Method, ScoreMatrix, evaluate, rank
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, Criterion, DecisionSet, Direction, Option
from explorer.core.robustness import (
    acceptability_steps,
    concentration,
    rank_acceptability,
    sample_weights,
)


def make_set(rows: dict[str, list[tuple[float, float, float]]]) -> DecisionSet:
    """Options → per-criterion (score, low, high); criteria x, y, ... higher-is-better 0..10."""
    n = len(next(iter(rows.values())))
    crits = tuple(Criterion(c, c, "hand", Direction.HIGHER_IS_BETTER) for c in "xyzuvw"[:n])
    cells = {
        (o, c.id): Assessment(o, c.id, *map(float, cell))
        for o, row in rows.items()
        for c, cell in zip(crits, row, strict=True)
    }
    options = tuple(Option(o, o, "hand") for o in rows)
    return DecisionSet("hand", "Hand", "?", crits, (), options, cells)


def matrices(ds: DecisionSet) -> tuple[ScoreMatrix, np.ndarray, np.ndarray]:
    _, lows, highs = ds.matrix()
    return ScoreMatrix.from_set(ds), lows, highs


TWO = make_set({"A": [(8, 8, 8), (2, 2, 2)], "B": [(2, 2, 2), (6, 6, 6)]})


def test_uniform_weights_converge_to_the_exact_interval_lengths() -> None:
    problem, _, _ = matrices(TWO)
    acc = rank_acceptability(problem, np.ones(2), samples=200_000, seed=11)
    assert acc.done and acc.samples == 200_000
    # Standard error sqrt(0.24 / 200 000) ≈ 0.0011; five of them is a safe margin.
    np.testing.assert_allclose(acc.acceptability, [[0.6, 0.4], [0.4, 0.6]], atol=0.0055)
    np.testing.assert_allclose(acc.central_weights, [[0.7, 0.3], [0.2, 0.8]], atol=0.005)
    assert acc.central("A") == {
        "x": pytest.approx(0.7, abs=0.005),
        "y": pytest.approx(0.3, abs=0.005),
    }


def test_uniform_scores_converge_to_the_exact_probability() -> None:
    """One criterion: A uniform on 4..8 beats B fixed at 5 with probability 3/4."""
    ds = make_set({"A": [(6, 4, 8)], "B": [(5, 5, 5)]})
    problem, lows, highs = matrices(ds)
    acc = rank_acceptability(
        problem, np.ones(1), lows, highs, samples=100_000, seed=2, score_mode="uniform"
    )
    assert acc.acceptability[0, 0] == pytest.approx(0.75, abs=0.007)


def test_rows_sum_to_one_and_ties_share_the_better_rank() -> None:
    ds = make_set({"A": [(8, 8, 8), (2, 2, 2)], "A2": [(8, 8, 8), (2, 2, 2)], "B": [(5, 5, 5)] * 2})
    problem, lows, highs = matrices(ds)
    acc = rank_acceptability(problem, np.ones(2), lows, highs, samples=5_000, seed=0)
    np.testing.assert_allclose(acc.acceptability.sum(axis=1), 1.0)
    np.testing.assert_array_equal(acc.rank_counts[0], acc.rank_counts[1])  # identical options
    # A and A2 always tie, sharing 1st or (behind B) 2nd: neither is ever 3rd.
    assert acc.rank_counts[0, 2] == acc.rank_counts[1, 2] == 0
    assert acc.rank_counts[0, :2].sum() == 5_000


def test_commute_rows_sum_to_one_under_every_mode(commute_path: Path) -> None:
    ds = load_decision_set(commute_path).decision_set
    problem, lows, highs = matrices(ds)
    for weight_mode in ("uniform", "around"):
        for score_mode in ("fixed", "uniform"):
            acc = rank_acceptability(
                problem,
                np.array([1, 2, 3]),
                lows,
                highs,
                samples=3_000,
                weight_mode=weight_mode,
                spread=0.3,
                score_mode=score_mode,
            )
            np.testing.assert_allclose(acc.acceptability.sum(axis=1), 1.0)
            wins = acc.rank_counts[:, 0] > 0
            assert np.all(np.isnan(acc.central_weights[~wins]))
            np.testing.assert_allclose(acc.central_weights[wins].sum(axis=1), 1.0)


@pytest.mark.parametrize("weight_mode", ["uniform", "around"])
def test_same_seed_same_numbers_whatever_the_chunk(commute_path: Path, weight_mode: str) -> None:
    ds = load_decision_set(commute_path).decision_set
    problem, lows, highs = matrices(ds)
    options = {"samples": 4_000, "score_mode": "uniform", "weight_mode": weight_mode}
    runs = [
        rank_acceptability(problem, np.ones(3), lows, highs, seed=5, chunk=chunk, **options)
        for chunk in (4_000, 4_000, 333)
    ]
    for other in runs[1:]:
        np.testing.assert_array_equal(runs[0].rank_counts, other.rank_counts)
        np.testing.assert_allclose(runs[0].first_weight_sums, other.first_weight_sums, rtol=1e-12)
    different = rank_acceptability(problem, np.ones(3), lows, highs, seed=6, **options)
    assert not np.array_equal(different.rank_counts, runs[0].rank_counts)


@pytest.mark.parametrize("method", [Method.WSM, Method.TOPSIS])
def test_fixed_weights_and_scores_reproduce_the_engine(commute_path: Path, method: Method) -> None:
    ds = load_decision_set(commute_path).decision_set
    problem, _, _ = matrices(ds)
    w = np.array([0.2, 0.5, 0.3])
    acc = rank_acceptability(
        problem, w, samples=50, weight_mode="around", spread=0.0, method=method
    )
    ranks = evaluate(problem, w, method).ranks
    np.testing.assert_array_equal(acc.acceptability, np.eye(3)[ranks - 1])
    np.testing.assert_allclose(acc.central_weights[ranks == 1], [w])


def test_progress_is_cumulative_and_stoppable() -> None:
    problem, _, _ = matrices(TWO)
    steps = acceptability_steps(problem, np.ones(2), samples=10_000, seed=1, chunk=1_000)
    seen = []
    for partial in steps:
        seen.append(partial)
        if partial.samples >= 3_000:
            break  # what a UI's cancel button does
    assert [p.samples for p in seen] == [1_000, 2_000, 3_000]
    assert not seen[-1].done and seen[-1].requested == 10_000
    assert seen[-1].rank_counts.sum() == 2 * 3_000
    assert seen[0].rank_counts.sum() == 2 * 1_000  # snapshots are not mutated later
    full = list(acceptability_steps(problem, np.ones(2), samples=2_500, seed=1, chunk=1_000))
    assert [p.samples for p in full] == [1_000, 2_000, 2_500] and full[-1].done


def test_around_weights_have_the_documented_mean_and_spread() -> None:
    w = np.array([0.2, 0.5, 0.3, 0.0])
    rng = np.random.default_rng(0)
    ws = sample_weights(rng, w, 200_000, "around", spread=0.1)
    np.testing.assert_allclose(ws.sum(axis=1), 1.0)
    assert np.all(ws[:, 3] == 0.0)  # a criterion weighted 0 stays at 0
    np.testing.assert_allclose(ws.mean(axis=0), w, atol=0.001)
    np.testing.assert_allclose(ws.std(axis=0), 0.1 * np.sqrt(w * (1 - w)), atol=0.001)
    assert concentration(0.1) == pytest.approx(99.0)
    n = 4  # spread 1/sqrt(n+1) around equal weights is the uniform Dirichlet(1, ..., 1)
    assert concentration(1 / np.sqrt(n + 1)) * (1 / n) == pytest.approx(1.0)


def test_bad_arguments_are_refused() -> None:
    problem, _, _ = matrices(TWO)
    with pytest.raises(ValueError):
        rank_acceptability(problem, np.ones(2), samples=0)
    with pytest.raises(ValueError):
        rank_acceptability(problem, np.ones(2), score_mode="uniform")  # no ranges given
    with pytest.raises(ValueError):
        rank_acceptability(problem, np.ones(2), weight_mode="around", spread=1.0)


def _topsis_one_at_a_time(problem: ScoreMatrix, w: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The engine's TOPSIS as it was before it took many weightings at once (one per call),
    kept here as the reference the batched version must reproduce."""
    norm = np.sqrt((x**2).sum(axis=0))
    r = np.divide(x, norm, out=np.zeros_like(x, dtype=float), where=norm > 0)
    v = r * w
    ideal = np.where(problem.benefit, v.max(axis=0), v.min(axis=0))
    anti = np.where(problem.benefit, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    denom = d_plus + d_minus
    return np.divide(d_minus, denom, out=np.full_like(denom, 0.5), where=denom > 0)


@pytest.mark.parametrize("score_mode", ["fixed", "uniform"])
@pytest.mark.parametrize(("m", "n"), [(5, 10), (30, 6), (2, 1)])
def test_topsis_sampling_matches_one_sample_at_a_time(score_mode: str, m: int, n: int) -> None:
    """Rank acceptability under TOPSIS is computed for a whole chunk at once; it must give what
    the former per-sample loop gave, to the bit (same ranks, same central weights)."""
    from benchmarks.synthetic import synthetic_set

    ds = synthetic_set(m, n, seed=4)
    problem, lows, highs = matrices(ds)
    # a zero column (norm 0) and a zero weight exercise the guarded divisions
    problem = problem.with_scores(np.where(np.arange(n) == n - 1, 0.0, problem.scores))
    lows, highs = np.minimum(lows, problem.scores), np.maximum(highs, problem.scores)
    w = np.ones(n)
    w[0] = 0.0 if n > 1 else 1.0
    acc = rank_acceptability(
        problem, w, lows, highs, samples=3000, seed=2, score_mode=score_mode, method=Method.TOPSIS
    )

    weight_rng, score_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(2).spawn(2))
    ws = sample_weights(weight_rng, w / w.sum(), 3000, "uniform")
    if score_mode == "uniform":
        x = lows + (highs - lows) * score_rng.random((3000, m, n))
    else:
        x = np.broadcast_to(problem.scores, (3000, m, n))
    totals = np.stack([_topsis_one_at_a_time(problem, ws[i], x[i]) for i in range(3000)])
    counts = np.zeros((m, m), dtype=np.int64)
    first = np.zeros((m, n))
    for i in range(3000):
        ranks = rank(totals[i])[0]
        for option in range(m):
            counts[option, ranks[option] - 1] += 1
        first += np.outer(ranks == 1, ws[i])
    np.testing.assert_array_equal(acc.rank_counts, counts)
    np.testing.assert_allclose(acc.first_weight_sums, first, rtol=1e-12, atol=1e-12)


def test_the_chunk_cap_applies_only_where_a_samples_by_cells_array_is_built() -> None:
    """Fixed scores under the weighted sum hold samples × options, never × criteria: a large
    set keeps the chunk it was asked for; sampled scores and TOPSIS are capped."""
    from benchmarks.synthetic import synthetic_set
    from explorer.core.robustness.smaa import CHUNK_ELEMENTS

    ds = synthetic_set(200, 30, seed=1)
    problem, lows, highs = matrices(ds)
    w = np.ones(30)

    def chunks(**options: object) -> list[int]:
        steps = acceptability_steps(problem, w, lows, highs, samples=4000, chunk=2000, **options)
        done = [step.samples for step in steps]
        return [b - a for a, b in zip([0, *done], done, strict=False)]

    assert chunks() == [2000, 2000]
    capped = CHUNK_ELEMENTS // (200 * 30)
    assert chunks(score_mode="uniform")[0] == capped
    assert chunks(method=Method.TOPSIS)[0] == capped


def test_chunks_run_on_one_blas_thread_and_the_setting_is_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from threadpoolctl import threadpool_info

    from explorer.core.robustness import smaa

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    if not before:
        pytest.skip("numpy here uses no BLAS library threadpoolctl can see")
    seen: list[list[int]] = []
    original = smaa._chunk_totals

    def spy(*args: object) -> np.ndarray:
        seen.append(blas_threads())
        return original(*args)

    monkeypatch.setattr(smaa, "_chunk_totals", spy)
    problem, _, _ = matrices(TWO)
    rank_acceptability(problem, np.ones(2), samples=3000, chunk=1000)
    assert seen == [[1] * len(before)] * 3
    assert blas_threads() == before
