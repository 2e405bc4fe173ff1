"""A decision set built from scratch in the window, through its widgets only, then reopened and
briefed; and the safety around it: validation as you type, undo, the unsaved mark, reload."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox, QTableWidgetItem

from explorer.core.authoring import operations as op
from explorer.core.loader import load_decision_set
from explorer.ui.authoring.cell_dialog import CellDialog
from explorer.ui.authoring.cite_dialog import CiteDialog
from explorer.ui.authoring.new_set_dialog import NewSetDialog
from explorer.ui.authoring.source_dialog import SourceDialog
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings

NOTES = """Budget notes on the congestion charge.

The charge would raise about 40 million a year once cameras are paid for.
Drivers would pay 8 a day to enter the centre at peak hours.
Without a charge the city spends nothing new on roads.
"""
ARTICLE = """<html><head><meta property="og:title" content="Charging cut traffic">
<meta name="author" content="R. Road"><meta property="og:site_name" content="City Post"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Charging cut traffic</h1>
<p>Peak traffic fell by a fifth within a year of the charge starting.</p>
<p>Shop owners in the zone reported no change in takings.</p>
<p>Without a charge, traffic kept growing by two percent a year.</p>
</article><footer>Contact the City Post</footer></body></html>
"""
CRITERIA = [
    ("Congestion", "Peak traffic in the centre.", "lower_is_better"),
    ("Cost to drivers", "What a driver pays a day.", "lower_is_better"),
    ("Local trade", "Takings of shops in the zone.", "higher_is_better"),
]
OPTIONS = [("Charge", "Charge drivers entering at peak."), ("No charge", "Leave roads free.")]
# (option, criterion) -> (source file stem, passage as the reader selects it, stance, score)
CELLS = {
    ("charge", "congestion"): ("html", "Peak traffic fell by a fifth", "supports", 3),
    ("charge", "cost_to_drivers"): ("txt", "Drivers would pay 8 a day", "supports", 7),
    ("charge", "local_trade"): ("html", "reported no change in takings", "supports", 5),
    ("no_charge", "congestion"): ("html", "traffic kept growing by two percent", "supports", 8),
    ("no_charge", "cost_to_drivers"): ("txt", "the city spends nothing new", "supports", 0),
    ("no_charge", "local_trade"): ("html", "reported no change in takings", "contradicts", 5),
}


def ok(buttons: QDialogButtonBox, qtbot) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(button.isEnabled, timeout=3000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def only(window: MainWindow, kind: type):
    found = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow(Session(), AppSettings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win


def build(window: MainWindow, qtbot, tmp_path: Path) -> Path:
    folder = tmp_path / "charge"
    window.authoring.new_action.trigger()
    dialog = only(window, NewSetDialog)
    dialog.folder.setText(str(folder))
    qtbot.keyClicks(dialog.title_edit, "Congestion charge")
    qtbot.keyClicks(dialog.question, "Should the city charge drivers?")
    for name, definition, direction in CRITERIA:
        qtbot.mouseClick(dialog.add_criterion_button, Qt.MouseButton.LeftButton)
        row = dialog.criteria.rowCount() - 1
        dialog.criteria.setItem(row, 0, QTableWidgetItem(name))
        dialog.criteria.setItem(row, 1, QTableWidgetItem(definition))
        dialog.criteria.cellWidget(row, 2).setCurrentText(direction)
    for name, summary in OPTIONS:
        qtbot.mouseClick(dialog.add_option_button, Qt.MouseButton.LeftButton)
        row = dialog.options.rowCount() - 1
        dialog.options.setItem(row, 0, QTableWidgetItem(name))
        dialog.options.setItem(row, 1, QTableWidgetItem(summary))
    ok(dialog.buttons, qtbot)
    ds = window.session.decision_set
    assert ds is not None and ds.location == folder
    assert (len(ds.options), len(ds.criteria)) == (2, 3)
    assert window.authoring.author.editable

    files = {"txt": tmp_path / "notes.txt", "html": tmp_path / "article.html"}
    files["txt"].write_text(NOTES, encoding="utf-8")
    files["html"].write_text(ARTICLE, encoding="utf-8")
    for kind, file in files.items():
        window.authoring.import_source(file)
        dialog = only(window, SourceDialog)
        if kind == "txt":  # a text file names no title: the dialog asks for one
            assert dialog.fields["title"].text() == ""
            qtbot.keyClicks(dialog.fields["title"], "Budget notes")
        else:
            assert dialog.fields["title"].text() == "Charging cut traffic"
            assert dialog.fields["author"].text() == "R. Road"
        qtbot.keyClicks(dialog.fields["position"], f"What the {kind} source argues.")
        ok(dialog.buttons, qtbot)
    ids = {"txt": "budget_notes", "html": "charging_cut_traffic"}
    assert [s.id for s in window.session.decision_set.sources] == list(ids.values())

    viewer = window.source_viewer
    for (option, criterion), (kind, passage, stance, score) in CELLS.items():
        viewer.show_source(ids[kind])
        viewer.show()
        shown = viewer.text.toPlainText()
        start = shown.index(passage)
        cursor = viewer.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
        viewer.text.setTextCursor(cursor)
        qtbot.mouseClick(window.authoring.cite_button, Qt.MouseButton.LeftButton)
        dialog = only(viewer, CiteDialog)
        ds = window.session.decision_set
        dialog.option.setCurrentIndex(ds.option_ids.index(option))
        dialog.criterion.setCurrentIndex(ds.criterion_ids.index(criterion))
        dialog.stance.setCurrentText(stance)
        qtbot.keyClicks(dialog.implied, str(score))
        ok(dialog.buttons, qtbot)

    model = window.score_matrix.matrix_model
    for (option, criterion), (*_, score) in CELLS.items():
        index = model.index(model.row_of(option), model.column_of(criterion))
        window.score_matrix.setCurrentIndex(index)
        qtbot.mouseClick(window.authoring.cell_button, Qt.MouseButton.LeftButton)
        dialog = only(window, CellDialog)
        dialog.score.clear()
        qtbot.keyClicks(dialog.score, str(score))
        qtbot.keyClicks(dialog.rationale, f"Scored {score} from the quote.")
        ok(dialog.buttons, qtbot)
    assert window.authoring.author.dirty
    assert "(unsaved edits)" in window.windowTitle()
    window.authoring.save_action.trigger()
    assert not window.authoring.author.dirty
    assert "(unsaved edits)" not in window.windowTitle()
    return folder


def test_build_a_set_from_scratch_reopen_it_and_brief_it(window, qtbot, tmp_path):
    folder = build(window, qtbot, tmp_path)
    ds = load_decision_set(folder, strict=True).decision_set  # every quote found verbatim
    for (option, criterion), (_kind, passage, stance, score) in CELLS.items():
        cell = ds.assessment(option, criterion)
        assert cell.score == score and cell.rationale == f"Scored {score} from the quote."
        assert [(e.quote, e.stance.value, e.implied_score) for e in cell.evidence] == [
            (passage, stance, score)
        ]
    assert (folder / "sources" / "charging-cut-traffic.original.html").read_text() == ARTICLE
    assert "Home" not in (folder / "sources" / "charging-cut-traffic.txt").read_text()

    again = MainWindow(Session(), AppSettings())
    qtbot.addWidget(again)
    assert again.open_path(folder)
    assert again.session.decision_set.assessment("charge", "congestion").score == 3
    out = tmp_path / "brief.pdf"
    assert again.exports.export_pdf(out)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    for name, _ in OPTIONS:
        assert name in text
    assert "Congestion" in text


def test_cell_dialog_validates_as_you_type_and_undo_steps_back(window, qtbot, tmp_path):
    folder = build(window, qtbot, tmp_path)
    saved = (folder / "1-charge.yaml").read_bytes()
    model = window.score_matrix.matrix_model
    window.score_matrix.setCurrentIndex(
        model.index(model.row_of("charge"), model.column_of("congestion"))
    )
    qtbot.mouseClick(window.authoring.cell_button, Qt.MouseButton.LeftButton)
    dialog = only(window, CellDialog)
    okay = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.score.clear()
    qtbot.keyClicks(dialog.score, "11")
    qtbot.waitUntil(lambda: "11 is outside 0–10" in dialog.check.text(), timeout=3000)
    assert not okay.isEnabled()
    dialog.score.clear()
    qtbot.keyClicks(dialog.score, "4")
    qtbot.keyClicks(dialog.low, "5")
    qtbot.waitUntil(lambda: "low (5) is above score (4)" in dialog.check.text(), timeout=3000)
    dialog.low.clear()
    ok(dialog.buttons, qtbot)
    assert window.session.decision_set.assessment("charge", "congestion").score == 4
    assert window.authoring.author.dirty
    window.session.undo_stack.undo()
    assert window.session.decision_set.assessment("charge", "congestion").score == 3
    assert not window.authoring.author.dirty  # back to exactly what was saved
    window.session.undo_stack.redo()
    assert window.session.decision_set.assessment("charge", "congestion").score == 4
    assert (folder / "1-charge.yaml").read_bytes() == saved  # nothing written until saved
    window.authoring.author.discard()


def test_close_asks_about_unsaved_edits(window, qtbot, tmp_path, monkeypatch):
    build(window, qtbot, tmp_path)
    rename = partial(op.set_option, option_id="charge", key="name", value="Peak charge")
    assert window.authoring.author.edit("Rename", rename) == []
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.close()
    assert asked == ["Unsaved edits to the decision set"]
    assert window.isVisible()
    window.authoring.author.discard()


def test_a_change_on_disk_reloads_the_set(window, qtbot, tmp_path):
    folder = build(window, qtbot, tmp_path)
    option_file = folder / "1-charge.yaml"
    option_file.write_text(option_file.read_text().replace('"Charge"', '"Peak charge"', 1))
    qtbot.waitUntil(
        lambda: window.session.decision_set.option("charge").name == "Peak charge", timeout=5000
    )


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch):
    """A message box would block the run: any the code opens fails the test instead."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    monkeypatch.setattr(QMessageBox, "warning", refuse)
    monkeypatch.setattr(QMessageBox, "question", refuse)


