"""Unsaved edits to a decision set, autosaved so a crash or kill does not lose them.

The file holds the edited YAML texts of the set's files as they stood after the last edit (not
a diff: restoring one needs nothing but the texts), written atomically after every edit and
removed when the edits are saved or discarded. Reading it back is as guarded as any user file:
bounded, and anything malformed is no recovery rather than an error.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from explorer.core.authoring.set_editor import EditorState
from explorer.core.input_files import FileRefused, read_regular
from explorer.core.profiles.atomic import write_atomic

FILE_NAME = "set-edits-recovery.json"
MAX_BYTES = 64 * 1024 * 1024  # a set is at most 500 files of 2 MiB; more is not ours
FORMAT = 1


@dataclass(frozen=True)
class EditRecovery:
    location: Path
    state: EditorState


def write_edits(file: Path, location: Path, state: EditorState) -> None:
    data = {
        "format": FORMAT,
        "location": str(location),
        "texts": {str(p): text for p, text in state.texts.items()},
        "removed": sorted(str(p) for p in state.removed),
        "renames": [[str(a), str(b)] for a, b in state.renames],
    }
    file.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(file, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def read_edits(file: Path) -> EditRecovery | None:
    try:
        raw = read_regular(file, MAX_BYTES)
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        texts = {Path(k): v for k, v in data["texts"].items() if isinstance(v, str)}
        removed = frozenset(Path(p) for p in data["removed"])
        renames = tuple((Path(a), Path(b)) for a, b in data["renames"])
        location = Path(data["location"])
    except (FileRefused, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return EditRecovery(location, EditorState(texts, removed, renames, {}))


def discard_edits(file: Path) -> None:
    with contextlib.suppress(OSError):
        file.unlink()
