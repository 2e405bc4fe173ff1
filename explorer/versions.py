"""What `--version` and Help ▸ About report: the app, its Python, and the bundled data it carries.

A bug report needs all three, because the bundled sets change on their own schedule and an
installed copy may carry older data than the checkout. No Qt here: the terminal answers
without starting Qt, and the About dialog adds Qt's own versions.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from explorer import __version__, paths
from explorer.core.loader import HEADER_FILE
from explorer.core.problems import LoadError
from explorer.core.yamlsafe import read_yaml


@dataclass(frozen=True)
class BundledSet:
    id: str
    version: str  # the set's own `version`; "unreadable" when its header does not parse

    def __str__(self) -> str:
        return f"{self.id} {self.version}"


def bundled_sets(root: Path | None = None) -> list[BundledSet]:
    """Each bundled set's id and version, read from its header alone (no full load)."""
    root = paths.options_dir() if root is None else root
    found: list[BundledSet] = []
    for header in sorted(root.glob(f"*/{HEADER_FILE}")):
        try:
            data = read_yaml(header).data
        except LoadError:
            found.append(BundledSet(header.parent.name, "unreadable"))
            continue
        set_id = data.get("id") if isinstance(data.get("id"), str) else header.parent.name
        version = data.get("version")
        found.append(BundledSet(set_id, str(version) if version is not None else "unversioned"))
    return found


def data_summary() -> str:
    sets = bundled_sets()
    return ", ".join(str(s) for s in sets) if sets else f"none found in {paths.options_dir()}"


def version_line() -> str:
    """The one line `policy-explorer --version` prints."""
    return (
        f"policy-explorer {__version__} (Python {platform.python_version()}; "
        f"bundled data: {data_summary()})"
    )
