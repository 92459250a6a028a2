"""``claimdesk claim edit --start N --end N``: move a claim's span, keeping its id,
history, links and verdict.  :mod:`db.cli.edits` adds the field options to the same
command; a span given with fields is checked before any field is written."""

from __future__ import annotations

import argparse
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def _span(ctx: CliContext) -> tuple[int | None, int | None]:
    return getattr(ctx.args, "start", None), getattr(ctx.args, "end", None)


class SpanEdit:
    """The handler of ``claim edit``'s span options; ``check`` refuses bad offsets first."""

    def check(self, ctx: CliContext) -> None:
        from db.claim_span import check_claim_span

        start, end = _span(ctx)
        if start is not None or end is not None:
            check_claim_span(ctx.ws, ctx.args.claim_id, start, end)

    def __call__(self, ctx: CliContext) -> int:
        from db.claim_span import set_claim_span

        start, end = _span(ctx)
        if start is None and end is None:
            raise InvalidInput("Nothing to change: give --start N, --end N or a field to edit.")
        info = set_claim_span(ctx.ws, ctx.args.claim_id, start, end)
        quote = " ".join(info.quote.split())
        ctx.print(f"{info.id}\t{info.start}–{info.end}\t{quote}")
        return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from db.cli.core import command_group

    claim = command_group(subparsers, "claim", common, "work on one claim")
    p = claim.add_parser(
        "edit",
        parents=[common],
        help="change a claim in place (its id, history, links and verdict stay)",
    )
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument(
        "--start", type=int, metavar="N", help="new start, in characters from the text's start"
    )
    p.add_argument("--end", type=int, metavar="N", help="new end (exclusive), in characters")
    p.set_defaults(handler=SpanEdit())


__all__ = ["SpanEdit", "register"]
