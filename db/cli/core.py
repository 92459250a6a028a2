"""Core subcommands: import, articles, claim add, claims, link add, export, sources."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from db.cli import CliContext
from db.errors import ClaimDeskError, DuplicateArticle, InvalidInput

if TYPE_CHECKING:
    from db.articles import NewArticle
    from db.importing.streamed import LongText

# Nested subcommand groups ("claim", "link", ...) so other modules can add to them.
_GROUPS: dict[int, dict[str, Any]] = {}


def command_group(
    subparsers: Any, name: str, common: argparse.ArgumentParser, help_text: str = ""
) -> Any:
    """The sub-subparsers of group *name* ("claim", "link"), created on first use.

    Other CLI modules call this to add e.g. ``claim set`` beside ``claim add``.
    """
    groups = _GROUPS.setdefault(id(subparsers), {})
    if name in groups and subparsers.choices.get(name) is groups[name][0]:
        return groups[name][1]
    parser = subparsers.add_parser(name, parents=[common], help=help_text)
    nested = parser.add_subparsers(dest=f"{name}_command", metavar="ACTION")
    groups[name] = (parser, nested)
    return nested


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# ---------------------------------------------------------------- import / articles


def cmd_import(ctx: CliContext) -> int:
    """Import files and folders.

    The files named are all checked first: one bad file means nothing is stored.
    A folder's files are taken one by one: a file it refuses is reported (one line
    on stderr) and the others are imported; the exit code is then 1.  A file with
    the URL or stated title of a stored article is left out the same way, named with
    the two commands that would take it (``article replace`` or ``import --new``).
    A text or HTML file whose encoding was only recognised (not UTF-8, no BOM, no
    charset the page declares) is not stored without ``--encoding``: one line names
    the encoding recognised, how the file's first line reads in it and the command
    that imports it so (:mod:`db.cli.encodings`); the others are imported, and the
    exit code is 1.
    """
    from db.articles import ArticleInfo, NewArticle, Stored, duplicate_of, sha256_of
    from db.cli.encodings import guessed, held_back
    from db.importing import ANNOTATION_SUFFIXES, ArticleBatch
    from db.importing.folders import scan_folder, skipped_reason
    from db.importing.streamed import LongText, store_long_text
    from db.importing.w3c import import_annotations, load
    from db.revisions import EarlierVersions

    given = [Path(name) for name in ctx.args.files]
    scans = [scan_folder(p) for p in given if p.is_dir()]
    paths = [p for p in given if not p.is_dir()]
    annotation_files = [p for p in paths if p.suffix.lower() in ANNOTATION_SUFFIXES]
    # Read and check every file first: one bad file means nothing is stored.
    encoding = getattr(ctx.args, "encoding", None)
    files = [p for p in paths if p not in annotation_files]
    # A long text file is checked a slice at a time here and read again as it is
    # stored (db.importing.streamed): files checked first are not all held at once.
    extracted = [_extract(p, encoding) for p in files]
    for path in annotation_files:
        load(path)
    ws = ctx.ws
    refused = imported = 0
    # A file with the URL or stated title of a stored article may be its revised text.
    earlier = EarlierVersions(ws)
    aside = held = 0
    where: dict[str, Path] = {}  # file name -> the path it was read from

    def say(line: str) -> None:
        print(f"claimdesk: {line}", file=ctx.err)

    def take(holder: list[NewArticle | LongText], path: Path) -> None:
        """Store the one file in *holder* (emptied on the way, so its text can be freed),
        unless it looks like a revised text of a stored article, or its encoding was only
        recognised: that is said instead."""
        nonlocal aside, held
        if isinstance(holder[0], LongText):
            long = holder.pop()
            assert isinstance(long, LongText)
            take_long(long, path)
            return
        article = holder[0]
        assert isinstance(article, NewArticle)
        if encoding is None and guessed(article):
            held += 1
            say(held_back(article, path, "import"))
            holder.clear()
            return
        digest = sha256_of(article.original)  # worked out once: the batch stores it too
        older = None if ctx.args.new else earlier(ws, article, digest)
        if older is None:
            where[article.filename] = path
            batch.take(cast(list[NewArticle], holder), digest)
            return
        say_aside(older, article, path)
        holder.clear()

    def take_long(long: LongText, path: Path) -> None:
        refusal = duplicate_of(ws, long.article, long.digest)
        older = None if ctx.args.new or refusal else earlier(ws, long.article)
        if older is not None:
            say_aside(older, long.article, path)
            return
        batch.flush()  # the files before it are stored first
        outcome: Stored
        try:
            outcome = refusal or store_long_text(ws, long)
        except ClaimDeskError as exc:
            outcome = exc
        stored(long.article, outcome)

    def say_aside(older: ArticleInfo, article: NewArticle, path: Path) -> None:
        nonlocal aside
        aside += 1
        same = "URL" if older.url and older.url == article.url.strip() else "title"
        short, name = str(older.id)[:8], shlex.quote(str(path))
        say(
            f"{path.name}: not imported, it has the {same} of article {short} "
            f"({older.title}). To give that article this text and keep its claims: "
            f"claimdesk article replace {short} {name}; to store it as an article of "
            f"its own: claimdesk import --new {name}"
        )

    def stored(new: NewArticle, outcome: Stored) -> None:
        nonlocal refused, imported
        if not isinstance(outcome, Exception):
            for note in new.notes:
                say(f"note: {new.filename}: {note}.")
        if isinstance(outcome, DuplicateArticle):
            say(str(outcome))
            if encoding is not None:
                reread = _read_again(ws, outcome, new, where.get(new.filename))
                if reread:
                    say(reread)
        elif isinstance(outcome, ClaimDeskError) and scans:
            refused += 1
            say(f"{new.filename}: {outcome}")
        elif isinstance(outcome, Exception):
            raise outcome
        else:
            imported += 1
            ctx.print(f"{outcome.id}\t{outcome.title}")
            earlier.remember(outcome)

    # Many files to a transaction; their search entries are made after (index_queued).
    batch = ArticleBatch(ws, stored, index_later=True)
    extracted.reverse()
    files.reverse()
    while extracted:  # each handed over, so a long article's text is freed as it is stored
        take([extracted.pop()], files.pop())
    for scan in scans:
        total = len(scan.files)
        for path in scan.skipped:
            refused += 1
            say(f"{path.relative_to(scan.folder)}: skipped, {skipped_reason(path)}")
        for done, path in enumerate(scan.files, 1):
            _progress(ctx, f"{scan.folder.name or scan.folder}: {done}/{total} {path.name}")
            if path.suffix.lower() in ANNOTATION_SUFFIXES:
                annotation_files.append(path)
                continue
            try:
                new = _extract(path, encoding)
            except (ClaimDeskError, OSError) as exc:
                refused += 1
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                say(f"{path.relative_to(scan.folder)}: {reason}")
                continue
            holder = [new]
            del new
            take(holder, path)
        _progress(ctx, "")
    batch.flush()
    # Annotations come last: they anchor claims in the articles just imported.
    for path in annotation_files:
        report = import_annotations(ws, path)
        ctx.print(f"{report.added} claims\t{path.name}")
        for problem in report.problems:
            say(problem)
    _index_queued(ctx)
    left = refused + aside + held
    if scans:
        say(
            f"imported {imported} article{'s' if imported != 1 else ''}; {left} file"
            f"{'s' if left != 1 else ''} not imported"
        )
    return 1 if left else 0


def _read_again(ws: Any, duplicate: DuplicateArticle, new: NewArticle, path: Path | None) -> str:
    """For a file (at *path*) imported before in another encoding than the one now
    named: the command that gives the stored article the file's text read in it."""
    from db.articles import get_article
    from db.importing.encodings import label

    stored = get_article(ws, duplicate.existing_id)
    if stored.encoding == new.encoding:
        return ""
    short = str(stored.id)[:8]
    return (
        f"{new.filename} is stored read as {label(stored.encoding)}; to read it again as "
        f"{label(new.encoding)} and keep the article's claims: claimdesk article replace "
        f"{short} --encoding {new.encoding} {shlex.quote(str(path or new.filename))}"
    )


