"""Who decided a claim, when and why: the verdict behind its current status, for the sheets.

A claim's verdict is the latest one giving the status the claim has now; a
claim whose status no verdict gave (never decided, or taken back) has none.
Only claims with any verdict are looked up, a batch at a time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, String, select, type_coerce
from sqlalchemy.orm import Session

from db.models import Analyst, Status, Verdict

COLUMNS = ("verifier", "verdict_at", "rationale")


@dataclass(frozen=True, slots=True)
class VerdictCell:
    verifier: str
    decided_at: dt.datetime  # UTC
    rationale: str
    # decided_text when already known (made from the stored text), else "".
    known_text: str = field(default="", compare=False, repr=False)

    @property
    def decided_text(self) -> str:
        """The time in UTC, ISO 8601: ``2024-10-30T05:10:00+00:00``."""
        return self.known_text or self.decided_at.astimezone(dt.UTC).isoformat(timespec="seconds")


def decided_claims(conn: Connection) -> set[Any]:
    """Ids (as the driver reads them) of the claims with any verdict."""
    return set(conn.scalars(select(type_coerce(Verdict.claim_id, String)).distinct()))


def verdict_cells(
    session: Session, statuses: dict[uuid.UUID, Status | str]
) -> dict[uuid.UUID, VerdictCell]:
    """Claim id -> the verdict behind its status, for the claims of *statuses*
    (claim id -> its current status)."""
    if not statuses:
        return {}
    query = (
        select(
            Verdict.claim_id, Verdict.status, Verdict.decided_at, Verdict.rationale, Analyst.name
        )
        .outerjoin(Analyst, Analyst.id == Verdict.reviewer_id)
        .where(Verdict.claim_id.in_(list(statuses)))
        .order_by(Verdict.decided_at, Verdict.id)
    )
    out: dict[uuid.UUID, VerdictCell] = {}
    for claim_id, status, at, rationale, name in session.execute(query):
        if Status(status) == Status(statuses[claim_id]):
            out[claim_id] = VerdictCell(name or "", at, rationale)
    return out


def as_uuids(raw_ids: Iterable[Any]) -> list[uuid.UUID]:
    """Ids as the driver read them (hex text on SQLite) as UUIDs."""
    return [r if isinstance(r, uuid.UUID) else uuid.UUID(str(r)) for r in raw_ids]
