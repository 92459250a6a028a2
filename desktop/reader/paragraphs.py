"""Paragraph spacing and Markdown headings in the reader, by layout and format only.

The reader's document holds the article text as stored (one block per line), so
document positions keep mapping onto the claims' code-point offsets.  Spacing
between paragraphs comes from :class:`ParagraphLayout`, which reports each block
a little taller (a line followed by another line) or shorter (an empty line)
than its text lines; nothing is inserted.  A Markdown heading (``# Title``) is
drawn large and bold by the highlighter, its ``# `` marker squeezed to nothing
and made transparent; the characters stay where they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout

from db.anchors import Utf16Index

# Space between two paragraphs, as a share of the reader font's line spacing; an
# empty line between paragraphs is drawn this high instead of a whole line.
PARAGRAPH_GAP = 0.4
# A Markdown heading: one to six '#', a space, then the heading's words.
HEADING = re.compile(r"(#{1,6})[ \t]+(?=\S)")
LINE_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
# Heading sizes by level, relative to the reader font.
HEADING_SCALE = {1: 1.45, 2: 1.3, 3: 1.18, 4: 1.1, 5: 1.05, 6: 1.0}


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line: its level and the length of its marker ("## "), UTF-16."""

    level: int
    marker: int


def heading_of(text: str) -> Heading | None:
    """The heading a block's text makes, or None for an ordinary line."""
    match = HEADING.match(text)
    if match is None:
        return None
    return Heading(len(match.group(1)), match.end())


def paragraph_gap(document: QTextDocument) -> float:
    """The paragraph spacing for the document's current font, in pixels."""
    return round(QFontMetricsF(document.defaultFont()).lineSpacing() * PARAGRAPH_GAP)


class ParagraphLayout(QPlainTextDocumentLayout):
    """A plain-text layout with paragraph spacing.

    A non-empty block followed by another non-empty one gets ``paragraph_gap``
    below it; an empty block is drawn as tall as that gap.  Painting, hit
    testing, cursor rectangles and scrolling in QPlainTextEdit all ask this
    method for a block's height, so they agree with what is drawn.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._gap: float | None = None  # measured on first need after each change
        # How each block's height is told (_KEEP, _ADD, _CLAMP, _CLAMP_FIRST), by block
        # number: Qt asks again and again (every paint, every cursor or selection
        # change asks each block on screen), the answer only changes with the text.
        self._kinds: dict[int, int] = {}
        # (position, length) of the block whose formats alone are being set, if any.
        self._restyled: tuple[int, int] | None = None
        self._restyled_number = -1
        # Each block's rectangle as last told, by block number, until it is laid out again:
        # the editor asks for every block from the first on screen down to the one it
        # wants (a cursor's, a selection's), several times per claim made.  A change to
        # the text or a block's formats tells documentChanged first; a new width lays
        # every block out again and says so by the update signal, as a change does.
        self._rects: dict[int, QRectF] = {}
        self.update.connect(self._forget_rects)
        # While Qt lays out changed blocks (documentChanged), rectangles are measured
        # afresh and not kept: None, or the one block number being restyled, or _ALL.
        self._changing: int | None = None

    def gap(self) -> float:
        if self._gap is None:
            self._gap = paragraph_gap(self.document())
        return self._gap

    @contextmanager
    def restyling(self, block: QTextBlock) -> Iterator[None]:
        """Only the formats of *block* change meanwhile (a highlighter at work on it).

        Qt reports a block's new formats as its whole length removed and added again;
        the plain-text layout adds the two lengths, so the change seems to reach into
        the blocks after it: their layouts are thrown away and the whole view repaints.
        Told that only this block's formats change, the layout lays out this block
        alone and repaints its rectangle (the whole view only if its height changed).
        """
        self._restyled = (block.position(), block.length())
        self._restyled_number = block.blockNumber()
        try:
            yield
        finally:
            self._restyled = None

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        if self._restyled == (position, removed) and removed == added:
            # The block's text and font are as they were: its length counted once.
            number = self._restyled_number
            self._rects.pop(number, None)
            self._changing = number
            try:
                super().documentChanged(position, 0, added)
            finally:
                self._changing = None
                self._rects.pop(number, None)
            return
        # A new default font (the reader's zoom) reaches the layout here too, before the
        # blocks are laid out again: the gap is measured again for it.  Lines added,
        # removed or shown or hidden (told as changed too) renumber what follows.
        self._gap = None
        self._kinds.clear()
        self._rects.clear()
        self._changing = _ALL
        try:
            super().documentChanged(position, removed, added)
        finally:
            self._changing = None
            self._rects.clear()

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        number = block.blockNumber()
        kept = self._rects.get(number)
        if kept is not None:
            return QRectF(kept)
        rect = self._measure(block, number)
        changing = self._changing
        if changing is None or (changing != _ALL and changing != number):
            self._rects[number] = QRectF(rect)
        return rect

    def _forget_rects(self, _rect: QRectF | None = None) -> None:
        self._rects.clear()

    def _measure(self, block: QTextBlock, number: int) -> QRectF:
        rect = super().blockBoundingRect(block)
        if rect.isNull():
            return rect
        kind = self._kinds.get(number)
        if kind is None:
            kind = self._kinds[number] = _kind_of(block)
        if kind == _ADD:
            rect.setHeight(rect.height() + self.gap())
        elif kind != _KEEP:  # an empty line between paragraphs
            top = self.document().documentMargin() if kind == _CLAMP_FIRST else 0.0
            rect.setHeight(min(rect.height(), top + self.gap()))
        return rect


_KEEP, _ADD, _CLAMP, _CLAMP_FIRST = range(4)
_ALL = -1  # every block is being laid out again (see ParagraphLayout._changing)


def _kind_of(block: QTextBlock) -> int:
    """How *block*'s height is told: as laid out (hidden, or the last block: it keeps
    the document's bottom margin), with the gap below (a line followed by another
    line), or clamped to the gap (an empty line; the first keeps the top margin)."""
    if not block.isValid() or not block.isVisible():
        return _KEEP
    following = block.next()
    if not following.isValid():
        return _KEEP
    if block.length() <= 1:
        return _CLAMP_FIRST if block.blockNumber() == 0 else _CLAMP
    return _ADD if following.length() > 1 else _KEEP


def heading_formats(base: QFont, level: int) -> tuple[QTextCharFormat, QTextCharFormat]:
    """(marker, words) formats of a heading of *level* for a reader font *base*."""
    size = (base.pointSizeF() if base.pointSizeF() > 0 else 12.0) * HEADING_SCALE[level]
    words = QTextCharFormat()
    words.setFontPointSize(size)
    words.setFontWeight(QFont.Weight.Bold)
    marker = QTextCharFormat()
    marker.setFontPointSize(1.0)
    marker.setForeground(QColor(0, 0, 0, 0))
    marker.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    marker.setFontLetterSpacing(-1.0)
    return marker, words


def heading_blocks(text: str, index: Utf16Index, block_starts: Sequence[int]) -> list[int]:
    """Block numbers of the lines of *text* that are Markdown headings."""
    return blocks_at(heading_offsets(text), index, block_starts)


def heading_offsets(text: str) -> list[int]:
    """Code-point offsets of the lines of *text* that are Markdown headings (*text* may be
    a piece of whole lines of a longer one)."""
    return [match.start() for match in LINE_HEADING.finditer(text)]


def blocks_at(offsets: Iterable[int], index: Utf16Index, block_starts: Sequence[int]) -> list[int]:
    """The block numbers of the lines starting at *offsets* (code points)."""
    return [bisect_right(block_starts, index.to_utf16(at)) - 1 for at in offsets]
