"""One criterion's weight controls: a slider for feel, a spin box for exact numbers, a lock.

Every control forwards straight to the Session and never does weight arithmetic itself: the
session owns the rescaling rule (explorer/core/weights.py) and coalesces recomputes, so a slider
drag just sends values. The row shows what the session says via `sync`, with signals blocked so
showing a value never sends it back.

Behind the slider groove the row paints the weight's stability band: the shares over which the
current leader stays first (the others rescaled in proportion, exactly as the slider moves them)
and, darker, where the whole ranking holds. The analyst sees how far a weight can move before
the answer changes without opening another view.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRect, QRectF, QSignalBlocker, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.model import Criterion, Direction
from explorer.core.robustness import StabilityInterval
from explorer.core.wording import stability_text
from explorer.ui import theme
from explorer.ui.state.session import Session
from explorer.ui.widgets.percent_spin import PercentSpin

SLIDER_MAX = 1000  # slider units per whole: 1 unit = 0.1 %
ARROW_STEP = 5  # 0.5 % per arrow key
PAGE_STEP = 100  # 10 % per PgUp/PgDn
LOCK_TOOLTIP = "Lock this weight: other changes will not move it"
LOCKED_TOOLTIP = "Locked: other changes will not move this weight (click to unlock)"
SLIDER_PX = 24  # tall enough for the band to show above and below the groove and handle
BAND_PX = 20  # height of the leader band
RANK_BAND_PX = 4  # the whole-ranking strip along the band's lower edge
BAND_ALPHA = 80  # translucent: the groove and the row's selection colour show through
RANK_BAND_ALPHA = 200
SELECTED_EDGE_PX = 3  # the selected row's edge in the highlight colour
SELECTED_FILL_ALPHA = 40  # and its background, faintly


def criterion_tooltip(criterion: Criterion) -> str:
    """What the analyst needs to judge a weight: what is measured, which way is good, the scale."""
    direction = (
        "higher is better"
        if criterion.direction is Direction.HIGHER_IS_BETTER
        else "lower is better"
    )
    scale = criterion.scale
    low = f"{scale.min:g}" + (f" = {escape(scale.min_label)}" if scale.min_label else "")
    high = f"{scale.max:g}" + (f" = {escape(scale.max_label)}" if scale.max_label else "")
    parts = [f"<b>{escape(criterion.name)}</b>"]
    if criterion.definition:
        parts.append(escape(criterion.definition))
    parts.append(f"<i>{direction.capitalize()}.</i>")
    parts.append(f"Scale: {low}<br>… {high}")
    return "<p>" + "<br>".join(parts) + "</p>"  # <p>: rich text, so Qt word-wraps it


def _lock_pixmap(colour: QColor, closed: bool, size: int = 32) -> QPixmap:
    """Drawn rather than an emoji glyph, which many projector/offscreen fonts lack."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16.0
    pen = QPen(colour, 1.8 * s)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    # shackle: an arch over the body; when open it is lifted and shifted to one side
    shackle = (
        QRectF(4.5 * s, 1.5 * s, 7 * s, 9 * s) if closed else QRectF(8 * s, 0.5 * s, 7 * s, 8 * s)
    )
    p.drawArc(shackle, 0, 180 * 16)
    left, right = shackle.left(), shackle.right()
    mid_y = shackle.center().y()
    p.drawLine(QPointF(right, mid_y), QPointF(right, 8 * s))
    if closed:
        p.drawLine(QPointF(left, mid_y), QPointF(left, 8 * s))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(QRectF(2.5 * s, 7.5 * s, 11 * s, 7.5 * s), 1.5 * s, 1.5 * s)
    p.end()
    return pix


def lock_icon(colour: QColor) -> QIcon:
    icon = QIcon()
    icon.addPixmap(_lock_pixmap(colour, closed=False), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_lock_pixmap(colour, closed=True), QIcon.Mode.Normal, QIcon.State.On)
    return icon


