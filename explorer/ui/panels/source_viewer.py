"""The source viewer: a quote read in its context, and every other quote taken from that source.

A quote lifted out of its paragraph can mislead; seeing it in place is the check. Stepping
through a source's quotes in reading order also shows how one document feeds many scores, and
selects each citing cell so the evidence panel follows along.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.evidence import (
    Citation,
    find_citation,
    read_source_text,
    source_citations,
    utf16_offset,
)
from explorer.core.model import Source, Stance
from explorer.core.quotes import find_quote
from explorer.ui.state.session import Session

_EMPTY = "Use “Show in source” in the evidence panel to read a quote in its context."


class SourceViewer(QDialog):
    """Non-modal window showing one source's text with the requested quote highlighted."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setModal(False)
        self.setWindowTitle("Source")
        self.setAccessibleName("Source viewer")
        self.resize(800, 600)
        self._source: Source | None = None
        self._text = ""
        self._citations: list[Citation] = []  # the ones found in the text, in reading order
        self._missing = 0
        self._current: int | None = None
        self._loose_span: tuple[int, int] | None = None  # a requested quote no cell cites

        self.title = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.position = QLabel()
        self.status = QLabel()
        for label in (self.title, self.meta, self.position, self.status):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.font())
        bold.setBold(True)
        self.status.setFont(bold)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setAccessibleName("Source text")
        body = QFont(self.font())
        body.setPointSizeF(max(body.pointSizeF(), 10) + 1)
        self.text.setFont(body)
        self.previous_button = QPushButton("◀ Previous quote")
        self.next_button = QPushButton("Next quote ▶")
        self.close_button = QPushButton("Close")
        self.previous_button.setAccessibleName("Previous quote from this source")
        self.next_button.setAccessibleName("Next quote from this source")
        self.close_button.setAccessibleName("Close source viewer")
        self.previous_button.setToolTip("Previous quote from this source (Shift+F3, Alt+Left)")
        self.next_button.setToolTip("Next quote from this source (F3, Alt+Right)")
        self.previous_button.clicked.connect(self.previous_quote)
        self.next_button.clicked.connect(self.next_quote)
        self.close_button.clicked.connect(self.close)
        for keys, slot in (
            (("F3", "Alt+Right"), self.next_quote),
            (("Shift+F3", "Alt+Left"), self.previous_quote),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        self.buttons = buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.meta, self.position, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        session.setChanged.connect(self._clear)
        session.themeChanged.connect(self._follow_theme)
        self._clear()

    # ---- public --------------------------------------------------------------------------
    def show_quote(self, source_id: str, quote: str) -> None:
        """Open `source_id` at `quote` (preferring the selected cell's citation of it)."""
        ds = self.session.decision_set
        if ds is None:
            return
        try:
            source = ds.source(source_id)
        except StopIteration:
            self._clear()
            self.status.setText(f"Unknown source “{source_id}”.")
            return
        if self._source is None or self._source.id != source.id:
            self._load(source)
        self._loose_span = None
        index = find_citation(
            self._citations, quote, self.session.selected_option, self.session.selected_criterion
        )
        if index is not None:
            self._go(index, select_cell=False)
            return
        self._current = None
        self._loose_span = find_quote(self._text, quote) if self._text else None
        if self._loose_span is None:
            self.status.setText("This quote could not be found in the source text.")
        else:
            self.status.setText("This passage is not cited by any cell in the set.")
        self._highlight()
        self._update_buttons()

    def show_source(self, source_id: str) -> None:
        """Open a source at its beginning (to read it, or to select a passage to cite)."""
        ds = self.session.decision_set
        if ds is None or source_id not in {s.id for s in ds.sources}:
            return
        self._load(ds.source(source_id))
        self._current, self._loose_span = None, None
        self.status.setText(f"{len(self._citations)} quote(s) cited from this source.")
        self._highlight()
        self._update_buttons()

    @property
    def source(self) -> Source | None:
        return self._source

    @property
    def source_text(self) -> str:
        """The open source's text as stored ("" when none is open or it cannot be read)."""
        return self._text

    def selected_text(self) -> str:
        """What the user has selected in the text, line breaks as in the source."""
        return self.text.textCursor().selectedText().replace("\u2029", "\n")

    def next_quote(self) -> None:
        if self._citations:
            start = -1 if self._current is None else self._current
            self._go(min(start + 1, len(self._citations) - 1))

    def previous_quote(self) -> None:
        if self._citations:
            start = len(self._citations) if self._current is None else self._current
            self._go(max(start - 1, 0))

    @property
    def current_citation(self) -> Citation | None:
        return None if self._current is None else self._citations[self._current]

    def highlighted_text(self) -> str:
        """The text highlighted as the quote, as it appears in the source; read back for tests,
        since the highlight is an extra selection, not the cursor's."""
        selections = self.text.extraSelections()
        if not selections or (self._current is None and self._loose_span is None):
            return ""
        return selections[-1].cursor.selectedText().replace("\u2029", "\n")

    # ---- internals -----------------------------------------------------------------------
    def _clear(self) -> None:
        self._source, self._text = None, ""
        self._citations, self._missing, self._current = [], 0, None
        self._loose_span = None
        self.setWindowTitle("Source")
        self.title.setText("No source open")
        for label in (self.meta, self.position):
            label.setText("")
            label.setVisible(False)
        self.status.setText(_EMPTY)
        self.text.setPlainText("")
        self._highlight()
        self._update_buttons()

    def _load(self, source: Source) -> None:
        ds = self.session.decision_set
        assert ds is not None
        self._source = source
        self.setWindowTitle(f"Source — {source.title}")
        self.title.setText(source.title)
        parts = [
            f"Period: {source.period}" if source.period else "",
            f"Author: {source.author}" if source.author else "",
            f"Publisher: {source.publisher}" if source.publisher else "",
            f"Address: {source.url}" if source.url else "",
            f"File: {source.file}",
            f"Origin: {source.origin}" if source.origin and source.origin != source.file else "",
        ]
        self.meta.setText(" · ".join(p for p in parts if p))
        self.meta.setVisible(True)
        self.position.setText(f"Position: {source.position}" if source.position else "")
        self.position.setVisible(bool(source.position))
        text = read_source_text(source)
        if text is None:
            self._text = ""
            self._citations, self._missing = [], 0
            where = source.path or source.file
            self.text.setPlainText(
                f"The text of this source is not available: “{where}” could not be found or "
                "read. Put the file next to the decision set (or in resources/sources) and "
                "reload the set."
            )
            return
        self._text = text
        self.text.setPlainText(text)
        citations = source_citations(ds, source.id, text)
        self._citations = [c for c in citations if c.span is not None]
        self._missing = len(citations) - len(self._citations)

    def _go(self, index: int, select_cell: bool = True) -> None:
        self._current = index
        self._loose_span = None
        citation = self._citations[index]
        ds = self.session.decision_set
        assert ds is not None
        option, crit = ds.option(citation.option), ds.criterion(citation.criterion)
        stance = "supports" if citation.evidence.stance is Stance.SUPPORTS else "contradicts"
        missing = f" ({self._missing} more could not be found in the text)" if self._missing else ""
        self.status.setText(
            f"Quote {index + 1} of {len(self._citations)}{missing} · cited by "
            f"{option.name} × {crit.name} ({stance} the score)"
        )
        self._highlight()
        self._update_buttons()
        if select_cell:
            self.session.select(option=citation.option, criterion=citation.criterion)

    def _cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(utf16_offset(self._text, span[0]))
        cursor.setPosition(utf16_offset(self._text, span[1]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _highlight(self) -> None:
        """All of the source's cited passages faintly, the current one strongly and last."""
        t = self.session.theme
        faint, strong = QColor(t.highlight), QColor(t.highlight)
        faint.setAlpha(35)
        strong.setAlpha(150)
        selections = []
        current = self.current_citation
        spans = [c.span for c in self._citations if c.span is not None and c is not current]
        for span in dict.fromkeys(spans):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(span)
            fmt = QTextCharFormat()
            fmt.setBackground(faint)
            selection.format = fmt
            selections.append(selection)
        target = current.span if current is not None else self._loose_span
        if target is not None:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(target)
            fmt = QTextCharFormat()
            fmt.setBackground(strong)
            fmt.setForeground(QColor(t.foreground))
            fmt.setFontUnderline(True)
            selection.format = fmt
            selections.append(selection)
            # the caret at the quote's start, centred: the quote and its lead-in both show
            caret = QTextCursor(selection.cursor)
            caret.setPosition(selection.cursor.selectionStart())
            self.text.setTextCursor(caret)
            self.text.centerCursor()
        self.text.setExtraSelections(selections)

    def _update_buttons(self) -> None:
        count, current = len(self._citations), self._current
        self.previous_button.setEnabled(bool(count) and (current is None or current > 0))
        self.next_button.setEnabled(bool(count) and (current is None or current < count - 1))

    def _follow_theme(self) -> None:
        """The one way a theme switch reaches this view (the session's themeChanged)."""
        self._highlight()
