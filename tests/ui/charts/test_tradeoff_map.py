"""Tradeoff map: the drawn points, bars and rings carry the core's numbers, both ways round.

Commute desirabilities (see tests/core/test_tradeoff.py): bike (cost 0.9, time 0.5, health 1),
bus (0.6, 0.2, unassessed 0.5), car (0.1, 0.8, 0.0).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from explorer.core import label_layout
from explorer.core.model import Assessment, Criterion, DecisionSet, Direction, Option
from explorer.ui import theme
from explorer.ui.charts import chart_common as cc
from explorer.ui.charts.tradeoff.tradeoff_key import MAX_SIZE, MIN_SIZE, point_size
from explorer.ui.charts.tradeoff.tradeoff_map import LABEL_LIMIT, TradeoffMap
from explorer.ui.state.session import Session


@pytest.fixture
def view(qtbot, session: Session) -> TradeoffMap:
    w = TradeoffMap(session)
    qtbot.addWidget(w)
    w.resize(800, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def _approx(d: dict, expected: dict) -> None:
    assert d.keys() == expected.keys()
    for key, value in expected.items():
        np.testing.assert_allclose(d[key], value, atol=1e-9, err_msg=key)


def test_lists_criteria_and_groups_and_defaults_to_first_two_criteria(view: TradeoffMap) -> None:
    combo = view.x_combo
    offered = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    assert offered == [
        ("criterion:cost", "Monthly cost"),
        ("criterion:time", "Door-to-door time"),
        ("criterion:health", "Health benefit"),
        ("group:Money", "Group: Money"),
        ("group:Time", "Group: Time"),
        ("group:Wellbeing", "Group: Wellbeing"),
    ]
    assert view.x_combo.count() == view.y_combo.count() == 6
    assert (view.x_axis.key, view.y_axis.key) == ("criterion:cost", "criterion:time")
    assert view.x_combo.currentText() == "Monthly cost"
    pi = view.plot.getPlotItem()
    assert pi.getAxis("bottom").labelText == "Monthly cost (better →)"
    assert pi.getAxis("left").labelText == "Door-to-door time (better →)"


def test_positions_are_desirability(view: TradeoffMap) -> None:
    _approx(view.positions(), {"bike": (0.9, 0.5), "bus": (0.6, 0.2), "car": (0.1, 0.8)})


def test_switching_axis_combo_moves_points_and_relabels(view: TradeoffMap) -> None:
    view.y_combo.setCurrentIndex(view.y_combo.findData("criterion:health"))
    _approx(view.positions(), {"bike": (0.9, 1.0), "bus": (0.6, 0.5), "car": (0.1, 0.0)})
    assert view.plot.getPlotItem().getAxis("left").labelText == "Health benefit (better →)"
    view.session.views.set_tradeoff_axes("criterion:time", "criterion:cost")
    _approx(view.positions(), {"bike": (0.5, 0.9), "bus": (0.2, 0.6), "car": (0.8, 0.1)})


def test_group_axis_follows_weights(qtbot, session: Session) -> None:
    ds = session.decision_set
    groups = {"cost": "Practical", "time": "Practical", "health": "Wellbeing"}
    crits = tuple(dataclasses.replace(c, group=groups[c.id]) for c in ds.criteria)
    session.set_decision_set(dataclasses.replace(ds, criteria=crits))
    view = TradeoffMap(session)
    qtbot.addWidget(view)
    # groups now aggregate, so they are the default axes
    assert (view.x_axis.key, view.y_axis.key) == ("group:Practical", "group:Wellbeing")
    np.testing.assert_allclose([p[0] for p in view.positions().values()], [0.7, 0.4, 0.45])
    session.set_share("cost", 0.6)  # time and health rescale to 0.2 each
    session.flush()
    # 0.75·cost + 0.25·time
    np.testing.assert_allclose([p[0] for p in view.positions().values()], [0.8, 0.5, 0.275])
    np.testing.assert_allclose([p[1] for p in view.positions().values()], [1.0, 0.5, 0.0])
    assert "weight 80%" in view.tooltip("bike")


def test_point_size_tracks_total(view: TradeoffMap, session: Session) -> None:
    def sizes() -> list[float]:
        size = {spot.data(): spot.size() for spot in view.points.points()}
        return [size[oid] for oid in ("bike", "bus", "car")]

    totals = session.result.totals
    expected = np.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * totals**1.5)
    np.testing.assert_allclose(sizes(), expected)
    session.set_share("health", 1.0)
    session.flush()
    np.testing.assert_allclose(
        sizes(), np.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * np.array([1, 0.5**1.5, 0]))
    )


def test_close_totals_give_visibly_different_points() -> None:
    """0.40 against 0.59 (the bundled set's last and first) must not look the same size."""
    small, large = point_size(np.array([0.40, 0.59]))
    assert large / small >= 1.4  # about twice the area


def test_each_option_has_its_own_colour(view: TradeoffMap, session: Session) -> None:
    colours = {spot.data(): spot.brush().color().rgb() for spot in view.points.points()}
    assert len(set(colours.values())) == 3
    criterion_colours = {theme.criterion_colour(j).rgb() for j in range(12)}
    assert not set(colours.values()) & criterion_colours


def test_error_bars_are_converted_ranges(view: TradeoffMap) -> None:
    # cost and time are lower-is-better: the high score is the low end of the bar
    _approx(
        view.error_extents(),
        {
            "bike": (0.8, 1.0, 0.3, 0.6),
            "bus": (0.5, 0.7, 0.1, 0.4),
            "car": (0.0, 0.2, 0.6, 0.9),
        },
    )
    view.session.views.set_tradeoff_axes("criterion:health", "criterion:cost")
    assert view.error_extents()["bus"][:2] == (0.0, 1.0)  # unassessed: the whole scale


def test_pareto_marks(view: TradeoffMap) -> None:
    assert view.pareto_ids() == ["bike", "car"]  # bus is slower and dearer than the bike
    x, y = view.rings.getData()
    np.testing.assert_allclose(np.column_stack([x, y]), [[0.9, 0.5], [0.1, 0.8]])
    lx, ly = view.front_line.getData()
    np.testing.assert_allclose(np.column_stack([lx, ly]), [[0.1, 0.8], [0.9, 0.5]])  # left→right
    view.session.views.set_tradeoff_axes("criterion:cost", "criterion:health")
    assert view.pareto_ids() == ["bike"]
    assert "beat" not in view.tooltip("bike")
    assert "Pareto-efficient" in view.tooltip("bike")
    assert "Bicycle is at least as good on both axes" in view.tooltip("bus")


def test_click_selects_and_selection_is_highlighted(qtbot, view: TradeoffMap, session) -> None:
    scene = view.points.mapToScene(QPointF(0.1, 0.8))  # the car
    pos = view.plot.mapFromScene(scene)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos))
    assert session.selected_option == "car"
    np.testing.assert_allclose(np.ravel(view.selected_ring.getData()), [0.1, 0.8])
    assert view.bold_labels() == ["car"]
    session.select(option="bike")
    np.testing.assert_allclose(np.ravel(view.selected_ring.getData()), [0.9, 0.5])
    assert view.bold_labels() == ["bike"]
    session.select()
    assert len(view.selected_ring.getData()[0]) == 0
    assert view.bold_labels() == []


