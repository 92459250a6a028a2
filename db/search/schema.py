"""The full-text indexes: what is indexed, and the DDL that keeps it current.

Searchable rows ("documents") are articles (title, text), claims (quote,
statement, notes), comments (body), sources (name, aliases) and tags (name).

SQLite: two contentless FTS5 tables over the same documents — ``search_word``
(unicode61 words, with one- and two-character prefix indexes) and
``search_trigram`` (every three-character substring, so Korean or Chinese
inside a longer run is found) — keyed by ``search_key``, which gives each
document a stable integer id (a table's own rowids may change on VACUUM).
Triggers on the indexed tables update all three in the transaction that writes
the row.  The indexed values are exactly the row's columns, so a trigger can
remove an old entry with the ``OLD`` values it was indexed with.

An article whose file is larger than :data:`DEFER_BYTES` is not indexed by the
INSERT that stores it: its key is marked ``pending`` (and it has no entries
yet), and :func:`index_pending` indexes it later in the same transaction — the
importer does so once it has let go of its own copies of the text, and every
workspace session does so before it commits.  Indexing a long text takes memory
of about four times its size; inside the INSERT it came on top of the text held
by the importer and the database's copies of the bound value.  An update of a
pending article's title or text indexes it at once.

A text longer than :data:`PART_BYTES` is indexed in parts (:data:`PART`): each
part is a row of both FTS tables with a negative rowid (minus the part's id), the
first part carrying the title, and its key has the kind ``parted``.  FTS5 builds
the entries of one row in memory, about four times the row's size; a part keeps
that small whatever the article's length.  A part ends before a white-space
character where one is near, so no search term (terms hold no white space) and
no word is cut; where none is, the next part starts :data:`PART_OVERLAP`
characters before the cut, so a term of up to that length lies whole in one of
the two.  A search matches an article in parts term by term, each term in any of
its parts (:mod:`db.search.match`).  An edit of the title re-indexes the first
part; an edit of the text removes the parts and indexes the new text whole.

PostgreSQL: expression indexes on the tables themselves — a ``pg_trgm`` GIN
index over the lower-cased text (ICU lower case, whatever the server's locale)
and a ``tsvector`` GIN index for word prefixes — which the server keeps current
as it writes each row.

These objects are not part of the SQLAlchemy models: a new workspace gets them
from ``create_all`` (the listener below), an older one from migration 0005,
and Alembic's comparisons skip them (:func:`include_object`).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, MetaData, event

PREFIX = "search_"
INDEX_PREFIX = "ix_search_"
WORD = "search_word"
TRIGRAM = "search_trigram"
KEY = "search_key"
ICU = '"und-x-icu"'
# Word index entries past this many characters of one document are not made on
# PostgreSQL (a tsvector is limited to 1 MB); the trigram index covers it all.
PG_WORD_CHARS = 100_000
# Articles whose file (``original``) is larger than this many bytes are indexed
# after their INSERT (the trigger reads the length of a blob without copying it).
DEFER_BYTES = 1_000_000
PENDING = "pending"  # search_key.kind of an article not indexed yet
# search_key.kind of an imported article left for a background indexer (index_queued):
# the import commits without indexing it, and whatever opens the workspace next
# indexes it should the indexer be stopped first.
QUEUED = "queued"
QUEUED_INDEX = f"{INDEX_PREFIX}key_queued"
PENDING_INDEX = f"{INDEX_PREFIX}key_pending"
PART = "search_part"  # the parts of long articles' texts, each a row of both FTS tables
PARTED = "parted"  # search_key.kind of an article indexed in parts
PART_BYTES = 2**20  # texts longer than this (in UTF-8) are indexed in parts ...
PART_CHARS = 2**19  # ... of about this many characters
PART_LOOKBACK = 4096  # how far back from a part's end a white-space character is looked for
PART_OVERLAP = 500  # characters shared by two parts cut where no white space was near


@dataclass(frozen=True)
class Kind:
    """One kind of document: its table and the FTS5 columns its columns fill."""

    name: str
    table: str
    columns: tuple[tuple[str, str], ...]  # (fts column, table column)

    @property
    def fts_columns(self) -> tuple[str, ...]:
        return tuple(fts for fts, _ in self.columns)

    @property
    def table_columns(self) -> tuple[str, ...]:
        return tuple(col for _, col in self.columns)

    def pg_document(self, qualify: bool = False) -> str:
        """The text PostgreSQL indexes for a row of this kind, as an SQL expression."""
        parts = []
        for _, col in self.columns:
            ref = f"{self.table}.{col}" if qualify else col
            parts.append(f"CAST({ref} AS TEXT)" if col == "aliases" else ref)
        return " || ' ' || ".join(parts)

    def pg_folded(self, qualify: bool = False) -> str:
        return f"lower(({self.pg_document(qualify)}) COLLATE {ICU})"

    def pg_words(self, qualify: bool = False) -> str:
        return (
            f"to_tsvector('simple'::regconfig, left({self.pg_document(qualify)}, {PG_WORD_CHARS}))"
        )


ARTICLE = Kind("article", "article", (("title", "title"), ("text", "text")))
CLAIM = Kind("claim", "claim", (("quote", "quote"), ("statement", "statement"), ("notes", "notes")))
COMMENT = Kind("comment", "comment", (("comment", "body"),))
SOURCE = Kind("source", "source", (("source", "name"), ("alias", "aliases")))
TAG = Kind("tag", "tag", (("tag", "name"),))
KINDS: tuple[Kind, ...] = (ARTICLE, CLAIM, COMMENT, SOURCE, TAG)
FTS_COLUMNS: tuple[str, ...] = tuple(c for kind in KINDS for c in kind.fts_columns)


# ---------------------------------------------------------------- SQLite


def _sqlite_tables() -> list[str]:
    cols = ", ".join(FTS_COLUMNS)
    return [
        f"CREATE TABLE IF NOT EXISTS {KEY} ("
        "id INTEGER PRIMARY KEY, entity_id CHAR(32) NOT NULL UNIQUE, kind VARCHAR(16) NOT NULL)",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {WORD} USING fts5({cols}, content='', "
        "tokenize='unicode61 remove_diacritics 0', prefix='1 2', detail='column')",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM} USING fts5({cols}, content='', "
        "tokenize='trigram case_sensitive 0')",
        *_sqlite_part_table(),
    ]


def _sqlite_part_table() -> list[str]:
    """The parts of texts indexed in parts: *start* (1-based) and *length* in characters,
    as ``substr`` takes them; *titled* for the part that carries the title."""
    return [
        f"CREATE TABLE IF NOT EXISTS {PART} (id INTEGER PRIMARY KEY, "
        f"key_id INTEGER NOT NULL REFERENCES {KEY}(id), start INTEGER NOT NULL, "
        "length INTEGER NOT NULL, titled INTEGER NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {INDEX_PREFIX}part_key ON {PART}(key_id)",
    ]


def _fts_rows(kind: Kind, row: str, *, delete: bool) -> list[str]:
    """Statements adding (or removing) the document of *row* (NEW or OLD) to both FTS tables."""
    values = ", ".join(f"{row}.{col}" for col in kind.table_columns)
    cols = ", ".join(kind.fts_columns)
    out = []
    for fts in (WORD, TRIGRAM):
        if delete:
            out.append(
                f"INSERT INTO {fts}({fts}, rowid, {cols}) "
                f"SELECT 'delete', id, {values} FROM {KEY} WHERE entity_id = {row}.id;"
            )
        else:
            out.append(
                f"INSERT INTO {fts}(rowid, {cols}) "
                f"SELECT id, {values} FROM {KEY} WHERE entity_id = {row}.id;"
            )
    return out


def _sqlite_triggers(kind: Kind) -> list[str]:
    name = f"{PREFIX}{kind.name}"
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in kind.table_columns)
    insert = [
        f"INSERT INTO {KEY}(entity_id, kind) VALUES (NEW.id, '{kind.name}');",
        *_fts_rows(kind, "NEW", delete=False),
    ]
    update = [*_fts_rows(kind, "OLD", delete=True), *_fts_rows(kind, "NEW", delete=False)]
    delete = [*_fts_rows(kind, "OLD", delete=True), f"DELETE FROM {KEY} WHERE entity_id = OLD.id;"]
    columns = ", ".join(kind.table_columns)
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name}_ai AFTER INSERT ON {kind.table} BEGIN "
        + " ".join(insert)
        + " END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_au AFTER UPDATE OF {columns} ON {kind.table} "
        f"WHEN {changed} BEGIN " + " ".join(update) + " END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_ad AFTER DELETE ON {kind.table} BEGIN "
        + " ".join(delete)
        + " END",
    ]


def _part_rows(row: str, *, delete: bool, where: str) -> list[str]:
    """Statements adding (or removing) the entries of the parts of *row* (NEW or OLD)."""
    fts_cols = ", ".join(ARTICLE.fts_columns)
    title = f"CASE WHEN p.titled THEN {row}.title ELSE '' END"
    values = f"-p.id, {title}, substr({row}.text, p.start, p.length)"
    source = (
        f"FROM {PART} AS p JOIN {KEY} AS k ON k.id = p.key_id "
        f"WHERE k.entity_id = {row}.id AND k.kind = '{PARTED}' AND {where}"
    )
    if delete:
        return [
            f"INSERT INTO {fts}({fts}, rowid, {fts_cols}) SELECT 'delete', {values} {source};"
            for fts in (WORD, TRIGRAM)
        ]
    return [
        f"INSERT INTO {fts}(rowid, {fts_cols}) SELECT {values} {source};" for fts in (WORD, TRIGRAM)
    ]


def _sqlite_article_triggers(*, parts: bool = True, gated: bool = True) -> list[str]:
    """Article triggers: as for other kinds, but long texts are left to :func:`index_pending`.

    Entries exist exactly for the article keys of kind ``article`` (one row each) and
    ``parted`` (a row per part).  Without *parts*: the triggers of migration 0018,
    before texts were indexed in parts.  With *gated* (migration 0025), the INSERT
    trigger runs only for an article whose key was not made before its INSERT
    (:func:`queue_articles`, :func:`mark_pending`): for one that was, its three
    statements had nothing to do (the key is there, and is not of kind ``article``),
    and an import of many queued articles ran them for each.
    """
    kind = ARTICLE
    name = f"{PREFIX}{kind.name}"
    columns = ", ".join(kind.table_columns)
    fts_cols = ", ".join(kind.fts_columns)

    def rows(row: str, *, delete: bool) -> list[str]:
        values = ", ".join(f"{row}.{col}" for col in kind.table_columns)
        where = f"WHERE entity_id = {row}.id AND kind = '{kind.name}'"
        if delete:
            return [
                f"INSERT INTO {fts}({fts}, rowid, {fts_cols}) SELECT 'delete', id, {values} "
                f"FROM {KEY} {where};"
                for fts in (WORD, TRIGRAM)
            ]
        return [
            f"INSERT INTO {fts}(rowid, {fts_cols}) SELECT id, {values} FROM {KEY} {where};"
            for fts in (WORD, TRIGRAM)
        ]

    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in kind.table_columns)
    # OR IGNORE: an import may have made the key already, queued (queue_articles).
    insert = [
        f"INSERT OR IGNORE INTO {KEY}(entity_id, kind) VALUES (NEW.id, "
        f"CASE WHEN length(NEW.original) > {DEFER_BYTES} THEN '{PENDING}' ELSE '{kind.name}' END);",
        *rows("NEW", delete=False),
    ]
    update = [
        *rows("OLD", delete=True),
        f"UPDATE {KEY} SET kind = '{kind.name}' WHERE entity_id = NEW.id AND kind = '{PENDING}';",
        *rows("NEW", delete=False),
    ]
    delete = [*rows("OLD", delete=True), f"DELETE FROM {KEY} WHERE entity_id = OLD.id;"]
    if parts:
        same = "OLD.text IS NEW.text"
        of_parted = f"(SELECT id FROM {KEY} WHERE entity_id = OLD.id AND kind = '{PARTED}')"
        update = [
            *rows("OLD", delete=True),
            # The same text: the first part again with the new title.  A new text:
            # the parts go, and the new text is indexed whole, as a pending one is.
            *_part_rows("OLD", delete=True, where=f"(p.titled OR NOT ({same}))"),
            *_part_rows("NEW", delete=False, where=f"p.titled AND {same}"),
            f"DELETE FROM {PART} WHERE NOT ({same}) AND key_id = {of_parted};",
            f"UPDATE {KEY} SET kind = '{kind.name}' WHERE entity_id = NEW.id "
            f"AND (kind = '{PENDING}' OR (kind = '{PARTED}' AND NOT ({same})));",
            *rows("NEW", delete=False),
        ]
        delete = [
            *rows("OLD", delete=True),
            *_part_rows("OLD", delete=True, where="1"),
            f"DELETE FROM {PART} WHERE key_id = {of_parted};",
            f"DELETE FROM {KEY} WHERE entity_id = OLD.id;",
        ]
    made_before = (
        f"WHEN NOT EXISTS (SELECT 1 FROM {KEY} WHERE entity_id = NEW.id "
        f"AND kind IN ('{QUEUED}', '{PENDING}')) "
        if gated
        else ""
    )
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name}_ai AFTER INSERT ON {kind.table} {made_before}BEGIN "
        + " ".join(insert)
        + " END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_au AFTER UPDATE OF {columns} ON {kind.table} "
        f"WHEN {changed} BEGIN " + " ".join(update) + " END",
        f"CREATE TRIGGER IF NOT EXISTS {name}_ad AFTER DELETE ON {kind.table} BEGIN "
        + " ".join(delete)
        + " END",
        f"CREATE INDEX IF NOT EXISTS {PENDING_INDEX} ON {KEY}(kind) WHERE kind = '{PENDING}'",
        f"CREATE INDEX IF NOT EXISTS {QUEUED_INDEX} ON {KEY}(id) WHERE kind = '{QUEUED}'",
    ]


def sqlite_drop_article_triggers() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {PREFIX}{ARTICLE.name}_{s}" for s in ("ai", "au", "ad")]


def sqlite_article_statements(
    *, deferred: bool = True, parts: bool = True, gated: bool = True
) -> list[str]:
    """The article triggers: long texts indexed later (*deferred*), or all in the INSERT;
    with *parts*, those of texts indexed in parts (the part table is made first); with
    *gated*, an INSERT trigger that skips articles whose key was made first (queued or
    pending: see :func:`_sqlite_article_triggers`)."""
    if deferred:
        return (
            [*_sqlite_part_table(), *_sqlite_article_triggers(gated=gated)]
            if parts
            else (_sqlite_article_triggers(parts=False, gated=gated))
        )
    return [
        *_sqlite_triggers(ARTICLE),
        f"DROP INDEX IF EXISTS {PENDING_INDEX}",
        f"DROP INDEX IF EXISTS {QUEUED_INDEX}",
    ]


def index_pending(conn: Connection, *, parts: bool = True) -> int:
    """Index the text of every article marked pending (SQLite); the number indexed.

    The text is read from the stored row, so nothing but the database holds it
    while it is indexed: a long one in parts, a slice at a time.  Without *parts*
    (migrations older than the part table) every text is indexed whole.  A no-op
    on PostgreSQL.
    """
    if conn.dialect.name != "sqlite":
        return 0
    keys = conn.exec_driver_sql(f"SELECT id, entity_id FROM {KEY} WHERE kind = '{PENDING}'").all()
    return _index_articles(conn, keys, parts=parts)


def _index_articles(conn: Connection, keys: Sequence[Any], *, parts: bool = True) -> int:
    """Make the entries of the articles of *keys* ((key id, article id) pairs), reading
    each text from its stored row: a text longer than :data:`PART_BYTES` in parts (its
    key then has the kind ``parted``), any other whole (the kind ``article``)."""
    cols = ", ".join(ARTICLE.fts_columns)
    values = ", ".join(ARTICLE.table_columns)
    raw: Any = conn.connection.driver_connection  # sqlite3: the text is read a slice at a time
    for key, entity in keys:
        rowid, title = conn.exec_driver_sql(
            f"SELECT rowid, title FROM {ARTICLE.table} WHERE id = ?", (entity,)
        ).one()
        with raw.blobopen(ARTICLE.table, "text", rowid, readonly=True) as blob:
            if parts and len(blob) > PART_BYTES:
                _index_parts(conn, key, title, text_parts(_decoded(blob)))
                continue
        for fts in (WORD, TRIGRAM):
            conn.exec_driver_sql(
                f"INSERT INTO {fts}(rowid, {cols}) SELECT ?, {values} FROM {ARTICLE.table} "
                "WHERE id = ?",
                (key, entity),
            )
        conn.exec_driver_sql(f"UPDATE {KEY} SET kind = '{ARTICLE.name}' WHERE id = ?", (key,))
    return len(keys)


def _index_parts(conn: Connection, key: int, title: str, parts: Iterable[tuple[int, str]]) -> None:
    cols = ", ".join(ARTICLE.fts_columns)
    titled = True
    for start, part in parts:
        number = conn.exec_driver_sql(
            f"INSERT INTO {PART}(key_id, start, length, titled) VALUES (?, ?, ?, ?)",
            (key, start + 1, len(part), titled),
        ).lastrowid
        for fts in (WORD, TRIGRAM):
            conn.exec_driver_sql(
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (?, ?, ?)",
                (-number, title if titled else "", part),
            )
        titled = False
    conn.exec_driver_sql(f"UPDATE {KEY} SET kind = '{PARTED}' WHERE id = ?", (key,))


def _decoded(blob: Any) -> Iterator[str]:
    """The text of a stored UTF-8 value read a slice at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    while piece := blob.read(PART_BYTES):
        yield decoder.decode(piece)
    yield decoder.decode(b"", final=True)


