"""The Robustness view shows the session's analyses and sampling, and acts through the session.

Commute at equal weights (see tests/core): Bicycle leads. Along Monthly cost's weight Bus
overtakes Car at 1/11 ≈ 9.1 %; the weight on Door-to-door time can rise to 75 % before Car goes
ahead. With cost at 60 % the smallest score change is Bicycle's own cost score (6.7 instead of 1).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QListWidgetItem, QTabWidget, QWidget

from explorer.core.engine import Method
from explorer.core.robustness import SamplingSettings, one_way, rank_acceptability
from explorer.ui import theme
from explorer.ui.robustness.acceptability_cell import cell_text
from explorer.ui.robustness.acceptability_heatmap import AcceptabilityHeatmap
from explorer.ui.robustness.change_list import SCORE_HEADING, WEIGHT_HEADING
from explorer.ui.robustness.robustness_view import GRID, PAIRS, SINGLE, RobustnessView
from explorer.ui.state.session import Session

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen windows
SAMPLING_MS = 30_000


@pytest.fixture
def view(qtbot, session: Session) -> RobustnessView:
    widget = RobustnessView(session)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def sampled(session: Session, samples: int | None = None) -> bool:
    snap = session.acceptability
    wanted = session.sampling.samples if samples is None else samples
    return (
        snap is not None and snap.done and snap.requested == wanted and not session.sampling_running
    )


def wait_shown(qtbot, view: RobustnessView, session: Session, samples: int | None = None) -> None:
    """Until the run is complete and the view shows it (snapshots are shown ≤ 20 times a
    second, so the view follows the session by up to one interval)."""
    n = session.sampling.samples if samples is None else samples
    qtbot.waitUntil(lambda: sampled(session, n), timeout=SAMPLING_MS)
    text = f"{n:,} / {n:,} samples"
    qtbot.waitUntil(lambda: view.heatmap.status.text() == text == view.progress.text())


# ---- sensitivity ------------------------------------------------------------------------------
def row_names(heat: AcceptabilityHeatmap) -> list[str]:
    """The option names down the heatmap's first column, as the user reads them."""
    return [heat.table.item(r, 0).text() for r in range(heat.table.rowCount())]


def test_sensitivity_curves_are_the_analysis_and_meet_the_result(view, session: Session) -> None:
    chart = view.sensitivity
    assert chart.criterion == "cost" and chart.combo.currentText() == "Monthly cost"
    sens = one_way(session.problem, session.shares, "cost")
    for i, oid in enumerate(("bike", "bus", "car")):
        x, y = chart.curve(oid)
        np.testing.assert_allclose(x, sens.grid)
        np.testing.assert_allclose(y, sens.totals[i])
    assert chart.crossovers() == [pytest.approx((1 / 11, sens.crossovers[0].total))]
    assert "9.1 %" in chart.crossover_labels()
    assert chart.current_share() == pytest.approx(1 / 3)
    assert chart.region() == pytest.approx((0.0, 1.0))  # cost alone cannot unseat Bicycle


def test_weight_change_moves_the_line_and_the_curves(view, session: Session) -> None:
    chart = view.sensitivity
    session.set_share("cost", 0.6)
    session.flush()
    assert chart.current_share() == pytest.approx(0.6)
    # at the current share the curves pass through the engine's totals
    k = 60  # grid point 0.60
    at_now = [chart.curve(oid)[1][k] for oid in ("bike", "bus", "car")]
    np.testing.assert_allclose(at_now, session.result.totals)
    session.set_share("time", 0.5)  # moves the other weights: new curves for cost
    session.flush()
    np.testing.assert_allclose(
        chart.curve("car")[1], one_way(session.problem, session.shares, "cost").totals[2]
    )


def test_dragging_the_swept_weight_moves_only_the_line(view, session: Session) -> None:
    """The other weights keep their ratios, so the curves stay put: they are not handed to
    pyqtgraph again (which would repaint the whole plot), while the line and its label move."""
    chart = view.sensitivity
    options = ("bike", "bus", "car")
    drawn = [chart.curve(oid)[1] for oid in options]
    dots = chart.crossovers()
    session.set_share("cost", 0.45)
    session.flush()
    assert chart.current_share() == pytest.approx(0.45)
    assert all(chart.curve(oid)[1] is y for oid, y in zip(options, drawn, strict=True))
    assert chart.crossovers() == dots
    sens = one_way(session.problem, session.shares, "cost")  # still the analysis, to 1e-9
    for i, oid in enumerate(options):
        np.testing.assert_allclose(chart.curve(oid)[1], sens.totals[i], rtol=0, atol=1e-9)
    session.set_share("time", 0.5)  # another weight: the ratios change, and so do the curves
    session.flush()
    assert all(chart.curve(oid)[1] is not y for oid, y in zip(options, drawn, strict=True))
    np.testing.assert_allclose(
        chart.curve("car")[1], one_way(session.problem, session.shares, "cost").totals[2]
    )


