"""A long article is read from its row a slice at a time and not kept besides the document.

The slice sizes and the length over which the reader keeps no copy of the text are made
tiny here, so a short text made up for these tests (Korean, emoji, invisible and
direction characters, a Markdown heading, a carriage return) takes the long-text path:
what the reader shows and gives back must be what the short-text path gives.
"""

from __future__ import annotations

import uuid

import pytest
from gui_shell_support import add_text_article, make_window, select_codepoints
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from db import text_slices
from db.anchors import Utf16Index
from db.assist.dismissals import dismissals
from db.claims import get_claim
from db.invisible import display_text
from db.word_snap import move_edge, snap_to_words
from desktop.reader import view as reader_view
from desktop.reader.hidden import hidden_marks
from desktop.reader.paragraphs import heading_blocks
from desktop.reader.spans import utf16_block_starts

RLO, PDF_, ZWSP, TAG_A = "\u202e", "\u202c", "\u200b", "\U000e0041"
TEXT = (
    "# 강변시 홍수 보고서\n"
    "😀 The mayor said 1,240 families left on Thursday.\n\n"
    f"The file invoice{RLO}gnp.exe{PDF_} was sent; the minis{ZWSP}try said 30 trucks came.\n"
    "지역 관계자들은 곡물 수출이 재개될 것이라고 말했다.\r\n"
    f"A tag{TAG_A} character 🎉 and Северка, then a long line {'x' * 90} end.\n"
    "## Later\n"
    "The last line has no break 👍"
)


@pytest.fixture
def tiny_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_slices, "SLICE_BYTES", 7)  # cuts inside multi-byte characters
    monkeypatch.setattr(reader_view, "KEEP_CHARS", 10)
    monkeypatch.setattr(reader_view, "FILL_SLICE", 16)
    monkeypatch.setattr(reader_view, "WORD_CONTEXT", 12)


def test_pieces_are_whole_lines_that_join_to_the_stored_text(ws, tiny_slices) -> None:  # type: ignore[no-untyped-def]
    info = add_text_article(ws, TEXT)
    pieces = list(text_slices.article_text_pieces(ws, info.id))
    assert "".join(pieces) == TEXT
    assert len(pieces) > 5
    assert all(p.endswith("\n") for p in pieces[:-1]) and not pieces[-1].endswith("\n")


def test_the_head_is_read_without_the_rest(ws) -> None:  # type: ignore[no-untyped-def]
    info = add_text_article(ws, TEXT)
    n = len(TEXT)
    assert text_slices.article_head(ws, info.id, n) == (TEXT, False)
    assert text_slices.article_head(ws, info.id, n + 5) == (TEXT, False)
    assert text_slices.article_head(ws, info.id, n - 1) == (TEXT[:-1], True)
    assert text_slices.article_head(ws, info.id, 3) == (TEXT[:3], True)
    with pytest.raises(Exception, match="No article"):
        text_slices.article_head(ws, uuid.uuid4(), 3)


def test_finding_an_article_by_id_reads_neither_its_text_nor_its_file(ws) -> None:  # type: ignore[no-untyped-def]
    info = add_text_article(ws, TEXT)
    statements: list[str] = []
    listener = lambda _c, _cur, statement, *_a: statements.append(statement)  # noqa: E731
    event.listen(ws.engine, "before_cursor_execute", listener)
    try:
        dismissals(ws, info.id)  # resolves the article's id first
    finally:
        event.remove(ws.engine, "before_cursor_execute", listener)
    assert statements
    assert not [s for s in statements if "article.text" in s or "article.original" in s]


def test_a_long_text_is_shown_and_given_back_as_stored(ws, tmp_path, qtbot, tiny_slices) -> None:  # type: ignore[no-untyped-def]
    info = add_text_article(ws, TEXT)
    window = make_window(ws, tmp_path, qtbot)
    reader = window.reader
    assert window.open_article(info.id)
    assert reader._text is None  # not kept: the document holds it
    assert reader.toPlainText() == display_text(TEXT).replace("\r", "\u240d")
    # The layout found piece by piece is the one found in the whole text.
    index = Utf16Index(TEXT)
    starts = utf16_block_starts(TEXT, index)
    assert reader._spans.block_starts == starts
    assert reader._hidden == hidden_marks(TEXT, index, starts)
    assert reader._headings == heading_blocks(TEXT, index, starts) == [0, 6]
    assert [reader._index.to_utf16(n) for n in range(len(TEXT) + 1)] == [
        index.to_utf16(n) for n in range(len(TEXT) + 1)
    ]
    # Any stretch of the stored text comes back from the document as stored.
    for start in range(0, len(TEXT), 3):
        for end in range(start, min(len(TEXT), start + 70) + 1, 7):
            assert reader.text_between(start, end) == TEXT[start:end], (start, end)
    assert reader.text_between(0, len(TEXT)) == TEXT
    # Copying a selection with invisible characters copies the stored ones.
    start, end = TEXT.index("invoice"), TEXT.index(" was sent")
    select_codepoints(reader, TEXT, start, end)
    reader.copy()
    assert QApplication.clipboard().text() == TEXT[start:end]
    # A selection is snapped to words as in the whole text, and its claim quotes it.
    start, end = TEXT.index("ayor sa"), TEXT.index("ayor sa") + 7
    expected = snap_to_words(TEXT, start, end)
    select_codepoints(reader, TEXT, start, end)
    assert reader.new_claim_from_selection()
    (claim,) = reader.claims
    assert (claim.start, claim.end) == expected
    assert get_claim(ws, claim.id).quote == TEXT[expected[0] : expected[1]]
    # Moving its end by a word moves it as in the whole text.
    reader.select_claim(claim.id)
    moved = move_edge(TEXT, *expected, "end", True)
    assert moved is not None
    assert reader.move_selected_claim_edge("end", True)
    assert (get_claim(ws, claim.id).start, get_claim(ws, claim.id).end) == moved


def test_pieces_and_head_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    monkeypatch.setattr(text_slices, "SLICE_BYTES", 7)
    ws = open_workspace(pg_url)
    try:
        bind_analyst(ws)
        info = add_text_article(ws, TEXT)
        pieces = list(text_slices.article_text_pieces(ws, info.id))
        assert "".join(pieces) == TEXT and len(pieces) > 5
        assert all(p.endswith("\n") for p in pieces[:-1])
        assert text_slices.article_head(ws, info.id, len(TEXT)) == (TEXT, False)
        assert text_slices.article_head(ws, info.id, 3) == (TEXT[:3], True)
    finally:
        ws.close()


@pytest.mark.parametrize("keep", ["", "\t\n", "\t\n\r"])
def test_the_hidden_class_holds_every_ranged_character_but_those_kept(keep: str) -> None:
    from db.invisible import _RANGES, hidden_pattern

    pattern = hidden_pattern(keep)
    ranged = {cp for low, high in _RANGES for cp in range(low, high + 1)}
    found = {cp for cp in range(0x110000) if pattern.match(chr(cp))}
    assert found == ranged - {ord(ch) for ch in keep}
