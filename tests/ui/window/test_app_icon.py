"""The window and taskbar icon: every PNG size loads, so no SVG plug-in is needed."""

from __future__ import annotations

from PySide6.QtCore import QSize

from explorer.desktop import ICON_SIZES
from explorer.ui.app import app_icon


def test_app_icon_has_every_size(qapp) -> None:
    icon = app_icon()
    assert set(icon.availableSizes()) == {QSize(s, s) for s in ICON_SIZES}
    for size in ICON_SIZES:
        assert not icon.pixmap(size, size).isNull()
