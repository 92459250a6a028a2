"""History and verdicts are append-only in the database itself.

Triggers refuse to change or delete a history entry or a verdict, whoever
asks — ClaimDesk, another program or a hand-typed SQL statement — so the
audit trail cannot be edited behind the application's back.  Two writes stay
possible because they are part of appending: SQLite numbering a new history
entry (its ``seq`` is set once, from NULL), and a verdict going with its
claim when the claim itself is deleted (the claim's deletion is recorded in
the history, and undoing it restores both).

PostgreSQL's TRUNCATE empties a table without deleting its rows one by one, so
row triggers never see it: statement triggers refuse it on both tables (a
``TRUNCATE claim CASCADE`` reaching the verdicts included).  SQLite has no
TRUNCATE; its ``DELETE`` without ``WHERE`` meets the row triggers.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, MetaData, event

MESSAGE_HISTORY = "history entries are append-only: they cannot be changed or deleted"
MESSAGE_VERDICT = "verdicts are append-only: they cannot be changed or deleted"

SQLITE_CREATE = (
    "CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON history "
    f"WHEN OLD.seq IS NOT NULL BEGIN SELECT RAISE(ABORT, '{MESSAGE_HISTORY}'); END",
    "CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON history "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE_HISTORY}'); END",
    "CREATE TRIGGER IF NOT EXISTS verdict_no_update BEFORE UPDATE ON verdict "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE_VERDICT}'); END",
    "CREATE TRIGGER IF NOT EXISTS verdict_no_delete BEFORE DELETE ON verdict "
    "WHEN EXISTS (SELECT 1 FROM claim WHERE claim.id = OLD.claim_id) "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE_VERDICT}'); END",
)
SQLITE_DROP = tuple(
    f"DROP TRIGGER IF EXISTS {name}"
    for name in ("history_no_update", "history_no_delete", "verdict_no_update", "verdict_no_delete")
)

POSTGRES_CREATE = (
    f"""CREATE OR REPLACE FUNCTION claimdesk_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE_HISTORY}';
END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION claimdesk_verdict_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM claim WHERE id = OLD.claim_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '{MESSAGE_VERDICT}';
END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS history_append_only ON history",
    "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history "
    "FOR EACH ROW EXECUTE FUNCTION claimdesk_history_append_only()",
    "DROP TRIGGER IF EXISTS verdict_append_only ON verdict",
    "CREATE TRIGGER verdict_append_only BEFORE UPDATE OR DELETE ON verdict "
    "FOR EACH ROW EXECUTE FUNCTION claimdesk_verdict_append_only()",
)
# TRUNCATE, refused once per statement by the same functions (the verdict function's
# exception for a deleted claim applies to DELETE only, and OLD is NULL here).
POSTGRES_TRUNCATE_CREATE = (
    "DROP TRIGGER IF EXISTS history_no_truncate ON history",
    "CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history "
    "FOR EACH STATEMENT EXECUTE FUNCTION claimdesk_history_append_only()",
    "DROP TRIGGER IF EXISTS verdict_no_truncate ON verdict",
    "CREATE TRIGGER verdict_no_truncate BEFORE TRUNCATE ON verdict "
    "FOR EACH STATEMENT EXECUTE FUNCTION claimdesk_verdict_append_only()",
)
POSTGRES_TRUNCATE_DROP = (
    "DROP TRIGGER IF EXISTS history_no_truncate ON history",
    "DROP TRIGGER IF EXISTS verdict_no_truncate ON verdict",
)
POSTGRES_DROP = (
    *POSTGRES_TRUNCATE_DROP,
    "DROP TRIGGER IF EXISTS history_append_only ON history",
    "DROP TRIGGER IF EXISTS verdict_append_only ON verdict",
    "DROP FUNCTION IF EXISTS claimdesk_history_append_only()",
    "DROP FUNCTION IF EXISTS claimdesk_verdict_append_only()",
)


