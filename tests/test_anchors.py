"""Anchors over hard text: emoji, Hangul, Cyrillic, Arabic, combining marks, CRLF, RTL runs."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from db.analysts import bind_analyst
from db.anchors import CONTEXT_CHARS, Utf16Index, find_quote, make_anchor
from db.articles import NewArticle, add_article, article_text
from db.claims import create_claim, create_claim_by_quote, get_claim
from db.errors import InvalidInput, NotFound
from db.workspace import Workspace, open_workspace

FRAGMENTS = [
    "😀",
    "🇰🇷",  # two regional indicators
    "👩‍👩‍👧",  # ZWJ sequence
    "𠀀",  # astral CJK
    "원산",
    "평양에서",
    "переводчики",
    "Курск",
    "مرحبا",
    "\u200f",  # right-to-left mark
    "\u202eabc\u202c",  # RTL override run
    "e\u0301",  # e + combining acute
    "\u0928\u094d\u0937",  # Devanagari conjunct
    "\r\n",
    "\n",
    " ",
    "1,500",
    "troops",
]
chars = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
pieces = st.one_of(st.sampled_from(FRAGMENTS), chars)
texts = st.lists(pieces, max_size=60).map("".join)
nonempty_texts = st.lists(pieces, min_size=1, max_size=60).map("".join)


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_fragments_cover_the_hard_cases() -> None:
    joined = "".join(FRAGMENTS)
    assert any(ord(c) > 0xFFFF for c in joined)
    assert "\r\n" in joined and "\u0301" in joined and "\u200f" in joined


@given(texts)
def test_utf16_index_matches_encoding(text: str) -> None:
    index = Utf16Index(text)
    assert index.length == len(text)
    for i in range(len(text) + 1):
        u16 = index.to_utf16(i)
        assert u16 == utf16_len(text[:i])
        assert index.to_codepoint(u16) == i


@given(texts)
def test_to_codepoint_is_monotonic_and_bounded(text: str) -> None:
    index = Utf16Index(text)
    total = utf16_len(text)
    previous = 0
    for u16 in range(total + 1):
        cp = index.to_codepoint(u16)
        assert previous <= cp <= len(text)
        # Inside a surrogate pair the answer is one of the two surrounding boundaries.
        assert utf16_len(text[: max(cp - 1, 0)]) <= u16 <= utf16_len(text[:cp])
        previous = cp


@given(nonempty_texts, st.data())
def test_make_anchor_quote_and_context(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    anchor = make_anchor(text, start, end)
    assert (anchor.start, anchor.end) == (start, end)
    assert anchor.quote == text[start:end]
    assert anchor.prefix == text[max(0, start - CONTEXT_CHARS) : start]
    assert anchor.suffix == text[end : end + CONTEXT_CHARS]
    assert len(anchor.prefix) <= CONTEXT_CHARS and len(anchor.suffix) <= CONTEXT_CHARS
    assert anchor.prefix + anchor.quote + anchor.suffix in text
    index = Utf16Index(text)
    units = text.encode("utf-16-le")
    a, b = index.to_utf16(start), index.to_utf16(end)
    assert units[2 * a : 2 * b].decode("utf-16-le") == anchor.quote


def test_context_is_32_code_points_even_with_astral_characters() -> None:
    text = "😀" * 40 + "X" + "원" * 40
    anchor = make_anchor(text, 40, 41)
    assert anchor.prefix == "😀" * 32 and anchor.suffix == "원" * 32
    assert CONTEXT_CHARS == 32


@given(nonempty_texts, st.data())
def test_find_quote_finds_each_occurrence(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 8)))
    quote = text[start:end]
    positions = [i for i in range(len(text)) if text.startswith(quote, i)]
    for n, pos in enumerate(positions, start=1):
        anchor = find_quote(text, quote, n)
        assert anchor.start == pos and anchor.quote == quote
        assert text[anchor.start : anchor.end] == quote
    with pytest.raises(NotFound):
        find_quote(text, quote, len(positions) + 1)


@given(texts, st.integers(-3, 70), st.integers(-3, 70))
def test_bad_spans_are_refused(text: str, start: int, end: int) -> None:
    assume(not 0 <= start < end <= len(text))
    with pytest.raises(InvalidInput):
        make_anchor(text, start, end)


def test_missing_and_empty_quotes_are_refused() -> None:
    with pytest.raises(NotFound, match="does not occur"):
        find_quote("평양 and 원산", "Seoul")
    with pytest.raises(InvalidInput):
        find_quote("text", "")
    with pytest.raises(InvalidInput):
        find_quote("text", "t", 0)


# ---------------------------------------------------------------- stored in a real workspace


@pytest.fixture(scope="module")
def shared_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path_factory.mktemp("anchors") / "anchors.sqlite")
    bind_analyst(ws)
    yield ws
    ws.close()


_serial = itertools.count()


def _store(ws: Workspace, text: str) -> uuid.UUID:
    original = f"{next(_serial)}-{uuid.uuid4()}".encode()
    return add_article(ws, NewArticle(text=text, original=original, filename="t.txt")).id


def _check_stored(ws: Workspace, text: str, start: int, end: int) -> None:
    article_id = _store(ws, text)
    assert article_text(ws, article_id).text == text
    made = create_claim(ws, article_id, start, end)
    stored = get_claim(ws, made.id)
    assert (stored.start, stored.end) == (start, end)
    assert stored.quote == text[start:end]
    assert stored.prefix == text[max(0, start - CONTEXT_CHARS) : start]
    assert stored.suffix == text[end : end + CONTEXT_CHARS]
    by_quote = create_claim_by_quote(ws, article_id, stored.quote)
    assert by_quote.start == text.find(stored.quote)
    assert text[by_quote.start : by_quote.end] == stored.quote


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(pieces, min_size=1, max_size=40).map("".join), data=st.data())
def test_claims_stored_in_sqlite_keep_offsets(
    shared_ws: Workspace, text: str, data: st.DataObject
) -> None:
    assume(text.strip())
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    _check_stored(shared_ws, text, start, end)


HARD_TEXT = (
    "Seoul 😀 said 1,500\r\ntroops left 원산 (Wonsan); Kyiv said «переводчики» were short.\n"
    "\u202bمرحبا 12,000\u202c e\u0301 🇰🇷 👩‍👩‍👧 𠀀 end"
)


def test_hard_text_in_sqlite(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "hard.sqlite")
    try:
        bind_analyst(ws)
        start = HARD_TEXT.index("원산")
        _check_stored(ws, HARD_TEXT, start, HARD_TEXT.index("12,000") + 6)
    finally:
        ws.close()


@pytest.mark.postgres
def test_hard_text_in_postgres(pg_ws: Workspace) -> None:
    start = HARD_TEXT.index("😀")
    _check_stored(pg_ws, HARD_TEXT, start, HARD_TEXT.index("𠀀") + 1)


# ---------------------------------------------------------------- against Qt's own offsets

QT_FRAGMENTS = [f for f in FRAGMENTS if "\r" not in f]
qt_texts = st.lists(
    st.one_of(st.sampled_from(QT_FRAGMENTS), st.characters(categories=("L", "M", "N", "P"))),
    min_size=1,
    max_size=50,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=qt_texts, data=st.data())
def test_utf16_offsets_select_the_quote_in_a_qt_editor(
    qapp: object, text: str, data: st.DataObject
) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QPlainTextEdit

    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    editor = QPlainTextEdit()
    editor.setPlainText(text)
    index = Utf16Index(text)
    assert editor.document().characterCount() - 1 == index.to_utf16(len(text))
    cursor = editor.textCursor()
    cursor.setPosition(index.to_utf16(start))
    cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    # Qt reports paragraph breaks inside a selection as U+2029.
    assert cursor.selectedText() == text[start:end].replace("\n", "\u2029")
    assert index.to_codepoint(cursor.selectionStart()) == start
    assert index.to_codepoint(cursor.selectionEnd()) == end