def test_combo_sets_the_sessions_criterion(view, session: Session) -> None:
    chart = view.sensitivity
    chart.combo.setCurrentIndex(chart.combo.findData("time"))
    assert session.selected_criterion == "time"
    assert chart.criterion == "time"
    assert chart.region() == pytest.approx((0.0, 0.75))
    assert "between 0 % and 75 %. Above 75 %, Car goes ahead." in chart.caption.text()


def test_session_selection_changes_the_chart(view, session: Session) -> None:
    chart = view.sensitivity
    session.select(option="bus", criterion="health")
    assert chart.combo.currentText() == "Health benefit"
    assert chart.criterion == "health"
    np.testing.assert_allclose(
        chart.curve("bus")[1], one_way(session.problem, session.shares, "health").totals[1]
    )
    assert "Health benefit" in chart.plot.getPlotItem().getAxis("bottom").labelText
    chart.legend.linkActivated.emit("car")  # a legend entry selects its option
    assert (session.selected_option, session.selected_criterion) == ("car", "health")


# ---- what would change ------------------------------------------------------------------------
def test_change_list_shows_the_statements(view, session: Session) -> None:
    rows = view.changes.rows()
    assert rows[0] == ("heading", WEIGHT_HEADING)
    assert (
        "weight",
        "Car overtakes Bicycle if the weight on Door-to-door time rises from 33 % to 76 %",
    ) in rows
    assert rows[-2:] == [
        ("heading", SCORE_HEADING),
        ("note", "No single score change within its scale hands over the lead."),
    ]
    session.set_share("cost", 0.6)
    session.flush()
    score = [text for kind, text in view.changes.rows() if kind == "score"]
    assert score == [
        "Bicycle · Monthly cost\nBus would take the lead from Bicycle if Bicycle's score on "
        "Monthly cost were 6.7 instead of 1 (range 0–2; 1 quote from 1 source), outside that range"
    ]


def test_clicking_rows_selects_through_the_session(qtbot, view, session: Session) -> None:
    session.set_share("cost", 0.6)
    session.flush()
    changes = view.changes.list

    def row(text_part: str) -> QListWidgetItem:
        """The first row a user can see whose text holds `text_part`."""
        items = [changes.item(k) for k in range(changes.count())]
        return next(it for it in items if not it.isHidden() and text_part in it.text())

    def click(text: str) -> None:
        item = row(text)
        changes.scrollToItem(item)
        qtbot.mouseClick(
            changes.viewport(), Qt.MouseButton.LeftButton, pos=changes.visualItemRect(item).center()
        )

    click("Bicycle · Monthly cost")
    assert (session.selected_option, session.selected_criterion) == ("bike", "cost")
    click("weight on Door-to-door time")
    assert (session.selected_option, session.selected_criterion) == ("bike", "time")
    assert view.sensitivity.criterion == "time"
    session.select(option="bike", criterion="cost")  # and the list follows the session
    assert changes.currentItem() is row("Bicycle · Monthly cost")


# ---- tornado ----------------------------------------------------------------------------------
def test_tornado_bars_are_the_analysis(qtbot, view, session: Session) -> None:
    chart = view.tornado
    tornado = session.analysis.tornado
    assert chart.bar_labels()[:2] == ["Bus · Health benefit", "Bicycle · Door-to-door time"]
    assert chart.base_value() == pytest.approx(tornado.base)
    for (left, right), bar in zip(chart.bar_extents(), tornado.bars, strict=False):
        assert (left, right) == pytest.approx(
            (min(bar.at_low, bar.at_high, tornado.base), max(bar.at_low, bar.at_high, tornado.base))
        )
    assert chart.tooltip(0).startswith(
        "<b>Bus · Health benefit</b><br>Not assessed: the scale midpoint 2.5 (range 0–5)<br>"
        "Leader's margin now +0.367<br>At the low score 0: +0.500<br>"
        "At the high score 5: +0.200<br>"
    )
    shown = len(chart.bar_labels())  # as many bars as the chart's height holds
    expected = "all 6 cells that move it." if shown == 6 else f"the {shown} of 6 cells"
    assert expected in chart.caption.text()
    assert "No single cell's range hands over the lead." in chart.caption.text()
    session.set_share("cost", 0.6)
    session.flush()
    assert chart.base_value() == pytest.approx(0.34)
    assert chart.bar_labels()[1] == "Bus · Monthly cost"
    # clicking a bar selects its cell
    vb = chart.plot.getPlotItem().getViewBox()
    scene = vb.mapViewToScene(QPointF(0.35, 1.0))
    pos = chart.plot.mapFromScene(scene)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert (session.selected_option, session.selected_criterion) == ("bus", "cost")
    assert chart.selected_row() == 1
    qtbot.keyClick(chart, Qt.Key.Key_Down)  # and the keyboard walks the bars
    assert (session.selected_option, session.selected_criterion) == (
        session.analysis.tornado.bars[2].option,
        session.analysis.tornado.bars[2].criterion,
    )


