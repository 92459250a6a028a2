"""ClaimDesk's roles and rules inside a shared PostgreSQL workspace.

``claimdesk migrate`` (run by the database's owner) creates three group roles
per workspace — analyst, reviewer and admin, named after the database so that
two workspaces on one server never share them — grants each exactly what its
work needs, and installs the triggers that hold the team rules whoever writes:

* who acts is the session's login (``session_user``), never a value the
  client sends: ``created_by``/``updated_by``, a verdict's reviewer, a history
  entry's analyst are stamped from it, and a team member's id other than the
  login's own is refused (an admin merging a bundle may record the people of
  another workspace, who have no login here);
* only reviewers and admins make a claim verified, false or unverifiable or
  give a verdict; under the four-eyes rule not on a claim they created;
* only admins change roles, the team and the workspace settings; a comment
  is edited or deleted only by its author (or with its claim);
* history and verdicts stay append-only (:mod:`db.append_only`).

The database owner (and a superuser) acts as an admin: it owns the tables and
could change anything anyway.  Every refusal raised here carries SQLSTATE
:data:`REFUSED_STATE`; :func:`refusal_message` turns it (and a plain
"permission denied") into the one-line message the application shows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from db.models import Role

# Bumped whenever the statements below change: a workspace whose installed
# version is lower is refused until its owner runs ``claimdesk migrate``.
SECURITY_VERSION = 3
REFUSED_STATE = "CDR01"
PERMISSION_DENIED_STATE = "42501"

# Tables no role writes beyond what is granted below; every other table in the
# schema (a new one too, once the owner migrates) is written as the app's rules allow.
PROTECTED_TABLES = ("alembic_version", "analyst", "history", "setting", "verdict")
# Tables stamped with created_by_id / updated_by_id.
TRACKED_TABLES = ("article", "claim", "claim_link", "comment", "evidence", "fact", "source")
# Tables whose analyst column must be the acting analyst.
ACTOR_COLUMNS = (
    ("history", "analyst_id"),
    ("verdict", "reviewer_id"),
    ("suggestion_dismissal", "analyst_id"),
    ("dismissed_proposal", "analyst_id"),
    ("saved_filter", "created_by_id"),
)


def _slug(database: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", database.lower()).strip("_")
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:6]
    return f"{slug[:32]}_{digest}"


def group_names(database: str) -> dict[Role, str]:
    """The workspace's group role for each ClaimDesk role (at most 63 bytes each)."""
    base = f"claimdesk_{_slug(database)}"
    return {role: f"{base}_{role.value}" for role in Role}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _functions(groups: dict[Role, str]) -> list[str]:
    admin, reviewer, analyst = (_lit(groups[r]) for r in (Role.ADMIN, Role.REVIEWER, Role.ANALYST))
    refuse = f"USING ERRCODE = {_lit(REFUSED_STATE)}"
    return [
        # What a deleted row carried, written only by a trigger (the history can be
        # appended to by hand; this table cannot): undoing a deletion may bring the
        # row back with the same attribution and status, and nothing else.
        "DROP TRIGGER IF EXISTS claimdesk_deleted_claim ON claim",  # version 1's
        "DROP FUNCTION IF EXISTS claimdesk_claim_deleted()",
        "DROP TABLE IF EXISTS claimdesk_deleted_claim",
        """CREATE TABLE IF NOT EXISTS claimdesk_deleted_row (
    tbl text NOT NULL, id uuid NOT NULL, created_by uuid, updated_by uuid, actor uuid,
    status text, body_md5 text, PRIMARY KEY (tbl, id))""",
        """CREATE OR REPLACE FUNCTION claimdesk_claim_md5(quote text, statement text, notes text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT md5(coalesce(quote, '') || chr(31) || coalesce(statement, '') || chr(31)
    || coalesce(notes, '')) $$""",
        """CREATE OR REPLACE FUNCTION claimdesk_remember_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    created uuid;
    updated uuid;
    actor uuid;
    status text;
    body_md5 text;
BEGIN
    -- Each branch names only its own table's columns (plpgsql plans per table).
    IF TG_TABLE_NAME = 'verdict' THEN
        actor := OLD.reviewer_id;
        status := OLD.status;
    ELSIF TG_TABLE_NAME IN ('suggestion_dismissal', 'dismissed_proposal') THEN
        actor := OLD.analyst_id;
    ELSIF TG_TABLE_NAME = 'saved_filter' THEN
        actor := OLD.created_by_id;
    ELSE
        created := OLD.created_by_id;
        updated := OLD.updated_by_id;
        IF TG_TABLE_NAME = 'claim' THEN
            status := OLD.status;
            body_md5 := claimdesk_claim_md5(OLD.quote, OLD.statement, OLD.notes);
        ELSIF TG_TABLE_NAME = 'comment' THEN
            body_md5 := md5(OLD.body);
        END IF;
    END IF;
    INSERT INTO public.claimdesk_deleted_row AS d
        (tbl, id, created_by, updated_by, actor, status, body_md5)
    VALUES (TG_TABLE_NAME, OLD.id, created, updated, actor, status, body_md5)
    ON CONFLICT (tbl, id) DO UPDATE SET created_by = EXCLUDED.created_by,
        updated_by = EXCLUDED.updated_by, actor = EXCLUDED.actor,
        status = EXCLUDED.status, body_md5 = EXCLUDED.body_md5;
    RETURN OLD;
END $$""",
        f"""CREATE OR REPLACE FUNCTION claimdesk_security_version() RETURNS integer
LANGUAGE sql IMMUTABLE AS 'SELECT {SECURITY_VERSION}'""",
        # The acting login's ClaimDesk role: the owner counts as admin.
        f"""CREATE OR REPLACE FUNCTION claimdesk_role() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
SELECT CASE
    WHEN pg_has_role(session_user,
        (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')
        THEN 'admin'
    WHEN pg_has_role(session_user, {admin}, 'MEMBER') THEN 'admin'
    WHEN pg_has_role(session_user, {reviewer}, 'MEMBER') THEN 'reviewer'
    WHEN pg_has_role(session_user, {analyst}, 'MEMBER') THEN 'analyst'
END $$""",
        """CREATE OR REPLACE FUNCTION claimdesk_is_owner() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
SELECT pg_has_role(session_user,
    (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') $$""",
        """CREATE OR REPLACE FUNCTION claimdesk_me() RETURNS uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
SELECT id FROM public.analyst WHERE login = session_user::text $$""",
        # "Name (role)" of the acting analyst, for messages.
        """CREATE OR REPLACE FUNCTION claimdesk_me_label() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
SELECT coalesce(
    (SELECT name FROM public.analyst WHERE login = session_user::text), session_user::text)
    || ' (' || coalesce(claimdesk_role(), 'no role') || ')' $$""",
        # Refuse anyone without a ClaimDesk role, and anyone who has one but no analyst yet.
        f"""CREATE OR REPLACE FUNCTION claimdesk_acting() RETURNS uuid
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public AS $$
DECLARE me uuid := claimdesk_me();
BEGIN
    IF claimdesk_role() IS NULL THEN
        RAISE EXCEPTION 'the database login % has no ClaimDesk role in this workspace',
            session_user {refuse};
    END IF;
    IF me IS NULL AND NOT claimdesk_is_owner() THEN
        RAISE EXCEPTION 'the database login % is not an analyst of this workspace yet',
            session_user {refuse};
    END IF;
    RETURN me;
END $$""",
        # Whose name a row may carry: the login's own analyst; for an admin merging a
        # bundle, also someone from another workspace (an analyst with no login here).
        """CREATE OR REPLACE FUNCTION claimdesk_may_record(given uuid, me uuid) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
SELECT given IS NULL OR given = me OR (
    claimdesk_role() = 'admin'
    AND NOT EXISTS (SELECT 1 FROM public.analyst WHERE id = given AND login IS NOT NULL)) $$""",
        # created_by / updated_by come from the login, whatever the client sent.
        f"""CREATE OR REPLACE FUNCTION claimdesk_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    me uuid := claimdesk_acting();
    gone public.claimdesk_deleted_row;
    restoring boolean;
BEGIN
    IF me IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NOT claimdesk_may_record(NEW.created_by_id, me)
                OR NOT claimdesk_may_record(NEW.updated_by_id, me) THEN
            SELECT * INTO gone FROM public.claimdesk_deleted_row
            WHERE tbl = TG_TABLE_NAME AND id = NEW.id;
            restoring := FOUND AND NEW.created_by_id IS NOT DISTINCT FROM gone.created_by
                AND (NEW.updated_by_id IS NOT DISTINCT FROM gone.updated_by
                     OR claimdesk_may_record(NEW.updated_by_id, me));
            IF restoring AND TG_TABLE_NAME = 'comment' THEN
                restoring := md5(NEW.body) IS NOT DISTINCT FROM gone.body_md5;
            ELSIF restoring AND TG_TABLE_NAME = 'claim' THEN
                restoring := claimdesk_claim_md5(NEW.quote, NEW.statement, NEW.notes)
                    IS NOT DISTINCT FROM gone.body_md5;
            END IF;
            IF NOT restoring THEN
                RAISE EXCEPTION 'You act as %: a change cannot be recorded under another '
                    'analyst''s name.', claimdesk_me_label() {refuse};
            END IF;
        END IF;
        NEW.created_by_id := coalesce(NEW.created_by_id, me);
        NEW.updated_by_id := coalesce(NEW.updated_by_id, me);
        RETURN NEW;
    END IF;
    IF NEW.created_by_id IS DISTINCT FROM OLD.created_by_id THEN
        RAISE EXCEPTION 'You act as %: who created an item cannot be changed.',
            claimdesk_me_label() {refuse};
    END IF;
    IF NEW.updated_by_id IS DISTINCT FROM OLD.updated_by_id THEN
        IF NOT claimdesk_may_record(NEW.updated_by_id, me) THEN
            RAISE EXCEPTION 'You act as %: a change cannot be recorded under another '
                'analyst''s name.', claimdesk_me_label() {refuse};
        END IF;
        NEW.updated_by_id := coalesce(NEW.updated_by_id, me);
    ELSE
        NEW.updated_by_id := me;
    END IF;
    RETURN NEW;
END $$""",
        # A history entry's analyst, a verdict's reviewer, a dismissal's analyst.
        f"""CREATE OR REPLACE FUNCTION claimdesk_actor() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    me uuid := claimdesk_acting();
    given text := to_jsonb(NEW) ->> TG_ARGV[0];
BEGIN
    IF me IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF given IS DISTINCT FROM to_jsonb(OLD) ->> TG_ARGV[0] THEN
            RAISE EXCEPTION 'You act as %: who made an item cannot be changed.',
                claimdesk_me_label() {refuse};
        END IF;
        RETURN NEW;
    END IF;
    IF NOT claimdesk_may_record(given::uuid, me) AND NOT EXISTS (
            SELECT 1 FROM public.claimdesk_deleted_row d
            WHERE d.tbl = TG_TABLE_NAME AND d.id = NEW.id AND d.actor = given::uuid) THEN
        RAISE EXCEPTION 'You act as %: a change cannot be recorded under another '
            'analyst''s name.', claimdesk_me_label() {refuse};
    END IF;
    RETURN jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], coalesce(given::uuid, me)));
END $$""",
        # Shared by the claim and verdict rules: may the login decide *status* on *claim*?
        f"""CREATE OR REPLACE FUNCTION claimdesk_check_decision(
    status text, creator uuid, as_verdict boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    me uuid := claimdesk_me();
    role text := claimdesk_role();
    label text := lower(replace(status, '_', ' '));
BEGIN
    IF role IS NULL OR role NOT IN ('reviewer', 'admin') THEN
        IF as_verdict THEN
            RAISE EXCEPTION 'Only reviewers and admins can give a verdict; you are %.',
                claimdesk_me_label() {refuse};
        END IF;
        RAISE EXCEPTION 'Only reviewers and admins can mark a claim %; you are %. '
            'Send it to review instead.', label, claimdesk_me_label() {refuse};
    END IF;
    IF status IN ('verified', 'false') AND me IS NOT NULL AND coalesce(creator, me) = me
            AND (SELECT count(*) FROM public.analyst) >= 2
            AND coalesce((SELECT value FROM public.setting WHERE key = 'four_eyes'), 'on') = 'on'
    THEN
        RAISE EXCEPTION 'You created this claim, so you cannot mark it % yourself under the '
            'four-eyes rule: another reviewer must confirm it.', label {refuse};
    END IF;
END $$""",
        """CREATE OR REPLACE FUNCTION claimdesk_claim_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF NEW.status IN ('verified', 'false', 'unverifiable')
            AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        -- Bringing back a deleted claim with the status it had is no new decision.
        IF TG_OP = 'INSERT' AND EXISTS (
            SELECT 1 FROM public.claimdesk_deleted_row d
            WHERE d.tbl = 'claim' AND d.id = NEW.id AND d.status = NEW.status) THEN
            RETURN NEW;
        END IF;
        PERFORM claimdesk_check_decision(NEW.status, NEW.created_by_id, false);
    END IF;
    RETURN NEW;
END $$""",
        """CREATE OR REPLACE FUNCTION claimdesk_verdict_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    -- A verdict coming back with its restored claim is no new decision.
    IF EXISTS (SELECT 1 FROM public.claimdesk_deleted_row d
               WHERE d.tbl = 'verdict' AND d.id = NEW.id AND d.status = NEW.status) THEN
        RETURN NEW;
    END IF;
    PERFORM claimdesk_check_decision(NEW.status,
        (SELECT created_by_id FROM public.claim WHERE id = NEW.claim_id), true);
    RETURN NEW;
END $$""",
        f"""CREATE OR REPLACE FUNCTION claimdesk_comment_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE me uuid := claimdesk_me();
BEGIN
    IF claimdesk_is_owner() OR OLD.created_by_id IS NOT DISTINCT FROM me THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        -- Going with its claim or its thread is not deleting someone's words.
        IF NOT EXISTS (SELECT 1 FROM public.claim WHERE id = OLD.claim_id)
           OR (OLD.parent_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM public.comment WHERE id = OLD.parent_id)) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'Only its author can delete a comment; you are %.',
            claimdesk_me_label() {refuse};
    END IF;
    IF NEW.body IS DISTINCT FROM OLD.body OR NEW.claim_id IS DISTINCT FROM OLD.claim_id
            OR NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
        RAISE EXCEPTION 'Only its author can edit a comment; you are %.',
            claimdesk_me_label() {refuse};
    END IF;
    RETURN NEW;
END $$""",
        # The team: admins change it; anyone registers themself with the role they hold.
        f"""CREATE OR REPLACE FUNCTION claimdesk_analyst_rules() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE role text := claimdesk_role();
BEGIN
    IF role = 'admin' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF role IS NULL THEN
        RAISE EXCEPTION 'the database login % has no ClaimDesk role in this workspace',
            session_user {refuse};
    END IF;
    IF TG_OP = 'INSERT' AND (
        (NEW.login = session_user::text AND NEW.role = role)
        OR (NEW.login IS NULL AND NEW.role = 'analyst')) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.login = session_user::text
            AND NEW.id = OLD.id AND NEW.login IS NOT DISTINCT FROM OLD.login
            AND (NEW.role = OLD.role OR NEW.role = role) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Only admins can change the team or anyone''s role; you are %.',
        claimdesk_me_label() {refuse};
END $$""",
    ]


