"""Deleting and importing articles are undoable: undo and redo keep every id."""

from __future__ import annotations

import gc
import uuid
from collections import Counter

import pytest
from gui_shell_support import add_text_article, make_window
from sqlalchemy import func, select

from db import articles as article_ops
from db import claims as claim_ops
from db import comments as comment_ops
from db import evidence as evidence_ops
from db import links as link_ops
from db import review as review_ops
from db.analysts import add_analyst, bind_analyst
from db.bundles import export_bundle, restore_bundle
from db.errors import NotFound
from db.models import HistoryEntry, Status
from desktop.commands.articles import DeleteArticleCommand
from desktop.dialogs import RecordingDialogs
from desktop.operations.articles import delete_article

TEXT_A = "The mayor said 40 new buses arrive in May. The council said the cost is 12 million."
TEXT_B = "A spokesperson denied that any buses were ordered this year."


class ConfirmRecorder(RecordingDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.questions: list[tuple[str, str]] = []

    def confirm(self, title: str, message: str) -> bool:
        self.questions.append((title, message))
        return super().confirm(title, message)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def _populate(ws):  # type: ignore[no-untyped-def]
    """Article A with two claims (tags, edits, a verdict, evidence, a comment thread)
    linked to each other and to a claim of article B, in both directions."""
    a = add_text_article(ws, TEXT_A, "Buses")
    b = add_text_article(ws, TEXT_B, "Denial")
    c1 = claim_ops.create_claim(
        ws, a.id, *_span(TEXT_A, "40 new buses arrive in May"), tags=["transport", "numbers"]
    )
    claim_ops.update_claim(ws, c1.id, notes="Check the tender", status="in_review")
    c2 = claim_ops.create_claim(ws, a.id, *_span(TEXT_A, "the cost is 12 million"))
    review_ops.give_verdict(ws, c2.id, "verified", "The budget line says 12 million.")
    other = claim_ops.create_claim(ws, b.id, *_span(TEXT_B, "denied that any buses were ordered"))
    link_ops.add_link(ws, c1.id, other.id, "contradicts", note="same buses")
    link_ops.add_link(ws, other.id, c2.id, "supports")
    link_ops.add_link(ws, c1.id, c2.id, "cites")
    evidence_ops.add_evidence(ws, c1.id, url="https://example.org/tender", note="tender notice")
    root = comment_ops.add_comment(ws, c1.id, "Is May this year?")
    comment_ops.add_comment(ws, c1.id, "Yes, per the tender.", parent_id=root.id)
    return a, b, [c1.id, c2.id], other.id


def _state(ws, claim_ids, other_id):  # type: ignore[no-untyped-def]
    return {
        "claims": [claim_ops.get_claim(ws, c) for c in claim_ids],
        # links_of_claim has no order of its own: compare them by id
        "links": {
            c: sorted(link_ops.links_of_claim(ws, c), key=lambda v: str(v.link.id))
            for c in [*claim_ids, other_id]
        },
        "evidence": {c: evidence_ops.list_evidence(ws, c) for c in claim_ids},
        "comments": {c: comment_ops.threads_of(ws, c) for c in claim_ids},
        "verdicts": {c: review_ops.verdicts_of(ws, c) for c in claim_ids},
    }


def _history(ws) -> list[tuple[str, uuid.UUID, str]]:  # type: ignore[no-untyped-def]
    with ws.session() as session:
        rows = session.execute(
            select(HistoryEntry.entity_type, HistoryEntry.entity_id, HistoryEntry.action)
        ).all()
        return sorted((str(t), i, str(act)) for t, i, act in rows)


def test_delete_article_undo_restores_everything_with_its_ids(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article, other_article, claim_ids, other_id = _populate(ws)
    before_article = article_ops.get_article(ws, article.id)
    before = _state(ws, claim_ids, other_id)
    assert len(before["links"][other_id]) == 2  # both cross-article links exist
    assert before["claims"][0].version > 1  # restored rows must keep their version too
    window = make_window(ws, tmp_path, qtbot)
    dialogs = ConfirmRecorder()
    window.ctx.dialogs = dialogs
    ctx = window.ctx

    assert delete_article(ctx, article.id) is True
    (question,) = dialogs.questions
    assert "cannot be undone" not in question[1] and "Undo" in question[1]
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == 'Delete article "Buses"'
    with pytest.raises(NotFound):
        article_ops.get_article(ws, article.id)
    with pytest.raises(NotFound):
        claim_ops.get_claim(ws, claim_ids[0])
    assert link_ops.links_of_claim(ws, other_id) == []
    assert window.article_panel.titles() == ["Denial"]
    history_after_delete = _history(ws)

    ctx.undo_stack.undo()
    assert dialogs.errors == []
    assert article_ops.get_article(ws, article.id) == before_article
    assert _state(ws, claim_ids, other_id) == before
    assert before["claims"][0].tags == ("numbers", "transport")
    assert before["claims"][1].status == Status.VERIFIED
    assert sorted(window.article_panel.titles()) == ["Buses", "Denial"]
    # The restore records one creation per row it brought back, nothing else.
    added = list((Counter(_history(ws)) - Counter(history_after_delete)).elements())
    restored = sorted(
        [("article", article.id), *(("claim", c) for c in claim_ids)]
        + [("link", v.link.id) for v in before["links"][claim_ids[0]]]
        + [("link", v.link.id) for v in before["links"][other_id] if v.other_id == claim_ids[1]]
        + [("evidence", e.id) for e in before["evidence"][claim_ids[0]]]
        + [("comment", t.id) for t in before["comments"][claim_ids[0]]]
        + [("comment", r.id) for t in before["comments"][claim_ids[0]] for r in t.replies]
    )
    assert sorted((t, i) for t, i, _a in added) == restored
    assert {act for _t, _i, act in added} == {"create"}

    ctx.undo_stack.redo()
    with pytest.raises(NotFound):
        article_ops.get_article(ws, article.id)
    assert link_ops.links_of_claim(ws, other_id) == []
    assert window.article_panel.titles() == ["Denial"]

    ctx.undo_stack.undo()  # a second round trip restores from the fresh snapshot
    assert _state(ws, claim_ids, other_id) == before
    assert article_ops.get_article(ws, other_article.id).claim_count == 1


def test_declined_confirmation_deletes_nothing_and_pushes_nothing(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, TEXT_A, "Buses")
    window = make_window(ws, tmp_path, qtbot)
    window.ctx.dialogs.confirm_answer = False
    assert delete_article(window.ctx, article.id) is False
    assert article_ops.get_article(ws, article.id).title == "Buses"
    assert window.ctx.undo_stack.count() == 0


def test_undo_by_a_plain_analyst_brings_back_a_verified_claim(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article, _b, claim_ids, other_id = _populate(ws)
    before = _state(ws, claim_ids, other_id)
    add_analyst(ws, "Pat Plain", role="analyst")
    bind_analyst(ws, "Pat Plain")  # may not decide claims, but may undo a deletion
    window = make_window(ws, tmp_path, qtbot)
    window.ctx.undo_stack.push(DeleteArticleCommand(window.ctx, article.id))
    window.ctx.undo_stack.undo()
    assert window.ctx.dialogs.errors == []
    assert _state(ws, claim_ids, other_id) == before


def test_restore_skips_a_link_whose_other_claim_is_gone(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article, _b, claim_ids, other_id = _populate(ws)
    snapshot = tmp_path / "snap.claimdesk"
    export_bundle(ws, snapshot, article_ids=[article.id], outside_links=True)
    article_ops.delete_article(ws, article.id)
    claim_ops.delete_claim(ws, other_id)
    report = restore_bundle(ws, snapshot)
    assert report.skipped == {"links": 2}
    assert report.conflicts == []
    assert [v.other_id for v in link_ops.links_of_claim(ws, claim_ids[0])] == [claim_ids[1]]


def test_restore_refuses_an_article_added_again_under_another_id(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from db.errors import InvalidInput

    article = add_text_article(ws, TEXT_A, "Buses")
    snapshot = tmp_path / "snap.claimdesk"
    export_bundle(ws, snapshot, article_ids=[article.id], outside_links=True)
    article_ops.delete_article(ws, article.id)
    again = add_text_article(ws, TEXT_A, "Buses")
    with pytest.raises(InvalidInput, match="added again"):
        restore_bundle(ws, snapshot)
    assert [a.id for a in article_ops.list_articles(ws)] == [again.id]


def test_snapshot_folder_goes_with_the_command(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, TEXT_A, "Buses")
    window = make_window(ws, tmp_path, qtbot)
    command = DeleteArticleCommand(window.ctx, article.id)
    window.ctx.undo_stack.push(command)
    path = command.snapshot.path
    assert path is not None and path.exists()
    window.ctx.undo_stack.clear()
    del command
    gc.collect()
    assert not path.parent.exists()


def test_import_is_one_undoable_command_keeping_the_ids(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "buses.txt"
    first.write_text(TEXT_A, encoding="utf-8")
    second = tmp_path / "denial.txt"
    second.write_text(TEXT_B, encoding="utf-8")
    window = make_window(ws, tmp_path, qtbot)
    ctx = window.ctx
    job = window.import_paths([first, second])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    imported = {a.id: a for a in article_ops.list_articles(ws)}
    assert len(imported) == 2
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Import 2 articles"

    ctx.undo_stack.undo()
    assert article_ops.list_articles(ws) == []
    assert window.article_panel.titles() == []

    ctx.undo_stack.redo()
    assert {a.id: a for a in article_ops.list_articles(ws)} == imported
    assert sorted(window.article_panel.titles()) == sorted(a.title for a in imported.values())
    assert ctx.dialogs.errors == []
    with ws.session() as session:  # one creation entry per article per (re)import, no more
        creates = session.scalar(
            select(func.count()).where(
                HistoryEntry.entity_type == "article", HistoryEntry.action == "create"
            )
        )
    assert creates == 4
