"""PROMETHEE II's preference function per criterion, editable: the function and its
thresholds in the criterion's own units, defaults from the scale. OK is one undoable step and
the edited ones are saved with the profile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.promethee import Preference, PreferenceKind, default_preference
from explorer.ui.state.session import Session


class PrometheeDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert session.decision_set is not None
        self.session = session
        self.criteria = session.decision_set.criteria
        self.setWindowTitle("PROMETHEE thresholds")
        layout = QVBoxLayout(self)
        hint = QLabel(
            "How a difference between two options on a criterion turns into a preference. "
            "q: differences up to q count for nothing; p: from p on a difference counts fully. "
            "In each criterion's own units; the defaults are 5 % and 30 % of its scale."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        for col, head in enumerate(("Criterion", "Function", "q", "p")):
            grid.addWidget(QLabel(f"<b>{head}</b>"), 0, col)
        self.rows: dict[str, tuple[QComboBox, QDoubleSpinBox, QDoubleSpinBox]] = {}
        for row, (c, pref) in enumerate(zip(self.criteria, session.preferences, strict=True), 1):
            kind = QComboBox()
            kind.setAccessibleName(f"Preference function for {c.name}")
            for k in PreferenceKind:
                kind.addItem(k.label, k.value)
            span = c.scale.max - c.scale.min
            q, p = QDoubleSpinBox(), QDoubleSpinBox()
            for spin, name in ((q, "indifference q"), (p, "preference p")):
                spin.setRange(0.0, span)
                spin.setDecimals(2)
                spin.setSingleStep(span / 100)
                spin.setAccessibleName(f"{c.name}: {name}")
            self.rows[c.id] = (kind, q, p)
            self._show(c.id, pref)
            kind.currentIndexChanged.connect(self._validate)
            q.valueChanged.connect(self._validate)
            p.valueChanged.connect(self._validate)
            grid.addWidget(QLabel(c.name), row, 0)
            grid.addWidget(kind, row, 1)
            grid.addWidget(q, row, 2)
            grid.addWidget(p, row, 3)
        layout.addLayout(grid)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.defaults = QPushButton("&Defaults from the scales")
        self.buttons.addButton(self.defaults, QDialogButtonBox.ButtonRole.ResetRole)
        self.defaults.clicked.connect(self.reset)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._validate()

    def _show(self, cid: str, pref: Preference) -> None:
        kind, q, p = self.rows[cid]
        kind.setCurrentIndex(kind.findData(pref.kind.value))
        q.setValue(pref.q)
        p.setValue(pref.p)

    def reset(self) -> None:
        for c in self.criteria:
            self._show(c.id, default_preference(c.scale.min, c.scale.max))

    def preferences(self) -> tuple[Preference, ...]:
        """As entered; ValueError naming the criterion when a row is not a valid function."""
        out = []
        for c in self.criteria:
            kind, q, p = self.rows[c.id]
            k = PreferenceKind(kind.currentData())
            q.setEnabled(k.uses_q)
            p.setEnabled(k.uses_p)
            try:
                out.append(
                    Preference(k, q.value() if k.uses_q else 0.0, p.value() if k.uses_p else 0.0)
                )
            except ValueError as exc:
                raise ValueError(f"{c.name}: {exc}") from None
        return tuple(out)

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.preferences()
        except ValueError as exc:
            self.message.setText(str(exc))
            ok.setEnabled(False)
            return
        self.message.setText("")
        ok.setEnabled(True)

    def accept(self) -> None:
        try:
            prefs = self.preferences()
        except ValueError:
            return
        self.session.set_preferences(prefs)
        super().accept()
