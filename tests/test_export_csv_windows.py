"""The CSV sheet's per-batch work, cut without changing a byte of the file.

The tags, links, evidence and relays of several batches' claims are looked up in one
window (four queries a window, not four a batch), and a verdict's time stored as
SQLite's UTC text is written from that text, without the column's conversion per
claim.  Each is checked against the file written the long way, on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from db import contested, evidence, links, relays, sources
from db.articles import NewArticle, add_article
from db.claims import ClaimFilter, create_claim, update_claim
from db.exporting import cells, export, sheet
from db.exporting.verdicts import VerdictCell
from db.models import Relation, Status, Verdict
from db.models.base import UTCDateTime
from db.workspace import Workspace

ALL = ClaimFilter(statuses=frozenset(Status))
BODY = "".join(f"Line {n:02d} of the report, as it was filed. " for n in range(40))


def _fill(ws: Workspace) -> list[uuid.UUID]:
    """Two articles of 12 claims: tags, links, evidence, relays and verdicts spread over
    them, some texts a spreadsheet would run; the claims in sheet order."""
    wire = sources.find_or_create_source(ws, "Wire Desk")
    relay = sources.find_or_create_source(ws, "+Relay")
    made: list[uuid.UUID] = []
    for a in range(2):
        text = f"Report {a}. {BODY}"
        article = add_article(
            ws,
            NewArticle(
                text=text,
                original=text.encode(),
                filename=f"r{a}.txt",
                title=f"Report {a}",
                outlet="=Outlet" if a else "Outlet",
                url=f"https://report.example/{a}",
                published_at=dt.datetime(2024, 6, 3 + a, 8, 15, tzinfo=dt.UTC),
                published_offset=120 if a else None,
            ),
        )
        for n in range(12):
            k = a * 12 + n
            fields: dict[str, Any] = {"statement": f"Statement {k}", "source_id": wire.id}
            if k % 4 == 1:
                fields["tags"] = [f"tag{k % 3}", "@home"]
            if k % 5 == 3:
                fields["event_start"] = dt.date(2024, 5, 1 + k)
            claim = create_claim(ws, article.id, 40 * n, 40 * n + 25, **fields)
            if k % 3 == 0:
                update_claim(ws, claim.id, status="verified", rationale=f"-checked {k}")
            made.append(claim.id)
    links.add_link(ws, made[7], made[2], Relation.UPDATES)
    links.add_link(ws, made[3], made[20], Relation.SUPPORTS)
    evidence.add_evidence(ws, made[10], url="https://example.org/x?a=1", note="filing")
    evidence.add_evidence(ws, made[10], note="call", stance="refutes")
    evidence.add_evidence(ws, made[22], note="memo")
    relays.set_relay_ids(ws, made[14], [relay.id])
    contested.set_contested(ws, [made[0]], True)
    return made


def _export(ws: Workspace, target: Path) -> bytes:
    assert export(ws, "csv", ALL, target) == 24
    return target.read_bytes()


def test_extras_of_several_batches_are_looked_up_together(
    store: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(store)
    monkeypatch.setattr(sheet, "iter_cells", functools.partial(cells.iter_cells, batch=3))
    tag_queries: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if re.search(r"\bFROM claim_tag\b", statement):
            tag_queries.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        together = _export(store, tmp_path / "together.csv")
        assert len(tag_queries) == 2  # the claims with any (one window), the decorated set
        tag_queries.clear()
        monkeypatch.setattr(cells, "EXTRAS_ROWS", 1)  # a window per batch
        apart = _export(store, tmp_path / "apart.csv")
        assert len(tag_queries) == 1 + 8  # every batch of three has a claim with extras
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert together == apart
    text = together.decode()
    for cell in (
        "'@home; tag1",
        "'+Relay",
        "supports ",
        "updates ",
        "refutes: call",
        "'-checked 0",
    ):
        assert cell in text


def test_stored_verdict_times_are_written_without_conversion(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _fill(ws)
    converted: list[Any] = []
    real = UTCDateTime.process_result_value

    def counting(self: UTCDateTime, value: Any, dialect: Any) -> dt.datetime | None:
        converted.append(value)
        return real(self, value, dialect)

    monkeypatch.setattr(UTCDateTime, "process_result_value", counting)
    quick = _export(ws, tmp_path / "quick.csv")
    assert len(converted) == 2  # each article's publication time, no verdict's
    converted.clear()
    monkeypatch.setattr(cells, "_STORED_UTC", re.compile(r"(?!)"))  # every time converted
    slow = _export(ws, tmp_path / "slow.csv")
    assert len(converted) == 2 + 8
    assert quick == slow
    monkeypatch.undo()
    with ws.session() as session:
        at = session.scalars(select(Verdict.decided_at).where(Verdict.claim_id == made[0])).one()
    expected = VerdictCell("", at, "").decided_text
    assert expected.endswith("+00:00") and f",{expected}," in quick.decode()


def test_the_sheet_query_runs_no_subquery_per_claim(store: Workspace, tmp_path: Path) -> None:
    """The verdict behind a claim's status is joined (the latest verdict giving that
    status), not picked by a LIMIT 1 subquery evaluated for every claim."""
    made = _fill(store)
    query = str(cells._query(ALL).compile(dialect=store.engine.dialect))
    assert "LIMIT" not in query.upper()
    update_claim(store, made[0], status="disputed", rationale="-second look")
    update_claim(store, made[0], status="verified", rationale="third look")
    text = _export(store, tmp_path / "sheet.csv").decode()
    first = next(line for line in text.splitlines() if line.startswith(str(made[0])))
    assert ",third look," in first and "checked 0" not in first
