"""Validated decision sets kept on disk, so a large set unchanged since its last load is not
parsed and checked again.

Parsing and validating a 1,000 × 50 set takes about 2 s, and scripts run `rank` or `robustness`
on the same files over and over. A load's outcome depends on:

- the loader's own code (a new rule must not be skipped by an old entry);
- how it was asked: the path, strictness, the source search folders, and the working directory
  (messages name files relative to it);
- the set's files: their names and their bytes;
- for each source, which file its name resolves to and that file's bytes (the quotes are
  checked against it), or why none could be read.

The first three make the key. The last cannot be known before the set is read, so it is recorded
with the entry and checked again on every hit: any difference is a miss. Only loads that succeed
are kept, so a failing set is always read afresh and its messages are never stale; and only sets
of at least `min_bytes`, since a small set loads faster than an entry is read back.

An entry is a pickle that this app wrote, atomically, into the user's own cache folder: whoever
can write there can already run code as the user. One that cannot be read back is discarded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.core import sections
from explorer.core.input_files import problem_with
from explorer.core.problems import display_path
from explorer.core.profiles.atomic import write_atomic

if TYPE_CHECKING:
    from explorer.core.loader import LoadResult

FORMAT = 1
MIN_BYTES = 256 * 1024
MAX_ENTRIES = 8
SUFFIX = ".set-cache"
# the modules whose code decides what a load returns
_LOADER_MODULES = (
    "explorer.core.loader",
    "explorer.core.sections",
    "explorer.core.fields",
    "explorer.core.yamlsafe",
    "explorer.core.model",
    "explorer.core.quotes",
    "explorer.core.problems",
    "explorer.core.input_files",
    "explorer.core.source_dates",
    "explorer.core.set_cache",
)
_code_digest: bytes | None = None


def _code() -> bytes:
    """A digest of the loader's source (or, frozen in a bundle, of the app's version)."""
    global _code_digest
    if _code_digest is None:
        import explorer

        digest = hashlib.sha256(f"{FORMAT} {explorer.__version__} {sys.version}".encode())
        for name in _LOADER_MODULES:
            file = getattr(sys.modules.get(name), "__file__", None)
            try:
                digest.update(Path(file).read_bytes() if file else name.encode())
            except OSError:
                digest.update(name.encode())
        _code_digest = digest.digest()
    return _code_digest


def source_fingerprint(file: str, search: list[Path]) -> tuple[object, ...]:
    """Everything about a source's `file` that a load reads: where it may be, why each place
    cannot be read, and the bytes of the one that can."""
    candidates = sections.source_candidates(file, search)
    problems = [problem_with(c) for c in candidates]
    readable = next((c for c, p in zip(candidates, problems, strict=True) if p is None), None)
    raw = None if readable is None else sections.source_bytes(readable)
    content = None if raw is None else hashlib.sha256(raw).hexdigest()
    return (file, tuple(map(str, candidates)), tuple(problems), content)


class SetCache:
    def __init__(
        self, folder: Path, min_bytes: int = MIN_BYTES, max_entries: int = MAX_ENTRIES
    ) -> None:
        self.folder = Path(folder)
        self.min_bytes = min_bytes
        self.max_entries = max_entries

    def key(
        self, path: Path, strict: bool, search: list[Path], files: list[Path], raws: list[bytes]
    ) -> str | None:
        """The entry's name for this load, or None when the set is too small to be worth one."""
        if sum(map(len, raws)) < self.min_bytes:
            return None
        digest = hashlib.sha256(_code())
        asked = (str(path), str(Path(path).absolute()), strict, [str(d) for d in search])
        digest.update(repr((asked, os.getcwd())).encode())
        for file, raw in zip(files, raws, strict=True):
            digest.update(repr((display_path(file), str(file), len(raw))).encode())
            digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str, search: list[Path]) -> LoadResult | None:
        """The stored result if its sources are as they were, else None."""
        entry = self.folder / (key + SUFFIX)
        try:
            stored_key, fingerprints, result = pickle.loads(entry.read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # a torn or foreign file: not ours to trust
            entry.unlink(missing_ok=True)
            return None
        if stored_key != key:
            return None
        sources = result.decision_set.sources
        if fingerprints != [source_fingerprint(s.file, search) for s in sources]:
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: evicted last
        return result

    def put(self, key: str, search: list[Path], result: LoadResult) -> None:
        """Store a successful load; a cache that cannot be written is only a slower load."""
        sources = result.decision_set.sources
        fingerprints = [source_fingerprint(s.file, search) for s in sources]
        data = pickle.dumps((key, fingerprints, result), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / (key + SUFFIX), data)
            self._evict()
        except OSError:
            pass

    def _evict(self) -> None:
        entries = []
        for entry in self.folder.glob("*" + SUFFIX):
            try:
                entries.append((entry.stat().st_mtime, entry))
            except OSError:
                continue
        entries.sort(reverse=True)
        for _, entry in entries[self.max_entries :]:
            entry.unlink(missing_ok=True)
