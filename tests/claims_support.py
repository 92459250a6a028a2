"""A workspace of a few thousand claims for the paged claims table's tests, and the
orders the table promises worked out in Python."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

from panels_support import add_seed_article
from sqlalchemy import insert

from db import claims as claim_ops
from db import comments as comment_ops
from db.anchors import CONTEXT_CHARS
from db.articles import article_text
from db.claim_pages import ClaimOrder, SortKey
from db.claim_rows import (
    R_CREDIBILITY,
    R_EVENT_END,
    R_EVENT_START,
    R_ID,
    R_QUOTE,
    R_RELAYS,
    R_RELIABILITY,
    R_SOURCE,
    R_SOURCE_ID,
    R_STATEMENT,
    R_STATUS,
    R_TAGS,
    R_THREADS,
    R_UPDATED,
    claim_rows,
)
from db.claims import ClaimFilter
from db.models import Claim, ClaimRelay, Status, Tag, claim_tag
from db.sources import create_source
from db.workspace import Workspace

CLAIMS = 2400
PAGE = 50

WORDS = "troops border figure briefing Kyiv estimate Министр École officials camps".split()


def bulk_claims(ws, articles, sources, count: int, seed: int = 3) -> None:
    """*count* claims spread over *articles* by one Core insert (no history), some tagged."""
    rng = random.Random(seed)
    base = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    rows, tagged, relays = [], [], []
    for n in range(count):
        article, text = articles[n % len(articles)]
        start = rng.randrange(0, len(text) - 60)
        end = start + rng.randint(5, 50)
        cid = uuid.uuid4()
        rows.append(
            {
                "id": cid,
                "article_id": article,
                "start": start,
                "end": end,
                "quote": text[start:end],
                "prefix": text[max(0, start - CONTEXT_CHARS) : start],
                "suffix": text[end : end + CONTEXT_CHARS],
                "statement": " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))),
                "status": list(Status)[n % len(Status)],
                "source_id": rng.choice(sources) if n % 3 else None,
                "reliability": "ABCDEF"[n % 6] if n % 4 else None,
                "credibility": 1 + n % 5 if n % 4 else None,
                "event_start": (base + dt.timedelta(days=n % 97)).date() if n % 2 else None,
                "updated_at": base + dt.timedelta(minutes=rng.randrange(100_000)),
                "created_at": base,
                "version": 1,
            }
        )
        if n % 7 == 0:
            tagged.append(cid)
        if n % 5 == 0:  # relayed by one or two sources other than its own
            others = [s for s in sources if s != rows[-1]["source_id"]]
            for position, relay in enumerate(rng.sample(others, min(len(others), 1 + n % 2))):
                relays.append(
                    {"id": uuid.uuid4(), "claim_id": cid, "position": position, "source_id": relay}
                )
    with ws.engine.begin() as conn:
        conn.execute(insert(Claim), rows)
        conn.execute(insert(ClaimRelay), relays)
        tag = uuid.uuid4()
        conn.execute(insert(Tag), [{"id": tag, "name": "border"}])
        conn.execute(insert(claim_tag), [{"claim_id": c, "tag_id": tag} for c in tagged])


def big_workspace(ws: Workspace, seed_paths: list[Path]) -> dict:
    """Three articles, three sources and :data:`CLAIMS` claims, some tagged, relayed or
    discussed."""
    articles = []
    for n, path in enumerate(seed_paths[:3]):
        info = add_seed_article(ws, path, f"Article {n}")
        articles.append((info.id, article_text(ws, info.id).text))
    sources = [create_source(ws, name).id for name in ("Ministry", "agency", "Zeta wire")]
    bulk_claims(ws, articles, sources, CLAIMS)
    some = [r[R_ID] for r in claim_rows(ws)[::97]]
    for n, claim_id in enumerate(some):  # a few discussed claims, one to three threads
        for _ in range(1 + n % 3):
            comment_ops.add_comment(ws, claim_id, "Which briefing?")
    claim_ops.update_claim(ws, some[1], tags=["alpha", "border"])
    claim_ops.update_claim(ws, some[2], tags=["zulu"])
    return {"articles": [a for a, _t in articles], "sources": sources}


# ---------------------------------------------------------------- expected orders, in Python


def _sql_lower(text: str) -> str:
    """SQLite's lower(): ASCII letters only (other scripts keep their case)."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _key(order: ClaimOrder, row) -> tuple:
    """The order db/claim_pages promises: empty values first ascending, last descending."""
    values = {
        SortKey.POSITION: None,  # see expected_ids
        SortKey.ID: (),
        SortKey.STATUS: (row[R_STATUS],),
        SortKey.GRADING: (row[R_RELIABILITY], row[R_CREDIBILITY]),
        SortKey.SOURCE: (
            row[R_SOURCE] or None,
            uuid.UUID(row[R_SOURCE_ID]).hex if row[R_SOURCE_ID] else None,
        ),
        SortKey.STATEMENT: (_sql_lower(row[R_STATEMENT]),),
        SortKey.QUOTE: (_sql_lower(row[R_QUOTE]),),
        SortKey.TAGS: (row[R_TAGS].split(", ")[0] or None,),
        SortKey.THREADS: (row[R_THREADS],),
        SortKey.EVENT: (row[R_EVENT_START], row[R_EVENT_END]),
        SortKey.UPDATED: (row[R_UPDATED],),
        SortKey.RELAYS: (row[R_RELAYS].split(" → ")[0].lower() or None,),
    }[order.key]
    return (*((v is not None, v) for v in values), uuid.UUID(row[R_ID]).hex)


def expected_ids(ws, flt: ClaimFilter, order: ClaimOrder) -> list[str]:
    rows = claim_rows(ws, flt)  # by article title, then position: the POSITION order
    if order.key is SortKey.POSITION:
        ids = [r[R_ID] for r in rows]
        return ids[::-1] if order.descending else ids
    rows.sort(key=lambda r: _key(order, r), reverse=order.descending)
    return [r[R_ID] for r in rows]


ORDERS = [
    ClaimOrder(SortKey.POSITION),
    ClaimOrder(SortKey.POSITION, True),
    ClaimOrder(SortKey.ID),
    ClaimOrder(SortKey.STATUS, True),
    ClaimOrder(SortKey.GRADING),
    ClaimOrder(SortKey.GRADING, True),
    ClaimOrder(SortKey.SOURCE),
    ClaimOrder(SortKey.SOURCE, True),
    ClaimOrder(SortKey.STATEMENT),
    ClaimOrder(SortKey.STATEMENT, True),
    ClaimOrder(SortKey.QUOTE),
    ClaimOrder(SortKey.QUOTE, True),
    ClaimOrder(SortKey.TAGS),
    ClaimOrder(SortKey.TAGS, True),
    ClaimOrder(SortKey.THREADS),
    ClaimOrder(SortKey.THREADS, True),
    ClaimOrder(SortKey.EVENT, True),
    ClaimOrder(SortKey.UPDATED),
    ClaimOrder(SortKey.RELAYS),
    ClaimOrder(SortKey.RELAYS, True),
]
