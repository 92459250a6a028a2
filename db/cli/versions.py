"""An article's texts on the command line: ``article versions`` and ``article show``.

``claimdesk article versions ID`` lists the earlier texts an article kept when its
text was replaced (``article replace``): each one's number, when it was replaced
(local time), its length and who replaced it.  ``claimdesk article show ID`` prints
the article's current text, and ``--revision N`` the text of its version N, exactly
as stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from db.cli import CliContext


def _when(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def cmd_article_versions(ctx: CliContext) -> int:
    from db.articles import article_text
    from db.revisions import revisions

    article = article_text(ctx.ws, ctx.args.article_id)
    kept = revisions(ctx.ws, article.id)
    short = str(article.id)[:8]
    if not kept:
        ctx.print(
            f"No earlier versions of “{article.title}” ({short}): its text has never been replaced."
        )
        return 0
    count = f"{len(kept)} earlier version{'s' if len(kept) != 1 else ''}"
    ctx.print(
        f"“{article.title}” ({short}): {count} (times are local); the current text "
        f"has {len(article.text):,} characters"
    )
    for info in kept:
        who = info.replaced_by or "someone not recorded"
        ctx.print(
            f"  {info.number}\t{_when(info.replaced_at)}\t{info.length:,} characters\t"
            f"replaced by {who}\t{info.filename or '-'}"
        )
    ctx.print(f"  (claimdesk article show {short} --revision N prints one)")
    return 0


def cmd_article_show(ctx: CliContext) -> int:
    from db.articles import article_text
    from db.revisions import revision_text

    number = ctx.args.revision
    if number is None:
        text = article_text(ctx.ws, ctx.args.article_id).text
    else:
        text = revision_text(ctx.ws, ctx.args.article_id, number)
    ctx.out.write(text if text.endswith("\n") else text + "\n")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from db.cli.core import command_group

    article = command_group(subparsers, "article", common, "work on one article")
    p = article.add_parser(
        "versions", parents=[common], help="list the earlier texts an article kept"
    )
    p.add_argument("article_id", metavar="ID")
    p.set_defaults(handler=cmd_article_versions)
    p = article.add_parser(
        "show", parents=[common], help="print an article's text, or an earlier version's"
    )
    p.add_argument("article_id", metavar="ID")
    p.add_argument(
        "--revision",
        type=int,
        metavar="N",
        help="the earlier version numbered N (see: claimdesk article versions ID)",
    )
    p.set_defaults(handler=cmd_article_show)
