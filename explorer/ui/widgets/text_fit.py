"""Fitting names into pixels: wrapping them to a width and sizing an axis to them up front.

Option and criterion names are long and often hyphenated; charts show them on axes that must
neither clip them nor shift once painted, so the fitting is done before drawing.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF

_Px = TypeVar("_Px", int, float)
_Px_contra = TypeVar("_Px_contra", contravariant=True)


class _Metrics(Protocol[_Px_contra]):
    """QFontMetrics (widths in whole pixels) or QFontMetricsF (fractional, a painter's device):
    wrapping needs only these two, in that metrics' own unit."""

    def horizontalAdvance(self, text: str, /) -> float: ...

    def elidedText(self, text: str, mode: Qt.TextElideMode, width: _Px_contra, /) -> str: ...


def elide_distinct(
    texts: list[str], metrics: QFontMetrics | QFontMetricsF, max_px: float
) -> list[str]:
    """Each text elided to max_px, but never into the same words as a different text: names
    that share a beginning ("Risk of …", "Risk to …") are elided in the middle instead, which
    keeps their different ends, and left whole if even that makes them alike."""
    width = max(int(max_px), 1)
    out = [metrics.elidedText(t, Qt.TextElideMode.ElideRight, width) for t in texts]
    for mode in (Qt.TextElideMode.ElideMiddle, Qt.TextElideMode.ElideNone):
        seen: dict[str, set[str]] = {}
        for text, shown in zip(texts, out, strict=True):
            seen.setdefault(shown, set()).add(text)
        clashing = {shown for shown, sources in seen.items() if len(sources) > 1}
        if not clashing:
            break
        out = [
            metrics.elidedText(t, mode, width) if shown in clashing else shown
            for t, shown in zip(texts, out, strict=True)
        ]
    return out


def wrap_text(text: str, metrics: _Metrics[_Px], max_px: _Px, max_lines: int = 3) -> str:
    """Word-wrap to lines of at most max_px, breaking at spaces or after hyphens; the last line
    is elided when the text does not fit (tooltips carry the full name)."""
    elide = Qt.TextElideMode.ElideRight
    if max_lines <= 1:
        return metrics.elidedText(text, elide, max_px)
    lines: list[str] = []
    current, glue, start = "", "", 0
    for match in re.finditer(r"(?P<hyphenated>\S+?-)(?=[^\s-])|\S+", text):
        word = match.group()
        trial = current + glue + word if current else word
        if current and metrics.horizontalAdvance(trial) > max_px:
            lines.append(current)
            current, start = word, match.start()
            if len(lines) == max_lines - 1:  # last line: everything left, elided
                current = text[start:]
                break
        else:
            current = trial
        glue = "" if match.group("hyphenated") else " "  # "Counter-" + "Islamic"
    if current:
        lines.append(current)
    return "\n".join(metrics.elidedText(line, elide, max_px) for line in lines)


def text_block_width(text: str, metrics: QFontMetrics) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def fit_axis_width(axis: pg.AxisItem, texts: list[str], metrics: QFontMetrics) -> None:
    """Size a vertical axis to its tick texts up front: auto-sizing only learns the width after
    the first paint, and the plot would jump sideways."""
    widest = max((text_block_width(t, metrics) for t in texts), default=0)
    label = axis.label.boundingRect().height() * 0.8 if axis.label.isVisible() else 0
    axis.setWidth(int(widest + 12 + label))
