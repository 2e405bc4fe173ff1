"""Crash-safe file replacement and a cross-process lock for a folder of user files.

A reader (or a crash, or a power cut) must only ever see the old file or the new one: the new
bytes go to a temporary file in the same folder, are flushed to disk, then renamed over the
target in one step, and the folder entry itself is flushed. The previous version survives as a
backup, linked rather than copied so keeping it costs no extra write.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
LOCK_WAIT_SECONDS = 10.0
MAX_NAME_BYTES = 255  # a file name's limit on every common file system
_TOKEN_HEX = 12
STALE_SECONDS = 60.0  # a temporary this old is no write in progress: writes take milliseconds


class LockTimeout(TimeoutError):
    """Another process held the folder's lock for longer than anyone should."""


def fit_name(name: str, room: int) -> str:
    """`name` cut (at a character boundary) to at most `room` bytes of UTF-8: a name of 78 CJK
    characters is 234 bytes, fine alone but over 255 once a suffix is added."""
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return name


def temp_name(target: Path) -> Path:
    """A hidden sibling: same folder (so the rename is atomic), never listed as a profile."""
    room = MAX_NAME_BYTES - len(f"..{'0' * _TOKEN_HEX}{TEMP_SUFFIX}")
    name = fit_name(target.name, room)
    return target.with_name(f".{name}.{secrets.token_hex(_TOKEN_HEX // 2)}{TEMP_SUFFIX}")


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows cannot open folders for this and journals renames anyway."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_new(path: Path, data: bytes) -> None:
    # 0o666 filtered by the umask, like any new file: profiles in a shared folder stay readable
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def keep_backup(path: Path, backup: Path) -> None:
    """Point `backup` at the current contents of `path`, atomically.

    A hard link is instant and stays the old version because `path` is only ever replaced,
    never rewritten in place; filesystems without links get a copy.
    """
    staging = temp_name(backup)
    try:
        try:
            os.link(path, staging)
        except OSError:
            shutil.copyfile(path, staging)
            with staging.open("rb+") as handle:
                os.fsync(handle.fileno())
        os.replace(staging, backup)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


def create_atomic(path: Path, data: bytes) -> None:
    """Write a *new* file: complete or absent, and FileExistsError if `path` exists by the time
    it would appear. Checking first and replacing after would let two writers both succeed and
    one silently win; a hard link is created only if the name is free, in one step."""
    sweep_stale(path)
    staging = temp_name(path)
    try:
        _write_new(staging, data)
        try:
            os.link(staging, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: reserve the name, then fill it
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
    fsync_dir(path.parent)


def sweep_stale(target: Path, older_than: float = STALE_SECONDS) -> None:
    """Remove temporaries a killed writer of `target` left behind (writes take milliseconds)."""
    room = MAX_NAME_BYTES - len(f"..{'0' * _TOKEN_HEX}{TEMP_SUFFIX}")
    pattern = f".{glob.escape(fit_name(target.name, room))}.*{TEMP_SUFFIX}"
    sweep_temp_files(target.parent, older_than, pattern)


def write_atomic(path: Path, data: bytes, backup: Path | None = None) -> None:
    """Replace `path` with `data` so that it is always either entirely old or entirely new."""
    sweep_stale(path)
    staging = temp_name(path)
    try:
        _write_new(staging, data)
        if backup is not None and path.exists():
            keep_backup(path, backup)
        os.replace(staging, path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """For writers that want a file name (Qt's PDF, PNG and SVG writers): yields a hidden
    sibling to write; when the block ends without error that file is flushed to disk, given a
    new file's usual permissions (a temp file's would keep a shared briefing private) and renamed
    over `path`. On any error it is removed and `path` is untouched."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path.parent))
    staging = temp_name(path)
    try:
        yield staging
        if not staging.exists():
            raise OSError(f"nothing was written to {path}")
        with staging.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(staging, 0o666 & ~_umask())
        os.replace(staging, path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def _umask() -> int:
    mask = os.umask(0)  # the only portable way to read it is to set it
    os.umask(mask)
    return mask


def move_atomic(source: Path, target: Path) -> None:
    """Rename within one filesystem, durably; refuses to replace an existing target."""
    if target.exists():
        raise FileExistsError(target)
    os.replace(source, target)
    fsync_dir(target.parent)
    if source.parent != target.parent:
        fsync_dir(source.parent)


def sweep_temp_files(
    folder: Path, older_than: float = 600.0, pattern: str = f".*{TEMP_SUFFIX}"
) -> None:
    """Remove temporary files a killed writer left behind; recent ones may still be in use
    (older_than=0 is for a caller holding the folder's lock, when none can be)."""
    cutoff = time.time() - older_than
    for leftover in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        elif msvcrt is not None:  # pragma: no cover - Windows
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        elif msvcrt is not None:  # pragma: no cover - Windows
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


@contextlib.contextmanager
def folder_lock(lock_file: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Serialise read-check-write sequences across processes.

    The operating system drops the lock when its holder dies, so a killed process never leaves
    the folder locked. Atomic replacement alone already prevents torn files; the lock is what
    lets a conflict check and the write that follows it happen as one step.
    """
    # never through a symbolic link: a planted one would have us create or lock a file elsewhere
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise LockTimeout(f"{lock_file} has been locked by another program for {wait:g}s")
            time.sleep(0.01)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