def _triggers() -> list[str]:
    out: list[str] = []

    def trigger(name: str, table: str, when: str, function: str) -> None:
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        out.append(
            f"CREATE TRIGGER {name} BEFORE {when} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}"
        )

    for table in TRACKED_TABLES:
        trigger(f"claimdesk_stamp_{table}", table, "INSERT OR UPDATE", "claimdesk_stamp()")
    for table, column in ACTOR_COLUMNS:
        trigger(
            f"claimdesk_actor_{table}", table, "INSERT OR UPDATE", f"claimdesk_actor('{column}')"
        )
    # Named to fire after the stamp (triggers fire in name order).
    trigger("claimdesk_zrules_claim", "claim", "INSERT OR UPDATE", "claimdesk_claim_rules()")
    remembered = (*TRACKED_TABLES, *(t for t, _c in ACTOR_COLUMNS if t != "history"))
    for table in remembered:
        out.append(f"DROP TRIGGER IF EXISTS claimdesk_remember_{table} ON {table}")
        out.append(
            f"CREATE TRIGGER claimdesk_remember_{table} AFTER DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION claimdesk_remember_deleted()"
        )
    trigger("claimdesk_zrules_verdict", "verdict", "INSERT", "claimdesk_verdict_rules()")
    trigger("claimdesk_zrules_comment", "comment", "UPDATE OR DELETE", "claimdesk_comment_rules()")
    trigger(
        "claimdesk_zrules_analyst",
        "analyst",
        "INSERT OR UPDATE OR DELETE",
        "claimdesk_analyst_rules()",
    )
    return out


