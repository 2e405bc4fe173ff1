"""Writing one profile file safely: atomic, with a backup, never over something unreadable.

A file that does not parse may be the only copy of someone's hand edits; overwriting it would
destroy the very thing they need to fix, so it is refused with the reason and line instead.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from explorer.core.problems import LoadError, display_path
from explorer.core.profiles.atomic import create_atomic, write_atomic
from explorer.core.profiles.document import (
    Profile,
    as_written_now,
    parse_profile_bytes,
    profile_bytes,
    read_bytes,
    revision_of,
)

BACKUP_SUFFIX = ".bak"


class ProfileError(Exception):
    """A profile operation that cannot go ahead; the message is one line for the user."""


class ProfileExistsError(ProfileError):
    """The target already holds a profile and the caller did not ask to replace it."""


class ProfileConflictError(ProfileError):
    """Someone else saved the file after it was opened here; saving would silently undo that."""

    def __init__(self, message: str, theirs: Profile | None = None) -> None:
        super().__init__(message)
        self.theirs = theirs


class ProfileNotFoundError(ProfileError):
    """No profile matches the given name."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def current_revision(path: Path) -> str | None:
    """Revision of the profile now at `path` (None when there is none).

    Raises ProfileError when something is there that does not read as a profile.
    """
    if not path.exists():
        return None
    try:
        raw = read_bytes(path)
        parse_profile_bytes(raw, display_path(path))
    except LoadError as exc:
        first = (exc.problems or exc.warnings)[0]
        raise ProfileError(
            f"refusing to overwrite {display_path(path)}: it is not a readable profile "
            f"({first}); fix, move or delete it first"
        ) from None
    return revision_of(raw)


def write_profile(path: Path, profile: Profile, overwrite: bool = False) -> Profile:
    """Write `profile` exactly as given (no timestamps touched) and return it as now on disk.

    An existing profile is kept as NAME.yaml.bak; without `overwrite` it is not replaced at all.
    The one field set here is `app_version`, the version of the app writing it.
    """
    path = Path(path)
    profile = as_written_now(profile)
    existing = current_revision(path)
    if existing is not None and not overwrite:
        raise ProfileExistsError(f"{display_path(path)} already exists")
    try:
        data = profile_bytes(profile, display_path(path))
    except LoadError as exc:
        first = (exc.problems or exc.warnings)[0]
        raise ProfileError(
            f"not writing {display_path(path)}: the profile would not read back ({first})"
        ) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    if existing is None and not overwrite:
        try:  # new file: if another writer got there first, say so instead of replacing theirs
            create_atomic(path, data)
        except FileExistsError:
            raise ProfileExistsError(f"{display_path(path)} already exists") from None
    else:
        write_atomic(path, data, backup=backup_path(path) if existing is not None else None)
    return replace(
        profile, file=display_path(path), path=path.resolve(), revision=revision_of(data)
    )
