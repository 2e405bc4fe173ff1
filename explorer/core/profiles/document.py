"""The profile file format: parsing with migration, and a canonical, diff-friendly rendering.

Older formats are upgraded on load through MIGRATIONS (one step per version), so the rest of the
app only ever sees the current shape; a newer format is refused rather than half-read. Fields this
version does not know are kept in `extra` and written back untouched, so a profile written by a
later feature survives a round trip through this one.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from explorer import __version__
from explorer.core.briefing.deck import DeckSettings
from explorer.core.elicitation.record import Elicitation, parse_elicitation
from explorer.core.engine import Method
from explorer.core.fields import ID_PATTERN, Fields
from explorer.core.input_files import FileRefused, read_regular
from explorer.core.problems import LoadError, Problem, display_path
from explorer.core.profiles.analysis_fields import (
    parse_briefing,
    parse_source_weights,
    source_weights_data,
)
from explorer.core.profiles.promethee_field import parse_promethee, promethee_data
from explorer.core.promethee import Preference
from explorer.core.yamlsafe import YamlDoc, parse_yaml_text, shown

PROFILE_SCHEMA_VERSION = 2
MAX_PROFILE_BYTES = 256 * 1024
# the order fields are written in: identity and provenance first, then what the set needs
KEY_ORDER = (
    "schema_version",
    "name",
    "author",
    "description",
    "created",
    "modified",
    "app_version",
    "decision_set",
    "decision_set_version",
    "method",
    "weights",
    "locks",
    "source_weights",
    "briefing",
    "elicitation",
    "promethee",
)
KNOWN_KEYS = set(KEY_ORDER)
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 had name, decision_set, method and weights; v2 adds provenance and locks, all optional,
    so the upgrade only bumps the version. Unknown v1 keys stay where they are."""
    return {**data, "schema_version": 2}


# version N -> function turning a version-N mapping into a version-(N+1) mapping
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


@dataclass(frozen=True)
class Profile:
    """One analyst's weighting of one decision set.

    `file`, `path`, `revision` and `read_version` say where the profile came from, not what it
    is, so they take no part in equality: a saved and re-loaded profile equals what was saved.
    """

    name: str
    decision_set: str
    weights: dict[str, float]  # as written; normalised when applied to a set
    method: Method = Method.WSM
    extra: dict[str, Any] = field(default_factory=dict)
    file: str = field(default="", compare=False)
    author: str = ""
    description: str = ""
    created: str = ""  # ISO 8601; the app writes UTC ("...Z")
    modified: str = ""
    decision_set_version: str = ""
    locks: tuple[str, ...] = ()
    source_weights: dict[str, float] | None = None  # credibility per source; None = lens off
    briefing: DeckSettings = field(default_factory=DeckSettings)
    elicitation: Elicitation | None = None  # how the weights were obtained, if elicited
    promethee: dict[str, Preference] = field(default_factory=dict)  # edited thresholds only
    path: Path | None = field(default=None, compare=False, repr=False)
    revision: str = field(default="", compare=False, repr=False)  # sha256 of the bytes read
    read_version: int = field(default=PROFILE_SCHEMA_VERSION, compare=False, repr=False)
    # the app version that last wrote the file: provenance, like `file`, not content
    app_version: str = field(default="", compare=False)


