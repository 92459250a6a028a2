"""The article reader: selections in code points, claim creation, undo, highlights."""

from __future__ import annotations

import uuid

import pytest
from gui_shell_support import (
    MULTILINGUAL,
    action,
    add_text_article,
    make_window,
    select_codepoints,
    settle,
)
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from db import claims as claim_ops
from db.anchors import Utf16Index
from db.changes import EVERYTHING, Change, Changes, Entity
from db.claims import ClaimInfo
from db.models import Status
from desktop.reader.highlighter import tint
from desktop.reader.spans import layout_spans, utf16_block_starts


def publish_claims(ctx, *claims: ClaimInfo) -> None:  # type: ignore[no-untyped-def]
    """Tell the views that these claims (written directly in db/) changed."""
    items = (Change(Entity.CLAIM, str(c.id), parent=str(c.article_id)) for c in claims)
    ctx.publish(Changes(tuple(items)))


@pytest.fixture
def opened(ws, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    article = add_text_article(ws, MULTILINGUAL)
    window = make_window(ws, tmp_path, qtbot)
    window.open_article(article.id)
    assert window.reader.article_id == article.id
    return window, article


@pytest.mark.parametrize(
    "quote",
    [
        "42 people",
        "새 다리가",
        "15 новых школах",
        "30 شاحنة",
        "Closing remark",
        "final figure of 7",
    ],
)
def test_new_claim_stores_the_selected_text_in_code_points(opened, ws, quote) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    start = MULTILINGUAL.index(quote)
    end = start + len(quote)
    select_codepoints(window.reader, MULTILINGUAL, start, end)
    assert window.reader.selected_span() == (start, end)

    action(window, "actionNewClaim").trigger()

    stored = claim_ops.claims_of_article(ws, article.id)
    assert [(c.start, c.end, c.quote) for c in stored] == [(start, end, quote)]
    assert window.reader.selected_claim_id == str(stored[0].id)
    assert window.ctx.dialogs.errors == []


def test_new_claim_without_selection_explains_and_adds_nothing(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    action(window, "actionNewClaim").trigger()
    assert claim_ops.claims_of_article(ws, article.id) == []
    assert len(window.ctx.dialogs.errors) == 1
    assert "Select" in window.ctx.dialogs.errors[0][1]


def test_undo_removes_the_claim_and_redo_restores_the_same_id(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    start = MULTILINGUAL.index("Министр")
    select_codepoints(window.reader, MULTILINGUAL, start, start + len("Министр сообщил"))
    action(window, "actionNewClaim").trigger()
    (created,) = claim_ops.claims_of_article(ws, article.id)

    action(window, "actionUndo").trigger()
    assert claim_ops.claims_of_article(ws, article.id) == []
    assert window.reader.claims == []

    window.ctx.undo_stack.redo()
    (restored,) = claim_ops.claims_of_article(ws, article.id)
    assert restored.id == created.id
    assert (restored.start, restored.end, restored.quote) == (
        created.start,
        created.end,
        "Министр сообщил",
    )
    assert [c.id for c in window.reader.claims] == [str(created.id)]


def test_next_and_previous_claim_follow_text_order(opened, ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    quotes = ["final figure", "42 people", "15 новых", "새 다리가"]
    made = {q: claim_ops.create_claim_by_quote(ws, article.id, q) for q in quotes}
    publish_claims(window.ctx, *made.values())
    in_text_order = sorted(made.values(), key=lambda c: c.start)
    seen: list[str] = []
    window.ctx.claimSelected.connect(seen.append)

    for _ in in_text_order:
        action(window, "actionNextClaim").trigger()
    assert seen == [str(c.id) for c in in_text_order]
    assert window.reader.selected_claim_id == str(in_text_order[-1].id)

    action(window, "actionPrevClaim").trigger()
    assert window.reader.selected_claim_id == str(in_text_order[-2].id)
    # The reader scrolled its cursor to the selected claim's start (UTF-16).
    index = Utf16Index(MULTILINGUAL)
    assert window.reader.textCursor().position() == index.to_utf16(in_text_order[-2].start)


def test_highlights_live_in_the_layout_not_in_the_document(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    quote = "Closing remark"
    claim = claim_ops.create_claim_by_quote(ws, article.id, quote)
    publish_claims(window.ctx, claim)
    reader = window.reader
    document = reader.document()
    index = Utf16Index(MULTILINGUAL)
    start16 = index.to_utf16(claim.start)
    block = document.findBlock(start16)
    local = start16 - block.position()
    ranges = [(r.start, r.length) for r in block.layout().formats()]
    assert (local, len(quote)) in ranges  # "🎉🎉 " precedes: 5 UTF-16 units
    assert local == 5

    cursor = QTextCursor(document)
    cursor.setPosition(start16 + 1)
    assert cursor.charFormat().background().style().name == "NoBrush"
    assert not document.isModified()
    assert document.availableUndoSteps() == 0
    assert document.toPlainText() == MULTILINGUAL


def test_only_blocks_touched_by_a_change_are_rehighlighted(opened, ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    highlighter = window.reader.highlighter
    touched: list[int] = []
    original = highlighter.rehighlightBlock
    monkeypatch.setattr(
        highlighter,
        "rehighlightBlock",
        lambda block: (touched.append(block.blockNumber()), original(block)),
    )
    claim = claim_ops.create_claim_by_quote(ws, article.id, "15 новых")
    publish_claims(window.ctx, claim)
    assert touched == [2]


def test_a_new_claim_lays_out_and_repaints_its_own_line_alone(opened, ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+E over words of one line: that line is highlighted and laid out again and
    only its rectangle is repainted; the lines after it keep their layouts (Qt's report of a
    block's new formats reaches into the next block, which once cleared the following
    lines' layouts and repainted the whole reader)."""
    window, article = opened
    window.show()
    qtbot.waitExposed(window)
    reader = window.reader
    document = reader.document()
    count = document.blockCount()
    assert count == 5

    def laid_out() -> list[int]:
        return [n for n in range(count) if document.findBlockByNumber(n).layout().lineCount()]

    quote = "15 новых школах"
    start = MULTILINGUAL.index(quote)
    select_codepoints(reader, MULTILINGUAL, start, start + len(quote))
    settle(qtbot)  # the suggestions' underlines drawn, the selection painted
    assert laid_out() == list(range(count))

    def middle(number: int) -> float:
        block = document.findBlockByNumber(number)
        return reader.blockBoundingGeometry(block).translated(reader.contentOffset()).center().y()

    whole: list[object] = []
    blocks: list[int] = []
    repainted: list[tuple[int, int]] = []
    layout = document.documentLayout()
    layout.update.connect(whole.append)
    layout.updateBlock.connect(lambda block: blocks.append(block.blockNumber()))
    reader.updateRequest.connect(lambda rect, _dy: repainted.append((rect.top(), rect.bottom())))
    calls = reader.highlighter.highlight_calls

    action(window, "actionNewClaim").trigger()

    (claim,) = claim_ops.claims_of_article(ws, article.id)
    assert claim.quote == quote
    # That line alone, highlighted for the claim (and again if a suggestion's underline
    # there went with it), each time laid out and repainted by itself.
    assert set(blocks) == {2} and whole == []
    assert reader.highlighter.highlight_calls - calls == len(blocks)
    assert laid_out() == list(range(count))  # no other line thrown away to lay out again
    # Whatever the reader repaints (the highlight, the selection mark, the caret) stays
    # clear of the lines before and after it.
    assert repainted
    assert all(middle(1) < top and bottom < middle(3) for top, bottom in repainted), repainted


def test_nested_claims_layer_and_innermost_wins(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    outer = claim_ops.create_claim_by_quote(ws, article.id, "reports 42 people at the square")
    inner = claim_ops.create_claim_by_quote(ws, article.id, "42 people")
    claim_ops.update_claim(ws, inner.id, status=Status.IN_REVIEW)
    window.ctx.publish(EVERYTHING)
    reader = window.reader
    index = Utf16Index(MULTILINGUAL)
    inside = index.to_utf16(MULTILINGUAL.index("people"))
    assert reader.claim_id_at(inside) == str(inner.id)
    assert reader.claim_id_at(index.to_utf16(MULTILINGUAL.index("square"))) == str(outer.id)
    # The inner claim is painted over the outer one in its own, deeper tint.
    formats = reader.document().firstBlock().layout().formats()

    def background_at(pos: int) -> str:
        hits = [r for r in formats if r.start <= pos < r.start + r.length]
        assert len(hits) == 1
        return hits[0].format.background().color().name(QColor.NameFormat.HexArgb)

    inner_local = index.to_utf16(inner.start)
    outer_only = index.to_utf16(MULTILINGUAL.index("square"))
    assert background_at(inner_local) == tint(Status.IN_REVIEW, 1).name(QColor.NameFormat.HexArgb)
    assert background_at(inner_local + 8) == background_at(inner_local)
    assert background_at(outer_only) == tint(Status.UNVERIFIED, 0).name(QColor.NameFormat.HexArgb)


def test_hover_tooltip_names_statement_source_and_status(opened, ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    claim = claim_ops.create_claim_by_quote(ws, article.id, "42 people")
    claim_ops.update_claim(
        ws, claim.id, statement="Forty-two people gathered", reliability="B", credibility=2
    )
    publish_claims(window.ctx, claim)
    reader = window.reader
    window.show()
    qtbot.waitExposed(window)
    position = Utf16Index(MULTILINGUAL).to_utf16(claim.start + 3)
    text = reader.tooltip_text(position)
    assert "Forty-two people gathered" in text
    assert "B2" in text and "Unverified" in text

    cursor = QTextCursor(reader.document())
    cursor.setPosition(position)
    rect = reader.cursorRect(cursor)
    point = rect.center() + QPoint(2, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    reader.viewportEvent(event)
    assert "Forty-two people gathered" in QToolTip.text()


def test_clicking_a_highlight_selects_its_claim(opened, ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window, article = opened
    claim = claim_ops.create_claim_by_quote(ws, article.id, "Министр сообщил")
    publish_claims(window.ctx, claim)
    window.show()
    qtbot.waitExposed(window)
    reader = window.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(Utf16Index(MULTILINGUAL).to_utf16(claim.start + 3))
    point = reader.cursorRect(cursor).center()
    with qtbot.waitSignal(window.ctx.claimSelected) as blocker:
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [str(claim.id)]


def test_delete_claim_action_deletes_selected_claim_and_undo_restores(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    claim = claim_ops.create_claim_by_quote(ws, article.id, "30 شاحنة")
    publish_claims(window.ctx, claim)
    window.ctx.claimSelected.emit(str(claim.id))
    action(window, "actionDeleteClaim").trigger()
    assert claim_ops.claims_of_article(ws, article.id) == []
    window.ctx.undo_stack.undo()
    assert [c.id for c in claim_ops.claims_of_article(ws, article.id)] == [claim.id]


def test_selecting_a_claim_of_another_article_opens_that_article(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, _article = opened
    other = add_text_article(ws, "A second text with 9 claims in it.", title="Second")
    claim = claim_ops.create_claim_by_quote(ws, other.id, "9 claims")
    window.ctx.claimSelected.emit(str(claim.id))
    assert window.reader.article_id == other.id
    assert window.reader.selected_claim_id == str(claim.id)


def test_span_layout_splits_multi_line_claims_and_counts_depth() -> None:
    text = "ab😀cd\nefgh\nij"
    index = Utf16Index(text)
    starts = utf16_block_starts(text, index)
    assert starts == [0, 7, 12]

    class Fake:
        def __init__(self, start: int, end: int) -> None:
            self.id = uuid.uuid4()
            self.start, self.end, self.status = start, end, Status.UNVERIFIED

    outer = Fake(1, 9)  # "b😀cd\nefg" crosses a line break
    inner = Fake(2, 4)  # "😀c"
    layout = layout_spans([outer, inner], index, starts)  # type: ignore[list-item]
    depth = {s.claim_id: s.depth for s in layout.spans}
    assert depth == {str(outer.id): 0, str(inner.id): 1}
    assert [(p.start, p.length, p.depth) for p in layout.pieces[0]] == [(1, 5, 0), (2, 3, 1)]
    assert [(p.start, p.length) for p in layout.pieces[1]] == [(0, 3)]
    assert 2 not in layout.pieces


def test_delete_key_works_in_the_reader_only(opened, ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window, article = opened
    claim = claim_ops.create_claim_by_quote(ws, article.id, "42 people")
    publish_claims(window.ctx, claim)
    window.ctx.claimSelected.emit(str(claim.id))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.article_panel.view.setFocus()
    qtbot.waitUntil(window.article_panel.view.hasFocus)
    qtbot.keyClick(window.article_panel.view, Qt.Key.Key_Delete)
    assert len(claim_ops.claims_of_article(ws, article.id)) == 1
    window.reader.setFocus()
    qtbot.waitUntil(window.reader.hasFocus)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert claim_ops.claims_of_article(ws, article.id) == []


def test_large_article_is_set_once_and_each_block_highlighted_once(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    import random

    from db.models import Claim

    rng = random.Random(7)
    words = ["figure", "😀", "사람", "город", "مدينة", "said", "about", "3,000"]
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 30))) for _ in range(1500)]
    text = "\n".join(lines)
    window = make_window(ws, tmp_path, qtbot)  # opened before the article exists
    reader = window.reader
    assert reader.article_id is None
    article = add_text_article(ws, text, title="Long")
    with ws.session() as session:
        for _ in range(2000):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randint(2, 180)
            session.add(Claim(article_id=article.id, start=start, end=end, quote=text[start:end]))
    texts_set: list[int] = []
    document = reader.document()
    document.contentsChange.connect(lambda pos, removed, added: texts_set.append(added))
    before = reader.highlighter.highlight_calls
    window.open_article(article.id)
    assert len(reader.claims) == 2000
    # One pass over the blocks (plus the single empty block setPlainText clears to first).
    assert reader.highlighter.highlight_calls - before == document.blockCount() + 1
    # The text went in with one insertion (setPlainText first empties the document).
    assert len([added for added in texts_set if added]) == 1
    # Every claim's first character is painted in its block's layout.
    index = Utf16Index(text)
    for claim in reader.claims[::97]:
        pos = index.to_utf16(claim.start)
        block = document.findBlock(pos)
        local = pos - block.position()
        if local < block.length() - 1:
            assert any(r.start <= local < r.start + r.length for r in block.layout().formats()), (
                claim.id
            )


def test_position_under_the_mouse_is_the_character_hit(opened, ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    claim = claim_ops.create_claim_by_quote(ws, article.id, "42 people")
    publish_claims(window.ctx, claim)
    window.show()
    qtbot.waitExposed(window)
    reader = window.reader
    index = Utf16Index(MULTILINGUAL)
    end16 = index.to_utf16(claim.end)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(end16)
    edge = reader.cursorRect(cursor)
    last_char = QPoint(edge.left() - 1, edge.center().y())  # right half of the "e"
    after = QPoint(edge.left() + 2, edge.center().y())  # the space after the claim
    assert reader.position_at(last_char) == end16 - 1
    assert reader.claim_id_at(reader.position_at(last_char)) == str(claim.id)
    assert reader.claim_id_at(reader.position_at(after)) is None


def test_changed_claim_is_repainted_in_its_new_status_colour(opened, ws) -> None:  # type: ignore[no-untyped-def]
    window, article = opened
    claim = claim_ops.create_claim_by_quote(ws, article.id, "Министр")
    publish_claims(window.ctx, claim)
    other = add_text_article(ws, "Unrelated 5 words.", title="Other")
    elsewhere = claim_ops.create_claim_by_quote(ws, other.id, "5 words")
    publish_claims(window.ctx, elsewhere)  # a claim of another article: ignored
    assert [c.id for c in window.reader.claims] == [str(claim.id)]

    claim_ops.update_claim(ws, claim.id, status=Status.DISPUTED)
    publish_claims(window.ctx, claim)
    block = window.reader.document().findBlockByNumber(2)
    (painted,) = [r for r in block.layout().formats() if r.start == 0]
    expected = tint(Status.DISPUTED, 0).name(QColor.NameFormat.HexArgb)
    assert painted.format.background().color().name(QColor.NameFormat.HexArgb) == expected
    assert window.reader.claims[0].status == Status.DISPUTED


def test_many_blocks_highlighted_again_in_one_pass_few_block_by_block(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Suggestion underlines over many lines are drawn in one edit of the layout (the view
    hears of one change); over a few lines only those lines are highlighted again, each its
    own change; either way every range is drawn and the document stays unmodified."""
    from PySide6.QtGui import QTextCharFormat

    from desktop.reader.highlighter import BATCH_BLOCKS

    lines = [f"Line {n} says 12 people met in Ulsan on Monday." for n in range(300)]
    text = "\n".join(lines)
    article = add_text_article(ws, text, title="Many lines")
    window = make_window(ws, tmp_path, qtbot)
    reader = window.reader
    window.open_article(article.id)
    document = reader.document()
    starts = [text.index(line) for line in lines]

    def dotted(start: int) -> bool:
        block = document.findBlock(start)
        local = start - block.position()
        return any(
            r.start <= local < r.start + r.length
            and r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
            for r in block.layout().formats()
        )

    edits: list[int] = []  # the view is told once per closed edit of the document
    document.contentsChanged.connect(lambda: edits.append(1))
    many = [(s + 5, s + 20) for s in starts[::2]]
    assert len(many) > BATCH_BLOCKS
    passes, calls = reader.highlighter.batched_passes, reader.highlighter.highlight_calls
    reader.set_suggestion_marks(many)
    assert reader.highlighter.batched_passes == passes + 1
    assert len(edits) == 1  # one edit, not one per block
    assert reader.highlighter.highlight_calls - calls == document.blockCount()
    assert all(dotted(lo) for lo, _hi in many)
    assert not any(dotted(s + 5) for s in starts[1::2])
    assert not document.isModified()
    edits.clear()
    reader.set_suggestion_marks(many[:3])  # the other lines change: many again, one pass
    assert reader.highlighter.batched_passes == passes + 2 and len(edits) == 1
    assert not dotted(many[3][0])
    edits.clear()
    calls = reader.highlighter.highlight_calls
    reader.set_suggestion_marks(many[:5])  # two more lines: those two, one by one
    assert reader.highlighter.batched_passes == passes + 2
    assert reader.highlighter.highlight_calls - calls == 2 and len(edits) == 2
    assert all(dotted(lo) for lo, _hi in many[:5]) and not dotted(many[5][0])
    assert not document.isModified()