def _statements(conn: Connection, create: bool) -> tuple[str, ...]:
    if conn.dialect.name == "postgresql":
        return (*POSTGRES_CREATE, *POSTGRES_TRUNCATE_CREATE) if create else POSTGRES_DROP
    return SQLITE_CREATE if create else SQLITE_DROP


def create(conn: Connection) -> None:
    for statement in _statements(conn, create=True):
        conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    for statement in _statements(conn, create=False):
        conn.exec_driver_sql(statement)


def _after_create(target: MetaData, connection: Connection, **kw: Any) -> None:
    create(connection)


def install(metadata: MetaData) -> None:
    """Make ``metadata.create_all`` add the triggers too."""
    if not event.contains(metadata, "after_create", _after_create):
        event.listen(metadata, "after_create", _after_create)


SQLITE_NAMES = ("history_no_update", "history_no_delete", "verdict_no_update", "verdict_no_delete")
# pg_trigger.tgtype's bits: what fires a trigger, and when.
_ROW, _BEFORE, _DELETE, _UPDATE, _TRUNCATE = 1, 2, 8, 16, 32
_ON_CHANGE = _ROW | _BEFORE | _UPDATE | _DELETE  # BEFORE UPDATE OR DELETE ... FOR EACH ROW
_ON_TRUNCATE = _BEFORE | _TRUNCATE  # BEFORE TRUNCATE ... FOR EACH STATEMENT
# (table, trigger, function, tgtype)
POSTGRES_TRIGGERS = (
    ("history", "history_append_only", "claimdesk_history_append_only", _ON_CHANGE),
    ("verdict", "verdict_append_only", "claimdesk_verdict_append_only", _ON_CHANGE),
    ("history", "history_no_truncate", "claimdesk_history_append_only", _ON_TRUNCATE),
    ("verdict", "verdict_no_truncate", "claimdesk_verdict_append_only", _ON_TRUNCATE),
)


def _postgres_body(function: str) -> str:
    statement = next(s for s in POSTGRES_CREATE if f"FUNCTION {function}()" in s)
    return statement.split("$$")[1]


def missing(conn: Connection) -> list[str]:
    """What is not in place of the triggers as ClaimDesk wrote them, in words (empty: all is).

    A trigger dropped, written again differently or disabled lets the audit trail be
    edited behind the application's back, so each counts.
    """
    out: list[str] = []
    if conn.dialect.name == "postgresql":
        for table, trigger, function, fires in POSTGRES_TRIGGERS:
            row = conn.exec_driver_sql(
                "SELECT t.tgenabled, t.tgtype FROM pg_trigger t "
                "JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE t.tgrelid = to_regclass(%(table)s) AND t.tgname = %(trigger)s "
                "AND p.proname = %(function)s",
                {"table": table, "trigger": trigger, "function": function},
            ).first()
            if row is None:
                out.append(f"trigger {trigger} on {table} is missing")
            elif str(row[0]) == "D":
                out.append(f"trigger {trigger} on {table} is disabled")
            elif int(row[1]) != fires:
                out.append(f"trigger {trigger} on {table} was changed")
        for function in dict.fromkeys(f for _t, _n, f, _w in POSTGRES_TRIGGERS):
            body = conn.exec_driver_sql(
                "SELECT prosrc FROM pg_proc WHERE proname = %(function)s "
                "AND pronamespace = to_regnamespace(current_schema())",
                {"function": function},
            ).scalar()
            if body is None:
                out.append(f"function {function} is missing")
            elif body != _postgres_body(function):
                out.append(f"function {function} was changed")
        return out
    found: dict[str, str] = {
        str(name): str(sql)
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    for name, statement in zip(SQLITE_NAMES, SQLITE_CREATE, strict=True):
        if name not in found:
            out.append(f"trigger {name} is missing")
        elif found[name] != statement.replace(" IF NOT EXISTS", "", 1):
            out.append(f"trigger {name} was changed")
    return out


def put_back(conn: Connection) -> None:
    """Write the triggers again as ClaimDesk wrote them (whatever stands in their place goes)."""
    drop(conn)
    create(conn)
