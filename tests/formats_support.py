"""Builders shared by the export and import format tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from db.articles import ArticleInfo, NewArticle, add_article
from db.claims import ClaimInfo, create_claim, create_claim_by_quote, update_claim
from db.links import add_link
from db.sources import create_source
from db.workspace import Workspace

# Texts in scripts the PDF and HTML reports must keep as real text.
HANGUL = "북한 병사 3천명 파병"
CYRILLIC = "Министерство обороны сообщило"
ARABIC = "قالت الوزارة إن الهجوم"


@dataclass
class Populated:
    articles: list[ArticleInfo]
    claims: list[ClaimInfo] = field(default_factory=list)


def new_article(path: Path, index: int) -> NewArticle:
    data = path.read_bytes()
    return NewArticle(
        text=data.decode("utf-8").replace("\r\n", "\n"),
        original=data,
        filename=path.name,
        title=f"Seed article {index}",
        outlet=f"Outlet {index}",
        url=f"https://news.example/{index}",
        published_at=dt.datetime(2024, 10, 1 + index, 8, 30, tzinfo=dt.UTC),
    )


def add_seeds(ws: Workspace, seed_paths: list[Path]) -> list[ArticleInfo]:
    return [add_article(ws, new_article(p, i)) for i, p in enumerate(seed_paths)]


def first_sentence_span(text: str, skip: int = 0) -> tuple[int, int]:
    """A short span (a few words) near the start of the *skip*-th line."""
    lines = [i for i, ch in enumerate(text) if ch == "\n"]
    start = 0 if skip == 0 else lines[min(skip, len(lines)) - 1] + 1
    while text[start] in "\n ":
        start += 1
    end = text.find(" ", start + 20)
    return start, end if end > 0 else start + 20


def populate(ws: Workspace, seed_paths: list[Path], *, nasty: bool = True) -> Populated:
    """Seed articles with claims in every status, sources, tags, links and odd texts."""
    articles = add_seeds(ws, seed_paths)
    out = Populated(articles)
    src = create_source(ws, "Ministry of Defence", kind="agency", default_reliability="B")
    src2 = create_source(ws, '=HYPERLINK("http://evil.example","x")', kind="person")
    statuses = ["verified", "false", "disputed", "unverifiable", "unverified", "in_review"]
    statements = [
        f"Troops deployed — {HANGUL}",
        f"{CYRILLIC} about losses",
        f"{ARABIC} وقع",
        "=cmd|' /C calc'!A0",
        "+1+2",
        "-3 * 4",
        "@SUM(A1:A2)",
        "\tleading tab",
        "\rcarriage",
        "Plain & <b>bold</b> * _md_ [x](y) # not heading",
    ]
    n = 0
    for article in articles:
        from db.articles import article_text

        text = article_text(ws, article.id).text
        for skip in range(2):
            start, end = first_sentence_span(text, skip)
            statement = statements[n % len(statements)] if nasty else f"Statement {n}"
            claim = create_claim(
                ws,
                article.id,
                start,
                end,
                statement=statement,
                source_id=(src.id if n % 2 == 0 else src2.id),
                credibility=(n % 6) + 1,
                tags=[f"tag{n % 3}", "=1+1"] if nasty else [f"tag{n % 3}"],
                event_start=dt.date(2024, 9, 1 + n),
                notes="=NOW()" if nasty else "",
            )
            reason = '=HYPERLINK("http://evil.example")' if nasty else f"Reason {n}"
            claim = update_claim(ws, claim.id, status=statuses[n % len(statuses)], rationale=reason)
            out.claims.append(claim)
            n += 1
    if len(out.claims) >= 4:
        add_link(ws, out.claims[0].id, out.claims[2].id, "supports")
        add_link(ws, out.claims[3].id, out.claims[1].id, "contradicts")
    return out


def claim_on_quote(ws: Workspace, article_id: uuid.UUID, quote: str, **fields: object) -> ClaimInfo:
    return create_claim_by_quote(ws, article_id, quote, **fields)
