"""Paints claim highlights and suggestion underlines as layout formats; the document
itself is never edited."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from db.models import Status
from desktop.palette import is_dark, superseded_color, tint, underline_color
from desktop.reader.paragraphs import ParagraphLayout, heading_formats, heading_of
from desktop.reader.spans import Piece

# Suggested claims: a faint dotted underline, under any claim highlight.
SUGGESTION_COLOR = QColor(70, 110, 190)
# Longer lines starting with '#' are not taken for headings.
HEADING_LIMIT = 300
# Stand-ins for invisible and direction characters: dark red on pale red, over
# anything else painted there.
HIDDEN_FOREGROUND = QColor(150, 0, 0)
HIDDEN_BACKGROUND = QColor(255, 205, 205)
# More blocks than this to highlight again at once (suggestions arriving, the page turning
# dark): the whole document is highlighted in one pass, which costs less than telling the
# layout of each block's change one by one.
BATCH_BLOCKS = 40


class ClaimHighlighter(QSyntaxHighlighter):
    """Holds per-block pieces; ``highlightBlock`` formats that block's pieces only.

    Pieces arrive outermost first, so nested claims are painted over their
    parents with a darker tint and an underline in the status colour.  A
    superseded claim (one a newer claim updates) is painted faded and struck
    through.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._pieces: dict[int, tuple[Piece, ...]] = {}
        self._formats: dict[tuple[Status, int, bool], QTextCharFormat] = {}
        self.dark = is_dark()  # highlights of a dark page are fainter (light text on them)
        self.superseded: frozenset[str] = frozenset()
        # Suggestion underlines: block number -> (start, length) block-relative, UTF-16.
        self._marks: dict[int, tuple[tuple[int, int], ...]] = {}
        self._mark_format = QTextCharFormat()
        self._mark_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        self._mark_format.setUnderlineColor(SUGGESTION_COLOR)
        # Invisible-character stand-ins: block number -> (start, length), UTF-16.
        self._hidden: dict[int, tuple[tuple[int, int], ...]] = {}
        self._hidden_format = QTextCharFormat()
        self._hidden_format.setForeground(HIDDEN_FOREGROUND)
        self._hidden_format.setBackground(HIDDEN_BACKGROUND)
        self._hidden_format.setFontWeight(700)
        # Diagnostics: how many times a block was highlighted (tests check the work done).
        self.highlight_calls = 0
        self.batched_passes = 0  # changes of many blocks made as one pass

    def _format(self, status: Status, depth: int, superseded: bool = False) -> QTextCharFormat:
        key = (status, min(depth, 4), superseded)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            background = tint(status, depth, dark=self.dark)
            if superseded:
                background.setAlpha(background.alpha() // 2)
                fmt.setFontStrikeOut(True)
                fmt.setForeground(superseded_color())
            fmt.setBackground(background)
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.SingleUnderline
                if depth == 0
                else QTextCharFormat.UnderlineStyle.DashUnderline
            )
            fmt.setUnderlineColor(underline_color(status, dark=self.dark))
            self._formats[key] = fmt
        return fmt

    def set_dark(self, dark: bool) -> None:
        """The page turned dark or light: every highlight is painted again."""
        if dark == self.dark:
            return
        self.dark = dark
        self._formats.clear()
        self.set_pieces(self._pieces, range(self.document().blockCount()))

    def set_pieces(
        self, pieces: dict[int, tuple[Piece, ...]], blocks: Iterable[int] | None = None
    ) -> None:
        """Replace the pieces; re-highlight *blocks* only (None: nothing, caller decides)."""
        self._pieces = pieces
        if blocks is None:
            return
        document = self.document()
        # Re-highlighting opens an (empty) edit block, which Qt counts as a
        # modification; the text and its formats are untouched, so keep the flag.
        was_modified = document.isModified()
        numbers = list(blocks)
        if len(numbers) > BATCH_BLOCKS:
            # One pass in one edit: the layout hears of one change, not one per block
            # (each would lay its block out again and reposition the view).
            self.rehighlight()
            self.batched_passes += 1
        else:
            layout = document.documentLayout()
            for number in numbers:
                block = document.findBlockByNumber(number)
                if not block.isValid():
                    continue
                if isinstance(layout, ParagraphLayout):
                    # Only this block is laid out and repainted again (see restyling).
                    with layout.restyling(block):
                        self.rehighlightBlock(block)
                else:
                    self.rehighlightBlock(block)
        document.setModified(was_modified)

    def set_superseded(self, claim_ids: Iterable[str], blocks: Iterable[int]) -> None:
        """Replace the superseded claims and re-highlight *blocks*."""
        self.superseded = frozenset(claim_ids)
        self.set_pieces(self._pieces, blocks)

    def set_marks(
        self, marks: dict[int, tuple[tuple[int, int], ...]], blocks: Iterable[int]
    ) -> None:
        """Replace the suggestion underlines and re-highlight *blocks*."""
        self._marks = marks
        self.set_pieces(self._pieces, blocks)

    def set_hidden(self, hidden: dict[int, tuple[tuple[int, int], ...]]) -> None:
        """Where the stand-ins of invisible characters are; set before the text."""
        self._hidden = hidden

    @property
    def hidden(self) -> dict[int, tuple[tuple[int, int], ...]]:
        return self._hidden

    @property
    def marks(self) -> dict[int, tuple[tuple[int, int], ...]]:
        return self._marks

    def highlightBlock(self, text: str) -> None:
        self.highlight_calls += 1
        number = self.currentBlock().blockNumber()
        for start, length in self._marks.get(number, ()):
            self.setFormat(start, length, self._mark_format)
        for piece in self._pieces.get(number, ()):
            fmt = self._format(piece.status, piece.depth, piece.claim_id in self.superseded)
            self.setFormat(piece.start, piece.length, fmt)
        for start, length in self._hidden.get(number, ()):
            self.setFormat(start, length, self._hidden_format)
        if text.startswith("#") and len(text) <= HEADING_LIMIT:
            self._format_heading(text)

    def _format_heading(self, text: str) -> None:
        """A Markdown heading drawn large and bold over whatever else is painted on it;
        its marker ("# ") is squeezed and transparent, never removed."""
        heading = heading_of(text)
        if heading is None:
            return
        marker, words = heading_formats(self.document().defaultFont(), heading.level)
        for position in range(len(text.encode("utf-16-le")) // 2):  # Qt counts UTF-16
            fmt = self.format(position)
            fmt.merge(marker if position < heading.marker else words)
            self.setFormat(position, 1, fmt)
