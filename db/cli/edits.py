"""Editing subcommands: claim edit/delete, evidence, link remove/list, source, article edit.

Every value is checked before anything is written, and each command is one
transaction: a refused edit prints one line and exits 2 with nothing changed.
``claim edit`` may already exist (another module can add options such as the
claim's span); the field options are then added to it and run in the same call.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput

# claim edit option -> the claim field it sets
_CLAIM_TEXT_FIELDS = {"statement": "statement", "note": "notes"}


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# ---------------------------------------------------------------- claims


def _claim_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for option, name in _CLAIM_TEXT_FIELDS.items():
        value = getattr(args, option, None)
        if value is not None:
            fields[name] = value
    for name in ("kind", "reliability", "credibility", "status"):
        value = getattr(args, name, None)
        if value is not None:
            fields[name] = value
    if getattr(args, "no_grading", False):
        fields["reliability"] = None
        fields["credibility"] = None
    if getattr(args, "tag", None) is not None:
        fields["tags"] = args.tag
    elif getattr(args, "no_tags", False):
        fields["tags"] = []
    event = getattr(args, "event_date", None)
    if event is not None:
        if event.strip():
            from db.dates import parse_event_date

            start, end = parse_event_date(event)
            fields.update(event_start=start, event_end=end)
        else:
            fields.update(event_start=None, event_end=None)
    return fields


def _wants_field_edit(args: argparse.Namespace) -> bool:
    return bool(
        _claim_fields(args)
        or getattr(args, "source", None) is not None
        or getattr(args, "no_source", False)
        or getattr(args, "relayed_by", None) is not None
        or getattr(args, "no_relays", False)
    )


def edit_claim_fields(ctx: CliContext) -> None:
    """Apply the field options of ``claim edit`` (one transaction); prints the claim."""
    from db.claim_fields import CLEAR, edit_claim

    args = ctx.args
    source: str | object | None = CLEAR if args.no_source else args.source
    relays = [] if args.no_relays else args.relayed_by
    info = edit_claim(
        ctx.ws,
        args.claim_id,
        _claim_fields(args),
        source=source,
        relays=relays,
        rationale=getattr(args, "rationale", None),
    )
    ctx.print(
        f"{info.id}\t{info.status.value}\t{info.grading or '-'}\t{info.source_name or '-'}\t"
        f"{_one_line(info.quote)}"
    )


def add_claim_field_options(parser: argparse.ArgumentParser) -> None:
    from db.models import ClaimKind

    parser.add_argument("--statement", metavar="TEXT", help="the claim in the analyst's words")
    parser.add_argument("--kind", choices=[k.value for k in ClaimKind])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--source", metavar="NAME", help="the original source (added if new)")
    source.add_argument("--no-source", action="store_true", help="remove the claim's source")
    relays = parser.add_mutually_exclusive_group()
    relays.add_argument(
        "--relayed-by",
        action="append",
        metavar="NAME",
        help="the new relay chain, one per option, nearest the original source first",
    )
    relays.add_argument("--no-relays", action="store_true", help="leave the claim unrelayed")
    parser.add_argument("--reliability", metavar="A-F", help="source reliability ('' clears)")
    parser.add_argument("--credibility", metavar="1-6", help="information credibility ('' clears)")
    parser.add_argument("--no-grading", action="store_true", help="clear both grading parts")
    parser.add_argument("--status", metavar="S", help="new status (the review rules apply)")
    parser.add_argument(
        "--rationale", metavar="TEXT", help="why the claim is verified or false (required then)"
    )
    parser.add_argument("--note", metavar="TEXT", help="replace the claim's notes")
    tags = parser.add_mutually_exclusive_group()
    tags.add_argument("--tag", action="append", metavar="T", help="the new tags (repeatable)")
    tags.add_argument("--no-tags", action="store_true", help="remove every tag")
    parser.add_argument(
        "--event-date", metavar="DATE", help="when the event took place ('' clears)"
    )


def _edit_handler(before: Callable[[CliContext], int] | None) -> Callable[[CliContext], int]:
    """``claim edit``'s handler: the field options, then the options *before* handled."""

    def handle(ctx: CliContext) -> int:
        fields = _wants_field_edit(ctx.args)
        if before is not None and not fields:
            return before(ctx)
        if not fields:
            raise InvalidInput("Nothing to change: give at least one field to edit.")
        _claim_fields(ctx.args)  # a bad date is refused before anything is written
        other = before is not None and any(
            getattr(ctx.args, name, None) is not None for name in ("start", "end")
        )
        check = getattr(before, "check", None)
        if other and check is not None:
            check(ctx)  # bad offsets are refused before any field is written
        edit_claim_fields(ctx)
        return before(ctx) if other and before is not None else 0

    return handle


