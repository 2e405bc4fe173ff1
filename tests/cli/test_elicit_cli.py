"""`elicit`, `rank --method promethee` and `methods`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from test_cli import COMMUTE, cli

from explorer.core.elicitation.rank_order import position_weights
from explorer.core.profiles import load_profile


def json_of(*args: str) -> dict:
    done = cli(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("scheme", ["roc", "rank-sum", "reciprocal"])
def test_rank_order_gives_the_schemes_weights(scheme):
    doc = json_of("elicit", "rank-order", "a", "b", "c", "d", "--scheme", scheme)
    np.testing.assert_allclose(
        list(doc["weights"].values()), position_weights(4, scheme), atol=1e-6
    )


def test_rank_order_ties_with_equals():
    doc = json_of("elicit", "rank-order", "a", "b=c", "d")
    assert doc["order"] == [["a"], ["b", "c"], ["d"]]
    assert doc["weights"]["b"] == doc["weights"]["c"]


def test_swing():
    doc = json_of("elicit", "swing", "a=100", "b=60", "c=40")
    assert doc["weights"] == {"a": 0.5, "b": 0.3, "c": 0.2}
    bad = cli("elicit", "swing", "a=90", "b=60")
    assert bad.returncode == 1 and "highest rating here is 90" in bad.stderr


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


JUDGEMENTS = """comparisons:
  - {a: cost, b: time, value: 3}
  - {a: cost, b: health, value: 5}
  - {a: time, b: health, value: 3}
"""


def test_ahp_reports_weights_consistency_and_the_worst_judgement(tmp_path):
    doc = json_of("elicit", "ahp", str(write(tmp_path, "j.yaml", JUDGEMENTS)))
    assert [round(v, 3) for v in doc["weights"].values()] == [0.637, 0.258, 0.105]
    assert doc["consistency_ratio"] == pytest.approx(0.0332, abs=1e-4)
    worst = doc["most_inconsistent"]
    assert {worst["a"], worst["b"]} <= {"cost", "time", "health"}
    assert worst["consistency_ratio_after"] < doc["consistency_ratio"]


def test_ahp_of_several_people_and_a_profile_out(tmp_path):
    other = JUDGEMENTS.replace("value: 3}\n  - {a: cost", "value: 1}\n  - {a: cost", 1)
    files = [str(write(tmp_path, "one.yaml", JUDGEMENTS)), str(write(tmp_path, "two.yaml", other))]
    out = tmp_path / "elicited.yaml"
    done = cli("elicit", "ahp", *files, "--set", str(COMMUTE), "--out", str(out))
    assert done.returncode == 0, done.stderr
    profile = load_profile(out)
    record = profile.elicitation
    assert record.people == 2 and not record.adjusted
    cost_time = next(c for c in record.comparisons if {c.a, c.b} == {"cost", "time"})
    assert cost_time.facing("cost") == pytest.approx(3**0.5, rel=1e-5)
    assert profile.weights == pytest.approx(record.weights, abs=1e-6)
    again = cli("elicit", "ahp", *files, "--set", str(COMMUTE), "--out", str(out))
    assert again.returncode == 1 and "--force" in again.stderr


def test_ahp_file_problems_are_one_line_each_with_file_and_line(tmp_path):
    bad = write(tmp_path, "bad.yaml", "comparisons:\n  - {a: cost, b: time, value: 30}\n")
    done = cli("elicit", "ahp", str(bad))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{bad}:2: comparisons[0].value: 30 is outside Saaty's 1/9 to 9"
    gap = write(
        tmp_path,
        "gap.yaml",
        "comparisons:\n  - {a: a, b: b, value: 2}\n  - {a: c, b: d, value: 2}\n",
    )
    done = cli("elicit", "ahp", str(gap))
    assert done.returncode == 1 and "do not connect" in done.stderr


def test_out_needs_exactly_the_sets_criteria(tmp_path):
    done = cli(
        "elicit",
        "rank-order",
        "cost",
        "time",
        "--set",
        str(COMMUTE),
        "--out",
        str(tmp_path / "p.yaml"),
    )
    assert done.returncode == 1 and "not rated: health" in done.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_order_only_gives_rank_acceptability(tmp_path):
    doc = json_of(
        "elicit",
        "order",
        "cost",
        "time=health",
        "--set",
        str(COMMUTE),
        "--samples",
        "2000",
        "--at-least",
        "health=0.1",
    )
    assert doc["kind"] == "ordinal" and doc["samples"] == 2000
    for row in doc["rank_acceptability"].values():
        assert sum(row) == pytest.approx(1.0, abs=1e-6)
    assert doc["weights"]["cost"] >= doc["weights"]["time"]


def test_rank_with_promethee_reports_the_net_flow():
    doc = json_of("rank", "--set", str(COMMUTE), "--method", "promethee")
    assert doc["method"] == "promethee"
    for item in doc["ranking"]:
        assert item["net_flow"] == pytest.approx(2 * item["score"] - 1, abs=2e-6)
    assert sum(item["net_flow"] for item in doc["ranking"]) == pytest.approx(0.0, abs=1e-5)


def test_methods_side_by_side():
    doc = json_of("methods", "--set", str(COMMUTE), "--samples", "2000")
    assert set(doc["methods"]) == {"wsm", "topsis", "topsis-scale", "promethee"}
    assert isinstance(doc["leader_holds"], bool)
    assert set(doc["expected_rank"]) == set(doc["methods"]["wsm"])
    assert all(-1 <= tau <= 1 for tau in doc["agreement"].values())
    table = cli("methods", "--set", str(COMMUTE), "--samples", "500")
    assert table.returncode == 0 and "Kendall's tau" in table.stdout


def test_an_elicited_profile_briefs_how_its_weights_were_obtained(tmp_path):
    from test_cli_brief import pages_text

    profile = tmp_path / "elicited.yaml"
    judgements = write(tmp_path, "j.yaml", JUDGEMENTS)
    done = cli("elicit", "ahp", str(judgements), "--set", str(COMMUTE), "--out", str(profile))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "brief.pdf"
    done = cli("brief", "--set", str(COMMUTE), "--profile", str(profile), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Weights from pairwise comparisons, consistency ratio 0.03." in pages_text(out)[0]
