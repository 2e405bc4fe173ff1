"""The weights panel forwards every control to the Session and shows whatever the session says."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from explorer.core.engine import Method
from explorer.ui import theme
from explorer.ui.panels.weights_panel import WeightsPanel
from explorer.ui.state.session import Session

IDS = ("cost", "time", "health")


@pytest.fixture
def panel(qtbot, session: Session) -> WeightsPanel:
    widget = WeightsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    return widget


def shown(panel: WeightsPanel, cid: str) -> tuple[int, float, str]:
    return panel.slider(cid).value(), panel.spin(cid).value(), panel.share_label(cid).text()


def group_headings(panel: WeightsPanel) -> list[str]:
    """The group headings as read out, top to bottom."""
    prefix = "Criteria group "
    return [
        label.text()
        for label in panel.findChildren(QLabel)
        if label.accessibleName().startswith(prefix)
    ]


def assert_rows_show(panel: WeightsPanel, shares: np.ndarray) -> None:
    for cid, share in zip(IDS, shares, strict=True):
        slider, spin, label = shown(panel, cid)
        assert slider == round(share * 1000)
        assert spin == pytest.approx(round(share * 100, 1))
        assert label == f"{share * 100:.1f} %"


def test_initial_rows_show_equal_shares(panel: WeightsPanel, session: Session):
    assert_rows_show(panel, np.full(3, 1 / 3))
    assert shown(panel, "cost") == (333, pytest.approx(33.3), "33.3 %")


def test_slider_sets_share_and_other_rows_follow_rescale(panel: WeightsPanel, session: Session):
    panel.slider("cost").setValue(600)
    shares = session.shares
    assert shares[0] == pytest.approx(0.6)
    # the other two had equal shares, so they split the remaining 40 % equally
    assert shares[1] == pytest.approx(0.2) and shares[2] == pytest.approx(0.2)
    assert shown(panel, "time") == (200, pytest.approx(20.0), "20.0 %")
    assert shown(panel, "health") == (200, pytest.approx(20.0), "20.0 %")
    assert panel.share_label("cost").text() == "60.0 %"
    assert panel.spin("cost").value() == pytest.approx(60.0)


def test_spin_entry_sets_share(panel: WeightsPanel, session: Session):
    panel.spin("time").setValue(50.0)
    assert session.shares[1] == pytest.approx(0.5)
    assert session.shares[0] == pytest.approx(0.25)
    assert panel.slider("time").value() == 500
    assert shown(panel, "health") == (250, pytest.approx(25.0), "25.0 %")


def test_typing_in_spin_sends_only_the_finished_number(qtbot, panel, session: Session):
    seen: list[float] = []
    session.weightsChanged.connect(lambda: seen.append(float(session.shares[2])))
    spin = panel.spin("health")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "45")
    assert seen == []  # nothing sent while typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert session.shares[2] == pytest.approx(0.45)
    assert seen == [pytest.approx(0.45)]


def test_lock_keeps_row_still_when_another_moves(panel: WeightsPanel, session: Session):
    panel.row("time").lock.click()
    assert session.locked.tolist() == [False, True, False]
    assert panel.row("time").lock.isChecked()
    before = shown(panel, "time")
    panel.slider("cost").setValue(500)
    assert session.shares[1] == pytest.approx(1 / 3)
    assert shown(panel, "time") == before
    # only health absorbed the change
    assert session.shares[2] == pytest.approx(1 - 0.5 - 1 / 3)
    assert panel.share_label("health").text() == "16.7 %"
    panel.row("time").lock.click()
    assert session.locked.tolist() == [False, False, False]


def test_session_lock_shows_on_button(panel: WeightsPanel, session: Session):
    session.set_locked("health", True)
    assert panel.row("health").lock.isChecked()
    assert "unlock" in panel.row("health").lock.toolTip()


def test_slider_cannot_move_when_all_others_locked(panel: WeightsPanel, session: Session):
    session.set_locked("time", True)
    session.set_locked("health", True)
    panel.slider("cost").setValue(900)
    assert session.shares[0] == pytest.approx(1 / 3)
    assert panel.slider("cost").value() == 333  # snapped back to what the session holds


def test_session_weight_commands_show_in_every_row(panel: WeightsPanel, session: Session):
    session.set_weights(np.array([1.0, 3.0, 4.0]))
    assert_rows_show(panel, np.array([0.125, 0.375, 0.5]))
    session.equal_weights()
    assert_rows_show(panel, np.full(3, 1 / 3))
    session.set_weights(np.array([2.0, 1.0, 1.0]), as_reference=True)
    panel.slider("health").setValue(800)
    session.reset_weights()
    assert_rows_show(panel, np.array([0.5, 0.25, 0.25]))


def test_buttons_call_session(qtbot, panel: WeightsPanel, session: Session):
    session.set_weights(np.array([6.0, 3.0, 1.0]), as_reference=True)
    equal = next(b for b in panel.findChildren(QPushButton) if b.text() == "&Equal weights")
    reset = next(b for b in panel.findChildren(QPushButton) if b.text() == "&Reset")
    qtbot.mouseClick(equal, Qt.MouseButton.LeftButton)
    assert session.shares == pytest.approx(np.full(3, 1 / 3))
    assert_rows_show(panel, np.full(3, 1 / 3))
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert session.shares == pytest.approx([0.6, 0.3, 0.1])
    assert_rows_show(panel, np.array([0.6, 0.3, 0.1]))


def test_method_combo_both_directions(panel: WeightsPanel, session: Session, named):
    combo = named(panel, QComboBox, "Scoring method")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Weighted sum",
        "TOPSIS",
        "TOPSIS (scale-relative)",
        "PROMETHEE II",
    ]
    assert combo.currentText() == "Weighted sum"
    combo.setCurrentIndex(combo.findText("TOPSIS"))
    assert session.method is Method.TOPSIS
    session.flush()
    assert session.result.method is Method.TOPSIS
    session.set_method(Method.WSM)
    assert combo.currentText() == "Weighted sum"
    session.set_method("topsis")
    assert combo.currentText() == "TOPSIS"


def test_group_headings_and_row_order(panel: WeightsPanel):
    assert group_headings(panel) == ["Money", "Time", "Wellbeing"]


def test_tooltip_and_accessible_names(panel: WeightsPanel):
    assert panel.slider("cost").accessibleName() == "Weight of Monthly cost"
    assert panel.spin("cost").accessibleName() == "Weight of Monthly cost in percent"
    assert panel.row("cost").lock.accessibleName() == "Lock weight of Monthly cost"
    assert panel.row("cost").lock.toolTip() == ("Lock this weight: other changes will not move it")
    name = next(
        label
        for label in panel.findChildren(type(panel.share_label("cost")))
        if label.text() == "Monthly cost"
    )
    tip = name.toolTip()
    assert "What the commuter pays each month." in tip
    assert "lower is better" in tip.lower()
    assert "0 = free" in tip and "10 = very expensive" in tip


def test_page_up_on_focused_slider_adds_ten_percent(qtbot, panel: WeightsPanel, session: Session):
    slider = panel.slider("health")
    before = float(session.shares[2])
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert session.shares[2] - before == pytest.approx(0.1, abs=0.001)
    assert panel.share_label("health").text() == "43.3 %"
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert session.shares[2] == pytest.approx(0.438)
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert session.shares[2] == pytest.approx(0.338)


def test_tab_order_walks_rows_in_order(qtbot, panel: WeightsPanel, named):
    chain = [named(panel, QComboBox, "Scoring method")]
    for cid in IDS:
        chain += [panel.slider(cid), panel.spin(cid), panel.row(cid).lock]
    for first, second in itertools.pairwise(chain):
        assert _next_tab_stop(first) is second


def _next_tab_stop(widget):
    """The next widget Tab reaches, skipping a spin box's own line edit (its focus proxy)."""
    nxt = widget.nextInFocusChain()
    while nxt is not widget and (
        widget.isAncestorOf(nxt) or not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_clicking_name_selects_criterion(qtbot, panel: WeightsPanel, session: Session):
    session.select(option="bike")
    row = panel.slider("time").parentWidget()
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert session.selected_criterion == "time"
    assert session.selected_option == "bike"


def test_new_set_rebuilds_rows(qtbot, panel: WeightsPanel, session: Session, commute_path):
    old = panel.slider("cost")
    session.load(commute_path)
    assert panel.slider("cost") is not old
    assert_rows_show(panel, np.full(3, 1 / 3))


# The offscreen platform warns that it cannot propagate size hints when a window is shown.
OFFSCREEN_SHOW = pytest.mark.qt_log_ignore("propagateSizeHints")


def show(qtbot, widget) -> None:
    """Shown (not just grabbed) so the scroll area lays out and shows its scroll bar."""
    widget.resize(360, 700)
    widget.show()
    qtbot.waitExposed(widget)


@OFFSCREEN_SHOW
def test_screenshot(qtbot, panel: WeightsPanel, screenshot):
    show(qtbot, panel)
    panel.row("time").lock.setChecked(True)
    panel.slider("cost").setValue(500)
    swatches = [theme.criterion_colour(j) for j in range(3)]  # every criterion's
    screenshot(panel, "weights_panel_commute.png", colours=swatches)


@OFFSCREEN_SHOW
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_bundled(qtbot, qapp, bundled_path, screenshot, dark):
    session = Session()
    session.load(bundled_path)  # must load: a broken bundled set fails here
    session.set_theme(theme.DARK if dark else theme.LIGHT)
    try:
        widget = WeightsPanel(session)
        qtbot.addWidget(widget)
        show(qtbot, widget)
        name = f"weights_panel_bundled_{'dark' if dark else 'light'}.png"
        _exercise(widget, session)
        screenshot(widget, name, colours=[theme.criterion_colour(0)])  # the first swatch
    finally:
        session.set_theme(theme.LIGHT)  # the application palette too


def _exercise(widget: WeightsPanel, session: Session) -> None:
    assert len(group_headings(widget)) >= 1
    session.set_locked("us_cost", True)
    session.select(criterion="escalation_risk")
    widget.slider("personnel_risk").setValue(250)


def test_typing_more_than_the_whole_is_clamped_with_a_note(qtbot, panel, session: Session):
    """'500' used to lose its last keystroke and silently set 50 %."""
    notes: list[str] = []
    spin = panel.spin("health")
    spin.clamped.connect(notes.append)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "500")
    assert spin.lineEdit().text().startswith("500")  # every keystroke taken
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert session.shares[2] == pytest.approx(1.0)
    assert notes == ["500 % is more than the whole: set to 100 %"]