def _team_functions(groups: dict[Role, str]) -> list[str]:
    """SECURITY DEFINER functions through which an admin manages the team's logins."""
    cases = "\n".join(
        f"        WHEN {_lit(role.value)} THEN {_lit(name)}" for role, name in groups.items()
    )
    all_groups = "ARRAY[" + ", ".join(_lit(n) for n in groups.values()) + "]"
    refuse = f"USING ERRCODE = {_lit(REFUSED_STATE)}"
    return [
        f"""CREATE OR REPLACE FUNCTION claimdesk_team_grant(
    who text, wanted text, verifier text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    target text := CASE wanted
{cases}
    END;
    g text;
BEGIN
    IF claimdesk_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'Only admins can change the team or anyone''s role; you are %.',
            claimdesk_me_label() {refuse};
    END IF;
    IF target IS NULL THEN
        RAISE EXCEPTION 'Unknown role %', wanted {refuse};
    END IF;
    IF verifier IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
            RAISE EXCEPTION 'The database login % exists already; add it without '
                '--create-login.', who {refuse};
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', who, verifier);
    ELSIF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who AND rolcanlogin) THEN
        RAISE EXCEPTION 'There is no database login %; add it with --create-login, or ask '
            'the server''s administrator to create it.', who {refuse};
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who AND rolsuper) THEN
        RAISE EXCEPTION 'The database login % is a superuser; ClaimDesk does not give it '
            'a role.', who {refuse};
    END IF;
    FOREACH g IN ARRAY {all_groups} LOOP
        IF g <> target THEN
            EXECUTE format('REVOKE %I FROM %I', g, who);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', target, who);
END $$""",
        f"""CREATE OR REPLACE FUNCTION claimdesk_team_revoke(who text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE g text;
BEGIN
    IF claimdesk_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'Only admins can change the team or anyone''s role; you are %.',
            claimdesk_me_label() {refuse};
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        RETURN;
    END IF;
    FOREACH g IN ARRAY {all_groups} LOOP
        EXECUTE format('REVOKE %I FROM %I', g, who);
    END LOOP;
END $$""",
        # Which ClaimDesk role a login holds (for team list), readable by the team.
        f"""CREATE OR REPLACE FUNCTION claimdesk_role_of(who text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
SELECT CASE
    WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN NULL
    WHEN pg_has_role(who, {_lit(groups[Role.ADMIN])}, 'MEMBER') THEN 'admin'
    WHEN pg_has_role(who, {_lit(groups[Role.REVIEWER])}, 'MEMBER') THEN 'reviewer'
    WHEN pg_has_role(who, {_lit(groups[Role.ANALYST])}, 'MEMBER') THEN 'analyst'
END $$""",
    ]


