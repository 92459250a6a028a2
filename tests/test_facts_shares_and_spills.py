"""How news reports count a spill and the work after it: a share of a whole its sentence
opens on ("Of the 52 kilometres of shore now soiled, about 9 lie on the island") is a part
of it, not another count of the whole.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt
import uuid

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.facts.proposals import propose_links
from db.models import Relation

MONDAY = dt.datetime(2031, 3, 3, 9, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2031, 3, 4, 9, tzinfo=dt.UTC)


def _article(ws, body: str, published: dt.datetime, *quotes: str) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    art = add_article(
        ws,
        NewArticle(text=body, original=body.encode() + uuid.uuid4().bytes, published_at=published),
    )
    return [claim_ops.create_claim_by_quote(ws, art.id, q).id for q in quotes]


def _links(ws) -> dict[frozenset[uuid.UUID], Relation]:  # type: ignore[no-untyped-def]
    return {
        frozenset((p.from_claim.claim_id, p.to_claim.claim_id)): p.relation
        for p in propose_links(ws)
        if p.kind == "figure"
    }


def test_a_share_of_the_whole_its_sentence_opens_on_supports_it(ws) -> None:  # type: ignore[no-untyped-def]
    (first,) = _article(
        ws,
        "Harbour officials said on Monday that oil had soiled 20 kilometres of shore.",
        MONDAY,
        "oil had soiled 20 kilometres of shore",
    )
    whole, share = _article(
        ws,
        "Of the 52 kilometres of shore now soiled, about 9 kilometres lie on Marrow Island, "
        "the wardens said.",
        TUESDAY,
        "Of the 52 kilometres of shore now soiled",
        "about 9 kilometres lie on Marrow Island",
    )
    links = _links(ws)
    # The island's share is a part of the 52 kilometres, not a figure disputing them ...
    assert links.get(frozenset((share, whole))) is Relation.SUPPORTS
    # ... nor a newer count of the whole shore than Monday's.
    assert frozenset((share, first)) not in links
    assert links.get(frozenset((whole, first))) is Relation.UPDATES