def as_written_now(profile: Profile) -> Profile:
    """The profile as a write puts it on disk: stamped with this app's version, so a file
    written by a later (or older) app says so when a reader hits a difference."""
    return replace(profile, app_version=__version__)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def revision_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _version(data: dict[str, Any], f: Fields) -> int | None:
    if "schema_version" not in data:
        f.report(("schema_version",), "is required but missing")
        return None
    value = data["schema_version"]
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    number = f.checked_number(value, ("schema_version",)) if ok else None
    if number is None or int(number) != number:
        if number is not None or not ok:
            f.report(("schema_version",), f"must be a whole number, not {shown(value)}")
        return None
    version = int(number)
    if version > PROFILE_SCHEMA_VERSION:
        f.report(
            ("schema_version",),
            f"profile format {version} is newer than this app reads (up to "
            f"{PROFILE_SCHEMA_VERSION}); update Policy Options Explorer to open it",
        )
        return None
    if version not in MIGRATIONS and version != PROFILE_SCHEMA_VERSION:
        f.report(("schema_version",), f"{version} is not a profile format version")
        return None
    return version


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Apply each step from `version` up to the current one."""
    while version < PROFILE_SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def _timestamp(data: dict[str, Any], f: Fields, key: str) -> str:
    value = f.text(data, (), key, required=False) or ""
    if value and not (TIMESTAMP.match(value) and _parses_as_time(value)):
        f.report((key,), f"'{value}' is not an ISO 8601 time such as 2025-01-31T09:30:00Z")
    return value


def _parses_as_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _weights(data: dict[str, Any], f: Fields) -> dict[str, float]:
    weights: dict[str, float] = {}
    raw = f.mapping(data, (), "weights") or {}
    for key in raw:
        if not ID_PATTERN.match(key):
            f.report(
                ("weights", key), f"'{key}' is not a valid criterion id (letters, digits, _ . -)"
            )
            continue
        value = f.number(raw, ("weights",), key)
        if value is not None and value < 0:
            f.report(("weights", key), f"{value:g} is negative; weights must be >= 0")
        elif value is not None:
            weights[key] = raw[key]  # as written: 3 stays 3, so a re-save does not write 3.0
    return weights


def _locks(data: dict[str, Any], f: Fields) -> tuple[str, ...]:
    locks = f.text_list(data, (), "locks")
    for i, cid in enumerate(locks):
        if not ID_PATTERN.match(cid):
            f.report(("locks", i), f"'{cid}' is not a valid criterion id")
        elif cid in locks[:i]:
            f.report(("locks", i), f"'{cid}' is listed twice")
    return locks


def profile_from_doc(doc: YamlDoc, raw: bytes | None = None, path: Path | None = None) -> Profile:
    """Validate and upgrade one parsed document; every problem found is raised at once."""
    problems: list[Problem] = []
    f = Fields(doc, problems)
    version = _version(doc.data, f)
    if version is None:
        raise LoadError(problems)
    data = migrate(doc.data, version)
    name = f.text(data, (), "name")
    set_id = f.text(data, (), "decision_set")
    method = Method.WSM
    if "method" in data:
        chosen = f.choice(data, (), "method", [m.value for m in Method])
        method = Method(chosen) if chosen else method
    weights = _weights(data, f)
    author = f.text(data, (), "author", required=False) or ""
    description = f.text(data, (), "description", required=False) or ""
    set_version = f.text(data, (), "decision_set_version", required=False) or ""
    created, modified = _timestamp(data, f, "created"), _timestamp(data, f, "modified")
    app_version = f.text(data, (), "app_version", required=False) or ""
    locks = _locks(data, f)
    source_weights = parse_source_weights(data, f)
    briefing = parse_briefing(data, f)
    elicitation = parse_elicitation(data, f)
    promethee = parse_promethee(data, f)
    if any(p.severity == "error" for p in problems) or name is None or set_id is None:
        raise LoadError(problems)
    return Profile(
        name=name,
        decision_set=set_id,
        weights=weights,
        method=method,
        extra={k: v for k, v in data.items() if k not in KNOWN_KEYS},
        file=doc.file,
        author=author,
        description=description,
        created=created,
        modified=modified,
        decision_set_version=set_version,
        locks=locks,
        source_weights=source_weights,
        briefing=briefing,
        elicitation=elicitation,
        promethee=promethee,
        path=path.resolve() if path is not None else None,
        revision=revision_of(raw) if raw is not None else "",
        read_version=version,
        app_version=app_version,
    )


def decode_text(raw: bytes, file: str) -> str:
    """UTF-8 (a BOM is allowed); a bad byte is reported with its line, like every other error."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
        line = raw[:start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{raw[start]:02x})"
        raise LoadError([Problem(file, line, "", message)]) from None


