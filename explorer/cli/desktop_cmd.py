"""`policy-explorer install-desktop [--uninstall]`: the menu entry and icons for this user.

The entry opens this very installation (a venv, pipx or a bundle), so run the command again
after moving or reinstalling the app.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from explorer import desktop


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "install-desktop",
        help="add the app to this user's desktop menu (Linux; honours XDG_DATA_HOME)",
    )
    p.add_argument(
        "--uninstall", action="store_true", help="remove the entry and icons installed before"
    )
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    home = desktop.data_home()
    try:
        changed = desktop.uninstall(home) if args.uninstall else desktop.install(home)
    except OSError as exc:
        print(f"{exc.filename or home}: {exc.strerror}", file=sys.stderr)
        return 1
    if args.uninstall:
        print(f"removed {len(changed)} files from {home}" if changed else "nothing was installed")
    else:
        print(f"installed {desktop.ENTRY_FILE} and {len(changed) - 1} icons under {home}")
        print(f"it runs: {' '.join(desktop.launcher())}")
    for path in changed:
        print(f"  {path}")
    return 0
