"""Ctrl+E and remote edits reach the reader, inspector and article list through one
change record each, touching only what changed (real SQLite, real widgets)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from gui_shell_support import action, make_window, select_codepoints
from panels_support import add_seed_article, sentence_claims
from sqlalchemy import event

from db import claims as claim_ops
from db.analysts import bind_analyst
from db.articles import article_text
from db.changes import Change, Changes, Entity, Op
from db.models import Status
from db.word_snap import snap_to_words
from db.workspace import Workspace, open_workspace


@contextmanager
def counting(ws: Workspace) -> Iterator[list[str]]:
    """Every SQL statement the workspace's engine runs inside the block."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(ws.engine, "before_cursor_execute", count)


@pytest.fixture
def opened(ws, seed_paths, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    article = add_seed_article(ws, seed_paths[1], "Seed")
    text = article_text(ws, article.id).text
    sentence_claims(ws, article, text, 6)
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(article.id)
    return window, article, text


def _spy_blocks(reader, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    touched: list[int] = []
    original = reader.highlighter.rehighlightBlock
    monkeypatch.setattr(
        reader.highlighter,
        "rehighlightBlock",
        lambda block: (touched.append(block.blockNumber()), original(block)),
    )
    return touched


def _last_line_words(text: str) -> tuple[int, int, int]:
    """(start, end, block number) of some words on the article's last non-empty line."""
    lines = text.split("\n")
    number = max(n for n, line in enumerate(lines) if len(line.strip()) > 20)
    line_start = sum(len(line) + 1 for line in lines[:number])
    offset = len(lines[number]) - len(lines[number].lstrip())
    return line_start + offset, line_start + offset + 12, number


@pytest.fixture
def panels(ws, seed_paths, qtbot):  # type: ignore[no-untyped-def]
    """The reader pane, article list, article details and inspector on one context."""
    from desktop.articles import ArticleListPanel, ArticleMetadataEditor
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.inspector import ClaimInspector
    from desktop.main_window.reader_pane import ReaderPane

    article = add_seed_article(ws, seed_paths[1], "Seed")
    text = article_text(ws, article.id).text
    sentence_claims(ws, article, text, 6)
    ctx = AppContext(ws, RecordingDialogs())
    pane, listing = ReaderPane(ctx), ArticleListPanel(ctx)
    details, inspector = ArticleMetadataEditor(ctx), ClaimInspector(ctx)
    for widget in (pane, listing, details, inspector):
        qtbot.addWidget(widget)
    pane.reader.open_article(article.id)
    details.show_article(article.id)
    yield ctx, pane, listing, inspector, article, text
    ctx.undo_stack.clear()


def test_ctrl_e_is_three_statements(panels, ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _ctx, pane, listing, inspector, article, text = panels
    reader = pane.reader
    # A first claim fills the inspector's tag and source choices once (names only: the
    # sources' claim counts are not counted over every claim).
    select_codepoints(reader, text, *_last_line_words(text)[:2])
    with counting(ws) as first:
        assert reader.new_claim_from_selection()
    assert any("FROM source" in s for s in first), first
    assert not [s for s in first if "count(" in s.lower()], first
    start = len(text) - len(text.lstrip()) + 3  # inside the first sentence's claim
    # Whole words, as Ctrl+E makes them.
    (start, end), block = snap_to_words(text, start, start + 10), 0
    select_codepoints(reader, text, start, end)
    before = listing.model.info(str(article.id)).claim_count
    touched = _spy_blocks(reader, monkeypatch)
    with counting(ws) as statements:
        assert reader.new_claim_from_selection()
    (created,) = [c for c in claim_ops.claims_of_article(ws, article.id) if c.start == start]
    # The anchor's part of the text, the claim, its history entry.  The article list
    # adds one to the count it shows; reader and inspector use the written row.
    assert len(statements) <= 3, statements
    assert sum(s.lstrip().upper().startswith("INSERT") for s in statements) == 2
    assert touched == [block]
    assert reader.selected_claim_id == str(created.id)
    assert inspector.claim_id == created.id
    assert inspector.statement_edit.toPlainText() == text[start:end]
    assert listing.model.info(str(article.id)).claim_count == before + 1
    assert f"{before + 1} claims" in pane.byline.text()


def test_undo_of_ctrl_e_removes_only_its_span(opened, ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, article, text = opened
    reader = window.reader
    start, end, block = _last_line_words(text)
    select_codepoints(reader, text, start, end)
    spans_before = [c.id for c in reader.claims]
    action(window, "actionNewClaim").trigger()
    assert len(reader.claims) == len(spans_before) + 1
    touched = _spy_blocks(reader, monkeypatch)
    action(window, "actionUndo").trigger()
    assert [c.id for c in reader.claims] == spans_before
    assert touched == [block]
    assert reader.selected_claim_id is None
    assert window.inspector.info is None
    assert window.article_panel.model.info(str(article.id)).claim_count == len(spans_before)


def test_remote_edit_updates_reader_span_and_inspector(opened, ws, ws_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, article, text = opened
    reader, inspector = window.reader, window.inspector
    shown = reader.claims[2]
    window.ctx.claimSelected.emit(shown.id)
    assert inspector.info is not None and str(inspector.info.id) == shown.id
    other = open_workspace(ws_path)  # a second analyst's window on the same file
    try:
        bind_analyst(other)
        claim_ops.update_claim(other, shown.id, status=Status.DISPUTED, notes="Checked")
        start, end, block = _last_line_words(text)
        added = claim_ops.create_claim(other, article.id, start, end)
    finally:
        other.close()
    touched = _spy_blocks(reader, monkeypatch)
    remote = Changes(
        (
            Change(Entity.CLAIM, shown.id, Op.UPDATED, frozenset({"status", "notes"})),
            Change(Entity.CLAIM, str(added.id), Op.CREATED, parent=str(article.id)),
            Change(Entity.ARTICLE, str(article.id), Op.UPDATED, frozenset({"claims"})),
        ),
        remote=True,
    )
    window.ctx.publish(remote)
    spans = {c.id: c for c in reader.claims}
    assert spans[shown.id].status == Status.DISPUTED
    assert str(added.id) in spans
    assert inspector.info.status == Status.DISPUTED
    assert inspector.notes_edit.toPlainText() == "Checked"
    shown_block = reader.document().findBlock(reader._spans.by_id[shown.id].start).blockNumber()
    assert set(touched) == {shown_block, block}
    assert window.article_panel.model.info(str(article.id)).claim_count == len(spans)


def test_change_elsewhere_repaints_nothing(opened, ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, _article, _text = opened
    touched = _spy_blocks(window.reader, monkeypatch)
    window.ctx.publish(
        Changes((Change(Entity.CLAIM, "0" * 8 + "-0000-4000-8000-" + "0" * 12, parent="x"),))
    )
    window.ctx.publish(Changes((Change(Entity.SOURCE, "y"),)))
    assert touched == []
