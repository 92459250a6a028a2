"""Contested claims: decided claims an accepted contradiction put back in review.

A verified, false or unverifiable claim that a *contradicts* link touches keeps
its verdict (only a reviewer changes a verdict) and is marked contested: it
waits in the review queue until a reviewer either confirms the verdict
(:func:`confirm`, which clears the mark, recorded in the history with the
action ``confirm``) or gives another verdict.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select

from db import rules
from db.audit import ACTION_KEY
from db.claims import ClaimInfo, claim_info
from db.errors import InvalidInput, Refused
from db.ids import resolve_id
from db.models import Claim
from db.workspace import Workspace

CONFIRM_ACTION = "confirm"


def confirm(ws: Workspace, claim_id: uuid.UUID | str) -> ClaimInfo:
    """A reviewer keeps a contested claim's verdict: the contested mark is cleared.

    The same rules as giving that verdict apply (a reviewer or admin; the
    four-eyes rule for verified and false).
    """
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        if not claim.contested:
            raise InvalidInput("This claim is not contested: there is nothing to confirm.")
        try:
            rules.check_status_change(session, claim, claim.status, as_verdict=True)
        except Refused as refused:
            raise Refused(f"Confirming a verdict is a reviewer's decision. {refused}") from None
        session.info[ACTION_KEY] = CONFIRM_ACTION
        claim.contested = False
        session.flush()
        return claim_info(session, cid)


def set_contested(
    ws: Workspace, claim_ids: Iterable[uuid.UUID], value: bool, *, action: str = "undo"
) -> list[uuid.UUID]:
    """Set or clear the contested mark of some claims (undo and redo); returns those changed.

    No review rule applies: this puts back what an earlier edit did.
    """
    wanted = list(dict.fromkeys(claim_ids))
    if not wanted:
        return []
    with ws.session() as session:
        claims = session.scalars(select(Claim).where(Claim.id.in_(wanted))).all()
        changed = [c.id for c in claims if c.contested != value]
        if changed:
            session.info[ACTION_KEY] = action
            for claim in claims:
                claim.contested = value
            session.flush()
        return changed
