"""The profile library: a plain folder of YAML files, one per profile, safe to share.

Default place: <user data dir>/profiles; POLICY_EXPLORER_PROFILES points it elsewhere (a team's
shared folder, say). Files are named after the profile (a slug of its name) but the name inside
the file is what users see.

Concurrent saves: every change takes a lock on the folder, and saving checks that the file is
still the one that was loaded (same bytes, by SHA-256). If another process saved in between, the
save is refused with ProfileConflictError instead of silently undoing that work; `force=True`
makes it last-writer-wins. Either way the file is replaced atomically and never torn.

Deleting moves the file to a .trash folder inside the library, from which it can be restored.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from explorer import paths
from explorer.core.problems import LoadError, display_path
from explorer.core.profiles.atomic import (
    LockTimeout,
    fit_name,
    folder_lock,
    fsync_dir,
    move_atomic,
    sweep_temp_files,
)
from explorer.core.profiles.document import Profile, load_profile, utc_now
from explorer.core.profiles.store import (
    ProfileConflictError,
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
    backup_path,
    current_revision,
    write_profile,
)

ENV_VAR = "POLICY_EXPLORER_PROFILES"
SUFFIX = ".yaml"
TRASH = ".trash"
LOCK = ".lock"
_STAMP = "%Y%m%dT%H%M%S%fZ"
MAX_STEM_BYTES = 200
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)
}


def library_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    return Path(override).expanduser() if override else paths.user_data_dir() / "profiles"


def slug(name: str) -> str:
    """A file stem every OS accepts: letters and digits kept (any script), the rest '-'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[^\w]+", "-", text).replace("_", "-")
    text = re.sub(r"-{2,}", "-", text).strip("-.")[:80]
    # bytes, not characters, are what a file system counts: leave room for the trash's
    # "--<stamp>.yaml.bak" (33 bytes) within a name's 255
    text = fit_name(text, MAX_STEM_BYTES).rstrip("-.")
    if not text:
        return "profile"
    return f"{text}-" if text in _WINDOWS_RESERVED else text


def starter_profiles(set_folder: Path) -> list[Path]:
    """Profiles shipped beside a decision set (its profiles/ folder), for a first look."""
    folder = Path(set_folder) / "profiles"
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


@dataclass(frozen=True)
class ProfileInfo:
    """One line of the library listing; `error` is set (and the rest guessed) for a bad file."""

    name: str
    author: str
    modified: str
    decision_set: str
    description: str
    path: Path
    error: str = ""

    @property
    def stem(self) -> str:
        return self.path.stem

    def matches(self, text: str) -> bool:
        """Every word of `text` appears somewhere in the name, author, description, set or file."""
        hay = " ".join(
            (self.name, self.author, self.description, self.decision_set, self.path.name)
        ).casefold()
        return all(word in hay for word in text.casefold().split())


@dataclass(frozen=True)
class TrashEntry:
    name: str
    stem: str  # the file stem it had, and gets back on restore
    deleted: str  # ISO 8601 UTC
    path: Path


def read_info(path: Path) -> ProfileInfo:
    """A listing line for any profile file; a broken one is listed with its first problem."""
    try:
        p = load_profile(path)
    except LoadError as exc:
        first = (exc.problems or exc.warnings)[0]
        return ProfileInfo(path.stem, "", "", "", "", path, str(first))
    return ProfileInfo(p.name, p.author, p.modified, p.decision_set, p.description, path)


def filter_infos(infos: list[ProfileInfo], text: str) -> list[ProfileInfo]:
    return [info for info in infos if info.matches(text)]


