"""The Evidence check in the window: the same numbers as `policy-explorer audit`, the same
rankings as switching each source off in the Sources panel, the headline beside the ranking and
on the slides, unverified quotes marked, and load warnings listed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from explorer.core.robustness.lens_summary import points
from explorer.ui.audit.evidence_check import EvidenceCheckView
from explorer.ui.briefing.slides import pdf_export
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.charts.ranking.ranking_chart import EVIDENCE_LINE_MS
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings
from explorer.ui.theme import LIGHT
from explorer.ui.widgets.live_caption import LiveCaption

ROOT = Path(__file__).resolve().parents[3]
SMALL = ROOT / "tests" / "fixtures" / "audit-small"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m explorer ARGS` in its own process, as a user runs it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


HEADLINE = "Extend leads; rescored from the evidence, Yield leads; without “Paper P”, Yield leads."


@pytest.fixture
def window(qtbot, bundled_path: Path, tmp_path: Path) -> MainWindow:
    win = MainWindow(Session(), AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(bundled_path)
    win.resize(1440, 900)
    win.show()
    win.tabs.setCurrentWidget(win.evidence_check)
    return win


def column(view: EvidenceCheckView, header: str) -> dict[str, int]:
    """Option name → its place in the rankings table's column `header`."""
    table = view.rankings
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    col = heads.index(header)
    return {
        table.item(r, 0).text(): int(table.item(r, col).text()) for r in range(table.rowCount())
    }


def order(places: dict[str, int]) -> list[str]:
    return sorted(places, key=places.__getitem__)


def cell_rows(view: EvidenceCheckView) -> dict[tuple[str, str], list[str]]:
    table = view.cells
    return {
        (table.item(r, 0).text(), table.item(r, 1).text()): [
            table.item(r, c).text() for c in range(2, table.columnCount())
        ]
        for r in range(table.rowCount())
    }


def headline(window: MainWindow, named) -> str:
    """The evidence headline beside the ranking as a user sees it ('' while hidden)."""
    chart = window.ranking_chart
    caption = named(chart, LiveCaption, "Evidence headline")
    return caption.text() if caption.isVisibleTo(chart) else ""


