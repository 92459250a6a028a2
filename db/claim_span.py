"""Moving a claim's start and end within its article, keeping everything else.

The claim keeps its id, history, links, evidence, comments and verdict; its
quote and context are read again from the article at the new offsets (code
points).  A statement still equal to the old quote follows the new quote; one
the analyst rewrote is left as it is.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.anchors import CONTEXT_CHARS
from db.claims import ClaimInfo, claim_info
from db.errors import InvalidInput, Refused, StaleEdit
from db.ids import resolve_id, short
from db.models import Article, Claim
from db.workspace import Workspace


def check_claim_span(
    ws: Workspace, claim_id: uuid.UUID | str, start: int | None, end: int | None
) -> None:
    """Refuse, as :func:`set_claim_span` would, offsets that make no span of the claim's
    article (nothing is written)."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        _checked(session, claim, start, end)


def _checked(session: Session, claim: Claim, start: int | None, end: int | None) -> tuple[int, int]:
    """The new (start, end) of *claim*, refused unless a non-empty range of its text."""
    if claim.orphaned:
        raise Refused(
            f"Claim {short(claim.id)} lost its place when its article was revised; "
            "place it again from the list of claims to place."
        )
    new_start = claim.start if start is None else start
    new_end = claim.end if end is None else end
    length = session.scalar(select(func.length(Article.text)).where(Article.id == claim.article_id))
    length = int(length or 0)
    if not 0 <= new_start < new_end <= length:
        raise InvalidInput(
            f"The span {new_start}–{new_end} is not a non-empty range inside the "
            f"article's text (0–{length})."
        )
    return new_start, new_end


def set_claim_span(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    start: int | None = None,
    end: int | None = None,
    *,
    expected_version: int | None = None,
) -> ClaimInfo:
    """Put the claim over ``text[start:end]`` of its article (an offset left None stays).

    Refused, changing nothing, when the range is empty or outside the text, when
    the claim waits to be placed again after a revision, or (with
    *expected_version*) when someone else changed the claim since it was read.
    """
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        if expected_version is not None and claim.version != expected_version:
            raise StaleEdit(
                f"Claim {short(cid)} was changed by someone else (version {claim.version}, "
                f"you edited version {expected_version}); its span was not moved.",
                current={"claim": claim_info(session, cid)},
            )
        new_start, new_end = _checked(session, claim, start, end)
        if (new_start, new_end) == (claim.start, claim.end):
            return claim_info(session, cid)
        lo = max(0, new_start - CONTEXT_CHARS)
        hi = new_end + CONTEXT_CHARS
        window = session.scalar(
            select(func.substr(Article.text, lo + 1, hi - lo)).where(Article.id == claim.article_id)
        )
        window = window or ""
        quote = window[new_start - lo : new_end - lo]
        if claim.statement == claim.quote:
            claim.statement = quote
        claim.start, claim.end, claim.quote = new_start, new_end, quote
        claim.prefix = window[: new_start - lo]
        claim.suffix = window[new_end - lo :]
        session.flush()
        return claim_info(session, cid)
