"""The evidence panel: what is behind the current selection, down to every verbatim quote.

Trust in a score comes from reading its quotes, so a cell shows all of them, each with its
source and whether it supports or contradicts the score. The body is rebuilt only when the
selection or the set changes; the few weight-dependent figures sit in a separate line updated
in place, so dragging a slider never resets the reader's scroll position.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from explorer.core.evidence import is_thin, source_label, source_titles, thin_reason
from explorer.core.model import Assessment, Criterion, DecisionSet, Direction, Option, Stance
from explorer.ui.state.session import Session
from explorer.ui.widgets.live_caption import LiveCaption

SUPPORTS_LABEL = "✔ Supports the score"
CONTRADICTS_LABEL = "✖ Contradicts the score"
# a quote not found in its source is not shown as a checked quotation: no tick, no cross, no
# quotation marks, the warning first (see model.Evidence.verified)
UNVERIFIED_LABEL = "⚠ Unverified: not found in its source"
THIN_MARK = "◔"
_TIGHT = "margin-top:0; margin-bottom:6px"
_PLACEHOLDER = (
    "Select an option, a criterion or a cell (in the matrix or a chart) to read the evidence."
)


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3g}"


def _score_text(cell: Assessment) -> str:
    if cell.unassessed:
        return "n/a"
    if cell.low is None or cell.high is None or cell.low == cell.high == cell.score:
        return _num(cell.score)
    return f"{_num(cell.score)} [{_num(cell.low)}–{_num(cell.high)}]"


class EvidencePanel(QWidget):
    """Option, criterion or cell details for the session's selection."""

    showInSource = Signal(str, str)  # source id, quote: the main window opens the source viewer

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._links: list[tuple[str, ...]] = []
        self.setAccessibleName("Evidence panel")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) + 3)
        font.setBold(True)
        self.heading.setFont(font)
        # the figures change on every slider tick: a word-wrapped QLabel would relayout the panel
        self.figures = LiveCaption(lines=2)
        self.figures.setAccessibleName("Weight-dependent figures")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Evidence")
        self.browser.setAccessibleDescription(
            "Rationale and quotes for the selection; Tab moves between links, Enter follows one."
        )
        self.browser.anchorClicked.connect(self._on_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures)
        layout.addWidget(self.browser, 1)
        session.setChanged.connect(self._rebuild)
        session.themeChanged.connect(self._follow_theme)
        session.selectionChanged.connect(self._rebuild)
        session.resultChanged.connect(self._update_figures)
        session.weightsChanged.connect(self._update_figures)
        self._rebuild()

    # ---- session → panel -----------------------------------------------------------------
    def _rebuild(self) -> None:
        ds = self.session.decision_set
        opt, crit = self.session.selected_option, self.session.selected_criterion
        self._links = []
        if ds is None or (opt is None and crit is None):
            self.heading.setText(ds.title if ds else "No decision set")
            body = f"<p>{escape(ds.question)}</p>" if ds else ""
            self.browser.setHtml(body + f"<p><i>{escape(_PLACEHOLDER)}</i></p>")
        elif crit is None:
            assert opt is not None  # not both None: that is the branch above
            option = ds.option(opt)
            self.heading.setText(option.name)
            self.browser.setHtml(self._option_html(ds, option))
        elif opt is None:
            criterion = ds.criterion(crit)
            self.heading.setText(criterion.name)
            self.browser.setHtml(self._criterion_html(ds, criterion))
        else:
            option, criterion = ds.option(opt), ds.criterion(crit)
            self.heading.setText(f"{option.name} × {criterion.name}")
            self.browser.setHtml(self._cell_html(ds, ds.assessment(opt, crit)))
        self._update_figures()

    def _update_figures(self) -> None:
        """The weight-dependent numbers only: cheap enough for every slider tick."""
        ds, result = self.session.decision_set, self.session.result
        opt, crit = self.session.selected_option, self.session.selected_criterion
        if ds is None or result is None or (opt is None and crit is None):
            self.figures.setText("")
            self.figures.setVisible(False)
            return
        parts = []
        if crit is not None:
            j = ds.criterion_ids.index(crit)
            parts.append(f"Weight share {result.weights[j]:.0%}")
            if opt is not None:
                i = ds.option_ids.index(opt)
                parts.append(f"contribution {result.contributions[i, j]:.3f}")
        if opt is not None:
            i = ds.option_ids.index(opt)
            tie = " (tied)" if result.tied(i) else ""
            parts.append(f"rank {result.ranks[i]}{tie} of {len(ds.options)}")
            parts.append(f"total {result.totals[i]:.3f} ({self.session.method.label})")
        text = " · ".join(parts)
        self.figures.setText(text[0].upper() + text[1:])
        self.figures.setVisible(True)

    # ---- HTML ----------------------------------------------------------------------------
    def _link(self, text: str, *target: str) -> str:
        self._links.append(target)
        return f'<a href="link:{len(self._links) - 1}">{escape(text)}</a>'

    @staticmethod
    def _banner(text: str, colour: str) -> str:
        return (
            f'<table width="100%" cellpadding="6" cellspacing="0" style="margin-bottom:8px">'
            f'<tr><td width="5" bgcolor="{colour}"></td>'
            f'<td><b style="color:{colour}">{escape(text)}</b></td></tr></table>'
        )

    def _option_html(self, ds: DecisionSet, option: Option) -> str:
        out = [f"<p>{escape(option.summary)}</p>"]
        if option.actions:
            items = "".join(f"<li>{escape(a)}</li>" for a in option.actions)
            out.append(f"<h4>Key actions</h4><ul>{items}</ul>")
        if option.phases:
            out.append("<h4>Phases</h4>")
            for phase in option.phases:
                desc = f"<br>{escape(phase.description)}" if phase.description else ""
                out.append(
                    f"<p><b>{escape(phase.name)}</b> — <i>{escape(phase.timeline)}</i>{desc}</p>"
                )
        for title, ids in (("Advocates", option.advocates), ("Opponents", option.opponents)):
            if ids:
                names = ", ".join(escape(t) for t in source_titles(ds, ids))
                out.append(f"<p><b>{title}:</b> {names}</p>")
        out.append(
            "<h4>Scores</h4>" + self._cells_table(ds, [(c.name, option, c) for c in ds.criteria])
        )
        return "".join(out)

    def _criterion_html(self, ds: DecisionSet, crit: Criterion) -> str:
        better = "Lower" if crit.direction is Direction.LOWER_IS_BETTER else "Higher"
        scale = crit.scale
        out = [f"<p>{escape(crit.definition)}</p>", f"<p><b>{better} is better.</b></p>"]
        out.append(
            f"<p><b>Scale:</b> {_num(scale.min)} = {escape(scale.min_label or 'minimum')}"
            f" … {_num(scale.max)} = {escape(scale.max_label or 'maximum')}</p>"
        )
        if crit.group:
            out.append(f"<p><b>Group:</b> {escape(crit.group)}</p>")
        out.append(
            "<h4>Scores</h4>" + self._cells_table(ds, [(o.name, o, crit) for o in ds.options])
        )
        return "".join(out)

    def _cells_table(self, ds: DecisionSet, cells: list[tuple[str, Option, Criterion]]) -> str:
        """One row per cell, each a link that selects it: the way into the quotes."""
        rows = []
        muted = self.session.theme.muted
        for name, option, crit in cells:
            cell = ds.assessment(option.id, crit.id)
            mark = f" {THIN_MARK} thin" if is_thin(cell) else ""
            if cell.unassessed:
                mark = " not assessed"
            rows.append(
                f"<tr><td>{self._link(name, 'cell', option.id, crit.id)}</td>"
                f'<td align="right">{escape(_score_text(cell))}</td>'
                f'<td style="color:{muted}">{mark}</td></tr>'
            )
        return f'<table cellpadding="3" cellspacing="0">{"".join(rows)}</table>'

    def _cell_html(self, ds: DecisionSet, cell: Assessment) -> str:
        t = self.session.theme
        crit = ds.criterion(cell.criterion)
        out = []
        if cell.unassessed:
            out.append(
                self._banner(
                    "Not assessed: counted as the scale midpoint, with the whole scale as range.",
                    t.muted,
                )
            )
        else:
            better = "higher" if crit.direction is Direction.HIGHER_IS_BETTER else "lower"
            out.append(
                f"<p><b>Score {_num(cell.score)}</b> on {_num(crit.scale.min)}–"
                f"{_num(crit.scale.max)}, <b>{better} is better</b> "
                f"(range {_num(cell.low)}–{_num(cell.high)})</p>"
            )
        reason = thin_reason(cell)
        if reason is not None:
            out.append(self._banner(f"{THIN_MARK} Thin evidence: {reason}.", t.muted))
        if cell.rationale:
            out.append(f"<h4>Rationale</h4><p>{escape(cell.rationale)}</p>")
        out.append(f"<h4>Evidence ({len(cell.evidence)})</h4>")
        if not cell.evidence:
            out.append("<p><i>No quotes recorded for this cell.</i></p>")
        size = max(QFont(self.font()).pointSizeF(), 10) + 1
        for item in cell.evidence:
            supports = item.stance is Stance.SUPPORTS
            colour = t.supports if supports else t.contradicts
            label = SUPPORTS_LABEL if supports else CONTRADICTS_LABEL
            quoted = f"“{escape(item.quote)}”"
            if not item.verified:
                colour = t.muted
                claimed = "support" if supports else "contradict"
                label = f"{UNVERIFIED_LABEL} (said to {claimed} the score)"
                quoted = f"<i>[unverified] {escape(item.quote)}</i>"
            implied = "" if item.implied_score is None else f" · implies {_num(item.implied_score)}"
            try:
                origin = source_label(ds.source(item.source))
            except StopIteration:
                origin = item.source
            link = self._link("Show in source ›", "source", item.source, item.quote)
            out.append(
                f'<table width="100%" cellpadding="6" cellspacing="0" style="margin-bottom:10px">'
                f'<tr><td width="5" bgcolor="{colour}"></td><td>'
                f'<p style="color:{colour}; {_TIGHT}"><b>{label}</b>{escape(implied)}</p>'
                f'<p style="font-size:{size:g}pt; {_TIGHT}">{quoted}</p>'
                f'<p style="color:{t.muted}; {_TIGHT}">— {escape(origin)}</p>'
                f'<p style="margin:0">{link}</p></td></tr></table>'
            )
        return "".join(out)

    # ---- panel → session / main window ---------------------------------------------------
    def _on_link(self, url: QUrl) -> None:
        text = url.toString()
        if not text.startswith("link:"):
            return
        index = int(text.removeprefix("link:"))
        if not 0 <= index < len(self._links):
            return
        kind, *args = self._links[index]
        if kind == "source":
            self.showInSource.emit(args[0], args[1])
        elif kind == "cell":
            self.session.select(option=args[0], criterion=args[1])

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._rebuild()  # stance and banner colours
