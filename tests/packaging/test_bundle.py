"""The standalone bundle runs on its own: validate, rank, brief and the window, from its folder.

`make dist` builds dist/policy-explorer and runs this file with POLICY_EXPLORER_BUNDLE pointing
there. Without that variable the bundle is built here from the committed spec, when PyInstaller
is installed (it is only in the `dist` extra, which `make dist` installs).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from app_checks import check_commands, check_window, clean_env, run

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "policy-explorer.spec"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if given := os.environ.get("POLICY_EXPLORER_BUNDLE"):
        return Path(given).resolve()
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (`make dist` installs it and runs this test)")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return work / "dist" / "policy-explorer"


def test_bundle_carries_its_data_where_the_wheel_does(bundle: Path) -> None:
    data = bundle / "_internal" / "explorer" / "_data"
    assert (data / "options" / "iraq-troop-posture" / "decision-set.yaml").is_file()
    assert (data / "resources" / "icons" / "policy-explorer-256.png").is_file()


def test_bundle_runs_the_commands_on_its_own_python(bundle: Path, tmp_path: Path) -> None:
    assert list((bundle / "_internal").glob("libpython3*.so*")) or sys.platform != "linux"
    check_commands([str(bundle / "policy-explorer")], tmp_path)


def test_bundle_opens_the_window(bundle: Path, tmp_path: Path) -> None:
    check_window([str(bundle / "policy-explorer")], tmp_path)


def test_bundle_installs_a_desktop_entry_for_itself(bundle: Path, tmp_path: Path) -> None:
    run([str(bundle / "policy-explorer"), "install-desktop"], tmp_path, clean_env(tmp_path))
    entry = (tmp_path / "xdg" / "applications" / "policy-explorer.desktop").read_text()
    assert f"Exec={bundle / 'policy-explorer'}\n" in entry
