"""A full backup of a workspace as a bundle, and its restore into an empty workspace.

An exchange bundle carries articles, claims and their review (the sections of
:data:`db.bundles.records.SECTIONS`) for a three-way merge.  A full backup
(``claimdesk backup`` of a shared workspace; ``"scope": "workspace"`` in its
manifest) carries every table of the workspace: besides those sections, the
columns an exchange leaves local (analysts' logins, claims' facts, history
positions) and the sections of :data:`TABLES` below, each a table's rows as
JSON Lines like any other section, an article's earlier texts as members
``revisions/<id>.txt`` beside its text.  :data:`NOT_CARRIED` names each table
(and :data:`LOCAL_COLUMNS` each column) left out, with the reason; a test
holds every table of the models' metadata to one or the other.

:func:`restore_workspace` writes such a bundle into an empty workspace (SQLite
or PostgreSQL) row for row, ids, versions, authors and times included, in one
transaction: the bundle is checked whole first (:func:`db.bundles.read_bundle`),
each record is validated as it is read, and any refusal leaves nothing stored.
A PostgreSQL workspace is restored by its owner, as it is migrated: the team
rules in the database let no one else write rows under other analysts' names.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Column,
    Table,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import long_rows, shared_long_rows
from db.audit import FROM_BUNDLE_KEY
from db.bundles import article_files
from db.bundles.archive import (
    BACKUP_SECTION_NAMES,
    BundleContents,
    read_bundle,
    revision_member,
)
from db.bundles.records import (
    NOUN,
    SECTIONS,
    _fail,
    _parse,
    from_record,
)
from db.errors import InvalidInput
from db.models import Article, Base, Comment
from db.relays import RELAY_FIELD
from db.search import schema as search_schema
from db.workspace import Workspace

BATCH = 500
# An earlier text longer than this (in bytes) goes into its row a slice at a time
# (SQLite) or as one buffer of the member's bytes converted by the server (PostgreSQL).
LONG_TEXT = search_schema.DEFER_BYTES

# Sections a full backup adds -> the table each holds, whole.
TABLES: dict[str, str] = {
    "settings": "setting",
    "tags": "tag",
    "taggings": "claim_tag",
    "facts": "fact",
    "revisions": "article_revision",
    "relays": "claim_relay",
    "filters": "saved_filter",
    "dismissals": "suggestion_dismissal",
    "proposals": "dismissed_proposal",
}
assert tuple(TABLES) == BACKUP_SECTION_NAMES
# Columns of the exchange sections that only a full backup carries.
FULL_COLUMNS: dict[str, tuple[str, ...]] = {
    "analysts": ("login",),
    "claims": ("fact_id", "status_since"),
    "history": ("seq",),
}
# Columns carried since a later version: a record without one takes the named column's value.
FULL_ADDED_LATER: dict[tuple[str, str], str] = {("claims", "status_since"): "created_at"}
# Columns carried as members of their own, not in the records.
IN_MEMBERS: dict[str, tuple[str, ...]] = {
    "article": ("text", "original"),
    "article_revision": ("text",),
}
# Columns no backup carries, and why.
LOCAL_COLUMNS: dict[tuple[str, str], str] = {
    ("history", "txid"): "the id of the transaction that wrote the entry in the backed-up "
    "database, meaningless in another; a restored entry takes the restoring transaction's "
    "(PostgreSQL) or none (SQLite), while its position in the change feed (seq) is kept",
}
# Tables of the models no backup carries, and why.
NOT_CARRIED: dict[str, str] = {
    "claim_reading": "a derived copy of what each claim's quote says in numbers, read again "
    "from the quote when first needed (deleting every row loses nothing)",
}
# Tables outside the models, and why they are not carried either.
OUTSIDE_MODELS: dict[str, str] = {
    "alembic_version": "the schema revision, written by creating or migrating the workspace",
    "search_*": "the full-text search index (SQLite FTS5 tables), derived from the rows and "
    "rebuilt by the database as they are restored (PostgreSQL indexes its columns itself)",
    "claimdesk_deleted_row": "PostgreSQL only: what deleted rows carried, written by the "
    "database's triggers alone so that undoing a deletion cannot forge an author; a "
    "restore writes no such rows",
}
# The order a restore writes the sections in: every row after those it refers to.
RESTORE_ORDER = (
    "analysts",
    "settings",
    "tags",
    "sources",
    "facts",
    "articles",
    "revisions",
    "claims",
    "taggings",
    "relays",
    "links",
    "evidence",
    "comments",
    "verdicts",
    "dismissals",
    "proposals",
    "filters",
    "history",
)


def table_of(section: str) -> Table:
    """The table a section of a full backup holds."""
    if section in TABLES:
        return Base.metadata.tables[TABLES[section]]
    return cast(Table, SECTIONS[section].__table__)  # each model maps one plain table


def carried_tables() -> dict[str, str]:
    """Every table a full backup carries -> its section."""
    return {table_of(section).name: section for section in RESTORE_ORDER}


def section_columns(section: str) -> list[Column[Any]]:
    """The columns of a backup-only section's records (the table's, less its members)."""
    table = table_of(section)
    skip = set(IN_MEMBERS.get(table.name, ())) | {c for (t, c) in LOCAL_COLUMNS if t == table.name}
    return [c for c in table.columns if c.key not in skip]


def extra_columns(section: str) -> list[Column[Any]]:
    """The columns a full backup adds to an exchange section's records."""
    table = table_of(section)
    return [table.c[name] for name in FULL_COLUMNS.get(section, ())]


