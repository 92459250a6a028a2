"""The article reader: plain text set once, claim highlights painted on top.

Invisible and text-direction characters are shown as visible stand-ins of the
same length (:func:`db.invisible.display_text`), painted in a warning colour
and named by the tooltip; offsets, quotes and copied text are the stored text.

Highlights follow the change records (``ctx.changed``): a new, changed or
removed claim changes one span of the layout and the blocks it covers are
highlighted again; nothing else is re-read or repainted.
"""

from __future__ import annotations

import html
import itertools
import logging
import uuid
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAction,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from db.anchors import Utf16Index
from db.articles import ArticleInfo
from db.changes import Changes, Entity, Op
from db.errors import ClaimDeskError, NotFound
from db.invisible import describe, display_text
from db.models import CREDIBILITY, RELIABILITY, Status
from desktop.accessibility import announce
from desktop.context import AppContext
from desktop.operations import articles as article_ops
from desktop.operations import claim_spans as span_ops
from desktop.operations import claims as claim_ops
from desktop.operations.claim_spans import Edge
from desktop.operations.claims import SpanRow
from desktop.palette import is_dark, selection_tint, underline_color
from desktop.reader.hidden import HiddenMarks
from desktop.reader.highlighter import ClaimHighlighter
from desktop.reader.margin import Marks, StatusMargin
from desktop.reader.paragraphs import ParagraphLayout
from desktop.reader.spans import (
    SpanIndex,
    changed_blocks,
    innermost_at,
    mark_pieces,
)
from desktop.reader.spoken import spoken_claim
from desktop.reader.text_scan import ScannedText, TextScan
from desktop.style import ZOOM_MAX, ZOOM_MIN, reader_font

log = logging.getLogger(__name__)

ZOOM_KEY = "reader/zoom"
TEXT_MARGIN = 6  # around the text, inside the viewport
SIDE_MARGIN = 12  # right of the viewport: with TEXT_MARGIN the text's 18 px from the edge
MEASURE = 115  # average characters a line holds at most (about 95 of running text)
# A longer text goes into the document this many characters at a time (see _fill).
FILL_SLICE = 1 << 20
# A text longer than this is not kept besides the document (see open_article).
KEEP_CHARS = 1 << 21
# Characters either side of a selection that snapping it to whole words may look at.
WORD_CONTEXT = 2000
PATCH_LIMIT = 200  # more claims changed at once than this: re-read the article's spans
EMPTY_HINT = "Import an article with Ctrl+I, then choose it in the article list."
# Asked when a new claim would cover exactly the words of an existing one.
DUPLICATE_CHOICES = ("Create &Another", "&Select the Existing One")
CREATE_ANOTHER, SELECT_EXISTING = range(2)
# Claim fields that change a highlight; an edit of any other field repaints nothing.
SPAN_FIELDS = frozenset({"status", "start", "end"})


@dataclass(frozen=True, slots=True)
class ReaderClaim:
    """A claim as the reader holds it: id and code-point offsets, status."""

    id: str
    start: int
    end: int
    status: Status


