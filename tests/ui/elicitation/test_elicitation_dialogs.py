"""The elicitation dialogs driven as a user would: their weights reach the sliders in one
undoable step, the profile records the elicitation and whether the weights moved since."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from explorer.core.briefing.content import title_content
from explorer.core.elicitation.ahp import ahp
from explorer.core.elicitation.rank_order import position_weights
from explorer.core.elicitation.record import Kind
from explorer.core.profiles import parse_profile
from explorer.core.profiles.document import dump_profile
from explorer.ui.briefing.slides.slides import briefing_state
from explorer.ui.elicitation.pairwise_dialog import PairwiseDialog
from explorer.ui.elicitation.rank_order_dialog import RankOrderDialog
from explorer.ui.elicitation.swing_dialog import SwingDialog


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_rank_order_by_moving_rows_and_a_tie(qtbot, session):
    dialog = RankOrderDialog(session)
    qtbot.addWidget(dialog)
    dialog.place("health", 0)
    dialog.place("cost", 1)
    dialog.place("time", 2)
    items = [dialog.list.item(r) for r in range(dialog.list.count())]
    time = next(item for item in items if item.text() == "Door-to-door time")
    time.setCheckState(Qt.CheckState.Checked)  # ticked: time shares cost's place
    assert dialog.tiers() == [["health"], ["cost", "time"]]
    dialog.scheme.setCurrentIndex(dialog.scheme.findData("rank-sum"))
    assert "Monthly cost: 25.0 %" in dialog.preview.text()  # (2/6 + 1/6) / 2
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    session.flush()
    by_place = position_weights(3, "rank-sum")
    expected = [(by_place[1] + by_place[2]) / 2] * 2 + [by_place[0]]  # cost, time, health
    np.testing.assert_allclose(session.shares, expected)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Weights from a ranking"
    record = session.elicitation
    assert record.kind is Kind.RANK_ORDER and not record.adjusted
    session.undo_stack.undo()
    np.testing.assert_allclose(session.shares, np.full(3, 1 / 3))
    assert session.elicitation is None


def test_a_drag_reorders_like_move(qtbot, session):
    dialog = RankOrderDialog(session)
    qtbot.addWidget(dialog)
    model = dialog.list.model()
    first = dialog.list.item(0).text()
    model.moveRow(model.index(0, 0).parent(), 0, model.index(0, 0).parent(), 3)
    assert dialog.list.item(2).text() == first
    assert dialog.tiers()[-1] == [dialog.list.item(2).data(Qt.ItemDataRole.UserRole)]


def test_swing_rates_against_the_most_important(qtbot, session):
    dialog = SwingDialog(session)
    qtbot.addWidget(dialog)
    for spin in dialog.ratings.values():
        spin.setValue(0)
    assert not ok_button(dialog).isEnabled()  # nothing at 100 yet
    assert "100" in dialog.message.text()
    dialog.pick("time")
    dialog.ratings["cost"].setValue(50)
    dialog.ratings["health"].setValue(50)
    assert ok_button(dialog).isEnabled()
    dialog.accept()
    session.flush()
    np.testing.assert_allclose(session.shares, [0.25, 0.5, 0.25])
    assert session.elicitation.swings == {"cost": 50, "time": 100, "health": 50}


def test_pairwise_shows_consistency_and_records_it_in_the_profile(qtbot, session):
    dialog = PairwiseDialog(session)
    qtbot.addWidget(dialog)
    dialog.judge("cost", "time", 3)
    dialog.judge("cost", "health", 5)
    dialog.judge("health", "time", 1 / 3)  # time over health, 3×
    text = dialog.preview.text()
    assert "Consistency ratio 0.03" in text and "Fits worst" in text
    dialog.accept()
    session.flush()
    expected = ahp(["cost", "time", "health"], dialog.comparisons())
    np.testing.assert_allclose(
        session.shares, [expected.weights[c] for c in session.decision_set.criterion_ids]
    )
    saved = parse_profile(dump_profile(session.current_profile("Mine")))
    assert saved.elicitation.kind is Kind.AHP
    assert saved.elicitation.consistency_ratio == pytest.approx(0.0332, abs=1e-4)
    assert saved.elicitation.adjusted is False
    said = title_content(briefing_state(session)).weights_from
    assert said == "Weights from pairwise comparisons, consistency ratio 0.03."
    # a slider moved afterwards: the profile and the briefing say so
    session.set_share("health", 0.3)
    session.flush()
    assert session.current_profile().elicitation.adjusted is True
    assert "adjusted by hand" in title_content(briefing_state(session)).weights_from


def test_pairwise_allows_gaps_but_not_a_disconnected_criterion(qtbot, session):
    dialog = PairwiseDialog(session)
    qtbot.addWidget(dialog)
    dialog.judge("cost", "health", None)
    assert ok_button(dialog).isEnabled()
    assert "1 pair(s) not compared" in dialog.preview.text()
    dialog.judge("time", "health", None)
    assert not ok_button(dialog).isEnabled()
    assert "do not connect" in dialog.message.text()


def test_pairwise_hierarchy_on_the_bundled_set(qtbot, bundled_session):
    dialog = PairwiseDialog(bundled_session)
    qtbot.addWidget(dialog)
    assert dialog.hierarchy.isEnabled()
    flat = len(dialog.combos)
    dialog.hierarchy.setChecked(True)
    assert len(dialog.combos) < flat  # 4 groups: 6 + 3 + 3 + 1 + 1 pairs instead of 45
    assert ("Security", "Iraq") in dialog.combos
    dialog.judge("Security", "Iraq", 3)
    dialog.accept()
    bundled_session.flush()
    record = bundled_session.elicitation
    assert record.groups and record.kind is Kind.AHP
    w = dict(zip(bundled_session.decision_set.criterion_ids, bundled_session.shares, strict=True))
    security = sum(w[c] for c in record.groups["Security"])
    iraq = sum(w[c] for c in record.groups["Iraq"])
    assert security > iraq


def test_order_only_samples_the_order_with_bounds(qtbot, session):
    from explorer.ui.elicitation.order_only_dialog import OrderOnlyDialog
    from explorer.ui.robustness.robustness_view import RobustnessView

    view = RobustnessView(session)
    qtbot.addWidget(view)
    ordinal_item = view.weights.model().item(view.weights.findData("ordinal"))
    assert not ordinal_item.isEnabled()  # nothing elicited yet
    dialog = OrderOnlyDialog(session)
    qtbot.addWidget(dialog)
    dialog.place("time", 0)
    dialog.place("cost", 1)
    dialog.place("health", 2)
    dialog.at_least["health"].setValue(10.0)
    dialog.at_most["time"].setValue(90.0)
    dialog.at_least["health"].setValue(60.0)  # the least important holding 60 %: impossible
    assert not ok_button(dialog).isEnabled()
    dialog.at_least["health"].setValue(10.0)
    assert ok_button(dialog).isEnabled()
    dialog.accept()
    session.flush()
    shares = dict(zip(session.decision_set.criterion_ids, session.shares, strict=True))
    assert shares["time"] >= shares["cost"] >= shares["health"] >= 0.1 - 1e-9
    settings = session.sampling
    assert settings.weights == "ordinal"
    assert settings.order.tiers == (("time",), ("cost",), ("health",))
    assert settings.order.lower == {"health": 0.1} and settings.order.upper == {"time": 0.9}
    assert view.weights.currentData() == "ordinal" and ordinal_item.isEnabled()
    assert session.elicitation.kind is Kind.ORDINAL
    assert "an order of the criteria only" in session.elicitation.describe()
