"""The article reader: plain text set once, claim highlights painted on top."""

from __future__ import annotations

import html
import logging
import uuid

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from db import articles as article_ops
from db import claims as claim_ops
from db.anchors import Utf16Index
from db.claims import ClaimInfo
from db.errors import ClaimDeskError, NotFound
from db.models import CREDIBILITY, RELIABILITY
from desktop.commands.claims import CreateClaimCommand, DeleteClaimCommand
from desktop.context import AppContext
from desktop.palette import status_color
from desktop.reader.highlighter import ClaimHighlighter, selection_tint
from desktop.reader.spans import (
    SpanLayout,
    changed_blocks,
    innermost_at,
    layout_spans,
    utf16_block_starts,
)

log = logging.getLogger(__name__)

PATCH_LIMIT = 20  # more changed ids than this: re-read the whole article
EMPTY_HINT = "Import an article with Ctrl+I, then choose it in the article list."


class ReaderView(QPlainTextEdit):
    """Shows one article; select words and press Ctrl+E to make them a claim."""

    articleOpened = Signal(str)
    # Delete pressed on a selected claim; the window triggers its Delete Claim action.
    deleteRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setPlaceholderText(EMPTY_HINT)
        self.setMouseTracking(True)
        self.document().setDocumentMargin(18)
        self.highlighter = ClaimHighlighter(self.document())
        self.article_id: uuid.UUID | None = None
        self.article_title = ""
        self._text = ""
        self._index = Utf16Index("")
        self._block_starts: list[int] = [0]
        self._claims: dict[str, ClaimInfo] = {}
        self._layout = SpanLayout([], {}, {})
        self._selected: str | None = None
        self._press_pos: QPoint | None = None
        ctx.claimsChanged.connect(self._on_claims_changed)
        ctx.claimSelected.connect(self._on_claim_selected)
        ctx.openClaimRequested.connect(self._on_claim_selected)
        ctx.workspaceChanged.connect(self.clear_article)
        ctx.articlesChanged.connect(self._on_articles_changed)

    # ------------------------------------------------------------ article

    def open_article(self, article_id: uuid.UUID | str) -> None:
        """Load an article's text once and paint its claims."""
        aid = uuid.UUID(str(article_id))
        if aid == self.article_id:
            return
        article = article_ops.article_text(self.ctx.ws, aid)
        claims = claim_ops.claims_of_article(self.ctx.ws, aid)
        self.article_id = aid
        self.article_title = article.title
        self._text = article.text
        self._index = Utf16Index(article.text)
        self._block_starts = utf16_block_starts(article.text, self._index)
        self._claims = {str(c.id): c for c in claims}
        self._layout = layout_spans(claims, self._index, self._block_starts)
        self._selected = None
        self.setExtraSelections([])
        # Pieces first, then the text: the one highlighting pass covers everything.
        self.highlighter.set_pieces(self._layout.pieces)
        self.setPlainText(article.text)
        self.document().setModified(False)
        if self.document().characterCount() - 1 != self._index.to_utf16(len(article.text)):
            log.warning("reader: document length differs from the article text's length")
        self.articleOpened.emit(str(aid))

    def clear_article(self) -> None:
        self.article_id = None
        self.article_title = ""
        self._text = ""
        self._index = Utf16Index("")
        self._block_starts = [0]
        self._claims = {}
        self._layout = SpanLayout([], {}, {})
        self._selected = None
        self.highlighter.set_pieces({})
        self.setExtraSelections([])
        self.setPlainText("")

    def _on_articles_changed(self) -> None:
        if self.article_id is None:
            return
        try:
            info = article_ops.get_article(self.ctx.ws, self.article_id)
        except NotFound:
            self.clear_article()
            return
        self.article_title = info.title

    # ------------------------------------------------------------ claims

    @property
    def claims(self) -> list[ClaimInfo]:
        """The open article's claims in text order."""
        return [self._claims[s.claim_id] for s in self._layout.spans]

    @property
    def selected_claim_id(self) -> str | None:
        return self._selected

    def reload_claims(self) -> None:
        """Re-read all of the article's claims; re-highlight only the blocks that changed."""
        if self.article_id is None:
            return
        claims = claim_ops.claims_of_article(self.ctx.ws, self.article_id)
        self._relayout({str(c.id): c for c in claims})

    def _relayout(self, claims: dict[str, ClaimInfo]) -> None:
        old = self._layout.pieces
        self._claims = claims
        self._layout = layout_spans(list(claims.values()), self._index, self._block_starts)
        self.highlighter.set_pieces(self._layout.pieces, changed_blocks(old, self._layout.pieces))
        if self._selected not in self._claims:
            self._selected = None
        self._update_selection_mark()

    def _on_claims_changed(self, ids: list[str]) -> None:
        """Re-read just the named claims (a few); anything else re-reads the article's."""
        if self.article_id is None:
            return
        if not ids or len(ids) > PATCH_LIMIT:
            self.reload_claims()
            return
        claims = dict(self._claims)
        for claim_id in ids:
            try:
                info: ClaimInfo | None = claim_ops.get_claim(self.ctx.ws, claim_id)
            except NotFound:
                info = None
            if info is not None and info.article_id == self.article_id:
                claims[claim_id] = info
            else:
                claims.pop(claim_id, None)
        self._relayout(claims)

    def _on_claim_selected(self, claim_id: str) -> None:
        if not claim_id:
            self._selected = None
            self._update_selection_mark()
            return
        if claim_id not in self._claims:
            try:
                info = claim_ops.get_claim(self.ctx.ws, claim_id)
            except ClaimDeskError:
                return
            if info.article_id != self.article_id:
                try:
                    self.open_article(info.article_id)
                except ClaimDeskError:
                    return
            if claim_id not in self._claims:
                self.reload_claims()
        self.select_claim(claim_id)

    def select_claim(self, claim_id: str, *, scroll: bool = True) -> None:
        """Mark a claim of this article as selected and scroll it into view."""
        span = self._layout.by_id.get(claim_id)
        if span is None:
            return
        self._selected = claim_id
        self._update_selection_mark()
        if scroll:
            cursor = QTextCursor(self.document())
            cursor.setPosition(span.start)
            self.setTextCursor(cursor)
            self.centerCursor()

    def _update_selection_mark(self) -> None:
        span = self._layout.by_id.get(self._selected or "")
        if span is None:
            self.setExtraSelections([])
            return
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(selection_tint(span.status))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(status_color(span.status).darker(150))
        fmt.setProperty(QTextFormat.Property.FontUnderline, True)
        mark.format = fmt
        self.setExtraSelections([mark])

    def _step(self, forward: bool) -> str | None:
        spans = self._layout.spans
        if not spans:
            return None
        current = self._layout.by_id.get(self._selected or "")
        if current is not None:
            keys = [(s.start, -s.end, s.claim_id) for s in spans]
            i = keys.index((current.start, -current.end, current.claim_id))
            j = i + 1 if forward else i - 1
            if not 0 <= j < len(spans):
                return None
            target = spans[j]
        else:
            pos = self.textCursor().position()
            if forward:
                after = [s for s in spans if s.start >= pos]
                target = after[0] if after else spans[0]
            else:
                before = [s for s in spans if s.start < pos]
                target = before[-1] if before else spans[-1]
        self.ctx.claimSelected.emit(target.claim_id)
        return target.claim_id

    def next_claim(self) -> str | None:
        """Select the next claim in text order; returns its id (None at the end)."""
        return self._step(True)

    def previous_claim(self) -> str | None:
        return self._step(False)

    # ------------------------------------------------------------ offsets

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code-point offsets into the article text."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._index.to_codepoint(cursor.selectionStart())
        end = self._index.to_codepoint(cursor.selectionEnd())
        return (start, end) if end > start else None

    def claim_id_at(self, position: int) -> str | None:
        """The innermost claim covering a document (UTF-16) position."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return None
        return innermost_at(self._layout, block.blockNumber(), position - block.position())

    def position_at(self, point: QPoint) -> int:
        """The document position of the character under a viewport point."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        x, y = point.x() - origin.x(), point.y() - origin.y()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            if line.y() <= y < line.y() + line.height():
                on_char = QTextLine.CursorPosition.CursorOnCharacter
                return block.position() + line.xToCursor(x, on_char)
        return cursor.position()

    def tooltip_text(self, position: int) -> str:
        claim_id = self.claim_id_at(position)
        if claim_id is None:
            return ""
        info = self._claims[claim_id]
        parts = [f"<b>{html.escape(info.statement or info.quote)}</b>"]
        parts.append(f"Source: {html.escape(info.source_name) or '<i>none</i>'}")
        grading = info.grading
        if grading:
            words = [
                RELIABILITY.get(info.reliability or "", ""),
                CREDIBILITY.get(info.credibility or 0, ""),
            ]
            detail = "; ".join(w for w in words if w)
            parts.append(f"Grading: {html.escape(grading)} ({html.escape(detail)})")
        else:
            parts.append("Grading: not graded")
        parts.append(f"Status: {info.status.label}")
        return "<br>".join(parts)

    # ------------------------------------------------------------ actions

    def new_claim_from_selection(self) -> bool:
        """Push a CreateClaimCommand for the selected words; False when nothing is selected."""
        span = self.selected_span()
        if self.article_id is None or span is None:
            self.ctx.dialogs.error(
                "New claim", "Select the words of the claim in the article first."
            )
            return False
        if not self._text[span[0] : span[1]].strip():
            self.ctx.dialogs.error("New claim", "The selection holds only spaces.")
            return False
        command = CreateClaimCommand(self.ctx, self.article_id, span[0], span[1])
        self.ctx.undo_stack.push(command)
        return not command.failed

    def delete_selected_claim(self) -> bool:
        if self._selected is None:
            return False
        self.ctx.undo_stack.push(DeleteClaimCommand(self.ctx, uuid.UUID(self._selected)))
        return True

    # ------------------------------------------------------------ events

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.position_at(event.pos())
            text = self.tooltip_text(position)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        # Delete on a selected claim belongs to the reader even when another panel
        # registered a window-wide Delete shortcut.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self._selected is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self._selected is not None
        ):
            self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        own = self.actions()
        if own:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, own)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = event.position().toPoint()
        if self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 4:
            return
        claim_id = self.claim_id_at(self.position_at(pos))
        if claim_id is not None and claim_id != self._selected:
            self.ctx.claimSelected.emit(claim_id)
