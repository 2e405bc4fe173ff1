"""The ranking chart shows the session's latest result; clicking it selects through the session."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from explorer.core.engine import ScoreMatrix, evaluate
from explorer.ui.charts.ranking.ranking_chart import RankingChart
from explorer.ui.state.session import Session
from explorer.ui.theme import criterion_colour
from explorer.ui.widgets.fitted_legend import LegendLabel


@pytest.fixture
def chart(qtbot, session) -> RankingChart:
    widget = RankingChart(session)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _order_by_y(chart: RankingChart) -> list[str]:
    rows = {option: y for (option, _), (_, _, y) in chart.bar_segments().items()}
    return sorted(rows, key=rows.get)  # y axis inverted: smallest y is drawn on top


def _viewport_point(chart: RankingChart, x: float, y: float) -> QPoint:
    plot = chart.findChild(pg.PlotWidget)
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def test_segments_are_the_contributions_in_ranking_order(chart, session):
    assert _order_by_y(chart) == ["bike", "bus", "car"]
    session.set_share("time", 0.9)
    session.flush()
    chart.settle()
    result, ds = session.result, session.decision_set
    assert _order_by_y(chart) == [ds.options[i].id for i in result.order] == ["car", "bike", "bus"]
    segments = chart.bar_segments()
    for i, option in enumerate(ds.option_ids):
        left = 0.0
        for j, crit in enumerate(ds.criterion_ids):
            x0, width, _ = segments[(option, crit)]
            assert width == pytest.approx(result.contributions[i, j])
            assert x0 == pytest.approx(left)
            left += width
        assert left == pytest.approx(result.totals[i])


def test_total_labels_match_totals_and_mark_ties(chart, session):
    assert chart.total_labels() == {"bike": "0.80", "bus": "0.43", "car": "0.30"}
    session.set_weights(np.array([6.0, 5.0, 0.0]))  # bus and car tie for second
    session.flush()
    totals = dict(zip(session.decision_set.option_ids, session.result.totals, strict=True))
    labels = chart.total_labels()
    assert labels["bike"] == f"{totals['bike']:.2f}"
    assert labels["bus"].startswith(f"{totals['bus']:.2f} =2")
    assert labels["car"].startswith(f"{totals['car']:.2f} =2")


def test_rank_change_produces_marks(chart, session):
    assert chart.rank_marks() == {}
    session.set_share("time", 0.9)  # car 3 -> 1, bike 1 -> 2, bus 2 -> 3
    session.flush()
    assert chart.rank_marks() == {"car": "▲2", "bike": "▼1", "bus": "▼1"}
    assert chart.total_labels()["car"].endswith("▲2")
    session.equal_weights()  # straight back: the moves cancel and the marks go
    session.flush()
    assert chart.rank_marks() == {}


def test_clicking_a_segment_selects_option_and_criterion(chart, session, qtbot):
    x0, width, y = chart.bar_segments()[("bus", "time")]
    viewport = chart.findChild(pg.PlotWidget).viewport()
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=_viewport_point(chart, x0 + width / 2, y)
    )
    assert (session.selected_option, session.selected_criterion) == ("bus", "time")
    assert chart.outlined_option() == "bus"


def test_hovering_a_segment_explains_it(chart, session, qtbot):
    x0, width, y = chart.bar_segments()[("bus", "time")]
    viewport = chart.findChild(pg.PlotWidget).viewport()
    qtbot.mouseMove(viewport, _viewport_point(chart, x0 + width / 2, y))
    tip = chart.hover_tooltip()
    assert "Bus" in tip and "Door-to-door time" in tip
    assert "Score <b>8</b> (range 6–9)" in tip
    assert "Weight share 33%" in tip
    assert f"Contribution {session.result.contributions[1, 1]:.3f}" in tip
    assert "Rank 2 of 3" in tip


def test_hovering_a_name_describes_the_option(chart, session, qtbot):
    plot = chart.findChild(pg.PlotWidget)
    axis = plot.getPlotItem().getAxis("left")
    _, _, y = chart.bar_segments()[("car", "cost")]
    scene_y = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(0, y)).y()
    x = axis.mapRectToScene(axis.rect()).center().x()
    qtbot.mouseMove(plot.viewport(), plot.mapFromScene(QPointF(x, scene_y)))
    tip = chart.hover_tooltip()
    assert "<b>Car</b>" in tip and "Total 0.30, rank 3 of 3" in tip


def test_selection_from_the_session_is_outlined(chart, session):
    assert chart.outlined_option() is None
    session.select(option="car")
    assert chart.outlined_option() == "car"
    session.set_share("time", 0.9)  # the outline follows the bar when the order changes
    session.flush()
    chart.settle()
    assert chart.outlined_option() == "car"
    session.select()
    assert chart.outlined_option() is None


def test_keyboard_walks_the_ranking(chart, session, qtbot):
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert session.selected_option == "bike"
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert session.selected_option == "bus"
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert (session.selected_option, session.selected_criterion) == ("bus", "cost")
    qtbot.keyClick(chart, Qt.Key.Key_Escape)
    assert session.selected_option is None


def test_all_zero_weights_show_a_message_not_bars(chart, session, monkeypatch):
    """The session's commands keep shares summing to 1, so feed the chart an all-zero result the
    way a future command (or a profile with every weight zero) would deliver it."""
    assert chart.message() == ""
    zero = evaluate(ScoreMatrix.from_set(session.decision_set), np.zeros(3))
    assert zero.weights_all_zero
    normal = session.result
    monkeypatch.setattr(Session, "result", property(lambda self: zero))
    session.resultChanged.emit()
    assert "zero weight" in chart.message()
    monkeypatch.setattr(Session, "result", property(lambda self: normal))
    session.resultChanged.emit()
    assert chart.message() == ""


def test_axis_says_what_the_total_is(chart, session):
    assert chart.axis_label() == "Weighted-sum score (0–1)"
    session.set_method("topsis")
    session.flush()
    assert chart.axis_label() == "TOPSIS closeness (0–1)"
    segments, ds = chart.bar_segments(), session.decision_set
    for i, option in enumerate(ds.option_ids):  # bars end at TOPSIS's own closeness
        x0, width, _ = segments[(option, ds.criterion_ids[-1])]
        assert x0 + width == pytest.approx(session.result.totals[i])
    assert chart.total_labels()["bike"] == f"{session.result.totals[0]:.2f}"


def test_screenshot(chart, session, screenshot):
    session.select(option="bus", criterion="time")
    session.set_share("time", 0.6)
    session.flush()
    chart.settle()
    every_criterion = [criterion_colour(j) for j in range(len(session.decision_set.criteria))]
    screenshot(chart, "ranking_chart.png", colours=every_criterion)


def test_screenshot_bundled(qtbot, bundled_session, screenshot):
    widget = RankingChart(bundled_session)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    ds = bundled_session.decision_set
    bundled_session.select(option=ds.options[0].id)
    bundled_session.set_share(ds.criterion_ids[0], 0.3)
    bundled_session.flush()
    widget.settle()
    every_criterion = [criterion_colour(j) for j in range(len(ds.criteria))]
    screenshot(widget, "ranking_chart_bundled.png", colours=every_criterion)


def test_each_total_shows_its_range_and_a_near_tie_is_said(chart, session):
    """The uncertainty is in the headline: a range line under every bar, and in words whether
    the ranges can tell the leader from the rest (both from the session's analysis)."""
    ranges = session.analysis.total_ranges
    drawn = chart.total_range_lines()
    for i, option in enumerate(session.decision_set.options):
        assert drawn[option.id] == pytest.approx((ranges.low[i], ranges.high[i]))
        assert ranges.low[i] <= session.result.totals[i] <= ranges.high[i]
    from explorer.core.robustness import near_tie_text

    names = [o.name for o in session.decision_set.options]
    assert chart.headline() == near_tie_text(names, ranges, session.result.order)
    assert chart.headline()
    session.set_method("topsis")
    session.flush()
    assert chart.total_range_lines() == {}  # a closeness has no range of its own
    assert chart.headline().startswith("By the weighted sum's ranges:")


def test_the_legend_is_one_tab_stop(qtbot, session) -> None:
    """Tab enters the criterion legend once and leaves it; arrows walk its entries."""
    from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    before, after = QPushButton("before"), QPushButton("after")
    legend = LegendLabel()
    legend.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    legend.setText(" ".join(f'<a href="c{k}">Criterion {k}</a>' for k in range(5)))
    clicked = []
    legend.linkActivated.connect(clicked.append)
    layout = QVBoxLayout(host)
    for widget in (before, legend, after):
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is legend
    qtbot.keyClick(legend, Qt.Key.Key_Right)
    qtbot.keyClick(legend, Qt.Key.Key_Right)
    qtbot.keyClick(legend, Qt.Key.Key_Return)
    assert clicked and clicked[-1] in {"c1", "c2"}
    qtbot.keyClick(legend, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after


def test_the_ranking_legend_is_a_legend_label(qtbot, session) -> None:
    chart = RankingChart(session)
    qtbot.addWidget(chart)
    assert isinstance(chart._legend, LegendLabel)
