"""The main window: weights on the left, live charts in the middle, evidence on the right.

It owns layout, menus and persistence only; every view talks to the shared Session.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QWidget,
)

from explorer import paths
from explorer.core.problems import LoadError, Problem, display_path
from explorer.core.profiles import ProfileLibrary
from explorer.core.recovery import FILE_NAME as RECOVERY_FILE
from explorer.core.recovery import discard_recovery, read_recovery
from explorer.core.source_dates import evidence_age
from explorer.ui import theme
from explorer.ui.audit.evidence_check import EvidenceCheckView
from explorer.ui.authoring.authoring_actions import AuthoringActions
from explorer.ui.charts.profiles_chart import ProfilesChart
from explorer.ui.charts.ranking.ranking_chart import RankingChart
from explorer.ui.charts.tradeoff.tradeoff_map import TradeoffMap
from explorer.ui.compare.compare_view import show_compare_window
from explorer.ui.export.export_actions import ExportActions
from explorer.ui.main_menus import build_menus
from explorer.ui.matrix.score_matrix import ScoreMatrixView
from explorer.ui.methods.methods_view import MethodsView
from explorer.ui.panels.evidence_panel import EvidencePanel
from explorer.ui.panels.problems_panel import ProblemsPanel
from explorer.ui.panels.source_viewer import SourceViewer
from explorer.ui.panels.sources_panel import SourcesPanel
from explorer.ui.panels.weights_panel import WeightsPanel
from explorer.ui.problems_dialog import ProblemsDialog
from explorer.ui.profiles.profile_panel import ProfilePanel
from explorer.ui.robustness.robustness_view import RobustnessView
from explorer.ui.state.autosave import Autosave, ask_restore, restore
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings
from explorer.ui.widgets.steady_tabs import SteadyTabWidget

APP_TITLE = "Policy Options Explorer"
NARROW_BELOW = 1200  # px of window width: below it the side panels tab beside the weights
PROBLEMS_PANEL = 3  # index of the Problems panel among the side panels


class MainWindow(QMainWindow):
    # made by main_menus, which builds the menus and the toolbar
    recent_menu: QMenu
    undo_action: QAction
    redo_action: QAction
    present_action: QAction
    toolbar_undo: QAction
    toolbar_redo: QAction

    def __init__(
        self, session: Session, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName(APP_TITLE)
        self.problems_dialog: ProblemsDialog | None = None
        self._splitters_restored = False

        self.weights_panel = WeightsPanel(session)
        self.ranking_chart = RankingChart(session)
        self.tradeoff_map = TradeoffMap(session)
        self.profiles_chart = ProfilesChart(session)
        self.score_matrix = ScoreMatrixView(session)
        self.evidence_panel = EvidencePanel(session)
        self.source_viewer = SourceViewer(session, self)
        self.evidence_panel.showInSource.connect(self.show_in_source)
        self.library = ProfileLibrary()
        self.profile_panel = ProfilePanel(session, library=self.library)
        self.compare_window: QWidget | None = None
        self.sources_panel = SourcesPanel(session)
        self.side_tabs = SteadyTabWidget()
        self.side_tabs.setAccessibleName("Evidence, profiles and sources")
        self.side_tabs.addTab(self.evidence_panel, "E&vidence")
        self.side_tabs.addTab(self.profile_panel, "Pro&files")
        self.side_tabs.addTab(self.sources_panel, "&Sources")
        self.problems_panel = ProblemsPanel(session)  # load warnings, each one listed
        self.side_tabs.addTab(self.problems_panel, "P&roblems")
        self.setAcceptDrops(True)  # profile files and decision sets can be dropped on the window
        # The left column: the weights, and below NARROW_BELOW px also the side panels as tabs
        # (a projector's 1024 px cannot hold three columns without crushing the charts).
        self.left_tabs = SteadyTabWidget()
        self.left_tabs.setAccessibleName("Weights and side panels")
        self.left_tabs.setTabBarAutoHide(True)  # one tab (wide window): no tab bar
        self.left_tabs.addTab(self.weights_panel, "&Weights")
        self._narrow = False
        self._wide_sizes: list[int] = [360, 820, 380]

        self.tabs = SteadyTabWidget()
        self.tabs.setAccessibleName("Charts")
        self.tabs.addTab(self.tradeoff_map, "&Tradeoff map")
        self.tabs.addTab(self.profiles_chart, "Option &profiles")
        self.tabs.addTab(self.score_matrix, "Score &matrix")
        self.robustness_view = RobustnessView(session)
        self.tabs.addTab(self.robustness_view, "Ro&bustness")
        self.methods_view = MethodsView(session)
        self.tabs.addTab(self.methods_view, "Met&hods")
        self.evidence_check = EvidenceCheckView(session)
        self.tabs.addTab(self.evidence_check, "Evidence chec&k")
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.ranking_chart)
        self.centre.addWidget(self.tabs)
        self.centre.setStretchFactor(0, 1)
        self.centre.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([360, 820, 380])
        for splitter in (self.splitter, self.centre):
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        # load warnings are counted here and listed in the Problems panel, one click away
        # (a link, not a button: a button would make the status bar taller, and 1024×720 fit)
        self.problems_link = QLabel()
        self.problems_link.setAccessibleName("Show load problems")
        self.problems_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.problems_link.linkActivated.connect(lambda _: self.reveal_side_panel(PROBLEMS_PANEL))
        self.problems_link.hide()
        self.statusBar().addPermanentWidget(self.problems_link)
        # how old the newest evidence is, said where every analyst looks, when it is over a year
        self.evidence_age = QLabel()
        self.evidence_age.setAccessibleName("Evidence age")
        self.statusBar().addPermanentWidget(self.evidence_age)
        self.profile_panel.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.exports = ExportActions(session, self)
        self.exports.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        session.setChanged.connect(self._on_set_changed)
        session.resultChanged.connect(self._update_status)
        session.profileChanged.connect(self._update_title)
        self.autosave = Autosave(session, paths.user_data_dir() / RECOVERY_FILE, self)
        build_menus(self)
        self.authoring = AuthoringActions(self)
        file_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&File")
        assert isinstance(file_menu, QMenu)  # build_menus made it
        self.authoring.build_menu(file_menu)
        self._restore_state()

    # ---- opening sets --------------------------------------------------------------------
    def choose_set(self) -> None:
        start = str(paths.options_dir())
        file, _ = QFileDialog.getOpenFileName(
            self, "Open decision set", start, "YAML (*.yaml *.yml)"
        )
        if file:
            # a decision-set.yaml stands for its whole folder
            chosen = Path(file)
            self.open_path(chosen.parent if chosen.name == "decision-set.yaml" else chosen)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Open decision-set folder", str(paths.options_dir())
        )
        if folder:
            self.open_path(Path(folder))

    def open_path(self, path: Path) -> bool:
        """Open a set; on failure show every problem and keep the current set untouched."""
        if not self.profile_panel.maybe_save():  # a new set replaces the weighting on screen
            return False
        if not self.authoring.maybe_save():  # and the edits made to the open set
            return False
        try:
            self.session.load(Path(path))
        except LoadError as exc:
            self.show_problems(display_path(Path(path)), exc.problems + exc.warnings)
            return False
        self.settings.last_set = str(Path(path).resolve())
        self.settings.add_recent(str(Path(path).resolve()))
        return True

    def reload(self) -> None:
        ds = self.session.decision_set
        if ds is not None and ds.location is not None:
            shares = self.session.shares
            if self.open_path(ds.location) and len(shares) == len(self.session.shares):
                self.session.set_weights(shares)

    def show_problems(self, title: str, problems: list[Problem]) -> None:
        self.problems_dialog = ProblemsDialog(title, problems, self)
        self.problems_dialog.open()

    def show_in_source(self, source_id: str, quote: str) -> None:
        self.source_viewer.show_quote(source_id, quote)
        self.source_viewer.show()
        self.source_viewer.raise_()

    # ---- state ---------------------------------------------------------------------------
    def _on_set_changed(self) -> None:
        ds = self.session.decision_set
        if ds is not None and (axes := self.settings.tradeoff_axes(ds.id)) is not None:
            self.session.views.set_tradeoff_axes(*axes)  # the map follows if they still exist
        if ds is not None and (criterion := self.settings.sensitivity_criterion(ds.id)):
            self.session.views.set_sensitivity_criterion(criterion)  # ignored if it is gone
        self._update_title()
        self._update_status()

    def _update_title(self) -> None:
        """Active profile, an unsaved-changes mark, the set: what a presenter checks first."""
        ds, profile = self.session.decision_set, self.session.active_profile
        if ds is None:
            self.setWindowTitle(APP_TITLE)
            return
        name = profile.name if profile is not None else "Untitled weighting"
        edited = hasattr(self, "authoring") and self.authoring.author.dirty
        self.setWindowModified(self.session.dirty or edited)
        mark = " (unsaved edits)" if edited else ""
        self.setWindowTitle(f"{name}[*] — {ds.title}{mark} — {APP_TITLE}")

    def offer_recovery(self) -> None:
        """After a crash or kill, offer the autosaved set edits and weighting back (called
        once shown)."""
        self.authoring.offer_recovery()
        self._offer_weighting_recovery()

    def _offer_weighting_recovery(self) -> None:
        file = self.autosave.file
        try:
            recovery = read_recovery(file)
        except LoadError as exc:
            file.replace(file.with_name(file.name + ".unreadable"))
            self.show_problems("the autosaved weighting (set aside)", exc.problems)
            return
        if recovery is None or not ask_restore(self, recovery):
            discard_recovery(file)
            return
        ds = self.session.decision_set
        here = ds.location.resolve() if ds and ds.location else None
        if here != recovery.set_path.resolve() and not self.open_path(recovery.set_path):
            return
        try:
            restore(self.session, recovery)
        except LoadError as exc:
            self.show_problems("the autosaved weighting", exc.problems)

    def _update_status(self) -> None:
        ds, result = self.session.decision_set, self.session.result
        if ds is None or result is None:
            self.status.setText("No decision set loaded")
            return
        leader = ds.options[int(result.order[0])].name
        count = len(self.session.warnings)
        words = f"⚠ {count} load warning{'s' if count != 1 else ''}"
        self.problems_link.setText(f'<a href="problems">{words}</a>')
        self.problems_link.setToolTip("Each one is listed in the Problems panel")
        self.problems_link.setVisible(count > 0)
        age = evidence_age(ds, date.today())
        self.status.setText(
            f"{ds.question}  ·  {len(ds.options)} options × {len(ds.criteria)} criteria  ·  "
            f"{result.method.label}: {leader} leads"
        )
        short = age.text.removeprefix("Evidence may be out of date. ")
        self.evidence_age.setText(f"⚠ {short}" if age.stale else "")
        self.evidence_age.setToolTip(age.text)
        self.evidence_age.setVisible(age.stale)

    def set_theme(self, key: str) -> None:
        self.settings.theme = key
        self.session.set_theme(theme.chosen(key))  # every view follows its themeChanged

    def _restore_state(self) -> None:
        if geometry := self.settings.bytes("window/geometry"):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        if state := self.settings.bytes("window/state"):
            self.restoreState(state)
        self.tabs.setCurrentIndex(self.settings.chart_tab)
        with contextlib.suppress(ValueError):  # a mode from another version: keep the default
            self.session.views.set_matrix_colour(self.settings.matrix_colour)

    def showEvent(self, event: QShowEvent) -> None:
        # Splitters are restored once the window has its real size; restored earlier, Qt
        # redistributes the saved sizes when the window first grows to its geometry.
        if not self._splitters_restored:
            self._splitters_restored = True
            for key, splitter in (
                ("window/splitter", self.splitter),
                ("window/centre", self.centre),
            ):
                if state := self.settings.bytes(key):
                    splitter.restoreState(state)
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns(event.size().width())

    def _fit_columns(self, width: int) -> None:
        """Three columns on a wide window; below NARROW_BELOW px the side panels become tabs
        beside the weights. Decided by the window's width alone, which no layout inside it
        changes, so the switch cannot feed back into itself."""
        narrow = width < NARROW_BELOW
        if narrow == self._narrow:
            return
        current = self.side_tabs.currentIndex() if narrow else self.left_tabs.currentIndex() - 1
        if narrow:
            if self.side_tabs.isVisible():
                self._wide_sizes = self.splitter.sizes()
            while self.side_tabs.count():
                page, text = self.side_tabs.widget(0), self.side_tabs.tabText(0)
                assert page is not None  # index 0 < count()
                self.side_tabs.removeTab(0)
                self.left_tabs.addTab(page, text)
            self.side_tabs.hide()
        else:
            while self.left_tabs.count() > 1:
                page, text = self.left_tabs.widget(1), self.left_tabs.tabText(1)
                assert page is not None  # index 1 < count()
                self.left_tabs.removeTab(1)
                self.side_tabs.addTab(page, text)
            self.left_tabs.setCurrentIndex(0)
            self.side_tabs.show()
            self.splitter.setSizes(self._wide_sizes)
        self._narrow = narrow
        if current >= 0:
            self.reveal_side_panel(current, switch=False)

    def reveal_side_panel(self, index: int, switch: bool = True) -> None:
        """Bring evidence (0), profiles (1), sources (2) or problems (3) to the front, wherever
        they sit."""
        if self._narrow:
            if switch or self.left_tabs.currentIndex() != 0:
                self.left_tabs.setCurrentIndex(index + 1)
        else:
            self.side_tabs.setCurrentIndex(index)

    def save_state(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/state", self.saveState())
        self.settings.set_bytes("window/splitter", self.splitter.saveState())
        self.settings.set_bytes("window/centre", self.centre.saveState())
        self.settings.chart_tab = self.tabs.currentIndex()
        if (ds := self.session.decision_set) is not None:
            self.settings.set_tradeoff_axes(ds.id, self.session.views.tradeoff_axes)
            views = self.session.views
            self.settings.set_sensitivity_criterion(ds.id, views.sensitivity_criterion)
        self.settings.matrix_colour = self.session.views.matrix_colour.value
        self.settings.sync()

    def present(self) -> None:
        """F5: the briefing full screen (and the presenter view on a second screen)."""
        from explorer.ui.briefing.present.controller import (
            start_presentation,  # loaded when first used
        )

        self.session.flush()
        start_presentation(self.session, self)

    def arrange_slides(self) -> None:
        from explorer.ui.briefing.present.controller import open_slide_manager

        open_slide_manager(self.session, self)

    def show_compare(self) -> None:
        if self.compare_window is None:
            self.compare_window = show_compare_window(self.session, self, self.library)
        else:
            self.compare_window.show()
            self.compare_window.raise_()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A folder or decision-set.yaml opens as a set; other YAML files import as profiles."""
        dropped = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        sets = [p for p in dropped if p.is_dir() or p.name == "decision-set.yaml"]
        profiles = [p for p in dropped if p not in sets and p.suffix in {".yaml", ".yml"}]
        if profiles:
            self.profile_panel.import_paths(profiles)
        if sets:
            target = sets[0]
            self.open_path(target.parent if target.name == "decision-set.yaml" else target)
        event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.profile_panel.maybe_save() or not self.authoring.maybe_save():
            event.ignore()
            return
        self.autosave.stop_clean()
        self.save_state()
        self.source_viewer.close()
        super().closeEvent(event)


def quit_after(ms: int) -> None:
    """Close every window after `ms` (the smoke test and the start-up benchmark use this)."""
    QTimer.singleShot(ms, QApplication.closeAllWindows)
