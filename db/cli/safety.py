"""Keeping a workspace safe: backup, backups, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from db.cli import CliContext
from db.errors import InvalidInput


def _local_path(ctx: CliContext) -> Path | None:
    """The --db file (or the default workspace); None for a shared database."""
    from db.paths import default_workspace
    from db.workspace import is_sqlite, to_url

    target = ctx.args.db or default_workspace()
    url = to_url(target)
    if not is_sqlite(url):
        return None
    return Path(str(target)).expanduser()


def cmd_backup(ctx: CliContext) -> int:
    from db.backup import clean_leftovers, rotate, take_backup

    path = _local_path(ctx)
    output = Path(ctx.args.output) if ctx.args.output else None
    if path is None:
        # A shared database is backed up as a full bundle of the workspace.
        from db.bundles import export_bundle

        if output is None:
            raise InvalidInput(
                "A shared workspace is backed up to a bundle: give -o FILE.claimdesk."
            )
        summary = export_bundle(ctx.ws, output, full=True)
        ctx.print(f"Backed up to {summary.path} ({summary.describe()})")
        return 0
    clean_leftovers(path)
    info = take_backup(path, output)
    ctx.print(f"Backed up to {info.path}")
    ctx.print(f"  {info.describe()}")
    if output is None:
        removed = rotate(path, keep_last=ctx.args.keep_last, keep_days=ctx.args.keep_days)
        if removed:
            ctx.print(f"  {len(removed)} older backup(s) removed by the rotation")
    return 0


def restore_full_backup(ctx: CliContext, bundle: Path, output: str) -> int:
    """`claimdesk restore BACKUP.claimdesk -o NEW.sqlite|URL`: a shared workspace's backup
    written into a new workspace file, or into an empty (migrated) database as its owner."""
    from db.bundles.full import restore_workspace
    from db.workspace import is_sqlite, open_workspace, to_url

    if not is_sqlite(to_url(output)):
        ws = open_workspace(output)
        try:
            report = restore_workspace(ws, bundle)
        finally:
            ws.close()
        ctx.print(f"Restored {bundle} into {ws.display_name}: {report.describe()}")
        return 0
    target = Path(output).expanduser()
    if target.exists():
        raise InvalidInput(f"{target} already exists; a backup is restored into a new file.")
    if not target.parent.is_dir():
        raise InvalidInput(f"{target}: the folder {target.parent} does not exist.")
    ws = open_workspace(target)
    try:
        report = restore_workspace(ws, bundle)
    except BaseException:
        ws.close()
        for leftover in (target, *(target.with_name(target.name + s) for s in _SIDE)):
            leftover.unlink(missing_ok=True)
        raise
    ws.close()
    ctx.print(f"Restored {bundle} into {target}: {report.describe()}")
    return 0


_SIDE = ("-wal", "-shm", "-journal")


def cmd_backups(ctx: CliContext) -> int:
    from db.backup import backup_folder, disk_use, list_backups

    path = _local_path(ctx)
    if path is None:
        raise InvalidInput("Automatic backups are kept for local workspaces only.")
    backups = list_backups(path)
    ctx.print(f"Backups of {path} in {backup_folder(path)} ({disk_use(path):,} bytes):")
    if not backups:
        ctx.print("  none yet; `claimdesk backup` takes one")
    for info in backups:
        ctx.print(f"  {info.path.name}  {info.describe()}")
    return 0


def restore_backup_file(ctx: CliContext, backup: str, output: str) -> int:
    """`claimdesk restore BACKUP -o NEW.sqlite` (the subcommand is shared with claim restore)."""
    from db.backup import restore_backup

    info = restore_backup(Path(backup), Path(output))
    ctx.print(f"Restored {backup} into {info.path}")
    ctx.print(f"  {info.describe()}")
    return 0


def cmd_check(ctx: CliContext) -> int:
    """Exit 0 when the workspace is sound, 1 when a problem is found (2: could not check)."""
    from db.check import check_workspace, repair_workspace

    report = check_workspace(ctx.ws)
    for line in report.lines():
        ctx.print(line)
    if report.ok or not ctx.args.repair:
        return 0 if report.ok else 1
    if not report.repairable:
        ctx.print("Nothing here can be repaired automatically.")
        return 1
    ctx.print("")
    ctx.print("Repairing:")
    for line in repair_workspace(ctx.ws).lines():
        ctx.print(f"  {line}")
    ctx.print("")
    ctx.print("Checking again:")
    again = check_workspace(ctx.ws)
    for line in again.lines():
        ctx.print(line)
    return 0 if again.ok else 1


def cmd_article_replace(ctx: CliContext) -> int:
    """Give an article the text of a revised file.  A file whose encoding was only
    recognised is not read into the article without ``--encoding`` (one line says how
    it reads and the command to run; exit code 1)."""
    from db.articles import get_article
    from db.cli.encodings import guessed, held_back
    from db.importing import read_file
    from db.revisions import replace_article_text

    path = Path(ctx.args.file)
    revised = read_file(path, ctx.args.encoding)
    if ctx.args.encoding is None and guessed(revised):
        short = str(get_article(ctx.ws, ctx.args.article_id).id)[:8]
        line = held_back(revised, path, f"article replace {short}", "the text was not replaced")
        print(f"claimdesk: {line}", file=ctx.err)
        return 1
    report = replace_article_text(ctx.ws, ctx.args.article_id, revised)
    ctx.print(f"{report.article_id}\t{report.describe()}")
    ctx.print(f"  the earlier text is kept as revision {report.revision}")
    if report.title:
        ctx.print(f"  the title now reads: {report.title}")
    for p in report.placements:
        if not p.placed:
            ctx.print(f"  orphaned\t{p.claim_id}\t{p.quote[:60]}")
    return 0


def cmd_orphans(ctx: CliContext) -> int:
    from db.revisions import orphans

    found = orphans(ctx.ws, ctx.args.article)
    for o in found:
        ctx.print(f"{o.id}\t{o.article_id}\t{o.quote[:60]}\t{o.reason}")
    if not found:
        ctx.print("No orphaned claims.")
    return 0


def cmd_orphan_place(ctx: CliContext) -> int:
    from db.claims import get_claim
    from db.revisions import place_orphan

    place_orphan(ctx.ws, ctx.args.claim_id, ctx.args.start, ctx.args.end)
    info = get_claim(ctx.ws, ctx.args.claim_id)
    ctx.print(f"{info.id}\tplaced at {info.start}-{info.end}: {info.quote[:60]}")
    return 0


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from db.backup import KEEP_DAYS, KEEP_LAST
    from db.cli.core import command_group

    p = subparsers.add_parser("backup", parents=[common], help="back up the workspace now")
    p.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE")
    p.add_argument("--keep-last", type=int, default=KEEP_LAST, metavar="N")
    p.add_argument("--keep-days", type=int, default=KEEP_DAYS, metavar="D")
    p.set_defaults(handler=cmd_backup)
    p = subparsers.add_parser("backups", parents=[common], help="list the workspace's backups")
    p.set_defaults(handler=cmd_backups)
    p = subparsers.add_parser("check", parents=[common], help="check the workspace's integrity")
    p.add_argument(
        "--repair", action="store_true", help="repair what can be repaired safely, then check again"
    )
    p.set_defaults(handler=cmd_check)
    actions = command_group(subparsers, "article", common, "work on one article")
    p = actions.add_parser(
        "replace",
        parents=[common],
        help="replace the article's text with a revised file; claims are placed again",
    )
    p.add_argument("article_id", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="read a text or HTML file in this encoding (e.g. cp1251, euc-kr, koi8-r)",
    )
    p.set_defaults(handler=cmd_article_replace)
    p = subparsers.add_parser(
        "orphans", parents=[common], help="claims a revised text left without a place"
    )
    p.add_argument("--article", metavar="ID")
    p.set_defaults(handler=cmd_orphans)
    orphan = subparsers.add_parser("orphan", parents=[common], help="place an orphaned claim")
    actions = orphan.add_subparsers(dest="orphan_command", metavar="ACTION")
    p = actions.add_parser("place", parents=[common], help="anchor it at START-END (code points)")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("start", type=int)
    p.add_argument("end", type=int)
    p.set_defaults(handler=cmd_orphan_place)
