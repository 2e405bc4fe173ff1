"""Evidence panel: every quote with its source and stance; links select cells and open sources."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser

from explorer.core.model import Stance
from explorer.ui.panels.evidence_panel import CONTRADICTS_LABEL, SUPPORTS_LABEL, EvidencePanel
from explorer.ui.state.session import Session


@pytest.fixture
def panel(qtbot, session: Session) -> EvidencePanel:
    p = EvidencePanel(session)
    qtbot.addWidget(p)
    p.resize(380, 700)
    return p


def _focus(qtbot, panel: EvidencePanel) -> None:
    """Keyboard link navigation needs a really focused browser in an active window."""
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    panel.browser.setFocus()


def _click_text(qtbot, browser: QTextBrowser, found: QTextCursor) -> None:
    """Click the middle of a found piece of text, as a reader would click a link."""
    middle = QTextCursor(found)
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    browser.setTextCursor(middle)
    browser.ensureCursorVisible()
    pos = browser.cursorRect(middle).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _grab(panel: EvidencePanel, screenshot, name: str) -> None:
    QApplication.processEvents()  # let the labels' word-wrapped heights settle first
    screenshot(panel, name)


def _text(panel: EvidencePanel) -> str:
    return " ".join(panel.browser.toPlainText().split())


def test_nothing_selected_shows_the_question(panel: EvidencePanel, session: Session) -> None:
    assert panel.heading.text() == "Getting to work"
    assert "How should a city commuter get to work?" in _text(panel)
    assert not panel.figures.isVisibleTo(panel)


def test_cell_shows_every_quote_source_and_stance(panel: EvidencePanel, session: Session) -> None:
    session.select(option="bus", criterion="time")
    cell = session.decision_set.assessment("bus", "time")
    text = _text(panel)
    assert panel.heading.text() == "Bus × Door-to-door time"
    # the direction next to the score: 8 is good or bad only once the reader knows which way
    assert "Score 8 on 0–10, lower is better (range 6–9)" in text
    assert cell.rationale in text
    assert f"Evidence ({len(cell.evidence)})" in text
    for item in cell.evidence:
        assert f"“{item.quote}”" in text
        label = SUPPORTS_LABEL if item.stance is Stance.SUPPORTS else CONTRADICTS_LABEL
        assert label in text
    assert text.count("— Commuting note (2024)") == 2
    assert "implies 8" in text and "implies 6" in text
    assert text.count("Show in source") == 2
    assert "Thin evidence: all 2 quotes come from one source" in text
    # stance colour is in the document as well as the label
    html = panel.browser.toHtml().lower()
    t = session.theme
    assert t.supports.lower() in html and t.contradicts.lower() in html
    # weight-dependent figures, and they follow the weights in place
    result = session.result
    assert f"Weight share {result.weights[1]:.0%}" in panel.figures.text()
    session.set_weights(np.array([1.0, 3.0, 0.0]))
    session.flush()
    assert "Weight share 75%" in panel.figures.text()
    assert f"total {session.result.totals[1]:.3f}" in panel.figures.text()


def test_unassessed_cell_is_marked(panel: EvidencePanel, session: Session) -> None:
    session.select(option="bus", criterion="health")
    text = _text(panel)
    assert "Not assessed" in text
    assert "The note barely says." in text
    assert "No quotes recorded" in text


def test_option_and_criterion_views(panel: EvidencePanel, session: Session) -> None:
    session.select(option="bike")
    text = _text(panel)
    assert panel.heading.text() == "Bicycle"
    assert "Cycle to work." in text and "Buy a bike" in text
    assert "Advocates: Commuting note" in text
    i = session.decision_set.option_ids.index("bike")
    result = session.result
    assert f"Rank {result.ranks[i]} of 3" in panel.figures.text()
    assert f"total {result.totals[i]:.3f}" in panel.figures.text()
    session.select(option="car")
    assert "Opponents: Commuting note" in _text(panel)
    session.select(criterion="cost")
    text = _text(panel)
    assert panel.heading.text() == "Monthly cost"
    assert "What the commuter pays each month." in text
    assert "Lower is better." in text
    assert "0 = free … 10 = very expensive" in text
    assert panel.figures.text() == f"Weight share {result.weights[0]:.0%}"


def test_cell_link_selects_the_cell(qtbot, panel: EvidencePanel, session: Session) -> None:
    session.select(criterion="health")
    _focus(qtbot, panel)
    # keyboard only: Tab to the first link (Bicycle), Enter follows it
    cursor = panel.browser.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    panel.browser.setTextCursor(cursor)
    qtbot.keyClick(panel.browser, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.browser, Qt.Key.Key_Return)
    assert (session.selected_option, session.selected_criterion) == ("bike", "health")


def test_show_in_source_signal(qtbot, panel: EvidencePanel, session: Session) -> None:
    session.select(option="bus", criterion="time")
    _focus(qtbot, panel)
    cell = session.decision_set.assessment("bus", "time")
    seen: list[tuple[str, str]] = []
    panel.showInSource.connect(lambda sid, quote: seen.append((sid, quote)))
    found = panel.browser.document().find("Show in source")
    while not found.isNull():
        _click_text(qtbot, panel.browser, found)
        found = panel.browser.document().find("Show in source", found)
    assert seen == [(e.source, e.quote) for e in cell.evidence]


def test_screenshots(qtbot, panel: EvidencePanel, session: Session, screenshot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    session.select(option="bus", criterion="time")
    _grab(panel, screenshot, "evidence_panel_cell.png")
    session.select(option="bike")
    _grab(panel, screenshot, "evidence_panel_option.png")


def test_screenshot_bundled(qtbot, qapp, bundled_path: Path, screenshot) -> None:
    session = Session()
    session.load(bundled_path)  # must load: a broken bundled set fails here
    panel = EvidencePanel(session)
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    panel.show()
    qtbot.waitExposed(panel)
    ds = session.decision_set
    busiest = max(ds.assessments.values(), key=lambda a: len(a.evidence))
    session.select(option=busiest.option, criterion=busiest.criterion)
    _grab(panel, screenshot, "evidence_panel_bundled.png")
    session.select(option=ds.option_ids[2])
    _grab(panel, screenshot, "evidence_panel_bundled_option.png")
