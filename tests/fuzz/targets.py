"""What one fuzz case does, inside the sandboxed worker; every answer is a small dict.

`kind` is "accepted" or "refused" when all is well. Anything else is a finding: "traceback" (an
exception other than the documented refusal), "bad-message" (a refusal not in the one-line
FILE:LINE: field: message form, or the loader's internal-fault note), "wrong-accept" (input taken
that breaks an invariant: a non-finite number, a score off its scale, a profile that does not
survive being written and read back).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from explorer import paths
from explorer.cli.main import main as cli_main
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.fields import ID_PATTERN, MAX_MAGNITUDE
from explorer.core.loader import INTERNAL_ERROR, load_decision_set
from explorer.core.problems import LoadError, one_line
from explorer.core.profiles import (
    ProfileError,
    ShareCodeError,
    decode_share_code,
    load_profile,
    share_code,
    write_profile,
)
from explorer.core.profiles.document import parse_profile_bytes

# the parent makes (and removes) this folder: a killed worker cannot clean up after itself
_ROOT = Path(os.environ.get("FUZZ_TMPDIR") or tempfile.mkdtemp(prefix="fuzz-"))


def _fresh() -> Path:
    """An empty folder per case; the previous case's is removed first."""
    folder = _ROOT / "case"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _messages(exc: LoadError) -> dict[str, Any]:
    lines = [str(p) for p in exc.problems + exc.warnings]
    for problem, line in zip(exc.problems + exc.warnings, lines, strict=True):
        if "\n" in line or "\r" in line or not line.startswith(one_line(problem.file)):
            return {"kind": "bad-message", "detail": line[:500]}
        if INTERNAL_ERROR in line:
            return {"kind": "bad-message", "detail": line[:2000]}
    if not exc.problems:
        return {"kind": "bad-message", "detail": "LoadError without an error"}
    return {"kind": "refused", "detail": lines[0][:300]}


def _finite_json(text: str) -> bool:
    def walk(value: Any) -> bool:
        if isinstance(value, float):
            return math.isfinite(value)
        if isinstance(value, dict):
            return all(walk(v) for v in value.values())
        if isinstance(value, list):
            return all(walk(v) for v in value)
        return True

    return walk(json.loads(text, parse_constant=lambda c: float(c)))


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(args))
    return code, out.getvalue(), err.getvalue()


def _check_set(folder: Path) -> dict[str, Any] | None:
    """Invariants of an accepted set, and the commands a user runs next on it."""
    ds = load_decision_set(folder, search_dirs=[paths.sources_dir()]).decision_set
    for c in ds.criteria:
        if not (math.isfinite(c.scale.min) and math.isfinite(c.scale.max)):
            return {"kind": "wrong-accept", "detail": f"scale of {c.id} not finite"}
        if max(abs(c.scale.min), abs(c.scale.max)) > MAX_MAGNITUDE or c.scale.max <= c.scale.min:
            return {"kind": "wrong-accept", "detail": f"scale of {c.id} out of bounds"}
    for entity in (*ds.criteria, *ds.options, *ds.sources):
        if not ID_PATTERN.match(entity.id):
            return {"kind": "wrong-accept", "detail": f"id {entity.id!r}"}
    for cell in ds.assessments.values():
        crit = next(c for c in ds.criteria if c.id == cell.criterion)
        for value in (cell.score, cell.low, cell.high):
            if value is not None and not crit.scale.min <= value <= crit.scale.max:
                return {"kind": "wrong-accept", "detail": f"{value} off the scale of {crit.id}"}
    problem = ScoreMatrix.from_set(ds)
    for method in Method:
        totals = evaluate(problem, np.ones(len(ds.criteria)), method).totals
        if not np.all(np.isfinite(totals)):
            return {"kind": "wrong-accept", "detail": f"{method} totals {totals}"}
    for args in (
        ("rank", "--format", "json"),
        ("matrix", "--format", "json"),
        ("robustness", "--samples", "200", "--format", "json"),
    ):
        code, out, err = _cli(*args, "--set", str(folder))
        if code != 0 or not _finite_json(out):
            return {"kind": "wrong-accept", "detail": f"{args[0]}: exit {code}: {err[:300]}"}
    return None


