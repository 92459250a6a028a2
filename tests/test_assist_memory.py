"""Suggestions for a long article: the shared word index is read a stretch at a time,
gives what one split of the whole text gave, and is let go once the figures and dates
are read."""

from __future__ import annotations

import re
import tracemalloc
from array import array

from db.assist import date_words
from db.assist.date_words import forget_word_index, word_index
from db.assist.suggest import candidates

SENTENCE = "The harbour master counted 412 trawlers at the quay on Monday, 3 March 2025."


def _long_text(lines: int) -> str:
    return "\n".join(f"{SENTENCE} Line {n}: Straße, Ölhafen, 항구 {n}." for n in range(lines))


def _reference(folded: str) -> tuple[array[int], array[int], list[str]]:
    """Every word of *folded* read one match at a time."""
    found = list(re.finditer(r"\w+", folded))
    return (
        array("q", (m.start() for m in found)),
        array("q", (m.end() for m in found)),
        [m.group().casefold() for m in found],
    )


def test_word_index_matches_one_read_of_the_whole_text() -> None:
    forget_word_index()
    line_longer_than_a_stretch = "ab " * 10_000  # (a stretch is 8,192 characters)
    for text in (
        "",
        "no break at all",
        "\n\nWords\n",
        "  ends with a gap  ",
        _long_text(400),
        line_longer_than_a_stretch + "\nnext line, ÉTÉ",
        "ǅemal İstanbul ﬁne " * 2000,  # casefolding changes the lengths of words
    ):
        assert word_index(text) == _reference(text), text[:30]
    forget_word_index()


def test_word_index_of_a_long_text_holds_no_string_per_gap() -> None:
    text = _long_text(3000)  # about 250,000 characters, 45,000 words
    forget_word_index()
    tracemalloc.start()
    try:
        begin = tracemalloc.get_traced_memory()[0]
        starts, _ends, words = word_index(text)
        held, peak = (m - begin for m in tracemalloc.get_traced_memory())
    finally:
        tracemalloc.stop()
        forget_word_index()
    assert len(starts) == len(words) > 40_000
    # Split whole, every word and every gap between two was a string at once: the peak
    # was 7.6 times what the index holds; a stretch at a time, 1.25 times.
    assert peak < 2 * held


def test_suggestions_let_go_of_the_word_index() -> None:
    forget_word_index()
    found = candidates(_long_text(200), None, None, [], "")
    assert any(s.kind == "figure" for s in found)
    assert any(s.kind == "date" for s in found)
    assert date_words._words.cache_info().currsize == 0
    assert date_words._positions.cache_info().currsize == 0
