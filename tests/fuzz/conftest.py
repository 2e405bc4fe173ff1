"""Fuzzing settings: a bounded, reproducible run in every `make test`; `make fuzz` goes long.

FUZZ_EXAMPLES sets the examples per input class (default 150, derandomized so CI is stable);
`make fuzz` runs 2,000 per class with fresh random seeds. Each case runs in a sandboxed worker
(sandbox.py) under a memory cap (FUZZ_MEMORY_MB, default 1024) and a time limit
(FUZZ_CASE_SECONDS, default 10); outcomes per class are written to tests/output/fuzz-stats.json.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sandbox import Sandbox

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
LONG = os.environ.get("FUZZ_LONG") == "1"
STATS: dict[str, dict[str, int]] = {}
OUTPUT = Path(__file__).resolve().parents[1] / "output"

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,  # the sandbox's per-case limit is the real one; IPC time varies
    derandomize=not LONG,
    database=None if not LONG else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)


@pytest.fixture(scope="session")
def sandbox():
    box = Sandbox()
    yield box
    box.close()
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "fuzz-stats.json").write_text(json.dumps(STATS, indent=2, sort_keys=True))