def text_parts(pieces: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The parts a text (given in pieces) is indexed in: (offset of the first character,
    part), each of about :data:`PART_CHARS` characters, cut as the module says."""
    buffer, start = "", 0
    for piece in pieces:
        buffer += piece
        while len(buffer) >= 2 * PART_CHARS:
            cut, keep = _cut(buffer)
            yield start, buffer[:cut]
            start += keep
            buffer = buffer[keep:]
    while len(buffer) > PART_CHARS + PART_LOOKBACK:
        cut, keep = _cut(buffer)
        yield start, buffer[:cut]
        start += keep
        buffer = buffer[keep:]
    if buffer or not start:
        yield start, buffer


def _cut(buffer: str) -> tuple[int, int]:
    """Where the part at the start of *buffer* ends, and where the next one starts."""
    end = PART_CHARS
    for at in range(end, end - PART_LOOKBACK, -1):
        if buffer[at].isspace():
            return at, at
    return end, end - PART_OVERLAP


def undo_parts(conn: Connection) -> None:
    """Index every article indexed in parts whole again, and drop the part table (the
    downgrade of the migration that made it)."""
    cols = ", ".join(ARTICLE.fts_columns)
    for fts in (WORD, TRIGRAM):
        conn.exec_driver_sql(
            f"INSERT INTO {fts}({fts}, rowid, {cols}) SELECT 'delete', -p.id, "
            "CASE WHEN p.titled THEN a.title ELSE '' END, substr(a.text, p.start, p.length) "
            f"FROM {PART} AS p JOIN {KEY} AS k ON k.id = p.key_id "
            f"JOIN {ARTICLE.table} AS a ON a.id = k.entity_id"
        )
    conn.exec_driver_sql(f"UPDATE {KEY} SET kind = '{PENDING}' WHERE kind = '{PARTED}'")
    index_pending(conn, parts=False)
    _run(conn, sqlite_drop_article_triggers())
    _run(conn, sqlite_article_statements(parts=False, gated=False))
    conn.exec_driver_sql(f"DROP TABLE {PART}")


def queue_articles(conn: Connection, ids: Iterable[Any]) -> None:
    """Mark the articles about to be inserted with *ids* (SQLite) as queued: their INSERT
    then makes no index entries, and :func:`index_queued` makes them later.  Call in
    the transaction that inserts them, before the INSERT.  A no-op on PostgreSQL."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(
        f"INSERT INTO {KEY}(entity_id, kind) VALUES (?, '{QUEUED}')",
        [(uuid_hex(i),) for i in ids],
    )


