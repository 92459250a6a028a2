"""What the reader needs to know of an article's text, gathered from its pieces.

The reader maps code points onto the document's UTF-16 positions, cuts claims at
line breaks, marks invisible characters and draws Markdown headings.  All of that
is found here one piece of whole lines at a time (:mod:`db.text_slices`), so a very
long text never has to be held as one ``str`` to be shown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from db.anchors import Utf16Index, astral_offsets
from db.invisible import hidden_in
from desktop.reader.hidden import HiddenMarks, marks_of
from desktop.reader.paragraphs import blocks_at, heading_offsets


@dataclass
class TextScan:
    """Offsets (code points) found so far in the pieces given to :meth:`add`."""

    length: int = 0
    astral: list[int] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # of each line break
    hidden: list[tuple[int, str]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)

    def add(self, piece: str) -> None:
        """Take in the next piece; every piece but the last must end at a line break."""
        at = self.length
        self.astral.extend(at + n for n in astral_offsets(piece))
        find = piece.find
        n = find("\n")
        while n >= 0:
            self.breaks.append(at + n)
            n = find("\n", n + 1)
        self.hidden.extend((at + n, ch) for n, ch in hidden_in(piece))
        self.headings.extend(at + n for n in heading_offsets(piece))
        self.length += len(piece)

    def layout(self) -> ScannedText:
        index = Utf16Index.of_astral(self.length, self.astral)
        block_starts = [0, *(index.to_utf16(n + 1) for n in self.breaks)]
        return ScannedText(
            index,
            block_starts,
            marks_of(self.hidden, index, block_starts),
            blocks_at(self.headings, index, block_starts),
            [n for n, _ch in self.hidden],
        )


@dataclass(frozen=True)
class ScannedText:
    index: Utf16Index
    block_starts: list[int]  # UTF-16 position of each line's first character
    hidden: HiddenMarks
    headings: list[int]  # block numbers of Markdown headings
    hidden_offsets: list[int]  # code points of the invisible characters, in order

    def hides_between(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds an invisible character (shown by a stand-in)."""
        n = bisect_left(self.hidden_offsets, start)
        return n < len(self.hidden_offsets) and self.hidden_offsets[n] < end


def scan(pieces: Iterable[str]) -> ScannedText:
    found = TextScan()
    for piece in pieces:
        found.add(piece)
    return found.layout()