def test_arrow_keys_walk_options_best_first(qtbot, view: TradeoffMap, session) -> None:
    view.plot.setFocus()
    qtbot.keyClick(view.plot, Qt.Key.Key_Right)
    assert session.selected_option == session.decision_set.option_ids[int(session.result.order[0])]
    qtbot.keyClick(view.plot, Qt.Key.Key_Right)
    assert session.selected_option == session.decision_set.option_ids[int(session.result.order[1])]
    qtbot.keyClick(view.plot, Qt.Key.Key_Escape)
    assert session.selected_option is None


def test_tooltip_has_values_ranges_score_total_and_rank(view: TradeoffMap, session) -> None:
    tip = view.tooltip("bike")
    rank = session.result.ranks[0]
    assert f"rank {rank} of 3" in tip
    assert f"total {session.result.totals[0]:.3f}" in tip
    assert "Monthly cost: <b>0.90</b> (range 0.80–1.00)" in tip
    assert "score 1 (range 0–2) on 0–10, lower is better" in tip
    assert "Door-to-door time: <b>0.50</b> (range 0.30–0.60)" in tip
    view.session.views.set_tradeoff_axes("criterion:health", "criterion:cost")
    assert "not assessed" in view.tooltip("bus")


def test_labels_name_every_option(view: TradeoffMap) -> None:
    assert view.label_texts() == {"bike": "Bicycle", "bus": "Bus", "car": "Car"}


def _point_colours(session: Session) -> list:
    """Each option's fill as it lands on the background (drawn at alpha 225 of 255)."""
    background = session.theme.background
    n = len(session.decision_set.options)
    return [cc.blend(theme.option_colour(i), background, 225 / 255) for i in range(n)]


