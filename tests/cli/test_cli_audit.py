"""`policy-explorer audit`, run as a user would, on the hand-worked set (tests/core/test_audit.py
shows the arithmetic behind every expected number here)."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import cli

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "audit-small"


def audit_json(*args: str) -> dict:
    done = cli("audit", "--set", str(SMALL), "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_has_the_issue_keys_with_the_hand_worked_numbers() -> None:
    doc = audit_json()
    assert {"cells", "options", "leave_one_out", "implied_ranking", "ranking"} <= set(doc)
    first = doc["cells"][0]
    assert {"option", "criterion", "score", "implied", "gap", "sources", "unopposed"} <= set(first)
    assert first == first | {
        "option": "extend",
        "criterion": "gain",
        "score": 8,
        "implied": 5.0,  # (8 + 2) / 2
        "gap": -3.0,
        "sources": ["p", "q"],
        "unopposed": False,
    }
    stop_harm = doc["cells"][-1]
    assert (stop_harm["implied"], stop_harm["gap"], stop_harm["sources"]) == (None, None, ["q"])
    assert doc["options"][1] == {
        "option": "yield",
        "by_source": {"p": 0, "q": 2, "r": 2},
        "supports": 4,
        "contradicts": 0,
    }
    assert doc["ranking"] == ["extend", "yield", "stop"]
    assert doc["implied_ranking"] == ["yield", "extend", "stop"]
    assert [(o["source"], o["leader"], o["ranking"]) for o in doc["leave_one_out"]] == [
        ("p", "yield", ["yield", "extend", "stop"]),
        ("q", "extend", ["extend", "yield", "stop"]),
        ("r", "extend", ["extend", "yield", "stop"]),
    ]
    assert doc["headline"] == (
        "Extend leads; rescored from the evidence, Yield leads; without “Paper P”, Yield leads."
    )
    assert [q["quote"] for q in doc["shared_quotes"]] == [
        "The gains claimed for it are overstated."
    ]


def test_profile_weights_and_credibility_are_audited(tmp_path: Path) -> None:
    # all weight on harm, Q at half trust: yield harm (0.5·4 + 3) / 1.5 = 3.33 (gap −0.67);
    # extend still leads everywhere (harm 2), so there is no headline
    profile = tmp_path / "harm.yaml"
    profile.write_text(
        "schema_version: 2\nname: Harm only\ndecision_set: audit-small\nmethod: wsm\n"
        "weights: {gain: 0, harm: 1}\nsource_weights: {q: 0.5}\n"
    )
    doc = audit_json("--profile", str(profile))
    assert doc["weights"] == {"gain": 0.0, "harm": 1.0}
    assert doc["credibility"] == {"p": 1.0, "q": 0.5, "r": 1.0}
    yield_harm = next(c for c in doc["cells"] if (c["option"], c["criterion"]) == ("yield", "harm"))
    assert yield_harm["implied"] == round(10 / 3, 6)
    assert doc["headline"] is None


def test_table_says_the_headline_and_flags_the_cells() -> None:
    done = cli("audit", "--set", str(SMALL))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == (
        "Extend leads; rescored from the evidence, Yield leads; without “Paper P”, Yield leads."
    )
    assert "! without S1: Yield, Extend, Stop" in lines
    stop_harm = next(line for line in lines if line.startswith("  Stop    Harm"))
    assert stop_harm.split()[2:5] == ["5", "—", "—"]
    assert "no implied score, single source" in stop_harm
    assert (
        "3 of 6 scored cells have no contradicting evidence; 2 rest on a single source; "
        "1 quote is used in more than 2 cells."
    ) in lines


def test_bad_set_is_one_clear_line(tmp_path: Path) -> None:
    done = cli("audit", "--set", str(tmp_path / "missing"))
    assert done.returncode == 1
    assert "no such file or folder" in done.stderr
