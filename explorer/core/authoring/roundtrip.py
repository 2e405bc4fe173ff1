"""One YAML file held for editing so that writing it back changes only what was edited.

PyYAML (the reading and validating path) drops comments and quoting; writing its data back
would reformat a hand-kept file and turn a one-cell edit into a diff of the whole file. ruamel's
round-trip mode keeps comments, key order, quoting and flow style. What it cannot keep on its
own is the file's indentation, so the style is found by trying the common ones and keeping the
one that reproduces the file byte for byte.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from explorer.core.fields import ID_PATTERN
from explorer.core.problems import LoadError
from explorer.core.yamlsafe import parse_yaml_text

WIDTH = 1_000_000  # never fold a long line the author wrote on one line
# (mapping indent, sequence indent, dash offset): this project's style first
_STYLES = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 4, 0), (4, 6, 4), (2, 4, 0), (4, 2, 0)]
DEFAULT_STYLE = _STYLES[0]


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.allow_unicode = True
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@dataclass
class RoundTripDoc:
    """A file's original text, its editable tree and the style that writes it back unchanged.

    `faithful` is False when no style reproduced the file exactly (unusual hand formatting):
    the first save then normalises its layout, which the caller can tell the user about.
    """

    text: str
    data: Any
    style: tuple[int, int, int]
    faithful: bool
    # the dump of `data` while nothing has touched it: dumping costs ~0.1 s for a 200-line
    # file, and an edit changes one or two of a set's files
    cached: str | None = None

    @classmethod
    def parse(cls, text: str) -> RoundTripDoc:
        """`text` must already have passed the safe loader: this never sees untrusted YAML."""
        body = text.removeprefix("\ufeff")
        styles = list(_STYLES)
        try:
            _, sequence, offset = load_yaml_guess_indent(body)
        except Exception:  # the guess is only a hint; the safe loader has judged the file
            sequence = offset = None
        if sequence is not None and offset is not None:
            for mapping in (2, 4):
                guess = (mapping, sequence, offset)
                if guess in styles:
                    styles.remove(guess)
                styles.insert(0, guess)
        first = None
        for style in styles:
            writer = _yaml(style)  # ruamel's round-trip mode: plain data, no Python objects
            data = writer.load(body)
            if _dump(writer, data) == body:
                return cls(text, data, style, True, text)
            first = first or (data, style)
        data, style = first if first else (None, DEFAULT_STYLE)
        return cls(text, data, style, False)

    @classmethod
    def new(cls, data: dict[str, Any]) -> RoundTripDoc:
        return cls("", to_tree(data), DEFAULT_STYLE, True)

    def dump(self) -> str:
        if self.cached is None:
            bom = "\ufeff" if self.text.startswith("\ufeff") else ""
            self.cached = bom + _dump(_yaml(self.style), self.data)
        return self.cached

    def touch(self) -> None:
        """`data` is about to change (or has): the next dump writes it out again."""
        self.cached = None

    @property
    def changed(self) -> bool:
        return self.dump() != self.text


PLAIN_KEYS = {"id", "direction", "stance", "source", "advocates", "opponents", "unassessed"}


def to_tree(value: Any, plain: bool = False) -> Any:
    """Plain Python data as round-trip nodes, in the bundled set's style: ids and keywords
    (`id`, `direction`, `stance`...) plain, other text double-quoted (so `no` or `3.0` stays
    text), lists of ids on one line."""
    if isinstance(value, CommentedMap | CommentedSeq):  # already a tree
        return value
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = to_tree(item, key in PLAIN_KEYS)
        return node
    if isinstance(value, list | tuple):
        seq = CommentedSeq(to_tree(item, plain) for item in value)
        if plain:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        if plain and ID_PATTERN.match(value) and _plain_safe(value):
            return value
        return DoubleQuotedScalarString(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_STRING_STYLES = (
    DoubleQuotedScalarString,
    SingleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)


def styled_like(old: Any, text: str) -> Any:
    """New text for a value, written the way the old value was (plain, quoted or folded)."""
    for kind in _STRING_STYLES:
        if isinstance(old, kind):
            return kind(text)
    if isinstance(old, str):
        return text if _plain_safe(text) else DoubleQuotedScalarString(text)
    return DoubleQuotedScalarString(text)


def _plain_safe(text: str) -> bool:
    """Text that reads back as the same string when written without quotes."""
    try:  # the loader's own reading decides
        return parse_yaml_text(f"v: {text}\n", "<check>").data.get("v") == text
    except LoadError:
        return False


def number(value: float) -> int | float:
    """Whole numbers written as 7, not 7.0, as an author types them."""
    return int(value) if float(value).is_integer() else float(value)
