"""Opening the files a user's data names: regular files only, inside their folder, never stuck.

Every reader of user files goes through here so one rule holds for all of them. A FIFO would
block a read forever and a device would never end, so only regular files are read, opened
without blocking and checked after opening (no window between a check and the open). A name
that escapes its folder (absolute, `..`, or a symbolic link pointing out) is refused, so a
shared decision set cannot make the app read, and quote-check against, some other local file.
Each failure comes back as a short reason instead of an exception of whatever kind the OS chose
(ENAMETOOLONG, ELOOP, RuntimeError on a symlink loop...).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePath

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
)


class FileRefused(Exception):
    """The path is not a readable regular file; the message says why, in a few words."""


def _reason(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return "is a symbolic link to nothing (dangling)"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if exc.errno == errno.ENAMETOOLONG:
        return "has a name too long for the file system"
    if exc.errno == errno.ENOENT:
        return "does not exist"
    return f"cannot be read: {exc.strerror or exc}"


def problem_with(path: Path) -> str | None:
    """Why `path` cannot be read as a regular file, or None when it can (symlinks followed)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _reason(exc, path)
    except ValueError:  # an embedded NUL in the name
        return "has a name no file system accepts"
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def read_regular(path: Path, limit: int, refuse_larger: bool = True) -> bytes:
    """Up to `limit` + 1 bytes of a regular file (one more, so the caller can see it is over).

    A file over `limit` is refused before anything is read, unless `refuse_larger` is False
    (a long source text is checked against its first `limit` bytes)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileRefused(_reason(exc, path)) from None
    except ValueError:
        raise FileRefused("has a name no file system accepts") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(next((r for t, r in _KINDS if t(mode)), "is not a regular file"))
        size = os.fstat(fd).st_size
        if size > limit and refuse_larger:  # refused before reading it into memory
            raise FileRefused(f"file is {size} bytes, over the {limit}-byte limit")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(_reason(exc, path)) from None
    finally:
        os.close(fd)


def inside(folder: Path, name: str) -> Path | None:
    """`folder / name` if it stays inside `folder` once symbolic links are followed, else None.

    Absolute names and `..` are refused outright, whatever they would resolve to.
    """
    pure = PurePath(name)
    if not name or pure.is_absolute() or pure.drive or ".." in pure.parts or "\0" in name:
        return None
    candidate = folder / pure
    try:
        base = folder.resolve()
        resolved = candidate.resolve()
    except (OSError, RuntimeError):  # a symlink loop on the way: reading it says so
        return candidate
    return candidate if resolved.is_relative_to(base) else None
