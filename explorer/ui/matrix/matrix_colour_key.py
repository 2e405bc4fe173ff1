"""The score matrix's corner: what the cell colours mean, and the choice of what they show.

It sits in the empty corner above the option names (the table places it; see ScoreMatrixView),
so the key is always next to the colours it explains without costing the table a row. Its height
is the same in both modes, so switching never makes the header jump.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.core.robustness.lens_summary import full_warning_points, points
from explorer.ui.matrix.score_matrix_lens import RESCORED_MARK, ColourMode
from explorer.ui.state.session import Session

KEY_WIDTH_CHARS = 30  # wide enough for the combo and a two-line legend at any font size
RAMP_HEIGHT = 10
DESIRABILITY_TEXT = "How good each score is on its criterion"
DISAGREEMENT_TEXT = "Spread of the sources' implied scores, in score points"
RESCORED_TEXT = f"{RESCORED_MARK} rescored from the sources"


class MatrixColourKey(QWidget):
    """Colour-mode combo, a colour ramp with its end labels, and a line of legend text."""

    modeChanged = Signal(str)  # a ColourMode value, chosen by the user

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._mode = ColourMode.DESIRABILITY
        self.setAutoFillBackground(True)  # covers the table's own corner button

        label = QLabel("C&olour by")
        self.combo = QComboBox()
        for mode in ColourMode:
            self.combo.addItem(mode.label, mode.value)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setAccessibleName("Colour the score matrix by")
        self.combo.setToolTip(
            "Desirability: how good each score is on its criterion (the direction is taken "
            "into account).\nSource disagreement: how far apart the sources' implied scores "
            "are; strong colour means they disagree by half the scale or more."
        )
        label.setBuddy(self.combo)
        self.combo.currentIndexChanged.connect(self._chosen)

        self.ramp = QLabel()
        self.ramp.setFixedHeight(RAMP_HEIGHT)
        # drawn to the key's width on resize; its own size must never hold the key open
        self.ramp.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.low_end, self.high_end = QLabel(), QLabel()
        self.high_end.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(label)
        top.addWidget(self.combo, 1)
        ends = QHBoxLayout()
        ends.setContentsMargins(0, 0, 0, 0)
        ends.addWidget(self.low_end)
        ends.addStretch(1)
        ends.addWidget(self.high_end)
        self._box = box = QVBoxLayout(self)  # kept: layout() is typed as maybe None
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        box.addLayout(top)
        box.addSpacing(2)
        box.addWidget(self.ramp)
        box.addLayout(ends)
        box.addWidget(self.legend, 1)
        # the combo never truncated; room for the longest legend (spread + rescored note)
        margins = box.contentsMargins()
        chars = KEY_WIDTH_CHARS * self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(max(chars, top.sizeHint().width() + margins.left() + margins.right()))
        self.legend.setMinimumHeight(3 * self.fontMetrics().lineSpacing())

        session.setChanged.connect(self._show)
        session.themeChanged.connect(self._follow_theme)
        session.scoresChanged.connect(self._show_lens_note)
        self._show()

    @property
    def mode(self) -> ColourMode:
        return self._mode

    def set_mode(self, mode: ColourMode | str) -> None:
        """Show a mode chosen elsewhere; blocked so it is not announced back as a choice."""
        self._mode = ColourMode(mode)
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.combo.findData(self._mode.value))
        self._show()

    def needed_height(self) -> int:
        """At its narrowest, where the legend wraps most: the corner is never smaller."""
        layout = self._box
        return max(
            layout.totalHeightForWidth(self.minimumWidth()), layout.totalMinimumSize().height()
        )

    # ---- session → key -------------------------------------------------------------------
    def _show(self) -> None:
        if self._mode is ColourMode.DISAGREEMENT:
            ds = self._session.decision_set
            full = None if ds is None else full_warning_points(ds)
            self.low_end.setText("0 (agree)")
            self.high_end.setText("half the scale +" if full is None else f"{points(full)}+ pts")
        else:
            self.low_end.setText("worse")
            self.high_end.setText("better")
        self._draw_ramp()
        self._show_lens_note()
        self._box.activate()  # new end labels take their width now, not a paint later

    def _show_lens_note(self) -> None:
        text = DISAGREEMENT_TEXT if self._mode is ColourMode.DISAGREEMENT else DESIRABILITY_TEXT
        if self._session.lens_active:
            text += f"\n{RESCORED_TEXT}"
        self.legend.setText(text)  # QLabel ignores an unchanged text
        self.setAccessibleDescription(
            f"{text.replace(chr(10), '; ')}; colours run from {self.low_end.text()} "
            f"to {self.high_end.text()}"
        )

    def _draw_ramp(self) -> None:
        t = self._session.theme
        stops: tuple[str, ...]
        if self._mode is ColourMode.DISAGREEMENT:
            stops = (t.heat_mid, t.contradicts)
        else:
            stops = (t.heat_low, t.heat_mid, t.heat_high)
        margins = self._box.contentsMargins()
        width = max(self.width() - margins.left() - margins.right(), 20)
        ratio = max(self.devicePixelRatioF(), 1.0)
        pix = QPixmap(round(width * ratio), round(RAMP_HEIGHT * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(Qt.GlobalColor.transparent)
        gradient = QLinearGradient(QPointF(0, 0), QPointF(width, 0))
        for k, colour in enumerate(stops):
            gradient.setColorAt(k / (len(stops) - 1), QColor(colour))
        painter = QPainter(pix)
        painter.setPen(QColor(t.grid))
        painter.setBrush(gradient)
        painter.drawRect(0, 0, width - 1, RAMP_HEIGHT - 1)
        painter.end()
        self.ramp.setPixmap(pix)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw_ramp()

    # ---- key → view ----------------------------------------------------------------------
    def _chosen(self, index: int) -> None:
        self._mode = ColourMode(self.combo.itemData(index))
        self._show()
        self.modeChanged.emit(self._mode.value)

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._draw_ramp()
