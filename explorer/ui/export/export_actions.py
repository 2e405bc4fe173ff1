"""The export commands: briefing PDF, printing, charts as PNG/SVG, matrix and evidence as CSV.

Each command asks for a file (or takes one, for tests and scripts), writes atomically through
the core or briefing writers, and reports the outcome in the status bar — or, when the write
fails, in a message naming the file and the reason; nothing half-written is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from explorer.core.export_csv import evidence_csv, matrix_csv, write_csv
from explorer.ui import theme as themes
from explorer.ui.state.session import Session

# The writers (PDF, print, SVG) are imported when first used: they pull in QtPrintSupport,
# QtSvg and the whole slide renderer, which would add ~0.1 s to every start-up.


class ExportActions(QObject):
    message = Signal(str)  # a one-line outcome for the status bar

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.window = parent
        self.pdf = self._action("Briefing as &PDF…", self.export_pdf, "Ctrl+Shift+E")
        self.print = self._action("&Print briefing…", self.print_briefing, "Ctrl+P")
        self.chart = self._action("&Chart as PNG or SVG…", self.export_chart)
        self.matrix = self._action("Score &matrix as CSV…", self.export_matrix_csv)
        self.evidence = self._action("&Evidence as CSV…", self.export_evidence_csv)

    def all(self) -> list[QAction]:
        return [self.pdf, self.print, self.chart, self.matrix, self.evidence]

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _ask(self, title: str, name: str, filters: str) -> Path | None:
        file, _ = QFileDialog.getSaveFileName(self.window, title, name, filters)
        return Path(file) if file else None

    def _stem(self) -> str:
        ds = self.session.decision_set
        return ds.id if ds is not None else "briefing"

    def _failed(self, what: str, path: Path, exc: Exception) -> None:
        reason = getattr(exc, "strerror", None) or str(exc)
        QMessageBox.warning(
            self.window, "Export failed", f"Could not write {what} to {path}:\n{reason}"
        )

    # ---- commands ------------------------------------------------------------------------
    def export_pdf(self, path: Path | None = None) -> bool:
        if self.session.decision_set is None:
            return False
        path = path or self._ask("Export briefing", f"{self._stem()}-briefing.pdf", "PDF (*.pdf)")
        if path is None:
            return False
        self.session.flush()
        from explorer.ui.briefing.slides.pdf_export import write_pdf

        try:
            pages = write_pdf(self.session, path)
        except OSError as exc:
            self._failed("the briefing", path, exc)
            return False
        self.message.emit(f"Briefing written: {path} ({pages} pages)")
        return True

    def print_briefing(self) -> bool:
        if self.session.decision_set is None:
            return False
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from explorer.ui.briefing.slides.pdf_export import prepare_printer, print_briefing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.session)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.session.flush()
        pages = print_briefing(self.session, printer)
        self.message.emit(
            f"Briefing sent to {printer.printerName() or 'the printer'} ({pages} pages)"
        )
        return True

    def export_chart(
        self,
        path: Path | None = None,
        chart: str | None = None,
        size: tuple[int, int] = (1920, 1080),
        theme: themes.Theme | None = None,
    ) -> bool:
        if self.session.decision_set is None:
            return False
        from explorer.ui.briefing.paint.chart_export import export_chart

        if chart is None:
            from explorer.ui.export.chart_export_dialog import ChartExportDialog

            dialog = ChartExportDialog(self.session, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            chart, size, theme = dialog.chart_key, dialog.image_size, dialog.chosen_theme
        path = path or self._ask(
            "Export chart", f"{self._stem()}-{chart}.png", "PNG image (*.png);;SVG vector (*.svg)"
        )
        if path is None:
            return False
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        self.session.flush()
        try:
            export_chart(self.session, chart, path, size=size, theme=theme or self.session.theme)
        except OSError as exc:
            self._failed("the chart", path, exc)
            return False
        self.message.emit(f"Chart written: {path}")
        return True

    def export_matrix_csv(self, path: Path | None = None) -> bool:
        s = self.session
        if s.decision_set is None or s.result is None:
            return False
        path = path or self._ask("Export score matrix", f"{self._stem()}-matrix.csv", "CSV (*.csv)")
        if path is None:
            return False
        s.flush()
        text = matrix_csv(s.decision_set, s.scores, s.result, s.shares, bom=True)
        return self._write(path, text, "the score matrix")

    def export_evidence_csv(self, path: Path | None = None) -> bool:
        ds = self.session.decision_set
        if ds is None:
            return False
        path = path or self._ask("Export evidence", f"{self._stem()}-evidence.csv", "CSV (*.csv)")
        if path is None:
            return False
        return self._write(path, evidence_csv(ds, bom=True), "the evidence")

    def _write(self, path: Path, text: str, what: str) -> bool:
        try:
            write_csv(path, text)
        except OSError as exc:
            self._failed(what, path, exc)
            return False
        self.message.emit(f"Written: {path}")
        return True
