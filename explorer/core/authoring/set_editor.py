"""A transaction over a decision set's files: edit in memory, validate, then write atomically.

Every edit, from the window or the command line, goes through one `commit`: the proposed YAML
is run through the same loader that opens sets (from memory, before anything is written), and
only a set that loads is written, each file atomically with a backup. So a set on disk is left
valid or unchanged, never half-edited; a file someone else changed since it was opened is not
overwritten.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.authoring.roundtrip import RoundTripDoc
from explorer.core.input_files import FileRefused, read_regular
from explorer.core.loader import HEADER_FILE, LoadResult, load_decision_set
from explorer.core.problems import display_path
from explorer.core.profiles.atomic import create_atomic, keep_backup, write_atomic
from explorer.core.yamlsafe import MAX_FILE_BYTES

BACKUP_SUFFIX = ".bak"
PART_LISTS = ("criteria", "sources", "options")


class EditError(Exception):
    """An edit that cannot be made; the message is one line for the user."""


class EditConflict(EditError):
    """A file of the set changed on disk after it was opened here."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


@dataclass
class OptionEntry:
    """Where one option lives: its own file (folder sets) or an item of an `options` list."""

    path: Path
    data: Any
    container: list | None  # the `options` list holding it, None for an option file


@dataclass(frozen=True)
class EditorState:
    """Everything an edit changes, as text: what undo returns to (see SetEditor.restore)."""

    texts: dict[Path, str]
    removed: frozenset[Path]
    renames: tuple[tuple[Path, Path], ...]
    assets: dict[Path, bytes]