def cmd_claim_delete(ctx: CliContext) -> int:
    from db.claims import delete_claim, get_claim

    info = get_claim(ctx.ws, ctx.args.claim_id)
    delete_claim(ctx.ws, info.id)
    ctx.print(f"Deleted claim {info.id}: {_one_line(info.quote)}")
    return 0


# ---------------------------------------------------------------- evidence and links


def cmd_evidence_add(ctx: CliContext) -> int:
    from db.evidence import add_evidence

    args = ctx.args
    info = add_evidence(ctx.ws, args.claim_id, args.url or "", args.note or "", args.stance)
    ctx.print(str(info.id))
    return 0


def cmd_evidence_remove(ctx: CliContext) -> int:
    from db.evidence import remove_evidence

    info = remove_evidence(ctx.ws, ctx.args.evidence_id)
    ctx.print(f"Removed evidence {info.id}: {_one_line(info.label)}")
    return 0


def cmd_evidence_list(ctx: CliContext) -> int:
    from db.evidence import list_evidence

    for e in list_evidence(ctx.ws, ctx.args.claim_id):
        ctx.print(f"{e.id}\t{e.stance.value}\t{e.url or '-'}\t{_one_line(e.note) or '-'}")
    return 0


def cmd_link_remove(ctx: CliContext) -> int:
    from db.links import remove_link

    info = remove_link(ctx.ws, ctx.args.link_id)
    ctx.print(
        f"Removed link {info.id}: {str(info.from_claim_id)[:8]} {info.relation.value} "
        f"{str(info.to_claim_id)[:8]}"
    )
    return 0


def cmd_link_list(ctx: CliContext) -> int:
    from db.links import links_of_claim

    for view in links_of_claim(ctx.ws, ctx.args.claim_id):
        ctx.print(f"{view.link.id}\t{view.label}\t{view.other_id}\t{_one_line(view.other_quote)}")
    return 0


# ---------------------------------------------------------------- sources


def _source_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for option, name in (
        ("kind", "kind"),
        ("affiliation", "affiliation"),
        ("reliability", "default_reliability"),
        ("notes", "notes"),
    ):
        value = getattr(args, option, None)
        if value is not None:
            fields[name] = value
    if getattr(args, "alias", None) is not None:
        fields["aliases"] = args.alias
    elif getattr(args, "no_aliases", False):
        fields["aliases"] = []
    return fields


def _source(ctx: CliContext, given: str) -> Any:
    """The source named *given* (name or alias), else the one with that id."""
    from db.errors import NotFound
    from db.sources import find_source, get_source

    found = find_source(ctx.ws, given)
    if found is not None:
        return found
    try:
        return get_source(ctx.ws, given)
    except NotFound:
        raise NotFound(f"No source named {given!r} (and no source with that id).") from None


def _print_source(ctx: CliContext, s: Any) -> None:
    aliases = ", ".join(s.aliases) or "-"
    ctx.print(
        f"{s.id}\t{s.kind.value}\t{s.default_reliability or '-'}\t{s.name}\taliases: {aliases}"
    )


def cmd_source_add(ctx: CliContext) -> int:
    from db.sources import create_source, find_source, normalise_source_fields

    fields = normalise_source_fields({"name": ctx.args.name, **_source_fields(ctx.args)})
    existing = find_source(ctx.ws, fields["name"])
    if existing is not None:
        raise InvalidInput(f"A source named {existing.name!r} already exists ({existing.id}).")
    name = fields.pop("name")
    _print_source(ctx, create_source(ctx.ws, name, **fields))
    return 0


def cmd_source_edit(ctx: CliContext) -> int:
    from db.sources import find_source, normalise_source_fields, update_source

    fields = _source_fields(ctx.args)
    if ctx.args.rename is not None:
        fields["name"] = ctx.args.rename
    if not fields:
        raise InvalidInput("Nothing to change: give at least one field to edit.")
    fields = normalise_source_fields(fields)
    source = _source(ctx, ctx.args.source)
    if "name" in fields:
        other = find_source(ctx.ws, fields["name"])
        if other is not None and other.id != source.id:
            raise InvalidInput(f"Another source is already named {other.name!r}; merge them.")
    _print_source(ctx, update_source(ctx.ws, source.id, **fields))
    return 0


def cmd_source_merge(ctx: CliContext) -> int:
    from db.sources import merge_sources

    keep = _source(ctx, ctx.args.keep)
    drop = _source(ctx, ctx.args.drop)
    merged = merge_sources(ctx.ws, keep.id, drop.id)
    ctx.print(f"Merged {drop.name!r} into {merged.name!r} ({merged.claim_count} claims)")
    return 0


def _source_options(parser: argparse.ArgumentParser) -> None:
    from db.models import SourceKind

    parser.add_argument("--kind", choices=[k.value for k in SourceKind])
    parser.add_argument("--affiliation", metavar="TEXT")
    parser.add_argument("--reliability", metavar="A-F", help="default reliability ('' clears)")
    parser.add_argument("--notes", metavar="TEXT")
    aliases = parser.add_mutually_exclusive_group()
    aliases.add_argument("--alias", action="append", metavar="NAME", help="(repeatable)")
    aliases.add_argument("--no-aliases", action="store_true", help="remove every alias")


