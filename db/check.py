"""Check a workspace: is everything in it what ClaimDesk wrote and expects?

:func:`check_workspace` reads only.  It reports, in words, the database's own
integrity and foreign keys (SQLite), the schema revision, every claim's
anchor (its quote equal to the article text at its offsets, its context equal
to the text on each side), links between existing claims and the history's
order.  :func:`repair_workspace` fixes what can be fixed safely — context
derived again from the text, a quote found again at one unambiguous place —
each repair a recorded edit in the claim's history; it is only ever run when
asked for.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError

from db import append_only
from db.anchors import CONTEXT_CHARS, make_anchor
from db.models import Article, Claim, ClaimLink, HistoryEntry
from db.workspace import Workspace, current_revision, head_revision

Progress = Callable[[int, int], object]
EXAMPLES = 5


@dataclass
class Finding:
    """One kind of problem, how many rows have it, and a few of them by id."""

    check: str
    message: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    repairable: bool = False

    def add(self, example: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(example)


@dataclass
class CheckReport:
    passed: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def repairable(self) -> int:
        return sum(f.count for f in self.findings if f.repairable)

    def lines(self) -> list[str]:
        out = [f"ok    {line}" for line in self.passed]
        out += [f"skip  {line}" for line in self.skipped]
        for f in self.findings:
            fix = " (can be repaired: claimdesk check --repair)" if f.repairable else ""
            out.append(f"FAIL  {f.message}: {f.count}{fix}")
            out += [f"        {example}" for example in f.examples]
        if self.ok:
            out.append("The workspace is sound.")
        else:
            total = sum(f.count for f in self.findings)
            out.append(f"{total} problem(s) found.")
        return out


@dataclass(frozen=True)
class ClaimAnchor:
    id: uuid.UUID
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def _claims_by_article(conn: Connection) -> Iterator[tuple[uuid.UUID, str, list[ClaimAnchor]]]:
    articles = conn.execute(select(Article.id).order_by(Article.id)).scalars().all()
    for article_id in articles:
        body = conn.execute(select(Article.text).where(Article.id == article_id)).scalar_one()
        rows = conn.execute(
            select(Claim.id, Claim.start, Claim.end, Claim.quote, Claim.prefix, Claim.suffix)
            .where(Claim.article_id == article_id, Claim.orphaned.is_(False))
            .order_by(Claim.start)
        ).all()
        yield article_id, body, [ClaimAnchor(*row) for row in rows]


def _anchor_problem(body: str, claim: ClaimAnchor) -> str | None:
    """'quote' when the quote is not at its offsets, 'context' when only the context differs."""
    if (
        not 0 <= claim.start <= claim.end <= len(body)
        or body[claim.start : claim.end] != claim.quote
    ):
        return "quote"
    expected = make_anchor(body, claim.start, claim.end)
    if claim.prefix != expected.prefix or claim.suffix != expected.suffix:
        return "context"
    return None


def check_workspace(ws: Workspace, progress: Progress | None = None) -> CheckReport:
    """Check everything; reads only."""
    report = CheckReport()
    postgres = ws.engine.dialect.name == "postgresql"
    with ws.engine.connect() as conn:
        if postgres:
            report.skipped.append(
                "database integrity and foreign keys: kept by the PostgreSQL server itself"
            )
        else:
            problems = [r[0] for r in conn.execute(text("PRAGMA integrity_check(20)"))]
            if problems == ["ok"]:
                report.passed.append("database integrity (SQLite integrity check)")
            else:
                finding = Finding("integrity", "SQLite integrity check failed")
                for p in problems:
                    finding.add(str(p))
                report.findings.append(finding)
            broken = conn.execute(text("PRAGMA foreign_key_check")).all()
            if not broken:
                report.passed.append("foreign keys")
            else:
                finding = Finding("foreign_keys", "rows pointing at rows that do not exist")
                for row in broken:
                    finding.add(f"{row[0]} row {row[1]} → {row[2]}")
                report.findings.append(finding)
        current, head = current_revision(ws.engine), head_revision(ws.engine)
        if current == head:
            report.passed.append(f"schema at revision {head}")
        else:
            finding = Finding("schema", f"schema at revision {current}, expected {head}")
            finding.add(f"{current} → {head}")
            report.findings.append(finding)

        gone = append_only.missing(conn)
        if gone:
            finding = Finding(
                "append_only",
                "history and verdicts are not protected from change: the database's "
                "append-only triggers are not in place",
            )
            finding.repairable = True
            for line in gone:
                finding.add(line)
            report.findings.append(finding)
        else:
            report.passed.append("history and verdicts append-only (their triggers in place)")

        quotes = Finding("quote", "claims whose quote differs from the article text at its offsets")
        quotes.repairable = True
        # What the repair cannot do: the quote is nowhere in the text, or in several places
        # its context does not tell apart (see _relocate).
        lost = Finding(
            "quote_lost",
            "claims whose quote differs from the article text at its offsets and is not at "
            "one unambiguous place in it (place each again by hand: claimdesk claim edit "
            "ID --start N --end N)",
        )
        contexts = Finding("context", "claims whose context differs from the text around them")
        contexts.repairable = True
        total = conn.execute(select(func.count()).select_from(Article)).scalar_one()
        claims = 0
        for n, (article_id, body, anchors) in enumerate(_claims_by_article(conn), 1):
            for claim in anchors:
                claims += 1
                problem = _anchor_problem(body, claim)
                if problem == "quote":
                    found = quotes if _relocate(body, claim) is not None else lost
                    found.add(f"claim {claim.id} in article {article_id}")
                elif problem == "context":
                    contexts.add(f"claim {claim.id} in article {article_id}")
            if progress is not None:
                progress(n, total)
        for finding in (quotes, lost, contexts):
            if finding.count:
                report.findings.append(finding)
        if not quotes.count and not lost.count:
            report.passed.append(f"every claim's quote matches its article ({claims} claims)")
        if not contexts.count:
            report.passed.append("every claim's context matches its article")

        orphaned = conn.execute(
            select(func.count()).select_from(Claim).where(Claim.orphaned.is_(True))
        ).scalar_one()
        if orphaned:
            report.skipped.append(
                f"{orphaned} orphaned claim(s) wait to be placed again (claimdesk orphans)"
            )

        from_claim = Claim.__table__.alias("from_claim")
        to_claim = Claim.__table__.alias("to_claim")
        dangling = (
            conn.execute(
                select(ClaimLink.id)
                .outerjoin(from_claim, from_claim.c.id == ClaimLink.from_claim_id)
                .outerjoin(to_claim, to_claim.c.id == ClaimLink.to_claim_id)
                .where((from_claim.c.id.is_(None)) | (to_claim.c.id.is_(None)))
            )
            .scalars()
            .all()
        )
        if dangling:
            finding = Finding("links", "links pointing at claims that do not exist")
            for link_id in dangling:
                finding.add(f"link {link_id}")
            report.findings.append(finding)
        else:
            report.passed.append("every link joins two existing claims")

        unnumbered = conn.execute(
            select(func.count()).select_from(HistoryEntry).where(HistoryEntry.seq.is_(None))
        ).scalar_one()
        twice = (
            conn.execute(
                select(HistoryEntry.seq)
                .where(HistoryEntry.seq.is_not(None))
                .group_by(HistoryEntry.seq)
                .having(func.count() > 1)
                .limit(EXAMPLES)
            )
            .scalars()
            .all()
        )
        if unnumbered or twice:
            finding = Finding("history", "history entries without a unique position")
            finding.count = unnumbered + len(twice)
            finding.examples = [f"position {seq} used twice" for seq in twice]
            report.findings.append(finding)
        else:
            report.passed.append("history in order (every entry has its own position)")
    return report


@dataclass
class RepairReport:
    context_fixed: int = 0
    reanchored: int = 0
    triggers_put_back: bool = False
    triggers_left: str = ""  # why the triggers could not be written again
    left: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"{self.context_fixed} claim context(s) derived again from the text",
            f"{self.reanchored} claim(s) anchored again where their quote is",
        ]
        if self.triggers_put_back:
            out.append("the append-only triggers of history and verdicts written again")
        if self.triggers_left:
            out.append(self.triggers_left)
        if self.left:
            out.append(
                f"{len(self.left)} claim(s) could not be placed safely and were left as they are:"
            )
            out += [f"  {line}" for line in self.left[:20]]
        return out


def _relocate(body: str, claim: ClaimAnchor) -> int | None:
    """The one start where the quote sits with its context, or None when not unambiguous."""
    if not claim.quote:
        return None
    places = []
    at = body.find(claim.quote)
    while at != -1:
        places.append(at)
        at = body.find(claim.quote, at + 1)
    if len(places) == 1:
        return places[0]
    fitting = [
        p
        for p in places
        if body[max(0, p - CONTEXT_CHARS) : p].endswith(claim.prefix)
        and body[p + len(claim.quote) :].startswith(claim.suffix)
    ]
    return fitting[0] if len(fitting) == 1 else None


def repair_workspace(ws: Workspace) -> RepairReport:
    """Repair what can be repaired safely; every change goes into the claims' history."""
    report = RepairReport()
    with ws.engine.connect() as conn:
        gone = append_only.missing(conn)
    if gone:
        try:
            with ws.engine.begin() as conn:
                append_only.put_back(conn)
            report.triggers_put_back = True
        except DBAPIError as exc:
            reason = " ".join(str(exc.orig).split())
            report.triggers_left = (
                f"the append-only triggers could not be written again ({reason}); "
                "the owner of the database's tables can, with claimdesk check --repair"
            )
    with ws.engine.connect() as conn:
        todo: list[tuple[ClaimAnchor, str, str]] = []
        for article_id, body, anchors in _claims_by_article(conn):
            for claim in anchors:
                problem = _anchor_problem(body, claim)
                if problem is not None:
                    todo.append((claim, problem, str(article_id)))
    for claim, problem, article_name in todo:
        with ws.session() as session:
            row = session.get_one(Claim, claim.id)
            body = session.scalar(select(Article.text).where(Article.id == row.article_id)) or ""
            if problem == "context":
                anchor = make_anchor(body, row.start, row.end)
                row.prefix, row.suffix = anchor.prefix, anchor.suffix
                report.context_fixed += 1
                continue
            start = _relocate(body, claim)
            if start is None:
                report.left.append(
                    f"claim {claim.id} in article {article_name}: {claim.quote[:60]!r}"
                )
                continue
            anchor = make_anchor(body, start, start + len(claim.quote))
            row.start, row.end = anchor.start, anchor.end
            row.prefix, row.suffix = anchor.prefix, anchor.suffix
            report.reanchored += 1
    return report