# ---------------------------------------------------------------- writing


def table_records(session: Session, section: str) -> Iterator[dict[str, Any]]:
    """A backup-only section's records, every row of its table, read a batch at a time."""
    from db.audit import to_json

    cols = section_columns(section)
    table = table_of(section)
    order = list(table.primary_key.columns)
    query = select(*cols).order_by(*order).execution_options(yield_per=BATCH)
    keys = [c.key for c in cols]
    for part in session.execute(query).partitions():
        for row in part:
            yield {key: to_json(value) for key, value in zip(keys, row, strict=True)}


# ---------------------------------------------------------------- restoring


@dataclass
class RestoreReport:
    """What a restore wrote: rows per table."""

    path: Path
    rows: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        parts = ", ".join(f"{n} {t}" for t, n in self.rows.items() if n)
        return f"{self.path.name}: {parts or 'nothing'}"


def is_full_backup(path: Path) -> bool:
    """Whether *path* is a bundle holding a full backup (the bundle is checked whole)."""
    with read_bundle(path) as bundle:
        return bundle.full


def _parse_row(section: str, record: Any, cols: list[Column[Any]]) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise InvalidInput(
            f"The bundle's {section} list holds something that is not a record; "
            "nothing was restored."
        )
    out: dict[str, Any] = {}
    for column in cols:
        key = column.key
        if key not in record:
            key = FULL_ADDED_LATER.get((section, column.key), key)
        if key not in record:
            raise _fail(section, record, column.key, "it is missing")
        out[column.key] = _parse(section, record, column, record[key])
    return out


def _nonempty(session: Session) -> list[str]:
    """The tables of the workspace that hold rows (a restore writes into an empty one)."""
    found = []
    for name in carried_tables():
        table = Base.metadata.tables[name]
        if session.execute(select(1).select_from(table).limit(1)).first() is not None:
            found.append(name)
    return found


