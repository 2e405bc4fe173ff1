"""Reading untrusted YAML: safe tags only, bounded size and expansion, line numbers kept.

PyYAML's SafeLoader does the parsing and composing; we convert its node tree ourselves instead of
calling ``safe_load`` because we need each value's line for error messages, we must refuse
duplicate keys (``safe_load`` silently keeps the last), and alias expansion must be bounded
(``safe_load`` would happily build a billion-laughs document).
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any

import yaml

from explorer.core.input_files import FileRefused, read_regular
from explorer.core.problems import LoadError, Problem, display_path

# libyaml's parser when PyYAML was built with it (10× faster), the pure-Python one otherwise;
# both are the *safe* loader and both keep line marks.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
# Characters of text a document may expand to. Aliases let a small file stand for a huge one
# (a 1 MB string aliased 1,000 times); counting nodes alone does not see that, so every scalar's
# length is charged against this budget each time it is used.
MAX_EXPANDED_CHARS = 4 * MAX_FILE_BYTES

PathKey = tuple[str | int, ...]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader with its tag resolution remembered per plain scalar.

    The composer asks Python to resolve the tag of every scalar it builds, and the resolver runs
    up to a dozen regular expressions on each: a 1,000 × 50 set has a million scalars, most of
    them the same few keys and numbers. A plain scalar's tag depends on its text alone (the safe
    loader has no path resolvers), so the answer is kept per text for the document's lifetime.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:  # quoted: never an implicit type (what the resolver concludes too)
            return _STR_TAG
        tag = self._plain_tags.get(value)
        if tag is None:
            tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
        return tag


class YamlDoc:
    """A parsed document plus the 1-based line of every value, found from its path on demand.

    Lines are looked up in the composed node tree only when a problem is reported: recording
    one per value while converting cost as much as the conversion itself (a million entries on
    a 1,000 × 50 set, almost none of them ever read).
    """

    def __init__(self, file: str, data: Any, root: yaml.Node | None = None) -> None:
        self.file = file
        self.data = data
        self._root = root
        self._keys: dict[int, dict[str, tuple[int, yaml.Node]]] = {}  # id(mapping node) -> key
        self._constructor: yaml.SafeLoader | None = None

    def line(self, path: PathKey) -> int:
        """Line of `path`, else of its nearest parent (a missing key points at its parent);
        a mapping's entry is at its key's line, a list item at the item's own."""
        node = self._root
        if node is None:
            return 1
        line = node.start_mark.line + 1
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                entry = self._mapping_keys(node).get(part)
                if entry is None:
                    break
                line, node = entry
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def _mapping_keys(self, node: yaml.MappingNode) -> dict[str, tuple[int, yaml.Node]]:
        keys = self._keys.get(id(node))
        if keys is None:
            if self._constructor is None:
                self._constructor = yaml.SafeLoader("")
            keys = self._keys[id(node)] = {
                _key_text(key_node, self._constructor): (key_node.start_mark.line + 1, value)
                for key_node, value in node.value
            }
        return keys


def _key_text(node: yaml.Node, constructor: yaml.SafeLoader) -> str:
    """A mapping key as the converter made it (only ever called on a converted document)."""
    if node.tag == _STR_TAG:
        return node.value
    if node.tag == _TIMESTAMP_TAG:
        return str(node.value)
    return str(constructor.construct_object(node))


def _tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


# a key with one of these would break FILE:LINE: field: message into misleading parts
_AMBIGUOUS_KEY = re.compile(r'[:"\x00-\x1f\x7f\u2028\u2029]|^\s|\s$|^$')


def _key(part: str) -> str:
    """A key as it appears in a field path; one holding a ':', a quote or a line break (or
    empty, or padded with spaces) is quoted and escaped, JSON-style, so it reads unambiguously."""
    shown_part = part if len(part) <= 80 else part[:80] + "…"
    if _AMBIGUOUS_KEY.search(part) is None:
        return shown_part
    return json.dumps(shown_part, ensure_ascii=False)


def format_path(path: PathKey) -> str:
    if len(path) > 12:
        return format_path(path[:6]) + "…" + format_path(path[-3:]).lstrip(".")
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{_key(part)}" if out else _key(part))
    return out


