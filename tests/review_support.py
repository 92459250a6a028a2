"""Helpers shared by the team-review tests (articles from the seeds, claims on them)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from db import analysts, claims
from db.articles import NewArticle, add_article
from db.models import Claim
from db.workspace import Workspace


def add_seed(ws: Workspace, path: Path, title: str = "") -> tuple[uuid.UUID, str]:
    data = path.read_bytes()
    text = data.decode("utf-8").replace("\r\n", "\n")
    info = add_article(
        ws,
        NewArticle(text=text, original=data, filename=path.name, title=title or path.stem),
    )
    return info.id, text


def claim_at(ws: Workspace, article_id: uuid.UUID, text: str, nth: int = 0, **fields):
    """A claim over the middle of the *nth* line of the article."""
    lines = [i for i, line in enumerate(text.split("\n")) if len(line) > 40]
    line_no = lines[nth % len(lines)]
    start = sum(len(line) + 1 for line in text.split("\n")[:line_no]) + 5
    if "status" in fields:  # a claim made verified or false needs the reviewer's reason
        fields.setdefault("rationale", "Checked against the record.")
    return claims.create_claim(ws, article_id, start, start + 25, **fields)


def insert_claims(
    ws: Workspace,
    article_id: uuid.UUID,
    text: str,
    n: int,
    columns: Callable[[int], dict[str, object]],
) -> None:
    """*n* claims of 30 characters straight into the table (fixtures only: no history, no
    checks), a minute apart, oldest first; *columns(i)* gives the i-th one's status and
    whatever else sets it apart."""
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = []
    for i in range(n):
        start = (i * 7) % (len(text) - 40)
        moment = base + dt.timedelta(minutes=i)
        rows.append(
            {
                "id": uuid.uuid4(),
                "article_id": article_id,
                "start": start,
                "end": start + 30,
                "quote": text[start : start + 30],
                "prefix": "",
                "suffix": "",
                "statement": "",
                "created_at": moment,
                "updated_at": moment,
                "version": 1,
                **columns(i),
            }
        )
    with ws.session() as session:
        session.execute(insert(Claim), rows)


def act_as(ws: Workspace, name: str) -> None:
    analysts.bind_analyst(ws, name)