class WeightSlider(QSlider):
    """A slider that repaints only when its handle moves on screen.

    A drag moves one weight and rescales all the others, so every row's slider gets a new
    value on every tick; most of those move the handle by less than a pixel (1,000 units on a
    ~170 px groove), yet QSlider repainted each one, about 0.15 ms a slider and 1.5 ms of a
    tick. The value itself, its signals and the accessibility event are untouched: only the
    repaint of an unmoved handle is skipped.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._painted = QRect()  # the handle as last painted (whatever caused the paint)

    def _handle_rect(self) -> QRect:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        return style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted = self._handle_rect()
        super().paintEvent(event)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        other = change != QAbstractSlider.SliderChange.SliderValueChange  # range, orientation
        if other or self.isSliderDown() or self._handle_rect() != self._painted:
            super().sliderChange(change)  # repaints
        # else: the handle is where it was last painted; nothing on screen changes


class WeightRow(QFrame):
    """Controls for one criterion; the panel lays rows out and owns their lifetime."""

    def __init__(
        self, session: Session, criterion: Criterion, index: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._criterion = criterion
        self._index = index  # position in the set: picks the criterion's colour everywhere
        self.setObjectName("weightRow")
        # The selection edge is painted by the row (paintEvent), in a margin it always keeps so
        # selecting never shifts the controls. It was a style sheet, which put the row's slider
        # and spin box under Qt's style-sheet style: slower to paint on every tick of a drag.
        self._selected = False
        self.setContentsMargins(SELECTED_EDGE_PX, 0, 0, 0)
        name = criterion.name
        tip = criterion_tooltip(criterion)

        chip = QLabel()
        chip.setFixedSize(12, 12)
        chip.setStyleSheet(
            f"background: {theme.criterion_colour(index).name()}; border-radius: 2px;"
        )
        chip.setToolTip(tip)

        self._name = QLabel(name)
        self._name.setWordWrap(True)
        self._name.setToolTip(tip)
        self._name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._name.setMinimumWidth(80)

        self._share = QLabel()
        self._share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._share.setToolTip(f"{name}: share of the total weight")
        self._share.setAccessibleName(f"Share of {name}")
        font = self._share.font()
        font.setBold(True)
        self._share.setFont(font)
        # a fixed size: a label that may resize asks its layout to recompute on every setText,
        # which during a drag relaid out the whole panel on every tick
        metrics = self._share.fontMetrics()
        self._share.setFixedSize(metrics.horizontalAdvance("100.0 %") + 4, metrics.height() + 2)

        self.slider = WeightSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_MAX)
        self.slider.setSingleStep(ARROW_STEP)
        self.slider.setPageStep(PAGE_STEP)
        self.slider.setMinimumHeight(SLIDER_PX)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(f"Weight of {name}")
        self._slider_tip = (
            f"Weight of {name}. Arrow keys: ±0.5 %, Page Up/Down: ±10 %. "
            "Unlocked criteria rescale to keep the total at 100 %."
        )
        self.slider.setToolTip(self._slider_tip)
        self._stability: StabilityInterval | None = None
        self._stability_text = ""
        self.slider.valueChanged.connect(self._slider_moved)
        # one drag, one undo step
        self.slider.sliderPressed.connect(session.begin_gesture)
        self.slider.sliderReleased.connect(session.end_gesture)

        self.spin = PercentSpin()
        self.spin.setSingleStep(1.0)
        self.spin.setKeyboardTracking(False)  # "45" must not first set 4 %
        self.spin.setAccessibleName(f"Weight of {name} in percent")
        self.spin.setToolTip(f"Exact weight of {name}, in percent of the total")
        self.spin.valueChanged.connect(self._spin_changed)

        self.lock = QToolButton()
        self.lock.setCheckable(True)
        self.lock.setIcon(lock_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
        self.lock.setIconSize(QSize(16, 16))
        self.lock.setAutoRaise(True)
        self.lock.setText("Lock")
        self.lock.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.lock.setToolTip(LOCK_TOOLTIP)
        self.lock.setAccessibleName(f"Lock weight of {name}")
        self.lock.toggled.connect(self._lock_toggled)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self._name, 1)
        top.addWidget(self._share, 0, Qt.AlignmentFlag.AlignTop)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addSpacing(chip.width() + top.spacing())  # line the slider up with the name
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.spin)
        controls.addWidget(self.lock)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(2)
        box.addLayout(top)
        box.addLayout(controls)
        self.setTabOrder(self.slider, self.spin)
        self.setTabOrder(self.spin, self.lock)
        self.set_selected(False)
        self.sync()

    @property
    def criterion_id(self) -> str:
        return self._criterion.id

    @property
    def share_label(self) -> QLabel:
        return self._share

    @property
    def stability(self) -> StabilityInterval | None:
        """The interval the band shows now (None: no band, e.g. all weights zero)."""
        return self._stability

    @property
    def stability_text(self) -> str:
        return self._stability_text

    def band_span(self, whole_ranking: bool = False) -> tuple[float, float] | None:
        """Where the band is drawn, in this row's pixels (left, right), None when hidden; read
        back for tests, since the band is painted, not a widget."""
        if self._stability is None:
            return None
        i = self._stability
        low, high = (i.rank_low, i.rank_high) if whole_ranking else (i.low, i.high)
        groove, handle = self._groove()
        return _x_of(groove, handle, low), _x_of(groove, handle, high)

    # ---- session → row -------------------------------------------------------------------
    def sync(self) -> None:
        """Show the session's share and lock; blocked so nothing echoes back as a command.

        Controls are touched only when what they display changes: a spin box repaints on every
        setValue, and during a drag most of the other rows' shares move by less than 0.1 %.
        """
        share = float(self._session.shares[self._index])
        locked = bool(self._session.locked[self._index])
        tenths = round(share * SLIDER_MAX)
        if self.slider.value() != tenths:
            with QSignalBlocker(self.slider):
                self.slider.setValue(tenths)
        if round(self.spin.value() * 10) != tenths:
            with QSignalBlocker(self.spin):
                self.spin.setValue(tenths / 10)
        if self.lock.isChecked() != locked:
            with QSignalBlocker(self.lock):
                self.lock.setChecked(locked)
            self.lock.setToolTip(LOCKED_TOOLTIP if locked else LOCK_TOOLTIP)
        self._share.setText(f"{tenths / 10:.1f} %")  # QLabel ignores an unchanged text

    def set_stability(
        self, interval: StabilityInterval | None, names: dict[str, str], wsm_only: bool = False
    ) -> None:
        """Show a new interval: one repaint of the slider's strip and a new tooltip, no layout."""
        text = "" if interval is None else stability_text(interval, names, wsm_only)
        if interval == self._stability and text == self._stability_text:
            return
        self._stability, self._stability_text = interval, text
        if interval is None:
            self.slider.setToolTip(self._slider_tip)
        else:
            self.slider.setToolTip(f"{self._stability_text}\n\n{self._slider_tip}")
        self.update(self.slider.geometry().adjusted(0, -BAND_PX, 0, BAND_PX))

    def set_selected(self, selected: bool) -> None:
        """Mark the criterion the other views have selected, so the analyst sees the link."""
        if selected != self._selected:
            self._selected = selected
            self.update()
        font = self._name.font()
        font.setBold(selected)
        self._name.setFont(font)

    # ---- the band ------------------------------------------------------------------------
    def _groove(self) -> tuple[QRect, int]:
        """The slider's groove in this row's coordinates, and its handle's width.

        Asked of the style, so the band lines up with wherever Fusion (or any style) puts the
        handle for a given value.
        """
        opt = QStyleOptionSlider()
        opt.initFrom(self.slider)
        opt.orientation = Qt.Orientation.Horizontal
        opt.minimum, opt.maximum = self.slider.minimum(), self.slider.maximum()
        opt.sliderPosition = opt.sliderValue = self.slider.value()
        opt.subControls = QStyle.SubControl.SC_All
        style = self.slider.style()
        cc = QStyle.ComplexControl.CC_Slider
        groove = style.subControlRect(cc, opt, QStyle.SubControl.SC_SliderGroove, self.slider)
        handle = style.subControlRect(cc, opt, QStyle.SubControl.SC_SliderHandle, self.slider)
        return groove.translated(self.slider.pos()), handle.width()

    def share_x(self, share: float) -> float:
        """The x at which the handle's centre sits for a share, so tests can check the band meets
        the handle (Qt's style decides the groove)."""
        return _x_of(*self._groove(), share)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The band is painted by the row, so the slider (a child) draws its groove over it."""
        super().paintEvent(event)
        if self._selected:
            self._paint_selection()
        i = self._stability
        if i is None:
            return
        groove, handle = self._groove()  # asked once: the style query is most of a repaint
        span = _x_of(groove, handle, i.low), _x_of(groove, handle, i.high)
        ranking = _x_of(groove, handle, i.rank_low), _x_of(groove, handle, i.rank_high)
        mid = groove.center().y() + 0.5
        colour = QColor(self._session.theme.supports)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colour.setAlpha(BAND_ALPHA)
        painter.setBrush(colour)
        left, right = span[0] - 2, span[1] + 2  # a zero-width interval still shows as a mark
        painter.drawRoundedRect(QRectF(left, mid - BAND_PX / 2, right - left, BAND_PX), 3, 3)
        colour.setAlpha(RANK_BAND_ALPHA)
        painter.setBrush(colour)
        left, right = ranking[0] - 1, ranking[1] + 1
        top = mid + BAND_PX / 2 - RANK_BAND_PX
        painter.drawRect(QRectF(left, top, right - left, RANK_BAND_PX))
        painter.end()

    def _paint_selection(self) -> None:
        colour = QColor(self._session.theme.highlight)
        painter = QPainter(self)
        fill = QColor(colour)
        fill.setAlpha(SELECTED_FILL_ALPHA)
        painter.fillRect(self.rect(), fill)
        painter.fillRect(QRect(0, 0, SELECTED_EDGE_PX, self.height()), colour)
        painter.end()

    # ---- row → session -------------------------------------------------------------------
    def _slider_moved(self, value: int) -> None:
        self._session.set_share(self._criterion.id, value / SLIDER_MAX)
        # The session emits nothing when a value cannot be taken (all others locked): re-show it.
        self.sync()

    def _spin_changed(self, value: float) -> None:
        self._session.set_share(self._criterion.id, value / 100.0)
        self.sync()

    def _lock_toggled(self, checked: bool) -> None:
        self._session.set_locked(self._criterion.id, checked)
        self.sync()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking the name selects the criterion, keeping whichever option is selected."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._session.select(option=self._session.selected_option, criterion=self._criterion.id)
        super().mousePressEvent(event)


def _x_of(groove: QRect, handle: int, share: float) -> float:
    """The x at which the handle's centre sits for a share, given the groove and handle width."""
    travel = groove.width() - handle
    return groove.left() + handle / 2 + travel * min(max(share, 0.0), 1.0)