# ---- rank acceptability -----------------------------------------------------------------------
def test_heatmap_fills_from_the_real_sampler(qtbot, view, session: Session) -> None:
    view.seed.setValue(3)  # a new run
    wait_shown(qtbot, view, session)
    lows, highs = session.decision_set.matrix()[1:]
    expected = rank_acceptability(
        session.problem, session.shares, lows, highs, **SamplingSettings(seed=3).options()
    ).acceptability
    heat = view.heatmap
    assert row_names(heat) == ["Bicycle", "Bus", "Car"]  # best first, as ranked now
    for i, oid in enumerate(("bike", "bus", "car")):
        assert heat.texts()[oid] == [cell_text(p) for p in expected[i]]
    assert heat.status.text() == "20,000 / 20,000 samples"
    assert view.progress.value() == view.progress.maximum() == 20_000
    assert view.progress.text() == "20,000 / 20,000 samples"
    assert "ranks 1st" in heat.cell("bike", 1).toolTip()
    assert "Central weights" in heat.cell("bike", 1).toolTip()


def test_partial_results_show_while_sampling(qtbot, view, session: Session) -> None:
    view.samples.setValue(view.samples.maximum())  # a million samples: long enough to watch
    status = view.heatmap.status
    qtbot.waitUntil(lambda: status.text().endswith("/ 1,000,000 samples (sampling…)"))
    done = int(status.text().split(" / ")[0].replace(",", ""))
    assert 0 < done < 1_000_000
    assert all(text != "–" for text in view.heatmap.texts()["bike"])  # partial numbers shown
    assert 0 < view.progress.value() < view.progress.maximum() == 1_000_000
    qtbot.waitUntil(lambda: sampled(session, 1_000_000), timeout=120_000)
    wait_shown(qtbot, view, session, 1_000_000)


def test_controls_set_the_sampling_and_restart_it(qtbot, view, session: Session) -> None:
    qtbot.waitUntil(lambda: sampled(session), timeout=SAMPLING_MS)
    view.samples.setValue(5000)
    view.weights.setCurrentIndex(view.weights.findData("around"))
    assert view.spread.isEnabled()
    view.spread.setValue(0.2)
    assert session.sampling == SamplingSettings(samples=5000, weights="around", spread=0.2)
    wait_shown(qtbot, view, session, 5000)
    assert view.heatmap.status.text() == "5,000 / 5,000 samples"
    assert view.progress.maximum() == 5000
    session.set_sampling(SamplingSettings(samples=3000, seed=7))  # and the session's shows
    view.heatmap.setFocus()
    session.setChanged.emit()  # a set (or profile) brings its own settings
    assert (view.samples.value(), view.seed.value()) == (3000, 7)
    assert view.weights.currentData() == "uniform" and not view.spread.isEnabled()


