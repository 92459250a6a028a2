"""Synthetic claims for the benchmark scripts: row dicts and batched Core inserts.

Benchmarks need tens of thousands of claims quickly; they bypass the services
(and the history they write) and insert rows directly.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from itertools import islice
from typing import Any

from sqlalchemy import insert

from db.anchors import CONTEXT_CHARS
from db.models import Claim, Status
from db.workspace import Workspace


def claim_row(
    article_id: uuid.UUID,
    text: str,
    start: int,
    end: int,
    *,
    statement: str | None = None,
    status: Status = Status.VERIFIED,
    analyst: uuid.UUID | None = None,
    now: dt.datetime | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One claim over ``text[start:end]`` as a dict for ``insert(Claim)``."""
    moment = now or dt.datetime.now(dt.UTC)
    quote = text[start:end]
    return {
        "id": uuid.uuid4(),
        "article_id": article_id,
        "start": start,
        "end": end,
        "quote": quote,
        "prefix": text[max(0, start - CONTEXT_CHARS) : start],
        "suffix": text[end : end + CONTEXT_CHARS],
        "statement": quote if statement is None else statement,
        "status": status,
        "created_at": moment,
        "updated_at": moment,
        "created_by_id": analyst,
        "updated_by_id": analyst,
        "version": 1,
        **extra,
    }


def insert_claims(ws: Workspace, rows: Iterable[dict[str, Any]], batch: int = 5000) -> int:
    """Insert *rows* in batches of *batch*; returns how many were inserted."""
    total = 0
    iterator = iter(rows)
    while chunk := list(islice(iterator, batch)):
        with ws.engine.begin() as conn:
            conn.execute(insert(Claim), chunk)
        total += len(chunk)
    return total
