"""Team subcommands: analysts, the review queue, assignments, comments, verdicts, history."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
from pathlib import Path
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def _local(when: dt.datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# ---------------------------------------------------------------- analysts


def cmd_analyst_add(ctx: CliContext) -> int:
    from db.analysts import add_analyst

    a = ctx.args
    info = add_analyst(ctx.ws, a.name, initials=a.initials or "", color=a.color or "", role=a.role)
    ctx.print(f"{info.id}\t{info.name}\t{info.role.value}")
    return 0


def cmd_analyst_role(ctx: CliContext) -> int:
    from db.analysts import set_role

    info = set_role(ctx.ws, ctx.args.analyst, ctx.args.role)
    ctx.print(f"{info.name} is now {info.role.value}.")
    return 0


def cmd_analysts(ctx: CliContext) -> int:
    from db.analysts import list_analysts

    ws = ctx.ws
    for a in list_analysts(ws):
        mark = "*" if a.id == ws.analyst_id else " "
        ctx.print(f"{mark} {a.name}\t{a.initials}\t{a.role.value}\t{a.color}\t{a.login or ''}")
    return 0


# ---------------------------------------------------------------- team logins (shared)


def _read_password(login: str) -> str:
    """A new login's password, typed twice at the terminal (never an argument)."""
    import getpass

    first = getpass.getpass(f"Password for the new login {login}: ")
    second = getpass.getpass("The same password again: ")
    if first != second:
        raise InvalidInput("The two passwords differ; nothing was changed.")
    return first


def cmd_team_add(ctx: CliContext) -> int:
    from db.team import add_member, check_login

    a = ctx.args
    login = check_login(a.login)
    password = _read_password(login) if a.create_login else None
    info = add_member(ctx.ws, login, a.role, password=password)
    ctx.print(f"{info.login}\t{info.role.value}\t{info.name}")
    return 0


def cmd_team_role(ctx: CliContext) -> int:
    from db.team import set_member_role

    info = set_member_role(ctx.ws, ctx.args.login, ctx.args.role)
    ctx.print(f"{info.login} is now {info.role.value}.")
    return 0


def cmd_team_remove(ctx: CliContext) -> int:
    from db.team import remove_member

    info = remove_member(ctx.ws, ctx.args.login)
    ctx.print(f"{info.login} no longer has a role here; {info.name}'s work stays attributed.")
    return 0


def cmd_team_list(ctx: CliContext) -> int:
    from db.team import list_members

    for m in list_members(ctx.ws):
        role = m.database_role.value if m.database_role else "no access"
        mark = "*" if m.analyst.id == ctx.ws.analyst_id else " "
        ctx.print(f"{mark} {m.analyst.login}\t{role}\t{m.analyst.name}")
    return 0


# ---------------------------------------------------------------- queue and verdicts


def cmd_review(ctx: CliContext) -> int:
    from db.review import review_queue

    a = ctx.args
    items = review_queue(
        ctx.ws,
        article_id=a.article,
        source_id=a.source,
        assignee_id=a.assignee,
        older_than_days=a.older_than,
    )
    for i in items:
        status = f"{i.status.value} (contested)" if i.contested else i.status.value
        ctx.print(
            f"{i.claim_id}\t{status}\t{i.age_days:.1f}d\t{i.assignee_name or '-'}\t"
            f"{i.open_threads}\t{_one_line(i.article_title, 30)}\t{_one_line(i.quote)}"
        )
    if not items:
        print("claimdesk: the review queue is empty.", file=ctx.err)
    return 0


def cmd_assign(ctx: CliContext) -> int:
    from db.review import assign

    who = None if ctx.args.analyst in ("-", "") else ctx.args.analyst
    info = assign(ctx.ws, ctx.args.claim_id, who)
    ctx.print(f"{info.id}\t{ctx.args.analyst if who else 'unassigned'}")
    return 0


def cmd_verdict(ctx: CliContext) -> int:
    from db.review import give_verdict

    v = give_verdict(ctx.ws, ctx.args.claim_id, ctx.args.status, ctx.args.rationale)
    ctx.print(f"{v.claim_id}\t{v.status.value}\t{v.reviewer_name}\t{_local(v.decided_at)}")
    return 0


def cmd_confirm(ctx: CliContext) -> int:
    from db.contested import confirm

    info = confirm(ctx.ws, ctx.args.claim_id)
    ctx.print(f"{info.id}\t{info.status.value}\tverdict kept, no longer contested")
    return 0


def cmd_verdicts(ctx: CliContext) -> int:
    from db.review import verdicts_of

    for v in verdicts_of(ctx.ws, ctx.args.claim_id):
        ctx.print(f"{_local(v.decided_at)}\t{v.reviewer_name}\t{v.status.value}\t{v.rationale}")
    return 0


