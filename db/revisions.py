"""Revised articles: replace an article's text and place every claim again.

The earlier text is kept as an :class:`ArticleRevision`; every claim is placed
in the new text by :mod:`db.reanchor` — kept, moved (its history records the
move) or orphaned (kept with its quote, links, history and verdicts, and placed
again later by selecting text).  Nothing is deleted.  All of it is one
transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from db.analysts import analyst_names
from db.anchors import make_anchor
from db.articles import ArticleInfo, NewArticle, get_article, sha256_of
from db.errors import DuplicateArticle, InvalidInput, NotFound
from db.ids import resolve_id
from db.models import Article, ArticleRevision, Claim
from db.workspace import Workspace

if TYPE_CHECKING:  # the re-anchoring code (fuzzy matching) loads when a text is replaced
    from db.reanchor import Placement, ReanchorReport


@dataclass(frozen=True)
class AnchorState:
    """Where a claim sits (or sat) in its article's text, exactly as stored."""

    article_id: uuid.UUID
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    orphaned: bool


def state_of(claim: Claim) -> AnchorState:
    return AnchorState(
        claim.article_id,
        claim.start,
        claim.end,
        claim.quote,
        claim.prefix,
        claim.suffix,
        bool(claim.orphaned),
    )


@dataclass(frozen=True)
class TextBefore:
    """What a replacement overwrote beyond the revision row: enough to undo it."""

    original: bytes
    encoding: str
    format: str
    anchors: tuple[tuple[str, AnchorState], ...]  # (claim id, its anchor before)
    title: str = ""  # the title before, when the replacement gave it another


@dataclass(frozen=True)
class ReplaceReport:
    article_id: uuid.UUID
    revision: int  # the number the replaced text was kept under
    placements: tuple[Placement, ...]
    summary: ReanchorReport
    was_orphaned: frozenset[str] = frozenset()  # claims that were orphans before
    sha256: str = ""  # of the new file
    before: TextBefore | None = None  # when asked for (keep_before)
    title: str = ""  # the article's new title, when the file read again gave it one

    def changed_claims(self) -> list[Placement]:
        """The placements that moved a claim, orphaned it, or placed an earlier orphan."""
        return [
            p for p in self.placements if p.outcome != "kept" or p.claim_id in self.was_orphaned
        ]

    def describe(self) -> str:
        return self.summary.describe()


@dataclass(frozen=True)
class RevisionInfo:
    id: uuid.UUID
    article_id: uuid.UUID
    number: int
    filename: str
    replaced_at: object
    length: int  # characters (code points)
    replaced_by: str = ""  # the analyst who replaced it ("" when not recorded)


@dataclass(frozen=True)
class OrphanInfo:
    id: uuid.UUID
    article_id: uuid.UUID
    article_title: str
    quote: str
    statement: str
    reason: str = ""  # why it has no place in the current text (see db.reanchor.why_orphaned)


def apply_placement(claim: Claim, text: str, placement: Placement) -> None:
    """Anchor *claim* where *placement* says in *text*, or mark it orphaned."""
    if placement.placed:
        anchor = make_anchor(text, placement.start, placement.end)
        claim.start, claim.end, claim.quote = anchor.start, anchor.end, anchor.quote
        claim.prefix, claim.suffix = anchor.prefix, anchor.suffix
        claim.orphaned = False
    else:
        claim.orphaned = True


