"""The window's export commands and briefing entry points, end to end: each writes a real file
that is read back (PDF text with pypdf, SVG as XML, CSV with csv.reader)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from explorer.core.briefing.deck import slide_keys
from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.export.chart_export_dialog import SIZES, ChartExportDialog
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


@pytest.fixture
def window(qtbot, bundled_path: Path) -> MainWindow:
    win = MainWindow(Session(), AppSettings())
    qtbot.addWidget(win)
    assert win.open_path(bundled_path)
    return win


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_pdf_has_a_page_per_visible_slide_plus_sources(window: MainWindow, tmp_path: Path):
    s = window.session
    s.set_deck(s.deck.with_hidden("tradeoff", True))
    messages: list[str] = []
    window.exports.message.connect(messages.append)
    out = tmp_path / "brief.pdf"
    assert window.exports.export_pdf(out)
    reader = PdfReader(out)
    assert len(reader.pages) == len(slide_keys(s.decision_set)) - 1 + 1
    text = _text(out)
    for option in s.decision_set.options:
        assert " ".join(option.name.split()) in text
    assert "Sources cited" in text
    assert messages and str(out) in messages[-1]


def test_chart_export_writes_svg_with_every_option(window: MainWindow, tmp_path: Path):
    out = tmp_path / "ranking.svg"
    assert window.exports.export_chart(out, chart="ranking", size=(1600, 900))
    root = ET.parse(out).getroot()
    assert root.get("viewBox") == "0 0 1600 900"
    text = " ".join(t.strip() for t in root.itertext())
    for option in window.session.decision_set.options:
        assert option.name.split()[0] in text


def test_matrix_and_evidence_csv_follow_the_screen(window: MainWindow, tmp_path: Path):
    s = window.session
    s.set_source_weight(s.decision_set.sources[0].id, 0.0)  # lens scores are what is exported
    s.flush()
    matrix, evidence = tmp_path / "m.csv", tmp_path / "e.csv"
    assert window.exports.export_matrix_csv(matrix)
    assert window.exports.export_evidence_csv(evidence)
    rows = list(csv.reader(io.StringIO(matrix.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(s.decision_set.options)
    quotes = sum(len(a.evidence) for a in s.decision_set.assessments.values())
    ev_rows = list(csv.reader(io.StringIO(evidence.read_text(encoding="utf-8-sig"))))
    assert len(ev_rows) == 1 + quotes


def test_a_failed_write_says_so_and_leaves_nothing(window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    target = tmp_path / "missing-folder" / "brief.pdf"
    assert not window.exports.export_pdf(target)
    assert not window.exports.export_matrix_csv(tmp_path / "missing-folder" / "m.csv")
    assert len(shown) == 2 and "missing-folder" in shown[0]
    assert not (tmp_path / "missing-folder").exists()


def test_chart_dialog_presets_and_custom_size(window: MainWindow, qtbot):
    dialog = ChartExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.image_size == SIZES[0][1:]
    dialog.preset.setCurrentIndex(1)
    assert dialog.image_size == (3840, 2160)
    dialog.width_box.setValue(1000)
    assert dialog.preset.currentText() == "Custom" and dialog.image_size == (1000, 2160)
    dialog.chart.setCurrentIndex(dialog.chart.findData("tornado"))
    assert dialog.chart_key == "tornado"


def test_f5_presents_and_esc_comes_back(window: MainWindow, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert window.present_action.shortcut().toString() == "F5"
    window.present_action.trigger()
    shows = window.findChildren(PresentationWindow)
    assert len(shows) == 1 and shows[0].isVisible()
    show = shows[0]
    assert show.navigator.current == "title"
    qtbot.keyClick(show, Qt.Key.Key_Right)
    assert show.navigator.current == "weights"
    with qtbot.waitSignal(show.closed):
        qtbot.keyClick(show, Qt.Key.Key_Escape)
    assert window.isVisible()


def test_sources_tab_drives_the_session(window: MainWindow):
    tabs = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert "&Sources" in tabs
    assert window.side_tabs.widget(tabs.index("&Sources")) is window.sources_panel
