"""How news reports count a spill and the work after it: a share of a whole its sentence
opens on ("Of the 52 kilometres of shore now soiled, about 9 lie on the island") is a part
of it, not another count of the whole; an amount let out is one count whether told by a
verb ("had escaped"), as lost ("have been lost") or by the noun of the spill ("puts the
spill at"), and not the amount carried; a figure given as the true one ("said the true
figure was …") disputes what the sentence before measured.

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


def test_an_amount_let_out_is_one_count_however_told(ws) -> None:  # type: ignore[no-untyped-def]
    escaped, lost = _article(
        ws,
        "The port authority said about 500 barrels of diesel had escaped from the barge. Its "
        "owner said up to 150 barrels have been lost.",
        MONDAY,
        "about 500 barrels of diesel had escaped",
        "up to 150 barrels have been lost",
    )
    (spill,) = _article(
        ws,
        "The port authority now puts the spill at 1,900 barrels of diesel.",
        TUESDAY,
        "puts the spill at 1,900 barrels of diesel",
    )
    links = _links(ws)
    # "Lost" and the noun of the spill measure what escaped, as the verb does.
    assert links.get(frozenset((lost, escaped))) is Relation.CONTRADICTS
    assert links.get(frozenset((spill, escaped))) is Relation.UPDATES
    assert links.get(frozenset((spill, lost))) is Relation.UPDATES


def test_an_amount_carried_is_not_the_amount_let_out(ws) -> None:  # type: ignore[no-untyped-def]
    carried, lost = _article(
        ws,
        "The barge was carrying 4,000 barrels of diesel. Up to 150 barrels have been lost.",
        MONDAY,
        "carrying 4,000 barrels of diesel",
        "Up to 150 barrels have been lost",
    )
    (spill,) = _article(
        ws,
        "The authority put the spill at 1,900 barrels.",
        TUESDAY,
        "put the spill at 1,900 barrels",
    )
    links = _links(ws)
    assert frozenset((carried, lost)) not in links
    assert frozenset((carried, spill)) not in links


def test_the_true_figure_disputes_what_the_sentence_before_measured(ws) -> None:  # type: ignore[no-untyped-def]
    agency, true = _article(
        ws,
        "The port authority now puts the spill at 1,900 barrels of diesel. Divers hired by "
        "the fishing cooperative said the true figure was between 2,500 and 2,800 barrels.",
        TUESDAY,
        "puts the spill at 1,900 barrels of diesel",
        "between 2,500 and 2,800 barrels",
    )
    (first,) = _article(
        ws,
        "The port authority said 700 barrels of diesel had leaked by Monday night.",
        MONDAY,
        "700 barrels of diesel had leaked",
    )
    links = _links(ws)
    assert links.get(frozenset((true, agency))) is Relation.CONTRADICTS
    assert links.get(frozenset((true, first))) is Relation.UPDATES
