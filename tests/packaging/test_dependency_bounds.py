"""Every dependency has an upper bound, so an upstream release cannot turn CI red on its own.

pytest runs with filterwarnings = error: a new major of numpy, pyqtgraph, pytest or any other
package the tests import can start warning (or break) without a line of ours changing. A bound
is raised deliberately, in a commit of its own.
"""

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _requirements() -> list[tuple[str, str]]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    out = [("runtime", r) for r in project["dependencies"]]
    for extra, reqs in project["optional-dependencies"].items():
        out += [(extra, r) for r in reqs]
    return out


@pytest.mark.parametrize(("group", "text"), _requirements())
def test_dependency_has_an_upper_bound(group, text):
    req = Requirement(text)
    operators = {spec.operator for spec in req.specifier}
    assert operators & {"<", "<=", "==", "~="}, f"{group}: {text} has no upper bound"


def test_the_linter_and_type_checker_are_exact():
    exact = {Requirement(t).name.lower() for _, t in _requirements() if "==" in t}
    assert {"ruff", "mypy"} <= exact