def test_a_slider_repaints_only_when_its_handle_moves(qtbot, panel: WeightsPanel, session):
    """Dragging one weight rescales every other; a change smaller than a pixel of groove
    keeps the value (and what it reads out) but does not repaint the unmoved handle."""
    from PySide6.QtCore import QEvent, QObject

    panel.show()
    qtbot.waitExposed(panel)
    other = panel.slider("time")
    paints = []

    class Count(QObject):
        def eventFilter(self, watched, event):
            if watched is other and event.type() == QEvent.Type.Paint:
                paints.append(other.value())
            return False

    counter = Count()
    other.installEventFilter(counter)
    qtbot.wait(50)
    paints.clear()
    values = []
    units_per_px = 1000 / other.width()  # at least this many slider units per pixel of groove
    assert units_per_px > 3
    for _ in range(12):  # each step moves "time" by about one unit: a fraction of a pixel
        session.set_share("cost", session.shares[0] + 0.002)
        qtbot.wait(10)
        values.append(other.value())
        assert other.value() == round(session.shares[1] * 1000)  # the value always follows
    changes = sum(a != b for a, b in itertools.pairwise(values)) + 1
    assert changes >= 10
    assert len(paints) <= changes / units_per_px + 2  # repainted only as the handle moved
    session.set_share("cost", 0.6)  # a real move of the handle repaints it
    qtbot.wait(50)
    assert other.value() == 200 and paints and paints[-1] == 200
    other.removeEventFilter(counter)
