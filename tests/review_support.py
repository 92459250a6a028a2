"""Helpers shared by the team-review tests (articles from the seeds, claims on them)."""

from __future__ import annotations

import uuid
from pathlib import Path

from db import analysts, claims
from db.articles import NewArticle, add_article
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


def act_as(ws: Workspace, name: str) -> None:
    analysts.bind_analyst(ws, name)
