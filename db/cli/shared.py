"""Shared-workspace subcommands: migrate, bundle export/import, agreement."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from db.cli import CliContext


def cmd_migrate(ctx: CliContext) -> int:
    """Upgrade the schema of --db; never opens the workspace (which would refuse it)."""
    from db.paths import default_workspace
    from db.workspace import is_sqlite, migrate, redact, to_url

    target = ctx.args.db or default_workspace()
    url = to_url(target)
    before, after = migrate(target)
    shown = redact(url)
    if before == after:
        ctx.print(f"{shown}: schema already current ({after})")
    else:
        ctx.print(f"{shown}: schema {before or 'empty'} → {after}")
    if not is_sqlite(url):
        from db.pg_roles import database_name, group_names
        from db.workspace import make_engine

        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                groups = group_names(database_name(conn))
        finally:
            engine.dispose()
        ctx.print(f"{shown}: group roles {', '.join(groups.values())}")
    return 0


def _counts(bucket: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in bucket.items() if n) or "none"


def cmd_bundle_export(ctx: CliContext) -> int:
    from db.bundles import export_bundle
    from db.claims import ClaimFilter, normalise_fields

    args = ctx.args
    statuses = frozenset(normalise_fields({"status": s})["status"] for s in args.status or ())
    tags = frozenset(t.strip() for t in args.tag or () if t.strip())
    flt = ClaimFilter(statuses=statuses, tags=tags) if statuses or tags else None
    summary = export_bundle(ctx.ws, Path(args.output), args.article or None, flt)
    ctx.print(f"Wrote {summary.describe()} ({summary.size} bytes)")
    return 0


def cmd_bundle_import(ctx: CliContext) -> int:
    from db.bundles import import_bundle

    report = import_bundle(ctx.ws, Path(ctx.args.file))
    ctx.print(f"Added: {report.total_added} ({_counts(report.added)})")
    ctx.print(f"Updated: {report.total_updated} ({_counts(report.updated)})")
    ctx.print(f"Unchanged: {report.total_unchanged} ({_counts(report.unchanged)})")
    # Neither side is newer: each conflict changed on both sides since the bundle's base.
    ctx.print(
        f"Conflicts: {len(report.conflicts)} (changed on both sides: not applied, this "
        "workspace's values kept; the window's import can take the bundle's)"
    )
    for conflict in report.conflicts:
        ctx.print(f"  {conflict.describe()}")
    return 0


def cmd_agreement(ctx: CliContext) -> int:
    from db.agreement import agreement

    a, b = ctx.args.analysts
    report = agreement(ctx.ws, ctx.args.article, a, b, overlap=ctx.args.overlap)
    for line in report.lines():
        ctx.print(line)
    for pair in report.pairs:
        ctx.print(
            f"  {str(pair.a.claim_id)[:8]} [{pair.a.start}–{pair.a.end}] ~ "
            f"{str(pair.b.claim_id)[:8]} [{pair.b.start}–{pair.b.end}] "
            f"overlap {pair.overlap:.2f}, status {pair.a.status}/{pair.b.status}"
        )
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "migrate", parents=[common], help="upgrade a workspace's schema (shared or local)"
    )
    p.set_defaults(handler=cmd_migrate)

    bundle = subparsers.add_parser(
        "bundle", parents=[common], help="exchange bundles between workspaces"
    )
    actions = bundle.add_subparsers(dest="bundle_command", metavar="ACTION")
    p = actions.add_parser("export", parents=[common], help="write a .claimdesk bundle")
    p.add_argument("--article", action="append", metavar="ID", help="article to include")
    p.add_argument("--status", action="append", metavar="S", help="only claims with status S")
    p.add_argument("--tag", action="append", metavar="T", help="only claims tagged T")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_bundle_export)
    p = actions.add_parser("import", parents=[common], help="merge a .claimdesk bundle")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_bundle_import)

    p = subparsers.add_parser(
        "agreement", parents=[common], help="compare two analysts' claims on an article"
    )
    p.add_argument("--article", required=True, metavar="ID")
    p.add_argument("--analysts", nargs=2, required=True, metavar=("A", "B"))
    p.add_argument("--overlap", type=float, default=0.5, help="Jaccard threshold (0.5)")
    p.set_defaults(handler=cmd_agreement)
