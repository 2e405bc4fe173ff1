"""The Weights ▸ Elicit … actions: each opens its dialog over the window's session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from explorer.ui.elicitation.order_only_dialog import OrderOnlyDialog
from explorer.ui.elicitation.pairwise_dialog import PairwiseDialog
from explorer.ui.elicitation.rank_order_dialog import RankOrderDialog
from explorer.ui.elicitation.swing_dialog import SwingDialog
from explorer.ui.methods.promethee_dialog import PrometheeDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from explorer.ui.state.session import Session

DIALOGS = (
    ("&Rank the criteria…", RankOrderDialog),
    ("&Swing weighting…", SwingDialog),
    ("&Pairwise comparisons…", PairwiseDialog),
    ("&Order only (imprecise weights)…", OrderOnlyDialog),
)


def add_elicitation_actions(menu: QMenu, session: Session, parent: QWidget) -> list[QAction]:
    actions = []
    for text, dialog in DIALOGS:
        action = QAction(text, parent)
        action.triggered.connect(
            lambda _=False, d=dialog: (
                d(session, parent).exec() if session.decision_set is not None else None
            )
        )
        menu.addAction(action)
        actions.append(action)
    menu.addSeparator()
    thresholds = QAction("PROMETHEE &thresholds…", parent)
    thresholds.triggered.connect(
        lambda _=False: (
            PrometheeDialog(session, parent).exec() if session.decision_set is not None else None
        )
    )
    menu.addAction(thresholds)
    actions.append(thresholds)
    return actions