class _Restorer:
    def __init__(self, session: Session, bundle: BundleContents, report: RestoreReport) -> None:
        self.session = session
        self.bundle = bundle
        self.report = report
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.texts = article_files.StoredTexts(session)
        self.logins: list[tuple[uuid.UUID, str]] = []
        self.replies: list[tuple[uuid.UUID, uuid.UUID, Any]] = []
        self.articles: list[tuple[uuid.UUID, int, Any]] = []

    def rows(self, section: str) -> Iterator[dict[str, Any]]:
        """*section*'s records as validated values, one at a time; an id listed twice refused."""
        seen: set[Any] = set()
        table = table_of(section)
        keys = [c.key for c in table.primary_key.columns]
        if section in TABLES:
            cols = section_columns(section)
            parsed: Iterator[dict[str, Any]] = (
                _parse_row(section, r, cols) for r in self.bundle.records(section)
            )
        else:
            extra = extra_columns(section)
            parsed = (
                {**from_record(section, r), **_parse_row(section, r, extra)}
                for r in self.bundle.records(section)
            )
        for values in parsed:
            values.pop("tags", None)
            values.pop(RELAY_FIELD, None)
            key = tuple(values[k] for k in keys)
            if key in seen:
                raise InvalidInput(
                    f"The bundle lists the same {NOUN[section]} twice; nothing was restored."
                )
            seen.add(key)
            yield values

    def section(self, section: str) -> None:
        table = table_of(section)
        batch: list[dict[str, Any]] = []
        count = 0
        for values in self.rows(section):
            count += 1
            if section == "articles":
                self.article(values)
                continue
            if section == "revisions":
                self.revision(values)
                continue
            if section == "analysts" and values.get("login") is not None:
                self.logins.append((values["id"], values["login"]))
                values["login"] = None  # set once every row is in (see run)
            if section == "claims":
                self.texts.check_anchor(values)
            if section == "comments" and values["parent_id"] is not None:
                self.replies.append((values["id"], values["parent_id"], values["updated_at"]))
                values["parent_id"] = None
            batch.append(values)
            if len(batch) >= BATCH:
                self.session.execute(insert(table), batch)
                batch = []
        if batch:
            self.session.execute(insert(table), batch)
        self.report.rows[table.name] = count

    def article(self, values: dict[str, Any]) -> None:
        files = article_files.check_files(self.bundle, values)
        version, updated_at = values.pop("version"), values["updated_at"]
        obj = Article(**values)
        article_files.add(self.session, self.bundle, obj, files)
        self.session.flush()
        self.session.expunge(obj)
        self.articles.append((values["id"], version, updated_at))

    def revision(self, values: dict[str, Any]) -> None:
        table = table_of("revisions")
        name = revision_member(values["id"])
        size = self.bundle.size(name)
        if size is None:
            raise InvalidInput(
                f"The bundle lacks the earlier text {values['id']} of article "
                f"{values['article_id']}; nothing was restored."
            )
        if size <= LONG_TEXT:
            values["text"] = self.bundle.read(name).decode("utf-8")  # checked when opened
            self.session.execute(insert(table), [values])
            return
        if self.sqlite:
            staged = long_rows.stage_chunks(self.session, self.bundle.chunks(name), size)
            values["text"] = func.printf("%.*c", size, "x")
            self.session.execute(insert(table).values(**values))
            long_rows.fill(self.session, table, values["id"], {"text": staged})
            return
        values["text"] = ""
        self.session.execute(insert(table), [values])
        blob = shared_long_rows.gathered(self.bundle.chunks(name), size)
        shared_long_rows.put(self.session, table, values["id"], "text", blob, utf8_text=True)
        del blob

    def run(self) -> None:
        for section in RESTORE_ORDER:
            self.section(section)
            self.session.flush()
            if section == "articles":
                self._article_versions()
            if section == "comments":
                self._threads()
        self._logins()
        if not self.sqlite:
            self.session.execute(
                text(
                    "SELECT setval('history_seq_seq', coalesce(max(seq), 0) + 1, false) "
                    "FROM history"
                )
            )

    def _article_versions(self) -> None:
        """An ORM insert starts a row at version 1: each article gets its own back."""
        table = table_of("articles")
        for article_id, version, updated_at in self.articles:
            self.session.execute(
                update(table)
                .where(table.c.id == article_id)
                .values(version=version, updated_at=updated_at)
            )
        self.articles = []

    def _threads(self) -> None:
        """Replies answer their comments once every comment is in."""
        table = cast(Table, Comment.__table__)
        for comment_id, parent_id, updated_at in self.replies:
            # updated_at as it was (the column would take the time of this update).
            self.session.execute(
                update(table)
                .where(table.c.id == comment_id)
                .values(parent_id=parent_id, updated_at=updated_at)
            )
        self.replies = []

    def _logins(self) -> None:
        """Analysts' logins last: until then no row restored is the restorer's own."""
        table = table_of("analysts")
        for analyst_id, login in self.logins:
            self.session.execute(update(table).where(table.c.id == analyst_id).values(login=login))


def restore_workspace(ws: Workspace, path: Path | str) -> RestoreReport:
    """Write the full backup *path* into the empty workspace *ws*, every row as it was.

    InvalidInput (one line, nothing stored) when the file is not a full backup, is
    refused as a bundle, holds a record that does not fit, or *ws* is not empty.
    """
    path = Path(path)
    report = RestoreReport(path=path)
    try:
        with read_bundle(path) as bundle, ws.session() as session:
            if not bundle.full:
                raise InvalidInput(
                    f"{path.name} is an exchange bundle, not a full backup of a workspace; "
                    "bring it in with bundle import. Nothing was restored."
                )
            session.info[FROM_BUNDLE_KEY] = True  # the bundle's history is the history
            if not session.get_bind().dialect.name == "sqlite":
                from db import pg_roles

                if not pg_roles.is_owner(session.connection()):
                    raise InvalidInput(
                        "A shared workspace is restored by the database's owner (who "
                        "migrated it); nothing was restored."
                    )
            nonempty = _nonempty(session)
            if nonempty:
                raise InvalidInput(
                    f"A backup is restored into an empty workspace; this one holds rows "
                    f"({', '.join(nonempty[:4])}). Nothing was restored."
                )
            _Restorer(session, bundle, report).run()
    except IntegrityError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "a constraint failed"
        raise InvalidInput(
            f"{path.name} could not be restored ({reason}); nothing was restored."
        ) from None
    except InvalidInput as exc:
        message = str(exc)
        if "nothing" in message.lower():
            raise
        raise InvalidInput(f"{message.rstrip()} Nothing was restored.") from None
    return report
