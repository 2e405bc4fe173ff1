"""PROMETHEE thresholds edited in the window: one undoable step, saved with the profile,
and the ranking under PROMETHEE follows them."""

from __future__ import annotations

import numpy as np

from explorer.core.profiles import parse_profile
from explorer.core.profiles.document import dump_profile
from explorer.core.promethee import Preference
from explorer.ui.methods.promethee_dialog import PrometheeDialog


def set_row(dialog: PrometheeDialog, cid: str, kind: str, q: float = 0.0, p: float = 0.0) -> None:
    """Fill one criterion's row as a user would: pick the function, type the thresholds."""
    combo, qs, ps = dialog.rows[cid]
    combo.setCurrentIndex(combo.findData(kind))
    qs.setValue(q)
    ps.setValue(p)


def test_thresholds_reach_the_ranking_the_undo_stack_and_the_profile(qtbot, session):
    session.set_method("promethee")
    session.flush()
    before = session.result.totals.copy()
    dialog = PrometheeDialog(session)
    qtbot.addWidget(dialog)
    set_row(dialog, "cost", "linear", q=300, p=100)  # q above p: refused
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "Monthly cost" in dialog.message.text()
    scale = session.decision_set.criteria[0].scale
    span = scale.max - scale.min
    set_row(dialog, "cost", "v-shape", p=span)  # only the widest difference counts fully
    dialog.accept()
    session.flush()
    assert session.preferences[0] == Preference("v-shape", 0.0, span)
    assert not np.allclose(session.result.totals, before)
    assert session.undo_stack.undoText() == "PROMETHEE thresholds"
    saved = parse_profile(dump_profile(session.current_profile("P")))
    assert saved.promethee == {"cost": Preference("v-shape", 0.0, span)}
    session.undo_stack.undo()
    session.flush()
    np.testing.assert_allclose(session.result.totals, before)
    assert session.current_profile("P").promethee == {}


def test_defaults_are_saved_as_not_edited(qtbot, session):
    dialog = PrometheeDialog(session)
    qtbot.addWidget(dialog)
    set_row(dialog, "time", "usual")
    dialog.reset()
    dialog.accept()
    assert session.current_profile().promethee == {}
