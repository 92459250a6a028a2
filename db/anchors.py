"""Text anchors: code-point offsets, quotes, context, and UTF-16 conversion.

Stored offsets count Unicode code points (Python ``str`` indices), as the W3C
TextPositionSelector does.  Qt counts UTF-16 code units; the conversions here
are used at the widget boundary only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from db.errors import InvalidInput, NotFound

CONTEXT_CHARS = 32


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor for ``text[start:end]`` with its surrounding context."""
    if not 0 <= start < end <= len(text):
        raise InvalidInput(
            f"The span {start}–{end} is not a non-empty range inside the text (0–{len(text)})."
        )
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def find_quote(text: str, quote: str, occurrence: int = 1) -> Anchor:
    """The anchor of the *occurrence*-th (1-based) appearance of *quote* in *text*."""
    if not quote:
        raise InvalidInput("The quote is empty.")
    if occurrence < 1:
        raise InvalidInput("The occurrence must be 1 or more.")
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            break
    if pos < 0:
        shown = quote if len(quote) <= 60 else quote[:57] + "..."
        where = "" if occurrence == 1 else f" {occurrence} times"
        raise NotFound(f'The quote "{shown}" does not occur{where} in the article.')
    return make_anchor(text, pos, pos + len(quote))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral_offsets(text: str) -> list[int]:
    """Code-point offsets of the characters of *text* beyond the Basic Multilingual Plane."""
    return [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]


class Utf16Index:
    """Converts between code-point and UTF-16 offsets of one text in O(log n).

    Only characters outside the Basic Multilingual Plane (emoji, rare CJK)
    take two UTF-16 units; their code-point positions are kept sorted.  A text
    without any (the common case) is checked with one scan in C and converts
    offsets as they are.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral: list[int] = []
        if not text.isascii():
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset of each astral character.
        self._astral16 = [cp + n for n, cp in enumerate(self._astral)]

    @classmethod
    def of_astral(cls, length: int, astral: list[int]) -> Utf16Index:
        """The index of a text of *length* code points whose characters beyond the Basic
        Multilingual Plane stand at *astral* (sorted): for a text read in pieces."""
        index = cls("")
        index.length = length
        index._astral = astral
        index._astral16 = [cp + n for n, cp in enumerate(astral)]
        return index

    @property
    def trivial(self) -> bool:
        """True when code-point and UTF-16 offsets are the same for this text."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        return cp + bisect_right(self._astral, cp - 1)

    def to_codepoint(self, u16: int) -> int:
        if not self._astral:
            return u16
        # Number of astral chars that end at or before u16.
        n = bisect_right(self._astral16, u16 - 2)
        return u16 - n
