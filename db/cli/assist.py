"""The ``suggest`` subcommand: suggested claims for an article, optionally accepted."""

from __future__ import annotations

import argparse
import json
from typing import Any

from db.cli import CliContext


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:.4g}"


def _line(s: Any) -> str:
    parts = [f"{s.kind:11}", f"[{s.start}–{s.end}]", repr(s.quote)]
    if s.value is not None:
        value = _number(s.value) + (f"–{_number(s.value_max)}" if s.value_max is not None else "")
        parts.append(" ".join(p for p in ("=", s.qualifier, value, s.unit) if p))
    elif s.qualifier:
        parts.append(f"= {s.qualifier}")
    if s.event_date:
        parts.append(f"date {s.event_date}")
    if s.source:
        parts.append(f"source {s.source} ({s.source_kind})")
    elif s.hedge:
        parts.append(f"hedged: {s.hedge}")
    if s.relayed_by:
        parts.append("via " + ", ".join(s.relayed_by))
    return "  ".join(parts)


def cmd_suggest(ctx: CliContext) -> int:
    from db.articles import get_article
    from db.assist.service import accept_suggestions, check_kinds, suggestions_for_article

    args = ctx.args
    kinds = check_kinds([args.kind] if args.kind else None)
    article = get_article(ctx.ws, args.article)
    found = suggestions_for_article(ctx.ws, article.id, kinds)
    if args.accept:
        accepted = accept_suggestions(ctx.ws, article.id, found)
        if args.format == "json":
            ctx.print(json.dumps([str(c.id) for c in accepted.claims]))
        else:
            for claim in accepted.claims:
                ctx.print(str(claim.id))
        return 0
    if args.format == "json":
        ctx.print(json.dumps([s.as_json() for s in found], ensure_ascii=False, indent=1))
    else:
        for s in found:
            ctx.print(_line(s))
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "suggest", parents=[common], help="suggest the claims, sources and dates in an article"
    )
    p.add_argument("--article", required=True, metavar="ID")
    p.add_argument("--kind", choices=["figure", "date", "quotation", "attribution"])
    p.add_argument(
        "--accept", action="store_true", help="turn every listed suggestion into a claim"
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_suggest)
