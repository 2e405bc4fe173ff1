"""Typed field access over a parsed YAML document that records problems instead of raising.

Each reader returns a usable value (or None) and appends a Problem naming file, line and field,
so one pass over a file reports everything wrong with it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from explorer.core.problems import Problem
from explorer.core.yamlsafe import PathKey, YamlDoc, format_path, shown

# \Z, not $: "$" also matches before a final line break, so "us_cost\n" would pass as an id
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
# The one bound every number read from a file must meet. Far beyond any real score, scale or
# weight, yet small enough that the arithmetic done on them (a scale's span, a sum of weights over
# every node a file may hold, squares in TOPSIS) stays finite: past it a 309-digit integer
# overflowed float(), a scale of ±1e308 had an infinite span and ten weights of 1e308 summed to inf.
MAX_MAGNITUDE = 1e15

_MISSING = object()


def _type_name(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


class Fields:
    def __init__(self, doc: YamlDoc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def report(self, path: PathKey, message: str, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.doc.file, self.doc.line(path), format_path(path), message, severity)
        )

    def _raw(self, mapping: dict[str, Any], path: PathKey, key: str, required: bool) -> Any:
        if key not in mapping:
            if required:
                self.report((*path, key), "is required but missing")
            return _MISSING
        return mapping[key]

    def text(
        self, mapping: dict[str, Any], path: PathKey, key: str, required: bool = True
    ) -> str | None:
        value = self._raw(mapping, path, key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.report((*path, key), f"must be text, not {_type_name(value)}")
            return None
        value = str(value).strip()
        if required and not value:
            self.report((*path, key), "must not be empty")
            return None
        return value

    def identifier(self, mapping: dict[str, Any], path: PathKey, key: str = "id") -> str | None:
        value = self.text(mapping, path, key)
        if value is not None and not ID_PATTERN.match(value):
            self.report((*path, key), f"'{value}' is not a valid id (letters, digits, _ . -)")
            return None
        return value

    def number(
        self, mapping: dict[str, Any], path: PathKey, key: str, required: bool = True
    ) -> float | None:
        value = self._raw(mapping, path, key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.report((*path, key), f"must be a number, not {_type_name(value)} ({value!r})")
            return None
        return self.checked_number(value, (*path, key))

    def checked_number(self, value: int | float, path: PathKey) -> float | None:
        """The number as a float if it is finite and within ±MAX_MAGNITUDE, else reported."""
        try:
            number = float(value)
        except OverflowError:  # an integer too large for any float
            number = math.inf
        if isinstance(value, float) and not math.isfinite(value):
            self.report(path, f"must be a finite number, not {value}")
            return None
        if not abs(number) <= MAX_MAGNITUDE:
            self.report(
                path,
                f"{shown(value)} is out of range (numbers must be within ±{MAX_MAGNITUDE:g})",
            )
            return None
        return number

    def choice(
        self, mapping: dict[str, Any], path: PathKey, key: str, allowed: Iterable[str]
    ) -> str | None:
        allowed = allowed if isinstance(allowed, tuple | list) else list(allowed)
        value = self.text(mapping, path, key)
        if value is not None and value not in allowed:
            self.report((*path, key), f"'{value}' must be one of: {', '.join(allowed)}")
            return None
        return value

    def mapping(
        self, mapping: dict[str, Any], path: PathKey, key: str, required: bool = True
    ) -> dict[str, Any] | None:
        value = self._raw(mapping, path, key, required)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.report((*path, key), f"must be a mapping, not {_type_name(value)}")
            return None
        return value

    def items(
        self, mapping: dict[str, Any], path: PathKey, key: str, required: bool = True
    ) -> list[Any]:
        value = self._raw(mapping, path, key, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.report((*path, key), f"must be a list, not {_type_name(value)}")
            return []
        return value

    def text_list(self, mapping: dict[str, Any], path: PathKey, key: str) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.items(mapping, path, key, required=False)):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.report((*path, key, i), f"must be text, not {_type_name(item)}")
            else:
                out.append(str(item))
        return tuple(out)

    def is_mapping(self, value: Any, path: PathKey) -> bool:
        if not isinstance(value, dict):
            self.report(path, f"must be a mapping, not {_type_name(value)}")
            return False
        return True

    def unknown_keys(self, mapping: dict[str, Any], path: PathKey, allowed: set[str]) -> None:
        for key in mapping:
            if key not in allowed:
                self.report(
                    (*path, key), f"unknown field (expected one of: {', '.join(sorted(allowed))})"
                )
