"""The Robustness view: how much the ranking on screen depends on the weights and the scores.

Four answers side by side, in resizable panes: the sensitivity of every option's total to one
weight, what single change would hand over the lead, which cells' assessed ranges swing the lead
most (tornado), and how often each option takes each rank over many sampled weightings (rank
acceptability). Sampling is the session's (a worker thread, restarted whenever the result
changes); this view asks for it only while it is on screen, and sets how it samples.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.engine import Method
from explorer.core.robustness.analysis import MAX_SAMPLES, SamplingSettings
from explorer.ui.robustness.acceptability_heatmap import SNAPSHOT_MS, AcceptabilityHeatmap
from explorer.ui.robustness.change_list import ChangeList
from explorer.ui.robustness.sensitivity_chart import SensitivityChart
from explorer.ui.robustness.tornado_chart import TornadoChart
from explorer.ui.state.session import Session
from explorer.ui.widgets.steady_tabs import SteadyTabWidget

GRID, PAIRS, SINGLE = "grid", "pairs", "single"
GRID_SIZE = (1000, 760)  # below this width the panes get a page each; below this height, two
PAGE_TITLES = ("Sensitivity", "What would change", "Tornado", "Rank acceptability")
WEIGHT_MODES = (
    ("uniform", "Any weighting"),
    ("around", "Around the current weights"),
    ("ordinal", "Any weighting in the elicited order"),
)
SCORE_MODES = (("fixed", "As assessed"), ("uniform", "Anywhere in each cell's range"))
METHOD_NOTE = (
    "Scoring method is {method}: the sensitivity curves, the tornado and rank acceptability "
    "follow {method}; the what-would-change statements and the stability bands behind the weight "
    "sliders are the exact weighted-sum analyses."
)


def _splitter(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
    splitter = QSplitter(orientation)
    for widget, _ in parts:
        splitter.addWidget(widget)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes([share * 100 for _, share in parts])  # proportions; scaled to fit
    return splitter


def _holds(page: QWidget, section: QWidget) -> bool:
    return page is section or page.isAncestorOf(section)


def _section(title: str, name: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    box.setAccessibleName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 6, 4, 4)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class RobustnessView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName("Robustness")
        self.sensitivity = SensitivityChart(session)
        self.changes = ChangeList(session)
        self.tornado = TornadoChart(session)
        self.heatmap = AcceptabilityHeatmap(session)

        self.note = QLabel(METHOD_NOTE.format(method=Method.TOPSIS.label))
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Robustness method note")
        self.note.hide()

        controls = self._build_controls()
        self.sections = [
            _section("Sensitivity to one weight", "Sensitivity", self.sensitivity),
            _section("What would change the result", "Changes", self.changes),
            _section("Tornado: cells that swing the lead", "Tornado", self.tornado),
            _section(
                "Rank acceptability over sampled weightings",
                "Acceptability",
                controls,
                self.heatmap,
            ),
        ]
        # Sampling is wanted while the acceptability pane shows, in whatever page it sits.
        self.sections[3].installEventFilter(self)
        self.pages = SteadyTabWidget()
        self.pages.setAccessibleName("Robustness panes")
        self.pages.setDocumentMode(True)
        self.pages.setTabBarAutoHide(True)  # one page (the grid): no tab bar
        self._mode = ""
        self._arrange(SINGLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.pages, 1)

        session.setChanged.connect(self._sync)
        session.methodChanged.connect(self._show_method)
        session.weightsChanged.connect(self._sync)  # an elicited order makes 'ordinal' available
        session.profileChanged.connect(self._sync)
        session.samplingChanged.connect(self._sync)  # set here or anywhere else
        # A synchronous repaint per setValue: the bar follows snapshots at most 20 times a second.
        self._progress_later = QTimer(self, singleShot=True, interval=SNAPSHOT_MS)
        self._progress_later.timeout.connect(self._show_progress)
        session.acceptabilityChanged.connect(self._snapshot)
        self._sync()

    # ---- sampling controls ------------------------------------------------------------------
    def _build_controls(self) -> QWidget:
        self.samples = QSpinBox()
        self.samples.setRange(1000, min(MAX_SAMPLES, 1_000_000))
        self.samples.setSingleStep(5000)
        self.samples.setGroupSeparatorShown(True)
        self.samples.setKeyboardTracking(False)  # "50000" must not first sample 5
        self.samples.setAccessibleName("Number of samples")
        self.samples.setToolTip("How many weightings to sample (more: steadier percentages)")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setKeyboardTracking(False)
        self.seed.setAccessibleName("Random seed")
        self.seed.setToolTip("The same seed gives the same samples, so a result can be repeated")
        self.weights = QComboBox()
        for key, text in WEIGHT_MODES:
            self.weights.addItem(text, key)
        self.weights.setAccessibleName("Weights sampled")
        self.weights.setToolTip(
            "Any weighting: every weighting equally likely.\n"
            "Around the current weights: near the sliders, as far as the spread allows."
        )
        self.spread = QDoubleSpinBox()
        self.spread.setRange(0.01, 0.9)
        self.spread.setSingleStep(0.01)
        self.spread.setDecimals(2)
        self.spread.setKeyboardTracking(False)
        self.spread.setAccessibleName("Spread around the current weights")
        self.spread.setToolTip("0.1 moves a 20 % weight by about ±4 points")
        self.scores = QComboBox()
        for key, text in SCORE_MODES:
            self.scores.addItem(text, key)
        self.scores.setAccessibleName("Scores sampled")
        self.scores.setToolTip("Keep the assessed scores, or draw each within its low–high range")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Samples done")
        self.progress.setTextVisible(True)
        for control in (self.samples, self.seed, self.spread):
            control.valueChanged.connect(self._settings_edited)
        for combo in (self.weights, self.scores):
            combo.currentIndexChanged.connect(self._settings_edited)
            # long choices elide rather than force the window wider than a 1024-pixel screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)

        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        rows = (
            (("&Samples", self.samples), ("See&d", self.seed)),
            (("Wei&ghts", self.weights), ("Spre&ad", self.spread)),
            (("S&cores", self.scores), None),
        )
        for r, pair in enumerate(rows):
            for c, entry in enumerate(pair):
                if entry is None:
                    continue
                label = QLabel(entry[0])
                label.setBuddy(entry[1])
                grid.addWidget(label, r, 2 * c)
                grid.addWidget(entry[1], r, 2 * c + 1)
        grid.addWidget(self.progress, 3, 0, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        return box

    def _settings_edited(self) -> None:
        spread_on = self.weights.currentData() == "around"
        self.spread.setEnabled(spread_on)
        mode, order = self.weights.currentData(), self._session.sampling.order
        if mode == "ordinal":
            order = order or self._session.elicited_order()
            mode = "ordinal" if order is not None else "uniform"
        settings = dataclasses.replace(
            self._session.sampling,
            samples=self.samples.value(),
            seed=self.seed.value(),
            weights=mode,
            order=order if mode == "ordinal" else None,
            spread=round(self.spread.value(), 4),
            scores=self.scores.currentData(),
        )
        self._session.set_sampling(settings)
        self._show_progress()

    # ---- session → view ---------------------------------------------------------------------
    def _sync(self) -> None:
        """Show the session's sampling settings (a profile may carry its own)."""
        settings: SamplingSettings = self._session.sampling
        with QSignalBlocker(self.samples), QSignalBlocker(self.seed), QSignalBlocker(self.spread):
            self.samples.setValue(settings.samples)
            self.seed.setValue(settings.seed)
            self.spread.setValue(settings.spread)
        for combo, key in ((self.weights, settings.weights), (self.scores, settings.scores)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(key))
        self.spread.setEnabled(settings.weights == "around")
        ordinal = self.weights.model().item(self.weights.findData("ordinal"))  # type: ignore[attr-defined]
        ordinal.setEnabled(settings.order is not None or self._session.elicited_order() is not None)
        self._show_method()
        self._show_progress()

    def _show_method(self) -> None:
        method = self._session.method
        self.note.setText(METHOD_NOTE.format(method=method.label))
        self.note.setVisible(method is not Method.WSM)

    def _snapshot(self) -> None:
        if not self._progress_later.isActive():
            self._progress_later.start()

    def _show_progress(self) -> None:
        session = self._session
        snap, requested = session.acceptability, session.sampling.samples
        done = 0
        if snap is not None and session.acceptability_current:
            done, requested = snap.samples, snap.requested
        self.progress.setRange(0, requested)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done:,} / {requested:,} samples")
        state = "Sampling…" if session.sampling_running else "Done" if done else "Not running"
        self.progress.setToolTip(f"{state} {session.sampling.describe()}")

    # ---- layout by size -----------------------------------------------------------------------
    @property
    def mode(self) -> str:
        """GRID (all four panes), PAIRS (two pages of two) or SINGLE (a page per pane)."""
        return self._mode

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if size.width() >= GRID_SIZE[0]:
            mode = GRID if size.height() >= GRID_SIZE[1] else PAIRS
        else:
            mode = SINGLE
        self._arrange(mode)

    def _arrange(self, mode: str) -> None:
        """Put the panes on pages for `mode`; only when the mode changes (a size threshold).

        A 2 × 2 grid is unreadable in a short centre tab, so a small view pages its panes
        instead; the panes themselves (and their plot items) are moved, never rebuilt.
        """
        if mode == self._mode:
            return
        page = self.pages.currentWidget()
        # The pane the reader was on stays on screen: the first one on the current page.
        shown = next((s for s in self.sections if page is not None and _holds(page, s)), None)
        self._mode = mode
        for section in self.sections:
            section.setParent(None)
        while self.pages.count():
            old = self.pages.widget(0)
            assert old is not None  # index 0 < count()
            self.pages.removeTab(0)
            old.deleteLater()
        sens, changes, tornado, accept = self.sections
        if mode == GRID:
            left = _splitter(Qt.Orientation.Vertical, (sens, 56), (tornado, 44))
            right = _splitter(Qt.Orientation.Vertical, (changes, 60), (accept, 40))
            self.pages.addTab(_splitter(Qt.Orientation.Horizontal, (left, 55), (right, 45)), "")
        elif mode == PAIRS:
            self.pages.addTab(
                _splitter(Qt.Orientation.Horizontal, (sens, 55), (changes, 45)), "Weights"
            )
            self.pages.addTab(
                _splitter(Qt.Orientation.Horizontal, (tornado, 50), (accept, 50)),
                "Scores and sampling",
            )
        else:
            for section, title in zip(self.sections, PAGE_TITLES, strict=True):
                self.pages.addTab(section, title)
        if mode != SINGLE:  # setParent(None) hid them; the tab widget shows only its pages
            for section in self.sections:
                section.show()
        for k in range(self.pages.count()):
            tab = self.pages.widget(k)
            if shown is not None and tab is not None and _holds(tab, shown):
                self.pages.setCurrentIndex(k)

    # ---- sampling only while someone looks ----------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.sections[3] and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._session.want_sampling(self, event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)
