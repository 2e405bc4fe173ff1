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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from explorer.core.input_files import FileRefused, read_regular
from explorer.core.problems import LoadError, Problem, display_path

# libyaml's parser when PyYAML was built with it (10× faster), the pure-Python one otherwise;
# both are the *safe* loader and both keep line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass
class YamlDoc:
    """A parsed document plus the 1-based line of every value, keyed by its path."""

    file: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, path: PathKey) -> int:
        """Line of `path`, else of its nearest parent (a missing key points at its parent)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


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
    def __init__(self, file: str, max_chars: int) -> None:
        self.file = file
        self.lines: dict[PathKey, int] = {}
        self.nodes = 0
        self.chars = 0
        self.max_chars = max_chars
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def fail(self, node: yaml.Node, path: PathKey, message: str) -> LoadError:
        line = node.start_mark.line + 1
        return LoadError([Problem(self.file, line, format_path(path), message)])

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(
                node, path, f"document expands to more than {MAX_NODES} values (alias bomb?)"
            )
        if len(path) > MAX_DEPTH:
            raise self.fail(node, path, f"nested more than {MAX_DEPTH} levels deep")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise self.fail(node, path, f"tag {_tag(node.tag)} is not allowed")
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if (
                    not isinstance(key_node, yaml.ScalarNode)
                    or key_node.tag == "tag:yaml.org,2002:merge"
                ):
                    raise self.fail(key_node, path, "keys must be plain scalars")
                key = str(self.scalar(key_node, path))
                if key in out:
                    raise self.fail(key_node, (*path, key), "duplicate key")
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = self.convert(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self.fail(node, path, f"tag {_tag(node.tag)} is not allowed")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: PathKey) -> Any:
        self.chars += len(node.value)
        if self.chars > self.max_chars:
            raise self.fail(
                node, path, f"document expands to more than {self.max_chars} characters (aliases?)"
            )
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(
                node, path, f"tag {_tag(node.tag)} is not allowed (only plain YAML data)"
            )
        if node.tag == "tag:yaml.org,2002:timestamp":
            return str(node.value)  # dates stay text as written (never built: 2025-13-31 is bad)
        try:
            return self.constructor.construct_object(node)
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
        node = yaml.compose(text, Loader=_LOADER)
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
    return YamlDoc(file, data, converter.lines)


def read_yaml(path: Path, max_bytes: int | None = None) -> YamlDoc:
    """Read, size-check, decode and parse one YAML file (default cap: MAX_FILE_BYTES, read now)."""
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    file = display_path(path)
    try:
        raw = read_regular(path, max_bytes)
    except FileRefused as exc:
        raise LoadError([Problem(file, 0, "", str(exc))]) from None
    if len(raw) > max_bytes:
        raise LoadError([Problem(file, 0, "", f"file is over the {max_bytes}-byte limit")])
    return parse_yaml_text(_decode(raw, file), file)
