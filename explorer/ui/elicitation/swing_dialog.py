"""Swing weighting: each criterion from the worst to the best end of its scale, rated against
the swing that matters most (100)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QRadioButton, QSpinBox, QWidget

from explorer.core.elicitation.record import Elicitation, Kind
from explorer.core.elicitation.swing import TOP, swing_weights
from explorer.core.model import Criterion, Direction
from explorer.ui.elicitation.base_dialog import ElicitationDialog
from explorer.ui.state.session import Session


def swing_text(criterion: Criterion) -> str:
    """ "from 0 (no effect) to 10 (decisive)", worst end first whatever the direction."""
    s = criterion.scale
    low = f"{s.min:g}" + (f" ({s.min_label})" if s.min_label else "")
    high = f"{s.max:g}" + (f" ({s.max_label})" if s.max_label else "")
    worst, best = (low, high) if criterion.direction is Direction.HIGHER_IS_BETTER else (high, low)
    return f"from {worst} to {best}"


class SwingDialog(ElicitationDialog):
    UNDO_TEXT = "Swing weights"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Swing weighting", parent)
        hint = QLabel(
            "Imagine every criterion at its worst. Which one swing to its best matters most? "
            "Pick it (100), then rate each other swing against it, 0 to 100."
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        grid = QGridLayout()
        grid.addWidget(QLabel("Most important"), 0, 0)
        grid.addWidget(QLabel("Swing"), 0, 1)
        grid.addWidget(QLabel("Rating"), 0, 2)
        self.top = QButtonGroup(self)
        self.ratings: dict[str, QSpinBox] = {}
        for row, criterion in enumerate(self.criteria, start=1):
            pick = QRadioButton()
            pick.setAccessibleName(f"{criterion.name} is the most important swing")
            self.top.addButton(pick, row - 1)
            label = QLabel(f"{criterion.name}: {swing_text(criterion)}")
            label.setWordWrap(True)
            spin = QSpinBox()
            spin.setRange(0, int(TOP))
            spin.setValue(50)
            spin.setAccessibleName(f"Rating of the {criterion.name} swing")
            spin.valueChanged.connect(self.update_preview)
            self.ratings[criterion.id] = spin
            grid.addWidget(pick, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(spin, row, 2)
        grid.setColumnStretch(1, 1)
        self.top.idClicked.connect(self._picked)
        self.body.addLayout(grid)
        self.finish_layout()

    def _picked(self, index: int) -> None:
        self.ratings[self.criteria[index].id].setValue(int(TOP))

    def pick(self, criterion_id: str) -> None:
        index = next(k for k, c in enumerate(self.criteria) if c.id == criterion_id)
        self.top.button(index).setChecked(True)
        self._picked(index)

    def record(self) -> Elicitation:
        ratings = {c: float(spin.value()) for c, spin in self.ratings.items()}
        return Elicitation(Kind.SWING, swing_weights(ratings), swings=ratings)
