"""The profiles chart draws each option's desirabilities and follows the session's selection."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from explorer.ui.charts.profiles_chart import ProfilesChart
from explorer.ui.theme import option_colour


@pytest.fixture
def chart(qtbot, session) -> ProfilesChart:
    widget = ProfilesChart(session)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _viewport_point(chart: ProfilesChart, x: float, y: float) -> QPoint:
    plot = chart.findChild(pg.PlotWidget)
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def test_lines_are_the_desirability_rows(chart, session):
    ds, result = session.decision_set, session.result
    for i, option in enumerate(ds.option_ids):
        np.testing.assert_allclose(chart.line_data(option), result.desirability[i])
    # bike: cost 2 of 10 (lower better) -> 0.8 … as the engine says, not recomputed here
    np.testing.assert_allclose(chart.line_data("bike"), [0.9, 0.5, 1.0])


def test_weight_bands_follow_the_shares(chart, session):
    np.testing.assert_allclose(chart.band_widths(), [0.3, 0.3, 0.3])
    session.set_share("cost", 0.6)
    session.flush()
    np.testing.assert_allclose(chart.band_widths(), session.result.weights * 3 * 0.3)
    assert chart.band_widths()[0] > chart.band_widths()[1]
    np.testing.assert_allclose(chart.line_data("bus"), session.result.desirability[1])


def test_selection_from_the_session_is_highlighted(chart, session):
    widths = {o: chart.line_width(o) for o in ("bike", "bus", "car")}
    assert len(set(widths.values())) == 1
    session.select(option="bus")
    assert chart.line_width("bus") > chart.line_width("bike") == chart.line_width("car")
    session.select(option="car")
    assert chart.line_width("car") > chart.line_width("bus")


def test_clicking_a_point_selects_the_option_and_criterion(chart, session, qtbot):
    viewport = chart.findChild(pg.PlotWidget).viewport()
    y = float(session.result.desirability[2, 1])  # car, time
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_viewport_point(chart, 1.0, y))
    assert (session.selected_option, session.selected_criterion) == ("car", "time")


def test_clicking_a_line_selects_the_option(chart, session, qtbot):
    d = session.result.desirability
    mid = (d[1, 0] + d[1, 1]) / 2  # halfway along bus's first segment
    viewport = chart.findChild(pg.PlotWidget).viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_viewport_point(chart, 0.5, mid))
    assert session.selected_option == "bus"


def test_hovering_a_point_explains_it(chart, session, qtbot):
    viewport = chart.findChild(pg.PlotWidget).viewport()
    y = float(session.result.desirability[1, 0])  # bus, cost
    qtbot.mouseMove(viewport, _viewport_point(chart, 0.0, y))
    tip = chart.hover_tooltip()
    assert "Bus" in tip and "Monthly cost" in tip
    assert "Score <b>4</b> (range 3–5)" in tip
    assert "Desirability 0.60" in tip
    assert "Weight share 33%" in tip


def test_unassessed_cell_says_so(chart, session, qtbot):
    viewport = chart.findChild(pg.PlotWidget).viewport()
    qtbot.mouseMove(viewport, _viewport_point(chart, 2.0, 0.5))  # bus, health: unassessed
    assert "Not assessed" in chart.hover_tooltip()


def test_criterion_names_fit_their_slots(chart, session, qtbot):
    names = ["Monthly cost", "Door-to-door time", "Health benefit"]
    assert chart.axis_labels() == names
    chart.resize(300, 400)  # narrower: wrapped, not clipped
    labels = chart.axis_labels()
    assert any("\n" in label for label in labels)
    assert [label.replace("-\n", "-").replace("\n", " ") for label in labels] == names
    chart.resize(200, 400)  # too narrow to wrap whole words: slanted, elided only if need be
    labels = chart.axis_labels()
    assert not any("\n" in label for label in labels)
    for label, name in zip(labels, names, strict=True):
        assert label == name or (label.endswith("…") and name.startswith(label[:-1]))


def test_hovering_a_criterion_name_gives_its_definition(chart, session, qtbot):
    plot = chart.findChild(pg.PlotWidget)
    axis = plot.getPlotItem().getAxis("bottom")
    x = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(1.0, 0)).x()
    y = axis.mapRectToScene(axis.rect()).center().y()
    qtbot.mouseMove(plot.viewport(), plot.mapFromScene(QPointF(x, y)))
    tip = chart.hover_tooltip()
    assert "Door-to-door time" in tip and "Typical time from home to desk." in tip
    assert "Lower is better" in tip and "weight share 33%" in tip


def test_keyboard_walks_the_options(chart, session, qtbot):
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert session.selected_option == "bike"
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert session.selected_option == "bus"
    assert chart.line_width("bus") > chart.line_width("bike")


def test_screenshot(chart, session, screenshot):
    session.select(option="bus")
    session.set_share("cost", 0.5)
    session.flush()
    bus = session.decision_set.option_ids.index("bus")  # selected: thick, in its own colour
    screenshot(chart, "profiles_chart.png", colours=[option_colour(bus)])


def test_screenshot_bundled(qtbot, bundled_session, screenshot):
    widget = ProfilesChart(bundled_session)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    bundled_session.select(option=bundled_session.decision_set.option_ids[1])
    screenshot(widget, "profiles_chart_bundled.png", colours=[option_colour(1)])
