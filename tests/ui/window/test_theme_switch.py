"""A theme switch reaches every view one way: the session's themeChanged, once per view — not a
re-announced set, not Qt's PaletteChange, not a module global read at paint time."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

import explorer.ui
from explorer.ui import theme
from explorer.ui.compare.compare_view import CompareView
from explorer.ui.main_window import MainWindow
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings


def _themed_classes() -> list[type]:
    """Every class in explorer.ui that defines the theme slot."""
    found = []
    for info in pkgutil.walk_packages(explorer.ui.__path__, "explorer.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            mine = isinstance(value, type) and value.__module__ == module.__name__
            if mine and "_follow_theme" in vars(value):
                found.append(value)
    return found


def test_every_view_restyles_once_through_the_session(
    qtbot, bundled_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[int] = Counter()
    classes = _themed_classes()
    assert len(classes) >= 15  # charts, matrix, panels, robustness, compare, profiles
    for cls in classes:
        original = vars(cls)["_follow_theme"]

        def counted(self, original=original) -> None:
            calls[id(self)] += 1
            original(self)

        monkeypatch.setattr(cls, "_follow_theme", counted)
    session = Session()
    window = MainWindow(session, AppSettings())
    qtbot.addWidget(window)
    assert window.open_path(bundled_path)
    compare = CompareView(session)
    qtbot.addWidget(compare)
    themed = [
        w
        for w in [window, compare, *window.findChildren(QObject), *compare.findChildren(QObject)]
        if any(isinstance(w, cls) for cls in classes)
    ]
    kinds = {type(w).__name__ for w in themed}
    for name in ("RankingChart", "TradeoffMap", "ScoreMatrixView", "SensitivityChart"):
        assert name in kinds
    rebuilt: list[str] = []
    session.setChanged.connect(lambda: rebuilt.append("set"))
    try:
        window.set_theme("dark")
        assert session.theme is theme.DARK
        assert rebuilt == []  # no re-announced set: views are told of the theme alone
        assert [(type(w).__name__, calls[id(w)]) for w in themed] == [
            (type(w).__name__, 1) for w in themed
        ]
        plot = window.ranking_chart.findChild(pg.PlotWidget)
        assert plot is not None
        background = plot.backgroundBrush().color()
        assert background == QColor(theme.DARK.background)
    finally:
        session.set_theme(theme.LIGHT)  # the application palette too


def test_no_view_reads_a_module_global_theme() -> None:
    assert not hasattr(theme, "current")
    assert not hasattr(theme, "_current")
