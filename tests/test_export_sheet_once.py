"""The claim sheet's per-claim work: what is the same for many claims is done once.

The sheet's query hands its rows over as the driver reads them (no conversion of
every row's event dates, contested flag or verdict time; the few values there are
get converted once each), and the CSV judges an article's texts and a source's
name once per export, not once per claim, while writing the same cells.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from review_support import add_seed, claim_at

from db import sources
from db.claims import ClaimFilter
from db.exporting import cells, export, sheet
from db.models import Status
from db.workspace import Workspace

ALL = ClaimFilter(statuses=frozenset(Status))


def test_the_sheet_query_converts_no_column_per_row(store: Workspace) -> None:
    dialect = store.engine.dialect
    converted = [
        str(column)
        for column in cells._query(ALL).selected_columns
        if column.type.dialect_impl(dialect).result_processor(dialect, None) is not None
    ]
    assert converted == []


def test_article_and_source_texts_are_judged_once_per_export(
    store: Workspace, seed_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = "=SUM(A1) \u202emarked"
    aid, body = add_seed(store, seed_paths[0], title=title)
    wire = sources.find_or_create_source(store, "@wire")
    made = [
        claim_at(store, aid, body, n, source_id=wire.id, event_start="2024-10-08") for n in range(6)
    ]
    judged: list[str] = []
    real = sheet.neutral_text

    def counting(value: str) -> str:
        judged.append(value)
        return real(value)

    monkeypatch.setattr(sheet, "neutral_text", counting)
    target = tmp_path / "sheet.csv"
    assert export(store, "csv", ALL, target) == len(made)
    assert judged.count(title) == 1
    assert judged.count("@wire") == 1
    with target.open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    column = {name: i for i, name in enumerate(header)}
    assert len(rows) == len(made)
    for row in rows:
        assert row[column["article_title"]] == "'=SUM(A1) <U+202E>marked"
        assert row[column["source"]] == "'@wire"
        assert row[column["event_date"]] == "2024-10-08"
