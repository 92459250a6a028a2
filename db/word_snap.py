"""Whole words for claim spans: snapping a selection, and moving one edge a word.

Pure functions on a text and code-point offsets (Python ``str`` indices); the
reader converts Qt's UTF-16 positions before calling them.

A *word* is a run of Unicode letters, digits, marks and ``_`` (Hangul,
Cyrillic and Latin alike).  A joiner between two word characters keeps them in
one word: the apostrophe of "don't", the hyphen of "Yu Yong-weon", the comma
and point of "3,500" and "1.5".  At the ends of a span, spaces, punctuation
and pictographs are trimmed, except what belongs to the words: a quotation mark
or bracket whose partner is inside the span, a per cent sign after a number, a
minus or a currency sign before one, and the final point of an abbreviation
such as "U.S.".  Invisible formatting characters (direction marks) are kept:
the quote must show what the text holds.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Edge = Literal["start", "end"]

JOINERS = frozenset("'’‘.,-‐‑·")
# Opening -> closing marks kept when both ends are inside the span.
PAIRS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "“": "”",
    "‘": "’",
    "«": "»",
    "„": "“",
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
    '"': '"',
}
CLOSERS = {closing: opening for opening, closing in PAIRS.items()}
AFTER_NUMBER = frozenset("%‰‱")
BEFORE_NUMBER = frozenset("-−+±~≈")


def is_word_char(char: str) -> bool:
    """A letter, digit, combining mark or underscore of any script."""
    if char.isalnum() or char == "_":
        return True
    return unicodedata.category(char)[0] == "M"


def _word_at(text: str, i: int) -> bool:
    """True when text[i] belongs to a word (a joiner counts between word characters)."""
    if not 0 <= i < len(text):
        return False
    char = text[i]
    if is_word_char(char):
        return True
    return (
        char in JOINERS
        and 0 < i < len(text) - 1
        and is_word_char(text[i - 1])
        and is_word_char(text[i + 1])
    )


def word_bounds(text: str, i: int) -> tuple[int, int] | None:
    """(start, end) of the word holding text[i], or None when text[i] is no word's."""
    if not _word_at(text, i):
        return None
    start = i
    while start > 0 and _word_at(text, start - 1):
        start -= 1
    end = i + 1
    while end < len(text) and _word_at(text, end):
        end += 1
    return start, end


def _keep_before(text: str, start: int, end: int) -> int:
    """Move *start* left over marks that belong to the first word (sign, currency)."""
    if start > 0 and text[start - 1] in BEFORE_NUMBER and text[start].isdigit():
        if start == 1 or not is_word_char(text[start - 2]):
            return start - 1
    if start > 0 and unicodedata.category(text[start - 1]) == "Sc" and text[start].isdigit():
        return start - 1
    return start


