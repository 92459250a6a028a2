"""Claim entries for the reading formats (HTML, PDF, Markdown): each sheet row
plus its sentence in the article, who decided its status, and its linked claims."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.claims import ClaimFilter, _apply_filter, _base_query
from db.exporting.rows import SheetRow, iter_rows
from db.exporting.support import analyst_names, latest_verdicts
from db.links import FORWARD_LABEL, INVERSE_LABEL
from db.models import CREDIBILITY, RELIABILITY, Article, Claim, Relation, Status
from db.workspace import Workspace

SENTENCE_LIMIT = 400  # characters of context on each side at most
_SENTENCE_END = re.compile(r"[.!?。！？؟](?=[\s\"'”’»)]|$)|\n")


@dataclass(frozen=True, slots=True)
class Entry:
    row: SheetRow
    before: str  # sentence text before the quote
    after: str  # sentence text after the quote
    decided_by: str
    decided_at: dt.datetime
    rationale: str
    links: tuple[tuple[str, uuid.UUID, str], ...]  # (label, other id, other statement)
    # The linked claims that the same export leaves out (another filter, another article).
    outside: frozenset[uuid.UUID] = frozenset()

    @property
    def reliability_meaning(self) -> str:
        return RELIABILITY.get(self.row.reliability or "", "")

    @property
    def credibility_meaning(self) -> str:
        return CREDIBILITY.get(self.row.credibility or 0, "")


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text between the sentence's start and the quote, and between quote and sentence end."""
    lo = max(0, start - SENTENCE_LIMIT)
    before = text[lo:start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[end : end + SENTENCE_LIMIT]
    found = _SENTENCE_END.search(after)
    if found:
        after = after[: found.end()].rstrip("\n")
    return before.lstrip(), after


def status_counts(ws: Workspace, flt: ClaimFilter) -> dict[Status, int]:
    sub = _apply_filter(_base_query(), flt).subquery()
    with ws.session() as session:
        rows = session.execute(select(sub.c.status, func.count()).group_by(sub.c.status))
        return {Status(status): n for status, n in rows}


def describe_filter(flt: ClaimFilter) -> str:
    parts = []
    if flt.statuses:
        parts.append("status " + ", ".join(sorted(s.value for s in flt.statuses)))
    if flt.tags:
        parts.append("tags " + ", ".join(sorted(flt.tags)))
    if flt.article_ids:
        parts.append(f"{len(flt.article_ids)} selected article(s)")
    if flt.source_ids:
        parts.append(f"{len(flt.source_ids)} selected source(s)")
    if flt.text:
        parts.append(f"text containing “{flt.text}”")
    if flt.since:
        parts.append(f"published from {flt.since.date().isoformat()}")
    if flt.until:
        parts.append(f"published before {flt.until.date().isoformat()}")
    if flt.contested_only:
        parts.append("contested only")
    if flt.hide_superseded:
        parts.append("superseded claims left out")
    return "; ".join(parts) or "all claims"


def _statements(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    out: dict[uuid.UUID, str] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        part = id_list[start : start + 500]
        out.update(
            session.execute(select(Claim.id, Claim.statement).where(Claim.id.in_(part))).all()
        )
    return out


def _in_export(session: Session, flt: ClaimFilter, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Those of *ids* that the export of *flt* includes."""
    sub = _apply_filter(_base_query(), flt).subquery()
    found: set[uuid.UUID] = set()
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        part = id_list[start : start + 500]
        found.update(session.scalars(select(sub.c.id).where(sub.c.id.in_(part))))
    return found


def iter_entries(ws: Workspace, flt: ClaimFilter) -> Iterator[list[Entry]]:
    """Entries in the sheet's order (by article), in batches."""
    names = analyst_names(ws)
    text_id: uuid.UUID | None = None
    text = ""
    for batch in iter_rows(ws, flt):
        verdicts = latest_verdicts(ws, [r.id for r in batch])
        with ws.session() as session:
            linked = {link.other_id for r in batch for link in r.links}
            others = _statements(session, linked)
            outside = frozenset(linked - _in_export(session, flt, linked))
            out = []
            for row in batch:
                if row.article_id != text_id:
                    text_id = row.article_id
                    text = session.scalar(select(Article.text).where(Article.id == text_id)) or ""
                before, after = sentence_around(text, row.start, row.end)
                if row.id in verdicts:
                    reviewer, decided_at, rationale = verdicts[row.id]
                    decided_by = names.get(reviewer, "")
                else:
                    decided_by = names.get(row.updated_by_id, "") if row.updated_by_id else ""
                    decided_at, rationale = row.updated_at, ""
                links = tuple(
                    (
                        (FORWARD_LABEL if link.outgoing else INVERSE_LABEL)[
                            Relation(link.relation)
                        ],
                        link.other_id,
                        others.get(link.other_id, ""),
                    )
                    for link in row.links
                )
                out.append(
                    Entry(
                        row,
                        before,
                        after,
                        decided_by,
                        decided_at,
                        rationale,
                        links,
                        outside & {link[1] for link in links},
                    )
                )
        yield out
