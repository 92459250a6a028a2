"""One claim's fields changed in one transaction, naming the source and relays by name.

Used by ``claimdesk claim edit``: the named source (found by name or alias, or
added), the relay chain and every other field are written together, so a
refused value (a bad grading, a status the review rules forbid, a relay that is
also the source) leaves the claim, and the source list, as they were.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from db.claims import ClaimInfo, apply_fields, claim_info, normalise_fields
from db.errors import InvalidInput
from db.ids import resolve_id
from db.models import Claim
from db.workspace import Workspace

CLEAR = object()  # the source is to be removed from the claim


def edit_claim(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    fields: dict[str, Any],
    *,
    source: str | object | None = None,
    relays: Sequence[str] | None = None,
    rationale: str | None = None,
) -> ClaimInfo:
    """Change *claim_id*'s *fields*; *source* a name (or :data:`CLEAR`); *relays* the new
    chain by name (nearest relay first; empty clears it); *rationale* why a claim made
    verified or false is so (required then).  Nothing changes when any part is refused."""
    values = normalise_fields(fields)
    names = [" ".join(str(name).split()) for name in relays or ()]
    if any(not name for name in names):
        raise InvalidInput("A relay needs a name.")
    if isinstance(source, str) and not source.strip():
        raise InvalidInput("A source needs a name (use --no-source to remove it).")
    if not values and source is None and relays is None:
        raise InvalidInput("Nothing to change: give at least one field to edit.")
    from db.claims import _refuse_relay_as_source
    from db.relays import SourceFinder, write_chain

    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        finder = SourceFinder(session)
        if source is CLEAR:
            values["source_id"] = None
        elif isinstance(source, str):
            values["source_id"] = finder.get(" ".join(source.split()))
            session.flush()
        if relays is not None:
            chain = [finder.get(name) for name in names]
            session.flush()
            if values.get("source_id") is not None and values["source_id"] in chain:
                raise InvalidInput("A source cannot be both the claim's source and a relay.")
            if "source_id" in values:
                claim.source_id = values.pop("source_id")
            write_chain(session, claim, chain)
        else:
            _refuse_relay_as_source(session, claim, values.get("source_id"))
        apply_fields(session, claim, values, rationale=rationale)
        session.flush()
        return claim_info(session, cid)


__all__ = ["CLEAR", "edit_claim"]