class ReaderView(QPlainTextEdit):
    """Shows one article; select words and press Ctrl+E to make them a claim."""

    articleOpened = Signal(str)
    # Delete pressed on a selected claim; the window triggers its Delete Claim action.
    deleteRequested = Signal()
    # The open article's claims were added, removed or changed (the count may differ).
    spansChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reader")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setPlaceholderText(EMPTY_HINT)
        self.setMouseTracking(True)
        # Paragraph spacing comes from the document's layout (the text is as stored).
        # The editor's own document keeps its owner; the editor is told of the new
        # layout by setting the same document again.
        document = self.document()
        self._paragraphs = ParagraphLayout(document)
        document.setDocumentLayout(self._paragraphs)
        self.setDocument(document)
        # Only the document's small margin above the text, under the byline; beside it
        # the status margin (left) and a viewport margin (right) keep it off the edges.
        self.document().setDocumentMargin(TEXT_MARGIN)
        self.highlighter = ClaimHighlighter(self.document())
        self.article_id: uuid.UUID | None = None
        self.article_title = ""
        # The open article's metadata as read when it was opened: the panels following
        # the opening (articleOpened) take it instead of reading it again.
        self.opened_info: ArticleInfo | None = None
        # The article's text, or None for a long one (the document holds it).
        self._text: str | None = ""
        self._index = Utf16Index("")
        self._hidden_at: list[int] | None = None  # sorted positions of self._hidden.at
        self._rows: dict[str, SpanRow] = {}
        self._spans = SpanIndex(self._index, [0])
        self._hidden = HiddenMarks()
        self._headings: list[int] = []  # block numbers of Markdown headings
        self._selected: str | None = None
        # (start, end, status, dark) of the selected claim's mark as last set (None: no mark)
        self._mark_key: tuple[int, int, object, bool] | None = None
        self._press_pos: QPoint | None = None
        # The claim a screen reader was last told about (at the caret or selected).
        self._announced: str | None = None
        self._placing_caret = False
        self.cursorPositionChanged.connect(self._caret_moved)
        # Status letters beside the lines where claims start (a second cue to colour).
        self.margin = StatusMargin(self, self.margin_marks)
        self.updateRequest.connect(self._update_margin)
        # The scroll bar coming or going changes the room beside the text.
        self.verticalScrollBar().rangeChanged.connect(
            lambda _low, _high: QTimer.singleShot(0, self, self._place_margin)
        )
        # The text follows the application font, zoomed by the analyst (kept per user).
        self.zoom = 0
        self.settings: QSettings | None = None
        self._add_zoom_actions()
        self.apply_font()
        # The application's font changed (Qt tells the application, not each widget).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._app_font_changed)
        # The selection last dragged with Alt held: Ctrl+E keeps it exactly as it is.
        self._exact_selection: tuple[int, int] | None = None
        ctx.changed.connect(self._on_changed)
        ctx.claimSelected.connect(self._on_claim_selected)
        ctx.openClaimRequested.connect(self._on_claim_selected)
        ctx.workspaceChanged.connect(self.clear_article)

    # ------------------------------------------------------------ article

    def open_article(self, article_id: uuid.UUID | str) -> None:
        """Load an article's text once and paint its claims.

        The text is read a slice at a time: a long one (over ``KEEP_CHARS``) is read
        twice — to find its lines, astral and invisible characters and headings, then
        into the document — and not kept besides the document, which then gives the
        words the reader needs (:meth:`text_between`).
        """
        aid = uuid.UUID(str(article_id))
        if aid == self.article_id:
            return
        info = article_ops.get_article(self.ctx, aid)
        rows = claim_ops.article_spans(self.ctx, aid)
        scanned, kept = self._scan(aid)
        self.article_id = aid
        self.article_title = info.title
        self.opened_info = info
        self._text = kept
        self._index = scanned.index
        self._rows = {r[0]: r for r in rows}
        self._spans = SpanIndex(self._index, scanned.block_starts)
        self._spans.load(rows)
        self._hidden = scanned.hidden
        self._hidden_at = None
        self._headings = scanned.headings
        self._selected = None
        self.announce_claim(None)
        self._exact_selection = None
        self.setExtraSelections([])
        self._mark_key = None
        # Pieces first, then the text: the one highlighting pass covers everything.
        self.highlighter.superseded = frozenset(claim_ops.superseded_in_article(self.ctx, aid))
        self.highlighter.set_pieces(self._spans.pieces)
        self.highlighter.set_marks({}, ())
        self.highlighter.set_hidden(self._hidden.by_block)
        if kept is not None:
            self._fill([kept], scanned)
        else:
            self._fill(article_ops.text_pieces(self.ctx, aid), scanned)
        # A new article starts at its top (a viewport not laid out yet may have
        # scrolled to keep the cursor in view).
        self.verticalScrollBar().setValue(0)
        self.document().setModified(False)
        if self.document().characterCount() - 1 != self._index.to_utf16(self._index.length):
            log.warning("reader: document length differs from the article text's length")
        self.articleOpened.emit(str(aid))

    def _scan(self, aid: uuid.UUID) -> tuple[ScannedText, str | None]:
        """The text's layout, read a piece at a time, and the text itself when it is
        no longer than ``KEEP_CHARS`` (None otherwise)."""
        found = TextScan()
        held: list[str] | None = []
        for piece in article_ops.text_pieces(self.ctx, aid):
            found.add(piece)
            if held is not None:
                held.append(piece)
                if found.length > KEEP_CHARS:
                    held = None
        return found.layout(), "".join(held) if held is not None else None

    def _fill(self, pieces: Iterable[str], scanned: ScannedText) -> None:
        """Show the text given in *pieces* (its invisible characters as stand-ins).

        A short text is set in one go; a longer one goes in as one edit a slice at a
        time: ``setPlainText`` would first copy the whole text into one QString, as
        large again as the document (about 100 MiB for a 50 MiB article).  A slice the
        scan found no invisible character in goes in as it is."""
        pieces = iter(pieces)
        first = next(pieces, "")
        following = next(pieces, None)
        if following is None and len(first) <= FILL_SLICE:
            self.setPlainText(display_text(first))
            return
        self.setPlainText("")  # clears the document, its formats and the cursor
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one change for the layout and the highlighter
        offset = 0
        for piece in itertools.chain((first,), () if following is None else (following,), pieces):
            for at in range(0, len(piece), FILL_SLICE):
                part = piece[at : at + FILL_SLICE]
                hides = scanned.hides_between(offset, offset + len(part))
                cursor.insertText(display_text(part) if hides else part)
                offset += len(part)
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(self.document()))  # at the start, as setPlainText

    def clear_article(self) -> None:
        self.article_id = None
        self.article_title = ""
        self.opened_info = None
        self._text = ""
        self._hidden_at = None
        self._index = Utf16Index("")
        self._rows = {}
        self._spans = SpanIndex(self._index, [0])
        self._hidden = HiddenMarks()
        self._headings = []
        self._selected = None
        self.announce_claim(None)
        self.highlighter.superseded = frozenset()
        self.highlighter.set_pieces(self._spans.pieces)
        self.highlighter.set_marks({}, ())
        self.highlighter.set_hidden({})
        self.setExtraSelections([])
        self._mark_key = None
        self.setPlainText("")

    # ------------------------------------------------------------ claims

    @property
    def claims(self) -> list[ReaderClaim]:
        """The open article's claims in text order (built on request)."""
        rows = [self._rows[s.claim_id] for s in self._spans.spans]
        return [ReaderClaim(*row) for row in rows]

    @property
    def claim_count(self) -> int:
        return len(self._rows)

    @property
    def selected_claim_id(self) -> str | None:
        return self._selected

    def reload_claims(self) -> None:
        """Re-read all of the article's spans; re-highlight only the blocks that changed."""
        if self.article_id is None:
            return
        rows = claim_ops.article_spans(self.ctx, self.article_id)
        old = dict(self._spans.pieces)
        self._rows = {r[0]: r for r in rows}
        self._spans.load(rows)
        self.highlighter.set_pieces(self._spans.pieces, changed_blocks(old, self._spans.pieces))
        self._read_superseded()
        self._after_spans_changed()

    @property
    def superseded_ids(self) -> frozenset[str]:
        """The open article's claims painted as superseded (a newer claim updates them)."""
        return self.highlighter.superseded

    def _read_superseded(self) -> None:
        """Read which claims are superseded again; repaint the blocks of those that changed."""
        if self.article_id is None:
            return
        now = frozenset(claim_ops.superseded_in_article(self.ctx, self.article_id))
        flipped = now ^ self.highlighter.superseded
        if not flipped:
            return
        blocks = [
            number
            for number, pieces in self._spans.pieces.items()
            if any(p.claim_id in flipped for p in pieces)
        ]
        self.highlighter.set_superseded(now, sorted(blocks))

    def _after_spans_changed(self) -> None:
        if self._selected not in self._rows:
            self._selected = None
        self._update_selection_mark()
        self.spansChanged.emit()

    def _on_changed(self, changes: Changes) -> None:
        """Apply a change record: only the named claims of this article are touched."""
        if self.article_id is None:
            return
        aid = str(self.article_id)
        if changes.everything:
            self._reopen()
            return
        for change in changes.of(Entity.ARTICLE, Op.DELETED):
            if change.id == aid:
                self.clear_article()
                return
        if "text" in (changes.fields_of(Entity.ARTICLE, aid) or ()):
            self._reopen()  # a revised text: its claims are read with it
            return
        if any(c.parent in self._rows for c in changes.of(Entity.LINK)):
            self._read_superseded()  # a link of a claim shown here came or went
        removed: list[str] = []
        wanted: list[str] = []
        for change in changes.of(Entity.CLAIM):
            if change.parent is not None and change.parent != aid:
                continue
            if change.op is Op.DELETED:
                if change.id in self._rows:
                    removed.append(change.id)
            elif change.op is Op.CREATED or not change.fields or change.fields & SPAN_FIELDS:
                wanted.append(change.id)
        if not removed and not wanted:
            return
        if len(removed) + len(wanted) > PATCH_LIMIT:
            self.reload_claims()
            return
        found = claim_ops.spans_of(self.ctx, wanted) if wanted else {}
        blocks: set[int] = set()
        for claim_id in removed:
            self._rows.pop(claim_id, None)
            blocks |= self._spans.remove(claim_id)
        for claim_id in wanted:
            article_id, row = found.get(claim_id, (None, None))
            if row is not None and article_id == aid:
                self._rows[claim_id] = row
                blocks |= self._spans.upsert(row)
            elif claim_id in self._rows:  # deleted meanwhile
                self._rows.pop(claim_id)
                blocks |= self._spans.remove(claim_id)
        self.highlighter.set_pieces(self._spans.pieces, sorted(blocks))
        if self._announced in wanted:  # its status may have changed: describe it afresh
            self._describe_again()
        self._after_spans_changed()

    def _reopen(self) -> None:
        """After a change to everything: the same article again, or none if it is gone."""
        aid = self.article_id
        self.article_id = None
        if aid is None:
            return
        try:
            self.open_article(aid)
        except NotFound:
            self.clear_article()

    def _on_claim_selected(self, claim_id: str) -> None:
        if not claim_id:
            self._selected = None
            self._update_selection_mark()
            return
        if claim_id not in self._rows:
            try:
                found = claim_ops.spans_of(self.ctx, [claim_id])
            except (ClaimDeskError, ValueError):
                return
            if claim_id not in found:
                return
            article_id, _row = found[claim_id]
            if article_id != str(self.article_id):
                try:
                    self.open_article(article_id)
                except ClaimDeskError:
                    return
            if claim_id not in self._rows:
                self.reload_claims()
        self.select_claim(claim_id)

    def select_claim(self, claim_id: str, *, scroll: bool = True) -> None:
        """Mark a claim of this article as selected and scroll it into view."""
        span = self._spans.by_id.get(claim_id)
        if span is None:
            return
        self._selected = claim_id
        self._update_selection_mark()
        self.announce_claim(claim_id)
        if scroll:
            cursor = QTextCursor(self.document())
            cursor.setPosition(span.start)
            shown = self.viewport().rect().contains(self.cursorRect(cursor))
            self._placing_caret = True  # the selected claim was announced, not one inside it
            try:
                self.setTextCursor(cursor)
            finally:
                self._placing_caret = False
            if not shown:  # a claim already in view (one just made) stays where it is
                self.centerCursor()

    # ------------------------------------------------------------ margin, font, zoom

    def margin_marks(self, clip: tuple[float, float] | None = None) -> Marks:
        """(top, height, statuses) of every line on screen where claims start (with
        *clip*, (top, bottom): of the blocks on screen within that band)."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        bottom = float(self.viewport().height())
        above = -1.0
        if clip is not None:
            above, bottom = max(above, clip[0]), min(bottom, clip[1])
        # The first block's place, then each next one below the one before (asking each
        # its geometry would walk again from the first block on screen).
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid():
            if top > bottom:
                break
            height = self.blockBoundingRect(block).height()
            block_top, top = top, top + height
            if top < above:
                block = block.next()
                continue
            pieces = self._spans.pieces.get(block.blockNumber(), ())
            layout = block.layout()
            per_line: dict[int, list[tuple[int, Status]]] = {}
            for piece in pieces:
                span = self._spans.by_id.get(piece.claim_id)
                if span is None or span.start != block.position() + piece.start:
                    continue  # only the line where the claim starts
                line = layout.lineForTextPosition(piece.start)
                if line.isValid():
                    per_line.setdefault(line.lineNumber(), []).append((piece.start, span.status))
            for number in sorted(per_line):
                line = layout.lineAt(number)
                statuses = [status for _start, status in sorted(per_line[number])]
                yield block_top + line.y(), line.height(), statuses
            block = block.next()

    def _update_margin(self, rect: QRect, dy: int) -> None:
        """Repaint the letters beside what the viewport repaints (all of them on a scroll)."""
        if dy or rect.height() >= self.viewport().height():
            self.margin.update()
        else:
            self.margin.update(0, rect.top(), self.margin.width(), rect.height())

    def right_margin(self, left: int) -> int:
        """The viewport's right margin: at least SIDE_MARGIN, more on a wide reader so
        that a line holds about MEASURE characters (long lines are hard to follow)."""
        measure = QFontMetricsF(self.font()).averageCharWidth() * MEASURE
        vbar = self.verticalScrollBar()
        bar = vbar.width() if vbar.isVisible() else 0
        spare = self.contentsRect().width() - bar - left - 2 * TEXT_MARGIN - measure
        return max(SIDE_MARGIN, int(spare))

    def _place_margin(self) -> None:
        width = self.margin.wanted_width()
        right = self.right_margin(width)
        # Room beyond the measure goes to both sides: the column stays in the middle,
        # the status letters beside it.
        shift = (right - SIDE_MARGIN) // 2
        margins = self.viewportMargins()
        if margins.left() != width + shift or margins.right() != right - shift:
            self.setViewportMargins(width + shift, 0, right - shift, 0)
        rect = self.contentsRect()
        self.margin.setGeometry(rect.left() + shift, rect.top(), width, rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_margin()

    def use_settings(self, settings: QSettings) -> None:
        """Read the analyst's zoom from *settings* and keep it there."""
        self.settings = settings
        value = settings.value(ZOOM_KEY, 0)
        try:
            self.zoom = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            self.zoom = 0
        self.apply_font()

    def apply_font(self) -> None:
        """The application font at the reader's zoom (again after either changed)."""
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, self.zoom))
        self.setFont(reader_font(self.zoom))
        self._place_margin()
        self.margin.update()

    def _app_font_changed(self, _font: QFont) -> None:
        self.apply_font()

    def zoom_by(self, steps: int) -> None:
        """Larger (steps > 0) or smaller text; 0 goes back to the application's size."""
        self.zoom = self.zoom + steps if steps else 0
        self.apply_font()
        if self.settings is not None:
            self.settings.setValue(ZOOM_KEY, self.zoom)

    def _add_zoom_actions(self) -> None:
        for name, keys, steps in (
            ("readerZoomIn", ("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn), 1),
            ("readerZoomOut", ("Ctrl+-", QKeySequence.StandardKey.ZoomOut), -1),
            ("readerZoomReset", ("Ctrl+0",), 0),
        ):
            action = QAction(self)
            action.setObjectName(name)
            sequences: list[QKeySequence] = []
            for key in keys:
                sequence = QKeySequence(key)
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _c=False, n=steps: self.zoom_by(n))
            self.addAction(action)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_by(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_dark(is_dark(self.palette()))
            self._update_selection_mark()
            self.margin.update()
        elif event.type() == QEvent.Type.FontChange and self._headings:
            # Headings are sized from the reader's font: draw them again at the new size.
            self.highlighter.set_pieces(self._spans.pieces, self._headings)

    # ------------------------------------------------------------ screen readers

    def announce_claim(self, claim_id: str | None) -> None:
        """Describe the claim (status, source, grading, words) to assistive technology."""
        if claim_id == self._announced:
            return
        self._announced = claim_id
        if claim_id is None:
            self.setAccessibleDescription("")
            return
        if not QAccessible.isActive():
            return  # no screen reader listens: nothing is read for it
        try:
            info = claim_ops.get_claim(self.ctx, claim_id)
        except ClaimDeskError:
            return
        announce(self, spoken_claim(info, claim_id in self.highlighter.superseded))

    def _describe_again(self) -> None:
        claim_id, self._announced = self._announced, None
        if claim_id in self._rows:
            self.announce_claim(claim_id)
        else:
            self.setAccessibleDescription("")

    def _caret_moved(self) -> None:
        if self._placing_caret or self.article_id is None:
            return
        self.announce_claim(self.claim_id_at(self.textCursor().position()))

    def _update_selection_mark(self) -> None:
        span = self._spans.by_id.get(self._selected or "")
        dark = self.highlighter.dark
        key = None if span is None else (span.start, span.end, span.status, dark)
        if key == self._mark_key:
            return  # the mark shown already (each laid out again costs a pass over blocks)
        self._mark_key = key
        if span is None:
            self.setExtraSelections([])
            return
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(selection_tint(span.status, dark=dark))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(underline_color(span.status, dark=dark))
        fmt.setProperty(QTextFormat.Property.FontUnderline, True)
        mark.format = fmt
        self.setExtraSelections([mark])

    def _step(self, forward: bool) -> str | None:
        spans = self._spans.spans
        if not spans:
            return None
        current = self._spans.by_id.get(self._selected or "")
        if current is not None:
            i = self._spans.position_of(current)
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

    # ------------------------------------------------------------ suggestions

    def set_suggestion_marks(self, ranges: list[tuple[int, int]]) -> None:
        """Underline these code-point ranges (suggested claims); only changed blocks repaint."""
        old = self.highlighter.marks
        new = mark_pieces(ranges, self._index, self._spans.block_starts)
        blocks = sorted(b for b in old.keys() | new.keys() if old.get(b) != new.get(b))
        self.highlighter.set_marks(new, blocks)

    def cursor_span(self) -> tuple[int, int]:
        """The cursor's selection in code points (start == end when nothing is selected)."""
        cursor = self.textCursor()
        start = self._index.to_codepoint(cursor.selectionStart())
        return start, self._index.to_codepoint(cursor.selectionEnd())

    def select_text(self, start: int, end: int) -> None:
        """Select text[start:end] (code points) and scroll it into view if it is not."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_utf16(start))
        cursor.setPosition(self._index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if not self.viewport().rect().contains(self.cursorRect(cursor)):
            self.centerCursor()

    # ------------------------------------------------------------ offsets

    def text_between(self, start: int, end: int) -> str:
        """The stored text[start:end] (code points) of the open article.

        A long text is not kept: its words are read from the document, each
        stand-in given back the invisible character the text holds there.
        """
        if self._text is not None:
            return self._text[start:end]
        length = self._index.length
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if end <= start:
            return ""
        a, b = self._index.to_utf16(start), self._index.to_utf16(end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        shown = cursor.selectedText().replace("\u2029", "\n")  # Qt's block separators
        if self._hidden_at is None:
            self._hidden_at = sorted(self._hidden.at)
        first = bisect_left(self._hidden_at, a)
        if first == len(self._hidden_at) or self._hidden_at[first] >= b:
            return shown
        units = bytearray(shown.encode("utf-16-le"))
        skip = -1
        for position in self._hidden_at[first : bisect_left(self._hidden_at, b)]:
            if position == skip:
                continue  # the second half of an astral character, written with the first
            ch = self._hidden.at[position]
            held = ch.encode("utf-16-le")
            at = 2 * (position - a)
            units[at : at + len(held)] = held
            skip = position + 1 if len(held) == 4 else -1
        return units.decode("utf-16-le")

    def _around(self, start: int, end: int) -> tuple[str, int]:
        """(text around text[start:end], the offset it starts at): the whole text when
        it is kept, else ``WORD_CONTEXT`` characters either side."""
        if self._text is not None:
            return self._text, 0
        lo = max(0, start - WORD_CONTEXT)
        return self.text_between(lo, end + WORD_CONTEXT), lo

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
        return innermost_at(self._spans, block.blockNumber(), position - block.position())

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

    def hidden_at(self, position: int) -> str | None:
        """The invisible or direction character shown by a stand-in at a document position."""
        return self._hidden.at.get(position)

    def tooltip_text(self, position: int) -> str:
        hidden = self.hidden_at(position)
        if hidden is not None:
            return (
                f"<b>Invisible character: {html.escape(describe(hidden))}</b><br>"
                "The article text holds it here; it is shown marked so it cannot "
                "hide or reorder the text around it."
            )
        claim_id = self.claim_id_at(position)
        if claim_id is None:
            return ""
        try:
            info = claim_ops.get_claim(self.ctx, claim_id)
        except ClaimDeskError:
            return ""
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
        status = info.status.label + (" · contested" if info.contested else "")
        if claim_id in self.highlighter.superseded:
            status += " · superseded by a newer claim"
        parts.append(f"Status: {status}")
        return "<br>".join(parts)

    # ------------------------------------------------------------ actions

    def new_claim_from_selection(self, *, exact: bool | None = None) -> bool:
        """Push a CreateClaimCommand for the selected words; False when nothing is selected.

        The selection is widened to whole words and trimmed of the spaces and stray
        punctuation around them, unless *exact* (or, when *exact* is None, the
        selection was dragged with Alt held).
        """
        span = self.selected_span()
        if self.article_id is None or span is None:
            self.ctx.dialogs.error(
                "New claim", "Select the words of the claim in the article first."
            )
            return False
        if not self.text_between(*span).strip():
            self.ctx.dialogs.error("New claim", "The selection holds only spaces.")
            return False
        if exact is None:
            exact = self._exact_selection == span
        if not exact:
            around, lo = self._around(*span)
            snapped = span_ops.snap_to_words(around, span[0] - lo, span[1] - lo)
            span = (snapped[0] + lo, snapped[1] + lo)
        if not self._another_over(*span):
            return False
        return claim_ops.new_claim(self.ctx, self.article_id, span[0], span[1])

    def new_exact_claim_from_selection(self) -> bool:
        """A claim over exactly the selected characters (no widening to whole words)."""
        return self.new_claim_from_selection(exact=True)

    def move_selected_claim_edge(self, edge: Edge, grow: bool) -> bool:
        """Move the selected claim's start or end by one word, as one undoable edit."""
        row = self._rows.get(self._selected or "")
        if row is None:
            return False
        claim_id, start, end = row[0], row[1], row[2]
        around, lo = self._around(start, end)
        found = span_ops.moved_edge(around, start - lo, end - lo, edge, grow)
        if found is None:
            return False
        moved = (found[0] + lo, found[1] + lo)
        return span_ops.move_claim_span(self.ctx, claim_id, moved, (start, end))

    def claims_over(self, start: int, end: int) -> list[str]:
        """The open article's claims over exactly text[start:end] (held here: no query)."""
        return [cid for cid, row in self._rows.items() if row[1] == start and row[2] == end]

    def _another_over(self, start: int, end: int) -> bool:
        """True to go on making a claim over text[start:end]; when one already covers
        exactly that text the analyst is asked first (selecting it is the default)."""
        existing = self.claims_over(start, end)
        if not existing:
            return True
        quote = " ".join(self.text_between(start, end).split())
        quote = quote if len(quote) <= 80 else quote[:79] + "…"
        n = len(existing)
        many = f" ({n} claims do)" if n > 1 else ""
        answer = self.ctx.dialogs.choose(
            "Claim already there",
            f"A claim already covers exactly this text{many}:\n“{quote}”\n\n"
            "Create another claim over the same words, or select the existing one?",
            list(DUPLICATE_CHOICES),
            default=SELECT_EXISTING,
        )
        if answer == CREATE_ANOTHER:
            return True
        if answer == SELECT_EXISTING:
            self.ctx.claimSelected.emit(existing[0])
        return False

    def delete_selected_claim(self) -> bool:
        if self._selected is None:
            return False
        claim_ops.delete_claim(self.ctx, self._selected)
        return True

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the stored text of the selection, not the stand-ins shown for it.

        The object is Qt's own, emptied and given the stored text: a QMimeData made
        in Python would be kept by the clipboard past the interpreter's end, and
        deleting it then crashes the process on exit.
        """
        data = super().createMimeDataFromSelection()
        data.text()  # Qt fills the formats lazily: fill them now, then drop them all
        for kind in data.formats():
            data.removeFormat(kind)
        span = self.selected_span()
        data.setText(self.text_between(*span) if span else "")
        return data

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
        if event.button() == Qt.MouseButton.LeftButton:
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self._exact_selection = self.selected_span() if alt else None
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = event.position().toPoint()
        if self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 4:
            return
        claim_id = self.claim_id_at(self.position_at(pos))
        if claim_id is not None and claim_id != self._selected:
            self.ctx.claimSelected.emit(claim_id)