def test_screenshots(qtbot, view: TradeoffMap, screenshot, bundled_path) -> None:
    view.session.select(option="bike")
    screenshot(view, "tradeoff_map_commute.png", colours=_point_colours(view.session))
    try:
        view.session.set_theme(theme.DARK)  # the map restyles on themeChanged
        view.session.select(option="car")
        qtbot.wait(20)
        dark = _point_colours(view.session)
        screenshot(view, "tradeoff_map_commute_dark.png", colours=dark)
    finally:
        view.session.set_theme(theme.LIGHT)
    bundled = Session()
    bundled.load(bundled_path)  # must load: a broken bundled set fails here
    big = TradeoffMap(bundled)
    qtbot.addWidget(big)
    big.resize(800, 600)
    big.show()
    qtbot.waitExposed(big)
    points = _point_colours(bundled)
    screenshot(big, "tradeoff_map_bundled.png", colours=points)
    big.resize(1280, 800)
    screenshot(big, "tradeoff_map_bundled_1280.png", colours=points)
    big.resize(1920, 1080)
    screenshot(big, "tradeoff_map_bundled_1920.png", colours=points)
    try:
        bundled.set_theme(theme.DARK)
        bundled.select(option=bundled.decision_set.option_ids[2])
        big.resize(1280, 800)
        qtbot.wait(20)
        points = _point_colours(bundled)
        screenshot(big, "tradeoff_map_bundled_1280_dark.png", colours=points)
        big.resize(1920, 1080)
        screenshot(big, "tradeoff_map_bundled_1920_dark.png", colours=points)
    finally:
        bundled.set_theme(theme.LIGHT)


def _discs(view: TradeoffMap) -> list[tuple[QPointF, float]]:
    """Every point, Pareto ring and selection ring as drawn: scene centre and outer radius."""
    out = []
    for item, pen in ((view.points, 1.0), (view.rings, 2.0), (view.selected_ring, 3.5)):
        for spot in item.points():
            out.append((item.mapToScene(spot.pos()), spot.size() / 2 + pen / 2))
    return out


def _hits(rect: QRectF, centre: QPointF, r: float) -> bool:
    nx = min(max(centre.x(), rect.left()), rect.right())
    ny = min(max(centre.y(), rect.top()), rect.bottom())
    return (nx - centre.x()) ** 2 + (ny - centre.y()) ** 2 < (r - 0.01) ** 2


def _assert_names_clear(view: TradeoffMap) -> dict[str, QRectF]:
    """No name crosses another name, another option's point or ring, or the plot's edge."""
    rects = view.label_rects()
    assert rects.keys() == view.label_texts().keys()
    plot = view.vb.mapRectToScene(view.vb.boundingRect())
    positions = view.positions()
    for oid, rect in rects.items():
        assert plot.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect), oid
        own = view.points.mapToScene(QPointF(*positions[oid]))
        for centre, r in _discs(view):
            if (centre - own).manhattanLength() > 0.01:
                assert not _hits(rect, centre, r), (oid, centre, r)
        for other, rect2 in rects.items():
            assert other == oid or not rect.intersects(rect2), (oid, other)
    return rects


@pytest.mark.parametrize("size", [(620, 380), (800, 600), (1280, 800), (1920, 1080)])
def test_bundled_names_clear_points_and_each_other(qtbot, bundled_session, size) -> None:
    view = TradeoffMap(bundled_session)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    assert (view.x_axis.key, view.y_axis.key) == ("group:Security", "group:Iraq")
    rects = _assert_names_clear(view)
    assert len(rects) == 5 and "governance" in " ".join(rects).lower()
    bundled_session.select(option=bundled_session.decision_set.option_ids[-1])
    _assert_names_clear(view)