class ProfileLibrary:
    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else library_dir()

    @property
    def trash_dir(self) -> Path:
        return self.root / TRASH

    def _own(self, path: Path) -> Path:
        """`path` (the trash or the lock), refused if it is a symbolic link: in a shared
        library anyone could plant one, and deleting or locking would then act elsewhere."""
        if path.is_symlink():
            raise ProfileError(
                f"refusing to use {display_path(path)}: it is a symbolic link, so it may lead "
                "outside the library; remove it"
            )
        return path

    def _trash_dir(self) -> Path | None:
        """The trash folder, checked; None when there is none (yet)."""
        trash = self._own(self.trash_dir)
        if not trash.exists():
            return None
        if not trash.is_dir():
            raise ProfileError(f"{display_path(trash)} is not a folder; move it away")
        return trash

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            with folder_lock(self._own(self.root / LOCK)):
                yield
        except LockTimeout as exc:
            raise ProfileError(f"the profile library is busy: {exc}") from None
        except OSError as exc:
            if exc.filename == str(self.root / LOCK):  # opening the lock file failed
                raise ProfileError(f"cannot lock the library: {exc.strerror}") from None
            raise

    def path_for(self, name: str) -> Path:
        return self.root / f"{slug(name)}{SUFFIX}"

    # --- reading ---------------------------------------------------------------------------

    def list_profiles(self, text: str = "") -> list[ProfileInfo]:
        """Every profile file, unreadable ones included (with `error`) so they can be fixed."""
        if not self.root.is_dir():
            return []
        infos = [read_info(p) for p in self.root.glob(f"*{SUFFIX}") if p.is_file()]
        infos.sort(key=lambda i: (i.name.casefold(), i.path.name))
        return filter_infos(infos, text) if text else infos

    def find(self, key: str) -> Path:
        """The file for a profile given by file stem or by name (case-insensitive)."""
        plain = key not in {"", ".", ".."} and not set(key) & {"/", "\\"}  # stays in the library
        for candidate in ([self.root / f"{key}{SUFFIX}"] if plain else []) + [self.path_for(key)]:
            if candidate.is_file():
                return candidate
        hits = [i.path for i in self.list_profiles() if i.name.casefold() == key.strip().casefold()]
        if len(hits) > 1:
            names = ", ".join(p.name for p in hits)
            raise ProfileError(f"more than one profile is named '{key}' ({names}); give the file")
        if not hits:
            raise ProfileNotFoundError(f"no profile named '{key}' in {display_path(self.root)}")
        return hits[0]

    def load(self, key: str) -> Profile:
        return load_profile(self.find(key))

    def unique_name(self, base: str) -> str:
        """`base`, or `base 2`, `base 3`...: the first that clashes with no name or file."""
        taken = {i.name.casefold() for i in self.list_profiles()}
        name, n = base, 1
        while name.casefold() in taken or self.path_for(name).exists():
            n += 1
            name = f"{base} {n}"
        return name

    # --- writing ---------------------------------------------------------------------------

    def _target(self, profile: Profile) -> Path:
        home = profile.path
        if home is not None and home.parent == self.root.resolve():
            return home
        return self.path_for(profile.name)

    def _save(self, profile: Profile, target: Path, force: bool) -> Profile:
        current = current_revision(target)  # refuses to replace an unreadable file
        if current is not None and not force:
            ours = profile.path == target.resolve() and profile.revision
            if not ours:
                raise ProfileExistsError(f"a profile is already saved as {display_path(target)}")
            if profile.revision != current:
                theirs = load_profile(target)
                who = f" by {theirs.author}" if theirs.author else ""
                when = f" at {theirs.modified}" if theirs.modified else ""
                raise ProfileConflictError(
                    f"{display_path(target)} changed after you opened it (saved{who}{when}); "
                    "reload it, or save yours under another name",
                    theirs,
                )
        sweep_temp_files(self.root, older_than=0)  # we hold the lock: no write is under way
        now = utc_now()
        stamped = replace(profile, created=profile.created or now, modified=now)
        return write_profile(target, stamped, overwrite=True)

    def save(self, profile: Profile, force: bool = False) -> Profile:
        """Save where the profile was loaded from (or under its name if new); returns it as saved.

        Refused if the file changed since it was loaded (ProfileConflictError) or, for a new
        profile, if the file exists (ProfileExistsError), unless `force`.
        """
        with self._locked():
            return self._save(profile, self._target(profile), force)

    def save_as(self, profile: Profile, name: str, force: bool = False) -> Profile:
        fresh = replace(profile, name=name, path=None, revision="", created="")
        with self._locked():
            return self._save(fresh, self.path_for(name), force)

    def duplicate(self, key: str, name: str | None = None) -> Profile:
        original = self.load(key)
        return self.save_as(original, name or self.unique_name(f"{original.name} copy"))

    def import_file(self, source: Path, name: str | None = None, force: bool = False) -> Profile:
        """Copy someone's profile file into the library (upgraded to the current format)."""
        incoming = load_profile(Path(source))
        fresh = replace(incoming, name=name or incoming.name, path=None, revision="")
        with self._locked():
            return self._save(fresh, self.path_for(fresh.name), force)

    def export(self, key: str, dest: Path, overwrite: bool = False) -> Profile:
        return write_profile(Path(dest), self.load(key), overwrite=overwrite)

    def rename(self, key: str, new_name: str) -> Profile:
        """New name inside the file and a matching file name; the backup moves along."""
        with self._locked():
            old = self.find(key)
            profile = replace(load_profile(old), name=new_name)
            target = self.path_for(new_name)
            if target.resolve() == old.resolve():
                return self._save(profile, old, force=False)
            if target.exists():
                raise ProfileExistsError(f"a profile is already saved as {display_path(target)}")
            saved = write_profile(target, replace(profile, modified=utc_now()))
            if backup_path(old).exists():
                os.replace(backup_path(old), backup_path(target))
            old.unlink()
            fsync_dir(self.root)
            return saved

    # --- trash -----------------------------------------------------------------------------

    def delete(self, key: str) -> TrashEntry:
        """Move the profile (and its backup) to the trash; `restore` brings it back."""
        with self._locked():
            path = self.find(key)
            info = read_info(path)
            trash = self._own(self.trash_dir)
            trash.mkdir(exist_ok=True)
            dest = trash / f"{path.stem}--{datetime.now(UTC).strftime(_STAMP)}{SUFFIX}"
            move_atomic(path, dest)
            if backup_path(path).exists():
                move_atomic(backup_path(path), backup_path(dest))
            return self._entry(dest, info.name)

    def _entry(self, path: Path, name: str | None = None) -> TrashEntry:
        stem, _, stamp = path.stem.rpartition("--")
        try:
            when = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            deleted = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            stem, deleted = path.stem, ""
        return TrashEntry(name or read_info(path).name, stem, deleted, path)

    def trash(self) -> list[TrashEntry]:
        """Deleted profiles, most recently deleted first."""
        trash = self._trash_dir()
        if trash is None:
            return []
        entries = [self._entry(p) for p in trash.glob(f"*{SUFFIX}") if not p.is_symlink()]
        return sorted(entries, key=lambda e: e.path.name.rpartition("--")[2], reverse=True)

    def restore(self, entry: TrashEntry | str | None = None) -> ProfileInfo:
        """Bring back a deleted profile: the latest by default (undo), or one named/given."""
        with self._locked():
            entries = self.trash()
            if isinstance(entry, str):
                key = entry.casefold()
                entries = [e for e in entries if key in (e.name.casefold(), e.stem.casefold())]
            elif entry is not None:
                entries = [e for e in entries if e.path == entry.path]
            if not entries:
                raise ProfileNotFoundError(
                    "the trash is empty" if entry is None else f"'{entry}' is not in the trash"
                )
            chosen = entries[0]
            target = self.root / f"{chosen.stem}{SUFFIX}"
            if target.exists():
                raise ProfileExistsError(
                    f"cannot restore '{chosen.name}': {display_path(target)} exists; "
                    "rename or delete that profile first"
                )
            move_atomic(chosen.path, target)
            if backup_path(chosen.path).exists() and not backup_path(target).exists():
                move_atomic(backup_path(chosen.path), backup_path(target))
            return read_info(target)

    def empty_trash(self) -> int:
        """Delete the trash for good; returns how many profiles went."""
        with self._locked():
            entries = self.trash()
            for e in entries:
                e.path.unlink(missing_ok=True)
                backup_path(e.path).unlink(missing_ok=True)
            return len(entries)


__all__ = [
    "ProfileConflictError",
    "ProfileError",
    "ProfileExistsError",
    "ProfileInfo",
    "ProfileLibrary",
    "ProfileNotFoundError",
    "TrashEntry",
    "library_dir",
    "slug",
]
