"""The article INSERT trigger skips articles whose search key was made first (SQLite).

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 22:30:00.000000

An import stores its articles with their search keys made beforehand, of kind
``queued`` (``db.search.schema.queue_articles``); a long article's key is made
``pending`` before its row (``db.search.schema.mark_pending``).  The INSERT
trigger ran its three statements for each such article all the same, each finding
nothing to do.  It now has a ``WHEN`` clause, one look-up of the key, and runs only
for articles without one.  Every entry stays as it was: no article is indexed
again, and what is indexed later is indexed as before.  PostgreSQL indexes
expressions over the table itself and needs no change.
"""

from collections.abc import Sequence

from alembic import op

from db.search import schema

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _triggers(*, gated: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in [
        *schema.sqlite_drop_article_triggers(),
        *schema.sqlite_article_statements(deferred=True, parts=True, gated=gated),
    ]:
        bind.exec_driver_sql(statement)


def upgrade() -> None:
    _triggers(gated=True)


def downgrade() -> None:
    _triggers(gated=False)