def _keep_after(text: str, start: int, end: int) -> int:
    """Move *end* right over marks that belong to the last word (per cent, abbreviation)."""
    if end < len(text) and text[end] in AFTER_NUMBER and text[end - 1].isdigit():
        return end + 1
    if (
        end < len(text)
        and text[end] == "."
        and end - start >= 3
        and text[end - 2] == "."
        and text[end - 1].isalpha()
        and (end + 1 == len(text) or not is_word_char(text[end + 1]))
    ):
        return end + 1  # "U.S." keeps its last point
    return end


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the partner of an opening or closing mark that stands inside the span.

    A quotation that starts inside the span and closes right after it (or the
    other way round) is taken whole; marks standing alone at the ends are not.
    """
    inside = text[start:end]
    if end < len(text) and text[end] in CLOSERS:
        opening = CLOSERS[text[end]]
        if inside.count(opening) > inside.count(text[end]) or (
            opening == text[end] and inside.count(opening) % 2 == 1
        ):
            end += 1
    if start > 0 and text[start - 1] in PAIRS:
        closing = PAIRS[text[start - 1]]
        inside = text[start:end]
        if inside.count(closing) > inside.count(text[start - 1]) or (
            closing == text[start - 1] and inside.count(closing) % 2 == 1
        ):
            start -= 1
    return start, end


def _trimmable(char: str) -> bool:
    """Spaces, punctuation, emoji and other pictographs; never letters, digits, currency
    or maths signs, nor the invisible formatting characters a reader must see quoted."""
    if char.isspace():
        return True
    category = unicodedata.category(char)
    return category[0] == "P" or category in ("So", "Sk", "Cc")


def _kept_at_start(text: str, lo: int, hi: int) -> bool:
    """True when text[lo] belongs to the span although it is punctuation."""
    char = text[lo]
    if char in BEFORE_NUMBER and lo + 1 < hi and text[lo + 1].isdigit():
        return lo == 0 or not is_word_char(text[lo - 1])
    if char in PAIRS:
        closing = PAIRS[char]
        rest = text[lo + 1 : hi]
        return closing in rest if closing != char else rest.count(char) % 2 == 1
    return False


def _kept_at_end(text: str, lo: int, hi: int) -> bool:
    """True when text[hi - 1] belongs to the span although it is punctuation."""
    char = text[hi - 1]
    if char in AFTER_NUMBER:
        return hi - 2 >= lo and text[hi - 2].isdigit()
    if char in CLOSERS:
        opening = CLOSERS[char]
        rest = text[lo : hi - 1]
        return opening in rest if opening != char else rest.count(char) % 2 == 1
    if char == ".":
        return _keep_after(text, lo, hi - 1) == hi  # the last point of "U.S."
    return False


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] widened to the whole words it cuts, then trimmed of the spaces and
    punctuation at its ends (what belongs to its words stays).

    A span that holds nothing but trimmable characters comes back trimmed of spaces
    only, or as it was when nothing else is left.
    """
    length = len(text)
    start, end = max(0, min(start, length)), max(0, min(end, length))
    if end <= start:
        return start, end
    lo, hi = start, end
    while 0 < lo < length and _word_at(text, lo - 1) and _word_at(text, lo):
        lo -= 1
    while 0 < hi < length and _word_at(text, hi - 1) and _word_at(text, hi):
        hi += 1
    while lo < hi and _trimmable(text[lo]) and not _kept_at_start(text, lo, hi):
        lo += 1
    while hi > lo and _trimmable(text[hi - 1]) and not _kept_at_end(text, lo, hi):
        hi -= 1
    if hi <= lo:
        lo, hi = start, end
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        return (lo, hi) if hi > lo else (start, end)
    lo = _keep_before(text, lo, hi)
    hi = _keep_after(text, lo, hi)
    return _balanced(text, lo, hi)


def _next_word_end(text: str, i: int) -> int | None:
    """End of the first word that ends after position *i*."""
    j = i
    while j < len(text) and not _word_at(text, j):
        j += 1
    bounds = word_bounds(text, j) if j < len(text) else None
    return bounds[1] if bounds else None


def _previous_word_start(text: str, i: int) -> int | None:
    """Start of the last word that starts before position *i*."""
    j = i - 1
    while j >= 0 and not _word_at(text, j):
        j -= 1
    bounds = word_bounds(text, j) if j >= 0 else None
    return bounds[0] if bounds else None


def move_edge(text: str, start: int, end: int, edge: Edge, grow: bool) -> tuple[int, int] | None:
    """The span with one edge moved by a word: the end edge grows to the right and
    shrinks to the left, the start edge grows to the left and shrinks to the right.

    Returns None when the edge cannot move (the text's end, or a span that would
    be left without a word).
    """
    if not 0 <= start < end <= len(text):
        return None
    if edge == "end":
        if grow:
            new_end = _next_word_end(text, end)
            if new_end is None:
                return None
            return _balanced(text, start, _keep_after(text, start, new_end))
        new_end = _previous_word_start(text, end)
        if new_end is None or new_end <= start:
            return None
        # Back to the end of the word before the last one.
        j = new_end
        while j > start and not _word_at(text, j - 1):
            j -= 1
        if j <= start:
            return None
        return start, _keep_after(text, start, j)
    if grow:
        new_start = _previous_word_start(text, start)
        if new_start is None:
            return None
        return _balanced(text, _keep_before(text, new_start, end), end)
    # Shrink from the left: the start goes to the word after the first one.
    first_end = _next_word_end(text, start)
    if first_end is None or first_end >= end:
        return None
    j = first_end
    while j < end and not _word_at(text, j):
        j += 1
    if j >= end:
        return None
    return _keep_before(text, j, end), end
