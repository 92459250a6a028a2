"""A claim made verified or false carries who decided it and why.

Whatever route sets the status (the inspector, the review queue, a bulk edit
in the claims table, the CLI, a bundle), the change needs a written rationale
and is recorded as a verdict by the current analyst in the same transaction.
Putting back an earlier state (undo, restoring a history entry, bringing back
a deleted claim) is not a new decision: the verdict given then still stands on
record, and nothing is asked.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from db.analysts import current_analyst
from db.errors import InvalidInput
from db.models import Status, Verdict

DECIDED = frozenset({Status.VERIFIED, Status.FALSE})
MAX_RATIONALE = 20_000


def needs_rationale(old: Status | None, new: Status) -> bool:
    """True when going from *old* to *new* is a decision that must be explained."""
    return Status(new) in DECIDED and (old is None or Status(old) != Status(new))


def clean_rationale(status: Status, rationale: str | None) -> str:
    """The rationale, trimmed; InvalidInput when it is missing or too long."""
    text = (rationale or "").strip()
    label = Status(status).label.lower()
    if not text:
        raise InvalidInput(f"Marking a claim {label} needs a rationale: say why it is {label}.")
    if len(text) > MAX_RATIONALE:
        raise InvalidInput(f"A rationale can be at most {MAX_RATIONALE} characters long.")
    return text


def record_decision(
    session: Session, claim_id: uuid.UUID, status: Status, rationale: str
) -> Verdict | None:
    """Add the verdict of the current analyst (none in a workspace without analysts)."""
    me = current_analyst(session)
    if me is None:
        return None
    verdict = Verdict(
        id=uuid.uuid4(),
        claim_id=claim_id,
        reviewer_id=me.id,
        status=Status(status),
        rationale=rationale,
    )
    session.add(verdict)
    return verdict
