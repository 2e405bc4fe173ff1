"""The briefing as a PDF (or on paper): one slide per page, footnoted quotes, sources at the end.

Pages are painted by the same SlideRenderer as the projector, onto Qt's own PDF writer, so the
charts stay vector and the text selectable, and a printed briefing is the same document as the
PDF. On paper a quote cannot be clicked through to its source, so each carries a footnote
number (continuing across pages) and the closing pages list every source with the footnotes
that cite it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from explorer.core.profiles.atomic import replacing
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.state.session import Session
from explorer.ui.theme import LIGHT, Theme

A4 = QPageSize(QPageSize.PageSizeId.A4)
WIDESCREEN = QPageSize(QSizeF(338.667, 190.5), QPageSize.Unit.Millimeter, "Widescreen 16:9")
RESOLUTION = 300  # device units per inch: fine enough for exact vector coordinates


def landscape(size: QPageSize) -> QPageLayout:
    """A margin-free landscape layout; custom sizes given wide stay wide (Qt would turn a wide
    size marked Landscape on its side)."""
    mm = size.size(QPageSize.Unit.Millimeter)
    orientation = (
        QPageLayout.Orientation.Portrait
        if mm.width() > mm.height()
        else QPageLayout.Orientation.Landscape
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def paint_briefing(
    painter: QPainter,
    renderer: SlideRenderer,
    page: QRectF,
    new_page: Callable[[], bool],
) -> int:
    """Every visible slide, then the sources pages, one per page; returns the pages painted.

    Footnote numbers continue from slide to slide, and the sources pages name, for each source,
    the footnotes citing it, so a reader can go from a quote to its document and back.
    """
    pages = 0
    next_note = 1
    cited: dict[str, list[int]] = {}

    def turn() -> None:
        nonlocal pages
        if pages and not new_page():
            raise OSError("the PDF writer could not start a new page")
        pages += 1

    slides = renderer.keys()  # visible slides in the deck's order
    for key in slides:
        turn()
        for quote in renderer.paint(painter, page, key, footnotes=True, first_note=next_note):
            cited.setdefault(quote.citation.source_id, []).append(next_note)
            next_note += 1
    start, total = 0, len(renderer.sources())
    while True:  # paint_references always moves on, so this ends; a set without sources
        turn()  # still gets its (empty) sources page
        start = renderer.paint_references(painter, page, cited, start)
        if start >= total:
            return pages


def write_pdf(
    session: Session,
    path: str | os.PathLike[str],
    theme: Theme = LIGHT,
    page_size: QPageSize = A4,
    day: date | None = None,
) -> int:
    """Write the briefing to `path` atomically; returns the number of pages.

    The PDF is written to a temporary file beside `path` and moved over it only when complete,
    so an existing briefing is never left half-overwritten. Raises OSError when it cannot be
    written.
    """
    target = Path(path)
    ds = session.decision_set
    if ds is None or session.result is None:
        raise ValueError("no decision set is loaded")
    with replacing(target) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(landscape(page_size))
        writer.setTitle(f"{ds.title} — briefing")
        writer.setCreator("Policy Options Explorer")
        pages = _paint_on(writer, SlideRenderer(session, theme, day), str(target))
        del writer  # closes the file before it is moved into place
    return pages


def prepare_printer(printer: QPrinter, session: Session) -> None:
    """Defaults for the print dialog: landscape slides, the briefing's name as the job's."""
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    if session.decision_set is not None:
        printer.setDocName(f"{session.decision_set.title} — briefing")


def print_briefing(session: Session, printer: QPrinter, theme: Theme = LIGHT) -> int:
    """Print through a printer the system print dialog set up (after prepare_printer, so it
    offers landscape); returns the pages sent. Slides fill whatever page the user chose."""
    if session.decision_set is None or session.result is None:
        raise ValueError("no decision set is loaded")
    return _paint_on(printer, SlideRenderer(session, theme), printer.printerName() or "printer")


def _paint_on(device: QPagedPaintDevice, renderer: SlideRenderer, name: str) -> int:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"cannot write {name}")
    try:
        layout = device.pageLayout()
        paint_rect = layout.paintRectPixels(device.logicalDpiX())
        page = QRectF(0, 0, paint_rect.width(), paint_rect.height())
        pages = paint_briefing(painter, renderer, page, device.newPage)
    finally:
        ok = painter.end()
    if not ok:
        raise OSError(f"cannot finish writing {name}")
    return pages
