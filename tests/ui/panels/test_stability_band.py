"""The stability band behind each weight slider shows the session's exact intervals, both ways.

Commute at equal weights (see tests/core): Bicycle leads; the weight on Door-to-door time can
rise to 75 % before Car goes ahead, and the whole order holds up to 5/11 ≈ 45.5 %. With Monthly
cost at 60 % (time and health 20 % each) time's interval ends at 17/23 ≈ 73.9 %.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from explorer.core.engine import Method, ScoreMatrix
from explorer.core.robustness import StabilityInterval, stability_interval
from explorer.core.wording import percent, stability_text
from explorer.ui import theme
from explorer.ui.panels.weights_panel import WeightsPanel
from explorer.ui.state.session import Session

OFFSCREEN_SHOW = pytest.mark.qt_log_ignore("propagateSizeHints")
NAMES = {"bike": "Bicycle", "bus": "Bus", "car": "Car"}


@pytest.fixture
def panel(qtbot, session: Session) -> WeightsPanel:
    widget = WeightsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def handle_centre(panel: WeightsPanel, cid: str) -> float:
    """Where the slider's handle centre is, by the band's own pixel mapping."""
    row = panel.row(cid)
    return row.share_x(panel.slider(cid).value() / 1000)


def test_percent_reads_like_the_sliders() -> None:
    assert percent(0.0) == "0 %"
    assert percent(0.75) == "75 %"
    assert percent(17 / 23) == "73.9 %"
    assert percent(1.0) == "100 %"


def test_text_names_leader_bounds_and_who_takes_over() -> None:
    interval = StabilityInterval(
        "time", 1 / 3, "bike", 0.0, 0.75, None, "car", 0.0, 5 / 11, None, ("bus", "car")
    )
    assert stability_text(interval, NAMES, False) == (
        "Bicycle stays first while this weight is between 0 % and 75 %.\n"
        "Above 75 %, Car goes ahead.\n"
        "The whole ranking stays the same between 0 % and 45.5 %."
    )
    whole = StabilityInterval("cost", 0.5, "bike", 0.0, 1.0, None, None, 0.1, 1.0, None, None)
    text = stability_text(whole, NAMES, True, "the weight of Monthly cost", ranking=False)
    assert text == (
        "Weighted-sum analysis (TOPSIS has no exact intervals):\n"
        "Bicycle stays first whatever the weight of Monthly cost (the others rescaled)."
    )


def test_rows_show_the_sessions_intervals(panel: WeightsPanel, session: Session) -> None:
    for j, cid in enumerate(("cost", "time", "health")):
        assert panel.row(cid).stability == session.analysis.stability[j]
    time = panel.row("time")
    assert time.stability.high == pytest.approx(0.75)
    assert time.stability_text.startswith(
        "Bicycle stays first while this weight is between 0 % and 75 %."
    )
    assert panel.slider("time").toolTip().startswith(time.stability_text)
    assert "Arrow keys" in panel.slider("time").toolTip()  # the usage hint stays


def test_band_geometry_spans_the_interval_around_the_handle(panel: WeightsPanel) -> None:
    slider = panel.slider("time")
    left, right = panel.row("time").band_span()
    centre = handle_centre(panel, "time")
    groove = slider.geometry()
    assert groove.left() <= left <= centre <= right <= groove.right()
    # 0 % .. 75 % of the handle's travel: the band ends three quarters of the way along
    zero, full = panel.row("time").share_x(0.0), panel.row("time").share_x(1.0)
    assert left == pytest.approx(zero)
    assert (right - zero) / (full - zero) == pytest.approx(0.75)
    r_left, r_right = panel.row("time").band_span(whole_ranking=True)
    assert r_left == pytest.approx(zero)
    assert (r_right - zero) / (full - zero) == pytest.approx(5 / 11)
    # cost holds whatever its weight: the band runs the whole groove
    c_left, c_right = panel.row("cost").band_span()
    assert (c_right - c_left) == pytest.approx(full - zero)


def test_session_weight_change_moves_band_and_tooltip(panel: WeightsPanel, session: Session):
    row = panel.row("time")
    before = row.band_span()
    session.set_share("cost", 0.6)
    session.flush()
    assert panel.row("time") is row  # updated in place, not rebuilt
    expected = stability_interval(
        ScoreMatrix.from_set(session.decision_set), np.array([0.6, 0.2, 0.2]), "time"
    )
    assert row.stability.high == pytest.approx(expected.high) == pytest.approx(17 / 23)
    assert row.stability_text.startswith(
        "Bicycle stays first while this weight is between 0 % and 73.9 %."
    )
    assert "Above 73.9 %, Car goes ahead." in panel.slider("time").toolTip()
    after = row.band_span()
    assert after[1] < before[1]  # a narrower interval, drawn narrower


def test_dragging_a_slider_updates_every_band(panel: WeightsPanel, session: Session) -> None:
    panel.slider("time").setValue(600)  # the UI moves the weight …
    session.flush()
    assert session.shares[1] == pytest.approx(0.6)  # … the session takes it …
    time, cost = panel.row("time").stability, panel.row("cost").stability
    assert time == session.analysis.stability[1]  # … and the bands show the new analysis
    assert time.weight == pytest.approx(0.6)
    assert cost.weight == pytest.approx(0.2)
    left, right = panel.row("time").band_span()
    assert left <= handle_centre(panel, "time") <= right


def test_topsis_says_the_bands_are_weighted_sum(
    panel: WeightsPanel, session: Session, named
) -> None:
    caption = named(panel, QLabel, "Stability band caption")
    assert "weighted-sum" not in caption.text()
    session.set_method(Method.TOPSIS)
    session.flush()
    assert "weighted-sum analysis" in caption.text()
    assert panel.row("time").stability_text.startswith("Weighted-sum analysis")
    assert panel.row("time").stability.high == pytest.approx(0.75)  # still the exact WSM answer
    session.set_method(Method.WSM)
    session.flush()
    assert "weighted-sum" not in caption.text()


@OFFSCREEN_SHOW
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_bundled_bands(qtbot, qapp, bundled_path, screenshot, dark) -> None:
    session = Session()
    session.load(bundled_path)
    session.set_theme(theme.DARK if dark else theme.LIGHT)
    try:
        widget = WeightsPanel(session)
        qtbot.addWidget(widget)
        widget.resize(380, 900)
        widget.show()
        qtbot.waitExposed(widget)
        session.select(criterion="counter_isis")
        assert widget.row("counter_isis").stability_text.startswith(
            "Phased withdrawal (federal Iraq, then Erbil) stays first while this weight is between"
            " 0 % and 33.3 %."
        )
        qapp.processEvents()  # let the scroll area lay the rows out for the bold name
        name = f"stability_band_{'dark' if dark else 'light'}.png"
        screenshot(widget, name, colours=[theme.criterion_colour(0)])  # the first swatch
    finally:
        session.set_theme(theme.LIGHT)  # the application palette too


def test_a_burst_of_changes_refreshes_the_bands_at_most_every_interval(
    qtbot, panel: WeightsPanel, session: Session
) -> None:
    """A drag or a held arrow key: the first change shows at once, the rest within
    BAND_REFRESH_MS, and every band ends on the final weights."""
    from explorer.ui.panels.weights_panel import BAND_REFRESH_MS

    for value in np.linspace(0.2, 0.7, 15):
        session.set_share("cost", float(value))
        session.flush()  # a result per change, as a slow drag gives
    final = session.analysis.stability
    shown = panel.row("time").stability
    assert shown is not None and shown.weight != pytest.approx(final[1].weight)  # not yet
    qtbot.waitUntil(lambda: panel.row("time").stability == final[1], timeout=BAND_REFRESH_MS * 10)
    assert [panel.row(c).stability for c in ("cost", "time", "health")] == final
