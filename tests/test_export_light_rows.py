"""The CSV and XLSX sheets, written from light rows, hold what the typed claim rows hold.

The typed rows (db.exporting.rows.iter_rows, used by JSON, reports and Web Annotations)
are the reference: every cell of the CSV must equal the reference cell, neutralised,
for claims with tags, links (an update among them), evidence, relays, a contested
mark, formula-like text and no extras at all, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

from openpyxl import load_workbook
from review_support import add_seed, claim_at

from db import contested, evidence, links, relays, sources
from db.claims import ClaimFilter
from db.exporting import export
from db.exporting.cells import id_text, iter_cells
from db.exporting.rows import COLUMNS, iter_rows
from db.exporting.sheet import neutralise
from db.models import Relation, Status
from db.workspace import Workspace

ALL = ClaimFilter(statuses=frozenset(Status))


def _fill(ws: Workspace, seed: Path) -> list[uuid.UUID]:
    aid, body = add_seed(ws, seed)
    plain = claim_at(ws, aid, body, 0, status="verified", rationale="Checked against the record.")
    tagged = claim_at(
        ws,
        aid,
        body,
        1,
        status="verified",
        rationale="Checked against the record.",
        tags=["economy", "=cmd"],
        statement="=HYPERLINK(1)",
        event_start="2024-10-08",
        event_end="2024-10-13",
    )
    newer = claim_at(ws, aid, body, 2, status="in_review", reliability="B", credibility=2)
    relayed = claim_at(ws, aid, body, 3, statement="  -2 percent", notes="@note")
    links.add_link(ws, newer.id, tagged.id, Relation.UPDATES)
    links.add_link(ws, plain.id, relayed.id, Relation.SUPPORTS)
    evidence.add_evidence(ws, tagged.id, url="https://example.org/a", note="budget table")
    evidence.add_evidence(ws, relayed.id, note="+ phone call", stance="refutes")
    first = sources.find_or_create_source(ws, "Wire One")
    second = sources.find_or_create_source(ws, "Wire Two")
    relays.set_relay_ids(ws, relayed.id, [first.id, second.id])
    contested.set_contested(ws, [plain.id], True)
    return [plain.id, tagged.id, newer.id, relayed.id]


def test_csv_cells_equal_the_typed_rows(store: Workspace, seed_paths, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _fill(store, seed_paths[0])
    target = tmp_path / "sheet.csv"
    assert export(store, "csv", ALL, target) == 4
    with target.open(encoding="utf-8", newline="") as fh:
        header, *written = list(csv.reader(fh))
    assert tuple(header) == COLUMNS
    expected = [
        [str(neutralise(row.cells()[c])) for c in COLUMNS]
        for batch in iter_rows(store, ALL)
        for row in batch
    ]
    assert written == expected
    by_id = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in written}
    plain, tagged, newer, relayed = (by_id[str(i)] for i in ids)
    assert plain["contested"] == "yes" and relayed["contested"] == ""
    assert tagged["superseded_by"] == str(ids[2]) and tagged["tags"] == "'=cmd; economy"
    assert tagged["statement"].startswith("'=") and relayed["statement"].startswith("'  -2")
    assert relayed["relayed_by"] == "Wire One; Wire Two"
    assert relayed["evidence"] == "refutes: + phone call"
    assert tagged["event_date"] == "2024-10-08/2024-10-13"
    assert newer["grading"] == "B2" and plain["links"] == f"supports {ids[3]}"


def test_xlsx_claims_sheet_equals_the_light_rows(
    store: Workspace, seed_paths, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _fill(store, seed_paths[1])
    target = tmp_path / "sheet.xlsx"
    assert export(store, "xlsx", ALL, target) == 4
    sheet = load_workbook(target, read_only=True)["Claims"]
    header, *written = list(sheet.iter_rows(values_only=True))
    assert header[0] == "id" and len(written) == 4
    light = [row for batch in iter_cells(store, ALL, batch=3) for row in batch]  # two batches
    assert [r[0] for r in written] == [row.id for row in light]
    column = {name: i for i, name in enumerate(header)}
    for cells, row in zip(written, light, strict=True):
        for name in ("statement", "quote", "tags", "links", "superseded_by", "evidence"):
            assert (cells[column[name]] or "") == getattr(row, name)
        assert cells[column["contested"]] == ("yes" if row.contested else None)


def test_ids_read_as_stored_come_out_dashed() -> None:
    value = uuid.uuid4()
    assert id_text(value.hex) == str(value)
    assert id_text(value) == str(value)
