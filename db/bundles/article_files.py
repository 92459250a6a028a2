"""An incoming article's text and file, taken from the bundle a slice at a time.

On SQLite an article whose file is larger than ``DEFER_BYTES`` is staged straight
from the zip (:mod:`db.long_rows`) and indexed for search once stored, as the
importer stores a long file; Python never holds its text or bytes whole.  Smaller
articles are read whole (at most ``MAX_MEMBER_BYTES`` each) and stored as usual.

On PostgreSQL, which offers the workspace's logins no such slice-wise writing, a
long article's row is written empty, then its file and its text go in one UPDATE
each (:mod:`db.shared_long_rows`), each sent as the member's bytes read into one
buffer (the text converted from UTF-8 by the server): Python holds one member's
bytes at a time, never the decoded text.  A
re-imported article is compared by the SHA-256 the server computes of its text.
A claim's anchor is checked against the stored text (:class:`StoredTexts`)
without loading it whole.
"""

from __future__ import annotations

import bisect
import codecs
import uuid
from typing import Any, cast

from sqlalchemy import Table, func, literal_column, select
from sqlalchemy.orm import Session, defer

from db import long_rows, shared_long_rows
from db.bundles.archive import BundleContents, original_member, text_member
from db.errors import InvalidInput
from db.models import Article
from db.search import schema as search_schema


def _table() -> Table:
    return cast(Table, Article.__table__)  # the model maps one plain table


def _on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def check_files(bundle: BundleContents, values: dict[str, Any]) -> tuple[str, str]:
    """The member names of the article's text and original, both present and matching."""
    aid = values["id"]
    text, original = text_member(aid), original_member(aid)
    if bundle.size(text) is None or bundle.size(original) is None:
        raise InvalidInput(f"The bundle lacks the text or original of article {aid}.")
    if bundle.digest(original) != values["sha256"]:
        raise InvalidInput(f"The bundle's article {aid} does not match its SHA-256.")
    return text, original


def find_local(session: Session, values: dict[str, Any]) -> Article | None:
    """The article with the incoming id, else with the same file; its text left in the row."""
    lazy = [defer(Article.text), defer(Article.original)]
    local = session.get(Article, values["id"], options=lazy)
    if local is None:
        local = session.scalar(
            select(Article).where(Article.sha256 == values["sha256"]).options(*lazy)
        )
    return local


def same_text(session: Session, bundle: BundleContents, local_id: uuid.UUID, name: str) -> bool:
    """Whether the stored article *local_id* has exactly the text of the member *name*."""
    if _on_sqlite(session):
        return long_rows.same_bytes(session, _table(), "text", local_id, bundle.chunks(name))
    digest = func.encode(func.sha256(func.convert_to(Article.text, "UTF8")), "hex")
    stored = session.scalar(select(digest).where(Article.id == local_id))
    return stored == bundle.digest(name)


def _add_on_postgresql(
    session: Session, bundle: BundleContents, obj: Article, names: tuple[str, str]
) -> None:
    """Store a long article on PostgreSQL: the row empty, then its file, then its text."""
    text, original = names
    obj.text, obj.original = "", b""
    session.add(obj)
    session.flush()
    table = _table()
    for name, column in ((original, "original"), (text, "text")):
        value = shared_long_rows.gathered(bundle.chunks(name), bundle.size(name) or 0)
        shared_long_rows.put(session, table, obj.id, column, value, utf8_text=column == "text")
        del value
    session.expire(obj, ["text", "original"])


