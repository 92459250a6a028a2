"""Writing an exchange bundle for a set of articles or a claim filter."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.bundles.archive import (
    build_manifest,
    jsonl,
    original_member,
    records_member,
    text_member,
    write_zip,
)
from db.bundles.records import to_record
from db.claims import ClaimFilter, _apply_filter, _base_query
from db.errors import InvalidInput
from db.exporting import atomic_path
from db.ids import resolve_id
from db.models import (
    Analyst,
    Article,
    Claim,
    ClaimLink,
    Comment,
    Evidence,
    HistoryEntry,
    Source,
    Verdict,
)
from db.relays import relay_ids
from db.timeutil import utcnow
from db.workspace import Workspace

CHUNK = 500


@dataclass(frozen=True)
class BundleSummary:
    """What a bundle holds: counts per section and the file written."""

    path: Path
    counts: dict[str, int]
    size: int

    def describe(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)
        return f"{self.path.name}: {parts or 'nothing'}"


def _in_chunks(session: Session, query_for: Any, ids: list[uuid.UUID]) -> list[Any]:
    out: list[Any] = []
    for i in range(0, len(ids), CHUNK):
        out.extend(session.scalars(query_for(ids[i : i + CHUNK])).all())
    return out


def _rows_in(session: Session, column: Any, ids: list[uuid.UUID]) -> list[Any]:
    """The rows whose *column* (a mapped attribute) holds one of *ids*."""
    return _in_chunks(session, lambda c: select(column.class_).where(column.in_(c)), ids)


def _select_ids(
    session: Session, article_ids: list[uuid.UUID] | None, flt: ClaimFilter | None
) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """(article ids, claim ids) to export."""
    if article_ids is not None:
        articles = list(dict.fromkeys(article_ids))
        query = _base_query().where(Claim.article_id.in_(articles))
        if flt is not None:
            query = _apply_filter(query, flt)
        claims = [row[0] for row in session.execute(query)]
        return articles, claims
    if flt is not None:
        rows = session.execute(_apply_filter(_base_query(), flt)).all()
        claims = [row[0] for row in rows]
        articles = list(dict.fromkeys(row[1] for row in rows))
        return articles, claims
    articles = list(session.scalars(select(Article.id)))
    claims = list(session.scalars(select(Claim.id)))
    return articles, claims


def _deletions(
    session: Session, articles: list[uuid.UUID], claims: set[uuid.UUID], *, whole: bool
) -> list[HistoryEntry]:
    """History entries of deletions a receiving workspace should repeat.

    A whole-workspace bundle carries every deletion; a bundle of some articles
    the deletions of their claims and of what hung on their claims.
    """
    chosen = {str(a) for a in articles}
    out = []
    for entry in session.scalars(select(HistoryEntry).where(HistoryEntry.action == "delete")):
        if whole or (entry.claim_id is not None and entry.claim_id in claims):
            out.append(entry)
            continue
        old_article = (entry.changes or {}).get("article_id", [None])[0]
        if entry.entity_type == "claim" and old_article in chosen:
            out.append(entry)
    return out


def collect(
    session: Session,
    article_ids: list[uuid.UUID] | None,
    flt: ClaimFilter | None,
    outside_links: bool = False,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes]]:
    """The records of each section and the article member files.

    Links travel when both ends do, or with *outside_links* when either end does.
    """
    article_list, claim_list = _select_ids(session, article_ids, flt)
    claim_set = set(claim_list)
    articles = _rows_in(session, Article.id, article_list)
    claims = _rows_in(session, Claim.id, claim_list)
    relays = relay_ids(session, claim_list)
    cited = {c.source_id for c in claims if c.source_id}
    cited.update(sid for chain in relays.values() for sid in chain)
    sources = _rows_in(session, Source.id, sorted(cited, key=str))
    links = [
        link
        for link in _in_chunks(
            session,
            lambda c: select(ClaimLink).where(
                or_(ClaimLink.from_claim_id.in_(c), ClaimLink.to_claim_id.in_(c))
            ),
            claim_list,
        )
        if outside_links or (link.from_claim_id in claim_set and link.to_claim_id in claim_set)
    ]
    links = list({link.id: link for link in links}.values())
    evidence = _rows_in(session, Evidence.claim_id, claim_list)
    comments = _rows_in(session, Comment.claim_id, claim_list)
    verdicts = _rows_in(session, Verdict.claim_id, claim_list)
    tracked = (articles, claims, sources, links, evidence, comments)
    history = _rows_in(session, HistoryEntry.entity_id, [x.id for g in tracked for x in g])
    # Deleted rows travel as their whole history, ending in the deletion.
    whole = article_ids is None and flt is None
    deleted = {e.entity_id for e in _deletions(session, article_list, claim_set, whole=whole)}
    if deleted:
        history += _rows_in(session, HistoryEntry.entity_id, sorted(deleted, key=str))
        history = list({entry.id: entry for entry in history}.values())
    analyst_ids: set[uuid.UUID] = set()
    for group in tracked:
        for row in group:
            analyst_ids.update(x for x in (row.created_by_id, row.updated_by_id) if x)
    analyst_ids.update(c.assignee_id for c in claims if c.assignee_id)
    analyst_ids.update(v.reviewer_id for v in verdicts)
    analyst_ids.update(h.analyst_id for h in history if h.analyst_id)
    analysts = _rows_in(session, Analyst.id, sorted(analyst_ids, key=str))
    groups = {
        "analysts": analysts,
        "sources": sources,
        "articles": articles,
        "claims": claims,
        "links": links,
        "evidence": evidence,
        "comments": comments,
        "verdicts": verdicts,
        "history": history,
    }
    data = {
        name: sorted((to_record(name, row, relays) for row in rows), key=lambda r: r["id"])
        for name, rows in groups.items()
    }
    files: dict[str, bytes] = {}
    for article in articles:
        files[text_member(article.id)] = article.text.encode("utf-8")
        files[original_member(article.id)] = bytes(article.original)
    return data, files


def export_bundle(
    ws: Workspace,
    path: Path | str,
    article_ids: list[uuid.UUID | str] | None = None,
    flt: ClaimFilter | None = None,
    *,
    outside_links: bool = False,
) -> BundleSummary:
    """Write a ``.claimdesk`` bundle of the chosen articles (or filtered claims).

    With *article_ids*, those articles and their claims (narrowed by *flt* if
    given); with only *flt*, the matching claims and their articles; with
    neither, the whole workspace.  Links travel when both ends do; with
    *outside_links* also links to claims outside the bundle (a snapshot for
    :func:`db.bundles.restore_bundle` into the same workspace, which skips a
    link whose other claim is gone by then).
    """
    path = Path(path)
    with ws.session() as session:
        ids = None
        if article_ids is not None:
            if not article_ids:
                raise InvalidInput("Choose at least one article to put in the bundle.")
            ids = [resolve_id(session, Article, a, "article") for a in article_ids]
        data, files = collect(session, ids, flt, outside_links)
        author = session.get(Analyst, ws.analyst_id) if ws.analyst_id else None
        created_by = author.name if author else ""
    members = {records_member(name): jsonl(rows) for name, rows in data.items()}
    members.update(files)
    manifest = build_manifest(members, utcnow().isoformat(), created_by)
    with atomic_path(path) as tmp:
        write_zip(tmp, members, manifest)
    counts = {name: len(rows) for name, rows in data.items()}
    return BundleSummary(path=path, counts=counts, size=path.stat().st_size)
