"""Merging a bundle into a workspace, all or nothing, by UUID: a three-way merge.

Every change to a row is a history entry with its own id, and a bundle carries
the history of its rows.  The entries both sides hold are their common past
(the base); the entries only the bundle holds are the changes made there since,
the entries only this workspace holds the changes made here.  So, per row
matched by id (articles also by the SHA-256 of their bytes):

* not in the workspace, never here → **added** (with its id, authors and times);
* same content (ignoring version and last-changed stamps) → **unchanged**;
* changed only in the bundle since the base → **updated** to the bundle's values;
* changed only here → **kept** as it is (counted unchanged);
* changed on both sides: fields only one side changed take that side's value,
  and fields both sides changed to different values are a **conflict** listed
  with both values and *not* applied; :func:`resolve_conflict` settles it later.
  A field that differs with no change recorded on either side is a conflict too;
* deleted here and changed in the bundle since, or deleted in the bundle (the
  bundle carries the deletion's history entry) and changed here since → a
  **conflict**; deleted on one side and unchanged on the other → deleted.

No clock decides anything: writers whose clocks disagree by hours merge the
same way.  Verdicts and history entries are append-only: added when missing.
The merge writes no history of its own for the changes it applies — the
bundle's entries describing them are added — so merging the same bundle twice
changes nothing, and a later exchange sees them as common past.

A merge obeys the review rules of :mod:`db.rules` for the analyst who imports:
a claim that arrives with, or is updated to, an outcome (verified, false,
unverifiable) is a decision taken in this workspace, so the merge is refused
unless that analyst may make it here (reviewer or admin; under the four-eyes
rule not the claim's creator).  The same check applies when a conflict is
settled by taking the incoming values.  The whole merge is one transaction; any error
rolls everything back.

:func:`restore_bundle` is the undo path: it brings back rows a snapshot of this
workspace holds and that were deleted since, with their ids, versions and
stamps, and leaves every row that still exists as it is (no update, no
conflict).  The data was here before, so no review decision is taken and the
review rules are not applied again; a link whose other claim is gone is skipped.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, cast

from sqlalchemy import Table, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from db.audit import FROM_BUNDLE_KEY, writing_analyst
from db.bundles import article_files
from db.bundles.archive import BundleContents, read_bundle
from db.bundles.records import NOUN, SECTIONS, content, from_record, local_values
from db.claims import get_tags
from db.decisions import needs_rationale
from db.errors import InvalidInput, NotFound, Refused, StaleEdit
from db.models import (
    Analyst,
    Article,
    Claim,
    ClaimLink,
    Comment,
    HistoryEntry,
    Source,
    Status,
    Verdict,
)
from db.models.base import Base
from db.relays import RELAY_FIELD, store_chain, write_chain
from db.rules import check_status_change
from db.workspace import Workspace

TRACKED = ("sources", "articles", "claims", "links", "evidence", "comments")
# History entity type -> bundle section.
SECTION_OF_TYPE = {
    v: k
    for k, v in {
        "sources": "source",
        "articles": "article",
        "claims": "claim",
        "links": "link",
        "evidence": "evidence",
        "comments": "comment",
    }.items()
}
# A claim's anchor is taken or kept whole, never mixed from both sides.
ANCHOR_FIELDS = frozenset({"start", "end", "quote", "prefix", "suffix"})
# (entry id, action, changed fields) of one history entry.
Past = list[tuple[uuid.UUID, str, frozenset[str]]]
APPEND_ONLY = ("verdicts", "history")
ANALYST_REFS = ("created_by_id", "updated_by_id", "assignee_id", "reviewer_id", "analyst_id")
FIXED = {"id", "created_at", "created_by_id", "version"}
_NOTHING = "Nothing was imported."


ConflictKind = Literal["changed", "deleted_here", "deleted_there"]
DELETED = "deleted"


@dataclass
class Conflict:
    """A row both sides changed since their common past (see the module docstring).

    *kind* ``changed``: *fields* differ, changed on both sides.  ``deleted_here``:
    deleted in this workspace, changed in the bundle; ``deleted_there``: deleted
    in the bundle, changed here.  For the two deletions *fields* is
    ``("deleted",)`` and *local*/*incoming* say which side deleted the row.
    """

    section: str
    entity_id: uuid.UUID
    fields: tuple[str, ...]
    local: dict[str, Any]
    incoming: dict[str, Any]
    local_updated_at: dt.datetime | None
    incoming_updated_at: dt.datetime | None
    values: dict[str, Any] = field(default_factory=dict, repr=False)
    kind: ConflictKind = "changed"

    @property
    def noun(self) -> str:
        return NOUN[self.section]

    def describe(self) -> str:
        if self.kind == "deleted_here":
            return f"{self.noun} {str(self.entity_id)[:8]} — deleted here, changed in the bundle"
        if self.kind == "deleted_there":
            return f"{self.noun} {str(self.entity_id)[:8]} — deleted in the bundle, changed here"
        diffs = "; ".join(
            f"{f}: here {self.local.get(f)!r}, bundle {self.incoming.get(f)!r}" for f in self.fields
        )
        return f"{self.noun} {str(self.entity_id)[:8]} — {diffs}"


@dataclass
class MergeReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # restore: links to vanished claims
    deleted: dict[str, int] = field(default_factory=dict)  # deleted as the bundle deleted them
    kept: dict[str, int] = field(default_factory=dict)  # newer here (or deleted here): kept

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    @property
    def total_unchanged(self) -> int:
        return sum(self.unchanged.values())

    def count(self, bucket: dict[str, int], section: str) -> None:
        bucket[section] = bucket.get(section, 0) + 1


def _check_decision(
    session: Session, claim: Claim, new_status: Any, old_status: Status | None, outcome: str
) -> None:
    """Apply the review rules to a claim status a merge would set (Refused names the claim)."""
    if new_status is None or Status(new_status) == old_status:
        return
    try:
        check_status_change(session, claim, Status(new_status))
    except Refused as exc:
        raise Refused(f"The bundle's claim {str(claim.id)[:8]}: {exc} {outcome}") from None


def _require_verdict(session: Session, claim_id: uuid.UUID, status: Any) -> None:
    """A claim a merge makes verified or false must bring the verdict that decided it."""
    if status is None or not needs_rationale(None, Status(status)):
        return
    found = session.scalar(
        select(Verdict.id)
        .where(Verdict.claim_id == claim_id, Verdict.status == Status(status))
        .limit(1)
    )
    if found is None:
        label = Status(status).label.lower()
        raise InvalidInput(
            f"The bundle's claim {str(claim_id)[:8]} is {label} without the verdict (reviewer "
            f"and rationale) that decided it. {_NOTHING}"
        )


def _check_anchor(text: str, values: dict[str, Any]) -> None:
    start, end, quote = values["start"], values["end"], values["quote"]
    if not (0 <= start < end <= len(text)) or text[start:end] != quote:
        raise InvalidInput(
            f"The bundle's claim {values['id']} does not match its article's text at {start}–{end}."
        )


class _Merger:
    def __init__(
        self,
        session: Session,
        bundle: BundleContents,
        report: MergeReport,
        restore: bool = False,
    ) -> None:
        self.session = session
        self.bundle = bundle
        self.report = report
        self.restore = restore
        # restore: (model, id, version, updated_at) of added rows whose version is not 1
        self.versions: list[tuple[type[Base], uuid.UUID, int, dt.datetime]] = []
        self.analysts: dict[uuid.UUID, uuid.UUID | None] = {}
        self.articles: dict[uuid.UUID, uuid.UUID] = {}
        # History of each entity: from the bundle, and as this workspace has it.
        self.incoming_past: dict[uuid.UUID, Past] = {}
        self.local_past: dict[uuid.UUID, Past] = {}
        # Rows deleted here and kept deleted (their children are skipped too).
        self.gone: set[uuid.UUID] = set()
        # The bundle's history entries for changes not taken (conflicts): not added,
        # so the next merge still sees them as changes made there.
        self.withheld: set[uuid.UUID] = set()
        # Claims whose status this merge sets: verified or false needs its verdict.
        self.decided: dict[uuid.UUID, Any] = {}
        self.texts = article_files.StoredTexts(session)
        # (entity type, id) of each deletion the bundle's history carries.
        self.deleted_there: list[tuple[str, uuid.UUID]] = []

    # -------------------------------------------------------------- helpers

    def _exists(self, model: type, entity_id: uuid.UUID | None) -> bool:
        # An article's text and file stay in its row: they may be large.
        lazy = [defer(Article.text), defer(Article.original)] if model is Article else []
        return (
            entity_id is not None and self.session.get(model, entity_id, options=lazy) is not None
        )

    def _require(self, model: type, entity_id: uuid.UUID, owner: dict[str, Any], what: str) -> None:
        if not self._exists(model, entity_id):
            raise InvalidInput(
                f"The bundle's {what} {owner['id']} refers to {model.__name__.lower()} "
                f"{entity_id}, which is neither in the bundle nor in this workspace."
            )

    def _map_refs(self, values: dict[str, Any]) -> None:
        for key in ANALYST_REFS:
            if key in values and values[key] is not None:
                local = self.analysts.get(values[key], values[key])
                values[key] = local if self._exists(Analyst, local) else None
        if "article_id" in values:
            values["article_id"] = self.articles.get(values["article_id"], values["article_id"])

    # -------------------------------------------------------------- history

    def records(self, section: str) -> Iterator[dict[str, Any]]:
        """*section*'s records from the bundle, validated and parsed, one at a time.

        InvalidInput on the first bad record or on an id listed twice; replies
        come after the comments they answer.
        """
        seen: set[uuid.UUID] = set()
        rows: Iterator[dict[str, Any]] = (
            from_record(section, r) for r in self.bundle.records(section)
        )
        if section == "comments":
            rows = self._parents_first(rows)
        for values in rows:
            if values["id"] in seen:
                raise InvalidInput(f"The bundle lists the same {NOUN[section]} twice.")
            seen.add(values["id"])
            yield values

    def _parents_first(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Comments with each reply held back until the comment it answers has passed."""
        in_bundle = {
            uuid.UUID(str(r["id"]))
            for r in self.bundle.records("comments")
            if isinstance(r, dict) and _is_uuid(r.get("id"))
        }
        done: set[uuid.UUID] = set()
        waiting: dict[uuid.UUID, list[dict[str, Any]]] = {}
        for values in rows:
            parent = values.get("parent_id")
            if parent is not None and parent in in_bundle and parent not in done:
                waiting.setdefault(parent, []).append(values)
                continue
            ready = [values]
            while ready:
                current = ready.pop()
                yield current
                done.add(current["id"])
                ready.extend(waiting.pop(current["id"], []))
        for replies in waiting.values():  # a loop of replies: refused as they are stored
            yield from replies

    def load_past(self) -> None:
        """Index the bundle's history and this workspace's history of the same entities."""
        ids: set[uuid.UUID] = set()
        fields: dict[frozenset[str], frozenset[str]] = {}  # one copy of each set of fields
        for entry in self.records("history"):
            changed = frozenset(entry.get("changes") or {})
            changed = fields.setdefault(changed, changed)
            action = sys.intern(entry["action"])
            self.incoming_past.setdefault(entry["entity_id"], []).append(
                (entry["id"], action, changed)
            )
            if action == "delete":
                self.deleted_there.append((entry["entity_type"], entry["entity_id"]))
            ids.add(entry["entity_id"])
        for section in TRACKED:
            ids.update(values["id"] for values in self.records(section))
        wanted = sorted(ids, key=str)
        del ids
        for i in range(0, len(wanted), 500):
            rows = self.session.execute(
                select(
                    HistoryEntry.id,
                    HistoryEntry.entity_id,
                    HistoryEntry.action,
                    HistoryEntry.changes,
                ).where(HistoryEntry.entity_id.in_(wanted[i : i + 500]))
            )
            for entry_id, entity_id, action, changes in rows:
                changed = frozenset(changes or {})
                self.local_past.setdefault(entity_id, []).append(
                    (entry_id, sys.intern(action), fields.setdefault(changed, changed))
                )

    def since_base(self, entity_id: uuid.UUID) -> tuple[Past, Past]:
        """(changes only the bundle has, changes only this workspace has) of one entity."""
        incoming = self.incoming_past.get(entity_id, [])
        local = self.local_past.get(entity_id, [])
        known_here = {e[0] for e in local}
        known_there = {e[0] for e in incoming}
        return (
            [e for e in incoming if e[0] not in known_here],
            [e for e in local if e[0] not in known_there],
        )

    def deleted_here(self, entity_id: uuid.UUID) -> bool:
        return any(action == "delete" for _, action, _ in self.local_past.get(entity_id, []))

    def _parent_gone(self, section: str, values: dict[str, Any]) -> bool:
        if section == "claims":
            return values["article_id"] in self.gone
        if section == "links":
            return values["from_claim_id"] in self.gone or values["to_claim_id"] in self.gone
        if section in ("evidence", "comments", "verdicts"):
            return values["claim_id"] in self.gone
        return False

    # -------------------------------------------------------------- sections

    def analyst(self, values: dict[str, Any]) -> None:
        incoming = values["id"]
        if self.session.get(Analyst, incoming) is not None:
            self.analysts[incoming] = incoming
            self.report.count(self.report.unchanged, "analysts")
            return
        # Matched by id only: two workspaces' default "Analyst" are different people.
        values = dict(values)
        base, n = values["name"], 1
        while self.session.scalar(select(Analyst.id).where(Analyst.name == values["name"])):
            n += 1
            values["name"] = f"{base} ({n})"
        self.session.add(Analyst(**values))
        self.session.flush()
        self.analysts[incoming] = incoming
        self.report.count(self.report.added, "analysts")

    def _validate(self, section: str, values: dict[str, Any]) -> None:
        noun = NOUN[section]
        if section == "claims":
            self._require(Article, values["article_id"], values, noun)
            if values["source_id"] is not None:
                self._require(Source, values["source_id"], values, noun)
            for relay in values.get(RELAY_FIELD, ()):
                self._require(Source, relay, values, noun)
            self.texts.check_anchor(values)
        elif section == "links":
            self._require(Claim, values["from_claim_id"], values, noun)
            self._require(Claim, values["to_claim_id"], values, noun)
        elif section in ("evidence", "comments"):
            self._require(Claim, values["claim_id"], values, noun)
            if section == "comments" and values["parent_id"] is not None:
                self._require(Comment, values["parent_id"], values, noun)

    def _local_article(self, values: dict[str, Any]) -> Article | None:
        local = article_files.find_local(self.session, values)
        if local is not None and local.id != values["id"]:
            if self.restore:
                raise InvalidInput(
                    f'The article "{local.title}" was added again since; delete that copy '
                    "first to bring back the earlier one with its claims."
                )
            self.articles[values["id"]] = local.id
        return local

    def tracked(self, section: str, values: dict[str, Any]) -> None:
        model = SECTIONS[section]
        self._map_refs(values)
        if not self.restore and self._parent_gone(section, values):
            self.gone.add(values["id"])
            self.report.count(self.report.kept, section)
            return
        files = ("", "")
        # A row of whichever model the section holds.
        local: Any
        if section == "articles":
            files = article_files.check_files(self.bundle, values)
            local = self._local_article(values)
            if local is not None and not article_files.same_text(
                self.session, self.bundle, local.id, files[0]
            ):
                raise InvalidInput(
                    f"The bundle's article {values['id']} has a different text than the "
                    "same article in this workspace."
                )
        else:
            local = self.session.get(model, values["id"])
        if section == "links" and local is None and self.restore:
            ends = (values["from_claim_id"], values["to_claim_id"])
            if not all(self._exists(Claim, end) for end in ends):
                self.report.count(self.report.skipped, section)
                return
        if section == "links" and local is None:
            local = self.session.scalar(
                select(ClaimLink).where(
                    ClaimLink.from_claim_id == values["from_claim_id"],
                    ClaimLink.to_claim_id == values["to_claim_id"],
                    ClaimLink.relation == values["relation"],
                )
            )
        if local is None and not self.restore and self.deleted_here(values["id"]):
            self._deleted_here(section, values)
            return
        self._validate(section, values)
        if local is None:
            fields = dict(values)
            if not self.restore:
                fields.pop("version", None)
            tags = fields.pop("tags", None)
            chain = fields.pop(RELAY_FIELD, None)
            obj: Any = model(**fields)
            if section == "claims" and not self.restore:
                _check_decision(self.session, obj, obj.status, None, _NOTHING)
                self.decided[obj.id] = obj.status
            if tags is not None:
                obj.tags = get_tags(self.session, tags)
            if self.restore and values.get("version", 1) != 1:
                self.versions.append((model, obj.id, values["version"], values["updated_at"]))
            if section == "articles":
                article_files.add(self.session, self.bundle, obj, files)
            else:
                self.session.add(obj)
            if chain:
                self.session.flush()
                store_chain(self.session, obj.id, chain)
            self.report.count(self.report.added, section)
            return
        if self.restore:  # what still exists stays as it is
            self.report.count(self.report.unchanged, section)
            return
        mine = content(local_values(section, local))
        theirs = content(values)
        mine.pop("id")
        theirs.pop("id")
        if mine == theirs:
            self.report.count(self.report.unchanged, section)
            return
        theirs_new, mine_new = self.since_base(values["id"])
        changed_there = frozenset().union(*(e[2] for e in theirs_new))
        changed_here = frozenset().union(*(e[2] for e in mine_new))
        differing = sorted(k for k in theirs if theirs[k] != mine.get(k))
        take: list[str] = []
        clash: list[str] = []
        for name in differing:
            if name in changed_there and name not in changed_here:
                take.append(name)
            elif name in changed_here and name not in changed_there:
                continue  # changed only here since the common past: kept
            else:
                clash.append(name)
        if section == "claims" and ANCHOR_FIELDS & set(differing):
            anchor = sorted(ANCHOR_FIELDS & set(differing))
            if ANCHOR_FIELDS & set(clash) or (
                ANCHOR_FIELDS & set(take) and ANCHOR_FIELDS & changed_here
            ):
                take = [f for f in take if f not in ANCHOR_FIELDS]
                clash = sorted(set(clash) | set(anchor))
        if take:
            if section == "claims" and "status" in take:
                _check_decision(self.session, local, values["status"], local.status, _NOTHING)
                if values["status"] != local.status:
                    self.decided[local.id] = values["status"]
            apply_values(self.session, local, {k: values[k] for k in take})
            local.updated_at = max(local.updated_at, values["updated_at"])
            self.report.count(self.report.updated, section)
        elif not clash:
            self.report.count(self.report.kept, section)
        if clash:
            self.withheld.update(e[0] for e in theirs_new)
            self.report.conflicts.append(
                Conflict(
                    section=section,
                    entity_id=local.id,
                    fields=tuple(clash),
                    local=mine,
                    incoming=theirs,
                    local_updated_at=local.updated_at,
                    incoming_updated_at=values["updated_at"],
                    values=values,
                )
            )

    def _deleted_here(self, section: str, values: dict[str, Any]) -> None:
        """A row deleted in this workspace: kept deleted unless the bundle changed it since."""
        self.gone.add(values["id"])
        theirs_new, _ = self.since_base(values["id"])
        if not theirs_new:
            self.report.count(self.report.kept, section)
            return
        self.withheld.update(e[0] for e in theirs_new)
        theirs = content(values)
        theirs.pop("id")
        self.report.conflicts.append(
            Conflict(
                section=section,
                entity_id=values["id"],
                fields=(DELETED,),
                local={DELETED: "deleted here"},
                incoming={**theirs, DELETED: "changed in the bundle since"},
                local_updated_at=None,
                incoming_updated_at=values["updated_at"],
                values=values,
                kind="deleted_here",
            )
        )

    def deletions(self) -> None:
        """Apply the deletions the bundle's history carries, unless changed here since."""
        for entity_type, deleted_id in self.deleted_there:
            section = SECTION_OF_TYPE.get(entity_type)
            if section is None:
                continue
            model = SECTIONS[section]
            entity_id = self.articles.get(deleted_id, deleted_id)
            local: Any = self.session.get(model, entity_id)
            if local is None:
                continue
            theirs_new, mine_new = self.since_base(deleted_id)
            if mine_new:
                self.withheld.update(e[0] for e in theirs_new)
                mine = content(local_values(section, local))
                mine.pop("id")
                self.report.conflicts.append(
                    Conflict(
                        section=section,
                        entity_id=entity_id,
                        fields=(DELETED,),
                        local={**mine, DELETED: "changed here since"},
                        incoming={DELETED: "deleted in the bundle"},
                        local_updated_at=local.updated_at,
                        incoming_updated_at=None,
                        kind="deleted_there",
                    )
                )
                continue
            self.session.delete(local)
            self.session.flush()
            self.report.count(self.report.deleted, section)

    def append_only(self, section: str, values: dict[str, Any]) -> None:
        model = SECTIONS[section]
        self._map_refs(values)
        if section == "history":
            values["entity_id"] = self.articles.get(values["entity_id"], values["entity_id"])
        if self.session.get(model, values["id"]) is not None:
            self.report.count(self.report.unchanged, section)
            return
        if section == "history" and values["id"] in self.withheld:
            self.report.count(self.report.kept, section)
            return
        if section == "verdicts" and not self.restore and self._parent_gone(section, values):
            self.report.count(self.report.kept, section)
            return
        if section == "verdicts":
            self._require(Claim, values["claim_id"], values, NOUN[section])
            if values["reviewer_id"] is None:
                raise InvalidInput(f"The bundle's verdict {values['id']} has no known reviewer.")
        self.session.add(model(**values))
        self.report.count(self.report.added, section)

    def run(self) -> None:
        if not self.restore:
            self.load_past()
        for section in SECTIONS:
            if section == "verdicts" and not self.restore:
                self.deletions()
            for values in self.records(section):
                if section == "analysts":
                    self.analyst(values)
                elif section in TRACKED:
                    self.tracked(section, values)
                else:
                    self.append_only(section, values)
            self.session.flush()
        for claim_id, status in self.decided.items():
            _require_verdict(self.session, claim_id, status)
        self._put_back_versions()

    def _put_back_versions(self) -> None:
        """An INSERT always starts a row at version 1; a restored row gets its own back."""
        for model, entity_id, version, updated_at in self.versions:
            table = cast(Table, model.__table__)  # each model maps one plain table
            self.session.execute(
                update(table)
                .where(table.c.id == entity_id)
                .values(version=version, updated_at=updated_at)
            )
        if self.versions:
            self.session.expire_all()


def apply_values(session: Session, obj: Any, values: dict[str, Any]) -> None:
    """Set the changeable fields of *obj* from parsed bundle values."""
    with session.no_autoflush:
        for key, value in values.items():
            if key in FIXED or key in ("updated_at", "updated_by_id"):
                continue
            if key == "tags":
                obj.tags = get_tags(session, value)
            elif key == RELAY_FIELD:
                write_chain(session, obj, value)
            elif key == "article_id" and getattr(obj, key) != value:
                raise InvalidInput("A claim cannot move to another article in a merge.")
            else:
                setattr(obj, key, value)


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def import_bundle(ws: Workspace, path: Path | str) -> MergeReport:
    """Merge a ``.claimdesk`` bundle into *ws* (see the module docstring for the rules)."""
    return _merge(ws, path, restore=False)


def restore_bundle(ws: Workspace, path: Path | str) -> MergeReport:
    """Bring back what a snapshot of *ws* (``export_bundle(..., outside_links=True)``)
    holds and was deleted since, with the same ids; all or nothing."""
    return _merge(ws, path, restore=True)


def _merge(ws: Workspace, path: Path | str, restore: bool) -> MergeReport:
    report = MergeReport()
    try:
        with read_bundle(Path(path)) as bundle, ws.session() as session:
            if not restore:
                session.info[FROM_BUNDLE_KEY] = True
            # The analyst importing decides what the review rules allow: in a new local
            # workspace that is the person at this computer, made its first analyst
            # before the bundle's own analysts arrive.
            writing_analyst(session)
            _Merger(session, bundle, report, restore).run()
    except IntegrityError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "a constraint failed"
        raise InvalidInput(
            f"The bundle could not be merged ({reason}); nothing was imported."
        ) from None
    return report


def resolve_conflict(
    ws: Workspace, conflict: Conflict, take: Literal["incoming", "local"] = "incoming"
) -> Conflict | None:
    """Settle a merge conflict: keep the local row, or take the bundle's side.

    Taking the bundle's side applies its values of the conflicting fields, brings
    back a row deleted here, or deletes a row the bundle deleted.  It is refused
    with StaleEdit when the local row changed again since the merge reported it.
    It returns the conflict that puts the local side back: resolving that one
    with ``take="incoming"`` undoes this (and is refused the same way if the row
    changed again meanwhile).  Keeping the local row changes nothing: None.
    """
    if take not in ("incoming", "local"):
        raise InvalidInput("Choose to take the incoming or the local values.")
    if take == "local":
        return None
    model = SECTIONS[conflict.section]
    with ws.session() as session:
        obj = session.get(model, conflict.entity_id)
        if conflict.kind == "deleted_here":
            if obj is not None:
                raise StaleEdit(
                    f"The {conflict.noun} {str(conflict.entity_id)[:8]} was brought back "
                    "since the merge; import the bundle again to compare."
                )
            back = _bring_back(session, conflict)
            session.flush()
            now = content(local_values(conflict.section, back))
            now.pop("id")
            return replace(
                conflict,
                kind="deleted_there",
                local={**now, DELETED: "brought back from the bundle"},
                incoming={DELETED: "deleted here before"},
            )
        if obj is None:
            raise NotFound(f"The {conflict.noun} {conflict.entity_id} no longer exists.")
        before = local_values(conflict.section, obj)
        now = content(before)
        now.pop("id")
        expected = {k: v for k, v in conflict.local.items() if k != DELETED}
        if now != expected:
            raise StaleEdit(
                f"The {conflict.noun} {str(conflict.entity_id)[:8]} changed again since the "
                "merge; import the bundle again to compare.",
                current={conflict.noun: now},
            )
        if conflict.kind == "deleted_there":
            session.delete(obj)
            return replace(
                conflict,
                kind="deleted_here",
                local={DELETED: "deleted as in the bundle"},
                incoming={**now, DELETED: "as it was here"},
                values=before,
            )
        values = {k: v for k, v in conflict.values.items() if k in conflict.fields}
        if isinstance(obj, Claim):  # the "claims" section
            if ANCHOR_FIELDS & set(values):
                _check_anchor(session.get_one(Article, obj.article_id).text, conflict.values)
            _check_decision(
                session, obj, values.get("status"), obj.status, "The local claim is kept."
            )
        apply_values(session, obj, values)
        session.flush()
        after = content(local_values(conflict.section, obj))
        after.pop("id")
        before.pop("id")
        return Conflict(
            section=conflict.section,
            entity_id=conflict.entity_id,
            fields=conflict.fields,
            local=after,
            incoming=conflict.local,
            local_updated_at=conflict.incoming_updated_at,
            incoming_updated_at=conflict.local_updated_at,
            values=before,
        )


def _bring_back(session: Session, conflict: Conflict) -> Any:
    """Re-create a row deleted here from the bundle's values (a conflict settled for them)."""
    model = SECTIONS[conflict.section]
    fields = {k: v for k, v in conflict.values.items() if k != "version"}
    tags = fields.pop("tags", None)
    chain = fields.pop(RELAY_FIELD, None)
    for key, parent in (("article_id", Article), ("claim_id", Claim), ("source_id", Source)):
        if fields.get(key) is not None and session.get(parent, fields[key]) is None:
            raise NotFound(
                f"The {conflict.noun} {str(conflict.entity_id)[:8]} cannot come back: "
                f"its {parent.__name__.lower()} is not in this workspace."
            )
    obj: Any = model(**fields)
    if isinstance(obj, Claim):
        _check_anchor(session.get_one(Article, obj.article_id).text, conflict.values)
        _check_decision(session, obj, obj.status, None, "The claim stays deleted.")
    if tags is not None:
        obj.tags = get_tags(session, tags)
    session.add(obj)
    if chain:
        session.flush()
        present = [sid for sid in chain if session.get(Source, sid) is not None]
        store_chain(session, obj.id, present)
    return obj
