"""Source viewer: the quote highlighted exactly, in view, and next/previous through the source."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from explorer.core.evidence import read_source_text, source_citations
from explorer.core.quotes import normalise
from explorer.ui.panels.source_viewer import SourceViewer
from explorer.ui.state.session import Session

CONTRADICTING = 'Some riders say the bus is "reliable enough" - others call it the slowest way in.'
FASTEST = "Driving is the fastest door-to-door option in this city"


@pytest.fixture
def viewer(qtbot, session: Session) -> SourceViewer:
    v = SourceViewer(session)
    qtbot.addWidget(v)
    v.resize(800, 600)
    return v


def test_empty_until_asked(viewer: SourceViewer) -> None:
    assert viewer.title.text() == "No source open"
    assert not viewer.next_button.isEnabled() and not viewer.previous_button.isEnabled()
    assert viewer.highlighted_text() == ""


def test_highlights_exactly_the_quote(viewer: SourceViewer, session: Session) -> None:
    session.select(option="bus", criterion="time")
    viewer.show_quote("note", CONTRADICTING)
    assert viewer.title.text() == "Commuting note"
    assert "Period: 2024" in viewer.meta.text() and "commute-note.txt" in viewer.meta.text()
    highlighted = viewer.highlighted_text()
    # the source has curly quotes and an em dash; the match is exact up to typography
    assert "“reliable enough” —" in highlighted
    assert normalise(highlighted) == normalise(CONTRADICTING)
    assert viewer.text.toPlainText() == read_source_text(session.decision_set.source("note"))
    assert "cited by Bus × Door-to-door time (contradicts the score)" in viewer.status.text()
    # opening a quote does not move the session's selection
    assert (session.selected_option, session.selected_criterion) == ("bus", "time")


def test_lands_on_the_asking_cells_citation(viewer: SourceViewer, session: Session) -> None:
    session.select(option="car", criterion="time")
    viewer.show_quote("note", FASTEST)
    assert viewer.current_citation is not None
    assert (viewer.current_citation.option, viewer.current_citation.criterion) == ("car", "time")
    session.select(option="bike", criterion="time")
    viewer.show_quote("note", FASTEST)
    assert viewer.current_citation.option == "bike"
    assert normalise(viewer.highlighted_text()) == normalise(FASTEST)


def test_next_and_previous_step_through_the_source(
    qtbot, viewer: SourceViewer, session: Session
) -> None:
    ds = session.decision_set
    text = read_source_text(ds.source("note"))
    expected = source_citations(ds, "note", text)
    first = expected[0]
    session.select(option=first.option, criterion=first.criterion)
    viewer.show_quote("note", first.quote)
    assert not viewer.previous_button.isEnabled() and viewer.next_button.isEnabled()
    seen = [viewer.current_citation]
    for _ in range(len(expected) - 1):
        qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
        seen.append(viewer.current_citation)
        citation = viewer.current_citation
        # each step highlights that quote and selects its cell everywhere
        assert normalise(viewer.highlighted_text()) == normalise(citation.quote)
        assert (session.selected_option, session.selected_criterion) == (
            citation.option,
            citation.criterion,
        )
        assert f"Quote {len(seen)} of {len(expected)}" in viewer.status.text()
    assert seen == expected
    assert not viewer.next_button.isEnabled()
    viewer.next_quote()  # at the end it stays put
    assert viewer.current_citation == expected[-1]
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    assert viewer.current_citation == expected[-2]
    assert (session.selected_option, session.selected_criterion) == (
        expected[-2].option,
        expected[-2].criterion,
    )


def test_quote_is_scrolled_into_view(
    qtbot, viewer: SourceViewer, session: Session, tmp_path: Path
) -> None:
    ds = session.decision_set
    note = ds.source("note")
    long_text = "Filler line about nothing in particular.\n" * 400 + note.path.read_text("utf-8")
    path = tmp_path / "long-note.txt"
    path.write_text(long_text, encoding="utf-8")
    session.set_decision_set(replace(ds, sources=(replace(note, path=path),)))
    viewer.show()
    qtbot.waitExposed(viewer)
    session.select(option="bus", criterion="time")
    viewer.show_quote("note", CONTRADICTING)
    QApplication.processEvents()
    assert viewer.text.verticalScrollBar().value() > 0
    rect = viewer.text.cursorRect(viewer.text.textCursor())
    assert viewer.text.viewport().rect().contains(rect.center())
    assert normalise(viewer.highlighted_text()) == normalise(CONTRADICTING)


def test_missing_source_text_is_explained(viewer: SourceViewer, session: Session) -> None:
    ds = session.decision_set
    note = ds.source("note")
    session.set_decision_set(replace(ds, sources=(replace(note, path=None),)))
    viewer.show_quote("note", FASTEST)
    assert "not available" in viewer.text.toPlainText()
    assert "could not be found" in viewer.status.text()
    assert viewer.highlighted_text() == ""
    assert not viewer.next_button.isEnabled()


def test_new_set_clears_the_viewer(viewer: SourceViewer, session: Session) -> None:
    viewer.show_quote("note", FASTEST)
    assert viewer.highlighted_text()
    session.set_decision_set(session.decision_set)
    assert viewer.title.text() == "No source open"
    assert viewer.text.toPlainText() == ""


def test_screenshot(qtbot, viewer: SourceViewer, session: Session, screenshot) -> None:
    viewer.show()
    qtbot.waitExposed(viewer)
    session.select(option="bus", criterion="time")
    viewer.show_quote("note", CONTRADICTING)
    QApplication.processEvents()
    screenshot(viewer, "source_viewer_commute.png")


def test_screenshot_bundled(qtbot, qapp, bundled_path: Path, screenshot) -> None:
    session = Session()
    session.load(bundled_path)  # must load: a broken bundled set fails here
    viewer = SourceViewer(session)
    qtbot.addWidget(viewer)
    viewer.resize(800, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    ds = session.decision_set
    source = max(ds.sources, key=lambda s: len(read_source_text(s) or ""))
    cited = [(a, e) for a in ds.assessments.values() for e in a.evidence if e.source == source.id]
    assert cited, "every source is cited at least once"
    cell, item = cited[len(cited) // 2]
    session.select(option=cell.option, criterion=cell.criterion)
    viewer.show_quote(source.id, item.quote)
    QApplication.processEvents()
    screenshot(viewer, "source_viewer_bundled.png")