def test_a_changed_source_text_flags_the_quotes_it_lost(window, qtbot, tmp_path):
    folder = build(window, qtbot, tmp_path)
    text = folder / "sources" / "budget-notes.txt"
    text.write_text(text.read_text().replace("Drivers would pay 8 a day", "Drivers pay", 1))
    qtbot.waitUntil(
        lambda: "quote(s) no longer match" in window.statusBar().currentMessage(), timeout=5000
    )
    assert "charge × cost_to_drivers" in window.statusBar().currentMessage()


def test_set_menu_renames_moves_removes_and_undo_restores(window, qtbot, tmp_path, monkeypatch):
    build(window, qtbot, tmp_path)
    ds = window.session.decision_set
    texts = iter(["Peak-hour charge"])
    items = iter(["Charge (charge)", "Local trade (local_trade)", "Congestion (congestion)"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(texts), True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (next(items), True))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Se&t")
    actions = {a.text(): a for a in menu.actions()}
    actions["Rename option…"].trigger()
    assert window.session.decision_set.option("charge").name == "Peak-hour charge"
    actions["Move criterion earlier…"].trigger()
    assert window.session.decision_set.criterion_ids[1] == "local_trade"
    weights_before = len(window.session.shares)
    actions["Remove criterion…"].trigger()
    assert "congestion" not in window.session.decision_set.criterion_ids
    assert len(window.session.shares) == weights_before - 1
    for _ in range(3):
        window.session.undo_stack.undo()
    assert window.session.decision_set.criterion_ids == ds.criterion_ids
    assert window.session.decision_set.option("charge").name == "Charge"
    assert len(window.session.shares) == weights_before
    assert not window.authoring.author.dirty


def test_unsaved_edits_are_offered_back_after_a_crash(window, qtbot, tmp_path, monkeypatch):
    folder = build(window, qtbot, tmp_path)
    rename = partial(op.set_option, option_id="charge", key="name", value="Peak charge")
    assert window.authoring.author.edit("Rename", rename) == []
    recovery = window.authoring.author.recovery_file
    assert recovery.exists()
    # the app dies here: no save, no discard; a new window starts
    window.authoring.author.dirtyChanged.disconnect()
    window.authoring.author.editor = None  # what a killed process leaves: the file only
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again = MainWindow(Session(), AppSettings())
    qtbot.addWidget(again)
    again.offer_recovery()
    ds = again.session.decision_set
    assert ds.location == folder and ds.option("charge").name == "Peak charge"
    assert again.authoring.author.dirty
    again.session.undo_stack.undo()
    assert again.session.decision_set.option("charge").name == "Charge"
    again.authoring.author.discard()
    assert not recovery.exists()


def test_a_rationale_edit_in_the_window_is_a_one_line_diff(window, qtbot, tmp_path):
    folder = tmp_path / "commute"
    shutil.copytree(Path(__file__).resolve().parents[2] / "fixtures" / "commute", folder)
    before = (folder / "bike.yaml").read_text()  # health: high 5 is written, equal to the score
    assert window.open_path(folder)
    model = window.score_matrix.matrix_model
    window.score_matrix.setCurrentIndex(
        model.index(model.row_of("bike"), model.column_of("health"))
    )
    qtbot.mouseClick(window.authoring.cell_button, Qt.MouseButton.LeftButton)
    dialog = only(window, CellDialog)
    assert dialog.high.text() == ""  # shown as "the score"
    dialog.rationale.clear()
    qtbot.keyClicks(dialog.rationale, "Daily exercise, all year.")
    ok(dialog.buttons, qtbot)
    window.authoring.save_action.trigger()
    after = (folder / "bike.yaml").read_text()
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    # one line, in the style it was written in (plain), the high equal to the score kept
    assert changed == [
        ("    rationale: Daily exercise.", "    rationale: Daily exercise, all year.")
    ]
