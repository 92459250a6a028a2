"""Text in any script never crashes the readers, and every suggestion quotes its own offsets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from db.assist.suggest import suggest

PIECES = st.sampled_from(
    [
        " ", "\r\n", "\n\n", ", ", ". ", "“", "”", "\"", "'", "’s ", "-", "–", "—", "(", ")",
        "\u200b", "\u00a0", "\u202f", "\u202e", "🙂", "e\u0301", "1", "5", "00", ",000",
        ".5", "١٥٠٠", "만", "명", "тысяч", "тыс.", "million", "about", "according to",
        "said", "he said", "citing", "reportedly", "Seoul's spy agency", "Park Min-ho",
        "October", "8-13", "on Sunday", "earlier this month", "late February", "in 2024",
        "troops", "soldiers", "Kim", "NIS", "three", "one-third", "$", "%", "?", ":",
        "ifølge", "по данным", "에 따르면", "밝혔다", "قال", "إن", "، ",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=60), st.one_of(st.none(), st.dates()))
def test_any_text(pieces: list[str], published: dt.date | None) -> None:
    text = "".join(pieces)
    for language in (None, "en", "da", "ru", "ko", "ar"):
        for s in suggest(text, published, language):
            assert 0 <= s.start <= s.target_start <= s.target_end <= s.end <= len(text)
            assert text[s.start : s.end] == s.quote
            assert s.kind in ("figure", "date", "quotation", "attribution")
