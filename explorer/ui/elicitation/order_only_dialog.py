"""Order only (imprecise weights): the user gives an order, perhaps with "at least / at most"
bounds, and rank acceptability samples every weighting that keeps it (SMAA with ordinal
information). The sliders take the region's centre (the rank-order centroid when unbounded),
and the Robustness tab's sampling switches to the order."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QWidget

from explorer.core.elicitation.ordinal import OrdinalConstraints, constraints_from
from explorer.core.elicitation.rank_order import rank_order_weights
from explorer.core.elicitation.record import Elicitation, Kind
from explorer.ui.elicitation.rank_order_dialog import RankOrderDialog
from explorer.ui.state.session import Session


class OrderOnlyDialog(RankOrderDialog):
    UNDO_TEXT = "Weights from an order only"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.at_least: dict[str, QDoubleSpinBox] = {}
        self.at_most: dict[str, QDoubleSpinBox] = {}
        super().__init__(session, parent)
        self.setWindowTitle("Order only (imprecise weights)")
        self.scheme.setEnabled(False)  # the centre of the region, not a scheme
        grid = QGridLayout()
        grid.addWidget(QLabel("Optional bounds on a weight"), 0, 0)
        grid.addWidget(QLabel("At least %"), 0, 1)
        grid.addWidget(QLabel("At most %"), 0, 2)
        for row, c in enumerate(self.criteria, start=1):
            grid.addWidget(QLabel(c.name), row, 0)
            for col, (store, default) in enumerate(((self.at_least, 0.0), (self.at_most, 100.0))):
                spin = QDoubleSpinBox()
                spin.setRange(0.0, 100.0)
                spin.setDecimals(1)
                spin.setValue(default)
                kind = "at least" if col == 0 else "at most"
                spin.setAccessibleName(f"{c.name}: weight {kind} (%)")
                spin.valueChanged.connect(self.update_preview)
                store[c.id] = spin
                grid.addWidget(spin, row, col + 1)
        index = self.body.indexOf(self.preview)
        self.body.insertLayout(index, grid)
        self.update_preview()

    def constraints(self) -> OrdinalConstraints:
        """The order and bounds as entered; ValueError with the message when they conflict."""
        lower = {c: s.value() / 100 for c, s in self.at_least.items() if s.value() > 0}
        upper = {c: s.value() / 100 for c, s in self.at_most.items() if s.value() < 100}
        return constraints_from([c.id for c in self.criteria], self.tiers(), lower, upper)

    def record(self) -> Elicitation:
        if not self.at_least:  # still being built
            return super().record()
        order = self.constraints()
        tiers = self.tiers()
        centre = order.centroid(samples=2000) if order.bounded else rank_order_weights(tiers)
        return Elicitation(
            Kind.ORDINAL,
            centre,
            order=tuple(tuple(t) for t in tiers),
            at_least=dict(order.lower),
            at_most=dict(order.upper),
        )

    def extra_lines(self, record: Elicitation) -> list[str]:
        return ["Rank acceptability will sample every weighting in this order."]

    def accept(self) -> None:
        try:
            order = self.constraints()
        except ValueError:
            return
        # sampling first: the weights' change then shows the views the ordinal settings
        sampling = dataclasses.replace(self.session.sampling, weights="ordinal", order=order)
        self.session.set_sampling(sampling)
        super().accept()