def add(session: Session, bundle: BundleContents, obj: Article, names: tuple[str, str]) -> None:
    """Store the new article *obj* (all but its text and file set) with the bundle's files."""
    text, original = names
    sizes = bundle.size(text) or 0, bundle.size(original) or 0
    if not _on_sqlite(session) and sizes[1] > search_schema.DEFER_BYTES:
        _add_on_postgresql(session, bundle, obj, names)
        return
    if sizes[1] <= search_schema.DEFER_BYTES:
        obj.text = bundle.read(text).decode("utf-8")  # checked to be UTF-8 when opened
        obj.original = bundle.read(original)
        session.add(obj)
        return
    staged_text = long_rows.stage_chunks(session, bundle.chunks(text), sizes[0])
    staged_original = long_rows.stage_chunks(session, bundle.chunks(original), sizes[1])
    # Placeholders of the right sizes; the search index waits for the real text.
    obj.text = func.printf("%.*c", sizes[0], "x")
    obj.original = func.zeroblob(sizes[1])
    session.add(obj)
    session.flush()
    long_rows.fill(session, _table(), obj.id, {"text": staged_text, "original": staged_original})
    search_schema.index_pending(session.connection())
    session.expire(obj, ["text", "original"])


def _mismatch(values: dict[str, Any]) -> InvalidInput:
    start, end = values["start"], values["end"]
    return InvalidInput(
        f"The bundle's claim {values['id']} does not match its article's text at {start}–{end}."
    )


class StoredTexts:
    """Checks claims' anchors against their articles' stored texts.

    A long article's text (file over ``DEFER_BYTES``, on SQLite) is read a slice at
    a time: once, to note where every slice starts in code points, then only the
    slice (or two) holding each claim's quote.  Other texts are checked in SQL.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        # article id -> (rowid, [(code point, byte offset)] at slice starts, the last
        # one the text's end), or None for a text checked in SQL
        self.marks: dict[uuid.UUID, tuple[int, list[tuple[int, int]]] | None] = {}

    def check_anchor(self, values: dict[str, Any]) -> None:
        """A claim's quote must be its article's text from start to end (code points)."""
        article_id = values["article_id"]
        if article_id not in self.marks:
            self.marks[article_id] = self._marks(article_id)
        marks = self.marks[article_id]
        if marks is None:
            self._check_in_sql(values)
        else:
            self._check_in_slices(values, *marks)

    def _marks(self, article_id: uuid.UUID) -> tuple[int, list[tuple[int, int]]] | None:
        if not _on_sqlite(self.session):
            return None
        table = _table()
        rowid, size = self.session.execute(
            select(literal_column("rowid"), func.length(table.c.original)).where(
                table.c.id == article_id
            )
        ).one()
        if size <= search_schema.DEFER_BYTES:
            return None
        raw = long_rows.raw_connection(self.session)
        decoder = codecs.getincrementaldecoder("utf-8")()
        chars, done = 0, 0
        marks = [(0, 0)]
        with raw.blobopen(table.name, "text", rowid, readonly=True) as blob:
            while piece := blob.read(long_rows.SLICE):
                chars += len(decoder.decode(piece))
                done += len(piece)
                marks.append((chars, done - len(decoder.getstate()[0])))
        return rowid, marks

    def _check_in_slices(
        self, values: dict[str, Any], rowid: int, marks: list[tuple[int, int]]
    ) -> None:
        start, end, quote = values["start"], values["end"], values["quote"]
        if not (0 <= start < end <= marks[-1][0]):
            raise _mismatch(values)
        first, at = marks[bisect.bisect_right([m[0] for m in marks], start) - 1]
        decoder = codecs.getincrementaldecoder("utf-8")()
        found = ""
        raw = long_rows.raw_connection(self.session)
        with raw.blobopen(_table().name, "text", rowid, readonly=True) as blob:
            blob.seek(at)
            while len(found) < end - first and (piece := blob.read(long_rows.SLICE)):
                found += decoder.decode(piece)
        if found[start - first : end - first] != quote:
            raise _mismatch(values)

    def _check_in_sql(self, values: dict[str, Any]) -> None:
        start, end, quote = values["start"], values["end"], values["quote"]
        length, found = self.session.execute(
            select(
                func.length(Article.text), func.substr(Article.text, start + 1, end - start)
            ).where(Article.id == values["article_id"])
        ).one()
        if not (0 <= start < end <= length) or found != quote:
            raise _mismatch(values)
