"""Discussion threads: comments, replies, resolving, reopening and open counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_support import add_seed, claim_at

from db import analysts, comments
from db.errors import InvalidInput, NotFound
from db.workspace import Workspace


def test_threads_replies_and_authors(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    analysts.add_analyst(ws, "Ana Lyst")
    top = comments.add_comment(ws, c.id, "  Is 200 the right number?  ")
    assert top.body == "Is 200 the right number?" and top.author_name == "Analyst"
    analysts.bind_analyst(ws, "Ana Lyst")
    r1 = comments.reply(ws, top.id, "The agency says 180.")
    r2 = comments.add_comment(ws, c.id, "Source?", parent_id=r1.id)
    other = comments.add_comment(ws, c.id, "Separate point")
    threads = comments.threads_of(ws, c.id)
    assert [t.id for t in threads] == [top.id, other.id]
    assert threads[0].replies[0].id == r1.id
    assert threads[0].replies[0].author_name == "Ana Lyst"
    assert threads[0].replies[0].replies[0].id == r2.id
    assert threads[0].reply_count == 2


def test_resolve_reopen_and_counts(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[1])
    a = claim_at(ws, aid, text, 0)
    b = claim_at(ws, aid, text, 1)
    t1 = comments.add_comment(ws, a.id, "one")
    t2 = comments.add_comment(ws, a.id, "two")
    rep = comments.reply(ws, t2.id, "reply to two")
    comments.add_comment(ws, b.id, "three")
    assert comments.open_thread_counts(ws) == {a.id: 2, b.id: 1}
    # Resolving via a reply resolves the whole thread.
    assert comments.resolve_thread(ws, rep.id).id == t2.id
    assert comments.open_thread_counts(ws) == {a.id: 1, b.id: 1}
    comments.resolve_thread(ws, t1.id)
    assert a.id not in comments.open_thread_counts(ws)
    assert comments.threads_of(ws, a.id)[0].resolved is True
    comments.reopen_thread(ws, t1.id)
    assert comments.open_thread_counts(ws)[a.id] == 1
    # Replying to a resolved thread reopens it.
    comments.reply(ws, t2.id, "one more thing")
    assert comments.open_thread_counts(ws)[a.id] == 2


def test_comment_validation(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[2])
    a = claim_at(ws, aid, text, 0)
    b = claim_at(ws, aid, text, 1)
    top = comments.add_comment(ws, a.id, "x")
    with pytest.raises(InvalidInput, match="empty"):
        comments.add_comment(ws, a.id, "  \n ")
    with pytest.raises(InvalidInput, match="same claim"):
        comments.add_comment(ws, b.id, "wrong place", parent_id=top.id)
    with pytest.raises(NotFound):
        comments.resolve_thread(ws, "00000000-0000-0000-0000-000000000000")
    assert comments.threads_of(ws, b.id) == []
