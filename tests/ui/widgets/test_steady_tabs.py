"""SteadyTabWidget: a page's label changing text without changing size repaints the label,
not the whole tab widget; a change that does alter what the tab widget lays out still reaches
it and its parent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QApplication, QLabel, QTabBar, QTabWidget, QVBoxLayout, QWidget

from explorer.ui.widgets.steady_tabs import SteadyTabWidget

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows


class TabBarPaints(QObject):
    def __init__(self, bar: QTabBar) -> None:
        super().__init__()
        self.count = 0
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def window(qtbot, kind: type[QTabWidget]) -> tuple[QWidget, QTabWidget, QLabel]:
    top = QWidget()
    qtbot.addWidget(top)
    tabs = kind()
    page = QWidget()
    label = QLabel("Agreement between methods: 0.81; 0.79; 0.90")
    label.setWordWrap(True)
    column = QVBoxLayout(page)
    column.addWidget(label)
    column.addStretch(1)
    tabs.addTab(page, "Methods")
    tabs.addTab(QWidget(), "Other")
    QVBoxLayout(top).addWidget(tabs)
    top.resize(700, 400)
    top.show()
    qtbot.waitExposed(top)
    QApplication.processEvents()
    return top, tabs, label


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize(("kind", "repaints_whole"), [(QTabWidget, True), (SteadyTabWidget, False)])
def test_same_size_text_change_repaints_only_the_label(qtbot, kind, repaints_whole) -> None:
    """The plain QTabWidget row shows what the subclass is for: the test measures something
    that happens without it."""
    _top, tabs, label = window(qtbot, kind)
    paints = TabBarPaints(tabs.tabBar())
    for value in ("0.82", "0.83", "0.84"):
        label.setText(f"Agreement between methods: {value}; 0.79; 0.90")
        settle()
    assert (paints.count > 0) is repaints_whole


def test_a_page_that_needs_more_room_still_tells_the_parent(qtbot) -> None:
    top, tabs, label = window(qtbot, SteadyTabWidget)
    before = tabs.minimumSizeHint().height()
    label.setMinimumHeight(300)  # the page's needs change: the tab widget's must follow
    settle()
    assert tabs.minimumSizeHint().height() >= before + 250
    assert top.minimumSizeHint().height() >= tabs.minimumSizeHint().height()


def test_a_tab_bar_that_grows_is_laid_out(qtbot) -> None:
    """A bigger tab bar font asks for room only through a layout request."""
    _top, tabs, _label = window(qtbot, SteadyTabWidget)
    height = tabs.tabBar().height()
    font = tabs.tabBar().font()
    font.setPointSize(font.pointSize() * 2)
    tabs.tabBar().setFont(font)
    settle()
    assert tabs.tabBar().height() > height
    page_top = tabs.currentWidget().mapTo(tabs, QPoint(0, 0)).y()
    assert page_top > tabs.tabBar().geometry().bottom()  # the page moved down to make room


@pytest.mark.parametrize("on", ["tab widget", "window"])
def test_a_bigger_font_on_the_tab_widget_or_its_window_is_laid_out(qtbot, on) -> None:
    """The tab bar gets the new font after the tab widget: its request for room must pass."""
    top, tabs, _label = window(qtbot, SteadyTabWidget)
    target = tabs if on == "tab widget" else top
    font = target.font()
    font.setPointSize(font.pointSize() * 3)
    target.setFont(font)
    settle()
    bar = tabs.tabBar()
    assert bar.height() >= bar.sizeHint().height() > 30
    assert tabs.currentWidget().mapTo(tabs, QPoint(0, 0)).y() >= bar.geometry().bottom()
