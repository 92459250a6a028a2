"""Writing an exchange bundle for a set of articles or a claim filter, as a stream.

The rows travel as JSON Lines, each section in members of bounded size
(``records/claims.0001.jsonl``, ``records/claims.0002.jsonl`` ...), read from the database a
batch at a time (plain rows, not loaded objects) and written into the zip as
they come; each article's text and file go in a slice at a time
(:mod:`db.bundles.export_files`).  Sizes and checksums are taken on the way, and
the manifest listing them is written last, so memory stays bounded whatever the
size of the workspace.  The file appears under its name only once complete.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, select, true
from sqlalchemy.orm import Session

from db.audit import to_json
from db.bundles import archive
from db.bundles.archive import (
    BACKUP_SECTION_NAMES,
    SECTION_NAMES,
    jsonl_line,
    records_member,
    revision_member,
)
from db.bundles.export_files import write_articles, write_texts
from db.bundles.full import extra_columns, table_of, table_records
from db.bundles.records import SECTIONS, columns
from db.bundles.selection import TRACKED, Selection, choose, chunks
from db.bundles.stream_zip import BundleZip
from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.exporting import atomic_path
from db.ids import resolve_id
from db.models import Analyst, Article, HistoryEntry, Tag, claim_tag
from db.relays import RELAY_FIELD, relay_ids
from db.timeutil import utcnow
from db.workspace import Workspace

BATCH = 500  # rows read from the database at a time
# Record fields that name an analyst, per section (the analysts travel too).
ANALYST_FIELDS: dict[str, tuple[str, ...]] = {
    **{s: ("created_by_id", "updated_by_id") for s in TRACKED},
    "claims": ("created_by_id", "updated_by_id", "assignee_id"),
    "verdicts": ("reviewer_id",),
    "history": ("analyst_id",),
}


@dataclass(frozen=True)
class BundleSummary:
    """What a bundle holds: counts per section and the file written."""

    path: Path
    counts: dict[str, int]
    size: int
    # Why ClaimDesk would refuse to import the bundle (a member or the whole too
    # large), in words; empty when it is within the limits.
    over_limits: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)
        text = f"{self.path.name}: {parts or 'nothing'}"
        if self.over_limits:
            text += ". It is too large to be imported again: " + "; ".join(self.over_limits)
        return text


def _over_limits(members: dict[str, tuple[str, int]]) -> tuple[str, ...]:
    """What in a bundle of *members* (name -> (SHA-256, size)) the importer refuses."""
    mib = 2**20
    out = [
        f"{name} holds {size / mib:.0f} MiB, over {archive.MAX_MEMBER_BYTES // mib} MiB"
        for name, (_, size) in sorted(members.items())
        if size > archive.MAX_MEMBER_BYTES
    ]
    total = sum(size for _, size in members.values())
    if total > archive.MAX_TOTAL_BYTES:
        out.append(
            f"its members hold {total / mib:.0f} MiB, over {archive.MAX_TOTAL_BYTES // mib} MiB"
        )
    return tuple(out)


def _claim_extras(
    session: Session, ids: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[str]], dict[uuid.UUID, list[uuid.UUID]]]:
    """(tag names, relay chain) of each of the claims *ids* that has any."""
    tags: dict[uuid.UUID, list[str]] = {}
    query = select(claim_tag.c.claim_id, Tag.name).join(Tag, Tag.id == claim_tag.c.tag_id)
    for claim_id, name in session.execute(query.where(claim_tag.c.claim_id.in_(ids))):
        tags.setdefault(claim_id, []).append(name)
    return tags, relay_ids(session, ids)


def _records(
    session: Session, section: str, where: ColumnElement[bool], *, full: bool = False
) -> Iterator[dict[str, Any]]:
    """*section*'s records of the rows meeting *where*, by id, read a batch at a time.

    The same records as :func:`db.bundles.records.to_record` makes of each row,
    built from plain rows instead of loaded objects; with *full* (a full backup)
    also the columns an exchange leaves local (:data:`db.bundles.full.FULL_COLUMNS`).
    """
    cols = columns(section)
    if full:
        cols = [*cols, *extra_columns(section)]
    table = cast(Table, SECTIONS[section].__table__)  # each model maps one plain table
    query = select(*cols).where(where).order_by(table.c.id).execution_options(yield_per=BATCH)
    keys = [c.key for c in cols]
    for part in session.execute(query).partitions():
        if section == "claims":
            tags, relays = _claim_extras(session, [row.id for row in part])
        for row in part:
            record = {key: to_json(value) for key, value in zip(keys, row, strict=True)}
            if section == "claims":
                record["tags"] = sorted(tags.get(row.id, []))
                record[RELAY_FIELD] = [str(sid) for sid in relays.get(row.id, [])]
            yield record


def _history_of_deleted(session: Session, deleted: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    """The whole history of rows deleted here whose deletion travels."""
    for chunk in chunks(deleted):
        yield from _records(session, "history", HistoryEntry.entity_id.in_(chunk))


def _write_section(
    out: BundleZip, section: str, records: Iterable[dict[str, Any]], analysts: set[str]
) -> int:
    """Write *records* as *section*'s JSON Lines members; their number.

    A member is closed and the next one begun before it would pass
    ``archive.RECORDS_MEMBER_BYTES`` (a record is never split), so every member
    stays within what an import accepts however large the section.  The ids of
    the analysts the records name are added to *analysts*.
    """
    fields = ANALYST_FIELDS.get(section, ())
    limit = min(archive.RECORDS_MEMBER_BYTES, archive.MAX_MEMBER_BYTES)
    rows = iter(records)
    carried: bytes | None = None  # the line that opens the next member
    count = 0
    part = 0
    while part == 0 or carried is not None:
        part += 1
        with out.member(records_member(section, part)) as sink:
            if carried is not None:
                sink.write(carried)
                carried = None
            for record in rows:
                analysts.update(record[f] for f in fields if record.get(f))
                count += 1
                line = jsonl_line(record)
                if sink.written and sink.written + len(line) > limit:
                    carried = line
                    break
                sink.write(line)
    return count


def write_records(
    session: Session, out: BundleZip, chosen: Selection, *, full: bool = False
) -> dict[str, int]:
    """Write every section's records of the rows *chosen*; the count of each section.

    With *full* (a full backup: *chosen* is the whole workspace) every analyst,
    the columns an exchange leaves local, and the sections only a backup carries.
    """
    analysts: set[str] = set()
    counts = dict.fromkeys(SECTION_NAMES, 0)
    # A full backup carries every row of every table, each entry of the history.
    deleted = [] if full else chosen.deleted_entities(session)
    for section in SECTION_NAMES:
        if section == "analysts":
            continue  # written last, once every row naming one has been read
        where = true() if full else chosen.where(section)
        records: Iterable[dict[str, Any]] = _records(session, section, where, full=full)
        if section == "history" and deleted:
            records = itertools.chain(records, _history_of_deleted(session, deleted))
        counts[section] = _write_section(out, section, records, analysts)
    ids = [uuid.UUID(a) for a in sorted(analysts)]
    everyone: ColumnElement[bool] = true() if full else Analyst.id.in_(ids)
    counts["analysts"] = _write_section(
        out, "analysts", _records(session, "analysts", everyone, full=full), set()
    )
    if full:
        for section in BACKUP_SECTION_NAMES:
            counts[section] = _write_section(out, section, table_records(session, section), set())
        write_texts(session, out, table_of("revisions"), revision_member)
    return counts


def export_bundle(
    ws: Workspace,
    path: Path | str,
    article_ids: list[uuid.UUID | str] | None = None,
    flt: ClaimFilter | None = None,
    *,
    outside_links: bool = False,
    full: bool = False,
) -> BundleSummary:
    """Write a ``.claimdesk`` bundle of the chosen articles (or filtered claims).

    With *article_ids*, those articles and their claims (narrowed by *flt* if
    given); with only *flt*, the matching claims and their articles; with
    neither, the whole workspace.  Links travel when both ends do; with
    *outside_links* also links to claims outside the bundle (a snapshot for
    :func:`db.bundles.restore_bundle` into the same workspace, which skips a
    link whose other claim is gone by then).  With *full*, a full backup of the
    whole workspace (:mod:`db.bundles.full`): every table, for a restore into an
    empty workspace.
    """
    if full and (article_ids is not None or flt is not None):
        raise InvalidInput("A full backup holds the whole workspace: choose no articles.")
    path = Path(path)
    with ws.session() as session:
        ids = None
        if article_ids is not None:
            if not article_ids:
                raise InvalidInput("Choose at least one article to put in the bundle.")
            ids = [resolve_id(session, Article, a, "article") for a in article_ids]
        chosen = choose(ids, flt, outside_links or full)
        author = session.get(Analyst, ws.analyst_id) if ws.analyst_id else None
        created_by = author.name if author else ""
        with atomic_path(path) as tmp, BundleZip(tmp) as out:
            write_articles(session, out, chosen.articles)
            counts = write_records(session, out, chosen, full=full)
            out.finish(
                utcnow().isoformat(), created_by, scope=archive.WORKSPACE_SCOPE if full else None
            )
    return BundleSummary(
        path=path,
        counts=counts,
        size=path.stat().st_size,
        over_limits=_over_limits(out.members),
    )
