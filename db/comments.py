"""Discussion threads on claims: comments, replies, resolving and reopening.

A thread is a top-level comment (``parent_id`` is None) with its replies; the
thread's resolved flag lives on that top-level comment.  Replying to a
resolved thread reopens it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.analysts import analyst_names
from db.errors import InvalidInput
from db.ids import resolve_id
from db.models import Claim, Comment
from db.workspace import Workspace

MAX_BODY = 20_000


@dataclass(frozen=True)
class CommentInfo:
    id: uuid.UUID
    claim_id: uuid.UUID
    parent_id: uuid.UUID | None
    body: str
    resolved: bool
    author_id: uuid.UUID | None
    author_name: str
    created_at: dt.datetime
    replies: tuple[CommentInfo, ...] = field(default=())

    @property
    def reply_count(self) -> int:
        """Every reply below this comment, however deep."""
        return sum(1 + r.reply_count for r in self.replies)


def _info(
    c: Comment, names: dict[uuid.UUID, str], replies: tuple[CommentInfo, ...] = ()
) -> CommentInfo:
    return CommentInfo(
        id=c.id,
        claim_id=c.claim_id,
        parent_id=c.parent_id,
        body=c.body,
        resolved=c.resolved,
        author_id=c.created_by_id,
        author_name=names.get(c.created_by_id, "") if c.created_by_id else "",
        created_at=c.created_at,
        replies=replies,
    )


def _body(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise InvalidInput("A comment cannot be empty.")
    if len(text) > MAX_BODY:
        raise InvalidInput(f"A comment can be at most {MAX_BODY} characters long.")
    return text


def _root(session: Session, comment: Comment) -> Comment:
    seen: set[uuid.UUID] = set()
    while comment.parent_id is not None and comment.id not in seen:
        seen.add(comment.id)
        comment = session.get_one(Comment, comment.parent_id)
    return comment


def add_comment(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    body: str,
    parent_id: uuid.UUID | str | None = None,
    *,
    comment_id: uuid.UUID | None = None,
) -> CommentInfo:
    """Start a thread on a claim, or reply within one when *parent_id* is given."""
    text = _body(body)
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        pid = None
        if parent_id is not None:
            pid = resolve_id(session, Comment, parent_id, "comment")
            parent = session.get_one(Comment, pid)
            if parent.claim_id != cid:
                raise InvalidInput("A reply must be on the same claim as the comment it answers.")
            root = _root(session, parent)
            if root.resolved:
                root.resolved = False
        comment = Comment(
            id=comment_id or uuid.uuid4(), claim_id=cid, parent_id=pid, body=text, resolved=False
        )
        session.add(comment)
        session.flush()
        return _info(comment, analyst_names(session, {comment.created_by_id}))


def reply(ws: Workspace, comment_id: uuid.UUID | str, body: str) -> CommentInfo:
    """Answer a comment (in its claim's thread)."""
    with ws.session() as session:
        pid = resolve_id(session, Comment, comment_id, "comment")
        claim_id = session.get_one(Comment, pid).claim_id
    return add_comment(ws, claim_id, body, pid)


def _set_resolved(ws: Workspace, comment_id: uuid.UUID | str, resolved: bool) -> CommentInfo:
    with ws.session() as session:
        cid = resolve_id(session, Comment, comment_id, "comment")
        root = _root(session, session.get_one(Comment, cid))
        if root.resolved != resolved:
            root.resolved = resolved
            session.flush()
        return _info(root, analyst_names(session, {root.created_by_id}))


def resolve_thread(ws: Workspace, comment_id: uuid.UUID | str) -> CommentInfo:
    """Mark the thread containing *comment_id* resolved; returns its top comment."""
    return _set_resolved(ws, comment_id, True)


def reopen_thread(ws: Workspace, comment_id: uuid.UUID | str) -> CommentInfo:
    return _set_resolved(ws, comment_id, False)


def thread_of(ws: Workspace, comment_id: uuid.UUID | str) -> CommentInfo:
    """The top comment of the thread containing *comment_id* (without its replies)."""
    with ws.session() as session:
        cid = resolve_id(session, Comment, comment_id, "comment")
        root = _root(session, session.get_one(Comment, cid))
        return _info(root, analyst_names(session, {root.created_by_id}))


def delete_comment(ws: Workspace, comment_id: uuid.UUID | str) -> CommentInfo:
    """Remove a comment and its replies (undoing an addition); returns what was removed."""
    with ws.session() as session:
        cid = resolve_id(session, Comment, comment_id, "comment")
        comment = session.get_one(Comment, cid)
        info = _info(comment, analyst_names(session, {comment.created_by_id}))
        session.delete(comment)
        session.flush()
        return info


def threads_of(ws: Workspace, claim_id: uuid.UUID | str) -> list[CommentInfo]:
    """A claim's threads, oldest first, each with its replies nested (oldest first)."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        rows = session.scalars(
            select(Comment).where(Comment.claim_id == cid).order_by(Comment.created_at)
        ).all()
        names = analyst_names(session, {c.created_by_id for c in rows})
    children: dict[uuid.UUID | None, list[Comment]] = defaultdict(list)
    ids = {c.id for c in rows}
    for c in rows:
        children[c.parent_id if c.parent_id in ids else None].append(c)

    def build(c: Comment, depth: int) -> CommentInfo:
        kids = tuple(build(k, depth + 1) for k in children.get(c.id, ()) if depth < 100)
        return _info(c, names, kids)

    return [build(c, 0) for c in children[None]]


def open_thread_counts(ws: Workspace) -> dict[uuid.UUID, int]:
    """Unresolved threads per claim (claims without open threads are absent)."""
    with ws.session() as session:
        return open_counts(session)


def open_counts(session: Session, claim_ids: Any = None) -> dict[uuid.UUID, int]:
    """Open threads per claim; *claim_ids* is a list of ids or a select of them."""
    query = (
        select(Comment.claim_id, func.count())
        .where(Comment.parent_id.is_(None), Comment.resolved.is_(False))
        .group_by(Comment.claim_id)
    )
    if claim_ids is not None:
        if isinstance(claim_ids, list | tuple | set) and not claim_ids:
            return {}
        query = query.where(Comment.claim_id.in_(claim_ids))
    return {cid: n for cid, n in session.execute(query)}
