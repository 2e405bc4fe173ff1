"""Cell painters for the group view: each option's spread of ranks, and a weight as a bar.

A briefer needs to see agreement, not read it: a short dot strip per option shows every
stakeholder's rank on one 1..n scale, the range they span and where the group lands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from explorer.ui import theme
from explorer.ui.charts.chart_common import blend

SPREAD_ROLE = Qt.ItemDataRole.UserRole + 10  # (stakeholder ranks, group rank, option count)
BAR_ROLE = Qt.ItemDataRole.UserRole + 11  # (fraction of the longest bar 0..1, colour)

DIAMOND_PX = 10.5  # half-diagonal of the group's rank mark
Index = QModelIndex | QPersistentModelIndex


class RankSpreadDelegate(QStyledItemDelegate):
    """Dots for stakeholders' ranks (a number in the dot when several agree), a band for their
    range, and a diamond for the group's rank; 1 (best) on the left."""

    def __init__(self, theme_of: Callable[[], theme.Theme], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = theme_of  # the session's theme, read at paint time

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        data = index.data(SPREAD_ROLE)
        if not data:
            super().paint(painter, option, index)
            return
        ranks, group_rank, n = data
        th = self._theme()
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        label_px = QFontMetrics(font).horizontalAdvance(str(n)) + 4
        cell = QRectF(option.rect)
        reach = DIAMOND_PX + 2  # the widest mark: a dot at rank 1 must not touch the "1"
        left, right = cell.left() + 6 + label_px + reach, cell.right() - 6 - label_px - reach
        mid = cell.center().y()

        def x_of(rank: float) -> float:
            return left + (rank - 1) / max(n - 1, 1) * (right - left)

        painter.setPen(QPen(blend(th.muted, th.background, 0.5), 1))
        painter.drawLine(QPointF(left, mid), QPointF(right, mid))
        for r in range(1, n + 1):
            painter.drawLine(QPointF(x_of(r), mid - 3), QPointF(x_of(r), mid + 3))
        painter.setPen(QColor(th.muted))
        painter.setFont(font)
        vcentre = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            QRectF(cell.left() + 4, cell.top(), label_px, cell.height()),
            vcentre | Qt.AlignmentFlag.AlignRight,
            "1",
        )
        painter.drawText(
            QRectF(cell.right() - 4 - label_px, cell.top(), label_px, cell.height()),
            vcentre | Qt.AlignmentFlag.AlignLeft,
            str(n),
        )
        low, high = min(ranks), max(ranks)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(blend(th.highlight, th.background, 0.3)))
        band = QRectF(x_of(low) - 8, mid - 8, x_of(high) - x_of(low) + 16, 16)
        painter.drawRoundedRect(band, 8, 8)
        x, d = x_of(group_rank), DIAMOND_PX  # behind the dots, large enough to frame one
        painter.setBrush(QBrush(QColor(th.background)))
        painter.setPen(QPen(QColor(th.contradicts), 2))
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, mid - d), QPointF(x + d, mid), QPointF(x, mid + d), QPointF(x - d, mid)]
            )
        )
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))
        painter.setFont(bold)
        for rank, count in sorted(Counter(ranks).items()):
            radius = 4.5 if count == 1 else 7.5
            painter.setPen(QPen(QColor(th.background), 1))
            painter.setBrush(QBrush(QColor(th.foreground)))
            painter.drawEllipse(QPointF(x_of(rank), mid), radius, radius)
            if count > 1:
                painter.setPen(QColor(th.background))
                box = QRectF(x_of(rank) - 8, mid - 8, 16, 16)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        data = index.data(SPREAD_ROLE)
        n = data[2] if data else 5
        return QSize(max(180, 24 * n + 70), max(28, QFontMetrics(option.font).height() + 10))


class BarDelegate(QStyledItemDelegate):
    """The cell's text right-aligned, with a bar in the criterion's colour to its left."""

    TEXT_PX = 56

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        data = index.data(BAR_ROLE)
        super().paint(painter, option, index)
        if not data:
            return
        fraction, colour = data
        room = option.rect.width() - self.TEXT_PX - 12
        if room <= 4:
            return
        painter.save()
        height = min(12, option.rect.height() - 8)
        top = option.rect.center().y() - height / 2
        painter.fillRect(
            QRectF(option.rect.left() + 6, top, max(1.0, room * float(fraction)), height),
            QColor(colour),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(max(base.width(), 200), base.height())
