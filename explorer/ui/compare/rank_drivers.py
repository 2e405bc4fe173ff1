"""What drives each rank change between two chosen profiles, in sentences a briefer can read out.

Finding every overtake compares every pair of options, so the list is worked out only when it is
on screen (or asked for); a hidden tab just remembers that it is out of date.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.core.profiles import Comparison
from explorer.ui.compare.compare_text import rank_change_lines, weight_summary
from explorer.ui.state.session import Session
from explorer.ui.widgets.offstage import offstage


class RankDriversPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setAccessibleName("What drives each rank change")
        self.from_box = QComboBox()
        self.from_box.setAccessibleName("Compare from profile")
        self.to_box = QComboBox()
        self.to_box.setAccessibleName("Compare to profile")
        for box in (self.from_box, self.to_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._pair_changed)
        self.swap_button = QPushButton("S&wap")
        self.swap_button.setAccessibleName("Swap the two profiles")
        self.swap_button.clicked.connect(self.swap)
        from_label, to_label = QLabel("&From"), QLabel("&to")
        from_label.setBuddy(self.from_box)
        to_label.setBuddy(self.to_box)
        row = QHBoxLayout()
        for widget in (from_label, self.from_box, to_label, self.to_box, self.swap_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Largest weight differences")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Rank changes and their drivers")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        self._comparison: Comparison | None = None
        self._options: dict[str, str] = {}
        self._criteria: dict[str, str] = {}
        self._lines: list[tuple[int, str]] = []
        self._stale = False

    # ---- input --------------------------------------------------------------------------------
    def set_comparison(
        self,
        comparison: Comparison | None,
        option_names: dict[str, str],
        criterion_names: dict[str, str],
    ) -> None:
        """New rankings. The chosen pair survives while both are still checked; otherwise the
        first two checked profiles are compared."""
        old = self._comparison.names if self._comparison is not None else ()
        self._comparison, self._options, self._criteria = (
            comparison,
            option_names,
            criterion_names,
        )
        names = comparison.names if comparison is not None else ()
        if names != old:
            keep = (self.from_box.currentText(), self.to_box.currentText())
            pair = (0, min(1, len(names) - 1))
            if keep[0] != keep[1] and all(name in names for name in keep):
                pair = (names.index(keep[0]), names.index(keep[1]))
            with QSignalBlocker(self.from_box), QSignalBlocker(self.to_box):
                for box, at in zip((self.from_box, self.to_box), pair, strict=True):
                    box.clear()
                    box.addItems(list(names))
                    box.setCurrentIndex(at)
        enough = len(names) >= 2
        for widget in (self.from_box, self.to_box, self.swap_button):
            widget.setEnabled(enough)
        self._refresh()

    def set_pair(self, a: int, b: int) -> None:
        with QSignalBlocker(self.from_box), QSignalBlocker(self.to_box):
            self.from_box.setCurrentIndex(a)
            self.to_box.setCurrentIndex(b)
        self._refresh()

    def swap(self) -> None:
        self.set_pair(self.to_box.currentIndex(), self.from_box.currentIndex())

    def pair(self) -> tuple[int, int]:
        return self.from_box.currentIndex(), self.to_box.currentIndex()

    def texts(self) -> list[str]:
        """The sentences shown, in order (rank moves, then the overtakes behind them)."""
        if self._stale:
            self._compute()
        return [text for _, text in self._lines]

    def lines(self) -> list[tuple[int, str]]:
        if self._stale:
            self._compute()
        return list(self._lines)

    # ---- drawing ------------------------------------------------------------------------------
    def _pair_changed(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        self._stale = True
        if not offstage(self):
            self._compute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._compute()

    def _compute(self) -> None:
        self._stale = False
        c = self._comparison
        a, b = self.pair()
        th = self._session.theme
        if c is None or len(c.names) < 2:
            self._lines = []
            self.summary.setText("Check two or more profiles to see what changes between them.")
            self.browser.setHtml("")
            return
        if a == b or a < 0 or b < 0:
            self._lines = []
            self.summary.setText("Choose two different profiles.")
            self.browser.setHtml("")
            return
        self._lines = rank_change_lines(c, a, b, self._options, self._criteria)
        self.summary.setText(
            f"From <b>{escape(c.names[a])}</b> to <b>{escape(c.names[b])}</b>: "
            f"{escape(weight_summary(c, a, b, self._criteria))}"
        )
        if not self._lines:
            self.browser.setHtml(
                f'<p style="color:{th.muted}">Both profiles rank every option the same.</p>'
            )
            return
        html, open_list = [], False
        for level, text in self._lines:
            if level == 0:
                if open_list:
                    html.append("</ul>")
                    open_list = False
                html.append(
                    f'<p style="margin-top:8px; margin-bottom:2px"><b>{escape(text)}</b></p>'
                )
            else:
                if not open_list:
                    html.append('<ul style="margin-top:0px">')
                    open_list = True
                html.append(f"<li>{escape(text)}</li>")
        if open_list:
            html.append("</ul>")
        note = (
            f'<p style="color:{th.muted}">Numbers in brackets: how much each criterion changed '
            "the winner's lead, in total-score points (0–1 scale).</p>"
        )
        self.browser.setHtml("".join(html) + note)
