"""Where the app's bundled data and the user's state live.

Bundled data (`options/`, `resources/`) is found in this order: POLICY_EXPLORER_HOME, when set;
the copy an installed wheel or a PyInstaller bundle carries inside the package
(`explorer/_data`, located through importlib.resources); else the project checkout the package
was imported from (the README's editable install and `python -m explorer`), whose folders
authors edit in place.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import appdirs

APP_NAME = "policy-explorer"
PACKAGED_DATA = "_data"


def packaged_data() -> Path | None:
    """The data an installed copy carries, or None when running from a checkout.

    Wheels install unpacked and PyInstaller bundles unpack into a folder, so the package's
    resources are plain files with a filesystem path; a zipped install is not supported.
    """
    folder = resources.files("explorer") / PACKAGED_DATA
    return folder if isinstance(folder, Path) and folder.is_dir() else None


def project_root() -> Path:
    override = os.environ.get("POLICY_EXPLORER_HOME")
    if override:
        return Path(override)
    return packaged_data() or Path(__file__).resolve().parent.parent


def options_dir() -> Path:
    return project_root() / "options"


def resources_dir() -> Path:
    return project_root() / "resources"


def sources_dir() -> Path:
    return resources_dir() / "sources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


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


def user_cache_dir() -> Path:
    """Disposable data (validated large sets): deleting it only makes the next load slower."""
    override = os.environ.get("POLICY_EXPLORER_CACHE")
    if override:
        return Path(override)
    return Path(appdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    override = os.environ.get("POLICY_EXPLORER_CONFIG")
    if override:
        return Path(override)
    return Path(appdirs.user_config_dir(APP_NAME, appauthor=False))
