"""A workspace touching every table, and every row of a workspace for comparing two."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from db import articles as article_ops
from db import claims as claim_ops
from db import comments as comment_ops
from db import evidence as evidence_ops
from db import links as link_ops
from db import review
from db.bundles.full import LOCAL_COLUMNS, carried_tables
from db.claims import ClaimFilter
from db.importing.text import read_text_article
from db.models import (
    Base,
    Claim,
    ClaimReading,
    DismissedProposal,
    Fact,
    Relation,
    Status,
    SuggestionDismissal,
)
from db.relays import set_relay_names
from db.revisions import replace_article_text
from db.saved_filters import save_filter
from db.settings import FOUR_EYES, set_setting
from db.workspace import Workspace


def fill_every_table(ws: Workspace, articles: int = 2) -> dict[str, Any]:
    """Rows in every table a full backup carries (the analyst bound beforehand)."""
    claims: list[uuid.UUID] = []
    article_ids: list[uuid.UUID] = []
    for i in range(articles):
        text = (
            f"Officials said {1000 + i} troops arrived on day {i}. The mayor said "
            f"{20 + i} schools closed. Nothing else happened."
        )
        art = article_ops.add_article(
            ws, read_text_article(f"Report {i}\n\n{text}".encode(), f"report{i}.txt")
        )
        article_ids.append(art.id)
        first = claim_ops.create_claim_by_quote(ws, art.id, f"{1000 + i} troops", tags=["army"])
        second = claim_ops.create_claim_by_quote(
            ws, art.id, f"{20 + i} schools", tags=["schools", "Café"]
        )
        claims += [first.id, second.id]
    # An earlier text: the first article revised.
    revised = (
        "Report 0\n\nOfficials said 1000 troops arrived on day 0, a Monday. The mayor said "
        "20 schools closed. Nothing else happened."
    )
    replace_article_text(
        ws, article_ids[0], read_text_article(revised.encode(), "report0-revised.txt")
    )
    claim_ops.update_claim(ws, claims[0], statement="Troops arrived", status=Status.IN_REVIEW)
    set_setting(ws, FOUR_EYES, "off")
    review.give_verdict(ws, claims[0], Status.VERIFIED, "Two sources agree.")
    link_ops.add_link(ws, claims[0], claims[2], Relation.SUPPORTS, note="same day")
    evidence_ops.add_evidence(ws, claims[1], "https://example.org/schools", "a list")
    thread = comment_ops.add_comment(ws, claims[1], "Which schools?")
    comment_ops.add_comment(ws, claims[1], "All of them.", parent_id=thread.id)
    set_relay_names(ws, claims[1], ["City hall", "Local radio"])
    save_filter(ws, "Schools", ClaimFilter(tags=frozenset({"schools"})))
    deleted = claim_ops.create_claim_by_quote(ws, article_ids[1], "Nothing else")
    claim_ops.delete_claim(ws, deleted.id)
    with ws.session() as session:
        fact = Fact(name="How many troops?", notes="two reports")
        session.add(fact)
        session.flush()
        for claim_id in (claims[0], claims[2]):
            session.get_one(Claim, claim_id).fact_id = fact.id
        session.add(
            SuggestionDismissal(
                article_id=article_ids[1],
                analyst_id=ws.analyst_id,
                kind="number",
                start=14,
                end=18,
                quote="1001",
            )
        )
        session.add(
            DismissedProposal(
                from_claim_id=claims[1],
                to_claim_id=claims[3],
                relation=Relation.CONTRADICTS,
                analyst_id=ws.analyst_id,
            )
        )
        session.add(ClaimReading(id=claims[0], key="k" * 32, reading="{}"))
    return {"articles": article_ids, "claims": claims}


def every_row(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a full backup carries, by primary key, all columns but
    those no backup carries."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with ws.session() as session:
        for name in carried_tables():
            table = Base.metadata.tables[name]
            cols = [c for c in table.columns if (name, c.key) not in LOCAL_COLUMNS]
            query = select(*cols).order_by(*table.primary_key.columns)
            out[name] = [tuple(_plain(v) for v in row) for row in session.execute(query)]
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    if hasattr(value, "value") and not isinstance(value, str | int):  # an enumeration
        return value.value
    return value