def test_window_and_cli_agree(qtbot, window: MainWindow, bundled_path: Path, named) -> None:
    done = cli("audit", "--set", str(bundled_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    view = window.evidence_check
    ds = window.session.decision_set
    names = {o.id: o.name for o in ds.options}
    crits = {c.id: c.name for c in ds.criteria}
    assert view.headline.text() == doc["summary"]
    qtbot.wait(2 * EVIDENCE_LINE_MS)  # the headline waits for the weights to settle
    assert headline(window, named) == (doc["headline"] or "")
    assert order(column(view, "Scored")) == [names[o] for o in doc["ranking"]]
    assert order(column(view, "Evidence")) == [names[o] for o in doc["implied_ranking"]]
    for k, off in enumerate(doc["leave_one_out"]):
        assert order(column(view, f"Without S{k + 1}")) == [names[o] for o in off["ranking"]]
    rows = cell_rows(view)
    assert len(rows) == len(doc["cells"]) == 50
    for c in doc["cells"]:
        score, implied, gap, sources, notes = rows[(names[c["option"]], crits[c["criterion"]])]
        assert score == points(c["score"])
        assert implied == ("—" if c["implied"] is None else points(c["implied"]))
        assert gap.lstrip("+−") == ("—" if c["gap"] is None else points(abs(c["gap"])))
        assert len(sources.split(", ")) == len(c["sources"])
        assert ("unopposed" in notes) == c["unopposed"]
    by_option = view.options
    for r, o in enumerate(doc["options"]):
        counts = [int(by_option.item(r, c).text()) for c in range(1, by_option.columnCount())]
        assert counts == [*o["by_source"].values(), o["supports"], o["contradicts"]]
    assert view.shared.rowCount() == len(doc["shared_quotes"])


def test_switching_each_source_off_in_the_sources_panel_gives_its_column(
    window: MainWindow, qtbot
) -> None:
    """View → model: untick a source in the Sources panel, the ranking on screen is the
    Evidence check's "Without" column; model → view: the check then shows that ranking as
    its evidence ranking."""
    session, view = window.session, window.evidence_check
    ds = session.decision_set
    names = [o.name for o in ds.options]
    expected = {k: order(column(view, f"Without S{k + 1}")) for k in range(len(ds.sources))}
    for k, source in enumerate(ds.sources):
        row = window.sources_panel.row(source.id)
        row.check.setChecked(False)  # what the analyst does by hand
        session.flush()
        assert [names[int(i)] for i in session.result.order] == expected[k], source.id
        want = expected[k]
        qtbot.waitUntil(lambda want=want: order(column(view, "Evidence")) == want)
        row.check.setChecked(True)
        session.flush()


def test_the_headline_sits_beside_the_ranking_and_goes_when_the_leader_holds(
    qtbot, tmp_path: Path, named
) -> None:
    win = MainWindow(Session(), AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(SMALL)
    win.show()
    qtbot.wait(2 * EVIDENCE_LINE_MS)  # the headline waits for the weights to settle
    assert headline(win, named) == HEADLINE
    win.session.set_weights([0.0, 1.0])  # all on harm: Extend leads whatever is switched off
    win.session.flush()
    qtbot.wait(2 * EVIDENCE_LINE_MS)
    assert headline(win, named) == ""
    win.session.set_weights([1.0, 1.0])
    win.session.flush()
    qtbot.waitUntil(lambda: headline(win, named) == HEADLINE)  # once the weights settle


def paint(session: Session, key: str) -> list[str]:
    renderer = SlideRenderer(session, LIGHT)
    image = QImage(1280, 720, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    renderer.paint(painter, QRectF(0, 0, 1280, 720), key)
    painter.end()
    return [text for _, text in renderer.placed]


def test_ranking_slide_and_reliance_slide_say_it(qapp) -> None:
    session = Session()
    session.load(SMALL)
    ranking = " ".join(paint(session, "ranking"))
    assert HEADLINE in ranking
    reliance = paint(session, "reliance")
    assert reliance[0] == "How much rests on the sources"
    joined = " ".join(reliance)
    assert HEADLINE in joined
    assert "Without Paper P: Yield" in joined and "Without Paper Q: Extend" in joined
    assert "3 of 6 scored cells have no contradicting evidence" in joined


@pytest.fixture
def unverified(qapp, tmp_path: Path) -> Path:
    """The hand-worked set with one quote that is not in its source (allowed, with a warning,
    outside the bundled set)."""
    folder = tmp_path / "set"
    shutil.copytree(SMALL, folder)
    option = folder / "2-yield.yaml"
    option.write_text(option.read_text().replace("the harm is small.", "the harm is tiny."))
    return folder


def test_unverified_quote_in_the_evidence_panel_problems_and_status(
    qtbot, unverified: Path, tmp_path: Path
) -> None:
    win = MainWindow(Session(), AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.open_path(unverified)
    win.show()
    win.session.select("yield", "harm")
    text = " ".join(win.evidence_panel.browser.toPlainText().split())
    assert "⚠ Unverified: not found in its source (said to support the score)" in text
    assert "[unverified] the harm is tiny." in text
    assert "“the harm is tiny.”" not in text  # never a plain quotation
    assert text.count("✔") == 1  # the verified quote keeps its tick, the other has none
    lines = win.problems_panel.lines()
    assert len(lines) == 1 and "quote not found verbatim in source 'r'" in lines[0]
    assert "2-yield.yaml" in lines[0]
    link = win.problems_link
    assert link.isVisible()
    assert link.text() == '<a href="problems">⚠ 1 load warning</a>'
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=link.rect().center())
    assert win.side_tabs.currentWidget() is win.problems_panel
    win.tabs.setCurrentWidget(win.evidence_check)
    qtbot.waitUntil(lambda: "1 unverified" in cell_rows(win.evidence_check)[("Yield", "Harm")][-1])


def test_unverified_quote_on_the_option_slide_and_in_the_pdf(
    unverified: Path, tmp_path: Path
) -> None:
    session = Session()
    session.load(unverified)
    slide = " ".join(paint(session, "option:yield"))
    assert "⚠ [unverified] the harm is tiny." in slide
    assert "“the harm is tiny.”" not in slide
    assert "Unverified: not found in its source" in slide
    out = tmp_path / "brief.pdf"
    pdf_export.write_pdf(session, out)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages]
    yield_page = next(p for p in pages if p.startswith("Yield"))
    assert "[unverified] the harm is tiny." in yield_page
    assert "“the harm is tiny.”" not in yield_page
    assert any(p.startswith("How much rests on the sources") for p in pages)


def test_no_problems_says_so(window: MainWindow) -> None:
    assert window.problems_panel.lines() == []
    assert window.problems_panel.summary.text().startswith("No problems were found")
    assert not window.problems_link.isVisible()


def test_screenshots(window: MainWindow, qtbot, output_dir: Path) -> None:
    folder = output_dir / "audit"
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(window.evidence_check.pages.count()):
        window.evidence_check.pages.setCurrentIndex(k)
        qtbot.wait(10)
        name = window.evidence_check.pages.tabText(k).lower().replace(" ", "-")
        assert window.grab().save(str(folder / f"evidence-check-{name}.png"))