def _grants(database: str, groups: dict[Role, str]) -> list[str]:
    db = _q(database)
    everyone = ", ".join(_q(n) for n in groups.values())
    admin = _q(groups[Role.ADMIN])
    protected = ", ".join(_lit(t) for t in PROTECTED_TABLES)
    grantees = everyone.replace("'", "''")  # inside a quoted format string
    return [
        # What PUBLIC gets by default: connecting, temporary tables, creating in public.
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {everyone}",
        f"GRANT CONNECT ON DATABASE {db} TO {everyone}",
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}",
        f"""DO $$ DECLARE t text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'
        AND tablename NOT IN ({protected}) AND tablename NOT LIKE 'claimdesk\\_%' LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON public.%I TO {grantees}', t);
    END LOOP;
END $$""",
        f"GRANT INSERT ON history, verdict TO {everyone}",
        f"GRANT INSERT, UPDATE ON analyst TO {everyone}",
        f"GRANT DELETE ON analyst TO {admin}",
        f"GRANT INSERT, UPDATE, DELETE ON setting TO {admin}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {everyone}",
    ]


def _create_groups(groups: dict[Role, str]) -> list[str]:
    return [
        f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_lit(name)}) THEN
        CREATE ROLE {_q(name)} NOLOGIN;
    END IF;
