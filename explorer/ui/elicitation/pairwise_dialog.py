"""Pairwise comparisons (AHP): for each pair, which matters more and how much (Saaty's 1–9).

With criteria in groups, "groups first" compares the groups with each other and then the
criteria within each group. Pairs may be left "not compared" while the rest still connects
every criterion (Harker's method fills the gaps). The consistency ratio and the judgement that
fits worst, with a suggested value, update as the user goes.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from explorer.core.elicitation.ahp import (
    CR_LIMIT,
    AhpResult,
    Comparison,
    ahp,
    ahp_hierarchy,
    format_value,
)
from explorer.core.elicitation.record import Elicitation, Kind
from explorer.ui.elicitation.base_dialog import ElicitationDialog
from explorer.ui.state.session import Session

STRENGTH = {1: "equal", 2: "2×", 3: "3× (moderately)", 4: "4×", 5: "5× (strongly)", 6: "6×",
            7: "7× (very strongly)", 8: "8×", 9: "9× (extremely)"}  # fmt: skip


def choices(a: str, b: str) -> list[tuple[str, float | None]]:
    """The combo's entries, from 'b extremely' through 'equal' to 'a extremely'."""
    out: list[tuple[str, float | None]] = [("not compared", None)]
    out += [(f"{b} {STRENGTH[v]}", 1.0 / v) for v in range(9, 1, -1)]
    out.append(("equal", 1.0))
    out += [(f"{a} {STRENGTH[v]}", float(v)) for v in range(2, 10)]
    return out


class PairwiseDialog(ElicitationDialog):
    UNDO_TEXT = "Weights from pairwise comparisons"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "Pairwise comparisons", parent)
        hint = QLabel(
            "For each pair: which matters more, and how much? Leave a pair 'not compared' "
            "if you cannot say; the others must still link every criterion."
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.groups: dict[str, tuple[str, ...]] = {}
        for c in self.criteria:
            self.groups.setdefault(c.group or c.id, ())
            self.groups[c.group or c.id] += (c.id,)
        self.hierarchy = QCheckBox("Compare the &groups first, then criteria within each group")
        self.hierarchy.setEnabled(len(self.groups) < len(self.criteria) and len(self.groups) > 1)
        self.hierarchy.toggled.connect(self._build_pairs)
        self.body.addWidget(self.hierarchy)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.addWidget(self.scroller, 1)
        self.combos: dict[tuple[str, str], QComboBox] = {}
        self.names = {c.id: c.name for c in self.criteria}
        self._build_pairs()
        self.finish_layout()
        self.resize(640, 560)

    def pairs(self) -> list[tuple[str, str]]:
        if not self.hierarchy.isChecked():
            return list(itertools.combinations([c.id for c in self.criteria], 2))
        out = list(itertools.combinations(list(self.groups), 2))
        for members in self.groups.values():
            out += list(itertools.combinations(members, 2))
        return out

    def _name(self, key: str) -> str:
        return self.names.get(key, key)

    def _build_pairs(self) -> None:
        holder = QWidget()
        grid = QGridLayout(holder)
        self.combos = {}
        for row, (a, b) in enumerate(self.pairs()):
            combo = QComboBox()
            combo.setAccessibleName(f"{self._name(a)} compared with {self._name(b)}")
            for text, value in choices(self._name(a), self._name(b)):
                combo.addItem(text, value)
            combo.setCurrentIndex(combo.findData(1.0))
            combo.currentIndexChanged.connect(self.update_preview)
            self.combos[(a, b)] = combo
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            for col, key in ((0, a), (2, b)):
                label = QLabel(self._name(key))
                label.setWordWrap(True)
                grid.addWidget(label, row, col)
            grid.addWidget(combo, row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.scroller.setWidget(holder)
        if hasattr(self, "buttons"):
            self.update_preview()

    def judge(self, a: str, b: str, value: float | None) -> None:
        """Set one judgement (a over b; None: not compared), whichever way the pair is shown."""
        if (a, b) not in self.combos:
            a, b = b, a
            value = None if value is None else 1.0 / value
        combo = self.combos[(a, b)]
        index = (
            0
            if value is None
            else min(range(1, combo.count()), key=lambda k: abs(combo.itemData(k) - value))
        )
        combo.setCurrentIndex(index)

    def comparisons(self) -> list[Comparison]:
        return [
            Comparison(a, b, combo.currentData())
            for (a, b), combo in self.combos.items()
            if combo.currentData() is not None
        ]

    def _result(self) -> tuple[dict[str, float], AhpResult, str]:
        if self.hierarchy.isChecked():
            tree = ahp_hierarchy(self.groups, self.comparisons())
            where, worst = tree.worst
            return tree.weights, worst, where
        result = ahp([c.id for c in self.criteria], self.comparisons())
        return result.weights, result, ""

    def record(self) -> Elicitation:
        weights, summary, _ = self._result()
        return Elicitation(
            Kind.AHP,
            weights,
            comparisons=tuple(self.comparisons()),
            groups=dict(self.groups) if self.hierarchy.isChecked() else {},
            consistency_ratio=summary.consistency_ratio,
        )

    def extra_lines(self, record: Elicitation) -> list[str]:
        _, summary, where = self._result()
        cr = summary.consistency_ratio
        lines = []
        if cr is not None:
            verdict = "consistent enough" if cr <= CR_LIMIT else "inconsistent: revisit"
            lines.append(f"Consistency ratio {cr:.2f} ({verdict}; {CR_LIMIT:.2f} or less is usual)")
        worst = summary.most_inconsistent
        if worst is not None and cr is not None and cr > 0.005:
            place = f" (within {self._name(where)})" if where else ""
            lines.append(
                f"Fits worst{place}: {self._name(worst.a)} vs {self._name(worst.b)} = "
                f"{format_value(worst.given)}; the rest imply {worst.implied:.2f} — try "
                f"{format_value(worst.suggested)}"
            )
        if summary.missing:
            lines.append(f"{len(summary.missing)} pair(s) not compared (filled from the rest)")
        return lines
