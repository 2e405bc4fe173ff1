"""`policy-explorer profile ...` run as a user would, in a subprocess, on a temporary library."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import __version__
from explorer.core.profiles import ENV_VAR, load_profile

ROOT = Path(__file__).resolve().parents[2]
COMMUTE = ROOT / "tests" / "fixtures" / "commute"
STARTERS = ROOT / "options" / "iraq-troop-posture" / "profiles"
V1 = """schema_version: 1
name: Cheap first
decision_set: commute
weights: {cost: 3, time: 1, health: 1}
later_feature: kept
"""


def _entry() -> list[str]:
    """The real `python -m explorer profile` once main.py wires it in; the module until then."""
    from explorer.cli.main import build_parser

    with contextlib.redirect_stderr(io.StringIO()):
        try:
            build_parser().parse_args(["profile", "list"])
        except SystemExit:
            return ["-m", "explorer.cli.profile_cmd"]
    return ["-m", "explorer", "profile"]


ENTRY = _entry()


@pytest.fixture
def run(tmp_path: Path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        ENV_VAR: str(tmp_path / "lib"),
    }

    def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, *ENTRY, *args],
            cwd=tmp_path,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    return cli


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def _fails(done: subprocess.CompletedProcess[str], message: str) -> None:
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert message in lines[0], lines[0]


def test_import_list_export_round_trip(run, tmp_path):
    (tmp_path / "theirs.yaml").write_text(V1)
    assert "0 profile(s) in" in _ok(run("list"))
    assert _ok(run("import", "theirs.yaml")) == "imported 'Cheap first' as lib/cheap-first.yaml\n"
    table = _ok(run("list")).splitlines()
    assert table[1].split() == ["NAME", "AUTHOR", "MODIFIED", "DECISION_SET", "FILE"]
    assert table[2].startswith("Cheap first") and "commute" in table[2]
    doc = json.loads(_ok(run("list", "--format", "json")))
    assert doc["library"] == str(tmp_path / "lib")
    assert [p["name"] for p in doc["profiles"]] == ["Cheap first"]
    assert _ok(run("list", "--filter", "nothing")).startswith("0 profile(s)")
    _ok(run("export", "Cheap first", "out.yaml"))
    exported = load_profile(tmp_path / "out.yaml")
    assert exported.extra == {"later_feature": "kept"} and exported.read_version == 2
    assert (tmp_path / "out.yaml").read_bytes() == (
        tmp_path / "lib" / "cheap-first.yaml"
    ).read_bytes()


def test_code_and_decode_round_trip_byte_for_byte(run, tmp_path):
    source = STARTERS / "sovereignty-first.yaml"
    code = _ok(run("code", str(source))).strip()
    assert code.startswith("PX2-") and "\n" not in code
    _ok(run("decode", code, "--out", "back.yaml"))
    back = (tmp_path / "back.yaml").read_text(encoding="utf-8")
    # the one line a write adds: the version of the app that wrote the file
    stamp = f"app_version: {__version__}\n"
    assert stamp in back
    assert back.replace(stamp, "").encode("utf-8") == source.read_bytes()
    back_bytes = back.encode("utf-8")
    # pasted with line breaks, through stdin, or split into several arguments
    wrapped = "\n".join(code[i : i + 50] for i in range(0, len(code), 50))
    _ok(run("decode", "-", "--out", "stdin.yaml", stdin=wrapped + "\n"))
    _ok(run("decode", *wrapped.split("\n"), "--out", "args.yaml"))
    assert (
        (tmp_path / "stdin.yaml").read_bytes()
        == (tmp_path / "args.yaml").read_bytes()
        == back_bytes
    )
    # a library profile can be coded by name (importing stamped a new modified time)
    _ok(run("import", str(source)))
    by_name = _ok(run("code", "Sovereignty first")).strip()
    _ok(run("decode", by_name, "--out", "by-name.yaml"))
    assert load_profile(tmp_path / "by-name.yaml") == load_profile(
        tmp_path / "lib" / "sovereignty-first.yaml"
    )


def test_decode_refuses_to_overwrite_unless_forced(run, tmp_path):
    code = _ok(run("code", str(STARTERS / "balanced.yaml"))).strip()
    (tmp_path / "mine.yaml").write_text(V1)
    _fails(run("decode", code, "--out", "mine.yaml"), "mine.yaml already exists; add --force")
    assert (tmp_path / "mine.yaml").read_text() == V1
    _ok(run("decode", code, "--out", "mine.yaml", "--force"))
    assert load_profile(tmp_path / "mine.yaml").name == "Balanced"
    assert (tmp_path / "mine.yaml.bak").read_text() == V1


def test_a_damaged_code_is_one_clear_line_and_writes_nothing(run, tmp_path):
    code = _ok(run("code", str(STARTERS / "balanced.yaml"))).strip()
    flipped = code[:30] + ("A" if code[30] != "A" else "B") + code[31:]
    _fails(run("decode", flipped, "--out", "x.yaml"), "checksum does not match")
    _fails(run("decode", "hello", "--out", "x.yaml"), "not a profile share code")
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: [broken\n", "bad.yaml:2: YAML syntax error"),
        (V1.replace("cost: 3", "cost: -3"), "bad.yaml:4: weights.cost: -3 is negative"),
        (
            V1.replace("later_feature: kept", "x: !!python/name:os.system"),
            "bad.yaml:5: x: tag !!python/name:os.system is not allowed",
        ),
        (V1.replace("schema_version: 1", "schema_version: 9"), "newer than this app reads"),
    ],
)
def test_importing_a_bad_file_names_file_and_line_and_changes_nothing(run, tmp_path, text, message):
    (tmp_path / "bad.yaml").write_text(text)
    _fails(run("import", "bad.yaml"), message)
    assert not (tmp_path / "lib").exists() or not list((tmp_path / "lib").glob("*.yaml"))


def test_import_collisions_names_and_set_checks(run, tmp_path):
    (tmp_path / "theirs.yaml").write_text(V1.replace("health: 1", "comfort: 2"))
    _ok(run("import", "theirs.yaml"))
    _fails(run("import", "theirs.yaml"), "already saved as lib/cheap-first.yaml; add --force")
    done = run("import", "theirs.yaml", "--name", "Theirs", "--set", str(COMMUTE))
    assert _ok(done) == "imported 'Theirs' as lib/theirs.yaml\n"
    assert done.stderr.splitlines() == [
        "theirs.yaml: weights.comfort: warning: unknown criterion, ignored",
        "theirs.yaml: weights.health: warning: missing from the profile; weighted 0",
    ]
    _fails(
        run("import", str(STARTERS / "balanced.yaml"), "--set", str(COMMUTE)),
        "profile is for decision set 'iraq-troop-posture', not 'commute'",
    )
    _fails(run("export", "Nobody", "x.yaml"), "no profile named 'Nobody'")
    _fails(run("code", "missing.yaml"), "missing.yaml: no such file, nor a profile of that name")


def test_delete_and_restore(run, tmp_path):
    (tmp_path / "theirs.yaml").write_text(V1)
    _ok(run("import", "theirs.yaml"))
    assert "moved 'Cheap first' to the trash" in _ok(run("delete", "cheap first"))
    assert _ok(run("list")).startswith("0 profile(s)")
    assert "Cheap first" in _ok(run("list", "--trash"))
    assert _ok(run("restore")) == "restored 'Cheap first' as lib/cheap-first.yaml\n"
    _fails(run("restore"), "the trash is empty")


def test_compare_starter_profiles(run):
    files = [str(STARTERS / f"{n}.yaml") for n in ("balanced", "force-protection-first")]
    doc = json.loads(_ok(run("compare", *files, "--format", "json")))
    assert doc["profiles"] == ["Balanced", "Force protection first"]
    assert doc["rankings"]["Balanced"][0] == "phased_withdrawal"
    assert doc["rankings"]["Force protection first"][0] == "complete_withdrawal"
    moved = {c["option"]: (c["from"], c["to"]) for c in doc["rank_changes"]}
    assert moved["complete_withdrawal"] == (3, 1)
    first_driver = next(iter(doc["rank_changes"][0]["passed"][0]["drivers"]))
    assert first_driver == "personnel_risk"
    assert [r["option"] for r in doc["group"]["ranking"]][-1] == "status_quo"
    table = _ok(run("compare", *files))
    assert "Complete withdrawal: 3 → 1" in table and "Group (mean of normalised weights" in table
    # each driver's weight change, worded as the window's Compare view words it
    assert re.search(
        r"Risk to U.S. personnel [+−-]\d\.\d{3} \(weight \d+(\.\d)? % → \d+(\.\d)? %\)", table
    )


def test_rank_accepts_v1_and_v2_profiles(run, tmp_path):
    (tmp_path / "v1.yaml").write_text(V1)
    _ok(run("decode", _ok(run("code", "v1.yaml")).strip(), "--out", "v2.yaml"))
    assert load_profile(tmp_path / "v2.yaml").read_version == 2
    outputs = []
    for name in ("v1.yaml", "v2.yaml"):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "explorer",
                "rank",
                "--set",
                str(COMMUTE),
                "--profile",
                name,
                "--format",
                "json",
            ],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