END $$"""
        for name in groups.values()
    ]


def statements(database: str) -> list[str]:
    groups = group_names(database)
    return (
        _create_groups(groups)
        + _functions(groups)
        + _team_functions(groups)
        + _triggers()
        + _grants(database, groups)
    )


def database_name(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_database()")).scalar_one())


def is_owner(conn: Connection) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT pg_has_role(current_user, datdba, 'MEMBER') FROM pg_database "
                "WHERE datname = current_database()"
            )
        ).scalar_one()
    )


def install(conn: Connection) -> None:
    """Create or refresh the roles, grants and triggers (the owner's connection)."""
    cursor = conn.connection.cursor()
    try:
        for statement in statements(database_name(conn)):
            cursor.execute(statement)  # no parameters: '%' in the bodies stays as it is
    finally:
        cursor.close()


def installed_version(conn: Connection) -> int | None:
    """The rules' version in this database; None when none were installed."""
    found = conn.execute(
        text("SELECT 1 FROM pg_proc WHERE proname = 'claimdesk_security_version'")
    ).first()
    if found is None:
        return None
    return int(conn.execute(text("SELECT claimdesk_security_version()")).scalar_one())


def role_of_session(conn: Connection) -> Role | None:
    value = conn.execute(text("SELECT claimdesk_role()")).scalar()
    return Role(value) if value else None


def first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message


def refusal_message(sqlstate: str | None, message: str) -> str | None:
    """The user-facing line for a refusal by the database, or None for other errors."""
    line = first_line(message)
    if sqlstate == REFUSED_STATE:
        return line[:1].upper() + line[1:]
    if sqlstate == PERMISSION_DENIED_STATE:
        table = re.search(r"permission denied for (?:table|relation) (\w+)", line)
        if table and table.group(1) == "setting":
            return "Only admins can change workspace settings (the database refused it)."
        return f"The database refused it: {line}."
    return None


def quoted_groups(database: str) -> Sequence[str]:
    return [_q(n) for n in group_names(database).values()]


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object``: leave out the rules' own tables and the full-text objects."""
    from db.search.schema import include_object as search_objects

    if type_ == "table" and reflected and name and name.startswith("claimdesk_"):
        return False
    return search_objects(obj, name, type_, reflected, compare_to)