@dataclass
class SetEditor:
    location: Path  # the set's folder, or its single YAML file
    search_dirs: list[Path] = field(default_factory=list)
    docs: dict[Path, RoundTripDoc] = field(default_factory=dict)
    removed: set[Path] = field(default_factory=set)
    renames: list[tuple[Path, Path]] = field(default_factory=list)
    assets: dict[Path, bytes] = field(default_factory=dict)  # new non-YAML files (source texts)
    result: LoadResult | None = None  # the set as last loaded or committed

    @classmethod
    def open(cls, location: Path, search_dirs: list[Path] | None = None) -> SetEditor:
        """Raises LoadError when the set has errors: an edit must start from a valid set."""
        location = Path(location)
        editor = cls(location, list(search_dirs or []))
        editor.result = load_decision_set(location, search_dirs=editor.search_dirs, draft=True)
        for path in editor._yaml_paths():
            text = _read_text(path)
            if text is None:
                raise EditError(f"{display_path(path)} changed while it was being opened")
            editor.docs[path] = RoundTripDoc.parse(text)
        return editor

    @classmethod
    def create(cls, folder: Path, search_dirs: list[Path] | None = None) -> SetEditor:
        """An editor for a set not yet on disk: add its header, then commit."""
        folder = Path(folder)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise EditError(f"{display_path(folder)} already exists and is not an empty folder")
        return cls(folder, list(search_dirs or []))

    # -- where things are ---------------------------------------------------------------

    @property
    def is_folder(self) -> bool:
        return self.location.suffix not in {".yaml", ".yml"}

    @property
    def base(self) -> Path:
        """The folder source texts are stored in and resolved against."""
        return self.location if self.is_folder else self.location.parent

    @property
    def header_path(self) -> Path:
        return self.location / HEADER_FILE if self.is_folder else self.location

    @property
    def header(self) -> Any:
        """The header's tree, for changing it (reads that change nothing use `entries`)."""
        doc = self.docs[self.header_path]
        doc.touch()
        return doc.data

    def _yaml_paths(self) -> list[Path]:
        if not self.is_folder:
            return [self.location]
        paths = sorted(p for p in self.location.iterdir() if p.suffix in {".yaml", ".yml"})
        paths.remove(self.header_path)
        return [self.header_path, *paths]

    def ordered_docs(self) -> list[tuple[Path, RoundTripDoc]]:
        """Header first, then the other files by name: the order the loader reads them in."""
        rest = sorted(p for p in self.docs if p != self.header_path)
        head = [self.header_path] if self.header_path in self.docs else []
        return [(p, self.docs[p]) for p in [*head, *rest]]

    def entries(self, kind: str) -> Iterator[tuple[Path, list, int]]:
        """Every (file, list, index) of a criterion or source, in the loader's order."""
        for path, doc in self.ordered_docs():
            items = doc.data.get(kind) if isinstance(doc.data, dict) else None
            if isinstance(items, list):
                for i in range(len(items)):
                    yield path, items, i

    def find(self, kind: str, entity_id: str) -> tuple[Path, list, int]:
        """Where a criterion or source is, for changing it (its file is marked as touched)."""
        for path, items, i in self.entries(kind):
            if isinstance(items[i], dict) and str(items[i].get("id")) == entity_id:
                self.docs[path].touch()
                return path, items, i
        singular = {"criteria": "criterion", "sources": "source"}[kind]
        raise EditError(f"no {singular} '{entity_id}' in this set")

    def options(self, touch: bool = True) -> list[OptionEntry]:
        """Every option, in the loader's order; their files are marked as touched unless the
        caller only reads (`touch=False`)."""
        out = []
        for path, doc in self.ordered_docs():
            if touch:
                doc.touch()
            data = doc.data
            if not isinstance(data, dict):
                continue
            if path != self.header_path and not data.keys() & set(PART_LISTS):
                out.append(OptionEntry(path, data, None))
            items = data.get("options")
            if isinstance(items, list):
                out.extend(OptionEntry(path, item, items) for item in items)
        return out

    def option(self, option_id: str) -> OptionEntry:
        for entry in self.options(touch=False):
            if isinstance(entry.data, dict) and str(entry.data.get("id")) == option_id:
                self.docs[entry.path].touch()
                return entry
        raise EditError(f"no option '{option_id}' in this set")

    def criterion_ids(self) -> list[str]:
        return [str(items[i].get("id")) for _, items, i in self.entries("criteria")]

    def source_ids(self) -> list[str]:
        return [str(items[i].get("id")) for _, items, i in self.entries("sources")]

    # -- undo ---------------------------------------------------------------------------

    def state(self) -> EditorState:
        return EditorState(
            {path: doc.dump() for path, doc in self.docs.items()},
            frozenset(self.removed),
            tuple(self.renames),
            dict(self.assets),
        )

    def restore(self, state: EditorState) -> None:
        """Back to an earlier state of this editor (the files on disk are not touched: what
        was saved since stays the reference `commit` compares against)."""
        for path in list(self.docs):
            if path not in state.texts:
                del self.docs[path]
        for path, text in state.texts.items():
            doc = self.docs.get(path)
            if doc is None:
                on_disk = _read_text(path) if path.exists() else None
                doc = RoundTripDoc.parse(on_disk) if on_disk is not None else RoundTripDoc.new({})
                self.docs[path] = doc
            if doc.dump() != text:
                doc.data = RoundTripDoc.parse(text).data if text else doc.data
                doc.cached = text
        self.removed = set(state.removed)
        self.renames = list(state.renames)
        self.assets = dict(state.assets)

    # -- changes ------------------------------------------------------------------------

    def add_doc(self, path: Path, data: dict[str, Any]) -> RoundTripDoc:
        if path in self.docs or (path.exists() and path not in self.removed):
            raise EditError(f"{display_path(path)} already exists")
        self.removed.discard(path)
        self.docs[path] = doc = RoundTripDoc.new(data)
        return doc

    def remove_doc(self, path: Path) -> None:
        doc = self.docs.pop(path)
        if doc.text or path.exists():
            self.removed.add(path)

    def rename_doc(self, old: Path, new: Path) -> None:
        """Renamed on commit with one os.replace: the file never exists twice or not at all."""
        if new in self.docs or new.exists():
            raise EditError(f"{display_path(new)} already exists")
        self.docs[new] = self.docs.pop(old)
        self.renames.append((old, new))

    def add_asset(self, path: Path, data: bytes) -> None:
        if path.exists() or path in self.assets:
            raise EditError(f"{display_path(path)} already exists")
        self.assets[path] = data

    def asset_name_free(self, path: Path) -> bool:
        return not path.exists() and path not in self.assets

    def pending(self) -> dict[Path, str | None]:
        out: dict[Path, str | None] = {p: None for p in self.removed}
        out.update({old: None for old, _ in self.renames})
        for path, doc in self.docs.items():
            text = doc.dump()
            if text != doc.text or not path.exists() or path in dict(self.renames).values():
                out[path] = text
        return out

    def validate(self) -> LoadResult:
        """The set as it would load after commit; LoadError if it would not."""
        pending = self.pending()
        for path, text in pending.items():
            if text is not None and len(text.encode("utf-8")) > MAX_FILE_BYTES:
                raise EditError(f"{display_path(path)} would be over {MAX_FILE_BYTES} bytes")
        return load_decision_set(
            self.location, search_dirs=self.search_dirs, draft=True, pending=pending
        )

    @property
    def dirty(self) -> bool:
        return bool(self.removed or self.renames or self.assets) or any(
            doc.changed or not doc.text for doc in self.docs.values()
        )

    def commit(self) -> LoadResult:
        """Write every change if the result loads; otherwise raise and leave the disk as it was.

        New source texts are written first (nothing refers to them yet, and the quote check
        needs them), and removed again if the set would not load.
        """
        self._check_unchanged_on_disk()
        created = self.write_assets()
        try:
            result = self.validate()
        except BaseException:
            remove_files(created)
            raise
        self._write()
        self.result = result
        return result

    def write_assets(self) -> list[Path]:
        """Write the new source texts and originals now (new files only, never replacing one):
        the window needs a source's text on disk to show it and cite from it before the set
        is saved. Nothing refers to them until the YAML naming them is committed."""
        created: list[Path] = []
        try:
            for path, data in self.assets.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                create_atomic(path, data)
                created.append(path)
        except BaseException:
            remove_files(created)
            raise
        self.assets.clear()
        return created

    def _check_unchanged_on_disk(self) -> None:
        for path, doc in self.docs.items():
            original = next((old for old, new in self.renames if new == path), path)
            if not doc.text:
                continue
            if _read_text(original) != doc.text:
                raise EditConflict(
                    f"{display_path(original)} changed on disk since it was opened; "
                    "reload the set and make the edit again"
                )

    def _write(self) -> None:
        pending = self.pending()
        renamed_to = {new: old for old, new in self.renames}
        self.base.mkdir(parents=True, exist_ok=True)
        # new and edited files first, then renames, removals last: a crash part-way leaves
        # every option present (in the old place or the new), never one missing
        for path, doc in self.docs.items():
            text = pending.get(path)
            if text is None or path in renamed_to:
                continue
            data = text.encode("utf-8")
            if path.exists():
                write_atomic(path, data, backup=backup_path(path))
            else:
                create_atomic(path, data)
            doc.text = text
        for old, new in self.renames:
            os.replace(old, new)
            doc = self.docs[new]
            text = doc.dump()
            if text != doc.text:
                write_atomic(new, text.encode("utf-8"), backup=backup_path(new))
                doc.text = text
        for path in self.removed:
            if path.exists():
                keep_backup(path, backup_path(path))
                path.unlink()
        self.removed.clear()
        self.renames.clear()
        self.assets.clear()


def remove_files(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _read_text(path: Path) -> str | None:
    """The file's text as the loader read it, or None when it is gone or unreadable now."""
    try:
        return read_regular(path, MAX_FILE_BYTES).decode("utf-8")
    except (FileRefused, UnicodeDecodeError):
        return None