# ---------------------------------------------------------------- comments


def cmd_comment_add(ctx: CliContext) -> int:
    from db.comments import add_comment

    a = ctx.args
    info = add_comment(ctx.ws, a.claim_id, a.text, parent_id=a.reply_to)
    ctx.print(str(info.id))
    return 0


def cmd_comment_resolve(ctx: CliContext) -> int:
    from db.comments import resolve_thread

    info = resolve_thread(ctx.ws, ctx.args.comment_id)
    ctx.print(f"{info.id}\tresolved")
    return 0


def cmd_comment_reopen(ctx: CliContext) -> int:
    from db.comments import reopen_thread

    info = reopen_thread(ctx.ws, ctx.args.comment_id)
    ctx.print(f"{info.id}\topen")
    return 0


def cmd_comments(ctx: CliContext) -> int:
    from db.comments import CommentInfo, threads_of

    def show(c: CommentInfo, depth: int) -> None:
        state = "" if depth or not c.resolved else " [resolved]"
        ctx.print(
            f"{'  ' * depth}{c.id}\t{_local(c.created_at)}\t{c.author_name or '-'}{state}\t"
            f"{_one_line(c.body, 200)}"
        )
        for r in c.replies:
            show(r, depth + 1)

    for thread in threads_of(ctx.ws, ctx.args.claim_id):
        show(thread, 0)
    return 0


# ---------------------------------------------------------------- history and settings


def _value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return _one_line(str(value), 60)


def cmd_history(ctx: CliContext) -> int:
    from db.history import claim_history
    from db.wording import field_words, value_words

    for item in claim_history(ctx.ws, ctx.args.claim_id):
        head = (
            f"{_local(item.at)}\t{item.analyst_name or '-'}\t{item.action}\t"
            f"{item.entity_type}\t{item.id}"
        )
        ctx.print(head)
        if item.action in ("create", "delete") and not ctx.args.full:
            continue
        for ch in item.changes:
            old = _value(value_words(ch.field, ch.old_shown))
            new = _value(value_words(ch.field, ch.new_shown))
            ctx.print(f"\t{field_words(ch.field)}: {old} → {new}")
    return 0


def cmd_restore(ctx: CliContext) -> int:
    from db.history import restore_claim_state

    named = Path(ctx.args.claim_id)
    if named.suffix.lower() == ".claimdesk" and named.is_file():
        from db.bundles.full import is_full_backup

        if ctx.args.output is not None and ctx.args.entry_id is None and is_full_backup(named):
            # What `claimdesk backup` writes of a shared workspace: every table.
            from db.cli.safety import restore_full_backup

            return restore_full_backup(ctx, named, ctx.args.output)
        # An exchange bundle (or a shared workspace's backup by an older ClaimDesk).
        target = shlex.quote(ctx.args.output or "NEW.sqlite")
        raise InvalidInput(
            f"{named.name} is an exchange bundle, not a full backup; bring it into a new, "
            f"empty workspace with: claimdesk --db {target} bundle import {shlex.quote(str(named))}"
        )
    if ctx.args.output is not None:
        if ctx.args.entry_id is not None:
            raise InvalidInput(
                "Restore either a backup (BACKUP -o NEW.sqlite) or a claim, not both."
            )
        from db.cli.safety import restore_backup_file

        return restore_backup_file(ctx, ctx.args.claim_id, ctx.args.output)
    if ctx.args.entry_id is None:
        raise InvalidInput(
            "Give -o NEW.sqlite to restore a backup, or CLAIM_ID ENTRY_ID to restore a claim."
        )

    info = restore_claim_state(ctx.ws, ctx.args.claim_id, ctx.args.entry_id)
    ctx.print(f"{info.id}\trestored (version {info.version})")
    return 0


def cmd_settings(ctx: CliContext) -> int:
    from db.settings import all_settings, set_setting

    a = ctx.args
    if a.key is not None and a.value is None:
        raise InvalidInput("Give a value to set, e.g. `claimdesk settings four_eyes off`.")
    if a.key is not None:
        set_setting(ctx.ws, a.key, a.value)
    for key, value in sorted(all_settings(ctx.ws).items()):
        ctx.print(f"{key}\t{value}")
    return 0


