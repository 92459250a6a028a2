"""Undoable review edits: comments (add, reply, resolve, reopen), verdicts (given or,
for a contested claim, confirmed), restoring a state.

Each command acts on the database by id, one committed transaction per
redo/undo, and publishes what it changed (``ctx.publish``): comments carry
their claim as parent so the discussion, queue and history refresh only that
claim.
"""

from __future__ import annotations

import uuid
from typing import Any

from db import claims as claim_ops
from db import comments as comment_ops
from db import contested as contest_ops
from db import history as history_ops
from db import relays as relay_ops
from db import review as review_ops
from db.changes import Change, Changes, Entity, Op, changed
from db.models import Status
from desktop.commands.base import DbCommand
from desktop.context import AppContext


def _comment_changes(claim_id: uuid.UUID, *items: tuple[uuid.UUID, Op, frozenset[str]]) -> Changes:
    return Changes(
        tuple(
            Change(Entity.COMMENT, str(cid), op, fields, str(claim_id)) for cid, op, fields in items
        )
    )


RESOLVED = frozenset({"resolved"})


class AddCommentCommand(DbCommand):
    """Start a thread on a claim, or reply within one (*parent_id*).

    Undo removes the comment (and reopens nothing it did not reopen); a reply
    to a resolved thread reopens it, and its undo resolves the thread again.
    Redo adds it back under the same id.
    """

    def __init__(
        self,
        ctx: AppContext,
        claim_id: uuid.UUID,
        body: str,
        parent_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(ctx, "Reply to comment" if parent_id else "New comment thread")
        self.claim_id = claim_id
        self.body = body
        self.parent_id = parent_id
        self.comment_id = uuid.uuid4()
        self.reopened: uuid.UUID | None = None

    def do(self) -> None:
        root = None
        if self.parent_id is not None:
            root = comment_ops.thread_of(self.ctx.ws, self.parent_id)
        info = comment_ops.add_comment(
            self.ctx.ws, self.claim_id, self.body, self.parent_id, comment_id=self.comment_id
        )
        self.claim_id = info.claim_id
        items = [(self.comment_id, Op.CREATED, frozenset[str]())]
        self.reopened = root.id if root is not None and root.resolved else None
        if self.reopened is not None:
            items.append((self.reopened, Op.UPDATED, RESOLVED))
        self.ctx.publish(_comment_changes(self.claim_id, *items))

    def undo_edit(self) -> None:
        comment_ops.delete_comment(self.ctx.ws, self.comment_id)
        items = [(self.comment_id, Op.DELETED, frozenset[str]())]
        if self.reopened is not None:
            comment_ops.resolve_thread(self.ctx.ws, self.reopened)
            items.append((self.reopened, Op.UPDATED, RESOLVED))
        self.ctx.publish(_comment_changes(self.claim_id, *items))


class SetThreadResolvedCommand(DbCommand):
    """Resolve or reopen the thread holding a comment; undo sets it back."""

    def __init__(
        self, ctx: AppContext, claim_id: uuid.UUID, comment_id: uuid.UUID, resolved: bool
    ) -> None:
        super().__init__(ctx, "Resolve thread" if resolved else "Reopen thread")
        self.claim_id = claim_id
        self.comment_id = comment_id
        self.resolved = resolved
        self.root_id: uuid.UUID | None = None
        self.was: bool | None = None

    def _set(self, resolved: bool) -> None:
        op = comment_ops.resolve_thread if resolved else comment_ops.reopen_thread
        root = op(self.ctx.ws, self.comment_id)
        self.root_id = root.id
        self.ctx.publish(_comment_changes(self.claim_id, (root.id, Op.UPDATED, RESOLVED)))

    def do(self) -> None:
        if self.was is None:
            self.was = comment_ops.thread_of(self.ctx.ws, self.comment_id).resolved
        self._set(self.resolved)

    def undo_edit(self) -> None:
        if self.was is not None and self.was != self.resolved:
            self._set(self.was)


def _verdict_changes(verdict_id: uuid.UUID, claim_id: uuid.UUID, op: Op) -> Changes:
    return Changes(
        (
            Change(Entity.VERDICT, str(verdict_id), op, parent=str(claim_id)),
            Change(Entity.CLAIM, str(claim_id), Op.UPDATED, frozenset({"status", "contested"})),
        )
    )


class GiveVerdictCommand(DbCommand):
    """Record a reviewer's verdict (and the claim's new status).

    Undo takes it back: the claim's status returns to what it was, while the
    verdict stays on record (verdicts are append-only).
    """

    def __init__(
        self,
        ctx: AppContext,
        claim_id: uuid.UUID,
        status: Status | str,
        rationale: str,
        previous: Status | str,
    ) -> None:
        super().__init__(ctx, f"Verdict: {Status(status).label}")
        self.claim_id = claim_id
        self.status = Status(status)
        self.rationale = rationale
        self.previous = Status(previous)
        self.verdict_id = uuid.uuid4()
        self.was_contested = False

    def do(self) -> None:
        # Verdicts are append-only: a redo after an undo records a new verdict.
        verdict_id = uuid.uuid4()
        self.was_contested = claim_ops.get_claim(self.ctx.ws, self.claim_id).contested
        review_ops.give_verdict(
            self.ctx.ws, self.claim_id, self.status, self.rationale, verdict_id=verdict_id
        )
        self.verdict_id = verdict_id
        self.ctx.publish(_verdict_changes(self.verdict_id, self.claim_id, Op.CREATED))

    def undo_edit(self) -> None:
        review_ops.take_back_verdict(
            self.ctx.ws, self.verdict_id, self.previous, contested=self.was_contested
        )
        self.ctx.publish(_verdict_changes(self.verdict_id, self.claim_id, Op.UPDATED))


class ConfirmVerdictCommand(DbCommand):
    """A reviewer keeps a contested claim's verdict: the contested mark is cleared.

    Undo marks the claim contested again (the history shows it, action ``take back``).
    """

    def __init__(self, ctx: AppContext, claim_id: uuid.UUID) -> None:
        super().__init__(ctx, "Confirm verdict")
        self.claim_id = claim_id

    def _publish(self) -> None:
        self.ctx.publish(changed(Entity.CLAIM, [self.claim_id], fields=["contested"]))

    def do(self) -> None:
        contest_ops.confirm(self.ctx.ws, self.claim_id)
        self._publish()

    def undo_edit(self) -> None:
        contest_ops.set_contested(self.ctx.ws, [self.claim_id], True, action="take back")
        self._publish()


class RestoreStateCommand(DbCommand):
    """Set a claim back to its state after a history entry; undo puts today's values back."""

    def __init__(self, ctx: AppContext, claim_id: uuid.UUID, entry_id: uuid.UUID) -> None:
        super().__init__(ctx, "Restore earlier claim state")
        self.claim_id = claim_id
        self.entry_id = entry_id
        self.old: dict[str, Any] | None = None
        self.old_chain: list[uuid.UUID] = []

    def _publish(self, fields: set[str]) -> None:
        self.ctx.publish(
            Changes((Change(Entity.CLAIM, str(self.claim_id), Op.UPDATED, frozenset(fields)),))
        )

    def _chain(self) -> list[uuid.UUID]:
        return [sid for sid, _ in relay_ops.relay_chain(self.ctx.ws, self.claim_id)]

    def do(self) -> None:
        current = claim_ops.get_claim(self.ctx.ws, self.claim_id)
        self.old = claim_ops.editable_values(current)
        self.old_chain = self._chain()
        history_ops.restore_claim_state(self.ctx.ws, self.claim_id, self.entry_id)
        now = claim_ops.editable_values(claim_ops.get_claim(self.ctx.ws, self.claim_id))
        fields = {k for k, v in self.old.items() if now.get(k) != v}
        if self._chain() != self.old_chain:
            fields.add(relay_ops.RELAY_FIELD)
        self._publish(fields)

    def undo_edit(self) -> None:
        assert self.old is not None
        now = claim_ops.editable_values(claim_ops.get_claim(self.ctx.ws, self.claim_id))
        back = {k: v for k, v in self.old.items() if now.get(k) != v}
        fields = set(back)
        chain = self.old_chain if self._chain() != self.old_chain else None
        if back or chain is not None:
            history_ops.put_back_state(self.ctx.ws, self.claim_id, back, chain)
        if chain is not None:
            fields.add(relay_ops.RELAY_FIELD)
        self._publish(fields)
