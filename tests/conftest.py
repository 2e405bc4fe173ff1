"""Shared test setup: headless Qt, isolated user directories, the example sets, screenshots."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTPUT = Path(__file__).resolve().parent / "output"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's real settings, profiles or autosaves."""
    monkeypatch.setenv("POLICY_EXPLORER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("POLICY_EXPLORER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("POLICY_EXPLORER_PROFILES", str(tmp_path / "profiles"))
    monkeypatch.setenv("POLICY_EXPLORER_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def commute_path() -> Path:
    return FIXTURES / "commute"


@pytest.fixture
def bundled_path() -> Path:
    return ROOT / "options" / "iraq-troop-posture"


@pytest.fixture
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


# A drawn view has text (antialiased: dozens of greys), lines and fills; a blank or
# single-colour grab has one or two colours. 16 sits far from both.
MIN_COLOURS = 16


def _rgb(image: Any) -> np.ndarray:
    """(h, w, 3) uint8 of a QImage, alpha ignored."""
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    # a copy: the view's memory belongs to `rgb`, freed when this returns
    return rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


def distinct_colours(image: Any) -> int:
    flat = _rgb(image).reshape(-1, 3).astype(np.uint32)
    return len(np.unique((flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]))


def pixels_of(image: Any, colour: Any, tolerance: int = 8) -> int:
    """How many pixels are within `tolerance` per channel of `colour` (a QColor or '#rrggbb')."""
    from PySide6.QtGui import QColor

    c = QColor(colour)
    target = np.array([c.red(), c.green(), c.blue()], dtype=np.int16)
    near = np.abs(_rgb(image).astype(np.int16) - target) <= tolerance
    return int(np.count_nonzero(near.all(axis=2)))


def check_drawn(
    image: Any, label: str, colours: Iterable[Any] = (), min_colours: int = MIN_COLOURS
) -> None:
    """The image shows a drawing (not blank) and every colour that must be on it (at least
    a few dozen pixels of each: a marker, a bar, a swatch, not one stray antialiased pixel)."""
    from PySide6.QtGui import QColor

    assert not image.isNull() and image.width() > 0 and image.height() > 0, label
    count = distinct_colours(image)
    assert count >= min_colours, f"{label}: {count} colours: is it blank?"
    missing = [QColor(c).name() for c in colours if pixels_of(image, c) < 30]
    assert not missing, f"{label}: {missing} not drawn"


@pytest.fixture
def screenshot(output_dir: Path) -> Callable[..., Any]:
    """Grab a widget as it is on screen, check it drew what it must, save it to tests/output/
    for a person to look at; returns the QImage. A grab that only saves cannot fail."""

    def shoot(
        widget: Any, name: str, colours: Iterable[Any] = (), min_colours: int = MIN_COLOURS
    ) -> Any:
        image = widget.grab().toImage()
        ratio = image.devicePixelRatio()
        size = (round(image.width() / ratio), round(image.height() / ratio))
        assert size == (widget.width(), widget.height()), f"{name}: grabbed {size}"
        check_drawn(image, name, colours, min_colours)
        path = output_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        assert image.save(str(path)), name
        return image

    return shoot


@pytest.fixture
def drawn() -> Callable[..., None]:
    """check_drawn, for images a test renders itself (exports, slides)."""
    return check_drawn


@pytest.fixture
def count_pixels() -> Callable[..., int]:
    """pixels_of, for tests that look for one colour in part of an image (a line, a swatch)."""
    return pixels_of
