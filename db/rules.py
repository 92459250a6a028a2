"""Review rules enforced in the core, whatever front end asks for the change.

Roles: a plain *analyst* may mark claims unverified, in review or disputed
(flagging a dispute sends the claim to the review queue), but only reviewers
and admins decide the outcome: verified, false, unverifiable — and disputed
when it is given as a verdict.

Four-eyes rule (workspace setting ``four_eyes``, on by default): the analyst
who created a claim cannot make it verified or false, not even by creating it
with that status; another reviewer must confirm it.  The rule binds only when
the workspace has at least two analysts: a solo local workspace has no second
pair of eyes, and its single analyst (the admin created on first start)
decides alone.

Bringing back a deleted claim (undo of a delete) with the status it had when
it was deleted is not a new decision and is allowed to anyone.

The current analyst is ``session.info["analyst_id"]``.  A session with no
analyst bound may only decide outcomes in a workspace that has no analysts
at all (a fresh workspace being set up by a script).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from db.analysts import current_analyst
from db.errors import Refused
from db.models import Analyst, Claim, HistoryEntry, Role, Status
from db.workspace import Workspace

OUTCOMES = frozenset({Status.VERIFIED, Status.FALSE, Status.UNVERIFIABLE})
VERDICTS = OUTCOMES | {Status.DISPUTED}
FOUR_EYES_STATUSES = frozenset({Status.VERIFIED, Status.FALSE})
REVIEW_ROLES = frozenset({Role.REVIEWER, Role.ADMIN})


def _analyst_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Analyst)) or 0


def _deciding_reviewer(session: Session, new_status: Status, then: str) -> Analyst | None:
    """The current analyst, who must be a reviewer or admin to give *new_status*.

    None when nobody is named in a workspace without analysts (nothing to check);
    refused, with *then* saying what to do instead, for anyone else.
    """
    me = current_analyst(session)
    if me is None:
        if _analyst_count(session):
            raise Refused("Choose who you are before deciding a claim's status.")
        return None
    if me.role not in REVIEW_ROLES:
        raise Refused(
            f"Only reviewers and admins can mark a claim {new_status.label.lower()}; "
            f"you are {me.name} ({Role(me.role).value}). {then}"
        )
    return me


def _restores_deleted_state(session: Session, claim: Claim, new_status: Status) -> bool:
    """True when a not-yet-stored claim re-creates a deleted one with its former status."""
    state = inspect(claim)
    if state.persistent or claim.id is None:
        return False
    last = session.scalar(
        select(HistoryEntry)
        .where(HistoryEntry.entity_type == "claim", HistoryEntry.entity_id == claim.id)
        .order_by(HistoryEntry.at.desc())
        .limit(1)
    )
    if last is None or last.action != "delete" or not isinstance(last.changes, dict):
        return False
    return bool((last.changes.get("status") or [None])[0] == new_status.value)


def check_status_change(
    session: Session, claim: Claim, new_status: Status, *, as_verdict: bool = False
) -> None:
    """Raise :class:`db.errors.Refused` when the current analyst may not set *new_status*.

    Team rules (roles, four-eyes) are applied here so that the GUI, the CLI and
    bundle merges all obey them.  *as_verdict* marks a reviewer's decision
    (which makes "disputed" a reviewer-only outcome too).
    """
    from db.settings import four_eyes_on

    new_status = Status(new_status)
    decisive = new_status in (VERDICTS if as_verdict else OUTCOMES)
    if not decisive or (not as_verdict and _restores_deleted_state(session, claim, new_status)):
        return
    me = _deciding_reviewer(session, new_status, "Send it to review instead.")
    if me is None:
        return
    label = new_status.label.lower()
    # A claim not stored yet will be recorded as created by the current analyst.
    creator = claim.created_by_id
    if creator is None and not inspect(claim).persistent:
        creator = me.id
    if (
        new_status in FOUR_EYES_STATUSES
        and creator is not None
        and creator == me.id
        and _analyst_count(session) >= 2
        and four_eyes_on(session)
    ):
        raise Refused(
            f"You created this claim, so you cannot mark it {label} yourself under the "
            "four-eyes rule: another reviewer must confirm it."
        )


def status_refusal(ws: Workspace, claim_id: uuid.UUID, new_status: Status) -> str | None:
    """Why the current analyst may not give the claim *new_status* (None: they may).

    Lets a front end refuse before asking for a rationale; the write checks again.
    """
    with ws.session() as session:
        claim = session.get(Claim, claim_id)
        if claim is None or claim.status == new_status:
            return None
        try:
            check_status_change(session, claim, new_status)
        except Refused as exc:
            return str(exc)
    return None


def check_many(session: Session, claims: Sequence[Any], new_status: Status) -> None:
    """:func:`check_status_change` for many stored claims at once, read once (*claims*
    are claims or rows with their ``id``, ``status`` and ``created_by_id``).

    One claim the rules refuse refuses them all, with one message that says how
    many and which.
    """
    from db.settings import four_eyes_on

    new_status = Status(new_status)
    changing = [c for c in claims if c.status != new_status]
    if not changing or new_status not in OUTCOMES:
        return
    me = _deciding_reviewer(
        session, new_status, "Send them to review instead. Nothing was changed."
    )
    if me is None:
        return
    label = new_status.label.lower()
    if new_status not in FOUR_EYES_STATUSES or not four_eyes_on(session):
        return
    own = [c for c in changing if c.created_by_id == me.id]
    if own and _analyst_count(session) >= 2:
        named = ", ".join(str(c.id)[:8] for c in own[:3]) + (", …" if len(own) > 3 else "")
        raise Refused(
            f"You created {len(own)} of these {len(changing)} claims ({named}), so you cannot "
            f"mark them {label} yourself under the four-eyes rule: another reviewer must "
            "confirm them. Nothing was changed."
        )