# ---------------------------------------------------------------- articles


def _published(text: str) -> dict[str, Any]:
    if not text.strip():
        return {"published_at": None}
    from db.importing.metadata import parse_dateline

    found = parse_dateline(text)
    if found is None:
        raise InvalidInput(
            f"{text!r} is not a publication date; write e.g. 2024-10-18 14:10 KST "
            "or 18 October 2024."
        )
    return {
        "published_at": found.when,
        "published_offset": found.offset,
        "published_zone": found.zone,
    }


def cmd_article_edit(ctx: CliContext) -> int:
    from db.articles import published_text, update_article

    args = ctx.args
    fields: dict[str, Any] = {
        name: getattr(args, name)
        for name in ("title", "outlet", "author", "url")
        if getattr(args, name) is not None
    }
    if "title" in fields and not fields["title"].strip():
        raise InvalidInput("An article needs a title.")
    url = fields.get("url", "").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"The URL {url!r} must start with http:// or https://.")
    if args.published is not None:
        fields.update(_published(args.published))
    if not fields:
        raise InvalidInput("Nothing to change: give at least one field to edit.")
    info = update_article(ctx.ws, args.article_id, **fields)
    when = published_text(info.published_at, info.published_offset, info.published_zone)
    ctx.print(f"{info.id}\t{when or '-'}\t{info.outlet or '-'}\t{info.title}")
    return 0


# ---------------------------------------------------------------- registration


def _group_actions(parser: argparse.ArgumentParser) -> Any:
    """The sub-subparsers of an existing group parser ("article")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError(parser.prog)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from db.cli.core import command_group
    from db.models import Stance

    claim = command_group(subparsers, "claim", common, "work on one claim")
    existing = claim.choices.get("edit")
    if existing is None:
        p = claim.add_parser(
            "edit",
            parents=[common],
            help="change a claim in place (its id, history, links and verdict stay)",
        )
        p.add_argument("claim_id", metavar="CLAIM_ID")
    else:
        p = existing
    add_claim_field_options(p)
    p.set_defaults(handler=_edit_handler(p.get_default("handler")))

    p = claim.add_parser("delete", parents=[common], help="delete a claim")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.set_defaults(handler=cmd_claim_delete)

    evidence = command_group(subparsers, "evidence", common, "a claim's evidence")
    p = evidence.add_parser("add", parents=[common], help="attach evidence (a URL or a note)")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("--url", metavar="URL")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--stance", choices=[s.value for s in Stance], default=Stance.SUPPORTS.value)
    p.set_defaults(handler=cmd_evidence_add)
    p = evidence.add_parser("remove", parents=[common], help="remove one piece of evidence")
    p.add_argument("evidence_id", metavar="EVIDENCE_ID")
    p.set_defaults(handler=cmd_evidence_remove)
    p = evidence.add_parser("list", parents=[common], help="a claim's evidence")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.set_defaults(handler=cmd_evidence_list)

    link = command_group(subparsers, "link", common, "link claims")
    p = link.add_parser("remove", parents=[common], help="remove a link")
    p.add_argument("link_id", metavar="LINK_ID")
    p.set_defaults(handler=cmd_link_remove)
    p = link.add_parser("list", parents=[common], help="a claim's links")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.set_defaults(handler=cmd_link_list)

    source = command_group(subparsers, "source", common, "add, edit and merge sources")
    p = source.add_parser("add", parents=[common], help="add a source")
    p.add_argument("name")
    _source_options(p)
    p.set_defaults(handler=cmd_source_add)
    p = source.add_parser("edit", parents=[common], help="change a source (by name or id)")
    p.add_argument("source", metavar="NAME|ID")
    p.add_argument("--name", dest="rename", metavar="NEW_NAME")
    _source_options(p)
    p.set_defaults(handler=cmd_source_edit)
    p = source.add_parser(
        "merge", parents=[common], help="move DROP's claims to KEEP; DROP's name becomes an alias"
    )
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("drop", metavar="DROP")
    p.set_defaults(handler=cmd_source_merge)

    article = _group_actions(subparsers.choices["article"])
    p = article.add_parser("edit", parents=[common], help="change an article's details")
    p.add_argument("article_id", metavar="ID")
    p.add_argument("--title", metavar="TEXT")
    p.add_argument("--outlet", metavar="TEXT")
    p.add_argument("--author", metavar="TEXT")
    p.add_argument("--url", metavar="URL", help="('' clears)")
    p.add_argument("--published", metavar="WHEN", help="e.g. '2024-10-18 14:10 KST' ('' clears)")
    p.set_defaults(handler=cmd_article_edit)


__all__ = ["add_claim_field_options", "edit_claim_fields", "register"]