def _extract(path: Path, encoding: str | None) -> NewArticle | LongText:
    """The article of *path*, or for a long text file what storing it a slice at a time
    needs (checked as the whole file would be)."""
    from db.importing import read_file
    from db.importing.streamed import NotStreamed, read_long_text, streams_file

    if streams_file(path, encoding):
        try:
            return read_long_text(path)
        except NotStreamed:
            pass  # read whole below
    return read_file(path, encoding)


def _index_queued(ctx: CliContext) -> None:
    """Make the search entries of the articles just stored, a few per short transaction,
    so the import holds no write lock while it indexes.  Stopped early, the rest are
    made by the next window that opens the workspace (searches read them meanwhile)."""
    from sqlalchemy.exc import DBAPIError

    from db.search import articles_to_index, index_some

    total = articles_to_index(ctx.ws)
    done = 0
    try:
        while total and (indexed := index_some(ctx.ws, INDEX_STEP)):
            done += indexed
            _progress(ctx, f"indexing for search: {min(done, total)}/{total}")
    except (ClaimDeskError, DBAPIError):  # say, a window took the write lock meanwhile
        print(
            "claimdesk: note: the search index of these articles is completed the next "
            "time the workspace is opened; searches find them meanwhile.",
            file=ctx.err,
        )
    finally:
        _progress(ctx, "")


