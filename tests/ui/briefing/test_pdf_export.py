"""The briefing PDF and print path: pages, atomic writes, the printer route."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from explorer.core.briefing.deck import DeckSettings
from explorer.ui.briefing.slides import pdf_export
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.state.session import Session
from explorer.ui.theme import DARK


def text_of(reader: PdfReader, page: int) -> str:
    return " ".join(reader.pages[page].extract_text().split())


def test_one_page_per_visible_slide_then_sources(session: Session, tmp_path: Path):
    session.set_deck(DeckSettings().with_hidden("weights", True))
    out = tmp_path / "brief.pdf"
    pages = pdf_export.write_pdf(session, out, DARK)
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) == 10 + 1
    assert "How should a city commuter get to work?" in text_of(reader, 0)
    assert not any("criteria and their weights" in text_of(reader, k) for k in range(pages))
    box = reader.pages[0].mediabox  # A4 landscape, in points
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    assert reader.metadata.title == "Getting to work — briefing"
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_a_failed_write_keeps_the_old_file(session: Session, tmp_path: Path, monkeypatch):
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")

    def broken(*args, **kwargs):
        raise RuntimeError("painter failed")

    monkeypatch.setattr(SlideRenderer, "paint_references", broken)
    with pytest.raises(RuntimeError):
        pdf_export.write_pdf(session, out)
    assert out.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [out]


def test_unwritable_folder_is_an_oserror(session: Session, tmp_path: Path):
    with pytest.raises(OSError):
        pdf_export.write_pdf(session, tmp_path / "missing" / "brief.pdf")


def test_print_goes_through_the_same_pages(session: Session, tmp_path: Path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pdf_export.prepare_printer(printer, session)
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Landscape
    assert printer.docName() == "Getting to work — briefing"
    pages = pdf_export.print_briefing(session, printer)
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) == 11 + 1
    assert text_of(reader, pages - 1).startswith("Sources cited")
    assert text_of(reader, 5).startswith("Bus Ranked 2 of 3")


def test_the_pdf_gets_a_new_files_usual_permissions(session, tmp_path) -> None:
    """A briefing is for sharing: not the private mode of a temporary file."""
    import os

    from explorer.ui.briefing.slides.pdf_export import write_pdf

    old = os.umask(0o022)
    try:
        out = tmp_path / "shared.pdf"
        write_pdf(session, out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["shared.pdf"]
