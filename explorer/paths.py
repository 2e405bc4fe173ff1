"""Where the app's bundled data and the user's state live.

Bundled data (`options/`, `resources/`) sits beside the package in the project checkout, which
the README's install (an editable install) keeps in place. POLICY_EXPLORER_HOME points elsewhere
when the package is installed without its checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "policy-explorer"


def project_root() -> Path:
    override = os.environ.get("POLICY_EXPLORER_HOME")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent


def options_dir() -> Path:
    return project_root() / "options"


def resources_dir() -> Path:
    return project_root() / "resources"


def sources_dir() -> Path:
    return resources_dir() / "sources"


def bundled_set() -> Path:
    return options_dir() / "iraq-troop-posture"


def is_bundled(path: Path) -> bool:
    """Bundled sets are held to the strict rules (every quote must be found in its source)."""
    try:
        path.resolve().relative_to(options_dir().resolve())
    except ValueError:
        return False
    return True


def user_data_dir() -> Path:
    override = os.environ.get("POLICY_EXPLORER_DATA")
    return Path(override) if override else Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    override = os.environ.get("POLICY_EXPLORER_CONFIG")
    if override:
        return Path(override)
    return Path(appdirs.user_config_dir(APP_NAME, appauthor=False))
