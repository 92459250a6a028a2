"""Imported articles can be indexed for search after the import commits (SQLite).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 18:45:00.000000

The article INSERT trigger makes its search key with ``INSERT OR IGNORE``, so an
import can make the key first, of kind ``queued`` (``db.search.schema.queue_articles``):
the article is then stored without index entries, which
``db.search.schema.index_queued`` makes afterwards, in the background, a few
articles per transaction.  A partial index finds the queued keys.  PostgreSQL
indexes expressions over the table itself and needs no change.
"""

from collections.abc import Sequence

from alembic import op

from db.search import schema

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _run(statements: list[str]) -> None:
    bind = op.get_bind()
    for statement in statements:
        bind.exec_driver_sql(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _run(schema.sqlite_drop_article_triggers())
    _run(schema.sqlite_article_statements(deferred=True))


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    while schema.index_queued(op.get_bind(), 500, parts=False):
        pass
    _run([f"DROP INDEX IF EXISTS {schema.QUEUED_INDEX}"])
