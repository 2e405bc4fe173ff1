"""`policy-explorer robustness`, driven through its own parser and run() (no window, no Qt)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

from explorer.cli import robustness_cmd


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="policy-explorer")
    robustness_cmd.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["robustness", *argv])


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    args = parse(*argv, "--format", "json")
    assert args.func is robustness_cmd.run
    assert robustness_cmd.run(args) == 0
    return json.loads(capsys.readouterr().out)


def test_defaults() -> None:
    args = parse()
    assert (args.samples, args.seed, args.weights, args.scores, args.format) == (
        20_000,
        0,
        "uniform",
        "uniform",
        "table",
    )


def test_json_holds_every_analysis(commute_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "--set", str(commute_path), "--samples", "4000", "--seed", "3")
    assert doc["decision_set"] == "commute" and doc["samples"] == 4000 and doc["leader"] == "bike"
    acc = doc["rank_acceptability"]
    assert set(acc) == {"bike", "bus", "car"}
    for row in acc.values():
        assert len(row) == 3 and sum(row) == pytest.approx(1.0, abs=1e-5)
    assert acc["bike"][0] > 0.8  # bike wins under most weightings
    for option, weights in doc["central_weights"].items():
        if acc[option][0] == 0:
            assert weights is None
        else:
            assert set(weights) == {"cost", "time", "health"}
            assert sum(weights.values()) == pytest.approx(1.0, abs=1e-5)
    time = doc["stability"]["time"]
    assert (time["low"], time["high"], time["overtaken_above_by"]) == (0.0, 0.75, "car")
    assert doc["stability"]["cost"]["low"] == 0.0 and doc["stability"]["cost"]["high"] == 1.0
    assert doc["changes"][0] == (
        "Car overtakes Bicycle if the weight on Door-to-door time rises from 33 % to 76 %"
    )


def test_same_seed_same_output(commute_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("--set", str(commute_path), "--samples", "2000", "--weights", "around")
    first = run_json(capsys, *argv, "--seed", "9", "--spread", "0.3")
    again = run_json(capsys, *argv, "--seed", "9", "--spread", "0.3")
    other = run_json(capsys, *argv, "--seed", "10", "--spread", "0.3")
    assert first == again
    assert first["rank_acceptability"] != other["rank_acceptability"]
    assert first["sampling"] == {
        "weights": "around",
        "scores": "uniform",
        "spread": 0.3,
        "concentration": pytest.approx(1 / 0.09 - 1, abs=1e-6),
    }


def test_profile_weights_are_used(
    commute_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "fast.yaml"
    profile.write_text(
        "schema_version: 1\nname: Fast\ndecision_set: commute\n"
        "weights: {cost: 0, time: 9, health: 1}\n",
        encoding="utf-8",
    )
    doc = run_json(
        capsys,
        "--set",
        str(commute_path),
        "--profile",
        str(profile),
        "--samples",
        "500",
        "--weights",
        "around",
        "--spread",
        "0",
        "--scores",
        "fixed",
    )
    assert doc["weights"] == {"cost": 0.0, "time": 0.9, "health": 0.1}
    assert doc["leader"] == "car"  # time 0.9 × 0.8 + health 0 beats bike's 0.45 + 0.1
    assert doc["rank_acceptability"]["car"] == [1.0, 0.0, 0.0]  # fixed weights and scores
    assert doc["central_weights"]["car"] == {"cost": 0.0, "time": 0.9, "health": 0.1}
    assert doc["central_weights"]["bike"] is None


def test_each_part_names_the_method_and_leader_it_describes(
    commute_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """At these weights TOPSIS leads with the car and the weighted sum with the bicycle: the
    sampled ranks follow TOPSIS, the stability intervals and sentences are about the bicycle."""
    profile = tmp_path / "topsis.yaml"
    profile.write_text(
        "schema_version: 1\nname: T\ndecision_set: commute\nmethod: topsis\n"
        "weights: {cost: 0, time: 3, health: 1}\n",
        encoding="utf-8",
    )
    argv = ("--set", str(commute_path), "--profile", str(profile), "--samples", "500")
    doc = run_json(capsys, *argv)
    assert (doc["method"], doc["leader"], doc["rank_acceptability_method"]) == (
        "topsis",
        "car",
        "topsis",
    )
    assert (doc["stability_method"], doc["stability_leader"]) == ("wsm", "bike")
    assert (doc["changes_method"], doc["changes_leader"]) == ("wsm", "bike")
    assert all("overtakes Bicycle" in text for text in doc["changes"] if "overtakes" in text)
    assert robustness_cmd.run(parse(*argv)) == 0
    table = capsys.readouterr().out
    assert "Leader at the current weights: Car" in table
    assert "Weight stability (weighted sum, whose leader is Bicycle;" in table
    assert "What would change the leader (weighted sum, whose leader is Bicycle)" in table

    wsm = run_json(capsys, *argv, "--method", "wsm")
    assert wsm["leader"] == wsm["stability_leader"] == wsm["changes_leader"] == "bike"


def test_table_is_readable(commute_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("--set", str(commute_path), "--samples", "3000", "--seed", "1")
    assert robustness_cmd.run(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("Getting to work — Weighted sum\n3000 samples, seed 1")
    assert "Leader at the current weights: Bicycle" in out
    row = next(line for line in out.splitlines() if line.startswith("[1] Bicycle"))
    numbers = [float(x) for x in row.split()[2:]]
    assert len(numbers) == 3 and sum(numbers) == pytest.approx(100, abs=0.2)
    central_row, time_row = [ln for ln in out.splitlines() if ln.startswith("Door-to-door time")]
    assert int(central_row.split()[-1].rstrip("%")) > 60  # car wins when time dominates
    assert "33 %" in time_row and "0 %–75 %" in time_row and "0 %–45 %" in time_row
    assert "- Car overtakes Bicycle if the weight on Door-to-door time rises" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--samples", "0"), "--samples"),
        (("--weights", "around", "--spread", "1.5"), "--spread"),
    ],
)
def test_bad_arguments_exit_1_with_one_line(
    commute_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    assert robustness_cmd.run(parse("--set", str(commute_path), *argv)) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and captured.err.count("\n") == 1


def test_missing_set_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert robustness_cmd.run(parse("--set", str(tmp_path / "nope"))) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_bundled_set_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "--samples", "2000")
    assert len(doc["rank_acceptability"]) == 5 and len(doc["stability"]) == 10
    np.testing.assert_allclose([sum(r) for r in doc["rank_acceptability"].values()], 1, atol=1e-5)
    assert any("overtakes" in text for text in doc["changes"])


def test_a_profiles_sources_lens_is_analysed(
    bundled_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A profile that switched a source off is analysed on the rescored cells, as in the window."""
    from explorer.core.engine import ScoreMatrix
    from explorer.core.loader import load_decision_set
    from explorer.core.robustness import lens_scores, rank_acceptability

    ds = load_decision_set(bundled_path).decision_set
    off = ds.sources[0].id
    weights = "\n".join(f"  {c}: 1" for c in ds.criterion_ids)
    profile = tmp_path / "lens.yaml"
    profile.write_text(
        f"schema_version: 2\nname: Lens\ndecision_set: {ds.id}\nweights:\n{weights}\n"
        f"source_weights:\n  {off}: 0\n"
    )
    doc = run_json(capsys, "--profile", str(profile), "--samples", "3000", "--scores", "fixed")
    lensed = ScoreMatrix.from_set(ds).with_scores(lens_scores(ds, {off: 0.0}).scores)
    w = np.ones(len(ds.criteria))
    expected = rank_acceptability(lensed, w, samples=3000, seed=0)
    for i, option in enumerate(ds.option_ids):
        assert doc["rank_acceptability"][option] == pytest.approx(
            expected.acceptability[i].tolist(), abs=1e-6
        )
    editorial = rank_acceptability(ScoreMatrix.from_set(ds), w, samples=3000, seed=0)
    assert not np.array_equal(editorial.rank_counts, expected.rank_counts)


def test_the_command_and_the_window_share_their_defaults(
    bundled_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One profile, one answer: the window, slides and PDF sample with Analysis's default
    settings; the command's defaults are the same, so its numbers are the window's."""
    from explorer.core.engine import ScoreMatrix
    from explorer.core.loader import load_decision_set
    from explorer.core.robustness import Analysis

    doc = run_json(capsys, "--set", str(bundled_path))
    ds = load_decision_set(bundled_path).decision_set
    weights = np.full(len(ds.criteria), 1 / len(ds.criteria))
    window = Analysis(ds, ScoreMatrix.from_set(ds), weights).acceptability()
    for i, option in enumerate(ds.option_ids):
        assert doc["rank_acceptability"][option] == pytest.approx(
            window.acceptability[i].tolist(), abs=1e-9
        )
