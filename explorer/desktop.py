"""Linux desktop integration for the current user: the application entry and its icons.

Follows the freedesktop.org specifications: the entry goes to $XDG_DATA_HOME/applications and
the icons to the hicolor theme under $XDG_DATA_HOME/icons, so menus, launchers and the taskbar
find them without root and without a package manager. The committed entry names the launcher
by name; the installed copy names it by absolute path, because a virtual environment's (or
pipx's) bin folder is seldom on the desktop session's PATH.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from explorer import paths
from explorer.core.profiles.atomic import write_atomic

ICON_NAME = "policy-explorer"  # also the entry's file name and Qt's desktop file name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ENTRY_FILE = f"{ICON_NAME}.desktop"
GUI_SCRIPT = "policy-explorer-gui"
# characters that make the spec require an Exec argument to be quoted
RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """$XDG_DATA_HOME when it is set to an absolute path (the spec ignores a relative one)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that opens the window for this very installation."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable is the app
        return [sys.executable]
    # sys.executable unresolved: a venv's python is a symlink out of the venv
    script = Path(sys.executable).parent / GUI_SCRIPT
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "explorer"]


def exec_quote(arg: str) -> str:
    """One argument of an Exec key, encoded as the Desktop Entry spec reads it back: quoted
    when it holds a reserved character, then %-codes and the string escape for backslash."""
    if not arg or any(c in arg for c in RESERVED):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg.replace("\\", "\\\\").replace("%", "%%")


def entry_text(command: list[str]) -> str:
    """The committed entry with Exec and TryExec pointing at `command`."""
    template = (paths.resources_dir() / "desktop" / ENTRY_FILE).read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_quote(a) for a in command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Installed:
    """Where each file goes, from the data home down."""

    home: Path

    @property
    def entry(self) -> Path:
        return self.home / "applications" / ENTRY_FILE

    def icons(self) -> dict[Path, Path]:
        """Installed icon path -> the bundled file it is copied from."""
        hicolor = self.home / "icons" / "hicolor"
        source = paths.icons_dir()
        found = {hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg": source / f"{ICON_NAME}.svg"}
        for size in ICON_SIZES:
            target = hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
            found[target] = source / f"{ICON_NAME}-{size}.png"
        return found

    def files(self) -> list[Path]:
        return [self.entry, *self.icons()]


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the entry and icons (replacing older copies); returns the files written."""
    target = Installed(home or data_home())
    written = []
    for dest, source in target.icons().items():
        dest.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(dest, source.read_bytes())
        written.append(dest)
    target.entry.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target.entry, entry_text(command or launcher()).encode("utf-8"))
    written.append(target.entry)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() writes (folders stay: other apps share them); returns what went."""
    removed = []
    for path in Installed(home or data_home()).files():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
