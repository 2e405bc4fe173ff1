"""The wheel is the app: built as a release builds it, installed into a fresh venv, run elsewhere.

To stay quick the fresh venv borrows the dependencies (PySide6, numpy, ...) of the running
environment through a .pth line, while the package itself is installed from the wheel alone
(pip --no-deps); the tests then prove that `explorer` and its data are imported from that venv,
not from the checkout. A .pth line only adds a folder to the path: the checkout's editable
install, itself a .pth hook in that folder, stays inactive.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from app_checks import check_commands, check_window, clean_env, run

from explorer import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build` as a release runs it: the sdist, then the wheel built from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv's bin folder with the wheel installed and nothing else of ours."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            env_dir,
            clean_env(env_dir),
        ).strip()
    )
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return env_dir / "bin"


def test_wheel_carries_the_data_and_both_scripts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for name in (
        "explorer/_data/options/iraq-troop-posture/decision-set.yaml",
        "explorer/_data/resources/schemas/profile.schema.json",
        "explorer/_data/resources/desktop/policy-explorer.desktop",
        "explorer/_data/resources/icons/policy-explorer.svg",
        "explorer/_data/resources/icons/policy-explorer-256.png",
    ):
        assert name in names
    sources = [n for n in names if n.startswith("explorer/_data/resources/sources/")]
    assert len(sources) == len(list((ROOT / "resources" / "sources").iterdir()))
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\npolicy-explorer = explorer.__main__:main" in text
    assert "[gui_scripts]\npolicy-explorer-gui = explorer.__main__:main" in text


def test_sdist_holds_the_data_the_wheel_is_built_from(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in ("setup.py", "MANIFEST.in", "packaging/policy-explorer.spec"):
        assert name in names
    for folder in ("options", "resources"):
        in_repo = {str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*") if p.is_file()}
        assert in_repo <= names


def test_package_and_data_come_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import explorer, explorer.paths as p; "
        "print(explorer.__file__); print(p.project_root()); print(p.bundled_set())"
    )
    out = run([str(installed / "python"), "-c", probe], tmp_path, clean_env(tmp_path))
    package, root, bundled = (Path(line) for line in out.splitlines())
    venv_dir = installed.parent.resolve()
    assert package.resolve().is_relative_to(venv_dir)
    assert root.resolve() == package.resolve().parent / "_data"
    assert bundled.is_dir() and not bundled.resolve().is_relative_to(ROOT)


def test_installed_commands_work_from_another_folder(installed: Path, tmp_path: Path) -> None:
    check_commands([str(installed / "policy-explorer")], tmp_path)


def test_installed_gui_script_opens_the_window(installed: Path, tmp_path: Path) -> None:
    check_window([str(installed / "policy-explorer-gui")], tmp_path)


def test_install_desktop_points_at_this_installation(installed: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    run([str(installed / "policy-explorer"), "install-desktop"], tmp_path, env)
    entry = (tmp_path / "xdg" / "applications" / "policy-explorer.desktop").read_text()
    assert f"Exec={installed / 'policy-explorer-gui'}\n" in entry


@pytest.mark.skipif(shutil.which("pipx") is None, reason="pipx is not installed on this machine")
def test_pipx_install_gives_a_working_command(wheel: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path) | {
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
    }
    run(["pipx", "install", str(wheel)], tmp_path, env, timeout=600)
    version = run([str(tmp_path / "bin" / "policy-explorer"), "--version"], tmp_path, env)
    assert version.startswith(f"policy-explorer {__version__} ")
    check_commands([str(tmp_path / "bin" / "policy-explorer")], tmp_path)
