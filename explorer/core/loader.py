"""Loading a decision set (one YAML file, or a folder of them) into the immutable model.

All-or-nothing: either a complete DecisionSet comes back, or LoadError carries every problem
found across every file. Callers never see a half-built set.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.core import sections
from explorer.core.fields import Fields
from explorer.core.input_files import problem_with
from explorer.core.model import Assessment, Criterion, DecisionSet, Option, Source
from explorer.core.problems import LoadError, Problem, display_path
from explorer.core.quotes import normalise
from explorer.core.set_cache import SetCache
from explorer.core.yamlsafe import YamlDoc, parse_yaml_bytes, read_yaml_bytes

SCHEMA_VERSION = 1
HEADER_FILE = "decision-set.yaml"
MAX_FILES = 500
HEADER_KEYS = {"schema_version", "id", "version", "title", "question", "description"}
PART_KEYS = HEADER_KEYS | {"criteria", "sources", "options"}


@dataclass
class LoadResult:
    decision_set: DecisionSet
    warnings: list[Problem]


def _yaml_files(path: Path) -> tuple[list[Path], list[Problem]]:
    """The set's files, header first. Everything named like YAML is listed, even what cannot be
    read (a dangling link, a FIFO, a folder called x.yaml): reading it reports why, where
    skipping it would load a set one option short without a word."""
    kind = problem_with(path)
    if kind is None:
        return [path], []
    if kind == "does not exist":
        return [], [Problem(display_path(path), 0, "", "no such file or folder")]
    if kind != "is a folder, not a file":
        return [], [Problem(display_path(path), 0, "", kind)]
    try:
        entries = sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"})
    except OSError as exc:
        return [], [Problem(display_path(path), 0, "", f"cannot list the folder: {exc.strerror}")]
    if len(entries) > MAX_FILES:
        return [], [Problem(display_path(path), 0, "", f"more than {MAX_FILES} YAML files")]
    header = path / HEADER_FILE
    if header not in entries:
        return [], [Problem(display_path(header), 0, "", "a decision-set folder needs this file")]
    entries.remove(header)
    return [header, *entries], []


def _check_schema_version(fields: Fields, data: dict[str, Any], required: bool) -> None:
    if "schema_version" not in data and not required:
        return
    version = fields.number(data, (), "schema_version")
    if version is None:
        return
    if version != int(version) or version < 1:
        fields.report(("schema_version",), f"{version:g} is not a schema version")
    elif version > SCHEMA_VERSION:
        fields.report(
            ("schema_version",),
            f"{int(version)} is newer than this app understands ({SCHEMA_VERSION}); update the app",
        )


class _Builder:
    """Collects entities from every document, then cross-checks them as a whole."""

    def __init__(self, strict: bool, search_dirs: list[Path]) -> None:
        self.strict = strict
        self.search_dirs = search_dirs
        self.problems: list[Problem] = []
        self.header: dict[str, Any] = {}
        self.header_fields: Fields | None = None  # set-wide problems point into the header file
        self.criteria: list[tuple[Criterion, Fields, tuple]] = []
        self.sources: list[tuple[Source, Fields, tuple]] = []
        self.options: list[tuple[Option, Fields, tuple, dict[str, Any] | None]] = []
        # ids of criteria/sources whose definitions have errors: references to them are not
        # reported again as "unknown", which would bury the one real problem
        self.broken_criteria: set[str] = set()
        self.broken_sources: set[str] = set()

    def add_document(self, doc: YamlDoc, is_header: bool) -> None:
        fields = Fields(doc, self.problems)
        data = doc.data
        if not is_header and not data.keys() & {"criteria", "sources", "options"}:
            _check_schema_version(fields, data, required=False)
            self._add_option(fields, data, ())
            return
        fields.unknown_keys(data, (), PART_KEYS)
        _check_schema_version(fields, data, required=is_header)
        if is_header:
            self.header_fields = fields
            for key in ("id", "title", "question"):
                value = fields.identifier(data, ()) if key == "id" else fields.text(data, (), key)
                self.header[key] = value
            for key in ("version", "description"):
                self.header[key] = fields.text(data, (), key, required=False) or ""
        for i, item in enumerate(fields.items(data, (), "criteria", required=False)):
            if fields.is_mapping(item, ("criteria", i)):
                crit = sections.criterion(fields, item, ("criteria", i))
                if crit:
                    self.criteria.append((crit, fields, ("criteria", i)))
                else:
                    self.broken_criteria.add(str(item.get("id", "")).strip())
        for i, item in enumerate(fields.items(data, (), "sources", required=False)):
            if fields.is_mapping(item, ("sources", i)):
                src = sections.source(fields, item, ("sources", i), self.search_dirs)
                if src:
                    self.sources.append((src, fields, ("sources", i)))
                else:
                    self.broken_sources.add(str(item.get("id", "")).strip())
        for i, item in enumerate(fields.items(data, (), "options", required=False)):
            if fields.is_mapping(item, ("options", i)):
                self._add_option(fields, item, ("options", i))

    def _add_option(self, fields: Fields, data: dict[str, Any], path: tuple) -> None:
        option = sections.option(fields, data, path)
        assessments = fields.mapping(data, path, "assessments")
        if option:
            self.options.append((option, fields, path, assessments))

    def _unique(self, kind: str, entries: list) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for entity, fields, path, *_ in entries:
            if entity.id in seen:
                first = seen[entity.id]
                fields.report(
                    (*path, "id"),
                    f"duplicate {kind} id '{entity.id}' (first defined at {first[1].doc.file}:"
                    f"{first[1].doc.line((*first[2], 'id'))})",
                )
            else:
                seen[entity.id] = (entity, fields, path)
        return seen

    def build(self, location: Path) -> DecisionSet:
        criteria = self._unique("criterion", self.criteria)
        sources = self._unique("source", self.sources)
        options = self._unique("option", self.options)
        for kind, found in (("criteria", criteria), ("options", options)):
            if not found and not any(p.field.startswith(kind) for p in self.problems):
                if self.header_fields is not None:  # at the key if written, else line 1
                    self.header_fields.report((kind,), f"no {kind} defined")
                else:
                    self.problems.append(
                        Problem(display_path(location), 1, kind, f"no {kind} defined")
                    )
        # normalised once per source here, not once per quote in the checks
        texts = {
            sid: None if text is None else normalise(text)
            for sid, (src, _, _) in sources.items()
            for text in [sections.source_text(src)]
        }
        cells: dict[tuple[str, str], Assessment] = {}
        for option, fields, path, assessments in self.options:
            if options.get(option.id, (None,))[0] is not option:
                continue
            for key in ("advocates", "opponents"):
                for i, sid in enumerate(getattr(option, key)):
                    if sid not in sources and sid not in self.broken_sources:
                        fields.report((*path, key, i), f"unknown source '{sid}'")
            if assessments is None or not criteria:  # nothing to check cells against
                continue
            ctx = sections.CellContext(
                fields,
                option.id,
                {c: e[0] for c, e in criteria.items()},
                texts,
                self.strict,
                frozenset(self.broken_criteria),
                frozenset(self.broken_sources),
            )
            cells.update(sections.assessments(ctx, assessments, (*path, "assessments")))
        errors = [p for p in self.problems if p.severity == "error"]
        if errors or any(v is None for v in self.header.values()):
            raise LoadError(self.problems)
        return DecisionSet(
            id=self.header["id"],
            title=self.header["title"],
            question=self.header["question"],
            version=self.header["version"],
            description=self.header["description"],
            criteria=tuple(c for c, _, _ in criteria.values()),
            sources=tuple(s for s, _, _ in sources.values()),
            options=tuple(o for o, _, _ in options.values()),
            assessments=cells,
            schema_version=SCHEMA_VERSION,
            location=location,
        )


INTERNAL_ERROR = "could not be read because of a fault in this app"


def load_decision_set(
    path: Path,
    strict: bool = False,
    search_dirs: list[Path] | None = None,
    cache: SetCache | None = None,
) -> LoadResult:
    """Load and validate; raises LoadError listing every problem (warnings ride along).

    With a `cache`, a large set whose files and sources are byte for byte as at an earlier
    successful load comes back from it (explorer/core/set_cache.py says what is compared).

    LoadError is the only way this fails. Every known kind of bad input is reported at its
    field; anything else escaping (a fault in this code, found by some input no one thought of)
    still becomes a LoadError, so the window shows its problems dialog and keeps the set it had
    rather than dying with a traceback. The fuzzing tests treat that message as a failure.
    """
    try:
        with _collector_paused():
            return _load(Path(path), strict, search_dirs, cache)
    except LoadError:
        raise
    except Exception as exc:  # a fault, not bad input: see the docstring
        reason = f"{INTERNAL_ERROR} ({type(exc).__name__}: {exc}); please report it"
        raise LoadError([Problem(display_path(Path(path)), 0, "", reason)]) from exc


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading builds millions of small objects (nodes, values, cells) and frees none of them
    until it ends, and none forms a cycle. Each of them counts towards the cyclic collector's
    next pass, and each full pass walks the whole, growing heap: on a 1,000 × 50 set that was
    60 % of the load (7 s of 11.3). What the load leaves cyclic (a recursive alias, say) is
    collected as usual once it ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(
    path: Path, strict: bool, search_dirs: list[Path] | None, cache: SetCache | None
) -> LoadResult:
    files, problems = _yaml_files(path)
    if problems:
        raise LoadError(problems)
    base = path if path.is_dir() else path.parent
    search = [base, *(search_dirs or [])]
    builder = _Builder(strict, search)
    raws: list[bytes | LoadError] = []
    for file in files:
        try:
            raws.append(read_yaml_bytes(file))
        except LoadError as exc:
            raws.append(exc)
    readable = [raw for raw in raws if isinstance(raw, bytes)]
    key = None
    if cache is not None and len(readable) == len(raws):
        key = cache.key(path, strict, search, files, readable)
        cached = None if key is None else cache.get(key, search)
        if cached is not None:
            return cached
    for i, (file, raw) in enumerate(zip(files, raws, strict=True)):
        try:
            if isinstance(raw, LoadError):
                raise raw
            doc = parse_yaml_bytes(raw, file)
        except LoadError as exc:
            builder.problems.extend(exc.problems)
            continue
        builder.add_document(doc, is_header=(i == 0))
    if not builder.header:
        # The header file could not be read: with no criteria or sources to check the options
        # against, every cross-reference would fail and bury the one real problem.
        if not builder.problems:
            builder.problems.append(Problem(display_path(files[0]), 0, "", "no header read"))
        raise LoadError(builder.problems)
    decision_set = builder.build(path)
    warnings = [p for p in builder.problems if p.severity != "error"]
    result = LoadResult(decision_set, warnings)
    if key is not None and cache is not None:
        cache.put(key, search, result)
    return result
