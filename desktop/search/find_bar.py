"""Find in the open article (Ctrl+F): every occurrence marked, next and previous.

The marks are extra selections laid over the reader, never edits of its
document.  The reader sets extra selections of its own (the selected claim);
the bar tags its marks and lays them again beside the reader's whenever the
reader may have replaced them.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from db.anchors import Utf16Index
from db.errors import ClaimDeskError
from desktop.context import AppContext
from desktop.operations import search as search_ops

FIND_MARK = 0x100000 + 0x5EA  # a QTextFormat user property naming the bar's marks
MAX_MARKS = 5000
ALL_COLOR = QColor("#fff1a8")
CURRENT_COLOR = QColor("#ffb347")
FIND_INK = QColor("#1f2937")  # the text on those marks, dark on a dark page as well


class ArticleText:
    """The open article's stored text and its UTF-16 index, read once per article."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.article_id: uuid.UUID | None = None
        self.text = ""
        self.index = Utf16Index("")

    def of(self, article_id: uuid.UUID | None) -> str:
        if article_id != self.article_id:
            self.article_id = article_id
            self.text = search_ops.article_text(self.ctx, article_id) if article_id else ""
            self.index = Utf16Index(self.text)
        return self.text

    def forget(self) -> None:
        self.article_id = None
        self.text = ""
        self.index = Utf16Index("")


def select_range(reader: QPlainTextEdit, index: Utf16Index, start: int, end: int) -> None:
    """Select text[start:end] (code points) in *reader* and scroll it into the middle."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(index.to_utf16(start))
    cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    reader.centerCursor()


class _FindEdit(QLineEdit):
    previous = Signal()
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """A bar under the reader: type, Enter for the next hit, Shift+Enter the previous, Esc."""

    def __init__(self, ctx: AppContext, reader: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.reader = reader
        self.setObjectName("findBar")
        self.article = ArticleText(ctx)
        self._marked = False  # find marks are among the reader's extra selections
        self.matches: list[tuple[int, int]] = []  # code points into the article text
        self.current = -1
        self.edit = _FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in this article")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel("", self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self.prev_button = self._button("findPrevious", "▲", "Previous (Shift+Enter, Shift+F3)")
        self.next_button = self._button("findNext", "▼", "Next (Enter, F3)")
        self.close_button = self._button("findClose", "✕", "Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 3, 18, 3)
        label = QLabel("F&ind:", self)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for button in (self.prev_button, self.next_button, self.close_button):
            layout.addWidget(button)
        self.edit.textChanged.connect(lambda _t: self.refresh())
        self.edit.returnPressed.connect(self.find_next)
        self.edit.previous.connect(self.find_previous)
        self.edit.escape.connect(self.close_bar)
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        host = parent or reader
        for keys, slot in (("F3", self.find_next), ("Shift+F3", self.find_previous)):
            shortcut = QShortcut(QKeySequence(keys), host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        reader.articleOpened.connect(self._article_opened)  # type: ignore[attr-defined]
        # The reader replaces its extra selections on these: lay the marks again after it.
        ctx.claimSelected.connect(lambda _id: self._apply_marks())
        ctx.openClaimRequested.connect(lambda _id: self._apply_marks())
        ctx.claimsChanged.connect(lambda _ids: self._apply_marks())
        ctx.changed.connect(lambda _changes: self._apply_marks())
        ctx.workspaceChanged.connect(self._workspace_changed)
        self.hide()

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # ------------------------------------------------------------ opening and closing

    def open_bar(self) -> None:
        """Show the bar, taking the reader's selected words (one line) as what to find."""
        selected = self.reader.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) <= 200:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.matches = []
        self.current = -1
        self._apply_marks()
        self.hide()
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ finding

    def _article_id(self) -> uuid.UUID | None:
        return getattr(self.reader, "article_id", None)

    def refresh(self) -> None:
        """Find what is typed in the open article; the current hit is the first after the cursor."""
        phrase = self.edit.text()
        try:
            text = self.article.of(self._article_id())
        except ClaimDeskError:
            text = ""
        self.matches = search_ops.find_in_text(text, phrase) if phrase else []
        self.current = -1
        if self.matches:
            cursor = self.article.index.to_codepoint(self.reader.textCursor().selectionStart())
            after = [i for i, (s, _e) in enumerate(self.matches) if s >= cursor]
            self.current = after[0] if after else 0
            self._show_current()
        else:
            self._apply_marks()
        self._update_count()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if not self.matches:
            self.refresh()
            if not self.matches:
                return
        self.current = (self.current + delta) % len(self.matches)
        self._show_current()
        self._update_count()

    def _show_current(self) -> None:
        start, end = self.matches[self.current]
        select_range(self.reader, self.article.index, start, end)
        self._apply_marks()

    def _update_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        has = bool(self.matches)
        self.prev_button.setEnabled(has)
        self.next_button.setEnabled(has)

    # ------------------------------------------------------------ marks

    def marks(self) -> list[QTextEdit.ExtraSelection]:
        """The bar's extra selections now laid over the reader."""
        return [s for s in self.reader.extraSelections() if s.format.hasProperty(FIND_MARK)]

    def _apply_marks(self) -> None:
        shown = self.matches if self.isVisible() else []
        if not shown and not self._marked:
            return  # none shown, none to show: the reader's own marks stay as they are
        others = [s for s in self.reader.extraSelections() if not s.format.hasProperty(FIND_MARK)]
        mine: list[QTextEdit.ExtraSelection] = []
        index = self.article.index
        for i, (start, end) in enumerate(shown[:MAX_MARKS]):
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(index.to_utf16(start))
            cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT_COLOR if i == self.current else ALL_COLOR)
            fmt.setForeground(FIND_INK)
            fmt.setProperty(FIND_MARK, True)
            mark.format = fmt
            mine.append(mark)
        self.reader.setExtraSelections(others + mine)
        self._marked = bool(mine)

    def _article_opened(self, _article_id: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self.matches = []

    def _workspace_changed(self) -> None:
        self.article.forget()
        self.matches = []
        self.current = -1
        self.hide()
