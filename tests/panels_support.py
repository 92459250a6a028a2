"""Helpers for the panel tests: a context over a workspace with seeded claims."""

from __future__ import annotations

from pathlib import Path

from db.articles import ArticleInfo, NewArticle, add_article
from db.claims import ClaimInfo, create_claim
from db.workspace import Workspace


def add_seed_article(ws: Workspace, path: Path, title: str | None = None) -> ArticleInfo:
    data = path.read_bytes()
    text = data.decode("utf-8").replace("\r\n", "\n")
    return add_article(
        ws, NewArticle(text=text, original=data, filename=path.name, title=title or path.stem)
    )


def sentence_claims(
    ws: Workspace, article: ArticleInfo, text: str, count: int, **fields: object
) -> list[ClaimInfo]:
    """Claims over the first *count* sentences of *text* (one per sentence)."""
    out: list[ClaimInfo] = []
    pos = 0
    while len(out) < count:
        end = min((i for i in (text.find(". ", pos), text.find(".\n", pos)) if i >= 0), default=-1)
        if end < 0:
            raise AssertionError("the seed article has too few sentences")
        while pos < end and text[pos].isspace():
            pos += 1
        out.append(create_claim(ws, article.id, pos, end + 1, **fields))
        pos = end + 2
    return out
