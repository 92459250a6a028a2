"""Articles: store, list, read and edit their metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, cast

from sqlalchemy import Select, Table, func, select, update
from sqlalchemy.orm import Session

from db import long_rows, shared_long_rows
from db.errors import ClaimDeskError, DuplicateArticle, InvalidInput, NotFound
from db.ids import resolve_id
from db.models import Article, Claim
from db.plain_inserts import insert_created
from db.search import schema as search_schema
from db.timeutil import as_utc, utcnow
from db.workspace import ARTICLE_ADDED, Workspace

META_FIELDS = (
    "title",
    "outlet",
    "author",
    "url",
    "published_at",
    "published_offset",
    "published_zone",
)
# Real zones lie between UTC-12:00 and UTC+14:00; this leaves some room.
MAX_OFFSET = 18 * 60
MAX_ZONE_LABEL = 16


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: uuid.UUID
    title: str
    outlet: str
    author: str
    url: str
    published_at: dt.datetime | None
    published_offset: int | None  # minutes east of UTC the article gave; None: unknown
    published_zone: str  # the zone's abbreviation as the article gave it, or ""
    filename: str
    encoding: str
    format: str
    sha256: str
    claim_count: int
    version: int
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ArticleText:
    id: uuid.UUID
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class NewArticle:
    """What an importer extracted from a file, ready to be stored."""

    text: str
    original: bytes
    filename: str = ""
    encoding: str = "utf-8"
    format: str = "txt"
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published_at: dt.datetime | None = None
    published_offset: int | None = None
    published_zone: str = ""
    # What the importer could not settle and left undone, for the analyst (one line each:
    # "the dateline gives no year; the publication date was left empty").  Not stored.
    notes: tuple[str, ...] = ()


# The fields of ArticleInfo read from the stored article (all but its claim count).
_STORED = tuple(f.name for f in fields(ArticleInfo) if f.name != "claim_count")


def _info(article: Article, claim_count: int) -> ArticleInfo:
    return _info_from({name: getattr(article, name) for name in _STORED}, claim_count)


def _info_from(values: dict[str, Any], claim_count: int) -> ArticleInfo:
    """The article of the stored *values* (one per name in :data:`_STORED`)."""
    stored = {name: values[name] for name in _STORED}
    stored["published_zone"] = stored["published_zone"] or ""
    return ArticleInfo(claim_count=claim_count, **stored)


def check_offset(value: object) -> int | None:
    """A publication zone offset in minutes east of UTC, or None; anything else is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_OFFSET:
        raise InvalidInput(
            "The publication time zone must be an offset from UTC of at most 18 hours."
        )
    return value


def check_zone_label(value: object) -> str:
    label = "" if value is None else str(value).strip()
    if len(label) > MAX_ZONE_LABEL:
        raise InvalidInput(f"A time zone name has at most {MAX_ZONE_LABEL} characters.")
    return label


def in_offset(value: dt.datetime, offset: int | None, zone: str = "") -> dt.datetime:
    """*value* shown at *offset* minutes east of UTC (named *zone*); UTC without an offset."""
    if offset is None:
        return value.astimezone(dt.UTC)
    delta = dt.timedelta(minutes=offset)
    if offset == 0 and zone in ("", "UTC"):
        return value.astimezone(dt.UTC)
    return value.astimezone(dt.timezone(delta, zone) if zone else dt.timezone(delta))


# Everything that shows or writes an article's publication time goes through
# these, so the time reads the same everywhere: the same instant, at the
# offset the article gave (named where it named its zone), UTC when it gave none.


