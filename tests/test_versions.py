"""--version and the bundled data's version: what a bug report needs, without starting Qt."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import __version__, paths
from explorer.cli.main import main
from explorer.versions import BundledSet, bundled_sets, version_line

ROOT = Path(__file__).resolve().parent.parent


def test_version_names_app_python_and_bundled_data(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == (
        f"policy-explorer {__version__} (Python {platform.python_version()}; "
        "bundled data: iraq-troop-posture 1.0)\n"
    )


def test_version_does_not_import_qt() -> None:
    probe = "import sys; from explorer.cli.main import main\ntry: main(['--version'])\n"
    probe += "except SystemExit: pass\nassert not any(m.startswith('PySide6') for m in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"policy-explorer {__version__} ")


def test_each_bundled_set_is_read_from_its_header(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "decision-set.yaml").write_text('id: good\nversion: "2.1"\n')
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "decision-set.yaml").write_text("id: bare\n")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "decision-set.yaml").write_text("id: [unclosed\n")
    (tmp_path / "not-a-set").mkdir()
    assert bundled_sets(tmp_path) == [
        BundledSet("bare", "unversioned"),
        BundledSet("broken", "unreadable"),
        BundledSet("good", "2.1"),
    ]


def test_an_installation_without_data_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("POLICY_EXPLORER_HOME", str(tmp_path))
    assert f"bundled data: none found in {tmp_path / 'options'})" in version_line()


def test_a_checkout_reads_its_own_folders(monkeypatch) -> None:
    monkeypatch.delenv("POLICY_EXPLORER_HOME", raising=False)
    assert paths.packaged_data() is None  # explorer/_data exists only in a wheel or bundle
    assert paths.project_root() == ROOT
    assert paths.icons_dir() == ROOT / "resources" / "icons"
