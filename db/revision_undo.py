"""Undoing a text replacement: the earlier text back, every claim where it was.

The replacement kept the earlier text as revision *number*; undoing it makes
that text the article's again (so the revision row goes: nothing is lost) and
puts back the earlier file's bytes and every claim's anchor as they were.  A
claim added since the replacement is placed in the earlier text like any
claim of a revised article.  Refused when the text changed again since.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from db.errors import InvalidInput
from db.models import Article, ArticleRevision, Claim
from db.revisions import TextBefore, apply_placement
from db.workspace import Workspace


def revert_replacement(
    ws: Workspace, article_id: uuid.UUID, number: int, new_sha256: str, before: TextBefore
) -> list[str]:
    """Undo the replacement that kept the earlier text as *number*; the ids of the
    article's claims (all of them may have moved back)."""
    from db.reanchor import OldAnchor, reanchor  # fuzzy matching: loaded when first needed

    with ws.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise InvalidInput("The article is gone; its text replacement was not undone.")
        latest = session.scalar(
            select(func.max(ArticleRevision.number)).where(ArticleRevision.article_id == article_id)
        )
        revision = session.scalar(
            select(ArticleRevision).where(
                ArticleRevision.article_id == article_id, ArticleRevision.number == number
            )
        )
        if article.sha256 != new_sha256 or revision is None or latest != number:
            raise InvalidInput(
                f"The text of “{article.title}” was changed again since; "
                "the replacement was not undone."
            )
        clash = session.scalar(
            select(Article.title).where(Article.sha256 == revision.sha256, Article.id != article_id)
        )
        if clash is not None:
            raise InvalidInput(
                f"The earlier file was imported since as the article “{clash}”; "
                "the replacement was not undone."
            )
        new_text, old_text = article.text, revision.text
        article.text = old_text
        article.original = before.original
        article.sha256 = revision.sha256
        article.filename = revision.filename
        article.encoding = before.encoding
        article.format = before.format
        if before.title:
            article.title = before.title
        session.delete(revision)
        kept = dict(before.anchors)
        claims = list(session.scalars(select(Claim).where(Claim.article_id == article_id)))
        added = [c for c in claims if str(c.id) not in kept]
        placements = reanchor(
            new_text,
            old_text,
            [OldAnchor(str(c.id), c.start, c.end, c.quote, c.prefix, c.suffix) for c in added],
        )
        for claim, placement in zip(added, placements, strict=True):
            apply_placement(claim, old_text, placement)
        for claim in claims:
            state = kept.get(str(claim.id))
            if state is not None:
                claim.start, claim.end, claim.quote = state.start, state.end, state.quote
                claim.prefix, claim.suffix = state.prefix, state.suffix
                claim.orphaned = state.orphaned
        return [str(c.id) for c in claims]