INDEX_STEP = 50  # articles indexed per transaction after an import


def _progress(ctx: CliContext, line: str) -> None:
    """A progress line on a terminal's stderr, overwritten by the next (never in a log)."""
    if not ctx.err.isatty():
        return
    ctx.err.write("\r\x1b[K" + line[:100])
    ctx.err.flush()


def cmd_articles(ctx: CliContext) -> int:
    from db.articles import list_articles, published_day

    for a in list_articles(ctx.ws):
        published = published_day(a.published_at, a.published_offset) or "-"
        ctx.print(f"{a.id}\t{published}\t{a.claim_count}\t{a.title}")
    return 0


# ---------------------------------------------------------------- claims


def _event_fields(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    from db.dates import parse_event_date

    start, end = parse_event_date(text)
    return {"event_start": start, "event_end": end}


def cmd_claim_add(ctx: CliContext) -> int:
    from db.anchors import find_quote
    from db.articles import article_text
    from db.claims import create_claim, delete_claim, normalise_fields
    from db.decisions import clean_rationale, needs_rationale
    from db.sources import create_source, delete_source, find_source

    args = ctx.args
    ws = ctx.ws
    fields: dict[str, Any] = {}
    for key in ("status", "reliability", "credibility", "statement", "kind"):
        value = getattr(args, key)
        if value is not None:
            fields[key] = value
    if args.note is not None:
        fields["notes"] = args.note
    if args.tag:
        fields["tags"] = args.tag
    fields.update(_event_fields(args.event_date))
    checked = normalise_fields(fields)  # refuse bad values before anything is written
    if "status" in checked and needs_rationale(None, checked["status"]):
        clean_rationale(checked["status"], args.rationale)  # verified or false: say why
    article = article_text(ws, args.article)
    quote = unicodedata.normalize("NFC", args.quote)
    anchor = find_quote(article.text, quote, args.occurrence)
    if not args.allow_duplicate:
        from db.spans import claims_over_span

        existing = claims_over_span(ws, article.id, anchor.start, anchor.end)
        if existing:
            raise InvalidInput(
                f"A claim already covers exactly this text (claim {existing[0]}); "
                "add --allow-duplicate to create another."
            )
    created_source = None
    if args.source:
        source = find_source(ws, args.source)
        if source is None:
            source = created_source = create_source(ws, args.source)
        fields["source_id"] = source.id
    relays: list[Any] = []
    if any(not name.strip() for name in args.relayed_by or ()):
        if created_source is not None:
            delete_source(ws, created_source.id)
        raise InvalidInput("A relay (--relayed-by) needs a name.")
    try:
        claim = create_claim(
            ws, article.id, anchor.start, anchor.end, rationale=args.rationale, **fields
        )
        if args.relayed_by:
            from db.relays import relay_sources, set_relay_ids

            try:
                chain, relays = relay_sources(ws, args.relayed_by)
                set_relay_ids(ws, claim.id, [s.id for s in chain])
            except Exception:
                delete_claim(ws, claim.id)
                raise
    except Exception:
        for made in [*relays, *([created_source] if created_source else [])]:
            delete_source(ws, made.id)
        raise
    ctx.print(str(claim.id))
    return 0


def cmd_claim_status(ctx: CliContext) -> int:
    """Set a claim's status; verified or false needs --rationale (recorded as the verdict)."""
    from db.claims import update_claim

    info = update_claim(
        ctx.ws, ctx.args.claim_id, status=ctx.args.status, rationale=ctx.args.rationale
    )
    ctx.print(f"{info.id}\t{info.status.value}")
    return 0


def cmd_claim_relays(ctx: CliContext) -> int:
    """Print the claim's relay chain (one name a line), after replacing it if asked."""
    from db.relays import relay_chain, set_relay_names

    if ctx.args.relays is not None or ctx.args.clear:
        set_relay_names(ctx.ws, ctx.args.claim_id, ctx.args.relays or [])
    for _sid, name in relay_chain(ctx.ws, ctx.args.claim_id):
        ctx.print(name)
    return 0


def _filter_from_args(ctx: CliContext, *, default_status: str | None) -> Any:
    from db.articles import get_article
    from db.claims import ClaimFilter, normalise_fields
    from db.sources import require_source

    args = ctx.args
    statuses = list(args.status or ([default_status] if default_status else []))
    if "any" in statuses:
        statuses = []
    status_set = frozenset(normalise_fields({"status": s})["status"] for s in statuses)
    article_ids = frozenset(get_article(ctx.ws, a).id for a in args.article or ())
    source_ids = frozenset(require_source(ctx.ws, s).id for s in args.source or ())
    tags = frozenset(t.strip() for t in args.tag or () if t.strip())
    since = until = None
    if getattr(args, "since", None):
        since = _day_start(args.since, end=False)
    if getattr(args, "until", None):
        until = _day_start(args.until, end=True)
    return ClaimFilter(
        statuses=status_set,
        article_ids=article_ids,
        source_ids=source_ids,
        tags=tags,
        since=since,
        until=until,
        contested_only=bool(getattr(args, "contested", False)),
        hide_superseded=bool(getattr(args, "hide_superseded", False)),
    )


def _day_start(text: str, *, end: bool) -> dt.datetime:
    """Midnight UTC starting the given day; with *end*, the day after it (or its range)."""
    from db.dates import parse_event_date

    start, last = parse_event_date(text)
    day = (last or start) + dt.timedelta(days=1) if end else start
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def cmd_claims(ctx: CliContext) -> int:
    from db.claim_rows import RELAY_JOIN
    from db.claims import list_claims
    from db.facts.corroboration import standing
    from db.relays import relay_names

    flt = _filter_from_args(ctx, default_status=None)
    claims = list_claims(ctx.ws, flt)
    standings = standing(ctx.ws, [c.id for c in claims])
    chains = relay_names(ctx.ws, [c.id for c in claims])
    for c in claims:
        s = standings[c.id]
        newer = ",".join(str(i)[:8] for i in s.superseded_by) or "-"
        relayed = RELAY_JOIN.join(chains.get(c.id, ())) or "-"
        ctx.print(
            f"{c.id}\t{c.status.value}\t{c.grading or '-'}\t{c.source_name or '-'}\t"
            f"{_one_line(c.quote)}\tfact: {s.fact or '-'}\tcorroboration: {s.corroboration}"
            f"\tsuperseded by: {newer}\trelayed by: {relayed}"
        )
    return 0


def cmd_link_add(ctx: CliContext) -> int:
    from db.links import add_link

    link = add_link(ctx.ws, ctx.args.from_id, ctx.args.to_id, ctx.args.relation, note=ctx.args.note)
    ctx.print(str(link.id))
    return 0


# ---------------------------------------------------------------- export / sources


def cmd_export(ctx: CliContext) -> int:
    from db.exporting import export

    flt = _filter_from_args(ctx, default_status="verified")
    options = {"page": ctx.args.page} if ctx.args.page and ctx.args.format == "pdf" else {}
    if ctx.args.output == "-":
        target: Any = None if ctx.out is sys.stdout else ctx.out
        export(ctx.ws, ctx.args.format, flt, target, **options)
        return 0
    path = Path(ctx.args.output)
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a file name.")
    n = export(ctx.ws, ctx.args.format, flt, path, **options)
    ctx.print(f"{n} claim{'s' if n != 1 else ''} written to {path}")
    return 0


def cmd_sources(ctx: CliContext) -> int:
    from db.sources import list_sources

    for s in list_sources(ctx.ws):
        ctx.print(
            f"{s.id}\t{s.kind.value}\t{s.default_reliability or '-'}\t{s.claim_count}\t{s.name}"
        )
    return 0


# ---------------------------------------------------------------- registration


def _filter_options(parser: argparse.ArgumentParser, *, status_help: str) -> None:
    parser.add_argument("--status", action="append", metavar="S", help=status_help)
    parser.add_argument("--article", action="append", metavar="ID", help="article id (prefix)")
    parser.add_argument("--source", action="append", metavar="NAME", help="source name")
    parser.add_argument("--tag", action="append", metavar="T", help="claims with this tag")
    parser.add_argument(
        "--contested",
        action="store_true",
        help="only decided claims a contradiction put back in review",
    )
    parser.add_argument(
        "--hide-superseded", action="store_true", help="leave out claims a newer claim updates"
    )


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from db.exporting import formats
    from db.models import ClaimKind, Relation

    p = subparsers.add_parser(
        "import", parents=[common], help="import article files, or every article in a folder"
    )
    p.add_argument("files", nargs="+", metavar="FILE|FOLDER")
    p.add_argument(
        "--new",
        action="store_true",
        help="store a file with the URL or title of a stored article as an article of its "
        "own (without it such a file is left out and named: it may be a revised text)",
    )
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="read text and HTML files in this encoding (e.g. cp1251, euc-kr, koi8-r)",
    )
    p.set_defaults(handler=cmd_import)

    p = subparsers.add_parser("articles", parents=[common], help="list articles")
    p.set_defaults(handler=cmd_articles)

    claim = command_group(subparsers, "claim", common, "work on one claim")
    p = claim.add_parser("add", parents=[common], help="add a claim by quoting the article")
    p.add_argument("--article", required=True, metavar="ID")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--occurrence", type=int, default=1, metavar="N")
    p.add_argument("--status", metavar="S")
    p.add_argument(
        "--rationale", metavar="TEXT", help="why the claim is verified or false (required then)"
    )
    p.add_argument("--source", metavar="NAME")
    p.add_argument("--reliability", metavar="A-F")
    p.add_argument("--credibility", metavar="1-6")
    p.add_argument("--statement", metavar="TEXT")
    p.add_argument("--kind", choices=[k.value for k in ClaimKind])
    p.add_argument("--tag", action="append", metavar="T")
    p.add_argument("--event-date", metavar="DATE", help="a date or range, e.g. 8-13 October 2024")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument(
        "--relayed-by",
        action="append",
        metavar="NAME",
        help="a source that relayed the claim (repeatable, nearest the original source first)",
    )
    p.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="create the claim even when one already covers exactly the same text",
    )
    p.set_defaults(handler=cmd_claim_add)

    p = claim.add_parser("status", parents=[common], help="set a claim's status")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("status", metavar="STATUS", help="unverified, in_review, verified, false, …")
    p.add_argument(
        "--rationale", metavar="TEXT", help="why the claim is verified or false (required then)"
    )
    p.set_defaults(handler=cmd_claim_status)

    p = claim.add_parser("relays", parents=[common], help="show or replace a claim's relay chain")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    chain = p.add_mutually_exclusive_group()
    chain.add_argument(
        "--set",
        action="append",
        metavar="NAME",
        dest="relays",
        help="the new chain, one source per --set, nearest the original source first",
    )
    chain.add_argument("--clear", action="store_true", help="leave the claim with no relays")
    p.set_defaults(handler=cmd_claim_relays)

    p = subparsers.add_parser("claims", parents=[common], help="list claims")
    _filter_options(p, status_help="only this status (repeatable)")
    p.set_defaults(handler=cmd_claims)

    link = command_group(subparsers, "link", common, "link claims")
    p = link.add_parser("add", parents=[common], help="link two claims")
    p.add_argument("from_id", metavar="FROM_ID")
    p.add_argument("to_id", metavar="TO_ID")
    p.add_argument("--relation", required=True, choices=[r.value for r in Relation])
    p.add_argument("--note", default="", metavar="TEXT")
    p.set_defaults(handler=cmd_link_add)

    p = subparsers.add_parser("export", parents=[common], help="export the claim sheet")
    _filter_options(p, status_help="status to export (default verified; 'any' for all)")
    p.add_argument("--format", required=True, choices=formats())
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="file, or - for stdout")
    p.add_argument("--since", metavar="DATE", help="articles published on or after")
    p.add_argument("--until", metavar="DATE", help="articles published up to and including")
    p.add_argument("--page", choices=["a4", "letter"], help="paper size of a PDF (default A4)")
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("sources", parents=[common], help="list sources")
    p.set_defaults(handler=cmd_sources)


__all__ = ["command_group", "register"]