def shown(value: object, limit: int = 60) -> str:
    """A user's value quoted in a message, cut short: a message must stay one readable line."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


class _Converter:
    """Node tree to plain values. The common cases (a scalar inside a mapping or list, text)
    are handled in line rather than by a call each: this runs once per value of the document."""

    def __init__(self, file: str, max_chars: int) -> None:
        self.file = file
        self.nodes = 0
        self.chars = 0
        self.max_chars = max_chars
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        # (tag, text) -> value: numbers, booleans and nulls repeat (every cell's keys and scores)
        # and constructing one costs several Python calls; the values are immutable, so shared
        self.built: dict[tuple[str, str], Any] = {}

    def fail(self, node: yaml.Node, path: PathKey, message: str) -> LoadError:
        line = node.start_mark.line + 1
        return LoadError([Problem(self.file, line, format_path(path), message)])

    def count(self, node: yaml.Node, path: PathKey) -> None:
        """Charge one value against the node and depth limits."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(
                node, path, f"document expands to more than {MAX_NODES} values (alias bomb?)"
            )
        if len(path) > MAX_DEPTH:
            raise self.fail(node, path, f"nested more than {MAX_DEPTH} levels deep")

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.count(node, path)
        if type(node) is yaml.ScalarNode:
            return self.scalar(node, path)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise self.fail(node, path, f"tag {_tag(node.tag)} is not allowed")
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                    raise self.fail(key_node, path, "keys must be plain scalars")
                key = self.scalar(key_node, path)
                if type(key) is not str:
                    key = str(key)
                if key in out:
                    raise self.fail(key_node, (*path, key), "duplicate key")
                if type(value_node) is yaml.ScalarNode and len(path) < MAX_DEPTH:
                    self.nodes += 1
                    if self.nodes > MAX_NODES:
                        self.count(value_node, (*path, key))  # raises, with the message
                    if value_node.tag == _STR_TAG:
                        self.chars += len(value_node.value)
                        if self.chars <= self.max_chars:
                            out[key] = value_node.value
                            continue
                        self.chars -= len(value_node.value)  # scalar() charges and reports it
                    out[key] = self.scalar(value_node, (*path, key))
                else:
                    out[key] = self.convert(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self.fail(node, path, f"tag {_tag(node.tag)} is not allowed")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: PathKey) -> Any:
        value = node.value
        self.chars += len(value)
        if self.chars > self.max_chars:
            raise self.fail(
                node, path, f"document expands to more than {self.max_chars} characters (aliases?)"
            )
        tag = node.tag
        if tag == _STR_TAG:
            return value  # what the safe constructor returns for text, without its four calls
        if tag not in _SCALAR_TAGS:
            raise self.fail(node, path, f"tag {_tag(tag)} is not allowed (only plain YAML data)")
        if tag == _TIMESTAMP_TAG:
            return str(value)  # dates stay text as written (never built: 2025-13-31 is bad)
        key = (tag, value)
        if key in self.built:
            return self.built[key]
        try:
            built = self.built[key] = self.constructor.construct_object(node)
            return built
        except Exception:
            # An explicit tag sends any text to a constructor, and they fail in many ways
            # (KeyError for !!bool maybe, IndexError for an empty !!float, ValueError...):
            # whatever they raise, the cause is the value, so it is reported as one.
            plain = self.constructor.resolve(yaml.ScalarNode, node.value, (True, False))
            shown_tag = "" if node.tag == plain else f"{_tag(node.tag)} "
            raise self.fail(
                node, path, f"unreadable value {shown_tag}{shown(node.value)}"
            ) from None


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
        line = raw[:start].count(b"\n") + 1  # utf-8-sig counts offsets after the BOM
        raise LoadError(
            [Problem(file, line, "", f"not UTF-8 text (byte 0x{raw[start]:02x})")]
        ) from None


def parse_yaml_text(text: str, file: str, max_chars: int = MAX_EXPANDED_CHARS) -> YamlDoc:
    """Parse one document from text; every failure becomes a LoadError naming file and line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:  # a control character or NUL: say where, one line
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"control character 0x{code:02x} is not allowed in YAML text"
        raise LoadError([Problem(file, line, "", message)]) from None
    except RecursionError:
        raise LoadError(
            [Problem(file, 1, "", f"nested more than {MAX_DEPTH} levels deep")]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or str(exc)
        if exc.context:
            reason = f"{exc.context}, {reason}"
        raise LoadError([Problem(file, line, "", f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Problem(file, 0, "", f"YAML error: {exc}")]) from None
    if node is None:
        raise LoadError([Problem(file, 1, "", "file is empty")])
    converter = _Converter(file, max_chars)
    data = converter.convert(node, ())
    if not isinstance(data, dict):
        raise LoadError([Problem(file, 1, "", "the top level must be a mapping (key: value)")])
    return YamlDoc(file, data, node)


def read_yaml_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """One YAML file's bytes, size-checked (default cap: MAX_FILE_BYTES, read now)."""
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    file = display_path(path)
    try:
        raw = read_regular(path, max_bytes)
    except FileRefused as exc:
        raise LoadError([Problem(file, 0, "", str(exc))]) from None
    if len(raw) > max_bytes:
        raise LoadError([Problem(file, 0, "", f"file is over the {max_bytes}-byte limit")])
    return raw


def parse_yaml_bytes(raw: bytes, path: Path) -> YamlDoc:
    """Decode and parse the bytes read_yaml_bytes gave for `path`."""
    file = display_path(path)
    return parse_yaml_text(_decode(raw, file), file)


def read_yaml(path: Path, max_bytes: int | None = None) -> YamlDoc:
    """Read, size-check, decode and parse one YAML file (default cap: MAX_FILE_BYTES, read now)."""
    return parse_yaml_bytes(read_yaml_bytes(path, max_bytes), path)
