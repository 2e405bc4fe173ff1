"""What the ranking and profile charts share: the themed frame with hover tips, focus and
keyboard selection, and the fonts, pens and colours it is drawn with.

The charts' wording lives in chart_text, name fitting in text_fit and the label item in
text_layer.
"""

from __future__ import annotations

from html import escape

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.ui.state.session import Session
from explorer.ui.theme import Theme
from explorer.ui.widgets.fitted_legend import FittedLegend
from explorer.ui.widgets.offstage import UpdatesWhenShown


def chart_font(theme: Theme, extra_pt: int = 0, bold: bool = False) -> QFont:
    """Projector-readable: never below the theme size (≥ 10 pt)."""
    font = QFont()
    font.setPointSize(max(10, theme.font_pt + extra_pt))
    font.setBold(bold)
    return font


def legend_font(theme: Theme) -> QFont:
    """Legends and captions: a step below the chart's own text. At the projector theme's 16 pt
    a ten-criterion legend took half the window's centre; at 12 pt it takes two or three lines
    and still reads from the back of a room (light and dark stay at 10 pt)."""
    font = QFont()
    font.setPointSize(max(10, theme.font_pt - 4))
    return font


def static_plot(background: str = "default") -> pg.PlotWidget:
    """A plot that is read and clicked, never panned, zoomed or right-clicked.

    The view box is built without its context menu rather than having it switched off
    afterwards: ``setMenuEnabled(False)`` destroys the menu pyqtgraph has just built, and
    destroying that QMenu under PySide6 crashed a CI run with a segmentation fault
    (pyqtgraph's QMenu-lifetime segfaults with PySide6: pyqtgraph#2497, #2512, #2522).
    A menu that is never built cannot be destroyed badly.
    """
    plot = pg.PlotWidget(background=background, enableMenu=False)
    item = plot.getPlotItem()
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    return plot


