""" "What if we weighted X more?" asked mid-briefing: a compact slider per criterion over the slide.

It floats translucent over the slide so the audience watches the chart answer while the weights
move. Every slider goes through Session.set_share (a drag is one undo step), and the slide
repaints from the session's resultChanged like any other view; "Back to briefed weights" asks
the owner to restore the weighting the talk started with.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from explorer.ui import theme
from explorer.ui.briefing.present.slide_canvas import slide_palette
from explorer.ui.panels.weight_row import ARROW_STEP, PAGE_STEP, SLIDER_MAX, criterion_tooltip
from explorer.ui.state.session import Session
from explorer.ui.theme import Theme

BACKGROUND_ALPHA = 235  # translucent, yet the labels stay legible over a busy chart
NAME_CHARS = 22  # longer criterion names are elided; the tooltip has the whole name
WIDE_NAME_CHARS = 44  # when the panel sits below the slide, width is no longer scarce
MIN_PX = 13
MIN_SLIDER_PX = 120  # shorter and a 1 % step is a fraction of a pixel


class WhatIfOverlay(QFrame):
    restoreRequested = Signal()  # "Back to briefed weights"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, slide_theme: Theme
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._theme = slide_theme
        self._sliders: dict[str, QSlider] = {}
        self._shares: dict[str, QLabel] = {}
        self._chips: dict[str, QLabel] = {}
        self._names: dict[str, tuple[QLabel, str]] = {}  # label, full name (shown elided)
        self.setObjectName("whatIf")
        self.setAccessibleName("What-if weights")
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)  # clicks here never turn
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._style()

        self._title = QLabel("What if? Weights")
        self._title.setAccessibleName("What-if weights")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(2, 1)
        self.back = QPushButton("Back to briefed weights (R)")
        self.back.setAccessibleName("Back to briefed weights")
        self.back.setToolTip("Restore the weights this presentation started with (one undo step)")
        self.back.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.back.clicked.connect(self.restoreRequested)
        self._hint = QLabel("W hides these sliders")
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(8)
        box.addWidget(self._title)
        box.addLayout(self._grid)
        box.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self._hint)
        self.set_pixel_size(18)

        session.setChanged.connect(self._rebuild)
        session.sharesChanged.connect(self.sync)
        self._rebuild()

    # ---- building --------------------------------------------------------------------------
    def _style(self) -> None:
        """The slide's projector colours, not the main window's theme."""
        t = self._theme
        bg = QColor(t.background)
        self.setPalette(slide_palette(self.palette(), t))
        self.setStyleSheet(
            f"#whatIf {{ background: rgba({bg.red()},{bg.green()},{bg.blue()},{BACKGROUND_ALPHA});"
            f" border: 2px solid {t.highlight}; border-radius: 10px; }}"
        )

    def _rebuild(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            assert item is not None  # index 0 < count()
            if widget := item.widget():
                widget.deleteLater()
        for mapping in (self._sliders, self._shares, self._chips, self._names):
            mapping.clear()
        decision_set = self._session.decision_set
        if decision_set is None:
            return
        for row, criterion in enumerate(decision_set.criteria):
            tip = criterion_tooltip(criterion)
            chip = QLabel()
            chip.setStyleSheet(
                f"background: {theme.criterion_colour(row).name()}; border-radius: 3px;"
            )
            name = QLabel(criterion.name)
            name.setToolTip(tip)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, SLIDER_MAX)
            slider.setSingleStep(ARROW_STEP)
            slider.setPageStep(PAGE_STEP)
            # Tab reaches it, a click does not take the keys: a slider keeping focus after a drag
            # would turn the clicker's PgUp/PgDn into ±10 % weight jumps mid-talk
            slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            slider.setAccessibleName(f"Weight of {criterion.name}")
            slider.setToolTip(tip)
            slider.valueChanged.connect(lambda value, cid=criterion.id: self._moved(cid, value))
            slider.sliderPressed.connect(self._session.begin_gesture)  # a drag: one undo step
            slider.sliderReleased.connect(self._session.end_gesture)
            share = QLabel()
            share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            share.setAccessibleName(f"Share of {criterion.name}")
            for col, widget in enumerate((chip, name, slider, share)):
                self._grid.addWidget(widget, row, col)
            self._sliders[criterion.id] = slider
            self._shares[criterion.id] = share
            self._chips[criterion.id] = chip
            self._names[criterion.id] = (name, criterion.name)
        self.set_pixel_size(self._pixel_size, self._name_chars)
        self._tab_order()
        self.sync()

    def _tab_order(self) -> None:
        """Tab from the slide reaches the first slider first, then the rest top to bottom and
        the Back button (the button was built before the sliders, so would come first)."""
        chain = [*self._sliders.values(), self.back]
        if (host := self.parentWidget()) is not None:
            chain.insert(0, host)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def set_pixel_size(self, pixels: int, name_chars: int = NAME_CHARS) -> None:
        """Type scaled to the screen: the room reads the panel as it reads the slide.

        Fonts are set on each child: a widget with a style sheet (this frame) does not pass
        its font on to its children.
        """
        self._pixel_size, self._name_chars = pixels, name_chars
        font = QFont(self.font())
        font.setPixelSize(pixels)
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPixelSize(max(MIN_PX, round(pixels * 0.85)))
        for widget, widget_font in ((self._title, bold), (self.back, font), (self._hint, small)):
            widget.setFont(widget_font)
        self._hint.setStyleSheet(f"color: {self._theme.muted};")
        metrics = QFontMetrics(font)
        name_px = metrics.horizontalAdvance("x") * name_chars
        share_px = QFontMetrics(bold).horizontalAdvance("100.0 %") + 4
        chip = max(10, round(pixels * 0.75))
        for cid, (name, full) in self._names.items():
            name.setFont(font)
            name.setText(metrics.elidedText(full, Qt.TextElideMode.ElideRight, name_px))
            self._sliders[cid].setFixedWidth(max(pixels * 6, MIN_SLIDER_PX))
            self._shares[cid].setFont(bold)
            self._shares[cid].setMinimumWidth(share_px)
            self._chips[cid].setFixedSize(chip, chip)
        self.adjustSize()

    # ---- session ↔ sliders -----------------------------------------------------------------
    def sync(self) -> None:
        shares = self._session.shares
        for i, (cid, slider) in enumerate(self._sliders.items()):
            tenths = round(float(shares[i]) * SLIDER_MAX)
            if slider.value() != tenths:
                with QSignalBlocker(slider):
                    slider.setValue(tenths)
            self._shares[cid].setText(f"{tenths / 10:.1f} %")

    def slider(self, criterion_id: str) -> QSlider:
        return self._sliders[criterion_id]

    def _moved(self, criterion_id: str, value: int) -> None:
        self._session.set_share(criterion_id, value / SLIDER_MAX)
        self.sync()  # a value the session refused (all others locked) snaps back
