"""``claimdesk search QUERY``: where a query is found in articles, claims, sources, tags."""

from __future__ import annotations

import argparse
import json
from typing import Any

from db.cli import CliContext


def cmd_search(ctx: CliContext) -> int:
    from db.search import parse_query, search

    args = ctx.args
    parse_query(args.query)  # a bad query is refused before the workspace is opened
    result = search(ctx.ws, args.query, limit=args.limit)
    if args.format == "json":
        ctx.print(
            json.dumps(
                {
                    "query": result.query,
                    "more": result.more,
                    "hits": [hit.as_dict() for hit in result.hits],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for hit in result.hits:
        place = f"{hit.article_start}-{hit.article_end}" if hit.article_start is not None else "-"
        ctx.print(
            "\t".join(
                [
                    str(hit.article_id),
                    str(hit.claim_id) if hit.claim_id else "-",
                    f"{hit.field}:{hit.start}-{hit.end}",
                    place,
                    hit.marked_snippet(),
                ]
            )
        )
    if result.more:
        ctx.print(f"(more than {len(result.hits)} hits; use --limit to see more)")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "search",
        parents=[common],
        help="find text in articles, claims, comments, sources and tags",
        description=(
            "Every word must be found, in any case; punctuation is literal. Text lines: "
            "article id, claim id (or -), field:start-end (code points in that field), "
            "article range (or -), and the snippet with hits marked ⟦like this⟧."
        ),
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--limit", type=int, default=50, help="at most this many hits (1–1000)")
    p.set_defaults(handler=cmd_search)
