"""Charts are built without pyqtgraph's view-box context menu.

Building the menu and then switching it off destroys a QMenu, and destroying it under
PySide6 crashed a CI run with a segmentation fault. The charts never offer the menu, so they
must never build it: this test fails the moment any chart in the window builds one.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings

# the package re-exports the class under the module's name, so reach the module itself
viewbox_module = importlib.import_module("pyqtgraph.graphicsItems.ViewBox.ViewBox")


def test_no_chart_in_the_window_builds_a_view_box_menu(
    qtbot, bundled_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    real = viewbox_module.ViewBoxMenu

    def recording(view: object) -> object:
        built.append(view)
        return real(view)

    monkeypatch.setattr(viewbox_module, "ViewBoxMenu", recording)
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    assert window.open_path(bundled_path)
    window.resize(1600, 1000)
    window.show()
    plots = window.findChildren(pg.PlotWidget)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    assert len(plots) >= 5  # ranking, profiles, tradeoff map, sensitivity, tornado, compare
    assert built == []
    assert all(plot.getPlotItem().getViewBox().menu is None for plot in plots)


def test_right_clicking_a_chart_opens_no_menu(qtbot, bundled_path: Path) -> None:
    window = MainWindow(Session(), AppSettings())
    qtbot.addWidget(window)
    assert window.open_path(bundled_path)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    plot = window.ranking_chart.findChild(pg.PlotWidget)
    assert plot is not None and plot.isVisible()
    centre = QPoint(plot.viewport().width() // 2, plot.viewport().height() // 2)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=centre)
    QApplication.processEvents()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
