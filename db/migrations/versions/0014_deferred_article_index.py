"""Long article texts are indexed for search after their INSERT (SQLite).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 09:00:00.000000

Replaces the article triggers of migration 0005: an article whose file is larger
than ``db.search.schema.DEFER_BYTES`` is stored with its search key marked
``pending`` and indexed by ``db.search.schema.index_pending`` later in the same
transaction (see that module).  Entries already made stay as they are: every
stored article was indexed by the old triggers, so its key keeps the kind
``article``.  PostgreSQL indexes expressions over the table itself and needs no
change.
"""

from collections.abc import Sequence

from alembic import op

from db.search import schema

revision: str = "0014"
down_revision: str | None = "0013"
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
    schema.index_pending(op.get_bind(), parts=False)
    _run(schema.sqlite_drop_article_triggers())
    _run(schema.sqlite_article_statements(deferred=False))
