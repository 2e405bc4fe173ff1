"""The main window: wiring, opening sets, persistence, and screenshots of every chart."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QToolBar

from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


@pytest.fixture
def window(qtbot, bundled_path: Path) -> MainWindow:
    win = MainWindow(Session(), AppSettings())
    qtbot.addWidget(win)
    assert win.open_path(bundled_path)
    return win


def test_weight_change_reaches_every_view(window: MainWindow, qtbot) -> None:
    session = window.session
    ds = session.decision_set
    first = ds.criterion_ids[0]
    window.weights_panel.slider(first).setValue(700)  # 70 %
    session.flush()
    result = session.result
    assert result.weights[0] == pytest.approx(0.7, abs=1e-3)
    assert np.isclose(result.weights.sum(), 1.0)
    segments = window.ranking_chart.bar_segments()
    for (option, criterion), (_x0, width, _y) in segments.items():
        i, j = ds.option_ids.index(option), ds.criterion_ids.index(criterion)
        assert width == pytest.approx(result.contributions[i, j])
    leader = ds.options[int(result.order[0])].name
    assert leader in window.status.text()


def test_broken_set_keeps_the_current_one(
    window: MainWindow, tmp_path: Path, commute_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(commute_path, broken)
    text = (broken / "bike.yaml").read_text().replace("score: 1\n", "score: 12\n", 1)
    (broken / "bike.yaml").write_text(text)
    before = window.session.decision_set
    assert not window.open_path(broken)
    assert window.session.decision_set is before
    dialog = window.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert "bike.yaml:" in dialog.text.toPlainText()
    assert "assessments.cost.score: 12 is outside 0–10" in dialog.text.toPlainText()
    dialog.close()


def test_geometry_splitters_and_last_set_are_restored(qtbot, commute_path: Path) -> None:
    first = MainWindow(Session(), AppSettings())
    qtbot.addWidget(first)
    first.open_path(commute_path)
    first.resize(1200, 760)
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([300, 600, 300])
    first.tabs.setCurrentIndex(2)
    sizes = first.splitter.sizes()
    geometry = first.saveGeometry()
    first.close()
    settings = AppSettings()
    assert settings.last_set == str(commute_path.resolve())
    assert settings.recent_sets[0] == str(commute_path.resolve())
    assert settings.bytes("window/geometry") == geometry
    second = MainWindow(Session(), settings)
    qtbot.addWidget(second)
    # the offscreen screen is 800×600 and restoreGeometry clamps to it; a desktop restores 1200×760
    second.resize(1200, 760)
    second.show()
    qtbot.waitExposed(second)
    assert second.splitter.sizes() == sizes
    assert second.tabs.currentIndex() == 2


def test_show_in_source_opens_the_viewer(window: MainWindow) -> None:
    ds = window.session.decision_set
    cell = ds.assessment(ds.option_ids[0], ds.criterion_ids[0])
    quote = cell.evidence[0]
    window.evidence_panel.showInSource.emit(quote.source, quote.quote)
    assert window.source_viewer.isVisible()
    window.source_viewer.close()


def test_theme_switch_keeps_state(window: MainWindow) -> None:
    shares = window.session.shares
    window.set_theme("dark")
    window.set_theme("light")
    assert np.allclose(window.session.shares, shares)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_screenshots_of_each_chart(window: MainWindow, screenshot, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    # the layout must fit: nothing forced wider or taller than the screen
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]
    ds = window.session.decision_set
    window.session.select(ds.option_ids[1], ds.criterion_ids[2])
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        name = window.tabs.tabText(index).replace("&", "").replace(" ", "-").lower()
        image = screenshot(window, f"main-{name}-{size[0]}x{size[1]}.png")
        assert image.width() == size[0]


def test_toolbar_undo_keeps_its_width_and_says_what_in_its_tooltip(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "briefing-toolbar")
    button = bar.widgetForAction(window.toolbar_undo)
    width = button.sizeHint().width()
    assert not window.toolbar_undo.isEnabled()
    cid = window.session.decision_set.criteria[2].id
    window.session.set_share(cid, 0.4)
    assert window.toolbar_undo.isEnabled()
    assert window.toolbar_undo.text() == "Undo"
    assert window.toolbar_undo.toolTip() == (
        f"Undo: Weight of {window.session.decision_set.criteria[2].name}"
    )
    assert button.sizeHint().width() == width
    window.toolbar_undo.trigger()
    assert not window.toolbar_undo.isEnabled()
    assert window.toolbar_redo.isEnabled()


def test_side_panels_tab_beside_the_weights_on_a_narrow_window(window: MainWindow, qtbot) -> None:
    window.show()
    window.resize(1440, 900)
    qtbot.wait(10)
    assert window.side_tabs.isVisible() and window.left_tabs.count() == 1
    window.resize(1024, 768)
    qtbot.wait(10)
    assert not window.side_tabs.isVisible()
    names = [window.left_tabs.tabText(i) for i in range(window.left_tabs.count())]
    assert names == ["&Weights", "E&vidence", "Pro&files", "&Sources", "P&roblems"]
    window.reveal_side_panel(0)
    assert window.left_tabs.currentWidget() is window.evidence_panel
    window.resize(1440, 900)
    qtbot.wait(10)
    assert window.side_tabs.isVisible() and window.left_tabs.count() == 1
    assert window.side_tabs.currentWidget() is window.evidence_panel


def test_the_status_bar_warns_when_the_newest_evidence_is_over_a_year_old(
    window: MainWindow,
) -> None:
    from datetime import date

    from explorer.core.source_dates import evidence_age

    age = evidence_age(window.session.decision_set, date.today())
    assert age.stale  # the bundled documents are from 2020 and 2024
    assert window.evidence_age.text().startswith("⚠ Newest evidence: 2024")
    assert window.evidence_age.toolTip() == age.text


def test_the_tradeoff_axes_are_saved_with_the_window(qtbot, bundled_path: Path) -> None:
    from explorer.ui.state.settings import AppSettings

    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    window.open_path(bundled_path)
    x_combo, y_combo = window.tradeoff_map.x_combo, window.tradeoff_map.y_combo
    keys = [x_combo.itemData(i) for i in range(x_combo.count())]
    x_combo.setCurrentIndex(3)  # picked as a user would
    y_combo.setCurrentIndex(5)
    window.save_state()
    again = MainWindow(Session(), AppSettings())
    qtbot.addWidget(again)
    again.open_path(bundled_path)
    assert again.session.views.tradeoff_axes == (keys[3], keys[5])
    assert (again.tradeoff_map.x_axis.key, again.tradeoff_map.y_axis.key) == (keys[3], keys[5])