def style_plot(plot: pg.PlotWidget, theme: Theme) -> None:
    """Theme colours and fonts on background and axes instead of pyqtgraph's black default."""
    plot.setBackground(theme.background)
    font = chart_font(theme)
    # pyqtgraph sizes the bottom axis for its default 9 pt type: at projector size the title
    # then ran over whatever sits under the plot
    bottom = plot.getPlotItem().getAxis("bottom")
    bottom.setHeight(QFontMetrics(font).height() + QFontMetrics(chart_font(theme, 1)).height() + 10)
    # room above the plot for half a tick label: the top tick of a range that ends on one
    # (the sensitivity chart's 0.6) was cut by the edge of the widget
    plot.getPlotItem().layout.setContentsMargins(1, QFontMetrics(font).height() // 2 + 1, 1, 1)
    for name in ("left", "bottom"):
        axis = plot.getPlotItem().getAxis(name)
        axis.setPen(pg.mkPen(theme.muted))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setTickFont(font)
        axis.label.setFont(chart_font(theme, 1))
        cache_axis(axis)


def cache_axis(axis: pg.AxisItem) -> None:
    """Blit the axis from a pixmap instead of replaying its QPicture on every repaint.

    An axis with grid lines spans the whole plot, so any bar or point moving repaints it, and
    replaying re-shapes every tick label: ~1.7 ms per axis per slider tick. The cache is
    redrawn only when the axis itself changes (ticks, range, size).
    """
    axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    no_si_prefix(axis)


def no_si_prefix(axis: pg.AxisItem) -> None:
    """Totals and desirabilities are plain 0–1 numbers. pyqtgraph 0.14 scales a labelled axis
    whose values lie in 0–1 by 1000 even with the SI prefix switched off (totals of 0.2–0.6
    read 200/400/600), so the ranges where it may scale are emptied too."""
    axis.setSIPrefixEnableRanges(())
    axis.enableAutoSIPrefix(False)


def scene_rect(widget: QGraphicsWidget) -> QRectF:
    """Where an axis really is: its boundingRect also spans the plot when it draws grid lines."""
    return widget.mapRectToScene(widget.rect())


def cosmetic_pen(
    colour: str | QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    """A pen whose width is in pixels whatever the data scale (outlines, separators)."""
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    return pen


def legend_entry(
    key: str, swatch: str, swatch_colour: str, name: str, colour: str, bold: bool = False
) -> tuple[str, str]:
    """One legend entry: coloured swatch glyph then the name. Short names never break; a long
    one may wrap between words, or it alone would set the chart's minimum width (~520 px for
    "Counter-Islamic State effectiveness" at projector size)."""
    text = escape(name).replace("-", "\u2011")  # non-breaking hyphen
    if len(name) <= 18:
        text = text.replace(" ", "&nbsp;")
    text = f"<b>{text}</b>" if bold else text
    html = (
        f'<a href="{escape(key)}" style="color:{colour}; text-decoration:none">'
        f'<span style="color:{swatch_colour}">{swatch}</span>&nbsp;{text}</a>'
    )
    return html, f"{swatch} {name}"  # the plain text measures the entry


def blend(colour: str | QColor, background: str | QColor, alpha: float) -> QColor:
    """An opaque colour alpha of the way from background to colour: fades without HTML alpha."""
    a, b = QColor(colour), QColor(background)
    t = min(max(alpha, 0.0), 1.0)
    return QColor(
        round(b.red() + (a.red() - b.red()) * t),
        round(b.green() + (a.green() - b.green()) * t),
        round(b.blue() + (a.blue() - b.blue()) * t),
    )


class HoverTip(QGraphicsRectItem):
    """A rectangle laid over whatever the mouse is on, carrying that thing's tooltip.

    pyqtgraph draws many bars or points as one item, and one item has one tooltip; moving this
    small item to the hovered cell gives each cell its own tooltip through Qt's normal
    tooltip machinery (delay, placement, hiding when the mouse leaves the cell).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1000)
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()

    def show_at(self, rect: QRectF, text: str) -> None:
        if rect != self.rect():
            self.setRect(rect)
        if text != self.toolTip():
            self.setToolTip(text)
        self.show()

    def clear(self) -> None:
        if self.isVisible():
            self.hide()
            self.setToolTip("")


class ChartBase(UpdatesWhenShown, QWidget):
    """The frame both charts share: a static themed plot over a clickable legend, hover tips,
    a focus frame and keyboard selection. Subclasses draw; selection goes through the session.
    """

    def __init__(
        self, session: Session, name: str, legend_name: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._theme = self._session.theme
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._plot = static_plot(self._theme.background)
        self._plot.setAccessibleName(f"{name}: plot")
        self._plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart itself takes the keys
        self._item = self._plot.getPlotItem()
        self._view = self._item.getViewBox()
        self._view.disableAutoRange()
        self._legend = FittedLegend(max_lines=2)
        self._legend.setAccessibleName(legend_name)
        self._legend.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._legend.linkActivated.connect(self._legend_clicked)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self._plot, 1)
        self._layout.addWidget(self._legend)
        self._hover = HoverTip()  # over a cell or point: view coordinates
        self._view.addItem(self._hover, ignoreBounds=True)
        self._axis_tip = HoverTip()  # over names on an axis: scene coordinates
        self._plot.scene().addItem(self._axis_tip)
        self._restyle()
        session.themeChanged.connect(self._follow_theme)
        self._plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self._plot.scene().sigMouseClicked.connect(self._scene_clicked)

    def _connect_session(self) -> None:
        """Called last by subclasses, once their own state exists."""
        self._session.setChanged.connect(self._rebuild)
        self._session.resultChanged.connect(self._on_result)
        self._session.selectionChanged.connect(self._show_selection)
        if self._session.decision_set is not None:
            self._rebuild()
            self._update()
            self._show_selection()

    def hover_tooltip(self) -> str:
        """The tooltip of whatever the mouse is over now ('' when nothing)."""
        tips = [t.toolTip() for t in (self._hover, self._axis_tip) if t.isVisible()]
        return tips[0] if tips else ""

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._restyle()
        if self._session.decision_set is not None:
            self._rebuild()
            self._on_result()
            self._show_selection()

    def _restyle(self) -> None:
        """Re-read the session's theme (every rebuild does, so a new set is in its colours)."""
        self._theme = self._session.theme
        style_plot(self._plot, self._theme)
        self._legend.setFont(legend_font(self._theme))
        for tip in (self._hover, self._axis_tip):
            tip.setPen(cosmetic_pen(self._theme.foreground, 1.0, Qt.PenStyle.DotLine))

    def paintEvent(self, event: QPaintEvent) -> None:
        """A highlight frame round the plot while the chart has keyboard focus. Drawn here, in
        the layout margin: a border on the plot itself would shrink what pyqtgraph draws into."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setPen(QPen(QColor(self._theme.highlight), 2))
            painter.drawRect(self._plot.geometry().adjusted(-2, -2, 1, 1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down walk the options in the chart's order, Left/Right the criteria, Esc clears."""
        session, ds, key = self._session, self._session.decision_set, event.key()
        order = [ds.options[i].id for i in self._key_order()] if ds is not None else []
        option, crit = session.selected_option, session.selected_criterion
        step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1
        if not order:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            at = order.index(option) + step if option in order else 0
            session.select(option=order[min(max(at, 0), len(order) - 1)], criterion=crit)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            assert ds is not None  # an order needs a set
            ids = ds.criterion_ids
            at = ids.index(crit) + step if crit is not None and crit in ids else 0
            session.select(option=option or order[0], criterion=ids[at % len(ids)])
        elif key == Qt.Key.Key_Escape:
            session.select()
        else:
            super().keyPressEvent(event)

    def _scene_clicked(self, event: MouseClickEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._clicked(event.scenePos()):
            self.setFocus(Qt.FocusReason.MouseFocusReason)

    # ---- for subclasses -------------------------------------------------------------------
    def _rebuild(self) -> None:
        raise NotImplementedError

    def _update(self) -> None:
        raise NotImplementedError

    def _show_selection(self) -> None:
        raise NotImplementedError

    def _key_order(self) -> list[int]:
        """Option indices in the order Up/Down walks them."""
        raise NotImplementedError

    def _legend_clicked(self, key: str) -> None:
        raise NotImplementedError

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        raise NotImplementedError

    def _clicked(self, scene_pos: QPointF) -> bool:
        """Select what is at scene_pos; whether anything was."""
        raise NotImplementedError
