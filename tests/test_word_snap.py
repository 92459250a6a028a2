"""Whole-word selections and word steps of a claim's edges (db.word_snap), on the seed
articles and on Hangul, Cyrillic and astral-plane text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.word_snap import is_word_char, move_edge, snap_to_words, word_bounds

MIXED = (
    "Он сказал: «Мы отправим 3,500 солдат». Министр Ким Ён-ун (KCNA) не ответил.\n"
    "북한은 러시아에 병력을 파견했다고 국정원이 밝혔다.\n"
    "Rates rose 4.5% in the U.S. on Monday, a loss of -2 points 😀 for $15 bonds."
)


def cut(text: str, quote: str, head: int = 0, tail: int = 0) -> tuple[int, int]:
    """The span of *quote* in *text*, its ends moved inwards by *head* / *tail*."""
    start = text.index(quote)
    return start + head, start + len(quote) - tail


def snapped(text: str, start: int, end: int) -> str:
    lo, hi = snap_to_words(text, start, end)
    return text[lo:hi]


@pytest.mark.parametrize(
    ("quote", "head", "tail", "expected"),
    [
        ("Мы отправим 3,500", 0, 3, "Мы отправим 3,500"),  # a number cut after its comma
        ("отправим", 2, 2, "отправим"),  # inside one Cyrillic word
        ("병력을 파견했다고", 1, 2, "병력을 파견했다고"),  # Hangul cut at both ends
        ("러시아에 ", 0, 0, "러시아에"),  # the trailing space goes
        ("Ким Ён-ун", 0, 2, "Ким Ён-ун"),  # a hyphenated name cut inside
        ("Ён-ун (KCNA", 0, 0, "Ён-ун (KCNA)"),  # an opened bracket takes its partner
        ("(KCNA) не", 0, 0, "(KCNA) не"),  # a bracket closed inside the span stays
        ("«Мы отправим 3,500 солдат».", 0, 0, "«Мы отправим 3,500 солдат»"),  # a whole quote
        (": «Мы", 0, 0, "Мы"),  # leading punctuation and quote mark go
        ("rose 4", 0, 0, "rose 4.5%"),  # a per cent sign stays with its number
        ("in the U.S", 0, 0, "in the U.S."),  # an abbreviation keeps its last point
        ("U.S. on Monday,", 0, 0, "U.S. on Monday"),  # a trailing comma goes
        ("2 points", 0, 0, "-2 points"),  # a minus sign stays with its number
        ("15 bonds.", 0, 0, "$15 bonds"),  # so does a currency sign
        ("points 😀 for", 2, 1, "points 😀 for"),  # astral characters are one code point
    ],
)
def test_cut_words_are_completed_and_punctuation_trimmed(quote, head, tail, expected) -> None:  # type: ignore[no-untyped-def]
    start, end = cut(MIXED, quote, head, tail)
    assert snapped(MIXED, start, end) == expected


def test_direction_marks_at_the_ends_stay_in_the_quote() -> None:
    text = "The file invoice\u202egnp.exe\u202c was sent."
    start, end = text.index("invoice"), text.index(" was")
    assert snapped(text, start, end) == "invoice\u202egnp.exe\u202c"
    assert snapped(text, start, end + 7) == "invoice\u202egnp.exe\u202c was sent"


def test_a_span_without_words_keeps_its_characters_less_the_spaces() -> None:
    start, end = cut(MIXED, " (")
    assert snapped(MIXED, start, end) == "("
    assert snap_to_words(MIXED, 5, 5) == (5, 5)


def test_word_characters_cover_every_script() -> None:
    assert all(is_word_char(c) for c in "aЖ한٣_")
    assert not any(is_word_char(c) for c in " ,.«»-😀")
    # A combining accent belongs to the word it decorates.
    text = "cafe\u0301 noir"
    assert word_bounds(text, 1) == (0, 5)


def _words(text: str) -> list[tuple[int, int]]:
    spans, i = [], 0
    while i < len(text):
        bounds = word_bounds(text, i)
        if bounds is None:
            i += 1
        else:
            spans.append(bounds)
            i = bounds[1]
    return spans


def test_every_cut_of_the_seed_articles_snaps_to_the_words_it_touches(
    seed_paths: list[Path],
) -> None:
    """Cut one or two characters off words of each seed article: the snap gives them
    back whole, starts and ends on words, and snapping again changes nothing."""
    checked = 0
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        words = _words(text)
        assert len(words) > 50
        for n in range(0, len(words) - 6, 7):
            first, last = words[n], words[n + 5]
            if first[1] - first[0] < 3 or last[1] - last[0] < 3:
                continue
            start, end = first[0] + 1, last[1] - 2  # a slightly short drag
            lo, hi = snap_to_words(text, start, end)
            assert lo <= first[0] and hi >= last[1], (path.name, text[start:end])
            assert text[lo:hi].strip() == text[lo:hi]
            assert snap_to_words(text, lo, hi) == (lo, hi)
            assert word_bounds(text, hi - 1) is None or word_bounds(text, hi - 1)[1] <= hi
            checked += 1
    assert checked > 100


def test_end_edge_steps_a_word_at_a_time_and_back() -> None:
    start, end = cut(MIXED, "러시아에")
    grown = move_edge(MIXED, start, end, "end", True)
    assert grown is not None and MIXED[grown[0] : grown[1]] == "러시아에 병력을"
    assert move_edge(MIXED, *grown, "end", False) == (start, end)
    # One word left: it cannot shrink further.
    assert move_edge(MIXED, start, end, "end", False) is None
    assert move_edge(MIXED, start, end, "start", False) is None


def test_start_edge_steps_a_word_at_a_time_and_back() -> None:
    start, end = cut(MIXED, "отправим 3,500")
    grown = move_edge(MIXED, start, end, "start", True)
    assert grown is not None and MIXED[grown[0] : grown[1]] == "Мы отправим 3,500"
    shrunk = move_edge(MIXED, *grown, "start", False)
    assert shrunk == (start, end)
    shrunk = move_edge(MIXED, start, end, "start", False)
    assert shrunk is not None and MIXED[shrunk[0] : shrunk[1]] == "3,500"


def test_edges_stop_at_the_text_ends() -> None:
    text = "Alpha beta"
    assert move_edge(text, 0, 5, "start", True) is None
    assert move_edge(text, 6, 10, "end", True) is None
    assert move_edge(text, 0, 5, "end", True) == (0, 10)
    assert move_edge(text, 3, 3, "end", True) is None  # an empty span is no claim