# ---------------------------------------------------------------- registration


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    analyst = subparsers.add_parser("analyst", parents=[common], help="add analysts, set roles")
    analyst_sub = analyst.add_subparsers(dest="analyst_command", metavar="ACTION")
    p = analyst_sub.add_parser("add", parents=[common], help="add an analyst")
    p.add_argument("name")
    p.add_argument("--role", default="analyst", choices=("analyst", "reviewer", "admin"))
    p.add_argument("--initials")
    p.add_argument("--color", metavar="#HEX")
    p.set_defaults(handler=cmd_analyst_add)
    p = analyst_sub.add_parser("role", parents=[common], help="change an analyst's role (admin)")
    p.add_argument("analyst")
    p.add_argument("role", choices=("analyst", "reviewer", "admin"))
    p.set_defaults(handler=cmd_analyst_role)

    team = subparsers.add_parser(
        "team", parents=[common], help="the logins of a shared workspace and their roles (admin)"
    )
    team_sub = team.add_subparsers(dest="team_command", metavar="ACTION")
    roles = ("analyst", "reviewer", "admin")
    p = team_sub.add_parser("add", parents=[common], help="give a database login a role")
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=roles)
    p.add_argument(
        "--create-login",
        action="store_true",
        help="create the login too (its password is asked for at the terminal)",
    )
    p.set_defaults(handler=cmd_team_add)
    p = team_sub.add_parser("role", parents=[common], help="change a login's role")
    p.add_argument("login")
    p.add_argument("role", choices=roles)
    p.set_defaults(handler=cmd_team_role)
    p = team_sub.add_parser(
        "remove", parents=[common], help="take a login's role away (its work stays attributed)"
    )
    p.add_argument("login")
    p.set_defaults(handler=cmd_team_remove)
    p = team_sub.add_parser("list", parents=[common], help="the team's logins and roles")
    p.set_defaults(handler=cmd_team_list)

    p = subparsers.add_parser("analysts", parents=[common], help="list the workspace's analysts")
    p.set_defaults(handler=cmd_analysts)

    p = subparsers.add_parser("review", parents=[common], help="list the review queue")
    p.add_argument("--article", metavar="ID")
    p.add_argument("--source", metavar="ID")
    p.add_argument("--assignee", metavar="NAME")
    p.add_argument("--older-than", type=float, metavar="DAYS")
    p.set_defaults(handler=cmd_review)

    p = subparsers.add_parser("assign", parents=[common], help="assign a claim ('-' unassigns)")
    p.add_argument("claim_id")
    p.add_argument("analyst")
    p.set_defaults(handler=cmd_assign)

    p = subparsers.add_parser("verdict", parents=[common], help="decide a claim, with rationale")
    p.add_argument("claim_id")
    p.add_argument(
        "--status", required=True, choices=("verified", "false", "unverifiable", "disputed")
    )
    p.add_argument("--rationale", required=True)
    p.set_defaults(handler=cmd_verdict)

    p = subparsers.add_parser(
        "confirm",
        parents=[common],
        help="keep the verdict of a contested claim (it leaves the review queue)",
    )
    p.add_argument("claim_id")
    p.set_defaults(handler=cmd_confirm)

    p = subparsers.add_parser("verdicts", parents=[common], help="a claim's verdicts")
    p.add_argument("claim_id")
    p.set_defaults(handler=cmd_verdicts)

    comment = subparsers.add_parser("comment", parents=[common], help="discuss a claim")
    comment_sub = comment.add_subparsers(dest="comment_command", metavar="ACTION")
    p = comment_sub.add_parser("add", parents=[common], help="comment on a claim, or reply")
    p.add_argument("claim_id")
    p.add_argument("text")
    p.add_argument("--reply-to", metavar="COMMENT_ID")
    p.set_defaults(handler=cmd_comment_add)
    p = comment_sub.add_parser("resolve", parents=[common], help="resolve a thread")
    p.add_argument("comment_id")
    p.set_defaults(handler=cmd_comment_resolve)
    p = comment_sub.add_parser("reopen", parents=[common], help="reopen a thread")
    p.add_argument("comment_id")
    p.set_defaults(handler=cmd_comment_reopen)

    p = subparsers.add_parser("comments", parents=[common], help="a claim's discussion threads")
    p.add_argument("claim_id")
    p.set_defaults(handler=cmd_comments)

    p = subparsers.add_parser("history", parents=[common], help="a claim's change history")
    p.add_argument("claim_id")
    p.add_argument("--full", action="store_true", help="also list created/deleted values")
    p.set_defaults(handler=cmd_history)

    p = subparsers.add_parser(
        "restore",
        parents=[common],
        help="restore a backup into a new file (BACKUP -o NEW.sqlite; a shared workspace's "
        "backup also into an empty database: -o URL), or set a claim back "
        "to its state after a history entry (CLAIM_ID ENTRY_ID)",
    )
    p.add_argument("claim_id", metavar="BACKUP|CLAIM_ID")
    p.add_argument("entry_id", nargs="?", metavar="ENTRY_ID")
    p.add_argument("-o", "--output", metavar="NEW.sqlite", help="the new workspace file")
    p.set_defaults(handler=cmd_restore)

    p = subparsers.add_parser("settings", parents=[common], help="show or set workspace settings")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.set_defaults(handler=cmd_settings)