def replace_article_text(
    ws: Workspace, article_id: uuid.UUID | str, new: NewArticle, keep_before: bool = False
) -> ReplaceReport:
    """Give the article *new*'s text (and original file); place every claim again.

    With *keep_before* the report holds what :func:`db.revision_undo.revert_replacement`
    needs to undo it (the earlier file's bytes and every claim's anchor).
    """
    from db.reanchor import OldAnchor, reanchor, summarise

    text = new.text
    if not text.strip():
        raise InvalidInput(f"{new.filename or 'The new text'} holds no text.")
    digest = sha256_of(new.original)
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        article = session.get_one(Article, aid)
        if article.text == text:
            raise InvalidInput(
                f'The new text of "{article.title}" is the same as the stored one; nothing changed.'
            )
        other = session.scalar(select(Article).where(Article.sha256 == digest, Article.id != aid))
        if other is not None:
            raise DuplicateArticle(
                f'{new.filename or "This file"} is already the article "{other.title}"; '
                "nothing was changed.",
                existing_id=str(other.id),
            )
        number = (
            session.scalar(
                select(func.max(ArticleRevision.number)).where(ArticleRevision.article_id == aid)
            )
            or 0
        ) + 1
        session.add(
            ArticleRevision(
                article_id=aid,
                number=number,
                text=article.text,
                sha256=article.sha256,
                filename=article.filename,
                replaced_by_id=ws.analyst_id,
            )
        )
        claims = list(session.scalars(select(Claim).where(Claim.article_id == aid)))
        anchors = [
            OldAnchor(str(c.id), c.start, c.end, c.quote, c.prefix, c.suffix) for c in claims
        ]
        was_orphaned = frozenset(str(c.id) for c in claims if c.orphaned)
        title = _title_read_again(article, new, digest)
        before = (
            TextBefore(
                article.original,
                article.encoding,
                article.format,
                tuple((str(c.id), state_of(c)) for c in claims),
                article.title if title else "",
            )
            if keep_before
            else None
        )
        placements = reanchor(article.text, text, anchors)
        article.text = text
        article.original = new.original
        article.sha256 = digest
        if new.filename:
            article.filename = new.filename
        article.encoding = new.encoding
        article.format = new.format
        if title:
            article.title = title
        for claim, placement in zip(claims, placements, strict=True):
            apply_placement(claim, text, placement)
    return ReplaceReport(
        aid, number, tuple(placements), summarise(placements), was_orphaned, digest, before, title
    )


def _title_read_again(article: Article, new: NewArticle, digest: str) -> str:
    """The title *new* gives the stored *article* when it is the stored file read again
    (in another encoding) and the stored title was read from the earlier text, not
    typed: "Vláda schválila rozpočet", not the "rozpoèet" of the wrong code page.
    Empty otherwise (a revised text keeps the article's title)."""
    title = new.title.strip()
    if digest != article.sha256 or not title or title == article.title:
        return ""
    return title if article.title and article.title in article.text else ""


def find_earlier_version(ws: Workspace, new: NewArticle) -> ArticleInfo | None:
    """The stored article *new* looks like a revision of: the same URL, or else the same
    title (stated by the file, not taken from its name); None for the same file twice."""
    digest = sha256_of(new.original)
    url, title = new.url.strip(), new.title.strip()
    found: uuid.UUID | None = None
    with ws.session() as session:
        if session.scalar(select(Article.id).where(Article.sha256 == digest)) is not None:
            return None
        for column, value in ((Article.url, url), (Article.title, title)):
            if value and found is None:
                found = session.scalar(
                    select(Article.id).where(column == value).order_by(Article.created_at).limit(1)
                )
    return get_article(ws, found) if found is not None else None


