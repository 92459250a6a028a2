"""History position: database-assigned ``seq`` and PostgreSQL ``txid`` for the change feed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 15:27:46.202872

Existing entries get positions in the order they were stamped (by ``at``, then
id); their ``txid`` stays NULL (they are older than any reader's mark).  On
SQLite a trigger numbers new entries; on PostgreSQL a sequence does.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS history_assign_seq AFTER INSERT ON history "
    "WHEN NEW.seq IS NULL BEGIN "
    "UPDATE history SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM history) "
    "WHERE rowid = NEW.rowid; END"
)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("CREATE SEQUENCE history_seq_seq")
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("txid", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_history_seq"), ["seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_history_txid"), ["txid"], unique=False)
    op.execute(
        "UPDATE history SET seq = ordered.position FROM "
        "(SELECT id, row_number() OVER (ORDER BY at, id) AS position FROM history) AS ordered "
        "WHERE ordered.id = history.id"
    )
    if postgres:
        op.execute(
            "SELECT setval('history_seq_seq', coalesce(max(seq), 0) + 1, false) FROM history"
        )
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if not postgres:
        op.execute("DROP TRIGGER IF EXISTS history_assign_seq")
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_txid"))
        batch_op.drop_index(batch_op.f("ix_history_seq"))
        batch_op.drop_column("txid")
        batch_op.drop_column("seq")
    if postgres:
        op.execute("DROP SEQUENCE history_seq_seq")
