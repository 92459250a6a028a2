"""Where the reader marks invisible and direction characters (:mod:`db.invisible`).

The reader shows a visible stand-in for each such character, as long in UTF-16
as the character, so document positions still map onto code-point offsets;
the highlighter paints the stand-ins in a warning colour, and the tooltip over
one names the character the text really holds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from db.anchors import Utf16Index
from db.invisible import hidden_in


@dataclass(frozen=True, slots=True)
class HiddenMarks:
    # Block number -> (start, length) of each stand-in, block-relative, UTF-16.
    by_block: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    # Document (UTF-16) position -> the character the stored text holds there.
    at: dict[int, str] = field(default_factory=dict)


def hidden_marks(text: str, index: Utf16Index, block_starts: Sequence[int]) -> HiddenMarks:
    return marks_of(hidden_in(text), index, block_starts)


def marks_of(
    found: Iterable[tuple[int, str]], index: Utf16Index, block_starts: Sequence[int]
) -> HiddenMarks:
    """The marks of the hidden characters *found* ((code-point offset, character) pairs)."""
    blocks: dict[int, list[tuple[int, int]]] = {}
    at: dict[int, str] = {}
    for offset, ch in found:
        position = index.to_utf16(offset)
        length = 2 if ord(ch) > 0xFFFF else 1
        block = bisect_right(block_starts, position) - 1
        blocks.setdefault(block, []).append((position - block_starts[block], length))
        at[position] = ch
        if length == 2:
            at[position + 1] = ch
    return HiddenMarks({b: tuple(marks) for b, marks in blocks.items()}, at)
