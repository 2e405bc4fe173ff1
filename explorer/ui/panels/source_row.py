"""One source's controls: whether it counts, and how far it is trusted (0–100 %).

"Off" is credibility 0 in the session, so the checkbox and the slider are two views of one
number: unticking sets 0, ticking again restores the credibility it had when unticked (full
trust after the slider was dragged to 0, which also unticks it). Every control forwards
straight to the Session; `sync` shows what the session says, with signals blocked so showing a
value never sends it back.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.core.model import Source
from explorer.core.robustness.lens_summary import SourceUsage
from explorer.ui.state.session import Session

PAGE_STEP = 10  # % per PgUp/PgDn; arrow keys move 1 %


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def usage_text(source: Source, usage: SourceUsage) -> str:
    """ "January 2020 · Century International · 12 quotes in 9 cells": when, who, how much."""
    parts = [p for p in (source.period, source.publisher) if p]
    parts.append(f"{_plural(usage.quotes, 'quote')} in {_plural(usage.cells, 'cell')}")
    return " · ".join(parts)


def source_tooltip(source: Source, usage: SourceUsage) -> str:
    """What the analyst needs to judge how far to trust a source: its position and its reach."""
    lines = [f"<b>{escape(source.title)}</b>"]
    if source.position:
        lines.append(f"<i>Position:</i> {escape(source.position)}")
    numeric = f"{usage.numeric} of {_plural(usage.quotes, 'quote')} imply a score"
    lines.append(f"{escape(usage_text(source, usage))}; {numeric}.")
    if source.author and source.author != source.publisher:
        lines.append(f"By {escape(source.author)}")
    if source.url:
        lines.append(escape(source.url))
    lines.append(f"Document: {escape(source.file)} (origin {escape(source.origin)})")
    return "<p>" + "<br>".join(lines) + "</p>"  # <p>: rich text, so Qt word-wraps it


class SourceRow(QFrame):
    """Controls for one source; the panel lays rows out and owns their lifetime."""

    def __init__(
        self,
        session: Session,
        source: Source,
        usage: SourceUsage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._source = source
        self._last_on = 1.0  # credibility to come back to when the source is ticked again
        self.setObjectName("sourceRow")
        self.setStyleSheet(
            "#sourceRow { border-style: solid; border-width: 0 0 1px 0; "
            f"border-color: {self._session.theme.grid}; }}"
        )
        title = source.title
        tip = source_tooltip(source, usage)
        self.setToolTip(tip)

        self.check = QCheckBox()
        self.check.setAccessibleName(f"Use source {title}")
        self.check.setToolTip(f"Count the quotes from {title} (untick to switch the source off)")
        self.check.toggled.connect(self._toggled)

        self._title = QLabel(title)
        self._title.setWordWrap(True)
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._title.setMinimumWidth(120)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._title.setToolTip(tip)
        self._title.setBuddy(self.check)

        self._meta = QLabel(usage_text(source, usage))
        self._meta.setObjectName("sourceUsage")
        self._meta.setWordWrap(True)
        self._meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._meta.setToolTip(tip)
        muted = self._meta.palette()
        muted.setColor(QPalette.ColorRole.WindowText, QColor(self._session.theme.muted))
        self._meta.setPalette(muted)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(PAGE_STEP)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(f"Credibility of {title}")
        self.slider.setToolTip(
            f"How far to trust {title}: each of its quotes counts this much in the cells it is "
            "quoted in. 0 % switches it off. Arrow keys: ±1 %, Page Up/Down: ±10 %."
        )
        self.slider.valueChanged.connect(self._slider_moved)
        # one drag, one undo step
        self.slider.sliderPressed.connect(session.begin_gesture)
        self.slider.sliderReleased.connect(session.end_gesture)

        self.spin = QSpinBox()
        self.spin.setRange(0, 100)
        self.spin.setSuffix(" %")
        self.spin.setKeyboardTracking(False)  # "45" must not first set 4 %
        self.spin.setAccessibleName(f"Credibility of {title} in percent")
        self.spin.setToolTip(f"Exact credibility of {title}, in percent (0 % = off)")
        self.spin.valueChanged.connect(self._spin_changed)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self._title)
        text.addWidget(self._meta)
        top.addLayout(text, 1)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        indent = self.check.sizeHint().width() + top.spacing()
        controls.addSpacing(indent)  # line the slider up with the title
        trust = QLabel("Trust")
        trust.setBuddy(self.slider)
        controls.addWidget(trust)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.spin)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.setSpacing(4)
        box.addLayout(top)
        box.addLayout(controls)
        self.setTabOrder(self.check, self.slider)
        self.setTabOrder(self.slider, self.spin)
        self.sync()

    @property
    def source_id(self) -> str:
        return self._source.id

    # ---- session → row -------------------------------------------------------------------
    def sync(self) -> None:
        """Show the session's credibility; controls are touched only when their value moves."""
        value = float(self._session.source_weights.get(self._source.id, 1.0))
        percent = round(value * 100)
        on = value > 0.0
        if self.slider.value() != percent:
            with QSignalBlocker(self.slider):
                self.slider.setValue(percent)
        if self.spin.value() != percent:
            with QSignalBlocker(self.spin):
                self.spin.setValue(percent)
        if self.check.isChecked() != on:
            with QSignalBlocker(self.check):
                self.check.setChecked(on)
        # an off source reads as off at a glance, without hiding the way back
        self._title.setEnabled(on)
        self._meta.setEnabled(on)

    # ---- row → session -------------------------------------------------------------------
    def _set(self, value: float) -> None:
        self._session.set_source_weight(self._source.id, value)
        self.sync()  # nothing is emitted for an unchanged value: re-show it anyway

    def _toggled(self, checked: bool) -> None:
        if checked:
            self._set(self._last_on)
        else:
            current = float(self._session.source_weights.get(self._source.id, 1.0))
            self._last_on = current if current > 0.0 else 1.0
            self._set(0.0)

    def _slider_moved(self, value: int) -> None:
        self._set(value / 100)

    def _spin_changed(self, value: int) -> None:
        self._set(value / 100)