class EarlierVersions:
    """:func:`find_earlier_version` for the many files of one import: the stored articles'
    digests, URLs and titles are read once (one query instead of three per file), and
    each article the import stores is remembered, so a later file of the same import
    that revises it is found as well."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._digests: set[str] | None = None
        self._urls: dict[str, uuid.UUID] = {}
        self._titles: dict[str, uuid.UUID] = {}

    def _load(self) -> set[str]:
        digests: set[str] = set()
        query = select(Article.id, Article.sha256, Article.url, Article.title).order_by(
            Article.created_at
        )
        with self.ws.session() as session:
            for aid, digest, url, title in session.execute(query):
                digests.add(digest)
                self._urls.setdefault(url, aid)  # the oldest with the value, as one query
                self._titles.setdefault(title, aid)
        self._digests = digests
        return digests

    def __call__(
        self, ws: Workspace, new: NewArticle, digest: str | None = None
    ) -> ArticleInfo | None:
        """The stored article *new* revises, if any (None for the same file again);
        *digest*, the SHA-256 of its file when the caller has it."""
        digests = self._digests if self._digests is not None else self._load()
        if (digest or sha256_of(new.original)) in digests:
            return None
        url, title = new.url.strip(), new.title.strip()
        found = (self._urls.get(url) if url else None) or (
            self._titles.get(title) if title else None
        )
        return get_article(ws, found) if found is not None else None

    def remember(self, stored: ArticleInfo) -> None:
        """Count *stored* (just added by the import) among the stored articles."""
        if self._digests is None:
            return  # not read yet: reading will find it
        self._digests.add(stored.sha256)
        self._urls.setdefault(stored.url, stored.id)
        self._titles.setdefault(stored.title, stored.id)


def place_orphan(ws: Workspace, claim_id: uuid.UUID | str, start: int, end: int) -> None:
    """Anchor a claim (orphaned or not) at *start*–*end* of its article's current text."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        text = session.scalar(select(Article.text).where(Article.id == claim.article_id)) or ""
        anchor = make_anchor(text, start, end)
        claim.start, claim.end, claim.quote = anchor.start, anchor.end, anchor.quote
        claim.prefix, claim.suffix = anchor.prefix, anchor.suffix
        claim.orphaned = False


def orphans(ws: Workspace, article_id: uuid.UUID | str | None = None) -> list[OrphanInfo]:
    """Every claim waiting to be placed again, with why (:mod:`db.orphans` reads pages)."""
    from db.orphans import orphan_count, orphan_page  # it builds on this module

    aid = None
    if article_id is not None:
        with ws.session() as session:
            aid = resolve_id(session, Article, article_id, "article")
    return orphan_page(ws, 0, orphan_count(ws, aid), aid)


def revisions(ws: Workspace, article_id: uuid.UUID | str) -> list[RevisionInfo]:
    """The article's earlier texts, oldest first."""
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        rows = session.execute(
            select(
                ArticleRevision.id,
                ArticleRevision.article_id,
                ArticleRevision.number,
                ArticleRevision.filename,
                ArticleRevision.replaced_at,
                func.length(ArticleRevision.text),
                ArticleRevision.replaced_by_id,
            )
            .where(ArticleRevision.article_id == aid)
            .order_by(ArticleRevision.number)
        ).all()
        names = analyst_names(session, {row[-1] for row in rows})
        return [
            RevisionInfo(rid, aid_, number, filename, replaced_at, length, names.get(by, ""))
            for rid, aid_, number, filename, replaced_at, length, by in rows
        ]


def revision_text(ws: Workspace, article_id: uuid.UUID | str, number: int) -> str:
    """The text the article had as its version *number* (1: its first text)."""
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        text = session.scalar(
            select(ArticleRevision.text).where(
                ArticleRevision.article_id == aid, ArticleRevision.number == number
            )
        )
        if text is not None:
            return text
        title = session.scalar(select(Article.title).where(Article.id == aid)) or ""
        numbers = list(
            session.scalars(
                select(ArticleRevision.number)
                .where(ArticleRevision.article_id == aid)
                .order_by(ArticleRevision.number)
            )
        )
    raise NotFound(_no_such_version(str(aid)[:8], title, number, numbers))


def _no_such_version(short: str, title: str, number: int, numbers: list[int]) -> str:
    named = f"Article {short} (“{title}”)" if title else f"Article {short}"
    if not numbers:
        return f"{named} has no earlier version {number}: its text has never been replaced."
    if len(numbers) == 1:
        kept = f"its only earlier version is {numbers[0]}"
    elif numbers == list(range(numbers[0], numbers[-1] + 1)):
        kept = f"its earlier versions are {numbers[0]} to {numbers[-1]}"
    else:
        kept = "its earlier versions are " + ", ".join(map(str, numbers))
    return f"{named} has no earlier version {number}: {kept}."