def decision_set(payload: dict[str, Any]) -> dict[str, Any]:
    """payload: files {name: bytes}, links {name: target}, fifos [names], dirs [names]."""
    folder = _fresh() / "set"
    folder.mkdir()
    for name, data in payload["files"].items():
        (folder / name).write_bytes(data)
    for name, target in payload.get("links", {}).items():
        (folder / name).unlink(missing_ok=True)
        os.symlink(target, folder / name)
    for name in payload.get("fifos", []):
        (folder / name).unlink(missing_ok=True)
        os.mkfifo(folder / name)
    for name in payload.get("dirs", []):
        (folder / name).unlink(missing_ok=True)
        (folder / name).mkdir()
    try:
        load_decision_set(folder, search_dirs=[paths.sources_dir()])
    except LoadError as exc:
        code, _, err = _cli("validate", "--set", str(folder))
        if code != 1 or "Traceback" in err:
            return {"kind": "traceback", "detail": f"validate exit {code}: {err[-1500:]}"}
        return _messages(exc)
    unreadable = [*payload.get("fifos", []), *payload.get("dirs", [])] + [
        name for name, target in payload.get("links", {}).items() if not (folder / target).is_file()
    ]
    if any(name.endswith(".yaml") for name in unreadable):  # skipped: a set one file short
        return {"kind": "wrong-accept", "detail": f"loaded without {unreadable}"}
    return _check_set(folder) or {"kind": "accepted", "detail": ""}


def _round_trip(profile: Any, where: Path) -> dict[str, Any] | None:
    """An accepted profile must be writable as a file that reads back as the same profile,
    or be refused on writing (never written); its weights must be usable numbers."""
    values = [*profile.weights.values(), *(profile.source_weights or {}).values()]
    if not all(math.isfinite(v) and v >= 0 for v in values) or not math.isfinite(sum(values)):
        return {"kind": "wrong-accept", "detail": f"weights {values[:5]}"}
    target = where / "out.yaml"
    try:
        write_profile(target, profile)
    except ProfileError:
        if target.exists():
            return {"kind": "wrong-accept", "detail": "refused to write but wrote"}
        return None
    try:
        back = load_profile(target)
    except LoadError as exc:
        return {"kind": "wrong-accept", "detail": f"wrote an unreadable profile: {exc}"[:500]}
    if back != profile:
        return {"kind": "wrong-accept", "detail": "profile changed on a write and read"}
    again = decode_share_code(share_code(back))
    if again != back:
        return {"kind": "wrong-accept", "detail": "profile changed through a share code"}
    return None


def profile(payload: bytes) -> dict[str, Any]:
    try:
        parsed = parse_profile_bytes(payload, "p.yaml")
    except LoadError as exc:
        return _messages(exc)
    return _round_trip(parsed, _fresh()) or {"kind": "accepted", "detail": ""}


def code(payload: str) -> dict[str, Any]:
    where = _fresh()
    out = where / "decoded.yaml"
    try:
        decoded = decode_share_code(payload)
    except ShareCodeError as exc:
        text = str(exc)
        if "\n" in text:
            return {"kind": "bad-message", "detail": text[:500]}
        decoded = None
    except LoadError as exc:
        answer = _messages(exc)
        if answer["kind"] != "refused":
            return answer
        decoded = None
    # "--": a pasted code that begins with "-" is still the code, not an option
    cli_code, _, err = _cli("profile", "decode", "--out", str(out), "--", payload)
    if decoded is None:
        if cli_code != 1 or out.exists() or "Traceback" in err:
            return {"kind": "wrong-accept", "detail": f"decode --out exit {cli_code}: {err[:300]}"}
        return {"kind": "refused", "detail": ""}
    if cli_code != 0 or load_profile(out) != decoded:
        return {"kind": "wrong-accept", "detail": f"decode --out exit {cli_code}: {err[:300]}"}
    return _round_trip(decoded, where) or {"kind": "accepted", "detail": ""}


def memory_probe(megabytes: int) -> dict[str, Any]:
    """Proves the cap works: allocating past it must come back as "memory"."""
    block = bytearray(megabytes * 1024 * 1024)
    return {"kind": "accepted", "detail": str(len(block))}


def sleep_probe(seconds: float) -> dict[str, Any]:
    """Proves the time limit works."""
    import time

    time.sleep(seconds)
    return {"kind": "accepted", "detail": ""}