def read_bytes(path: Path, limit: int = MAX_PROFILE_BYTES) -> bytes:
    """The file's bytes, refusing anything over `limit` before reading it into memory."""
    file = display_path(path)
    try:
        raw = read_regular(path, limit)
    except FileRefused as exc:
        raise LoadError([Problem(file, 0, "", str(exc))]) from None
    if len(raw) > limit:
        raise LoadError([Problem(file, 0, "", f"file is over the {limit}-byte limit")])
    return raw


def parse_profile_bytes(raw: bytes, file: str, path: Path | None = None) -> Profile:
    if len(raw) > MAX_PROFILE_BYTES:  # however the bytes arrived: a file, a code, a save
        raise LoadError([Problem(file, 0, "", f"file is over the {MAX_PROFILE_BYTES}-byte limit")])
    # expanded text is held to the file's own byte cap: aliases cannot stand for more than a
    # file could hold, so whatever is read can be written back out within the cap
    doc = parse_yaml_text(decode_text(raw, file), file, max_chars=MAX_PROFILE_BYTES)
    return profile_from_doc(doc, raw, path)


def load_profile(path: Path) -> Profile:
    """Read one profile file (any supported version), upgraded to the current format."""
    path = Path(path)
    return parse_profile_bytes(read_bytes(path), display_path(path), path)


def parse_profile(text: str, file: str = "<profile>") -> Profile:
    return parse_profile_bytes(text.encode("utf-8"), file)


def profile_to_data(profile: Profile) -> dict[str, Any]:
    """The profile as plain data in the canonical key order, unknown fields last as read.

    Optional text left empty is omitted rather than written as '' to keep files short.
    """
    data: dict[str, Any] = {
        "schema_version": PROFILE_SCHEMA_VERSION,
        "name": profile.name,
        "author": profile.author,
        "description": profile.description,
        "created": profile.created,
        "modified": profile.modified,
        "app_version": profile.app_version,
        "decision_set": profile.decision_set,
        "decision_set_version": profile.decision_set_version,
        "method": profile.method.value,
        "weights": dict(profile.weights),
        "locks": list(profile.locks),
        "source_weights": source_weights_data(profile.source_weights),
        "briefing": profile.briefing.to_data(),
        "elicitation": profile.elicitation.to_data() if profile.elicitation else None,
        "promethee": promethee_data(profile.promethee),
    }
    data = {k: v for k, v in data.items() if v != "" or k in ("name", "decision_set")}
    if data["source_weights"] is None:  # lens off; {} would mean on with every source at 1
        del data["source_weights"]
    if not data["briefing"]:
        del data["briefing"]
    for optional in ("elicitation", "promethee"):
        if data[optional] is None:
            del data[optional]
    data.update((k, v) for k, v in profile.extra.items() if k not in KNOWN_KEYS)
    return data


class _Dumper(yaml.SafeDumper):
    """Safe dumping, with multi-line text as a literal block so a rationale diffs line by line."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_data(data: dict[str, Any]) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,  # one line per value: a re-wrapped paragraph would make every diff noisy
    )


def dump_profile(profile: Profile) -> str:
    """Canonical text: dump_profile(parse(dump_profile(p))) == dump_profile(p)."""
    return dump_data(profile_to_data(profile))


def profile_bytes(profile: Profile, file: str) -> bytes:
    """The file's bytes, but only if they read back as a profile: a write must never leave a
    file this app would then refuse (over the size cap, say, once unknown fields were written
    out in full). Raises LoadError with what the reader would have said."""
    try:
        raw = dump_profile(profile).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in some text
        raise LoadError([Problem(file, 0, "", "holds text that is not valid Unicode")]) from None
    parse_profile_bytes(raw, file)
    return raw