def test_clicking_a_heatmap_row_selects_the_option(qtbot, view, session: Session) -> None:
    table = view.heatmap.table
    rect = table.visualItemRect(table.item(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert row_names(view.heatmap)[2] == "Car"
    assert session.selected_option == "car"


# ---- sampling only while shown, no work off stage --------------------------------------------
def test_hidden_view_does_not_sample_or_redraw(qtbot, session: Session) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = RobustnessView(session)
    tabs.addTab(QWidget(), "Other")
    tabs.addTab(view, "Robustness")
    tabs.resize(1280, 800)
    tabs.show()
    qtbot.waitExposed(tabs)
    assert not session.sampling_running and session.acceptability is None
    tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: sampled(session), timeout=SAMPLING_MS)
    tabs.setCurrentIndex(0)
    session.set_share("cost", 0.6)
    session.flush()
    assert not session.sampling_running  # nobody looks: no restart
    assert view.sensitivity.current_share() == pytest.approx(1 / 3)  # off stage: not redrawn
    tabs.setCurrentWidget(view)
    assert view.sensitivity.current_share() == pytest.approx(0.6)  # caught up when shown
    qtbot.waitUntil(lambda: sampled(session), timeout=SAMPLING_MS)


def test_small_view_pages_its_panes_and_samples_only_on_that_page(qtbot, session) -> None:
    view = RobustnessView(session)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    assert view.mode == SINGLE and view.pages.count() == 4
    assert not session.sampling_running  # the acceptability page is not the one shown
    view.pages.setCurrentIndex(3)
    qtbot.waitUntil(lambda: sampled(session), timeout=SAMPLING_MS)
    view.resize(1300, 600)
    qtbot.waitUntil(lambda: view.mode == PAIRS)
    assert view.pages.count() == 2 and view.pages.currentIndex() == 1  # still on acceptability
    view.resize(1300, 800)
    qtbot.waitUntil(lambda: view.mode == GRID)
    assert view.heatmap.isVisible() and view.sensitivity.isVisible()
    assert view.sensitivity.criterion == "cost"  # the same panes, moved not rebuilt


# ---- TOPSIS -----------------------------------------------------------------------------------
def test_topsis_notes_which_parts_are_weighted_sum(view, session: Session) -> None:
    assert not view.note.isVisible()
    session.set_method(Method.TOPSIS)
    session.flush()
    assert view.note.isVisible() and "weighted-sum" in view.note.text()
    assert view.changes.caption.isVisible()
    assert view.sensitivity.region() is None  # the WSM interval would not match TOPSIS curves
    assert view.sensitivity.plot.getPlotItem().getAxis("left").labelText == "TOPSIS closeness"


# ---- screenshots ------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280", "1920"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_bundled(qtbot, qapp, bundled_path, screenshot, size, dark) -> None:
    session = Session()
    session.load(bundled_path)
    session.set_theme(theme.DARK if dark else theme.LIGHT)
    try:
        view = RobustnessView(session)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        assert view.mode == GRID
        session.select(option="phased_withdrawal", criterion="iraqi_sovereignty")
        wait_shown(qtbot, view, session)
        assert view.heatmap.texts()["refocus_mission"][0].endswith("%")
        assert view.changes.rows()[0] == ("heading", WEIGHT_HEADING)
        qapp.processEvents()
        name = f"robustness_{size[0]}x{size[1]}_{'dark' if dark else 'light'}.png"
        n = len(session.decision_set.options)  # the sensitivity chart's lines
        screenshot(view, name, colours=[theme.option_colour(i) for i in range(n)])
    finally:
        session.set_theme(theme.LIGHT)  # the application palette too


def test_a_new_set_rebuilds_every_pane(qtbot, view, session: Session, bundled_path) -> None:
    wait_shown(qtbot, view, session)
    session.load(bundled_path)
    assert view.sensitivity.combo.count() == 10
    assert view.sensitivity.criterion == "personnel_risk"
    assert len(row_names(view.heatmap)) == 5
    assert (
        row_names(view.heatmap)[0]
        == session.decision_set.options[
            session.decision_set.option_ids.index("phased_withdrawal")
        ].name
    )
    assert view.tornado.bar_labels()[0].startswith("Phased withdrawal (federal Iraq, then Erbil)")
    assert any("Iranian influence in Iraq" in text for _, text in view.changes.rows())
    wait_shown(qtbot, view, session)
    assert len(view.heatmap.texts()["status_quo"]) == 5


def test_many_options_draw_the_contenders_and_the_selected_option(qtbot) -> None:
    """40 options: the sensitivity chart draws only the curves that can lead, plus whichever
    option the user selects (and drops it again when the selection moves on)."""
    from benchmarks.synthetic import synthetic_set
    from explorer.ui.robustness.sensitivity_chart import SensitivityChart

    s = Session()
    s.set_decision_set(synthetic_set(40, 6, seed=3))
    chart = SensitivityChart(s)
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    qtbot.waitExposed(chart)
    contenders = set(s.analysis.sensitivity(chart.criterion).contenders)
    outsider = next(o for o in s.decision_set.option_ids if o not in contenders)
    assert len(chart.curve(outsider)[0]) == 0 or not chart.curve_visible(outsider)
    s.select(option=outsider)
    assert chart.curve_visible(outsider) and len(chart.curve(outsider)[0]) == 101
    s.select(option=next(iter(contenders)))
    assert not chart.curve_visible(outsider)


@pytest.mark.parametrize("height", [800, 360])
def test_tornado_caption_counts_the_crossings_it_draws(qtbot, view, bundled_path, height):
    session = view.tornado._session
    session.load(bundled_path)
    view.resize(1280, height)
    qtbot.wait(50)
    chart = view.tornado
    tornado = session.analysis.tornado
    shown = len(chart.bar_labels())
    drawn = [b for b in tornado.bars[:shown] if b.flips]
    ties = [b for b in tornado.bars[:shown] if b.ties]
    # a bar crosses the dashed zero line exactly when it flips the lead, ends on it at a tie
    extents = chart.bar_extents()
    assert sum(left < -1e-9 for left, _ in extents) == len(drawn)
    assert sum(abs(left) <= 1e-9 for left, _ in extents) == len(ties)
    caption = chart.caption.text()
    if ties:
        assert f"{len(ties)} more bar" in caption and "on the line: at most" in caption
    if not any(b.flips for b in tornado.bars):
        assert "No single cell's range hands over the lead." in caption
    elif shown < len(tornado.bars):
        assert f"{len(drawn)} of the {shown} bars drawn" in caption
    else:
        assert f"{len(drawn)} cells' ranges alone could hand over" in caption


def test_tornado_labels_tell_cells_apart_when_narrow(qtbot, view, bundled_path):
    view.tornado._session.load(bundled_path)
    for width in (1280, 700, 420):
        view.resize(width, 800)
        qtbot.wait(20)
        texts = view.tornado._label_texts
        assert len(set(texts)) == len(texts), texts


def test_a_short_sensitivity_chart_gives_its_axis_title_room_to_the_plot(
    qtbot, bundled_path
) -> None:
    """At 1024 × 768 in the projector theme the weight's axis title took a third of the
    chart; when short, the chart drops it (the "Weight of:" box above names the weight) and
    the plot gets the room. Tall again, the title is back."""
    from explorer.ui.robustness.sensitivity_chart import COMPACT_PLOT_PX, SensitivityChart

    s = Session()
    s.set_theme(theme.PROJECTOR)
    s.load(bundled_path)
    chart = SensitivityChart(s)
    qtbot.addWidget(chart)
    axis = chart.plot.getPlotItem().getAxis("bottom")
    view_box = chart.plot.getPlotItem().getViewBox()
    chart.resize(650, 700)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.plot.height() >= COMPACT_PLOT_PX
    assert axis.label.isVisible() and "Weight of" in axis.labelText
    tall_axis = axis.height()
    chart.resize(650, 300)
    qtbot.waitUntil(lambda: chart.plot.height() < COMPACT_PLOT_PX)
    qtbot.waitUntil(lambda: not axis.label.isVisible())
    assert axis.height() < tall_axis
    assert view_box.height() > chart.plot.height() - tall_axis  # the room went to the plot
    s.views.set_sensitivity_criterion(s.decision_set.criterion_ids[2])  # a new title: hidden
    assert s.decision_set.criteria[2].name[:12] in axis.labelText
    assert not axis.label.isVisible()
    chart.resize(650, 700)
    qtbot.waitUntil(lambda: axis.label.isVisible())
    assert axis.height() == tall_axis


@pytest.mark.parametrize("height", [300, 700])
def test_every_total_tick_label_is_inside_the_chart(qtbot, bundled_path, height) -> None:
    """The total axis snaps to a tick at its top, whose label stood half above the plot: at
    projector size "0.6" was cut by the edge of the widget."""
    from PySide6.QtGui import QImage, QPainter

    from explorer.ui.robustness.sensitivity_chart import SensitivityChart

    s = Session()
    s.set_theme(theme.PROJECTOR)
    s.load(bundled_path)
    ds = s.decision_set
    s.select(option=ds.option_ids[1], criterion=ds.criterion_ids[2])  # totals 0.3-0.6
    chart = SensitivityChart(s)
    qtbot.addWidget(chart)
    chart.resize(650, height)
    chart.show()
    qtbot.waitExposed(chart)
    axis = chart.plot.getPlotItem().getAxis("left")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis_line, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert texts, "the axis draws no tick labels"
    shown = chart.plot.viewport().rect()
    for rect, _flags, text in texts:
        where = chart.plot.mapFromScene(axis.mapRectToScene(rect)).boundingRect()
        assert shown.contains(where), (text, where, shown)