def utc_offset_text(offset: int | None) -> str:
    """``UTC+09:00`` for 540 minutes, ``UTC-04:00`` for -240; ``UTC`` for 0 or no offset."""
    if not offset:
        return "UTC"
    sign = "+" if offset > 0 else "-"
    hours, minutes = divmod(abs(offset), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def zone_text(offset: int | None, zone: str = "") -> str:
    """``KST`` when the article named its zone, else ``UTC+09:00`` (``UTC`` when unknown)."""
    return zone if zone and offset is not None else utc_offset_text(offset)


def published_text(value: dt.datetime | None, offset: int | None, zone: str = "") -> str:
    """``2024-10-30 14:10 KST``: the publication time as the article gave it ("" for none)."""
    if value is None:
        return ""
    return f"{in_offset(value, offset, zone):%Y-%m-%d %H:%M} {zone_text(offset, zone)}"


def published_day(value: dt.datetime | None, offset: int | None) -> str:
    """The publication day (``2024-10-30``) in the article's own zone; "" for none."""
    return in_offset(value, offset).date().isoformat() if value is not None else ""


def published_iso(value: dt.datetime | None, offset: int | None) -> str:
    """ISO 8601 in whole seconds at the article's offset (``2024-10-30T14:10:00+09:00``);
    ``Z`` when it gave no zone; "" for none."""
    if value is None:
        return ""
    if offset is None:
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return in_offset(value, offset).replace(microsecond=0).isoformat()


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _checked(new: NewArticle) -> None:
    """Refuse an article that cannot be stored (before anything is written)."""
    if not new.text or new.text.isspace():
        raise InvalidInput(f"{new.filename or 'The file'} holds no text.")
    check_offset(new.published_offset)
    check_zone_label(new.published_zone)


def _refuse_stored(session: Session, new: NewArticle, digest: str) -> None:
    """InvalidInput naming the stored article when one has the file's SHA-256 *digest*."""
    existing = session.execute(
        select(Article.id, Article.title).where(Article.sha256 == digest)
    ).first()
    if existing is not None:
        raise _duplicate(new, existing.id, existing.title)


def _duplicate(new: NewArticle, existing_id: object, existing_title: str) -> DuplicateArticle:
    return DuplicateArticle(
        f"{new.filename or 'This article'} was imported before, as "
        f'"{existing_title}"; nothing was added.',
        existing_id=str(existing_id),
    )


def duplicate_of(ws: Workspace, new: NewArticle, digest: str) -> DuplicateArticle | None:
    """The refusal of *new*, whose file has the SHA-256 *digest*, if it was imported before."""
    found = find_by_sha256(ws, digest)
    return None if found is None else _duplicate(new, found.id, found.title)


def _new_row(new: NewArticle, digest: str, original: bytes) -> Article:
    return Article(
        text=new.text,
        original=original,
        sha256=digest,
        filename=new.filename,
        encoding=new.encoding,
        format=new.format,
        title=new.title or new.filename,
        outlet=new.outlet,
        author=new.author,
        url=new.url,
        published_at=new.published_at,
        published_offset=check_offset(new.published_offset),
        published_zone=check_zone_label(new.published_zone),
    )


def add_article(ws: Workspace, new: NewArticle, digest: str | None = None) -> ArticleInfo:
    """Store an extracted article; the same original bytes twice raise DuplicateArticle.

    Memory stays near the size of the text and the file: nothing is copied to be
    checked, and the file's bytes go in by a second statement, so the database
    never builds one row holding both at once.  On SQLite a file over
    ``DEFER_BYTES`` goes through :func:`_store_long` instead, which frees the
    text and bytes before the row is written, when *new* is the only reference
    to them (pass it as a temporary: ``add_article(ws, read_file(path))``).  *digest*,
    the SHA-256 of the file when the caller has worked it out, is not worked out again.
    """
    _checked(new)
    digest = digest or sha256_of(new.original)
    with ws.session() as session:
        _refuse_stored(session, new, digest)
        if len(new.original) > search_schema.DEFER_BYTES:
            holder = [new]
            del new  # so that the text and the bytes can be let go of as they are stored
            if ws.shared:
                return _store_long_shared(session, holder, digest)
            return _store_long(session, holder, digest)
        article = _new_row(new, digest, b"")
        session.add(article)
        session.flush()
        table = cast(Table, Article.__table__)  # the model maps one plain table
        session.execute(update(table).where(table.c.id == article.id).values(original=new.original))
        info = _info(article, 0)
        session.expunge(article)
        return info


def _store_long(session: Session, holder: list[NewArticle], digest: str) -> ArticleInfo:
    """Store a long article on SQLite with memory near the file's size (:mod:`db.long_rows`).

    *holder* hands over the only reference to the article, so that its text and
    bytes are freed once staged: the row is written, then its text indexed for
    search, without Python holding either.
    """
    new = holder.pop()
    article = _new_row(new, digest, b"")
    # The text goes in UTF-8 a slice at a time: no copy of its whole encoding beside it.
    staged_text, text_bytes = long_rows.stage_text(session, new.text)
    sizes = text_bytes, len(new.original)
    staged_original = long_rows.stage(session, new.original)
    del new
    return _write_staged(session, article, (staged_text, sizes[0]), (staged_original, sizes[1]))


def _store_long_shared(session: Session, holder: list[NewArticle], digest: str) -> ArticleInfo:
    """Store a long article on PostgreSQL: the row without its text and file, then its
    file, then its text in UTF-8 (:mod:`db.shared_long_rows`).

    *holder* hands over the only reference to the article, so that the file's bytes
    are freed once sent and the text once encoded: the text, the file, their copy
    in the driver's buffer and the text's UTF-8 are never all held at once.
    """
    new = holder.pop()
    article = _new_row(new, digest, b"")
    text, original = new.text, new.original
    del new
    table, row_id = _empty_row_shared(session, article)
    shared_long_rows.put(session, table, row_id, "original", original)
    del original
    encoded = text.encode("utf-8")
    del text
    shared_long_rows.put(session, table, row_id, "text", encoded, utf8_text=True)
    del encoded
    info = _info(article, 0)
    session.expunge(article)
    return info


def _empty_row_shared(session: Session, article: Article) -> tuple[Table, Any]:
    """Write *article*'s row (PostgreSQL) with an empty text and file, to be set after."""
    article.text, article.original = "", b""
    session.add(article)
    session.flush()
    return cast(Table, Article.__table__), article.id


def _write_staged(
    session: Session, article: Article, text: tuple[int, int], original: tuple[int, int]
) -> ArticleInfo:
    """Write the row of *article* with its text and file staged ((staged id, bytes) each)."""
    # Placeholders of the right sizes; the search entries wait for index_pending
    # (db.search.schema), once the real text is in place, whatever the text's length.
    if article.id is None:
        article.id = uuid.uuid4()
    search_schema.mark_pending(session.connection(), article.id)
    article.text = func.printf("%.*c", text[1], "x")
    article.original = func.zeroblob(original[1])
    session.add(article)
    session.flush()
    table = cast(Table, Article.__table__)
    long_rows.fill(session, table, article.id, {"text": text[0], "original": original[0]})
    search_schema.index_pending(session.connection())
    session.expunge(article)
    return _info(article, 0)


def add_streamed_article(
    ws: Workspace,
    new: NewArticle,
    digest: str,
    text: tuple[Callable[[], Iterable[bytes]], int],
    original: tuple[Callable[[], Iterable[bytes]], int],
) -> ArticleInfo:
    """Store an article whose text and file are given as UTF-8 chunks and byte chunks,
    each with its size in bytes: *new* carries the metadata only, *digest* is the
    file's SHA-256.  The file's chunks are hashed as they are written; InvalidInput
    when they no longer give *digest*.

    On SQLite neither is ever held whole (:mod:`db.long_rows`); on PostgreSQL each is
    gathered into one buffer and sent on its own, the file's first, so that Python
    holds one of them at a time and never their decoded text
    (:mod:`db.shared_long_rows`)."""
    _checked(replace(new, text="x"))
    hashed = hashlib.sha256()

    def hashing(chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            hashed.update(chunk)
            yield chunk

    def check_digest() -> None:
        if hashed.hexdigest() != digest:
            raise InvalidInput(f"{new.filename or 'The file'} changed while it was imported.")

    with ws.session() as session:
        _refuse_stored(session, new, digest)
        article = _new_row(new, digest, b"")
        if ws.shared:
            table, row_id = _empty_row_shared(session, article)
            value = shared_long_rows.gathered(hashing(original[0]()), original[1])
            check_digest()
            shared_long_rows.put(session, table, row_id, "original", value)
            del value
            value = shared_long_rows.gathered(text[0](), text[1])
            shared_long_rows.put(session, table, row_id, "text", value, utf8_text=True)
            del value
            info = _info(article, 0)
            session.expunge(article)
            return info
        staged_text = long_rows.stage_chunks(session, text[0](), text[1])
        staged_original = long_rows.stage_chunks(session, hashing(original[0]()), original[1])
        check_digest()
        staged = (staged_text, text[1]), (staged_original, original[1])
        return _write_staged(session, article, *staged)


# A batch holds at most this many articles, and files of at most this many bytes
# together; a larger file is stored on its own (add_article).  Each batch is one
# transaction and one disk sync; the bytes bound the memory a batch holds.
BATCH_ARTICLES = 1000
BATCH_BYTES = 16 * 2**20
Stored = ArticleInfo | Exception  # a stored article, or what kept it out


def add_articles(
    ws: Workspace,
    news: Sequence[NewArticle],
    *,
    index_later: bool = False,
    digests: Sequence[str | None] = (),
) -> list[Stored]:
    """Store many extracted articles in one transaction; one outcome per article, in order.

    An outcome is the stored article's :class:`ArticleInfo`, or the error that kept it
    out (:class:`DuplicateArticle`, :class:`InvalidInput`, or an unexpected one): a
    refused article never keeps the others out.  Callers hand over at most a batch
    (:data:`BATCH_ARTICLES`, :data:`BATCH_BYTES`); should the transaction itself fail,
    each article is stored again on its own so that only the one at fault is reported.

    With *index_later* (SQLite), the articles are stored without their search index
    entries, queued for :func:`db.search.schema.index_queued`, which whoever asks for
    it runs afterwards (the desktop's background indexer, on import and on opening).

    *digests* may give the SHA-256 of some articles' files (:func:`sha256_of` of their
    ``original``, as the caller worked it out already), in order; None or missing ones
    are worked out here.
    """
    outcomes: list[Stored | None] = [None] * len(news)
    given = list(digests)[: len(news)]
    given += [None] * (len(news) - len(given))
    hashes = [d or sha256_of(new.original) for new, d in zip(news, given, strict=True)]
    candidates: list[int] = []
    for i, new in enumerate(news):
        try:
            _checked(new)
        except ClaimDeskError as exc:
            outcomes[i] = exc
        else:
            candidates.append(i)
    if candidates:
        try:
            _store_batch(ws, news, hashes, candidates, outcomes, index_later=index_later)
        except Exception:  # a database refusal: find the article at fault one by one
            for i in candidates:
                try:
                    outcomes[i] = add_article(ws, news[i], hashes[i])
                except Exception as exc:  # reported with its file; the others go on
                    outcomes[i] = exc
    return [cast(Stored, outcome) for outcome in outcomes]


def _store_batch(
    ws: Workspace,
    news: Sequence[NewArticle],
    digests: list[str],
    candidates: list[int],
    outcomes: list[Stored | None],
    *,
    index_later: bool = False,
) -> None:
    """Store the candidates not stored before: the rows and their history entries by
    two plain statements (:mod:`db.plain_inserts`), no ORM object per article."""
    wanted = sorted({digests[i] for i in candidates})
    with ws.session() as session:
        known: dict[str, tuple[object, str]] = {}
        for start in range(0, len(wanted), 500):
            query = select(Article.sha256, Article.id, Article.title).where(
                Article.sha256.in_(wanted[start : start + 500])
            )
            known.update({row.sha256: (row.id, row.title) for row in session.execute(query)})
        added: list[tuple[int, dict[str, Any]]] = []
        for i in candidates:
            new, digest = news[i], digests[i]
            if digest in known:
                outcomes[i] = _duplicate(new, *known[digest])
                continue
            row = _new_values(new, digest)
            known[digest] = (row["id"], row["title"])
            added.append((i, row))
        if not added:
            return
        if index_later and not ws.shared:
            search_schema.queue_articles(session.connection(), [row["id"] for _, row in added])
        insert_created(session, Article, [row for _, row in added])
        session.info[ARTICLE_ADDED] = True  # a long text is indexed before the commit
        for i, row in added:
            outcomes[i] = _info_from(row, 0)


def _new_values(new: NewArticle, digest: str) -> dict[str, Any]:
    """The column values of *new*'s row, as :func:`_new_row` and a flush would give them."""
    now = utcnow()
    return {
        "id": uuid.uuid4(),
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "created_by_id": None,
        "updated_by_id": None,
        "title": new.title or new.filename,
        "outlet": new.outlet,
        "author": new.author,
        "url": new.url,
        "published_at": new.published_at,
        "published_offset": check_offset(new.published_offset),
        "published_zone": check_zone_label(new.published_zone),
        "text": new.text,
        "original": new.original,
        "sha256": digest,
        "filename": new.filename,
        "encoding": new.encoding,
        "format": new.format,
    }


def find_by_sha256(ws: Workspace, digest: str) -> ArticleInfo | None:
    with ws.session() as session:
        article = session.scalar(select(Article).where(Article.sha256 == digest))
        return _info(article, 0) if article else None


def _listing() -> Select[*tuple[Any, ...]]:
    """Article metadata with claim counts as plain columns (no text, no original bytes)."""
    # A count per article on the claim.article_id index: cheap for one article, and
    # for all of them no dearer than grouping the whole claim table.
    count = (
        select(func.count())
        .where(Claim.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )
    return select(
        Article.id,
        Article.title,
        Article.outlet,
        Article.author,
        Article.url,
        Article.published_at,
        Article.published_offset,
        Article.published_zone,
        Article.filename,
        Article.encoding,
        Article.format,
        Article.sha256,
        count,
        Article.version,
        Article.created_at,
    )


def _listed(row: Any) -> ArticleInfo:
    values = list(row)
    values[7] = values[7] or ""  # published_zone
    return ArticleInfo(*values)


def list_articles(ws: Workspace, ids: Iterable[uuid.UUID | str] | None = None) -> list[ArticleInfo]:
    """Every article (or those among *ids*), newest first, in one query."""
    query = _listing().order_by(Article.published_at.desc().nulls_last(), Article.title)
    if ids is not None:
        wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in ids]
        if not wanted:
            return []
        query = query.where(Article.id.in_(wanted))
    with ws.session() as session:
        # Plain rows through the connection: the ORM's row loading costs more than the
        # query when a thousand articles have just been imported.
        return [_listed(row) for row in session.connection().execute(query)]


def claim_counts(ws: Workspace, ids: Iterable[uuid.UUID | str]) -> dict[uuid.UUID, int]:
    """The number of claims of each named article (0 for one without claims)."""
    wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in ids]
    if not wanted:
        return {}
    query = (
        select(Claim.article_id, func.count())
        .where(Claim.article_id.in_(wanted))
        .group_by(Claim.article_id)
    )
    with ws.session() as session:
        found: dict[uuid.UUID, int] = {aid: n for aid, n in session.execute(query)}
    return {aid: found.get(aid, 0) for aid in wanted}


def _article_id(session: Session, article_id: uuid.UUID | str) -> uuid.UUID:
    """A full id as given (no read), or the article an id prefix names."""
    if isinstance(article_id, uuid.UUID):
        return article_id
    try:
        return uuid.UUID(article_id.strip())
    except ValueError:
        return resolve_id(session, Article, article_id, "article")


def get_article(ws: Workspace, article_id: uuid.UUID | str) -> ArticleInfo:
    with ws.session() as session:
        aid = _article_id(session, article_id)
        row = session.execute(_listing().where(Article.id == aid)).first()
        if row is None:
            raise NotFound(f"No article with id {article_id}.")
        return _listed(row)


def article_text(ws: Workspace, article_id: uuid.UUID | str) -> ArticleText:
    """The article's stored text and title (not its original bytes)."""
    with ws.session() as session:
        aid = _article_id(session, article_id)
        row = session.execute(select(Article.title, Article.text).where(Article.id == aid)).first()
        if row is None:
            raise NotFound(f"No article with id {article_id}.")
        return ArticleText(id=aid, title=row[0], text=row[1])


def update_article(
    ws: Workspace,
    article_id: uuid.UUID | str,
    *,
    expected_version: int | None = None,
    **fields: Any,
) -> ArticleInfo:
    """Edit an article's metadata (title, outlet, author, url, published_at,
    published_offset, published_zone).

    An aware *published_at* given without *published_offset* sets the offset
    from its own zone (a UTC value leaves the zone unknown); clearing the time
    clears the zone too.

    With *expected_version*, an article changed by someone else since it was
    read is refused with StaleEdit carrying the current values.
    """
    from db.concurrency import check_version

    unknown = set(fields) - set(META_FIELDS)
    if unknown:
        raise InvalidInput(f"Articles have no editable field(s) {', '.join(sorted(unknown))}.")
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        article = session.get_one(Article, aid)
        check_version(
            "article",
            aid,
            article.version,
            expected_version,
            lambda: _info(
                article, session.scalar(select(func.count()).where(Claim.article_id == aid)) or 0
            ),
        )
        fields = _with_zone(fields)
        for key, value in fields.items():
            if key == "published_at":
                value = as_utc(value) if value is not None else None
            elif key == "published_offset":
                value = check_offset(value)
            elif key == "published_zone":
                value = check_zone_label(value)
            else:
                value = "" if value is None else str(value).strip()
            setattr(article, key, value)
        session.flush()
        n = session.scalar(select(func.count()).where(Claim.article_id == aid)) or 0
        return _info(article, n)


def _with_zone(fields: dict[str, Any]) -> dict[str, Any]:
    """*fields* with the zone filled in from an edited publication time."""
    if "published_at" not in fields:
        return fields
    value = fields["published_at"]
    if value is not None and not isinstance(value, dt.datetime):
        raise InvalidInput("The publication date must be a date and time.")
    out = dict(fields)
    if value is None:
        out.setdefault("published_offset", None)
        out.setdefault("published_zone", "")
    elif "published_offset" not in out:
        offset = value.utcoffset()
        minutes = None if offset is None else int(offset.total_seconds() // 60)
        if minutes == 0 and value.tzinfo is dt.UTC:
            minutes = None  # a plain UTC value says nothing about the article's zone
        out["published_offset"] = minutes
        if "published_zone" not in out:
            name = value.tzname() or ""
            out["published_zone"] = name if minutes is not None and _is_label(name) else ""
    return out


def _is_label(name: str) -> bool:
    """An abbreviation like "KST" or "CEST", not "UTC+09:00" or "+09"."""
    return 1 <= len(name) <= MAX_ZONE_LABEL and name.isalpha() and name.isupper()


def delete_article(ws: Workspace, article_id: uuid.UUID | str) -> None:
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        session.delete(session.get_one(Article, aid))


def claims_of_articles(
    ws: Workspace, article_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(claim id, article id) of every claim on the given articles (ids only, no rows)."""
    if not article_ids:
        return []
    with ws.session() as session:
        rows = session.execute(
            select(Claim.id, Claim.article_id).where(Claim.article_id.in_(list(article_ids)))
        )
        return [(r[0], r[1]) for r in rows]
