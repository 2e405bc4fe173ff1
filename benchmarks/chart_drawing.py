"""Can one drawing serve the screen and the slides? The figures behind docs/chart-drawing.md.

(a) The screen's pyqtgraph charts rendered into a PDF (QPdfWriter) and an SVG (QSvgGenerator)
at slide size, as they are (QWidget.render) and in pyqtgraph's export mode (the mode its own
exporters switch on, which draws scatter symbols as paths instead of from a pixmap atlas):
time, whether text stays text (pypdf's text extraction finds the option names), how many
raster images the file holds, and the type size against the slide painter's.
(b) Time per frame: the briefing's QPainter painters into a window-sized QImage, against the
pyqtgraph widget's update (setData) and repaint, each after the same weight change.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/chart_drawing.py
Writes the slide-size renders to tests/output/chart-drawing/ to be looked at.
Timings on a shared machine are noisy: medians of repeated runs, never asserted.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyqtgraph as pg  # noqa: E402
import pyqtgraph.exporters  # noqa: E402  (pg.exporters)
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPoint, QRectF, QSize, QSizeF  # noqa: E402
from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter  # noqa: E402
from PySide6.QtSvg import QSvgGenerator  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsItem,
    QGraphicsView,
    QWidget,
)

from explorer.ui import theme  # noqa: E402
from explorer.ui.briefing.paint.chart_export import paint_chart, render_hints  # noqa: E402
from explorer.ui.briefing.paint.chart_paint import font_px_for  # noqa: E402
from explorer.ui.charts.ranking.ranking_chart import RankingChart  # noqa: E402
from explorer.ui.charts.tradeoff.tradeoff_map import TradeoffMap  # noqa: E402
from explorer.ui.state.session import Session  # noqa: E402

SLIDE = (1920, 1080)
WINDOW = (900, 500)
OUT = ROOT / "tests" / "output" / "chart-drawing"
Paint = Callable[[QPainter], None]


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pdf_bytes(paint: Paint, size: tuple[int, int]) -> bytes:
    """One page of size pixels at 96 dpi, painted in pixel coordinates."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    points = QSizeF(size[0] * 72 / 96, size[1] * 72 / 96)
    writer.setPageSize(QPageSize(points, QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    render_hints(painter)
    paint(painter)
    painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def svg_bytes(paint: Paint, size: tuple[int, int]) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(*size))
    generator.setViewBox(QRectF(0, 0, *size))
    painter = QPainter(generator)
    render_hints(painter)
    paint(painter)
    painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def png(paint: Paint, size: tuple[int, int], name: str) -> None:
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    render_hints(painter)
    paint(painter)
    painter.end()
    image.save(str(OUT / name))


def pdf_facts(data: bytes, names: list[str]) -> tuple[int, int]:
    """(option names found as text, raster images) in the one-page PDF."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    text = " ".join(page.extract_text().split())
    found = sum(1 for n in names if n.split()[0] in text)
    return found, len(page.images)


def widget_paint(widget: QWidget, export_mode: bool, no_cache: bool = False) -> Paint:
    """QWidget.render, optionally with every pyqtgraph item of the widget in export mode and
    with the pixmap caches the screen relies on (axes, view background) switched off."""

    def paint(painter: QPainter) -> None:
        plots = widget.findChildren(pg.PlotWidget)
        exporters = [pg.exporters.ImageExporter(p.getPlotItem()) for p in plots]
        opts = {"antialias": True, "background": None, "painter": painter}
        cached = [(i, i.cacheMode()) for p in plots for i in p.scene().items()]
        views = [(p, p.cacheMode()) for p in plots]
        if export_mode:
            for e in exporters:
                e.setExportMode(True, opts)
        if no_cache:
            for item, _ in cached:
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            for view, _ in views:
                view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        try:
            widget.render(painter, QPoint(0, 0))
        finally:
            if export_mode:
                for e in exporters:
                    e.setExportMode(False)
            for item, mode in cached:
                item.setCacheMode(mode)
            for view, mode in views:
                view.setCacheMode(mode)

    return paint


def measure_a(session: Session, names: list[str]) -> None:
    print(f"(a) at slide size {SLIDE[0]}x{SLIDE[1]}: ms per file, names as text, raster images")
    print(f"    slide type size: {font_px_for(SLIDE[1], theme.PROJECTOR):.0f} px (projector theme)")
    widgets = {"ranking": RankingChart(session), "tradeoff": TradeoffMap(session)}
    for name, widget in widgets.items():
        widget.resize(*SLIDE)
        widget.show()
        QApplication.processEvents()
        if isinstance(widget, RankingChart):
            widget.settle()
        print(
            f"    {name}: screen type size {widget.fontInfo().pixelSize()} px / "
            f"{widget.font().pointSizeF():.0f} pt"
        )
        cases: dict[str, Paint] = {
            "widget.render": widget_paint(widget, False),
            "widget.render + export mode": widget_paint(widget, True),
            "... + no pixmap caches": widget_paint(widget, True, no_cache=True),
            "slide painter": lambda p, n=name: paint_chart(
                p, QRectF(0, 0, *SLIDE), session, n, theme.PROJECTOR, final=True
            ),
        }
        for label, paint in cases.items():
            pdf_ms = median_ms(lambda paint=paint: pdf_bytes(paint, SLIDE), 5)
            svg_ms = median_ms(lambda paint=paint: svg_bytes(paint, SLIDE), 5)
            found, images = pdf_facts(pdf_bytes(paint, SLIDE), names)
            svg = svg_bytes(paint, SLIDE).decode("utf-8", errors="replace")
            print(
                f"      {label:28} PDF {pdf_ms:6.1f} ms  SVG {svg_ms:6.1f} ms  "
                f"names as PDF text {found}/{len(names)}  PDF images {images}  "
                f"SVG <text> {svg.count('<text')}  SVG <image> {svg.count('<image')}"
            )
            png(paint, SLIDE, f"{name}-{label.strip('. ').replace(' ', '').replace('+', '-')}.png")
        widget.hide()


def measure_b(session: Session) -> None:
    print(f"(b) one frame at window size {WINDOW[0]}x{WINDOW[1]} after a weight change (median ms)")
    cid = session.decision_set.criterion_ids[0]
    shares = [0.1 + 0.6 * (i % 20) / 20 for i in range(60)]
    step = iter(shares * 10)

    def change() -> None:
        session.set_share(cid, next(step))
        session.flush()

    change_ms = median_ms(change, 60)
    print(f"    weight change + recompute alone: {change_ms:.2f} ms")
    image = QImage(*WINDOW, QImage.Format.Format_ARGB32_Premultiplied)
    for name, cls in (("ranking", RankingChart), ("tradeoff", TradeoffMap)):
        widget = cls(session)
        widget.resize(*WINDOW)
        widget.show()
        QApplication.processEvents()

        def screen(widget: QWidget = widget) -> None:
            change()
            if isinstance(widget, RankingChart):
                widget.settle()
            widget.repaint()

        def painter(name: str = name) -> None:
            change()
            p = QPainter(image)
            render_hints(p)
            paint_chart(p, QRectF(0, 0, *WINDOW), session, name, session.theme)
            p.end()

        for _ in range(5):  # warm caches (fonts, sprite atlases)
            screen()
            painter()
        s = median_ms(screen, 60) - change_ms
        q = median_ms(painter, 60) - change_ms
        print(f"    {name}: pyqtgraph update + repaint {s:.2f} ms, QPainter painter {q:.2f} ms")
        widget.hide()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    theme.apply(app, theme.LIGHT)
    OUT.mkdir(parents=True, exist_ok=True)
    session = Session()
    session.load(ROOT / "options" / "iraq-troop-posture")
    names = [o.name for o in session.decision_set.options]
    measure_a(session, names)
    measure_b(session)


if __name__ == "__main__":
    main()