def test_weight_change_moves_names_in_place(qtbot, bundled_session) -> None:
    view = TradeoffMap(bundled_session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    items = list(view.vb.addedItems)
    before = {oid: QRectF(r) for oid, r in _assert_names_clear(view).items()}
    security = [c.id for c in bundled_session.decision_set.criteria if c.group == "Security"]
    bundled_session.set_share(security[0], 0.5)  # the Security axis now follows one criterion
    bundled_session.flush()
    after = _assert_names_clear(view)
    assert view.vb.addedItems == items  # the same items, moved: nothing rebuilt
    assert any(after[oid] != before[oid] for oid in before)
    for oid, rect in after.items():  # each name still beside its own point
        centre = view.points.mapToScene(QPointF(*view.positions()[oid]))
        assert (rect.center() - centre).manhattanLength() < rect.width() + 80, oid


def test_many_options_name_only_efficient_and_selected(qtbot) -> None:
    hb = Direction.HIGHER_IS_BETTER
    crits = (Criterion("a", "A", "", hb), Criterion("b", "B", "", hb))
    n = LABEL_LIMIT + 10
    opts = tuple(Option(f"o{i}", f"Option {i}", "") for i in range(n))
    # o0 is best on both axes: the only efficient option; the rest sit on a diagonal below it
    scores = {0: (10.0, 10.0)} | {i: (i / n * 9, i / n * 9) for i in range(1, n)}
    cells = {
        (o.id, c.id): Assessment(o.id, c.id, scores[i][j], None, None)
        for i, o in enumerate(opts)
        for j, c in enumerate(crits)
    }
    s = Session()
    s.set_decision_set(DecisionSet("many", "Many", "?", crits, (), opts, cells))
    view = TradeoffMap(s)
    qtbot.addWidget(view)
    assert view.pareto_ids() == ["o0"]
    assert view.label_texts() == {"o0": "Option 0"}
    s.select(option="o5")
    assert view.label_texts() == {"o0": "Option 0", "o5": "Option 5"}
    np.testing.assert_allclose(view.positions()["o5"], (5 / n * 0.9, 5 / n * 0.9))


def test_hovering_a_point_shows_its_tooltip(qtbot, view: TradeoffMap) -> None:
    # pyqtgraph drops mouse moves that come too fast, so keep moving until the tip updates
    for xy, name in (((0.9, 0.5), "Bicycle"), ((0.6, 0.2), "Bus"), ((0.3, 0.3), None)):
        qtbot.waitUntil(lambda xy=xy, name=name: _hover_shows(view, xy, name))


def _hover_shows(view: TradeoffMap, xy: tuple[float, float], name: str | None) -> bool:
    viewport = view.plot.viewport()
    pos = QPointF(view.plot.mapFromScene(view.points.mapToScene(QPointF(*xy))))
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        viewport.mapToGlobal(pos),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    tip = view.vb.toolTip()
    return tip == "" if name is None else tip.startswith(f"<b>{name}</b>")


def test_the_axes_on_screen_are_the_axes_slides_and_export_draw(
    view: TradeoffMap, session: Session
) -> None:
    """Both directions of the binding: the combos write the session's view state, which the
    slide and file painters read; a view state set from outside moves the combos."""
    from explorer.ui.briefing.paint.paint_tradeoff import chosen_axes

    view.x_combo.setCurrentIndex(view.x_combo.findData("criterion:health"))
    view.y_combo.setCurrentIndex(view.y_combo.findData("criterion:cost"))
    assert session.views.tradeoff_axes == ("criterion:health", "criterion:cost")
    x, y = chosen_axes(session)
    assert (x.key, y.key) == ("criterion:health", "criterion:cost")
    session.views.set_tradeoff_axes("criterion:time", "criterion:health")
    assert (view.x_axis.key, view.y_axis.key) == ("criterion:time", "criterion:health")
    assert view.plot.getPlotItem().getAxis("bottom").labelText.startswith("Door")
    session.load(session.decision_set.location)  # the same set again keeps the pair
    assert session.views.tradeoff_axes == ("criterion:time", "criterion:health")


def force_leader_below(monkeypatch: pytest.MonkeyPatch, option: int, length: float = 40.0):
    """The core placement, with `option`'s name given a leader line straight down from its
    disc: where a real one ran, over the point's own vertical range bar."""
    real = label_layout.place_labels

    def placed(centres, radii, sizes, bounds, order, **kw):
        layout = real(centres, radii, sizes, bounds, order, **kw)
        leaders = layout.leaders.copy()
        cx, cy = centres[option]
        leaders[option] = (cx, cy + radii[option], cx, cy + radii[option] + length)
        return dataclasses.replace(layout, leaders=leaders)

    monkeypatch.setattr(label_layout, "place_labels", placed)


def test_a_leader_line_is_drawn_in_its_options_colour(
    qtbot, session, monkeypatch, count_pixels
) -> None:
    """A grey leader ran along the grey range bar and could not be seen (1024×768 window)."""
    force_leader_below(monkeypatch, 0)
    view = TradeoffMap(session)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    image = view.plot.grab().toImage()  # first: it lays the plot out
    centre = view.plot.mapFromScene(view.points.mapToScene(QPointF(*view.positions()["bike"])))
    strip = image.copy(centre.x() - 1, centre.y() + 22, 3, 26)  # along the leader
    colour = theme.option_colour(0)
    assert count_pixels(strip, colour, tolerance=40) >= 20, colour.name()
