"""Which rows a bundle carries, as SQL conditions rather than lists of ids.

The chosen claims are a subquery (all claims, those of some articles, or those a
claim filter matches), and every section's rows are named by conditions on it,
so a workspace of any size is exported without holding its ids: only the ids of
deleted rows whose history travels are gathered, and only those a bundle
carries deletions of.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    Uuid,
    and_,
    bindparam,
    func,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from db.claims import ClaimFilter, _apply_filter, _base_query
from db.models import (
    Article,
    Claim,
    ClaimLink,
    ClaimRelay,
    Comment,
    Evidence,
    HistoryEntry,
    Source,
    Verdict,
)

CHUNK = 500
# Sections whose rows carry their own history.
TRACKED = ("articles", "claims", "sources", "links", "evidence", "comments")


@dataclass(frozen=True)
class Selection:
    """The rows of a bundle: chosen articles and claims, and what hangs on them."""

    claim_ids: Select[Any]  # one column: the chosen claims' ids
    articles: ColumnElement[bool]  # the chosen articles, a condition on Article
    article_ids: list[uuid.UUID] | None  # the chosen articles when named by the caller
    whole: bool  # the whole workspace: every deletion travels
    outside_links: bool  # links with one end outside the bundle travel too

    def where(self, section: str) -> ColumnElement[bool]:
        """The condition naming *section*'s rows (analysts are gathered from the others)."""
        claims = self.claim_ids
        if section == "articles":
            return self.articles
        if section == "claims":
            return true() if self.whole else Claim.id.in_(claims)
        if section == "sources":
            relayed = select(ClaimRelay.source_id).where(ClaimRelay.claim_id.in_(claims))
            cited = select(Claim.source_id).where(Claim.id.in_(claims))
            return or_(Source.id.in_(cited), Source.id.in_(relayed))
        if section == "links":
            if self.whole:
                return true()  # both ends of every link are claims of the workspace
            if self.outside_links:
                return or_(ClaimLink.from_claim_id.in_(claims), ClaimLink.to_claim_id.in_(claims))
            # Both ends chosen.  Given two IN lists, SQLite walks the unique index on
            # (from, to) with every pair of chosen claims, n² lookups; the second end
            # is tested on each link the first end finds instead (coalesce(x, x) is x,
            # but no index can serve it).
            to_claim = func.coalesce(ClaimLink.to_claim_id, ClaimLink.to_claim_id)
            return and_(ClaimLink.from_claim_id.in_(claims), to_claim.in_(claims))
        if section == "evidence":
            return Evidence.claim_id.in_(claims)
        if section == "comments":
            return Comment.claim_id.in_(claims)
        if section == "verdicts":
            return Verdict.claim_id.in_(claims)
        if section == "history":
            return HistoryEntry.entity_id.in_(self.tracked_ids())
        raise ValueError(f"no condition for the section {section!r}")

    def tracked_ids(self) -> Select[Any]:
        """The ids of every row the bundle carries whose history travels with it."""
        ids = {
            "articles": Article.id,
            "claims": Claim.id,
            "sources": Source.id,
            "links": ClaimLink.id,
            "evidence": Evidence.id,
            "comments": Comment.id,
        }
        parts = [select(ids[s]).where(self.where(s)) for s in TRACKED]
        return select(union_all(*parts).subquery().c[0])

    def deleted_entities(self, session: Session) -> list[uuid.UUID]:
        """Rows deleted here whose deletion the bundle carries (and not carried as rows).

        A whole-workspace bundle carries every deletion; a bundle of some articles
        the deletions of their claims and of what hung on their claims.
        """
        deletes = select(HistoryEntry.entity_id).where(HistoryEntry.action == "delete")
        found: set[uuid.UUID] = set()
        if self.whole:
            found.update(session.scalars(deletes))
        else:
            found.update(session.scalars(deletes.where(HistoryEntry.claim_id.in_(self.claim_ids))))
            chosen = {str(a) for a in self._chosen_articles(session)}
            claim_deletes = select(HistoryEntry.entity_id, HistoryEntry.changes).where(
                HistoryEntry.action == "delete", HistoryEntry.entity_type == "claim"
            )
            for entity_id, changes in session.execute(claim_deletes):
                old_article = (changes or {}).get("article_id", [None])[0]
                if old_article in chosen:
                    found.add(entity_id)
        # A row deleted and later brought back carries its history as a row already.
        wanted = sorted(found, key=str)
        present: set[uuid.UUID] = set()
        tracked = self.tracked_ids().subquery().c[0]
        for chunk in chunks(wanted):
            present.update(session.scalars(select(tracked).where(tracked.in_(chunk))))
        return [e for e in wanted if e not in present]

    def _chosen_articles(self, session: Session) -> list[uuid.UUID]:
        if self.article_ids is not None:
            return self.article_ids
        return list(session.scalars(select(Article.id).where(self.articles)))


def chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    """*ids* a few hundred at a time (for IN lists)."""
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _listed(ids: list[uuid.UUID]) -> BindParameter[Any]:
    """*ids* written into the statement: the selection's conditions repeat them
    several times in one query, which as parameters could pass a driver's limit."""
    return bindparam("chosen_articles", ids, type_=Uuid, expanding=True, literal_execute=True)


def choose(
    article_ids: list[uuid.UUID] | None, flt: ClaimFilter | None, outside_links: bool
) -> Selection:
    """The rows of a bundle of *article_ids* (their claims narrowed by *flt*), of the
    claims *flt* matches and their articles, or (neither) of the whole workspace."""
    if article_ids is not None:
        articles = list(dict.fromkeys(article_ids))
        query = _base_query().where(Claim.article_id.in_(_listed(articles)))
        if flt is not None:
            query = _apply_filter(query, flt)
        return Selection(
            claim_ids=query.with_only_columns(Claim.id),
            articles=Article.id.in_(_listed(articles)),
            article_ids=articles,
            whole=False,
            outside_links=outside_links,
        )
    if flt is not None:
        query = _apply_filter(_base_query(), flt)
        return Selection(
            claim_ids=query.with_only_columns(Claim.id),
            articles=Article.id.in_(query.with_only_columns(Claim.article_id)),
            article_ids=None,
            whole=False,
            outside_links=outside_links,
        )
    return Selection(
        claim_ids=select(Claim.id),
        articles=true(),
        article_ids=None,
        whole=True,
        outside_links=outside_links,
    )
