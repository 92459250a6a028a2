"""Attempts to get around a shared workspace's rules with plain SQL, as each role.

The workspace is set up through ClaimDesk (an analyst's claim and comment, a
reviewer's claim and comment, an admin's verdict); every attempt then uses a
bare psycopg connection as one of the team's logins — no ClaimDesk code — and
must be refused by the database with nothing stored changed.  A few legitimate
statements run the same way first, so the refusals are the rules at work and
not a login that may do nothing at all.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from conftest import PgTeam
from review_support import add_seed, claim_at
from sqlalchemy.engine import make_url

from db import analysts, comments, review
from db.pg_roles import group_names
from db.workspace import Workspace, migrate, open_workspace


def _dsn(url: str) -> str:
    """A libpq connection string for a SQLAlchemy URL."""
    u = make_url(url)
    parts = {
        "host": u.host or "",
        "port": str(u.port or 5432),
        "user": u.username or "",
        "dbname": u.database or "",
    }
    if u.password:
        parts["password"] = str(u.password)
    return " ".join(f"{k}={v}" for k, v in parts.items() if v)


@dataclass
class Team:
    owner: str
    urls: dict[str, str]  # role -> a login's URL
    logins: dict[str, str]  # role -> login name
    ids: dict[str, uuid.UUID]  # role -> analyst id
    claim_by_analyst: uuid.UUID
    claim_by_reviewer: uuid.UUID
    comment_by_analyst: uuid.UUID
    comment_by_reviewer: uuid.UUID
    database: str


def _bound(url: str) -> Workspace:
    ws = open_workspace(url)
    analysts.bind_analyst(ws)
    return ws


@pytest.fixture
def team(pg_team: PgTeam, seed_paths: list[Path]) -> Iterator[Team]:
    pg_team.migrate()
    urls = {role: pg_team.login_url(role) for role in ("admin", "reviewer", "analyst")}
    spaces = {role: _bound(url) for role, url in urls.items()}
    try:
        ids = {role: ws.analyst_id for role, ws in spaces.items()}
        ana, rev, adm = spaces["analyst"], spaces["reviewer"], spaces["admin"]
        article, body = add_seed(ana, seed_paths[0])
        c1 = claim_at(ana, article, body, 0, status="in_review")
        c2 = claim_at(rev, article, body, 1, status="in_review")
        k1 = comments.add_comment(ana, c1.id, "Source is the ministry report.")
        k2 = comments.add_comment(rev, c2.id, "Which edition?")
        review.give_verdict(adm, c1.id, "unverifiable", "No second source.")
        yield Team(
            owner=pg_team.owner_url,
            urls=urls,
            logins={r: str(make_url(u).username) for r, u in urls.items()},
            ids={r: i for r, i in ids.items() if i is not None},
            claim_by_analyst=c1.id,
            claim_by_reviewer=c2.id,
            comment_by_analyst=k1.id,
            comment_by_reviewer=k2.id,
            database=pg_team.name,
        )
    finally:
        for ws in spaces.values():
            ws.close()


def _state(owner_url: str, logins: list[str]) -> dict[str, object]:
    """Everything an attempt could change, read as the owner."""
    out: dict[str, object] = {}
    with psycopg.connect(_dsn(owner_url)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname NOT IN "
                "('pg_catalog', 'information_schema') ORDER BY tablename"
            )
        ]
        out["tables"] = tables
        for table in tables:
            row = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            ).fetchone()
            out[f"rows:{table}"] = row
        out["triggers"] = conn.execute(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
        ).fetchall()
        out["functions"] = conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
        ).fetchall()
        out["schemas"] = conn.execute("SELECT nspname FROM pg_namespace ORDER BY 1").fetchall()
        out["members"] = conn.execute(
            "SELECT m.rolname, g.rolname FROM pg_auth_members a "
            "JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid "
            "WHERE m.rolname = ANY(%s) ORDER BY 1, 2",
            (logins,),
        ).fetchall()
        out["role_flags"] = conn.execute(
            "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles "
            "WHERE rolname = ANY(%s) ORDER BY 1",
            (logins,),
        ).fetchall()
    return out


def _attempts(t: Team, other_db: str) -> list[tuple[str, str, list[str]]]:
    """(role, what, statements): each run in one transaction on a plain connection."""
    c1, c2 = t.claim_by_analyst, t.claim_by_reviewer
    k1, k2 = t.comment_by_analyst, t.comment_by_reviewer
    rev_id, adm_id, ana_id = t.ids["reviewer"], t.ids["admin"], t.ids["analyst"]
    groups = group_names(t.database)
    copy = (
        "INSERT INTO claim SELECT (jsonb_populate_record(NULL::claim, to_jsonb(c) || "
        "jsonb_build_object('id', gen_random_uuid(){extra}))).* FROM claim c WHERE id = '{cid}'"
    )
    verdict = (
        "INSERT INTO verdict (id, claim_id, reviewer_id, status, rationale, decided_at) "
        "VALUES (gen_random_uuid(), '{cid}', '{who}', '{status}', 'by hand', now())"
    )
    history = (
        "INSERT INTO history (id, at, analyst_id, entity_type, entity_id, claim_id, action, "
        "changes) VALUES (gen_random_uuid(), now(), '{who}', 'claim', '{cid}', '{cid}', "
        "'update', '{{}}')"
    )
    # Undoing a deletion brings a row back as it was; these try to bring back other words.
    restore = "INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, '{row}'::jsonb)).*"
    with psycopg.connect(_dsn(t.owner)) as conn:
        rows = {
            r[0]: r[1]
            for r in conn.execute(
                "SELECT id, to_jsonb(c) FROM claim c UNION ALL "
                "SELECT id, to_jsonb(m) FROM comment m"
            )
        }
    return [
        (
            "analyst",
            "verify own claim",
            [f"UPDATE claim SET status = 'verified' WHERE id = '{c1}'"],
        ),
        (
            "analyst",
            "mark a colleague's claim false",
            [f"UPDATE claim SET status = 'false' WHERE id = '{c2}'"],
        ),
        (
            "reviewer",
            "verify own claim under four-eyes",
            [f"UPDATE claim SET status = 'verified' WHERE id = '{c2}'"],
        ),
        (
            "analyst",
            "create a claim already verified",
            [copy.format(extra=", 'status', 'verified'", cid=c1)],
        ),
        (
            "analyst",
            "insert a verdict in own name",
            [verdict.format(cid=c1, who=ana_id, status="verified")],
        ),
        (
            "analyst",
            "insert a verdict in a reviewer's name",
            [verdict.format(cid=c1, who=rev_id, status="verified")],
        ),
        (
            "reviewer",
            "insert a verdict on own claim (four-eyes)",
            [verdict.format(cid=c2, who=rev_id, status="verified")],
        ),
        (
            "reviewer",
            "insert a verdict in the admin's name",
            [verdict.format(cid=c1, who=adm_id, status="unverifiable")],
        ),
        ("admin", "rewrite a verdict", ["UPDATE verdict SET status = 'false'"]),
        ("admin", "delete verdicts", ["DELETE FROM verdict"]),
        (
            "analyst",
            "rewrite who made a history entry",
            [f"UPDATE history SET analyst_id = '{rev_id}'"],
        ),
        ("analyst", "delete the history", ["DELETE FROM history"]),
        ("admin", "delete the history", ["DELETE FROM history"]),
        ("analyst", "append history in a reviewer's name", [history.format(who=rev_id, cid=c1)]),
        ("admin", "append history in the analyst's name", [history.format(who=ana_id, cid=c2)]),
        (
            "analyst",
            "set the admin as last editor",
            [f"UPDATE claim SET notes = 'x', updated_by_id = '{adm_id}' WHERE id = '{c1}'"],
        ),
        (
            "analyst",
            "give own claim another creator",
            [f"UPDATE claim SET created_by_id = '{rev_id}' WHERE id = '{c1}'"],
        ),
        (
            "reviewer",
            "create a claim in the analyst's name",
            [copy.format(extra=f", 'created_by_id', '{ana_id}'", cid=c2)],
        ),
        (
            "analyst",
            "comment in a reviewer's name",
            [
                "INSERT INTO comment (id, claim_id, body, resolved, created_at, updated_at, "
                f"version, created_by_id) VALUES (gen_random_uuid(), '{c1}', 'forged', false, "
                f"now(), now(), 1, '{rev_id}')"
            ],
        ),
        ("analyst", "delete a colleague's comment", [f"DELETE FROM comment WHERE id = '{k2}'"]),
        (
            "reviewer",
            "edit a colleague's comment",
            [f"UPDATE comment SET body = 'changed' WHERE id = '{k1}'"],
        ),
        (
            "analyst",
            "make oneself admin",
            ["UPDATE analyst SET role = 'admin' WHERE login = session_user"],
        ),
        (
            "reviewer",
            "demote the admin",
            [f"UPDATE analyst SET role = 'analyst' WHERE id = '{adm_id}'"],
        ),
        (
            "reviewer",
            "take over the admin's analyst",
            [
                "UPDATE analyst SET login = NULL WHERE login = session_user",
                f"UPDATE analyst SET login = session_user WHERE id = '{adm_id}'",
            ],
        ),
        ("analyst", "join the admin group", [f'GRANT "{groups["admin"]}" TO CURRENT_USER']),
        (
            "analyst",
            "grant oneself admin through the team function",
            ["SELECT claimdesk_team_grant(session_user::text, 'admin')"],
        ),
        ("analyst", "give oneself CREATEROLE", ["ALTER ROLE CURRENT_USER CREATEROLE"]),
        (
            "analyst",
            "switch off four-eyes",
            [
                "UPDATE setting SET value = 'off' WHERE key = 'four_eyes'",
                "INSERT INTO setting (key, value) VALUES ('four_eyes', 'off')",
            ],
        ),
        (
            "reviewer",
            "switch off four-eyes",
            ["INSERT INTO setting (key, value) VALUES ('four_eyes', 'off')"],
        ),
        ("analyst", "truncate the history", ["TRUNCATE history"]),
        ("admin", "truncate the claims", ["TRUNCATE claim CASCADE"]),
        ("analyst", "create a table", ["CREATE TABLE notes_of_mine (id int)"]),
        (
            "admin",
            "create a function",
            ["CREATE FUNCTION public.no_rules() RETURNS int LANGUAGE sql AS 'SELECT 1'"],
        ),
        ("admin", "create a schema", ["CREATE SCHEMA side_door"]),
        ("analyst", "create a temporary table", ["CREATE TEMP TABLE scratch (id int)"]),
        ("admin", "disable the claim triggers", ["ALTER TABLE claim DISABLE TRIGGER ALL"]),
        ("admin", "drop the history trigger", ["DROP TRIGGER history_append_only ON history"]),
        (
            "admin",
            "replace a rule function",
            [
                "CREATE OR REPLACE FUNCTION claimdesk_role() RETURNS text LANGUAGE sql "
                "AS 'SELECT ''admin'''"
            ],
        ),
        (
            "analyst",
            "turn triggers off for the session",
            [
                "SET session_replication_role = replica",
                f"UPDATE claim SET status = 'verified' WHERE id = '{c1}'",
            ],
        ),
        (
            "analyst",
            "become the admin's login",
            [f'SET SESSION AUTHORIZATION "{t.logins["admin"]}"'],
        ),
        ("analyst", "become the superuser", ["SET ROLE postgres"]),
        ("analyst", "change the schema version", ["UPDATE alembic_version SET version_num = 'x'"]),
        (
            "analyst",
            "forge a deleted claim to restore verified",
            [
                "INSERT INTO claimdesk_deleted_row (tbl, id, status) "
                f"VALUES ('claim', '{uuid.uuid4()}', 'verified')"
            ],
        ),
        (
            "analyst",
            "delete a colleague's claim and bring it back saying something else",
            [
                f"DELETE FROM claim WHERE id = '{c2}'",
                restore.format(table="claim", row=_with(rows[c2], statement="Forged words")),
            ],
        ),
        (
            "analyst",
            "delete a colleague's claim and bring back their comment reworded",
            [
                f"DELETE FROM claim WHERE id = '{c2}'",
                restore.format(table="claim", row=_with(rows[c2])),
                restore.format(table="comment", row=_with(rows[k2], body="I agree with you")),
            ],
        ),
        (
            "reviewer",
            "delete a verified claim and bring it back as one's own decision",
            [
                f"DELETE FROM claim WHERE id = '{c1}'",
                "INSERT INTO verdict (id, claim_id, reviewer_id, status, rationale, decided_at) "
                f"VALUES (gen_random_uuid(), '{c2}', '{rev_id}', 'verified', 'mine', now())",
            ],
        ),
        (
            "analyst",
            "hand a saved filter to the admin",
            [
                "INSERT INTO saved_filter (id, name, criteria, created_at) "
                "VALUES (gen_random_uuid(), 'mine', '{}', now())",
                f"UPDATE saved_filter SET created_by_id = '{adm_id}' WHERE name = 'mine'",
            ],
        ),
        ("analyst", "read another workspace's database", [f"CONNECT {other_db}"]),
    ]


def _with(row: dict[str, object], **changes: object) -> str:
    return json.dumps({**row, **changes}).replace("'", "''")


def _run_attempt(t: Team, role: str, statements: list[str], other_db_url: str) -> str | None:
    """The error the database gave, or None when every statement went through."""
    if statements == [f"CONNECT {make_url(other_db_url).database}"]:
        url = make_url(other_db_url).set(username=t.logins[role])
        try:
            with psycopg.connect(_dsn(url.render_as_string(hide_password=False))) as conn:
                conn.execute("SELECT count(*) FROM claim").fetchone()
        except psycopg.Error as exc:
            return str(exc).strip().splitlines()[-1]
        return None
    conn = psycopg.connect(_dsn(t.urls[role]))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        return None
    except psycopg.Error as exc:
        conn.rollback()
        return str(exc).strip().splitlines()[0]
    finally:
        conn.close()


@pytest.fixture
def other_workspace() -> Iterator[str]:
    """A second migrated workspace on the same server, as its owner."""
    from conftest import _create_database, _drop_database, _group_roles, pg_base_url

    base = str(pg_base_url())
    name, url = _create_database(base)
    try:
        migrate(url)
        yield url
    finally:
        _drop_database(base, name, _group_roles(name))


def test_plain_sql_bypasses_are_refused_and_change_nothing(
    team: Team, other_workspace: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_owner_url = other_workspace
    t = team
    logins = list(t.logins.values())

    # Legitimate work through the same plain connections goes through.
    allowed = [
        ("analyst", [f"UPDATE claim SET notes = 'checked' WHERE id = '{t.claim_by_analyst}'"]),
        ("analyst", [f"UPDATE comment SET body = 'Edition 2' WHERE id = '{t.comment_by_analyst}'"]),
        ("reviewer", [f"UPDATE claim SET status = 'false' WHERE id = '{t.claim_by_analyst}'"]),
    ]
    for role, statements in allowed:
        assert _run_attempt(t, role, statements, pg_owner_url) is None, (role, statements)
    with psycopg.connect(_dsn(t.owner)) as conn:
        row = conn.execute(
            "SELECT status, updated_by_id FROM claim WHERE id = %s", (t.claim_by_analyst,)
        ).fetchone()
    assert row == ("false", t.ids["reviewer"])  # stamped from the login

    refused = 0
    let_through: list[str] = []
    for role, what, statements in _attempts(t, str(make_url(pg_owner_url).database)):
        before = _state(t.owner, logins)
        error = _run_attempt(t, role, statements, pg_owner_url)
        after = _state(t.owner, logins)
        if error is None or before != after:
            let_through.append(f"{role}: {what} ({error or 'no error'})")
            continue
        refused += 1
        with capsys.disabled():
            print(f"refused  {role:8} {what}: {error}")
    with capsys.disabled():
        print(f"bypass attempts refused: {refused} of {refused + len(let_through)}")
    assert let_through == []
    assert refused >= 20


def test_history_and_verdicts_are_append_only_for_the_owner_too(team: Team) -> None:
    """The logins lack the privilege; the owner, who has it, meets the triggers."""
    with psycopg.connect(_dsn(team.owner)) as conn:
        before = conn.execute("SELECT count(*) FROM history").fetchone()
        for statement in (
            "DELETE FROM history",
            "UPDATE verdict SET rationale = 'forged'",
            "TRUNCATE history",
            "TRUNCATE verdict CASCADE",
        ):
            with pytest.raises(psycopg.Error, match="append-only"):
                conn.execute(statement)
            conn.rollback()
        assert conn.execute("SELECT count(*) FROM history").fetchone() == before


def test_every_table_is_readable_and_only_the_protected_ones_are_read_only(team: Team) -> None:
    """A table added by a later migration gets the work grants; the protected ones do not."""
    from db.pg_roles import PROTECTED_TABLES

    with psycopg.connect(_dsn(team.urls["analyst"])) as conn:
        rows = conn.execute(
            "SELECT tablename, has_table_privilege(tablename, 'SELECT'), "
            "has_table_privilege(tablename, 'UPDATE'), has_table_privilege(tablename, 'TRUNCATE') "
            "FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    assert rows and all(read and not truncate for _t, read, _u, truncate in rows)
    writable = {t for t, _r, update, _tr in rows if update}
    protected = set(PROTECTED_TABLES) | {t for t, *_ in rows if t.startswith("claimdesk_")}
    # analyst rows are updated by their own login (details) or an admin, as the trigger allows
    assert writable == ({t for t, *_ in rows} - protected) | {"analyst"}
    assert "saved_filter" in writable and "claim" in writable
