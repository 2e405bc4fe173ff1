"""install-desktop: the menu entry and icons land in $XDG_DATA_HOME and --uninstall removes them."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import desktop
from explorer.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_then_uninstall_for_the_current_user(xdg: Path, capsys) -> None:
    assert main(["install-desktop"]) == 0
    entry_file = xdg / "applications" / "policy-explorer.desktop"
    entry = _entry(entry_file)
    assert entry["Type"] == "Application" and entry["Icon"] == "policy-explorer"
    assert entry["Exec"] == " ".join(desktop.exec_quote(a) for a in desktop.launcher())
    assert entry["Terminal"] == "false"
    icons = xdg / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "policy-explorer.svg").read_bytes().startswith(b"<?xml")
    for size in desktop.ICON_SIZES:
        assert _png_size(icons / f"{size}x{size}" / "apps" / "policy-explorer.png") == (size, size)
    assert "installed policy-explorer.desktop and 9 icons" in capsys.readouterr().out

    assert main(["install-desktop", "--uninstall"]) == 0
    assert "removed 10 files" in capsys.readouterr().out
    assert not entry_file.exists() and not list(icons.rglob("*.png"))
    assert (xdg / "applications").is_dir()  # shared folders stay
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing was installed" in capsys.readouterr().out


def test_relative_xdg_data_home_is_ignored(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_launcher_is_this_installations_gui_script() -> None:
    script = Path(sys.executable).parent / "policy-explorer-gui"
    expected = [str(script)] if script.exists() else [sys.executable, "-m", "explorer"]
    assert desktop.launcher() == expected


@pytest.mark.parametrize(
    ("arg", "written"),
    [
        ("/opt/app/bin/policy-explorer-gui", "/opt/app/bin/policy-explorer-gui"),
        ("/home/a b/bin/x", '"/home/a b/bin/x"'),
        ("/p/$HOME/x", '"/p/\\\\$HOME/x"'),  # \$ inside quotes, then the string escape of \
        ("/100%/x", "/100%%/x"),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_says(arg: str, written: str) -> None:
    assert desktop.exec_quote(arg) == written


def test_an_unwritable_data_home_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(blocker) in err


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)
def test_entry_passes_desktop_file_validate(xdg: Path) -> None:
    desktop.install(xdg, ["/opt/policy explorer/bin/policy-explorer-gui"])
    proc = subprocess.run(
        ["desktop-file-validate", str(xdg / "applications" / "policy-explorer.desktop")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def test_committed_icons_are_the_sizes_the_entry_installs() -> None:
    icons = ROOT / "resources" / "icons"
    for size in desktop.ICON_SIZES:
        assert _png_size(icons / f"policy-explorer-{size}.png") == (size, size)
