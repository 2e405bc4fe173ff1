"""Real processes: a writer killed mid-save never leaves a torn file; rival savers never corrupt it.

The children are separate Python processes (not threads), killed with SIGKILL, so nothing in
this process (no lock object, no cache) can paper over a real failure.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.core.profiles import ENV_VAR, ProfileLibrary, load_profile, parse_profile

ROOT = Path(__file__).resolve().parents[2]
BIG = 60_000  # a long rationale makes each write take long enough to be interrupted
TEXT = """schema_version: 2
name: Shared
decision_set: commute
weights: {cost: 1, time: 1, health: 1}
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

SAVE_FOREVER = """
import itertools, sys
from dataclasses import replace
from pathlib import Path
from explorer.core.profiles import ProfileLibrary
lib = ProfileLibrary(Path(sys.argv[1]))
base = lib.load("Shared")
versions = [replace(base, description=c * int(sys.argv[2]), author=c) for c in "AB"]
print("ready", flush=True)
for i in itertools.count():
    lib.save(versions[i % 2], force=True)
"""

# Dies by SIGKILL at a random step (Python or C call) inside the file-system part of a save:
# mid-write, between write and fsync, between backup and rename, before the folder fsync...
KILLED_INSIDE_A_SAVE = """
import os, random, signal, sys
from dataclasses import replace
from pathlib import Path
from explorer.core.profiles import ProfileLibrary, store
lib = ProfileLibrary(Path(sys.argv[1]))
rng = random.Random(int(sys.argv[3]))
base = lib.load("Shared")
old, new = (replace(base, description=c * int(sys.argv[2]), author=c) for c in sys.argv[4])
real = store.write_atomic
state = {"count": 0, "target": None}
def tick(frame, event, arg):
    state["count"] += 1
    if state["target"] is not None and state["count"] >= state["target"]:
        os.kill(os.getpid(), signal.SIGKILL)
def traced(*args, **kwargs):
    state["count"] = 0
    sys.setprofile(tick)
    try:
        return real(*args, **kwargs)
    finally:
        sys.setprofile(None)
store.write_atomic = traced
lib.save(old, force=True)
state["target"] = rng.randint(1, state["count"])
print("ready", state["count"], state["target"], flush=True)
lib.save(new, force=True)
print("survived", flush=True)
"""

SAVE_ONCE_AFTER_GO = """
import sys, time
from dataclasses import replace
from pathlib import Path
from explorer.core.profiles import ProfileConflictError, ProfileLibrary
lib = ProfileLibrary(Path(sys.argv[1]))
mine = replace(lib.load("Shared"), author=sys.argv[2])
print("loaded", flush=True)
while not Path(sys.argv[3]).exists():
    time.sleep(0.001)
try:
    lib.save(mine)
except ProfileConflictError as exc:
    print("conflict", exc, flush=True)
else:
    print("saved", flush=True)
"""

SAVE_MANY = """
import sys
from dataclasses import replace
from pathlib import Path
from explorer.core.profiles import ProfileLibrary
lib = ProfileLibrary(Path(sys.argv[1]))
for i in range(int(sys.argv[3])):
    lib.save(replace(lib.load("Shared"), author=f"{sys.argv[2]}{i}"), force=True)
print("done", flush=True)
"""


@pytest.fixture(autouse=True)
def _no_shared_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(child: subprocess.Popen[str], timeout: float = 60) -> tuple[str, str]:
    out, err = child.communicate(timeout=timeout)
    return out, err


def test_a_save_killed_at_any_step_leaves_the_old_or_the_new_file(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    library.save(parse_profile(TEXT))
    rng = random.Random(20250131)
    deadline = time.monotonic() + 120
    outcomes: set[str] = set()
    targets: set[int] = set()
    iterations = 0
    while iterations < 30 and time.monotonic() < deadline:
        old, new = rng.choice(["AB", "BA"])
        seed = str(rng.randrange(1 << 30))
        child = _spawn(KILLED_INSIDE_A_SAVE, str(library.root), str(BIG), seed, old + new)
        out, err = _finish(child)
        assert out.startswith("ready"), err
        targets.add(int(out.split()[2]))
        if child.returncode == 0:
            assert out.endswith("survived\n")
        else:
            assert child.returncode == -signal.SIGKILL, err
        current = load_profile(library.root / "shared.yaml")
        assert current.author in {old, new}
        assert current.description == current.author * BIG
        if (library.root / "shared.yaml.bak").exists():
            backup = load_profile(library.root / "shared.yaml.bak")
            assert backup.description == backup.author * BIG or backup.author == ""
        outcomes.add("new" if current.author == new else "old")
        iterations += 1
    assert iterations >= 10
    assert len(targets) > 5  # really different steps, not the same one again and again
    assert outcomes == {"old", "new"}  # died both before and after the rename
    assert [i.name for i in library.list_profiles()] == ["Shared"]  # leftovers stay hidden


def test_a_writer_killed_from_outside_at_random_times_never_tears_the_file(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    library.save(parse_profile(TEXT))
    rng = random.Random(7)
    deadline = time.monotonic() + 60
    iterations = 0
    while iterations < 10 and time.monotonic() < deadline:
        child = _spawn(SAVE_FOREVER, str(library.root), str(BIG))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr
        time.sleep(rng.uniform(0.0, 0.04))
        child.send_signal(signal.SIGKILL)
        _finish(child)
        assert child.returncode == -signal.SIGKILL
        current = load_profile(library.root / "shared.yaml")
        assert current.author in {"", "A", "B"}
        assert current.description == current.author * BIG or not current.author
        iterations += 1
    assert iterations >= 5
    assert all(p.name.startswith(".") for p in library.root.iterdir() if p.suffix == ".tmp")


def test_two_processes_saving_the_same_loaded_profile_one_gets_a_conflict(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    for round_ in range(3):
        library.save(parse_profile(TEXT), force=True)
        go = tmp_path / f"go{round_}"
        children = [_spawn(SAVE_ONCE_AFTER_GO, str(library.root), who, str(go)) for who in "XY"]
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "loaded", child.stderr
        go.touch()
        outcomes = {}
        for who, child in zip("XY", children, strict=True):
            out, err = _finish(child)
            assert child.returncode == 0, err
            outcomes[who] = out.strip()
        winners = [w for w, o in outcomes.items() if o == "saved"]
        losers = [w for w, o in outcomes.items() if o.startswith("conflict")]
        assert len(winners) == 1 and len(losers) == 1, outcomes
        assert "changed after you opened it (saved by " in outcomes[losers[0]]
        assert library.load("Shared").author == winners[0]  # the loser changed nothing


def test_two_processes_forcing_saves_interleave_without_corruption(tmp_path):
    library = ProfileLibrary(tmp_path / "lib")
    library.save(parse_profile(TEXT))
    children = [_spawn(SAVE_MANY, str(library.root), who, "40") for who in "XY"]
    reads = 0
    while any(child.poll() is None for child in children):
        assert load_profile(library.root / "shared.yaml").name == "Shared"
        reads += 1
    for child in children:
        out, err = _finish(child)
        assert (child.returncode, out.strip()) == (0, "done"), err
    final = library.load("Shared")
    assert final.author in {"X39", "Y39"}  # last writer wins
    assert replace(final, author="") == replace(
        parse_profile(TEXT), created=final.created, modified=final.modified
    )
    assert reads > 0
