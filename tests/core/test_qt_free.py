"""The core and the headless CLI never need Qt: proven by running them with Qt unimportable."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from broken_sets import COMMUTE, ROOT

from explorer.core.engine import Method

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")
CORE = ROOT / "explorer" / "core"
CLI = ROOT / "explorer" / "cli"

SCRIPT = r"""
import importlib, json, pkgutil, sys

QT = {qt!r}

class BlockQt:
    '''Any attempt to import Qt fails loudly, as on a machine without it installed.'''

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in QT:
            raise ImportError(f"blocked import of {{name}}")
        return None

sys.meta_path.insert(0, BlockQt())
for name in QT:
    sys.modules.pop(name, None)

import explorer.cli
import explorer.core

imported = []
for package in (explorer.core, explorer.cli):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        imported.append(info.name)

import numpy as np
from explorer.cli.main import main
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set

ds = load_decision_set({commute!r}, strict=True).decision_set
ranked = {{}}
for method in Method:
    res = evaluate(ScoreMatrix.from_set(ds), np.ones(len(ds.criteria)), method)
    ranked[method.value] = [ds.options[i].id for i in res.order]
codes = [main(["validate", {commute!r}]), main(["rank", "--set", {commute!r}, "--format", "csv"])]
qt_loaded = sorted(m for m in sys.modules if m.split(".")[0] in QT)
print(json.dumps({{"imported": imported, "ranked": ranked, "codes": codes, "qt": qt_loaded}}))
"""


def test_core_and_cli_run_with_qt_unimportable():
    script = SCRIPT.format(qt=QT_PACKAGES, commute=str(COMMUTE))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    expected = {f"explorer.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"}
    expected |= {f"explorer.cli.{p.stem}" for p in CLI.glob("*.py") if p.stem != "__init__"}
    assert expected <= set(report["imported"])
    assert "explorer.cli.commands" in report["imported"]
    # every method agrees on this small set
    assert report["ranked"] == {m.value: ["bike", "bus", "car"] for m in Method}
    assert report["codes"] == [0, 0]
    assert report["qt"] == []


def _imports(tree: ast.AST, top_level_only: bool) -> list[tuple[int, str]]:
    """Imported module names, including importlib.import_module("...") and __import__("...")."""
    nodes = ast.iter_child_nodes(tree) if top_level_only else ast.walk(tree)
    found = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in {
                "import_module",
                "__import__",
            }
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _qt_imports(path: Path, top_level_only: bool) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for line, name in _imports(tree, top_level_only)
        if name.split(".")[0] in QT_PACKAGES or name.startswith("explorer.ui")
    ]


def test_no_core_module_imports_qt_anywhere():
    files = sorted(CORE.rglob("*.py"))
    assert files
    assert [hit for path in files for hit in _qt_imports(path, top_level_only=False)] == []


def test_cli_modules_import_qt_only_when_opening_the_window():
    files = sorted(CLI.rglob("*.py"))
    assert [hit for path in files for hit in _qt_imports(path, top_level_only=True)] == []


def test_the_checker_would_notice(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text(
        "import numpy\n"
        "def f():\n    from PySide6.QtCore import QObject\n"
        "    import importlib\n    importlib.import_module('pyqtgraph')\n"
    )
    tree = ast.parse(sample.read_text())
    names = [n for _, n in _imports(tree, top_level_only=False)]
    assert names == ["numpy", "PySide6.QtCore", "importlib", "pyqtgraph"]
