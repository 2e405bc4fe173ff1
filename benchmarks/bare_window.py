"""Baseline for cold start: a bare QMainWindow holding one pyqtgraph plot."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([1, 3, 2, 4])
window.setCentralWidget(plot)
window.show()
QTimer.singleShot(0, lambda: print("window shown", flush=True))
QTimer.singleShot(300, app.quit)
sys.exit(app.exec())
