"""The headless subcommands, run exactly as a user or a pipeline would: `python -m explorer ...`."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set

ROOT = Path(__file__).resolve().parents[2]
COMMUTE = ROOT / "tests" / "fixtures" / "commute"
BUNDLED = ROOT / "options" / "iraq-troop-posture"
RANK_KEYS = {"decision_set", "method", "weights", "ranking"}
ITEM_KEYS = {"rank", "option", "name", "score", "contributions"}


def cli(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m explorer ARGS` as a user would (test_cli_brief.py uses it too)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def profile(tmp_path: Path, weights: str, set_id: str = "commute", extra: str = "") -> Path:
    path = tmp_path / "profile.yaml"
    head = f"schema_version: 1\nname: Test profile\ndecision_set: {set_id}\n"
    path.write_text(f"{head}{extra}weights: {weights}\n")
    return path


def rank_json(*args: str, cwd: Path = ROOT) -> dict:
    done = cli("rank", "--set", str(COMMUTE), "--format", "json", *args, cwd=cwd)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == RANK_KEYS
    for item in doc["ranking"]:
        assert set(item) >= ITEM_KEYS
        assert sum(item["contributions"].values()) == pytest.approx(item["score"], abs=1e-5)
    assert sum(doc["weights"].values()) == pytest.approx(1.0, abs=1e-5)
    return doc


def expected_totals(weights: list[float], method: Method) -> dict[str, float]:
    ds = load_decision_set(COMMUTE).decision_set
    res = evaluate(ScoreMatrix.from_set(ds), np.array(weights), method)
    return {o: float(t) for o, t in zip(ds.option_ids, res.totals, strict=True)}


# --- validate --------------------------------------------------------------------------------


def test_validate_commute():
    done = cli("validate", str(COMMUTE))
    assert done.returncode == 0
    assert (
        done.stdout
        == "OK: commute — 3 options × 3 criteria, 9 quotes from 1 sources, 0 warning(s)\n"
    )
    assert done.stderr == ""
    assert cli("validate", "--set", str(COMMUTE), "--strict").stdout == done.stdout


def test_validate_broken_copy_lists_every_problem(tmp_path):
    folder = tmp_path / "commute"
    shutil.copytree(COMMUTE, folder)
    bike = folder / "bike.yaml"
    bike.write_text(bike.read_text().replace("    score: 5\n", "    score: 12\n", 1))
    car = folder / "car.yaml"
    car.write_text(car.read_text().replace("name: Car", "name: Car: fast"))
    done = cli("validate", "commute", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 3
    assert lines[0] == "commute/bike.yaml:15: assessments.time.score: 12 is outside 0–10"
    # libyaml and pure-Python PyYAML word this differently; file, line and kind are what count
    assert lines[1].startswith("commute/car.yaml:2: YAML syntax error: mapping values are not")
    assert lines[2] == "2 problem(s) in commute"


def test_validate_misquote_warns_unless_strict(tmp_path):
    folder = tmp_path / "commute"
    shutil.copytree(COMMUTE, folder)
    bike = folder / "bike.yaml"
    bike.write_text(bike.read_text().replace("almost nothing", "absolutely nothing"))
    loose = cli("validate", "commute", cwd=tmp_path)
    assert loose.returncode == 0
    assert loose.stdout.endswith(", 1 warning(s)\n")
    line = "commute/bike.yaml:13: assessments.cost.evidence[0].quote: "
    assert loose.stderr.startswith(line + "warning: quote not found verbatim in source 'note'")
    strict = cli("validate", "commute", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stderr.startswith(line + "quote not found verbatim")
    assert strict.stderr.splitlines()[-1] == "1 problem(s) in commute"


def test_validate_missing_path(tmp_path):
    done = cli("validate", "nowhere", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "nowhere: no such file or folder",
        "1 problem(s) in nowhere",
    ]


def test_validate_bundled_set():
    done = cli("validate")  # no path: the bundled set, held to the strict rules
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: iraq-troop-posture — ")
    assert cli("validate", str(BUNDLED)).stdout == done.stdout


# --- rank ------------------------------------------------------------------------------------


def test_rank_json_equal_weights():
    doc = rank_json()
    assert doc["decision_set"] == "commute" and doc["method"] == "wsm"
    assert doc["weights"] == {"cost": 0.333333, "time": 0.333333, "health": 0.333333}
    assert [(i["rank"], i["option"], i["name"]) for i in doc["ranking"]] == [
        (1, "bike", "Bicycle"),
        (2, "bus", "Bus"),
        (3, "car", "Car"),
    ]
    assert [i["score"] for i in doc["ranking"]] == [0.8, 0.433333, 0.3]
    assert doc["ranking"][0]["contributions"] == {"cost": 0.3, "time": 0.166667, "health": 0.333333}


def test_rank_json_with_profile(tmp_path):
    path = profile(tmp_path, "{cost: 0, time: 4, health: 1}")
    doc = rank_json("--profile", str(path))
    assert doc["weights"] == {"cost": 0.0, "time": 0.8, "health": 0.2}
    expected = expected_totals([0, 4, 1], Method.WSM)
    assert [i["option"] for i in doc["ranking"]] == ["car", "bike", "bus"]
    for item in doc["ranking"]:
        assert item["score"] == pytest.approx(expected[item["option"]], abs=1e-6)
        assert item["contributions"]["cost"] == 0.0


def test_rank_topsis(tmp_path):
    doc = rank_json("--method", "topsis")
    assert doc["method"] == "topsis"
    expected = expected_totals([1, 1, 1], Method.TOPSIS)
    assert {i["option"]: i["score"] for i in doc["ranking"]} == pytest.approx(expected, abs=1e-6)
    scores = [i["score"] for i in doc["ranking"]]
    assert scores == sorted(scores, reverse=True)


def test_rank_method_comes_from_the_profile_unless_given(tmp_path):
    path = profile(tmp_path, "{cost: 1, time: 1, health: 1}", extra="method: topsis\n")
    assert rank_json("--profile", str(path))["method"] == "topsis"
    assert rank_json("--profile", str(path), "--method", "wsm")["method"] == "wsm"


def test_rank_table():
    done = cli("rank", "--set", str(COMMUTE))
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines() == [
        "Getting to work — Weighted sum",
        "  1  Bicycle  0.800",
        "  2  Bus      0.433",
        "  3  Car      0.300",
    ]


def test_rank_table_marks_ties(tmp_path):
    path = profile(tmp_path, "{cost: 0, time: 0, health: 0}")
    done = cli("rank", "--set", str(COMMUTE), "--profile", str(path))
    assert done.returncode == 0
    assert done.stderr == "warning: all weights are zero; every option ties\n"
    assert [line.split()[0] for line in done.stdout.splitlines()[1:]] == ["1=", "1=", "1="]


def test_rank_csv(tmp_path):
    for extra in ([], ["--profile", str(profile(tmp_path, "{cost: 1, time: 0, health: 0}"))]):
        done = cli("rank", "--set", str(COMMUTE), "--format", "csv", *extra)
        assert done.returncode == 0
        rows = list(csv.reader(io.StringIO(done.stdout)))
        assert rows[0] == ["rank", "option", "name", "score", "cost", "time", "health"]
        assert len(rows) == 4
        for row in rows[1:]:
            assert float(row[3]) == pytest.approx(sum(map(float, row[4:])), abs=1e-5)
    assert [r[1] for r in rows[1:]] == ["bike", "bus", "car"]  # cheapest first
    assert [r[4:] for r in rows[1:]] == [
        ["0.9", "0.0", "0.0"],
        ["0.6", "0.0", "0.0"],
        ["0.1", "0.0", "0.0"],
    ]


def test_profile_for_another_set_is_refused(tmp_path):
    path = profile(tmp_path, "{cost: 1}", set_id="iraq-troop-posture")
    done = cli("rank", "--set", str(COMMUTE), "--profile", "profile.yaml", cwd=tmp_path)
    assert path.is_file()
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "profile.yaml: decision_set: profile is for decision set 'iraq-troop-posture', "
        "not 'commute'\n"
    )


def test_profile_with_unknown_criterion_is_reported(tmp_path):
    profile(tmp_path, "{cost: 1, time: 1, health: 1, comfort: 5}")
    done = cli(
        "rank", "--set", str(COMMUTE), "--profile", "profile.yaml", "--format", "json", cwd=tmp_path
    )
    assert done.returncode == 0
    assert done.stderr == "profile.yaml: weights.comfort: warning: unknown criterion, ignored\n"
    assert json.loads(done.stdout)["weights"] == {
        "cost": 0.333333,
        "time": 0.333333,
        "health": 0.333333,
    }


def test_profile_missing_a_criterion_is_reported(tmp_path):
    profile(tmp_path, "{cost: 1, time: 1}")
    done = cli("rank", "--set", str(COMMUTE), "--profile", "profile.yaml", cwd=tmp_path)
    assert done.returncode == 0
    assert (
        done.stderr
        == "profile.yaml: weights.health: warning: missing from the profile; weighted 0\n"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "weights.time: -1 is negative; weights must be >= 0"),
        (".nan", "weights.time: must be a finite number, not nan"),
        (".inf", "weights.time: must be a finite number, not inf"),
        ("lots", "weights.time: must be a number, not text ('lots')"),
    ],
)
def test_bad_weights_are_refused(tmp_path, value, message):
    profile(tmp_path, f"{{cost: 1, time: {value}, health: 1}}")
    done = cli("rank", "--set", str(COMMUTE), "--profile", "profile.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"profile.yaml:4: {message}\n"


def test_rank_broken_set_fails_cleanly(tmp_path):
    folder = tmp_path / "commute"
    shutil.copytree(COMMUTE, folder)
    (folder / "bus.yaml").write_text("- not a mapping\n")
    done = cli("rank", "--set", "commute", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines()[0] == (
        "commute/bus.yaml:1: the top level must be a mapping (key: value)"
    )


# --- matrix and evidence -----------------------------------------------------------------------


def test_matrix_json():
    done = cli("matrix", "--set", str(COMMUTE), "--format", "json")
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    assert set(doc) == {"options", "criteria", "scores", "low", "high"}
    assert doc["options"] == ["bike", "bus", "car"]
    assert doc["criteria"] == [
        {"id": "cost", "direction": "lower_is_better", "min": 0, "max": 10},
        {"id": "time", "direction": "lower_is_better", "min": 0, "max": 10},
        {"id": "health", "direction": "higher_is_better", "min": 0, "max": 5},
    ]
    # rows in file order; bus/health is unassessed: scale midpoint, whole scale as its range
    assert doc["scores"] == [[1, 5, 5], [4, 8, 2.5], [9, 2, 0]]
    assert doc["low"] == [[0, 4, 4], [3, 6, 0], [8, 1, 0]]
    assert doc["high"] == [[2, 7, 5], [5, 9, 5], [10, 4, 1]]


def test_matrix_csv():
    done = cli("matrix", "--set", str(COMMUTE), "--format", "csv")
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["option", "criterion", "score", "low", "high"]
    assert rows[1:3] == [
        ["bike", "cost", "1.0", "0.0", "2.0"],
        ["bike", "time", "5.0", "4.0", "7.0"],
    ]
    assert len(rows) == 10


def test_evidence_json():
    done = cli("evidence", "--set", str(COMMUTE), "--format", "json")
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    assert set(doc) == {"sources", "evidence"}
    assert doc["sources"] == [
        {"id": "note", "title": "Commuting note", "origin": "commute-note.txt"}
    ]
    assert len(doc["evidence"]) == 9
    assert doc["evidence"][0] == {
        "option": "bike",
        "criterion": "cost",
        "source": "note",
        "quote": "Cycling costs almost nothing once you own a bike",
        "stance": "supports",
        "score": 1,
        "verified": True,
    }
    contradicting = [e for e in doc["evidence"] if e["stance"] == "contradicts"]
    assert [(e["option"], e["criterion"], e["score"]) for e in contradicting] == [
        ("bus", "time", 6),
        ("car", "health", None),
    ]
    assert [(e["option"], e["criterion"]) for e in doc["evidence"]] == sorted(
        [(e["option"], e["criterion"]) for e in doc["evidence"]],
        key=lambda oc: (
            ["bike", "bus", "car"].index(oc[0]),
            ["cost", "time", "health"].index(oc[1]),
        ),
    )


def test_evidence_csv():
    done = cli("evidence", "--set", str(COMMUTE), "--format", "csv")
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["option", "criterion", "source", "quote", "stance", "score", "verified"]
    assert len(rows) == 10
    assert (
        rows[6][3]
        == 'Some riders say the bus is "reliable enough" - others call it the slowest way in.'
    )
