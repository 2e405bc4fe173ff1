"""Charts to files: any briefing painter to a PNG or an SVG, written atomically.

The file is painted by the very painter the slides and the presentation use, so an exported
chart is the picture on screen. PNG is a QImage of exactly the requested size; SVG is vector
with real text (its viewBox is the requested size). Either is first written to a temporary
file beside the target and then moved over it, so a failed export never leaves half a file.
Needs a QGuiApplication (fonts).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from explorer.core.profiles.atomic import replacing
from explorer.ui.briefing.paint.chart_paint import font_px_for
from explorer.ui.briefing.paint.paint_ranking import paint_ranking
from explorer.ui.briefing.paint.paint_robustness import (
    paint_acceptability,
    paint_sensitivity,
    paint_tornado,
)
from explorer.ui.briefing.paint.paint_tradeoff import paint_tradeoff
from explorer.ui.briefing.paint.paint_weights import paint_weights
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

Painter = Callable[..., None]

CHARTS: dict[str, Painter] = {
    "ranking": paint_ranking,
    "tradeoff": paint_tradeoff,
    "weights": paint_weights,
    "acceptability": paint_acceptability,
    "tornado": paint_tornado,
    "sensitivity": paint_sensitivity,
}
TITLES = {
    "ranking": "Ranking",
    "tradeoff": "Tradeoff map",
    "weights": "Criterion weights",
    "acceptability": "Rank acceptability",
    "tornado": "What moves the lead",
    "sensitivity": "One-way sensitivity",
}
SUFFIXES = (".png", ".svg")
MARGIN = 0.02  # of the shorter side: the chart's breathing room inside the file


def render_hints(painter: QPainter) -> None:
    """What every device should get: smooth shapes and text (vector output ignores what it
    cannot use)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    session: Session,
    name: str,
    theme: Theme,
    font_px: float | None = None,
    **kw: object,
) -> None:
    """Fill rect with the theme's background and paint chart `name` inside a small margin."""
    painter.fillRect(rect, QColor(theme.background))
    margin = min(rect.width(), rect.height()) * MARGIN
    inner = rect.adjusted(margin, margin, -margin, -margin)
    size = font_px if font_px is not None else font_px_for(rect.height(), theme)
    CHARTS[name](painter, inner, session, theme, size, **kw)


def export_chart(
    session: Session,
    name: str,
    path: str | Path,
    size: tuple[int, int] = (1920, 1080),
    theme: Theme | None = None,
    **kw: Any,  # each chart painter's own options, passed through untouched
) -> Path:
    """Write chart `name` to `path` as PNG or SVG (by suffix) at `size` pixels; kw go to the
    painter (e.g. criterion_id for "sensitivity"). Drawn in `theme`, else the theme on screen
    (the session's). Returns the path written."""
    if name not in CHARTS:
        raise KeyError(f"unknown chart {name!r}; one of {', '.join(CHARTS)}")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"export as .png or .svg, not {path.suffix or 'no suffix'}")
    width, height = (int(v) for v in size)
    if width < 1 or height < 1:
        raise ValueError("size must be positive")
    session.flush()  # a pending weight change belongs in the file
    kw.setdefault("final", True)  # a file gets complete numbers, never a run in progress
    theme = theme or session.theme
    rect = QRectF(0, 0, width, height)
    with replacing(path) as temp:
        if suffix == ".png":
            image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            painter = QPainter(image)
            render_hints(painter)
            paint_chart(painter, rect, session, name, theme, **kw)
            painter.end()
            # PySide6's stub wants bytes for the format, but save() refuses bytes and takes str
            if not image.save(str(temp), "PNG"):  # type: ignore[call-overload]
                raise OSError(f"could not write {path}")
        else:
            generator = QSvgGenerator()
            generator.setFileName(str(temp))
            generator.setSize(QSize(width, height))
            generator.setViewBox(QRect(0, 0, width, height))
            ds = session.decision_set
            generator.setTitle(f"{TITLES[name]} — {ds.title}" if ds is not None else TITLES[name])
            generator.setDescription("Policy Options Explorer")
            painter = QPainter(generator)
            render_hints(painter)
            paint_chart(painter, rect, session, name, theme, **kw)
            if not painter.end():
                raise OSError(f"could not write {path}")
            del painter, generator  # closes the file before it is moved into place
    return path
