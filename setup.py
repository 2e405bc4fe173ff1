"""Puts the bundled data into the package when a wheel is built.

The repository keeps `options/` (decision sets) and `resources/` (source texts, schemas, icons)
at its root, where authors edit them; an installed app has no checkout, so the wheel carries
copies as `explorer/_data/options` and `explorer/_data/resources`, and `explorer.paths` finds
them through importlib.resources. An editable install skips the copy: there the checkout's own
folders are read, so an edit shows without a rebuild.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("options", "resources")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "explorer", "_data")
        # a file deleted from the repo must not live on in a reused build/ folder
        shutil.rmtree(target, ignore_errors=True)
        for name in DATA_FOLDERS:
            self.copy_tree(str(ROOT / name), str(target / name))


setup(cmdclass={"build_py": BuildWithData})
