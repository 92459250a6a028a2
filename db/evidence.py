"""Evidence attached to a claim: a URL or a note that supports or refutes it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.errors import InvalidInput, enum_member
from db.ids import resolve_id
from db.models import Claim, Evidence, Stance
from db.workspace import Workspace


@dataclass(frozen=True, slots=True)
class EvidenceInfo:
    id: uuid.UUID
    claim_id: uuid.UUID
    url: str
    note: str
    stance: Stance
    created_at: dt.datetime

    @property
    def label(self) -> str:
        """One line for lists: the URL and/or the note."""
        return " — ".join(p for p in (self.url, self.note) if p)


def _info(row: Evidence) -> EvidenceInfo:
    return EvidenceInfo(row.id, row.claim_id, row.url, row.note, row.stance, row.created_at)


def _check(url: str, note: str) -> tuple[str, str]:
    url, note = (url or "").strip(), (note or "").strip()
    if not url and not note:
        raise InvalidInput("Evidence needs a URL or a note.")
    if url and not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"The evidence URL {url!r} must start with http:// or https://.")
    return url, note


def add_evidence(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    url: str = "",
    note: str = "",
    stance: str | Stance = Stance.SUPPORTS,
    *,
    evidence_id: uuid.UUID | None = None,
) -> EvidenceInfo:
    """Attach evidence to a claim; one of *url* and *note* must be given."""
    url, note = _check(url, note)
    value = enum_member(Stance, stance, "stance")
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        row = Evidence(
            id=evidence_id or uuid.uuid4(), claim_id=cid, url=url, note=note, stance=value
        )
        session.add(row)
        session.flush()
        return _info(row)


def remove_evidence(ws: Workspace, evidence_id: uuid.UUID | str) -> EvidenceInfo:
    """Delete one piece of evidence; returns what was deleted (for undo)."""
    with ws.session() as session:
        eid = resolve_id(session, Evidence, evidence_id, "evidence")
        row = session.get_one(Evidence, eid)
        info = _info(row)
        session.delete(row)
        return info


def restore_evidence(ws: Workspace, info: EvidenceInfo) -> EvidenceInfo:
    """Recreate removed evidence with its former id."""
    return add_evidence(ws, info.claim_id, info.url, info.note, info.stance, evidence_id=info.id)


def list_evidence(ws: Workspace, claim_id: uuid.UUID | str) -> list[EvidenceInfo]:
    """A claim's evidence, oldest first."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        rows = session.scalars(
            select(Evidence)
            .where(Evidence.claim_id == cid)
            .order_by(Evidence.created_at, Evidence.id)
        )
        return [_info(r) for r in rows]
