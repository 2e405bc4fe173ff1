"""The autosaved working weighting, kept so a crash or kill loses at most a few seconds.

It is an ordinary profile file (the format keeps unknown fields) with a `recovery` block naming
the decision set and the profile it was opened from: no second format to maintain, and a user
can open or share a recovery file like any profile.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from explorer.core.problems import LoadError, Problem, display_path
from explorer.core.profiles import Profile, as_written_now, load_profile, utc_now
from explorer.core.profiles.atomic import write_atomic
from explorer.core.profiles.document import profile_bytes

RECOVERY_KEY = "recovery"
FILE_NAME = "autosave.yaml"


@dataclass(frozen=True)
class Recovery:
    profile: Profile  # the weighting on screen, without the recovery block
    set_path: Path
    profile_path: Path | None  # the library file it was opened from, if any
    saved_at: str


def write_recovery(file: Path, profile: Profile, set_path: Path, profile_path: Path | None) -> bool:
    """Autosave; False (nothing written) when the profile would not read back as a file, which
    a timer-driven save has no one to tell: the last good autosave is worth more than a bad one."""
    block = {
        "set_path": str(set_path),
        "profile_path": str(profile_path) if profile_path else None,
        "saved_at": utc_now(),
    }
    marked = replace(as_written_now(profile), extra={**profile.extra, RECOVERY_KEY: block})
    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        data = profile_bytes(marked, display_path(file))
    except LoadError:
        return False
    write_atomic(file, data)
    return True


def read_recovery(file: Path) -> Recovery | None:
    """None when there is nothing to recover; LoadError when the file is unreadable."""
    if not file.exists():
        return None
    profile = load_profile(file)
    block = profile.extra.get(RECOVERY_KEY)
    if not isinstance(block, dict) or not isinstance(block.get("set_path"), str):
        raise LoadError(
            [Problem(display_path(file), 0, RECOVERY_KEY, "missing or malformed recovery block")]
        )
    extra = {k: v for k, v in profile.extra.items() if k != RECOVERY_KEY}
    source = block.get("profile_path")
    return Recovery(
        replace(profile, extra=extra),
        Path(block["set_path"]),
        Path(source) if isinstance(source, str) else None,
        str(block.get("saved_at", "")),
    )


def discard_recovery(file: Path) -> None:
    file.unlink(missing_ok=True)
