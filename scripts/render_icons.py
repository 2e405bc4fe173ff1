"""Render resources/icons/policy-explorer.svg to the PNG sizes desktops and the window use.

Run after editing the SVG: `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_icons.py`.
The PNGs are committed, so neither the app nor a bundle needs Qt's SVG plug-in to show its icon.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.desktop import ICON_NAME, ICON_SIZES  # noqa: E402


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    icons = ROOT / "resources" / "icons"
    renderer = QSvgRenderer(str(icons / f"{ICON_NAME}.svg"))
    if not renderer.isValid():
        print(f"{icons / ICON_NAME}.svg: not a valid SVG", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = icons / f"{ICON_NAME}-{size}.png"
        if not image.save(str(out)):
            print(f"{out}: could not be written", file=sys.stderr)
            return 1
        print(out.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