def mark_pending(conn: Connection, article_id: Any) -> None:
    """Mark the article about to be inserted with *article_id* (SQLite) as pending: its
    INSERT then makes no index entries, and :func:`index_pending` makes them.  For a
    row written with placeholders and filled afterwards.  A no-op on PostgreSQL."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(
        f"INSERT INTO {KEY}(entity_id, kind) VALUES (?, '{PENDING}')", (uuid_hex(article_id),)
    )


def uuid_hex(value: Any) -> str:
    """An id as SQLite stores it (32 hex digits)."""
    return value.hex if hasattr(value, "hex") and not isinstance(value, str) else str(value)


def queued_count(conn: Connection) -> int:
    """How many articles wait for :func:`index_queued` (0 on PostgreSQL)."""
    if conn.dialect.name != "sqlite":
        return 0
    sql = f"SELECT count(*) FROM {KEY} WHERE kind = '{QUEUED}'"
    return int(conn.exec_driver_sql(sql).scalar() or 0)


def index_queued(conn: Connection, limit: int, *, parts: bool = True) -> int:
    """Index the title and text of at most *limit* queued articles, oldest first, in
    the caller's transaction; the number indexed (0: none left).  *parts* as for
    :func:`index_pending`."""
    if conn.dialect.name != "sqlite":
        return 0
    keys = conn.exec_driver_sql(
        f"SELECT id, entity_id FROM {KEY} WHERE kind = '{QUEUED}' ORDER BY id LIMIT ?", (limit,)
    ).all()
    return _index_articles(conn, keys, parts=parts)


def _sqlite_fill() -> list[str]:
    """Index every existing row (after the tables were emptied)."""
    out = [
        f"INSERT INTO {WORD}({WORD}) VALUES ('delete-all')",
        f"INSERT INTO {TRIGRAM}({TRIGRAM}) VALUES ('delete-all')",
        f"DELETE FROM {PART}",
        f"DELETE FROM {KEY}",
    ]
    for kind in KINDS:
        cols = ", ".join(kind.fts_columns)
        values = ", ".join(f"t.{c}" for c in kind.table_columns)
        made = f"'{kind.name}'"
        if kind is ARTICLE:  # long texts: left to index_pending, which indexes them in parts
            made = f"CASE WHEN length(original) > {DEFER_BYTES} THEN '{PENDING}' ELSE {made} END"
        out.append(f"INSERT INTO {KEY}(entity_id, kind) SELECT id, {made} FROM {kind.table}")
        for fts in (WORD, TRIGRAM):
            out.append(
                f"INSERT INTO {fts}(rowid, {cols}) SELECT k.id, {values} "
                f"FROM {kind.table} AS t JOIN {KEY} AS k ON k.entity_id = t.id "
                f"WHERE k.kind = '{kind.name}'"
            )
    return out


def _sqlite_drop() -> list[str]:
    out = []
    for kind in KINDS:
        for suffix in ("ai", "au", "ad"):
            out.append(f"DROP TRIGGER IF EXISTS {PREFIX}{kind.name}_{suffix}")
    out += [f"DROP TABLE IF EXISTS {t}" for t in (WORD, TRIGRAM, PART, KEY)]
    return out


def sqlite_create_statements() -> list[str]:
    """Tables and triggers (no data): what a new, empty workspace needs."""
    others = [t for kind in KINDS if kind is not ARTICLE for t in _sqlite_triggers(kind)]
    return _sqlite_tables() + _sqlite_article_triggers() + others


# ---------------------------------------------------------------- PostgreSQL


def pg_create_statements() -> list[str]:
    out = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"]
    for kind in KINDS:
        out.append(
            f"CREATE INDEX IF NOT EXISTS {INDEX_PREFIX}{kind.name}_trigram ON {kind.table} "
            f"USING gin (({kind.pg_folded()}) gin_trgm_ops)"
        )
        out.append(
            f"CREATE INDEX IF NOT EXISTS {INDEX_PREFIX}{kind.name}_word ON {kind.table} "
            f"USING gin (({kind.pg_words()}))"
        )
    return out


def _pg_drop() -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {INDEX_PREFIX}{kind.name}_{what}"
        for kind in KINDS
        for what in ("trigram", "word")
    ]


# ---------------------------------------------------------------- entry points


def _run(conn: Connection, statements: Iterable[str]) -> None:
    for statement in statements:
        conn.exec_driver_sql(statement)


def create(conn: Connection) -> None:
    """Make the indexes and triggers, and index every row already stored."""
    if conn.dialect.name == "sqlite":
        _run(conn, sqlite_create_statements())
        _run(conn, _sqlite_fill())
        index_pending(conn)
    elif conn.dialect.name == "postgresql":
        _run(conn, pg_create_statements())


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        _run(conn, _sqlite_drop())
    elif conn.dialect.name == "postgresql":
        _run(conn, _pg_drop())


def rebuild(conn: Connection) -> None:
    """Drop and make everything again from the stored rows.

    A SQLite batch migration that rebuilds an indexed table drops its triggers:
    such a migration calls this afterwards.
    """
    drop(conn)
    create(conn)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object``: leave the full-text objects out of comparisons."""
    if not name:
        return True
    if type_ == "table" and reflected and name.startswith(PREFIX):
        return False
    return not (type_ == "index" and name.startswith(INDEX_PREFIX))


def _after_create(target: MetaData, connection: Connection, **kw: Any) -> None:
    create(connection)


def install(metadata: MetaData) -> None:
    """Make ``metadata.create_all`` build the full-text objects too."""
    if not event.contains(metadata, "after_create", _after_create):
        event.listen(metadata, "after_create", _after_create)
